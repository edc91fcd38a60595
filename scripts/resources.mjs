#!/usr/bin/env node
// Time and peak memory of `labreport build` on each hostile capture of issue 9, at full scale:
// fragment trains, descending one-byte segments, pipelined floods, and the lists that grow
// with the input (replies, SASL steps, EHLO keywords, messages, header fields, MIME parts,
// form fields). Peak memory is of the whole process tree (Chromium included when it prints a
// PDF): the sum of its processes' PSS, sampled from /proc every 20 ms. The captures are built by src/fuzz/hostile.ts
// (compiled: run `npm run build` first), in the system temp directory.
//
// Usage: node scripts/resources.mjs [--formats json,md,html] [--case NAME,NAME] [--scale 0.1]
//   --formats  what to build (default json,md,html; add pdf to print PDFs too)
//   --case     only these cases (names as in the table)
//   --scale    multiply every case's scale (0.1 for a quick run)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { HOSTILE_CASES } = await import(join(root, 'dist', 'fuzz', 'hostile.js'));
const { values } = parseArgs({
  options: { formats: { type: 'string', default: 'json,md,html' }, case: { type: 'string' }, scale: { type: 'string', default: '1' } },
});
const only = values.case?.split(',');
const cases = HOSTILE_CASES.filter((c) => !only || only.includes(c.name));
const PAGE = 4096;

/**
 * Memory in bytes of a process and all its descendants, from /proc: the sum of their PSS
 * (proportional set size: a page shared by n processes counts 1/n in each, so Chromium's
 * shared pages are not counted once per process, as summed RSS would), or of their RSS
 * where smaps_rollup cannot be read.
 */
function treeMemory(rootPid) {
  const children = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'latin1');
    } catch {
      continue; // it ended meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (comm) "
    const pid = Number(name);
    const ppid = Number(fields[1]);
    rss.set(pid, Number(fields[21]) * PAGE);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  let total = 0;
  for (const stack = [rootPid]; stack.length;) {
    const pid = stack.pop();
    total += pss(pid) ?? rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function pss(pid) {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'latin1'));
    return kb ? Number(kb[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Run a command: wall seconds, CPU seconds (user + system, its reaped descendants included:
 * on a shared machine the wall time says more about the others), peak RSS of its process
 * tree, exit code and stderr.
 */
function measure(cmd, args) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', 'cpu %U %S', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeMemory(child.pid))), 20);
    child.on('close', (code) => {
      clearInterval(timer);
      const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
      resolve({
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
        peak,
        code,
        stderr: stderr.replace(/cpu [\d.]+ [\d.]+\s*$/, ''),
      });
    });
  });
}

/** What the model says about the case, in a few words. */
function summary(name, m) {
  const smtp = m.smtp.sessions[0];
  const pop3 = m.pop3.sessions[0];
  const request = m.http.exchanges[0]?.request;
  switch (name) {
    case 'ipv4-fragments':
    case 'ipv6-fragments':
    case 'descending-segments':
      return request
        ? `${request.method} cited at frame ${request.frame}, ${request.headerBytes + (request.body?.length ?? 0)} bytes, complete: ${request.complete}`
        : 'no request';
    case 'http-pipelined':
      return `${m.http.requests} requests, ${m.http.responses} responses; ${m.http.exchanges.length} exchanges listed, ${m.http.exchangesUnlisted} counted`;
    case 'http-interim':
      return `${m.http.exchanges[0].informational.length} interim responses listed, ${m.http.exchanges[0].informationalUnlisted} counted; final ${m.http.exchanges[0].response?.status}`;
    case 'smtp-pipelined':
    case 'smtp-pipelined-1m':
    case 'smtp-replies':
    case 'smtp-refused':
      return `${smtp.replies.length} replies listed, ${smtp.repliesUnlisted} counted (${smtp.failuresUnlisted} failures); transcript ${smtp.transcript.length} + ${smtp.transcriptUnlisted}`;
    case 'http-headers':
      return `${request.headers.length} + ${m.http.exchanges[0].response?.headers.length} header fields, complete: ${request.complete}`;
    case 'mail-headers':
    case 'mail-headers-100k':
    case 'mime-parts': {
      const msg = smtp.messages[0];
      return `${msg.headers.length} header fields + ${msg.headersUnlisted} counted, ${msg.parts.length} parts + ${msg.partsUnlisted} counted`;
    }
    case 'smtp-messages':
      return `${smtp.messages.length} messages decoded, ${smtp.messagesUnlisted} counted`;
    case 'ehlo-keywords':
      return `${smtp.ehlo.keywords.length} keywords + ${smtp.ehlo.keywordsUnlisted} counted`;
    case 'sasl-steps':
      return `${smtp.auth[0].steps.length} steps + ${smtp.auth[0].stepsUnlisted} counted`;
    case 'pop3-messages':
      return `${pop3.messages.length} messages decoded, ${pop3.messagesUnlisted} counted`;
    case 'pop3-listing':
      return `${pop3.transcript.filter((l) => l.side === 'C').length} commands kept; listings cut by ${pop3.transcript
        .filter((l) => l.linesUnlisted)
        .map((l) => l.linesUnlisted)
        .join(' and ')} lines`;
    case 'form-fields':
      return `${request.body.form.length} fields + ${request.body.formUnlisted} counted`;
    default:
      return '';
  }
}

const dir = mkdtempSync(join(tmpdir(), 'labreport-resources-'));
const MiB = 1024 * 1024;
console.log(`labreport build --format ${values.formats}, each hostile capture at ${values.scale}× issue 9's scale`);
console.log('');
console.log('| case | scale | capture | seconds | CPU seconds | peak memory (process tree, PSS) | what the model says |');
console.log('|---|---:|---:|---:|---:|---:|---|');
try {
  for (const c of cases) {
    const scale = Math.max(2, Math.round(c.full * Number(values.scale)));
    const file = join(dir, `${c.name}.pcap`);
    writeFileSync(file, c.build(scale));
    const out = join(dir, 'out');
    const r = await measure(process.execPath, [join(root, 'bin', 'labreport.js'), 'build', file, '--format', values.formats, '--out', out, '--quiet']);
    let says = r.code === 0 ? '' : `exit ${r.code}: ${r.stderr.trim().split('\n')[0]}`;
    if (r.code === 0 && values.formats.includes('json')) says = summary(c.name, JSON.parse(readFileSync(join(out, `${c.name}.json`), 'utf8')));
    const size = statSync(file).size;
    console.log(
      `| ${c.name}: ${c.what} | ${scale.toLocaleString('en')} | ${(size / MiB).toFixed(1)} MiB | ${r.seconds.toFixed(2)} | ${r.cpu.toFixed(2)} | ${(r.peak / MiB).toFixed(0)} MiB | ${says} |`,
    );
    rmSync(out, { recursive: true, force: true });
    rmSync(file, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
