import { runInterruptSteps } from '../interrupt.js';

/*
 * Ctrl-C, SIGTERM (a service manager, `timeout`) and SIGHUP (the terminal closed): stop at
 * once, leaving nothing behind: the browser killed, temporary files and locks removed
 * (interrupt.ts). Files already renamed into place are whole; the others were never there.
 * The exit code is the shell's for a signal, 128 + its number.
 */

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type HandledSignal = keyof typeof SIGNAL_NUMBERS;

/** Handle the signals for the rest of the process's life (the command-line tool only: a library leaves signals to its host). */
export function handleSignals(stderr: (s: string) => void): void {
  const stop = (signal: HandledSignal) => {
    runInterruptSteps();
    try {
      stderr(`labreport: stopped by ${signal}; no half-written file was left\n`);
    } catch {
      // the terminal may be gone (SIGHUP)
    }
    process.exit(128 + SIGNAL_NUMBERS[signal]);
  };
  for (const signal of Object.keys(SIGNAL_NUMBERS) as HandledSignal[]) process.on(signal, stop);
}
