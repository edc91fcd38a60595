import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { run } from '../cli/main.js';
import { checkCase, type CaseRequest, type CaseResult } from './check.js';

/*
 * One fuzzing worker: builds the reports of one mutated capture at a time, in process (a
 * fresh `node` per case would cost more than the case), and checks how the case ended.
 */

parentPort!.on('message', async (req: CaseRequest) => {
  if (existsSync(req.outDir)) for (const f of readdirSync(req.outDir)) rmSync(join(req.outDir, f), { recursive: true, force: true });
  let stdout = '';
  let stderr = '';
  const started = performance.now();
  const code = await run(['build', req.capture, '--out', req.outDir, ...req.args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  const ms = performance.now() - started;
  let problem: string | null;
  try {
    problem = checkCase(req, code, stdout, stderr);
  } catch (e) {
    problem = `checking the outputs failed: ${(e as Error).message}`;
  }
  parentPort!.postMessage({ id: req.id, code, ms, problem } satisfies CaseResult);
});
