#!/usr/bin/env node
// npm run bench: labreport against tshark doing the same extraction and against the floor
// (scripts/bench-floor.mjs: the least a reader of the file must do), side by side in one
// run, on captures made from the recorded lab traffic (scripts/bench-captures.mjs); then
// a lab-sized report against `tshark -V`, the PDF against Chromium printing alone, a class
// batch against single builds, and the hostile captures of issue 9.
//
// Parts (BENCH_PARTS, comma-separated; default all):
//   throughput  each capture: `labreport build --format json`, `tshark -r F -Y 'http ||
//               smtp || pop || imap' -T fields …`, the floor; seconds, MiB/s, peak RSS,
//               and the ratios (labreport ÷ tshark, labreport ÷ floor)
//   report      the lab-sized capture (about 4,000 packets): `build --format md,html` vs
//               `tshark -V`; `--format md,html,pdf` vs md,html plus Chromium printing the
//               same HTML on its own (`chromium --headless --print-to-pdf`)
//   batch       a class: BENCH_BATCH lab-sized captures with PDFs in one `labreport build
//               DIR/`, against the same single builds one after the other (captures/minute)
//   hostile     issue 9's generated bombs (scripts/make-bench-capture.mjs): a million tiny
//               connections, one 2 GiB body, decompression bombs; time and peak RSS; then
//               issue 9's hostile cases through scripts/resources.mjs (process-tree memory)
//
// Environment:
//   BENCH_PARTS=throughput,report,batch,hostile   the parts to run
//   BENCH_CAPTURES=lab-mixed-500,lab-mixed-2048,encrypted-bulk-2048,many-connections-1000
//                  the throughput captures: KIND-SIZE (MiB; for many-connections the number
//                  of thousands of connections, default 1000: a million)
//   BENCH_SCALE=1        multiplies every size (0.05 for a quick run)
//   BENCH_RUNS=3         runs of each measurement (the median is reported; peak RSS is the largest)
//   BENCH_BATCH=50       captures in the class batch; BENCH_BATCH_RUNS (default BENCH_RUNS)
//   BENCH_HOSTILE_CASES=NAME,NAME   only these of issue 9's cases (scripts/resources.mjs; 0: none)
//   BENCH_HOSTILE_FORMATS=json,md,html   what those builds write (add pdf to print PDFs too)
//   BENCH_SEED=1         the seed of the generated captures
//   BENCH_CAPTURE=FILE   also measure this capture in the throughput part
//   BENCH_TSHARK=0       leave tshark out
//   BENCH_DIR=DIR        where generated captures are kept (default: the system temp folder's
//                        labreport-bench/; never the repository); each name carries a hash of
//                        the generator and its recordings, so a change makes new ones
//   BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p"   extra node flags for labreport's runs
//   BENCH_JSON=FILE      also write every figure as JSON (with CPU seconds, user + system, beside
//                        the wall-clock seconds the tables show: on a shared machine they vary less)
//   LABREPORT_CHROME     the browser (default: as labreport finds it; /usr/bin/chromium here)
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCapture, SOURCES } from './bench-captures.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const parts = new Set((env.BENCH_PARTS ?? 'throughput,report,batch,hostile').split(',').map((s) => s.trim()));
const scale = Number(env.BENCH_SCALE ?? 1);
const runs = Number(env.BENCH_RUNS ?? 3);
const batchRuns = Number(env.BENCH_BATCH_RUNS ?? runs);
const seed = Number(env.BENCH_SEED ?? 1);
const useTshark = env.BENCH_TSHARK !== '0' && spawnSync('tshark', ['-v']).status === 0;
const benchDir = env.BENCH_DIR ?? join(tmpdir(), 'labreport-bench');
const nodeArgs = (env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const labreport = join(root, 'bin', 'labreport.js');
const MiB = 1024 * 1024;
const results = { when: new Date().toISOString(), cpus: cpus().length, runs, scale, seed, throughput: [], report: null, batch: null, hostile: [] };

// ---------------------------------------------------------------------------------------
// Measuring

const hasGnuTime = existsSync('/usr/bin/time');
const scratch = mkdtempSync(join(tmpdir(), 'labreport-bench-run-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** Run a command to its end: wall seconds, and the peak RSS (MiB) of its largest process (GNU time), and its stdout if asked. */
function measure(cmd, args, { stdout = 'ignore', env: extra } = {}) {
  const timeFile = join(scratch, 'time');
  const t0 = process.hrtime.bigint();
  const r = hasGnuTime
    ? spawnSync('/usr/bin/time', ['-o', timeFile, '-f', '%M %U %S', cmd, ...args], {
        stdio: ['ignore', stdout, 'pipe'],
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        env: { ...env, ...extra },
      })
    : spawnSync(cmd, args, { stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30, env: { ...env, ...extra } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr?.slice(-2000)}`);
  const [rssKb, user, system] = hasGnuTime ? readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { seconds, rssMiB: rssKb / 1024, cpuSeconds: user + system, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const rate = (bytes, s) => bytes / MiB / s;

/** Each command of `commands` run `n` times, the runs interleaved (so a busy moment weighs on all alike): median seconds, largest RSS. */
function sideBySide(commands, n) {
  const all = commands.map(() => []);
  for (let i = 0; i < n; i++) commands.forEach((c, k) => all[k].push(c()));
  return all.map((rs) => ({
    seconds: median(rs.map((r) => r.seconds)),
    cpuSeconds: median(rs.map((r) => r.cpuSeconds)),
    rssMiB: Math.max(...rs.map((r) => r.rssMiB)),
    runs: rs.map((r) => r.seconds),
  }));
}

// ---------------------------------------------------------------------------------------
// The captures, generated once and kept

/** A hash of what makes the captures: the generator and the recordings it replays. */
const generatorHash = (() => {
  const h = createHash('sha256');
  h.update(readFileSync(join(root, 'scripts', 'bench-captures.mjs')));
  for (const p of Object.values(SOURCES)) h.update(readFileSync(p));
  return h.digest('hex').slice(0, 8);
})();

function generated(kind, size, s = seed, dir = benchDir) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${kind}-${size}-seed${s}-${generatorHash}.pcapng`);
  if (!existsSync(file)) {
    const t0 = Date.now();
    const tmp = `${file}.${process.pid}.tmp`;
    const r = makeCapture(kind, size, s, tmp);
    renameSync(tmp, file);
    if (dir === benchDir)
      console.log(`generated ${file}: ${f0(r.bytes / MiB)} MiB, ${r.packets} packets, ${r.what} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  return file;
}

/** Read a file once so it is in the page cache, as for every run measured after. */
const warm = (file) => spawnSync('sh', ['-c', `cat '${file}' > /dev/null`]);

// ---------------------------------------------------------------------------------------
// The tools

const outDir = join(scratch, 'out');
const build = (capture, formats, extra = []) =>
  measure(process.execPath, [...nodeArgs, labreport, 'build', capture, '--format', formats, '--out', outDir, '--quiet', ...extra]);

/** tshark doing labreport's extraction: the lab protocols' messages, their frames, methods, URIs, codes, commands. */
const TSHARK_FIELDS = [
  'frame.number',
  'tcp.stream',
  'http.request.method',
  'http.request.uri',
  'http.response.code',
  'http.request_in',
  'smtp.req.command',
  'smtp.req.parameter',
  'smtp.response.code',
  'pop.request.command',
  'pop.request.parameter',
  'pop.response.indicator',
  'imap.request.command',
  'imap.response.status',
];
const tshark = (capture) => measure('tshark', ['-r', capture, '-Y', 'http || smtp || pop || imap', '-T', 'fields', ...TSHARK_FIELDS.flatMap((f) => ['-e', f])]);
const floor = (capture) => measure(process.execPath, [join(root, 'scripts', 'bench-floor.mjs'), capture], { stdout: 'pipe' });

// ---------------------------------------------------------------------------------------
// throughput

const TARGETS = { 'lab-mixed': { tshark: 10 }, 'encrypted-bulk': { floor: 0.4 }, 'many-connections': { tshark: 5 } };
const RSS_TARGET_MIB = 200;

if (parts.has('throughput')) {
  const specs = (env.BENCH_CAPTURES ?? 'lab-mixed-500,lab-mixed-2048,encrypted-bulk-2048,many-connections-1000').split(',').map((s) => s.trim());
  const captures = specs.map((spec) => {
    const m = /^(lab-mixed|encrypted-bulk|many-connections)-(\d+(?:\.\d+)?)$/.exec(spec);
    if (!m) throw new Error(`BENCH_CAPTURES: ${spec} is not KIND-SIZE`);
    const kind = m[1];
    const size = Math.max(1, Math.round(Number(m[2]) * scale * (kind === 'many-connections' ? 1000 : 1)));
    return { label: kind === 'many-connections' ? `${kind} (${size.toLocaleString('en-US')})` : `${kind} ${size} MiB`, kind, file: generated(kind, size) };
  });
  if (env.BENCH_CAPTURE) captures.push({ label: env.BENCH_CAPTURE, kind: 'given', file: env.BENCH_CAPTURE });
  for (const c of captures) {
    const bytes = statSync(c.file).size;
    warm(c.file);
    const commands = [() => build(c.file, 'json'), ...(useTshark ? [() => tshark(c.file)] : []), () => floor(c.file)];
    const measured = sideBySide(commands, runs);
    const [ours, theirs, least] = [measured[0], useTshark ? measured[1] : null, measured.at(-1)];
    const row = {
      capture: c.label,
      kind: c.kind,
      bytes,
      labreport: ours,
      tshark: theirs,
      floor: least,
      vsTshark: theirs ? theirs.seconds / ours.seconds : NaN,
      vsFloor: least.seconds / ours.seconds,
    };
    results.throughput.push(row);
    console.log(
      `${c.label}: labreport ${f2(ours.seconds)} s (${f0(ours.rssMiB)} MiB), tshark ${theirs ? f2(theirs.seconds) : '–'} s, floor ${f2(least.seconds)} s`,
    );
  }
  console.log('');
  console.log(`Throughput, median of ${runs} (MiB/s; peak RSS of the largest process)`);
  console.log('');
  console.log('| capture | size | labreport | tshark | floor | ÷ tshark | ÷ floor | labreport peak RSS | tshark peak RSS | target |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results.throughput) {
    const t = TARGETS[r.kind] ?? {};
    const goals = [
      t.tshark ? `≥ ${t.tshark}× tshark: ${r.vsTshark >= t.tshark ? 'met' : 'NOT met'}` : null,
      t.floor ? `≥ ${t.floor * 100}% of the floor: ${r.vsFloor >= t.floor ? 'met' : 'NOT met'}` : null,
      r.bytes >= 1.5 * 1024 * MiB ? `RSS ≤ ${RSS_TARGET_MIB} MiB: ${r.labreport.rssMiB <= RSS_TARGET_MIB ? 'met' : 'NOT met'}` : null,
    ].filter(Boolean);
    console.log(
      `| ${r.capture} | ${f0(r.bytes / MiB)} MiB | ${f0(rate(r.bytes, r.labreport.seconds))} | ${r.tshark ? f0(rate(r.bytes, r.tshark.seconds)) : '–'} | ${f0(rate(r.bytes, r.floor.seconds))} | ${f2(r.vsTshark)}× | ${f0(r.vsFloor * 100)}% | ${f0(r.labreport.rssMiB)} MiB | ${r.tshark ? `${f0(r.tshark.rssMiB)} MiB` : '–'} | ${goals.join('; ')} |`,
    );
  }
  console.log('');
}

// ---------------------------------------------------------------------------------------
// report: a lab-sized capture's report

function chromium() {
  if (env.LABREPORT_CHROME) return env.LABREPORT_CHROME;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (existsSync(p)) return p;
  return null;
}

/** Chromium printing an HTML file on its own, as labreport's browser is started (fresh profile, no network, no sandbox as root). */
function chromiumPrint(html, pdf) {
  const profile = mkdtempSync(join(scratch, 'chrome-'));
  try {
    return measure(chromium(), [
      '--headless',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--proxy-server=127.0.0.1:9',
      `--user-data-dir=${profile}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      `file://${html}`,
    ]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

if (parts.has('report')) {
  const capture = generated('lab-sized', 0);
  const base = join(
    outDir,
    capture
      .split('/')
      .pop()
      .replace(/\.pcapng$/, ''),
  );
  warm(capture);
  const [mdHtml, tsharkV] = sideBySide([() => build(capture, 'md,html'), ...(useTshark ? [() => measure('tshark', ['-V', '-r', capture])] : [])], runs);
  const withPdf = chromium() ? sideBySide([() => build(capture, 'md,html,pdf'), () => chromiumPrint(`${base}.html`, join(scratch, 'alone.pdf'))], runs) : null;
  const packets = JSON.parse(floor(capture).stdout).packets;
  results.report = { capture, mdHtml, tsharkV: tsharkV ?? null, mdHtmlPdf: withPdf?.[0] ?? null, chromiumAlone: withPdf?.[1] ?? null };
  console.log(`Lab-sized report (${capture.split('/').pop()}), median of ${runs}`);
  console.log('');
  console.log('| what | seconds | peak RSS | ratio | target |');
  console.log('|---|---:|---:|---:|---|');
  console.log(`| labreport build --format md,html | ${f2(mdHtml.seconds)} | ${f0(mdHtml.rssMiB)} MiB | | |`);
  if (tsharkV) {
    const r = mdHtml.seconds / tsharkV.seconds;
    console.log(`| tshark -V | ${f2(tsharkV.seconds)} | ${f0(tsharkV.rssMiB)} MiB | md,html ÷ tshark -V = ${f2(r)} | ≤ 1: ${r <= 1 ? 'met' : 'NOT met'} |`);
  }
  if (withPdf) {
    const [pdf, alone] = withPdf;
    const r = pdf.seconds / (mdHtml.seconds + alone.seconds);
    console.log(`| Chromium printing the same HTML alone | ${f2(alone.seconds)} | ${f0(alone.rssMiB)} MiB | | |`);
    console.log(
      `| labreport build --format md,html,pdf | ${f2(pdf.seconds)} | ${f0(pdf.rssMiB)} MiB | ÷ (md,html + Chromium) = ${f2(r)} | ≤ 1.2: ${r <= 1.2 ? 'met' : 'NOT met'} |`,
    );
  } else console.log('| (no Chromium found: the PDF is not measured) | | | | |');
  console.log(`\n(${packets} packets)\n`);
}

// ---------------------------------------------------------------------------------------
// batch: a class

if (parts.has('batch')) {
  const count = Math.max(2, Math.round(Number(env.BENCH_BATCH ?? 50) * Math.min(1, scale)));
  const classDir = join(benchDir, `class-${count}-${generatorHash}`);
  for (let i = 1; i <= count; i++) generated('lab-sized', 0, i, classDir);
  const files = readdirSync(classDir)
    .filter((f) => f.endsWith('.pcapng'))
    .map((f) => join(classDir, f));
  for (const f of files) warm(f);
  const formats = chromium() ? 'md,html,pdf' : 'md,html';
  const together = () => build(classDir, formats);
  const oneByOne = () => {
    const each = files.map((f) => build(f, formats));
    return {
      seconds: each.reduce((s, r) => s + r.seconds, 0),
      cpuSeconds: each.reduce((s, r) => s + r.cpuSeconds, 0),
      rssMiB: Math.max(...each.map((r) => r.rssMiB)),
    };
  };
  const [batch, single] = sideBySide([together, oneByOne], batchRuns);
  const perMinute = (r) => (files.length * 60) / r.seconds;
  results.batch = { captures: files.length, formats, batch, single, speedup: single.seconds / batch.seconds };
  console.log(`A class: ${files.length} lab-sized captures, --format ${formats}, ${cpus().length} cores, median of ${batchRuns}`);
  console.log('');
  console.log('| how | seconds | captures per minute | peak RSS (largest process) |');
  console.log('|---|---:|---:|---:|');
  console.log(`| labreport build DIR/ (one batch) | ${f2(batch.seconds)} | ${f2(perMinute(batch))} | ${f0(batch.rssMiB)} MiB |`);
  console.log(`| labreport build FILE, one after the other | ${f2(single.seconds)} | ${f2(perMinute(single))} | ${f0(single.rssMiB)} MiB |`);
  console.log(`\nbatch ÷ one by one: ${f2(single.seconds / batch.seconds)}× the captures per minute\n`);
}

// ---------------------------------------------------------------------------------------
// hostile: issue 9's bombs, each built with the default limits

if (parts.has('hostile')) {
  const hostile = (scenario, size) => {
    mkdirSync(benchDir, { recursive: true });
    const file = join(benchDir, `${scenario}-${size}-seed1.pcap`);
    if (!existsSync(file)) {
      execFileSync(process.execPath, [join(root, 'scripts', 'make-bench-capture.mjs'), `${file}.tmp`, String(size), '1', scenario], { stdio: 'inherit' });
      renameSync(`${file}.tmp`, file);
    }
    return file;
  };
  const scenarios = [
    ['a million tiny connections', 'tiny', 1000, (m) => `${m.tcp.connections} connections, ${m.http.requests} requests (${m.http.exchanges.length} listed)`],
    [
      'one 2 GiB response body',
      'body',
      2048,
      (m) => `body ${m.http.exchanges[0]?.response?.body?.length} bytes, SHA-256 ${m.http.exchanges[0]?.response?.body?.sha256.slice(0, 12)}…`,
    ],
    [
      '1 GiB decompression bombs (gzip, deflate, br, chunked gzip)',
      'bomb',
      1,
      (m) =>
        m.http.exchanges
          .map((e) => `${e.response?.body?.contentEncoding.join('+')}: ${e.response?.body?.decodeError ? 'stopped at the bound' : 'decoded'}`)
          .join(', '),
    ],
  ];
  console.log('| hostile capture | size | seconds | peak RSS | what the model says |');
  console.log('|---|---:|---:|---:|---|');
  for (const [label, scenario, size, describe] of scenarios) {
    const file = hostile(scenario, Math.max(1, Math.round(size * (scenario === 'bomb' ? 1 : scale))));
    const r = build(file, 'json');
    const model = JSON.parse(
      readFileSync(
        join(
          outDir,
          `${file
            .split('/')
            .pop()
            .replace(/\.pcap$/, '')}.json`,
        ),
        'utf8',
      ),
    );
    results.hostile.push({ label, bytes: statSync(file).size, seconds: r.seconds, rssMiB: r.rssMiB, model: describe(model) });
    console.log(`| ${label} | ${f0(statSync(file).size / MiB)} MiB | ${f2(r.seconds)} | ${f0(r.rssMiB)} MiB | ${describe(model)} |`);
  }
  console.log('');
  // Issue 9's hostile cases (fragment trains, descending segments, pipelined floods, the lists
  // that grow with the input), measured by its own script: time and the process tree's memory.
  if (env.BENCH_HOSTILE_CASES !== '0') {
    const args = ['--formats', env.BENCH_HOSTILE_FORMATS ?? 'json,md,html', '--scale', String(scale)];
    if (env.BENCH_HOSTILE_CASES) args.push('--case', env.BENCH_HOSTILE_CASES);
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'resources.mjs'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    process.stdout.write(r.stdout ?? '');
    results.hostileCases = r.stdout ?? '';
    console.log('');
  }
}

if (env.BENCH_JSON) writeFileSync(env.BENCH_JSON, `${JSON.stringify(results, null, 2)}\n`);
