import cliProgress from 'cli-progress';

export interface Progress {
  update(bytesRead: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };

/**
 * A progress bar on stderr while a capture is read: only when stderr is a terminal (never
 * in logs or pipes) and not --quiet, and only worth it for captures of some size.
 */
export function progressBar(label: string, totalBytes: number, quiet: boolean): Progress {
  if (quiet || !process.stderr.isTTY || totalBytes < 32 * 1024 * 1024) return SILENT;
  const MiB = 1024 * 1024;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {done}/{whole} MiB | {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalBytes, 0, { done: 0, whole: Math.round(totalBytes / MiB) });
  return {
    update: (n) => bar.update(n, { done: Math.round(n / MiB) }),
    stop: () => bar.stop(),
  };
}
