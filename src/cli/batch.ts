import { availableParallelism } from 'node:os';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Limits } from '../limits.js';
import { reportBaseName } from '../output.js';
import type { ReportConfig } from '../report/config.js';
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

const CAPTURE_FILE = /\.(pcapng|pcap|cap|ntar)$/i;

/** The captures named: files as given, folders searched (recursively) for .pcap/.pcapng files, in name order. */
export function expandCaptures(args: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (CAPTURE_FILE.test(entry.name)) out.push(path);
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
  chrome?: string | undefined;
  /** Called as each capture finishes. */
  onDone?: (job: BatchJob, result: BatchResult) => void;
}

/** Build every job on a pool of worker threads, one per core; results in the jobs' order. */
export async function runBatch(jobs: BatchJob[], options: BatchOptions): Promise<BatchResult[]> {
  const results: BatchResult[] = new Array(jobs.length);
  let next = 0;
  const workerCount = Math.max(1, Math.min(availableParallelism(), jobs.length));
  const { limits, config, out, chrome } = options;
  await Promise.all(
    Array.from({ length: workerCount }, () => {
      const worker = new Worker(new URL('./batch-worker.js', import.meta.url));
      return new Promise<void>((resolve) => {
        let current = -1;
        const give = () => {
          if (next >= jobs.length) {
            worker.postMessage({ done: true });
            return;
          }
          current = next++;
          worker.postMessage({ job: jobs[current], limits, config, out, chrome });
        };
        worker.on('message', (result: BatchResult) => {
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
  for (let i = 0; i < jobs.length; i++)
    results[i] ??= { row: failedRow(jobs[i]!.capture, jobs[i]!.name, 'not built: every worker failed'), failure: 'internal' };
  markDuplicates(results.map((r) => r.row));
  return results;
}
