import { availableParallelism } from 'node:os';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { onInterrupt } from '../interrupt.js';
import type { Limits } from '../limits.js';
import { removeOwnLeftovers, reportBaseName } from '../output.js';
import type { ReportConfig } from '../report/config.js';
import type { BrowserChoice } from '../render/browser.js';
import { killBrowser, ownBrowsers, type BrowserHandle, type PdfBudget } from '../render/pdf.js';
import { failedRow, markDuplicates, type SummaryRow } from '../report/summary.js';

/*
 * A whole class at once: `labreport build a.pcapng b.pcap DIR/` builds one report per
 * capture, in parallel across the cores, and a class summary. One broken capture does
 * not stop the others; the exit code says whether any failed.
 */

export interface BatchJob {
  capture: string;
  /** Output base name, unique within the batch. */
  name: string;
}

export interface BatchResult {
  row: SummaryRow;
  /** Why it failed: bad input (exit code 2) or a bug (exit code 1); null when it succeeded. */
  failure: 'input' | 'internal' | null;
}

const CAPTURE_FILE = /\.(pcapng|pcap|cap|ntar)(\.(gz|zst))?$/i;
/** Folders a search skips: hidden ones (.git, .cache …) and installed packages. */
const SKIPPED_FOLDER = /^(\.|node_modules$)/;

/** The captures named: files as given, folders searched (recursively, not into hidden folders or node_modules) for captures, in name order. */
export function expandCaptures(args: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDER.test(entry.name)) walk(path);
      } else if (CAPTURE_FILE.test(entry.name)) out.push(path);
    }
  };
  for (const arg of args) {
    if (existsSync(arg) && statSync(arg).isDirectory()) walk(arg);
    else out.push(arg);
  }
  return out;
}

/** Output names from the capture names; two captures with the same name get -2, -3 … in the order given. */
export function batchJobs(captures: string[]): BatchJob[] {
  const used = new Map<string, number>();
  return captures.map((capture) => {
    const base = reportBaseName(capture);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { capture, name: n === 1 ? base : `${base}-${n}` };
  });
}

export interface BatchOptions {
  limits: Limits;
  config: ReportConfig;
  out: string;
  /** The browser for the PDFs, chosen once for the whole class. */
  chrome?: BrowserChoice | undefined;
  pdfBudget: PdfBudget;
  /** Called as each capture finishes. */
  onDone?: (job: BatchJob, result: BatchResult) => void;
}

/** What the main thread tells a worker: a capture to build, or that there are no more. */
export type WorkerTask =
  { job: BatchJob; limits: Limits; config: ReportConfig; out: string; chrome?: BrowserChoice | undefined; pdfBudget: PdfBudget } | { done: true };

/** What a worker tells the main thread: a capture's result, or that its browser started or ended (to kill it if interrupted). */
export type WorkerMessage = BatchResult | { browserStarted: BrowserHandle } | { browserEnded: number };

/** How long an interrupted class build gives its workers to stop before removing what they left. */
const WORKER_STOP_MS = 100;

/** Build every job on a pool of worker threads, one per core; results in the jobs' order. */
export async function runBatch(jobs: BatchJob[], options: BatchOptions): Promise<BatchResult[]> {
  const results: BatchResult[] = new Array(jobs.length);
  let next = 0;
  const workerCount = Math.max(1, Math.min(availableParallelism(), jobs.length));
  const { limits, config, out, chrome, pdfBudget } = options;
  // Interrupted, the workers end with the process; what they held is removed here: their browsers, temporary files and locks.
  const browsers = new Map<number, BrowserHandle>();
  const workers: Worker[] = [];
  const forget = onInterrupt(() => {
    // Stop the workers first (termination is asked for now and takes effect within moments), so none makes a file after the sweep.
    for (const w of workers) void w.terminate();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WORKER_STOP_MS);
    // The browsers the workers told of, and (on Linux) those still starting, found among this process's children.
    for (const handle of [...browsers.values(), ...ownBrowsers()]) killBrowser(handle);
    removeOwnLeftovers(out);
  });
  await Promise.all(
    Array.from({ length: workerCount }, () => {
      const worker = new Worker(new URL('./batch-worker.js', import.meta.url));
      workers.push(worker);
      return new Promise<void>((resolve) => {
        let current = -1;
        const give = () => {
          if (next >= jobs.length) {
            worker.postMessage({ done: true });
            return;
          }
          current = next++;
          worker.postMessage({ job: jobs[current]!, limits, config, out, chrome, pdfBudget } satisfies WorkerTask);
        };
        worker.on('message', (message: WorkerMessage) => {
          if ('browserStarted' in message) return void browsers.set(message.browserStarted.pid, message.browserStarted);
          if ('browserEnded' in message) return void browsers.delete(message.browserEnded);
          const result = message;
          results[current] = result;
          options.onDone?.(jobs[current]!, result);
          give();
        });
        worker.on('exit', () => resolve());
        worker.on('error', (e) => {
          // A worker that died took its capture with it; the other workers go on with the rest.
          if (current >= 0 && !results[current]) {
            const job = jobs[current]!;
            results[current] = { row: failedRow(job.capture, job.name, `internal error: ${e.message}`), failure: 'internal' };
            options.onDone?.(job, results[current]!);
          }
          resolve();
        });
        give();
      });
    }),
  );
  forget();
  for (let i = 0; i < jobs.length; i++)
    results[i] ??= { row: failedRow(jobs[i]!.capture, jobs[i]!.name, 'not built: every worker failed'), failure: 'internal' };
  markDuplicates(results.map((r) => r.row));
  return results;
}
