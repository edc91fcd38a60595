import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fileLayout } from './layout.js';
import { caseRng, mutateCase } from './mutate.js';
import type { CaseRequest, CaseResult } from './check.js';

/*
 * The fuzzing run: mutated captures built on a pool of worker threads, each case timed,
 * a case over the time limit stopped (its worker terminated and replaced), and every
 * case checked to end as it must (see worker.ts).
 */

/** The package root: this file is src/fuzz/runner.ts (under the tests) or dist/fuzz/runner.js. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The worker is always the compiled one: the tests run the code users run. */
const WORKER = join(ROOT, 'dist', 'fuzz', 'worker.js');

export interface CorpusFile {
  name: string;
  bytes: Buffer;
}

/** The captures to mutate: every .pcap/.pcapng in the folders given. */
export function loadCorpus(dirs: string[]): CorpusFile[] {
  return dirs
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => /\.(pcap|pcapng)$/.test(f))
        .sort()
        .map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) })),
    );
}

/** The folders searched by default: the shipped fixtures, and the public captures beside the repository when present. */
export const DEFAULT_CORPUS = [join(ROOT, 'fixtures'), join(ROOT, '..', 'shared', 'fixtures', 'public')];

export interface FuzzCase {
  id: number;
  fixture: string;
  mutations: string[];
  bytes: Buffer;
}

export interface Finding {
  case: Omit<FuzzCase, 'bytes'>;
  ms: number;
  problem: string;
  /** Where the case's capture was saved, to reproduce it. */
  saved?: string;
}

export interface FuzzOptions {
  seed: number;
  /** Seeded random cases. */
  cases: number;
  corpus: CorpusFile[];
  /** Also cut every fixture at the start of every record and inside every record. */
  sweep?: boolean;
  /** Only these case ids (to reproduce one). */
  only?: number[];
  workers?: number;
  timeoutMs?: number;
  /** Where to save the captures of failing cases. */
  saveDir?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface FuzzReport {
  total: number;
  reports: number;
  errors: number;
  crashes: Finding[];
  hangs: Finding[];
  slowest: Finding[];
  /** Cases by the first mutation applied: [mutator, cases, ending in a report]. */
  byMutator: Map<string, { cases: number; reports: number }>;
  ms: number;
}

/** The truncation sweep: for every fixture and record, a cut at the record's start and one inside it. */
function sweepCases(seed: number, corpus: CorpusFile[], firstId: number): (() => FuzzCase)[] {
  const cases: (() => FuzzCase)[] = [];
  let id = firstId;
  for (const file of corpus) {
    const layout = fileLayout(file.bytes);
    if (!layout) continue;
    layout.records.forEach((rec, i) => {
      const atId = id++;
      cases.push(() => ({
        id: atId,
        fixture: file.name,
        mutations: [`truncate at record: cut before record ${i + 1} (byte ${rec.start})`],
        bytes: file.bytes.subarray(0, rec.start),
      }));
      const insideId = id++;
      cases.push(() => {
        const at = rec.start + 1 + caseRng(seed, insideId).int(rec.length - 1);
        return {
          id: insideId,
          fixture: file.name,
          mutations: [`truncate inside record: cut inside record ${i + 1} at byte ${at}`],
          bytes: file.bytes.subarray(0, at),
        };
      });
    });
  }
  return cases;
}

/** Report options varied by case, so every path of the renderer is fuzzed too. */
function caseArgs(id: number): string[] {
  const args = ['--format', 'json,md,html', '--quiet'];
  if (id % 3 === 1) args.push('--lang', 'zh');
  if (id % 4 === 2) args.push('--reveal-secrets');
  if (id % 5 === 3) args.push('--lab', 'kurose-ross-http');
  return args;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { seed, corpus } = options;
  if (corpus.length === 0) throw new Error('no captures to fuzz: the corpus folders hold no .pcap or .pcapng file');
  const timeoutMs = options.timeoutMs ?? 10_000;
  let makers: (() => FuzzCase)[] = Array.from({ length: options.cases }, (_, id) => () => ({ id, ...mutateCase(seed, id, corpus) }));
  if (options.sweep) makers.push(...sweepCases(seed, corpus, options.cases));
  if (options.only) {
    const all = makers;
    makers = options.only.map((id) => all[id] ?? (() => ({ id, ...mutateCase(seed, id, corpus) })));
  }

  const scratch = mkdtempSync(join(tmpdir(), 'labreport-fuzz-'));
  const report: FuzzReport = { total: makers.length, reports: 0, errors: 0, crashes: [], hangs: [], slowest: [], byMutator: new Map(), ms: 0 };
  const started = performance.now();
  let next = 0;
  let done = 0;

  const record = (c: FuzzCase, result: CaseResult | null, problem: string | null, kind: 'crash' | 'hang' | null) => {
    const summary = { id: c.id, fixture: c.fixture, mutations: c.mutations };
    const mutator = c.mutations[0]?.split(':')[0] ?? 'none';
    const stats = report.byMutator.get(mutator) ?? { cases: 0, reports: 0 };
    stats.cases++;
    report.byMutator.set(mutator, stats);
    if (kind) {
      const finding: Finding = { case: summary, ms: result?.ms ?? timeoutMs, problem: problem! };
      if (options.saveDir) {
        mkdirSync(options.saveDir, { recursive: true });
        finding.saved = join(options.saveDir, `case-${seed}-${c.id}.${c.fixture.split('.').pop()}`);
        writeFileSync(finding.saved, c.bytes);
      }
      (kind === 'crash' ? report.crashes : report.hangs).push(finding);
    } else if (result) {
      if (result.code === 0) {
        report.reports++;
        stats.reports++;
      } else report.errors++;
      report.slowest.push({ case: summary, ms: result.ms, problem: '' });
      report.slowest.sort((a, b) => b.ms - a.ms);
      report.slowest.length = Math.min(report.slowest.length, 10);
    }
    options.onProgress?.(++done, makers.length);
  };

  const lane = async (lane: number): Promise<void> => {
    const dir = join(scratch, `w${lane}`);
    mkdirSync(join(dir, 'out'), { recursive: true });
    let worker: Worker | null = null;
    // A listener per worker life: the result of the case in flight, or how the worker died.
    let settle: ((outcome: { result?: CaseResult; died?: string }) => void) | null = null;
    const spawn = () => {
      const w = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
      w.on('message', (result: CaseResult) => settle?.({ result }));
      w.on('error', (e) => settle?.({ died: `uncaught ${e.name}: ${e.message}` }));
      w.on('exit', (code) => settle?.({ died: `worker exited with code ${code}` }));
      return w;
    };
    while (next < makers.length) {
      const c = makers[next++]!();
      const capture = join(dir, `case-${c.id}.${c.fixture.split('.').pop()}`);
      writeFileSync(capture, c.bytes);
      worker ??= spawn();
      const outcome = await new Promise<{ result?: CaseResult; died?: string; timedOut?: boolean }>((resolve) => {
        const timer = setTimeout(() => resolve({ timedOut: true }), timeoutMs);
        settle = (o) => {
          clearTimeout(timer);
          resolve(o);
        };
        worker!.postMessage({ id: c.id, capture, outDir: join(dir, 'out'), args: caseArgs(c.id) } satisfies CaseRequest);
      });
      settle = null;
      rmSync(capture, { force: true });
      if (outcome.timedOut) {
        record(c, null, `no answer after ${timeoutMs / 1000} s`, 'hang');
        await worker.terminate();
        worker = null;
      } else if (outcome.died) {
        record(c, null, outcome.died, 'crash');
        worker = null;
      } else {
        const result = outcome.result!;
        record(c, result, result.problem, result.problem ? 'crash' : null);
      }
    }
    await worker?.terminate();
  };

  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), makers.length));
  try {
    await Promise.all(Array.from({ length: workers }, (_, i) => lane(i)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  report.ms = performance.now() - started;
  return report;
}
