import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS, loadCorpus, runFuzz, type Finding } from './runner.js';

/*
 * npm run fuzz [-- --cases 5000 --seed 1 --workers 2 --timeout 10 --corpus DIR,DIR --no-sweep --case ID,ID]
 *
 * Mutates the fixtures and builds a report of each mutant, and reports crashes (an exit
 * code other than 0 and 2, an uncaught error, output that breaks its contract), hangs
 * (over the time limit) and the slowest cases. Exits 1 if it found any crash or hang.
 */

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string' },
    timeout: { type: 'string', default: '10' },
    corpus: { type: 'string' },
    'no-sweep': { type: 'boolean', default: false },
    case: { type: 'string' },
    save: { type: 'string', default: 'output/fuzz' },
  },
});

const corpusDirs = values.corpus ? values.corpus.split(',') : DEFAULT_CORPUS;
const corpus = loadCorpus(corpusDirs);
const seed = Number(values.seed);
const only = values.case?.split(',').map(Number);
console.log(
  `labreport fuzz: seed ${seed}, ${only ? `case ${only.join(', ')}` : `${values.cases} random cases${values['no-sweep'] ? '' : ' + a truncation sweep of every record'}`}, ${corpus.length} fixtures (${corpusDirs.join(', ')}), time limit ${values.timeout} s`,
);

let lastPrinted = 0;
const report = await runFuzz({
  seed,
  cases: Number(values.cases),
  corpus,
  sweep: !values['no-sweep'],
  ...(only ? { only } : {}),
  ...(values.workers ? { workers: Number(values.workers) } : {}),
  timeoutMs: Number(values.timeout) * 1000,
  saveDir: values.save,
  onProgress: (done, total) => {
    if (done === total || performance.now() - lastPrinted > 10_000) {
      lastPrinted = performance.now();
      console.log(`  ${done}/${total} cases`);
    }
  },
});

const show = (f: Finding) =>
  `  case ${f.case.id} (${f.ms.toFixed(0)} ms) ${f.case.fixture}: ${f.case.mutations.join('; ')}\n    ${f.problem}${f.saved ? `\n    saved as ${f.saved}; rerun with: npm run fuzz -- --seed ${seed} --case ${f.case.id}` : ''}`;
const seconds = report.ms / 1000;
console.log(`\n${report.total} cases in ${seconds.toFixed(1)} s (${(report.total / seconds).toFixed(1)} cases/s)`);
console.log(`  ${report.reports} ended in a report (exit 0), ${report.errors} in a one-line error (exit 2)`);
console.log(`crashes: ${report.crashes.length}`);
for (const f of report.crashes.slice(0, 20)) console.log(show(f));
console.log(`hangs (over ${values.timeout} s): ${report.hangs.length}`);
for (const f of report.hangs.slice(0, 20)) console.log(show(f));
console.log('slowest cases:');
for (const f of report.slowest) console.log(`  ${(f.ms / 1000).toFixed(2)} s  case ${f.case.id} ${f.case.fixture}: ${f.case.mutations.join('; ')}`);
console.log('cases by mutation (ending in a report / all):');
for (const [name, s] of [...report.byMutator].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${name.padEnd(24)} ${s.reports}/${s.cases}`);
process.exitCode = report.crashes.length || report.hangs.length ? 1 : 0;
