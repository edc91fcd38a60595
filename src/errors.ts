/** Exit codes (README, "Exit codes"). */
export const EXIT = { OK: 0, INTERNAL: 1, BAD_INPUT: 2 } as const;

/** Bad usage or bad input: one line on stderr, exit code 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
