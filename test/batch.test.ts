import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCapture } from '../src/capture/open.js';
import { OWN_FIXTURES, PUBLIC_FIXTURES, captures, tempDir } from './helpers/files.js';
import { pcapFile, type Packet } from './helpers/packets.js';

const root = join(import.meta.dirname, '..');

function labreport(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The lab fixture re-saved as classic pcap: another file, the same conversations. */
function labAsPcap(): Buffer {
  const reader = openCapture(join(OWN_FIXTURES, 'lab.pcapng'));
  const packets: Packet[] = [];
  for (let f = reader.next(); f; f = reader.next()) packets.push({ tsSec: f.tsSec, tsNsec: f.tsNsec, data: f.data.slice(), originalLength: f.originalLength });
  reader.close();
  return pcapFile(packets, { nanosecond: true });
}

type CsvRow = Record<string, string>;

function parseCsv(text: string): CsvRow[] {
  // The summary's fields hold no line breaks, so a line is a row; quoted fields may hold commas.
  const lines = text.trimEnd().split('\r\n');
  const split = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
  const header = split(lines[0]!);
  return lines.slice(1).map((line) => Object.fromEntries(split(line).map((v, i) => [header[i]!, v])));
}

describe('labreport build DIR/ (a class at once)', () => {
  let cwd: string;
  let result: ReturnType<typeof labreport>;
  let rows: CsvRow[];
  const publicCaptures = captures(PUBLIC_FIXTURES);

  beforeAll(() => {
    // A class folder: every public capture, the lab capture three times (one copy in a subfolder
    // under the same name, one re-saved as pcap), a capture cut off partway, and one that is not a capture.
    cwd = tempDir();
    const dir = join(cwd, 'class');
    mkdirSync(join(dir, 'late'), { recursive: true });
    for (const c of publicCaptures) copyFileSync(c, join(dir, c.split('/').pop()!));
    copyFileSync(join(OWN_FIXTURES, 'lab.pcapng'), join(dir, 'alice.pcapng'));
    copyFileSync(join(OWN_FIXTURES, 'lab.pcapng'), join(dir, 'late', 'alice.pcapng'));
    writeFileSync(join(dir, 'bob.pcap'), labAsPcap());
    writeFileSync(join(dir, 'carol-cut.pcapng'), readFileSync(join(OWN_FIXTURES, 'lab.pcapng')).subarray(0, 3000));
    writeFileSync(join(dir, 'dave.pcap'), 'this is a Word document, honest\n');
    result = labreport(cwd, 'build', 'class/', '--format', 'md,json');
    rows = parseCsv(readFileSync(join(cwd, 'output', 'summary.csv'), 'utf8'));
  }, 120_000);

  it('builds a report for every readable capture and exits 2, naming the broken one', () => {
    const total = publicCaptures.length + 5;
    expect(rows).toHaveLength(total);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`labreport: ${join('class', 'dave.pcap')}: is not a pcap or pcapng capture`);
    expect(result.stderr).toContain(`1 of ${total} captures failed`);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const files = readdirSync(join(cwd, 'output'));
    const reports = files.filter((f) => f.endsWith('.md') && f !== 'summary.md');
    expect(reports).toHaveLength(total - 1);
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(total - 1);
    expect(files).toEqual(expect.arrayContaining(['summary.md', 'summary.html', 'summary.csv', 'alice.md', 'alice-2.md', 'bob.md', 'carol-cut.md']));
    expect(files).not.toContain('dave.md');
  });

  it('lists each capture with the lab tasks found in it', () => {
    const byName = new Map(rows.map((r) => [r.name!, r]));
    expect(byName.get('alice')).toMatchObject({ status: 'ok', packets: '195', hasGet: 'true', hasPost: 'true', hasSmtpAuth: 'true', hasPop3Retr: 'true' });
    expect(byName.get('smtp-auth-login-attachment')).toMatchObject({ hasGet: 'false', hasSmtpAuth: 'true', hasPop3Retr: 'false' });
    expect(byName.get('pop3-retr-gb2312')).toMatchObject({ hasSmtpAuth: 'false', hasPop3Retr: 'true' });
    expect(byName.get('carol-cut')!.status).toBe('ok');
    expect(Number(byName.get('carol-cut')!.warnings)).toBeGreaterThan(0);
    expect(byName.get('dave')).toMatchObject({ packets: '', hasGet: '' });
    expect(byName.get('dave')!.status).toMatch(/^is not a pcap or pcapng capture/);
    // Each row agrees with the JSON model written beside it.
    for (const row of rows.filter((r) => r.status === 'ok')) {
      const model = JSON.parse(readFileSync(join(cwd, 'output', `${row.name}.json`), 'utf8'));
      expect(Number(row.packets)).toBe(model.capture.packets);
      expect(Number(row.httpExchanges)).toBe(model.http.requests);
    }
  });

  it('names copies: identical files, and the same conversations saved in another format', () => {
    const byName = new Map(rows.map((r) => [r.name!, r]));
    expect(byName.get('alice')!.duplicates!.split(' ').sort()).toEqual(['alice-2', 'bob']);
    expect(byName.get('alice')!.identical).toBe('alice-2');
    expect(byName.get('bob')!.duplicates!.split(' ').sort()).toEqual(['alice', 'alice-2']);
    expect(byName.get('bob')!.identical).toBe('');
    expect(byName.get('carol-cut')!.duplicates).toBe('');
    const others = rows.filter((r) => !['alice', 'alice-2', 'bob'].includes(r.name!));
    for (const r of others) expect(r.duplicates).toBe('');
    const md = readFileSync(join(cwd, 'output', 'summary.md'), 'utf8');
    expect(md).toContain('bob (same conversations)');
    expect(md).toContain('alice-2 (identical file)');
  });

  it('writes a standalone summary.html', () => {
    const html = readFileSync(join(cwd, 'output', 'summary.html'), 'utf8');
    expect(html).toContain('<h1');
    expect(html).toContain('Class summary');
    expect(html).toContain('Content-Security-Policy');
    expect(html.match(/<tr>/g)!.length).toBe(rows.length + 1);
  });
});

describe('labreport build with several captures', () => {
  it('exits 0 when all are read, and takes the summary language from --lang', () => {
    const cwd = tempDir();
    const a = join(PUBLIC_FIXTURES, 'http-sll2-tiny.pcap');
    const r = labreport(cwd, 'build', a, a, '--format', 'md', '--lang', 'zh', '--out', 'out');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['http-sll2-tiny-2.md', 'http-sll2-tiny.md', 'summary.csv', 'summary.html', 'summary.md']);
    expect(readFileSync(join(cwd, 'out', 'summary.md'), 'utf8')).toContain('班级汇总');
  });

  it('refuses a frame choice (--request, --get, --post), which belongs to one capture', () => {
    const a = join(PUBLIC_FIXTURES, 'http-sll2-tiny.pcap');
    const r = labreport(tempDir(), 'build', a, a, '--request', '4');
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('labreport: --request picks a frame of one capture; it cannot be used when building several\n');
  });

  it('prints every PDF of a batch', () => {
    const cwd = tempDir();
    const r = labreport(cwd, 'build', join(PUBLIC_FIXTURES, 'http-sll2-tiny.pcap'), join(PUBLIC_FIXTURES, 'http-ipv4-ipv6.pcapng'), '--format', 'pdf');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    for (const name of ['http-sll2-tiny.pdf', 'http-ipv4-ipv6.pdf'])
      expect(
        readFileSync(join(cwd, 'output', name))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
  }, 60_000);

  it('keeps hostile capture names inside the output folder and out of spreadsheet formulas', () => {
    const cwd = tempDir();
    const dir = join(cwd, 'in');
    mkdirSync(dir);
    copyFileSync(join(PUBLIC_FIXTURES, 'http-sll2-tiny.pcap'), join(dir, '=HYPERLINK("http:x").pcap'));
    copyFileSync(join(PUBLIC_FIXTURES, 'http-sll2-tiny.pcap'), join(dir, '..pcap'));
    const r = labreport(cwd, 'build', 'in', '--format', 'md', '--out', 'out');
    expect(r.code).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['in', 'out']);
    const csv = readFileSync(join(cwd, 'out', 'summary.csv'), 'utf8');
    for (const line of csv.split('\r\n').slice(1)) expect(line).not.toMatch(/^"?[=+\-@]/);
    expect(parseCsv(csv).map((row) => row.name)).toContain(`'=HYPERLINK(_http_x_)`);
    expect(parseCsv(csv).map((row) => row.capture)).toContain(join('in', '=HYPERLINK("http:x").pcap'));
  });
});
