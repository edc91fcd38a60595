/*
 * What to undo when the process is stopped by a signal (Ctrl-C, SIGTERM, SIGHUP) while it
 * holds something: a browser running, a temporary file, a lock on an output set. Each
 * holder registers an undo step and removes it when done; the CLI's signal handler
 * (cli/signals.ts) runs the steps left, synchronously, then exits. Steps must be quick and
 * synchronous: the process is about to end.
 */

const steps = new Set<() => void>();

/** Register an undo step; call the returned function when it is no longer needed. */
export function onInterrupt(step: () => void): () => void {
  steps.add(step);
  return () => void steps.delete(step);
}

/** Run every registered step (each at most once), newest first; errors are ignored: the rest still run. */
export function runInterruptSteps(): void {
  for (const step of [...steps].reverse()) {
    steps.delete(step);
    try {
      step();
    } catch {
      // Best effort: the process is ending.
    }
  }
}
