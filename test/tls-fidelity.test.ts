/*
 * The recorded TLS fixtures against tshark 4.0 decrypting with the same key logs
 * (`-o tls.keylog_file:KEYS`): every record and its (decrypted) content type and length at
 * the same frame, the handshake messages and alerts, the frames whose decrypted
 * application data is handed on, the hellos' fields and the certificate chains; then the
 * protocols inside (HTTP/1.1, SMTP, POP3, IMAP) read from the decrypted bytes by the
 * project's own dissectors, compared with tshark's dissection of the same frames.
 */

import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { HttpCollector } from '../src/protocols/http/dissector.js';
import { httpProtocol } from '../src/protocols/http/index.js';
import { Pop3Collector } from '../src/protocols/pop3/dissector.js';
import { pop3Protocol } from '../src/protocols/pop3/index.js';
import type { Detection, Protocol } from '../src/protocols/protocol.js';
import { ProtocolRouter } from '../src/protocols/router.js';
import type { TranscriptLine } from '../src/protocols/mail/records.js';
import { SmtpCollector } from '../src/protocols/smtp/dissector.js';
import { smtpProtocol } from '../src/protocols/smtp/index.js';
import type { TlsConnectionRecord } from '../src/protocols/tls/index.js';
import type { StreamHandler } from '../src/reassembly/tcp-stream.js';
import { OWN_FIXTURES } from './helpers/files.js';
import { runTls, tee, tsharkTls, type TlsModule, type TlsRun } from './helpers/tls.js';

const DIR = join(OWN_FIXTURES, 'tls');
const cap = (name: string) => join(DIR, `${name}.pcap`);
const keys = (name: string) => join(DIR, `${name}.keys`);

/** Every fixture, with the decode-as tshark needs to see its protocol inside TLS. */
const FIXTURES: { name: string; decodeAs?: string[] }[] = [
  { name: 'http1-tls13' },
  { name: 'http1-tls10' },
  { name: 'http1-tls12-aead' },
  { name: 'http1-tls12-cbc' },
  { name: 'tls13-keyupdate' },
  { name: 'h2-curl' },
  { name: 'h2-chromium' },
  { name: 'smtp-starttls' },
  { name: 'smtps', decodeAs: ['tls.port==465,smtp'] },
  { name: 'pop3-stls' },
  { name: 'pop3s' },
  { name: 'imap-starttls' },
  { name: 'imaps' },
];

/**
 * Stands in for the mail dissectors' STARTTLS hand-off (theirs is another engineer's):
 * passes nothing on until the server accepts STARTTLS / STLS, then gives every later byte
 * to TLS started mid-connection, as `tls.start` is meant to be used.
 */
function startTlsHandoff(tls: TlsModule, protocol: 'smtp' | 'pop3' | 'imap', own?: StreamHandler): Protocol {
  const detect = (client: Uint8Array, server: Uint8Array): Detection => {
    const s = Buffer.from(server).toString('latin1');
    if (server.length === 0) return 'unsure';
    return (protocol === 'smtp' && /^220 /.test(s)) || (protocol === 'pop3' && /^\+OK/.test(s)) || (protocol === 'imap' && /^\* OK/.test(s)) ? 'yes' : 'no';
  };
  return {
    name: `${protocol}-starttls`,
    ports: [],
    detect,
    open: (ctx) => {
      let asked = false;
      let inner: StreamHandler | null = null;
      return {
        data(fromClient, bytes, frame, time) {
          if (inner) return inner.data(fromClient, bytes, frame, time);
          const text = Buffer.from(bytes).toString('latin1');
          if (fromClient) asked = /^(STARTTLS|STLS|\S+ STARTTLS)\r\n$/i.test(text);
          else if (asked && /^(220 |\+OK|\S+ OK)/.test(text)) inner = tls.start(ctx, protocol, own);
        },
        gap: (fromClient, length, frame, time) => inner?.gap(fromClient, length, frame, time),
        end: (fromClient) => inner?.end(fromClient),
      };
    },
  };
}

interface Dissected {
  run: TlsRun;
  http: HttpCollector;
  smtp: SmtpCollector;
  pop3: Pop3Collector;
}

const cache = new Map<string, Dissected>();

/** The fixture through TLS, with HTTP, SMTP and POP3 routed inside, as the pipeline will. */
function dissect(name: string, o: { embedded?: boolean } = {}): Dissected {
  const key = `${name}:${o.embedded ? 'dsb' : 'keys'}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const limits = DEFAULT_LIMITS;
  const http = new HttpCollector(limits);
  const smtp = new SmtpCollector();
  const pop3 = new Pop3Collector();
  const insides = [httpProtocol(http), smtpProtocol(smtp), pop3Protocol(pop3)];
  const run = runTls(o.embedded ? join(DIR, `${name}-keys.pcapng`) : cap(name), {
    keylogs: o.embedded ? [] : [keys(name)],
    embedded: o.embedded,
    protocols: (tls) => [startTlsHandoff(tls, 'smtp'), startTlsHandoff(tls, 'pop3'), startTlsHandoff(tls, 'imap')],
    inner: (session, collect, warnings) => tee(collect, new ProtocolRouter(session.conn, insides, { limits, warnings }, () => {})),
  });
  const d = { run, http, smtp, pop3 };
  cache.set(key, d);
  return d;
}

const byFrame = <T>(items: T[], frame: (t: T) => number, value: (t: T) => string) => {
  const m = new Map<number, string[]>();
  for (const i of items) m.set(frame(i), [...(m.get(frame(i)) ?? []), value(i)]);
  return m;
};
const allRecords = (cs: TlsConnectionRecord[]) => cs.flatMap((c) => c.records.items.map((r) => ({ ...r, tls13: c.versionCode === 0x0304 })));

/** The tshark fields every test below reads, from one decrypting pass per fixture. */
const FIELDS = [
  'frame.number',
  'tcp.stream',
  'tls.record.content_type',
  'tls.record.opaque_type',
  'tls.record.length',
  'tls.handshake.type',
  'tls.alert_message.level',
  'tls.alert_message.desc',
  'tls.handshake.version',
  'tls.handshake.random',
  'tls.handshake.ciphersuite',
  'tls.handshake.extensions_server_name',
  'tls.handshake.extensions_alpn_str',
  'tls.handshake.extensions.supported_version',
  'tls.handshake.extensions_key_share_group',
  'tls.handshake.extensions_key_share_selected_group',
  'tls.handshake.extension.type',
  'tls.handshake.certificate',
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
] as const;
type Row = Record<(typeof FIELDS)[number], string[]> & { frame: number; stream: number };

const tsharkCache = new Map<string, Row[]>();
/** tshark's view of a fixture, decrypted with its key log: the frames with TLS records or a protocol inside. */
function tshark(name: string): Row[] {
  const hit = tsharkCache.get(name);
  if (hit) return hit;
  const decodeAs = FIXTURES.find((f) => f.name === name)?.decodeAs;
  const rows = tsharkTls(cap(name), [...FIELDS], { keys: keys(name), decodeAs, filter: 'tls.record || http || smtp || pop || imap' }).map((values) => {
    const row = Object.fromEntries(FIELDS.map((f, i) => [f, values[i] ?? []])) as unknown as Row;
    row.frame = Number(row['frame.number'][0]);
    row.stream = Number(row['tcp.stream'][0]);
    return row;
  });
  tsharkCache.set(name, rows);
  return rows;
}

describe.each(FIXTURES)('$name: TLS agrees with tshark', ({ name }) => {
  it('decrypts every connection that completed a handshake, without warnings', () => {
    const { run } = dissect(name);
    const rows = tshark(name);
    // TLS's own warnings (those of the dissectors inside, such as HTTP/1.1 reading HTTP/2, are theirs).
    expect(run.warnings.list.filter((w) => w.message.includes('(TLS)'))).toEqual([]);
    const finished = new Set(rows.filter((r) => r['tls.handshake.type'].includes('20')).map((r) => r.stream));
    for (const c of run.connections) {
      if (finished.has(c.stream)) expect(c.decryption, `stream ${c.stream}`).toBe('decrypted');
      expect(c.decrypted).toBe(c.decryption === 'decrypted');
    }
    expect(run.connections.map((c) => c.stream)).toEqual([...new Set(rows.filter((r) => r['tls.record.length'].length > 0).map((r) => r.stream))]);
  });

  it('finds the same records in the same frames, with the same decrypted content types and lengths', () => {
    const ours = allRecords(dissect(name).run.connections);
    const theirs = tshark(name).filter((r) => r['tls.record.length'].length > 0);
    const content = byFrame(
      ours.filter((r) => !(r.tls13 && r.encrypted) || r.decrypted),
      (r) => r.frame,
      (r) => String(r.innerType ?? r.contentType),
    );
    const opaque = byFrame(
      ours.filter((r) => r.tls13 && r.encrypted),
      (r) => r.frame,
      (r) => String(r.contentType),
    );
    const lengths = byFrame(
      ours,
      (r) => r.frame,
      (r) => String(r.length),
    );
    for (const r of theirs) {
      expect(content.get(r.frame) ?? [], `content types in frame ${r.frame}`).toEqual(r['tls.record.content_type']);
      expect(opaque.get(r.frame) ?? [], `opaque types in frame ${r.frame}`).toEqual(r['tls.record.opaque_type']);
      expect(lengths.get(r.frame) ?? [], `record lengths in frame ${r.frame}`).toEqual(r['tls.record.length']);
    }
    expect([...lengths.keys()].sort((a, b) => a - b)).toEqual(theirs.map((t) => t.frame));
  });

  it('decodes the same handshake messages (the encrypted ones too) and alerts, at the same frames', () => {
    const { run } = dissect(name);
    const rows = tshark(name);
    const messages = byFrame(
      run.connections.flatMap((c) => c.handshakeMessages.items),
      (m) => m.frame,
      (m) => String(m.type),
    );
    expect(Object.fromEntries(messages)).toEqual(
      Object.fromEntries(rows.filter((r) => r['tls.handshake.type'].length).map((r) => [r.frame, r['tls.handshake.type']])),
    );
    const alerts = byFrame(
      run.connections.flatMap((c) => c.alerts.items),
      (a) => a.frame,
      (a) => `${a.level}/${a.description}`,
    );
    const theirs = rows.filter((r) => r['tls.alert_message.desc'].length);
    expect(Object.fromEntries(alerts)).toEqual(
      Object.fromEntries(theirs.map((r) => [r.frame, r['tls.alert_message.level'].map((l, i) => `${l}/${r['tls.alert_message.desc'][i]}`)])),
    );
  });

  it('hands on decrypted application data at exactly the frames of the records that carried it', () => {
    const { run } = dissect(name);
    const ours = [...new Set(run.pieces.map((p) => p.frame))].sort((a, b) => a - b);
    // (No record here is an empty one, which would carry no data.)
    expect(ours).toEqual(
      tshark(name)
        .filter((r) => r['tls.record.content_type'].includes('23'))
        .map((r) => r.frame),
    );
  });

  it('reads the hellos as tshark does: versions, suites, SNI, ALPN, key shares, randoms, extensions', () => {
    const { run } = dissect(name);
    const num = (v: string) => Number(v);
    for (const r of tshark(name).filter((x) => x['tls.handshake.type'][0] === '1' || x['tls.handshake.type'][0] === '2')) {
      const c = run.connections.find((x) => x.stream === r.stream)!;
      if (r['tls.handshake.type'][0] === '1') {
        const ch = c.clientHello!.frame === r.frame ? c.clientHello! : c.retry!.clientHello!;
        expect(ch.frame).toBe(r.frame);
        expect(ch.legacyVersion).toBe(num(r['tls.handshake.version'][0]!));
        expect(ch.random).toBe(r['tls.handshake.random'][0]);
        expect(ch.cipherSuites.items).toEqual(r['tls.handshake.ciphersuite'].map(num));
        expect(ch.sni ?? undefined).toBe(r['tls.handshake.extensions_server_name'][0]);
        expect(c.sni ?? undefined).toBe(r['tls.handshake.extensions_server_name'][0]);
        expect(ch.alpn).toEqual(r['tls.handshake.extensions_alpn_str']);
        expect(ch.supportedVersions).toEqual(r['tls.handshake.extensions.supported_version'].map(num));
        expect(ch.keyShareGroups).toEqual(r['tls.handshake.extensions_key_share_group'].map(num));
        expect(ch.extensions.items.map((e) => e.type)).toEqual(r['tls.handshake.extension.type'].map(num));
      } else if (c.retry?.request.frame === r.frame) {
        // A HelloRetryRequest: a ServerHello with the special random, asking for another key share.
        expect(c.helloRetryRequest).toBe(true);
        expect(c.retry.request.random).toBe(r['tls.handshake.random'][0]);
        expect(c.retry.request.keyShareGroup).toBe(num(r['tls.handshake.extensions_key_share_selected_group'][0]!));
      } else {
        const sh = c.serverHello!;
        expect(sh.frame).toBe(r.frame);
        const supported = r['tls.handshake.extensions.supported_version'];
        expect(sh.legacyVersion).toBe(num(r['tls.handshake.version'][0]!));
        expect(sh.random).toBe(r['tls.handshake.random'][0]);
        expect(sh.cipherSuite).toBe(num(r['tls.handshake.ciphersuite'][0]!));
        expect(c.cipherSuiteCode).toBe(sh.cipherSuite);
        expect(c.versionCode).toBe(supported.length ? num(supported[0]!) : sh.legacyVersion);
        // The ServerHello's extensions, then (decrypted, in the same frame) the EncryptedExtensions'.
        const ee = r['tls.handshake.type'].includes('8') ? c.encryptedExtensions!.items : [];
        expect([...sh.extensions.items, ...ee].map((e) => e.type)).toEqual(r['tls.handshake.extension.type'].map(num));
        if (c.versionCode === 0x0304) expect(sh.keyShareGroup).toBe(num(r['tls.handshake.extensions_key_share_group'][0]!));
        if (r['tls.handshake.extensions_alpn_str'].length) expect(c.alpn).toBe(r['tls.handshake.extensions_alpn_str'][0]);
      }
    }
  });

  it('reads the same certificate chains (TLS 1.2 in clear, TLS 1.3 decrypted), byte for byte', () => {
    const { run } = dissect(name);
    const chains = tshark(name).filter((r) => r['tls.handshake.certificate'].length);
    expect(chains.length).toBeGreaterThan(0);
    for (const r of chains) {
      const c = run.connections.find((x) => x.stream === r.stream)!;
      const expected = r['tls.handshake.certificate'].map((h) => new X509Certificate(Buffer.from(h.replace(/:/g, ''), 'hex')));
      expect(c.certificates!.items.map((x) => x.fingerprint256)).toEqual(expected.map((x) => x.fingerprint256));
      expect(c.certificates!.items.map((x) => x.subject)).toEqual(['C=CN, O=labreport, CN=lab.test', 'C=CN, O=labreport, CN=labreport Lab CA']);
      expect(c.certificates!.items[0]!.issuer).toBe('C=CN, O=labreport, CN=labreport Lab CA');
      expect(c.certificates!.items[0]!.subjectAltName).toBe('DNS:lab.test, DNS:mail.lab.test');
      expect(c.certificates!.items[1]!.selfIssued).toBe(true);
      expect(c.certificates!.items[0]!.validToIso).toBe(new Date(expected[0]!.validTo).toISOString());
    }
  });

  it('gives the same decrypted bytes from the key log embedded in the pcapng (a Decryption Secrets Block)', () => {
    const fromKeys = dissect(name).run;
    const fromDsb = dissect(name, { embedded: true }).run;
    expect(fromDsb.keyLog!.size).toBe(fromKeys.keyLog!.size);
    expect(fromDsb.pieces.map((p) => [p.stream, p.fromClient, p.frame, p.bytes.toString('hex')])).toEqual(
      fromKeys.pieces.map((p) => [p.stream, p.fromClient, p.frame, p.bytes.toString('hex')]),
    );
    expect(fromDsb.pieces.length).toBeGreaterThan(0);
  });
});

describe('TLS started mid-connection', () => {
  it("with the mail dissector's own handler, the decrypted bytes go there (the session goes on), not to the factory", () => {
    const received: string[] = [];
    const own: StreamHandler = {
      data: (fromClient, b) => received.push(`${fromClient ? 'C' : 'S'} ${Buffer.from(b).toString('latin1')}`),
      gap: () => {},
      end: () => {},
    };
    const run = runTls(cap('pop3-stls'), { keylogs: [keys('pop3-stls')], protocols: (tls) => [startTlsHandoff(tls, 'pop3', own)] });
    expect(run.pieces).toEqual([]);
    expect(received[0]).toBe('C USER student\r\n');
    expect(received.some((r) => r.startsWith('S +OK'))).toBe(true);
    expect(run.connections[0]).toMatchObject({ startedBy: 'pop3', decryption: 'decrypted' });
  });
});

describe('the protocols inside TLS agree with tshark', () => {
  it.each(['http1-tls13', 'http1-tls10', 'http1-tls12-aead', 'http1-tls12-cbc'])(
    '%s: HTTP/1.1 request and response frames, methods, URIs and status codes',
    (name) => {
      const { http } = dissect(name);
      const theirs = tshark(name).filter((r) => r['http.request.method'].length || r['http.response.code'].length);
      const ours: string[] = [];
      for (const e of http.exchanges) {
        if (e.request) ours.push(`${e.request.frame} ${e.request.method} ${e.request.uri}`);
        if (e.response) ours.push(`${e.response.frame} ${e.response.status}`);
      }
      const expected = theirs.map((r) =>
        r['http.request.method'].length ? `${r.frame} ${r['http.request.method'][0]} ${r['http.request.uri'][0]}` : `${r.frame} ${r['http.response.code'][0]}`,
      );
      expect(ours.sort()).toEqual(expected.sort());
      expect(http.exchanges.length).toBeGreaterThan(0);
    },
  );

  it.each(['smtp-starttls', 'smtps'])('%s: SMTP commands and reply codes inside TLS, at the same frames', (name) => {
    const { smtp, run } = dissect(name);
    const start = run.connections[0]!.startFrame;
    expect(run.connections[0]!.startedBy).toBe(name === 'smtps' ? 'tls' : 'smtp');
    const lines: TranscriptLine[] = smtp.sessions.flatMap((s) => s.transcript);
    const ours = new Set(
      lines
        .filter((l) => l.command !== undefined || l.code !== undefined)
        .map((l) => (l.side === 'C' ? `${l.frame} C ${l.command!.slice(0, 4).toUpperCase()}` : `${l.frame} S ${l.code}`)),
    );
    const theirs = new Set(
      tshark(name)
        .filter((r) => r.frame >= start)
        .flatMap((r) => [...r['smtp.req.command'].map((c) => `${r.frame} C ${c.toUpperCase()}`), ...r['smtp.response.code'].map((c) => `${r.frame} S ${c}`)]),
    );
    expect([...ours].sort()).toEqual([...theirs].sort());
    expect(lines.some((l) => l.command === 'AUTH')).toBe(true);
  });

  it.each(['pop3-stls', 'pop3s'])('%s: POP3 commands and +OK/-ERR inside TLS, at the same frames', (name) => {
    const { pop3, run } = dissect(name);
    const start = run.connections[0]!.startFrame;
    const lines = pop3.sessions.flatMap((s) => s.transcript).filter((l) => l.command || l.indicator);
    const ours = lines.map((l) => (l.side === 'C' ? `${l.frame} C ${l.command}` : `${l.frame} S ${l.indicator}`));
    const theirs = tshark(name)
      .filter((r) => r.frame >= start)
      .flatMap((r) => [
        ...r['pop.request.command'].map((c) => `${r.frame} C ${c.toUpperCase()}`),
        ...r['pop.response.indicator'].map((i) => `${r.frame} S ${i}`),
      ]);
    expect(ours).toEqual(theirs);
    expect(ours.some((l) => l.endsWith('C PASS'))).toBe(true);
  });

  it.each(['imap-starttls', 'imaps'])('%s: IMAP commands and tagged status replies inside TLS, at the same frames', (name) => {
    const { run } = dissect(name);
    const stream = run.connections[0]!.stream;
    // No IMAP dissector yet: the decrypted lines, split here, cited at the frame of their line end.
    const lines: { fromClient: boolean; frame: number; text: string }[] = [];
    for (const fromClient of [true, false]) {
      let text = '';
      for (const p of run.pieces.filter((x) => x.stream === stream && x.fromClient === fromClient)) {
        text += p.bytes.toString('latin1');
        let i: number;
        while ((i = text.indexOf('\r\n')) >= 0) {
          lines.push({ fromClient, frame: p.frame, text: text.slice(0, i) });
          text = text.slice(i + 2);
        }
      }
    }
    const tags = new Set(lines.filter((l) => l.fromClient).map((l) => l.text.split(' ')[0]));
    const ours = [
      ...lines.filter((l) => l.fromClient).map((l) => `${l.frame} C ${l.text.split(' ')[0]} ${l.text.split(' ')[1]!.toUpperCase()}`),
      ...lines
        .filter((l) => !l.fromClient && tags.has(l.text.split(' ')[0]) && /^\S+ (OK|NO|BAD)\b/.test(l.text))
        .map((l) => `${l.frame} S ${l.text.split(' ')[1]}`),
    ];
    const start = run.connections[0]!.startFrame;
    const theirs = tshark(name)
      .filter((r) => r.frame >= start)
      .flatMap((r) => [
        ...r['imap.request.command'].map((c, i) => `${r.frame} C ${r['imap.request_tag'][i]} ${c.toUpperCase()}`),
        ...r['imap.response.status'].map((st) => `${r.frame} S ${st}`),
      ]);
    expect(ours.sort()).toEqual(theirs.sort());
    expect(ours.some((l) => / C \S+ LOGIN$/.test(l))).toBe(true);
  });
});
