#!/usr/bin/env node
// npm run bench: throughput and peak memory of `labreport build --format json` on a
// large realistic HTTP capture, against tshark doing the same extraction and against
// reading the file raw (`cat FILE > /dev/null`), all measured in this run.
//
// Then the hostile scenarios, each a generated capture built with the default limits,
// for time and peak RSS: a million tiny connections, one 2 GiB body, decompression bombs.
//
// Environment: BENCH_CAPTURE=path (use this capture instead of the generated one),
// BENCH_MB=512 (size of the generated capture), BENCH_RUNS=3, BENCH_TSHARK=0 (skip tshark),
// BENCH_STRESS=0 (skip the hostile scenarios).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mb = Number(process.env.BENCH_MB ?? 512);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const benchDir = join(tmpdir(), 'labreport-bench');

/** A generated capture, made once and kept in the system temp directory. */
function generated(scenario, size) {
  mkdirSync(benchDir, { recursive: true });
  const file = join(benchDir, scenario === 'web' ? `http-${size}mb-seed1.pcap` : `${scenario}-${size}-seed1.pcap`);
  if (!existsSync(file)) {
    console.log(`generating ${file} …`);
    execFileSync(process.execPath, [join(root, 'scripts', 'make-bench-capture.mjs'), file, String(size), '1', scenario], { stdio: 'inherit' });
  }
  return file;
}

const capture = process.env.BENCH_CAPTURE ?? generated('web', mb);
const size = statSync(capture).size;
const MiB = 1024 * 1024;
const hasGnuTime = existsSync('/usr/bin/time');

/** Run a command: wall seconds and peak RSS in MiB (GNU time when present). */
function measure(cmd, args, stdout = 'ignore') {
  const t0 = process.hrtime.bigint();
  const r = hasGnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const rssKb = hasGnuTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, rssMiB: rssKb / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = mkdtempSync(join(tmpdir(), 'labreport-bench-out-'));
console.log(`capture: ${capture} (${(size / MiB).toFixed(0)} MiB)`);

// Raw read speed of the file (second run: page cache warm, as for the others).
measure('sh', ['-c', `cat '${capture}' > /dev/null`]);
const raw = measure('sh', ['-c', `cat '${capture}' > /dev/null`]);

const ours = [];
for (let i = 0; i < runs; i++)
  ours.push(measure(process.execPath, [join(root, 'bin', 'labreport.js'), 'build', capture, '--format', 'json', '--out', out, '--quiet']));
const ourSeconds = median(ours.map((r) => r.seconds));
const ourRss = Math.max(...ours.map((r) => r.rssMiB));

let tshark = null;
if (process.env.BENCH_TSHARK !== '0' && spawnSync('tshark', ['-v']).status === 0) {
  tshark = measure('tshark', [
    '-r',
    capture,
    '-Y',
    'http',
    '-T',
    'fields',
    '-e',
    'frame.number',
    '-e',
    'http.request.method',
    '-e',
    'http.request.uri',
    '-e',
    'http.response.code',
    '-e',
    'http.request_in',
  ]);
}
rmSync(out, { recursive: true, force: true });

const rate = (s) => `${(size / MiB / s).toFixed(0)} MiB/s`;
console.log('');
console.log(`| what | seconds | throughput | peak RSS |`);
console.log(`|---|---:|---:|---:|`);
console.log(`| cat FILE > /dev/null | ${raw.seconds.toFixed(2)} | ${rate(raw.seconds)} | |`);
console.log(`| labreport build --format json (median of ${runs}) | ${ourSeconds.toFixed(2)} | ${rate(ourSeconds)} | ${ourRss.toFixed(0)} MiB |`);
if (tshark) console.log(`| tshark -Y http -T fields | ${tshark.seconds.toFixed(2)} | ${rate(tshark.seconds)} | ${tshark.rssMiB.toFixed(0)} MiB |`);
console.log('');
if (tshark) console.log(`speed vs tshark: ${(tshark.seconds / ourSeconds).toFixed(1)}x (target ≥ 10x)`);
console.log(`speed vs raw read: ${((raw.seconds / ourSeconds) * 100).toFixed(0)}% (target ≥ 25%)`);
console.log(`peak RSS: ${ourRss.toFixed(0)} MiB (target ≤ 200 MiB)`);

if (process.env.BENCH_STRESS !== '0') {
  // Hostile captures: each must finish with bounded memory, its damage stated in the model.
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
  const stressOut = mkdtempSync(join(tmpdir(), 'labreport-bench-out-'));
  console.log('');
  console.log(`| hostile capture | size | seconds | peak RSS | what the model says |`);
  console.log(`|---|---:|---:|---:|---|`);
  for (const [label, scenario, size, describe] of scenarios) {
    const file = generated(scenario, size);
    const r = measure(process.execPath, [join(root, 'bin', 'labreport.js'), 'build', file, '--format', 'json', '--out', stressOut, '--quiet']);
    const model = JSON.parse(readFileSync(join(stressOut, `${scenario}-${size}-seed1.json`), 'utf8'));
    console.log(`| ${label} | ${(statSync(file).size / MiB).toFixed(0)} MiB | ${r.seconds.toFixed(2)} | ${r.rssMiB.toFixed(0)} MiB | ${describe(model)} |`);
  }
  rmSync(stressOut, { recursive: true, force: true });
}
