import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labFor } from '../src/labs/blocks.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { buildModel } from '../src/pipeline.js';
import type { ReportModel } from '../src/report/schema.js';
import { OWN_FIXTURES, tempDir, tempFile } from './helpers/files.js';
import { tsharkTls } from './helpers/tls.js';

/*
 * TLS wired into the pipeline: the whole build (read → dissect → analyse) on every
 * fixture of fixtures/tls, with its key log, against tshark's decryption with the same key
 * log (`-o tls.keylog_file:KEYS`); the embedded-keys pcapng against capture + --keylog;
 * wrong and missing key logs; secrets never in the outputs.
 */

const root = join(import.meta.dirname, '..');
const DIR = join(OWN_FIXTURES, 'tls');
const cap = (name: string) => join(DIR, `${name}.pcap`);
const keys = (name: string) => join(DIR, `${name}.keys`);

/** tshark needs a decode-as to see SMTP on 465 inside TLS (no heuristic finds it there). */
const DECODE_AS: Record<string, string[]> = { smtps: ['tls.port==465,smtp'] };
const HTTP1 = ['http1-tls13', 'http1-tls10', 'http1-tls12-aead', 'http1-tls12-cbc'];
const MAIL = ['smtp-starttls', 'smtps', 'pop3-stls', 'pop3s', 'imap-starttls', 'imaps'];
const ALL = [...HTTP1, 'tls13-keyupdate', 'h2-curl', 'h2-chromium', ...MAIL];
/** Connections whose handshake failed (an alert before any key was in use): nothing to decrypt. */
const FAILED: Record<string, number[]> = { 'http1-tls12-cbc': [6, 7] };

const models = new Map<string, Promise<ReportModel>>();
function model(file: string, keylog?: string, env: NodeJS.ProcessEnv = {}): Promise<ReportModel> {
  const key = `${file}|${keylog ?? ''}|${env.SSLKEYLOGFILE ?? ''}`;
  let m = models.get(key);
  if (!m) {
    const saved = process.env.SSLKEYLOGFILE;
    // The pipeline reads SSLKEYLOGFILE itself: each case sets exactly the environment it means.
    if (env.SSLKEYLOGFILE) process.env.SSLKEYLOGFILE = env.SSLKEYLOGFILE;
    else delete process.env.SSLKEYLOGFILE;
    m = buildModel(file, { limits: DEFAULT_LIMITS, lab: labFor(undefined), language: 'en', ...(keylog ? { keylog } : {}) }).finally(() => {
      if (saved === undefined) delete process.env.SSLKEYLOGFILE;
      else process.env.SSLKEYLOGFILE = saved;
    });
    models.set(key, m);
  }
  return m;
}

type Row = Record<string, string[]> & { frame: number };
const FIELDS = [
  'frame.number',
  'tcp.stream',
  'tls.handshake.extensions_server_name',
  'http.request.method',
  'http.request.uri',
  'http.response.code',
  'smtp.req.command',
  'smtp.response.code',
  'pop.request.command',
  'pop.response.indicator',
  'imap.request_tag',
  'imap.request.command',
  'imap.response.status',
];
function tshark(name: string, filter = 'tls.handshake.type == 1 || http || smtp || pop || imap'): Row[] {
  return tsharkTls(cap(name), FIELDS, { keys: keys(name), filter, decodeAs: DECODE_AS[name] }).map((values) => {
    const row = Object.fromEntries(FIELDS.map((f, i) => [f, values[i] ?? []])) as Row;
    row.frame = Number(row['frame.number']![0]);
    return row;
  });
}

describe('TLS in the pipeline, against tshark with the same key log', () => {
  it.each(ALL)('%s: every TLS connection decrypts, with the SNI tshark reads', async (name) => {
    const m = await model(cap(name), keys(name));
    // A HelloRetryRequest makes the client send a second ClientHello on the same connection.
    const theirs = [
      ...new Set(tshark(name, 'tls.handshake.type == 1').map((r) => `${r['tcp.stream']![0]} ${r['tls.handshake.extensions_server_name']![0] ?? ''}`)),
    ];
    const ours = m.tls.connections.map((c) => `${c.stream} ${c.sni ?? ''}`);
    expect(ours).toEqual(theirs);
    for (const c of m.tls.connections) expect(c.decryption, `stream ${c.stream}`).toBe(FAILED[name]?.includes(c.stream) ? 'nothing-encrypted' : 'decrypted');
    expect(m.tls.keyLog.given).toBe(true);
    expect(m.warnings.filter((w) => w.id.startsWith('tls'))).toEqual([]);
  });

  it.each(HTTP1)('%s: HTTP/1.1 inside TLS in http.exchanges: frames, methods, URIs and status codes', async (name) => {
    const m = await model(cap(name), keys(name));
    const ours: string[] = [];
    for (const e of m.http.exchanges) {
      if (e.request) ours.push(`${e.request.frame} ${e.request.method} ${e.request.uri}`);
      if (e.response) ours.push(`${e.response.frame} ${e.response.status}`);
    }
    const theirs = tshark(name, 'http').map((r) =>
      r['http.request.method']!.length
        ? `${r.frame} ${r['http.request.method']![0]} ${r['http.request.uri']![0]}`
        : `${r.frame} ${r['http.response.code']![0]}`,
    );
    expect(ours.sort()).toEqual(theirs.sort());
    expect(ours.length).toBeGreaterThan(0);
    expect(m.tls.connections.filter((c) => !FAILED[name]?.includes(c.stream)).every((c) => c.application === 'http')).toBe(true);
  });

  it.each(['smtp-starttls', 'smtps'])('%s: SMTP commands and reply codes, before and after TLS, at tshark’s frames', async (name) => {
    const m = await model(cap(name), keys(name));
    expect(m.smtp.sessions).toHaveLength(1);
    const s = m.smtp.sessions[0]!;
    expect(s.tls).toBe(name === 'smtps' ? 'implicit' : 'starttls');
    const ours = s.transcript
      .filter((l) => l.command !== undefined || l.code !== undefined)
      .map((l) => (l.side === 'C' ? `${l.frame} C ${l.command!.slice(0, 4)}` : `${l.frame} S ${l.code}`));
    const theirs = tshark(name, 'smtp').flatMap((r) => [
      ...r['smtp.req.command']!.map((c) => `${r.frame} C ${c.toUpperCase()}`),
      ...r['smtp.response.code']!.map((c) => `${r.frame} S ${c}`),
    ]);
    expect([...new Set(ours)].sort()).toEqual([...new Set(theirs)].sort());
    expect(ours.some((l) => l.endsWith('C AUTH'))).toBe(true);
    expect(ours.some((l) => l.endsWith('C QUIT'))).toBe(true);
  });

  it.each(['pop3-stls', 'pop3s'])('%s: POP3 commands and indicators, before and after TLS, at tshark’s frames', async (name) => {
    const m = await model(cap(name), keys(name));
    expect(m.pop3.sessions).toHaveLength(1);
    const s = m.pop3.sessions[0]!;
    expect(s.tls).toBe(name === 'pop3s' ? 'implicit' : 'stls');
    const ours = s.transcript
      .filter((l) => l.command || l.indicator)
      .map((l) => (l.side === 'C' ? `${l.frame} C ${l.command}` : `${l.frame} S ${l.indicator}`));
    const theirs = tshark(name, 'pop').flatMap((r) => [
      ...r['pop.request.command']!.map((c) => `${r.frame} C ${c.toUpperCase()}`),
      ...r['pop.response.indicator']!.map((i) => `${r.frame} S ${i}`),
    ]);
    expect(ours).toEqual(theirs);
    expect(ours.some((l) => l.endsWith('C RETR'))).toBe(true);
  });

  it.each(['imap-starttls', 'imaps'])('%s: IMAP tagged commands and status replies, before and after TLS, at tshark’s frames', async (name) => {
    const m = await model(cap(name), keys(name));
    expect(m.imap.sessions).toHaveLength(1);
    const s = m.imap.sessions[0]!;
    expect(s.tls).toBe(name === 'imaps' ? 'implicit' : 'starttls');
    const tags = new Set(s.transcript.filter((l) => l.side === 'C' && l.tag).map((l) => l.tag));
    const ours = [
      ...s.transcript.filter((l) => l.side === 'C' && l.tag && l.command).map((l) => `${l.frame} C ${l.tag} ${l.command!.toUpperCase()}`),
      ...s.transcript.filter((l) => l.side === 'S' && l.tag && tags.has(l.tag) && l.status).map((l) => `${l.frame} S ${l.status}`),
    ];
    const theirs = tshark(name, 'imap').flatMap((r) => [
      ...r['imap.request.command']!.map((c, i) => `${r.frame} C ${r['imap.request_tag']![i]} ${c.toUpperCase()}`),
      ...r['imap.response.status']!.map((st) => `${r.frame} S ${st}`),
    ]);
    expect(ours.sort()).toEqual(theirs.sort());
    expect(ours.some((l) => / C \S+ LOGIN$/.test(l))).toBe(true);
  });
});

describe('where the keys come from', () => {
  /** The parts of the model that come from the traffic (not from the file's name, format or size). */
  const traffic = (m: ReportModel) =>
    JSON.stringify({ tls: m.tls.connections, http: m.http.exchanges, smtp: m.smtp.sessions, pop3: m.pop3.sessions, imap: m.imap.sessions });

  it.each(ALL)('%s: the pcapng with the keys embedded gives the same model as the capture with --keylog', async (name) => {
    const embedded = await model(join(DIR, `${name}-keys.pcapng`));
    const given = await model(cap(name), keys(name));
    expect(embedded.tls.connections.filter((c) => !FAILED[name]?.includes(c.stream)).every((c) => c.decryption === 'decrypted')).toBe(true);
    expect(traffic(embedded)).toBe(traffic(given));
  });

  it('SSLKEYLOGFILE naming a file is read when no --keylog is given', async () => {
    const m = await model(cap('http1-tls13'), undefined, { SSLKEYLOGFILE: keys('http1-tls13') });
    expect(m.tls.connections.every((c) => c.decryption === 'decrypted')).toBe(true);
    expect(m.http.exchanges.length).toBeGreaterThan(0);
  });

  it('SSLKEYLOGFILE naming no file is no key log', async () => {
    const m = await model(cap('http1-tls13'), undefined, { SSLKEYLOGFILE: join(tempDir(), 'not-written-yet.log') });
    expect(m.tls.connections.every((c) => c.decryption === 'no-key-log')).toBe(true);
    expect(m.tls.keyLog.given).toBe(false);
  });
});

describe('without the right keys', () => {
  it('no key log: each connection listed with its SNI, version and suite; nothing decrypted, no warning', async () => {
    const m = await model(cap('h2-chromium'));
    expect(m.tls.connections.length).toBe(2);
    for (const c of m.tls.connections) {
      expect(c).toMatchObject({ sni: 'lab.test', version: 'TLS 1.3', decryption: 'no-key-log', decrypted: false, application: null });
      expect(c.cipherSuite).toMatch(/^TLS_/);
      expect(c.alpnOffered).toContain('h2');
      expect(c.encryptedFrom).toBeGreaterThan(c.startFrame);
    }
    expect(m.http.exchanges).toEqual([]);
    expect(m.warnings.filter((w) => w.id.startsWith('tls'))).toEqual([]);
  });

  it('another session’s key log: one warning per connection, nothing decrypted', async () => {
    const m = await model(cap('http1-tls13'), keys('smtps'));
    expect(m.tls.connections.length).toBe(6);
    for (const c of m.tls.connections) {
      expect(c.decryption).toBe('not-in-log');
      expect(m.warnings.filter((w) => w.stream === c.stream && w.id.startsWith('tls'))).toHaveLength(1);
    }
    expect(m.http.exchanges).toEqual([]);
  });

  it('damaged secrets for the right sessions: one warning per connection, never garbage passed on', async () => {
    const damaged = readFileSync(keys('http1-tls13'), 'utf8').replace(
      / ([0-9a-f])([0-9a-f]+)$/gm,
      (_, a: string, rest: string) => ` ${a === '0' ? '1' : '0'}${rest}`,
    );
    const m = await model(cap('http1-tls13'), tempFile('damaged.keys', damaged));
    for (const c of m.tls.connections) {
      expect(c.decryption).toBe('wrong-keys');
      expect(m.warnings.filter((w) => w.stream === c.stream && w.id.startsWith('tls'))).toHaveLength(1);
    }
    expect(m.http.exchanges).toEqual([]);
  });
});

describe('the command line', () => {
  const labreport = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const { SSLKEYLOGFILE: _drop, ...rest } = process.env;
    const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), ...args], { encoding: 'utf8', env: { ...rest, ...env } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('--keylog decrypts; no key-log line or secret is in the JSON or the Markdown', () => {
    for (const name of ['http1-tls12-cbc', 'smtp-starttls', 'pop3s']) {
      const out = tempDir();
      const r = labreport(['build', cap(name), '--keylog', keys(name), '--format', 'json,md', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/not decrypted/);
      const written = ['json', 'md'].map((ext) => readFileSync(join(out, `${name}.${ext}`), 'utf8')).join('\n');
      const json = JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')) as ReportModel;
      expect(json.tls.connections.filter((c) => !FAILED[name]?.includes(c.stream)).every((c) => c.decryption === 'decrypted')).toBe(true);
      for (const line of readFileSync(keys(name), 'utf8').split('\n')) {
        const secret = line.split(' ')[2];
        if (!secret) continue;
        expect(written.toLowerCase()).not.toContain(secret.toLowerCase());
        expect(written).not.toContain(Buffer.from(secret, 'hex').toString('base64'));
      }
      expect(written).not.toMatch(/CLIENT_RANDOM|TRAFFIC_SECRET/);
    }
  });

  it('a capture with TLS it could not decrypt: one line on stderr naming --keylog; the report names no tool or flag', () => {
    const out = tempDir();
    const r = labreport(['build', cap('h2-chromium'), '--format', 'md', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^h2-chromium\.pcap: 2 TLS connections not decrypted: .*--keylog FILE/m);
    const md = readFileSync(join(out, 'h2-chromium.md'), 'utf8');
    expect(md).toContain('lab.test');
    expect(md).toContain('SSLKEYLOGFILE');
    expect(md).not.toMatch(/labreport|--keylog/);
  });

  it('a key log that cannot be read: a one-line error naming it, exit 2', () => {
    const r = labreport(['build', cap('h2-chromium'), '--keylog', join(tempDir(), 'missing.keys'), '--format', 'json', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/missing\.keys: no such key-log file/);
  });
});
