import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeContent, checkCase } from '../src/fuzz/check.js';
import { fileLayout, packetLayout } from '../src/fuzz/layout.js';
import { MUTATOR_NAMES, mutateCase } from '../src/fuzz/mutate.js';
import { DEFAULT_CORPUS, loadCorpus, runFuzz } from '../src/fuzz/runner.js';
import { READ_CHUNK_BYTES } from '../src/capture/chunked-file.js';
import { openCapture } from '../src/capture/open.js';
import { OWN_FIXTURES, tempDir } from './helpers/files.js';

const corpus = loadCorpus(DEFAULT_CORPUS);
const lab = loadCorpus([OWN_FIXTURES]).filter((f) => f.name === 'lab.pcapng');

describe('fuzzing (npm run fuzz runs thousands of these)', () => {
  it('300 seeded mutants of the fixtures: each ends in a report or a one-line error, none crashes or hangs', async () => {
    const report = await runFuzz({ seed: 20261127, cases: 300, corpus, timeoutMs: 10_000 });
    const findings = [...report.crashes, ...report.hangs].map((f) => `case ${f.case.id} ${f.case.fixture}: ${f.case.mutations.join('; ')}: ${f.problem}`);
    expect(findings).toEqual([]);
    expect(report.reports + report.errors).toBe(300);
    // The mutants reach both endings, and every kind of mutation was tried.
    expect(report.reports).toBeGreaterThan(200);
    expect(report.errors).toBeGreaterThan(0);
    expect([...report.byMutator.keys()].sort()).toEqual([...MUTATOR_NAMES].sort());
  }, 300_000);

  it('stops a case over the time limit and goes on with a fresh worker', async () => {
    const report = await runFuzz({ seed: 1, cases: 3, corpus: lab, timeoutMs: 1, workers: 1 });
    expect(report.hangs.map((h) => h.problem)).toEqual(Array(3).fill('no answer after 0.001 s'));
  }, 60_000);
});

describe('fuzzing: mutations', () => {
  it('are reproducible: the same seed and case give the same bytes', () => {
    for (const id of [0, 1, 17, 999]) {
      const a = mutateCase(5, id, corpus);
      const b = mutateCase(5, id, corpus);
      expect(b.mutations).toEqual(a.mutations);
      expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    }
    expect(mutateCase(5, 1, corpus).mutations).not.toEqual(mutateCase(6, 1, corpus).mutations);
  });

  it.each(['record at a read-chunk edge', 'descending segments', 'fragment train', 'pipelining flood'])('aim at what issue 9 found: %s', (name) => {
    let id = 0;
    while (!mutateCase(9, id, corpus).mutations[0]!.startsWith(`${name}:`)) id++;
    const c = mutateCase(9, id, corpus);
    const fixture = corpus.find((f) => f.name === c.fixture)!;
    const before = fileLayout(fixture.bytes)!.records;
    const after = fileLayout(c.bytes)!.records;
    if (name === 'record at a read-chunk edge') {
      // Some record now starts (or, its length broken, the filler before it ends) within 32 bytes of the end of one of the reader's first chunks.
      const nearEdge = (at: number) => [1, 2, 3].some((k) => Math.abs(at - k * READ_CHUNK_BYTES) <= 32);
      expect(after.some((rec) => nearEdge(rec.start) || nearEdge(rec.start + rec.length))).toBe(true);
    } else expect(after.length).toBeGreaterThan(before.length);
  });

  it('never throw, even on what earlier mutations of the same case broke (2,000 cases, made but not built)', () => {
    for (let id = 0; id < 2000; id++) expect(() => mutateCase(1, id, corpus), `case ${id}`).not.toThrow();
  }, 60_000);

  it('find every record and TCP header of the lab capture, as the reader does', () => {
    const bytes = lab[0]!.bytes;
    const layout = fileLayout(bytes)!;
    const reader = openCapture(join(OWN_FIXTURES, 'lab.pcapng'));
    const packets = layout.records.filter((r) => r.dataStart >= 0);
    let n = 0;
    for (let f = reader.next(); f; f = reader.next(), n++) {
      const rec = packets[n]!;
      expect(Buffer.compare(bytes.subarray(rec.dataStart, rec.dataStart + rec.dataLength), f.data)).toBe(0);
      const p = packetLayout(f.data, f.linkType);
      expect(p).not.toBeNull(); // every frame of the lab capture is TCP over IPv4
      expect([p!.tcp - p!.ip, p!.tcpHeaderLength >= 20]).toEqual([20, true]);
    }
    reader.close();
    expect(n).toBe(packets.length);
    expect(n).toBe(195);
  });
});

describe('fuzzing: the checks on each case', () => {
  const req = (outDir: string) => ({ id: 1, capture: '/tmp/x.pcap', outDir, args: [] });

  it('flag an exit code other than 0 and 2, and an error that is not one line naming the file', () => {
    expect(checkCase(req('/nowhere'), 1, '', 'labreport: internal error: boom\n')).toMatch(/^exit 1/);
    expect(checkCase(req('/nowhere'), 2, '', 'labreport: /tmp/x.pcap: is cut off\n')).toBeNull();
    expect(checkCase(req('/nowhere'), 2, '', 'labreport: /tmp/x.pcap: bad\n    at parse (x.js:1)\n')).toMatch(/2 lines/);
    expect(checkCase(req('/nowhere'), 2, '', 'labreport: bad\n')).toMatch(/does not name the file/);
  });

  it('flag a report that is missing, breaks the schema, or carries active HTML', () => {
    const out = tempDir();
    expect(checkCase(req(out), 0, '', '')).toMatch(/no JSON written/);
    writeFileSync(join(out, 'x.json'), JSON.stringify({ capture: {} }));
    writeFileSync(join(out, 'x.md'), '# x\n');
    writeFileSync(join(out, 'x.html'), '<body><p>x</p></body>');
    expect(checkCase(req(out), 0, '', '')).toMatch(/breaks its schema/);
    const dir = join(out, 'tmp');
    mkdirSync(dir);
    writeFileSync(join(dir, 'x.json'), '{}');
    writeFileSync(join(dir, '.x.pdf.1.tmp'), '');
    expect(checkCase(req(dir), 0, '', '')).toMatch(/no x.md/);
  });

  it('find what could run or fetch in HTML, and nothing in escaped text or in-page links', () => {
    expect(activeContent('<p>&lt;script&gt; href=&quot;http://x&quot;</p><a href="#s1">1</a><img src="data:image/svg+xml;base64,AA" alt="">')).toBeNull();
    expect(activeContent('<p><img src="http://tracker/x.png"></p>')).toBe('src="http://tracker/x.png"');
    expect(activeContent('<a href="javascript:alert(1)">x</a>')).toBe('href="javascript:alert(1)"');
    expect(activeContent('<div onclick=alert(1)>')).toBe('onclick=alert(1)');
    expect(activeContent('<SCRIPT>alert(1)</SCRIPT>')).toBe('<SCRIPT>');
  });
});
