import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMIT_OPTIONS, limitFlag, parseLimitValue, type LimitName } from '../src/limits.js';
import { reportBaseName } from '../src/output.js';
import { jsonPieces } from '../src/report/json.js';
import { ReportModel } from '../src/report/schema.js';
import { OWN_FIXTURES, PUBLIC_FIXTURES, tempDir, tempFile } from './helpers/files.js';
import { Conversation, pcapFile } from './helpers/packets.js';

const root = join(import.meta.dirname, '..');

/** Run the real command, as a user would (the compiled bin; `npm test` builds first). */
function labreport(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('labreport build --format json', () => {
  it('writes DIR/<name>.json, a model the schema accepts', () => {
    const out = tempDir();
    const r = labreport('build', join(OWN_FIXTURES, 'lab.pcapng'), '--format', 'json', '--out', out);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trim()).toBe(join(out, 'lab.json'));
    const model = ReportModel.parse(JSON.parse(readFileSync(join(out, 'lab.json'), 'utf8')));
    expect(model.capture).toMatchObject({ file: 'lab.pcapng', format: 'pcapng', linkTypes: ['ether'] });
    expect(model.http.exchanges.length).toBeGreaterThan(10);
    expect(readdirSync(out)).toEqual(['lab.json']); // no temporary file left behind
  });

  it('writes md, html and pdf to output/ by default', () => {
    const cwd = tempDir();
    const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), 'build', join(PUBLIC_FIXTURES, 'http-sll2-tiny.pcap')], {
      encoding: 'utf8',
      cwd,
    });
    expect(r.status).toBe(0);
    expect(readdirSync(join(cwd, 'output')).sort()).toEqual(['http-sll2-tiny.html', 'http-sll2-tiny.md', 'http-sll2-tiny.pdf']);
  });

  it('gives byte-identical JSON for the same capture', () => {
    const [a, b] = [tempDir(), tempDir()];
    labreport('build', join(PUBLIC_FIXTURES, 'http-post-form.pcapng'), '--out', a, '--format', 'json');
    labreport('build', join(PUBLIC_FIXTURES, 'http-post-form.pcapng'), '--out', b, '--format', 'json');
    expect(readFileSync(join(a, 'http-post-form.json'), 'utf8')).toBe(readFileSync(join(b, 'http-post-form.json'), 'utf8'));
  });

  it('still builds a damaged capture, saying where reading stopped', () => {
    const full = readFileSync(join(PUBLIC_FIXTURES, 'http-keepalive-sll.pcap'));
    const path = tempFile('damaged.pcap', full.subarray(0, 30_000));
    const out = tempDir();
    expect(labreport('build', path, '--out', out, '--format', 'json').code).toBe(0);
    const model = ReportModel.parse(JSON.parse(readFileSync(join(out, 'damaged.json'), 'utf8')));
    expect(model.capture.packets).toBe(51);
    expect(model.warnings.at(-1)!.message).toMatch(/cut off inside frame 52.*reading stopped after frame 51/);
  });
});

describe('bad input and usage: one line on stderr, exit code 2', () => {
  const notCapture = tempFile('notes.txt', 'just some text, not a capture\n');
  const cut = tempFile(
    'header-only.pcap',
    pcapFile(new Conversation({ ip: '10.0.0.1', port: 1 }, { ip: '10.0.0.2', port: 2 }).handshake().packets()).subarray(0, 30),
  );
  it.each([
    [['build', '/no/such/file.pcap'], /^labreport: \/no\/such\/file\.pcap: no such file\n$/],
    [['build', notCapture], /^labreport: .*notes\.txt: is not a pcap or pcapng capture .*\n$/],
    [['build', cut], /^labreport: .*header-only\.pcap: the file ends inside the record header of frame 1 .*\n$/],
    [['build', join(PUBLIC_FIXTURES, 'http-sll2-tiny.pcap'), '--format', 'odt'], /^labreport: --format takes a comma-separated list of .*; got "odt"\n$/],
    [['build', join(PUBLIC_FIXTURES, 'http-sll2-tiny.pcap'), '--max-body-bytes', 'lots'], /--max-body-bytes takes a whole number/],
    [['build'], /missing required argument 'capture'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('%j', (args, message) => {
    const r = labreport(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('limits', () => {
  it('every limit has a flag documented in the README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const name of Object.keys(LIMIT_OPTIONS) as LimitName[]) expect(readme).toContain(`| \`${limitFlag(name)}\` |`);
  });

  it('parses sizes with binary suffixes', () => {
    expect([
      parseLimitValue('4096'),
      parseLimitValue('4k'),
      parseLimitValue('16M'),
      parseLimitValue('1GiB'),
      parseLimitValue('-1'),
      parseLimitValue('1.5M'),
    ]).toEqual([4096, 4096, 16 * 1024 * 1024, 1024 ** 3, null, null]);
  });

  it('applies a limit given on the command line', () => {
    const out = tempDir();
    labreport('build', join(PUBLIC_FIXTURES, 'http-keepalive-sll.pcap'), '--out', out, '--format', 'json', '--max-exchanges', '3');
    const model = ReportModel.parse(JSON.parse(readFileSync(join(out, 'http-keepalive-sll.json'), 'utf8')));
    expect(model.http.exchanges).toHaveLength(3);
    expect(model.http.exchangesUnlisted).toBe(model.http.requests - 3);
    expect(model.warnings.some((w) => /past the maxExchanges limit \(3\)/.test(w.message))).toBe(true);
  });
});

describe('output files', () => {
  it('never lets a capture name escape the output directory', () => {
    expect(reportBaseName('/tmp/../../etc/passwd.pcap')).toBe('passwd');
    expect(reportBaseName('a/b/..pcap')).toBe('_');
    expect(reportBaseName('evil\u0000name:*.pcapng')).toBe('evil_name__');
    expect(reportBaseName('lab.v2.pcapng')).toBe('lab.v2');
  });

  it('streams JSON byte-identical to JSON.stringify', () => {
    const value = { a: [1, { b: 'x\ny', c: [] }, null], d: {}, e: undefined, f: [{ g: [{ h: [1, 2] }] }], s: '中文' };
    expect([...jsonPieces(value, '\n')].join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });
});
