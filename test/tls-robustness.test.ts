/*
 * TLS on damaged, hostile and re-cut real bytes: the recorded sessions' TCP payloads
 * (as tshark follows them) sent again in other segmentations, with a record altered, a
 * segment lost, the handshake missing, the wrong keys, no keys; handshake messages built
 * to overflow; the bounds; and the promise that no secret reaches the records.
 */

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureError } from '../src/capture/frame.js';
import { mutateCase } from '../src/fuzz/mutate.js';
import { loadCorpus } from '../src/fuzz/runner.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { KeyLog } from '../src/protocols/tls/keylog.js';
import { hkdfExpandLabel, tls12KeyBlock, tls13TrafficKeys } from '../src/protocols/tls/keys.js';
import { detectTls } from '../src/protocols/tls/index.js';
import { suiteCrypto } from '../src/protocols/tls/suites.js';
import { OWN_FIXTURES, tempFile } from './helpers/files.js';
import { Conversation, pcapFile } from './helpers/packets.js';
import { runTls, tsharkTls, type TlsRun } from './helpers/tls.js';

const DIR = join(OWN_FIXTURES, 'tls');
const cap = (name: string) => join(DIR, `${name}.pcap`);
const keys = (name: string) => join(DIR, `${name}.keys`);

interface Chunk {
  fromClient: boolean;
  bytes: Buffer;
}

const followed = new Map<string, Chunk[]>();
/** One TCP connection's payload as tshark follows it: runs of bytes from one side, in order (a fresh copy each call). */
function follow(file: string, stream: number): Chunk[] {
  const key = `${file}#${stream}`;
  if (!followed.has(key)) followed.set(key, followTshark(file, stream));
  return followed.get(key)!.map((c) => ({ fromClient: c.fromClient, bytes: Buffer.from(c.bytes) }));
}

function followTshark(file: string, stream: number): Chunk[] {
  const out = execFileSync('tshark', ['-r', file, '-q', '-z', `follow,tcp,raw,${stream}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const body = out.split('\n').slice(out.split('\n').findIndex((l) => l.startsWith('Node 1:')) + 1);
  const chunks: Chunk[] = [];
  for (const line of body) {
    if (line.startsWith('=') || line.trim() === '') continue;
    const fromClient = !line.startsWith('\t');
    const bytes = Buffer.from(line.trim(), 'hex');
    const last = chunks[chunks.length - 1];
    if (last && last.fromClient === fromClient) last.bytes = Buffer.concat([last.bytes, bytes]);
    else chunks.push({ fromClient, bytes });
  }
  return chunks;
}

/** The records of a run of bytes: where each starts, its type and length. */
function records(b: Buffer): { offset: number; type: number; length: number }[] {
  const out = [];
  for (let o = 0; o + 5 <= b.length; o += 5 + b.readUInt16BE(o + 3)) out.push({ offset: o, type: b[o]!, length: b.readUInt16BE(o + 3) });
  return out;
}

interface Resend {
  /** Segment size (default 1448). */
  mss?: number;
  /** Send every record on its own (segments start at record boundaries, as most senders do). */
  perRecord?: boolean;
  /** Segments never captured: [chunk index, segment index within it]. */
  drop?: [number, number][];
  /** Chunks left out from the start (the capture began mid-session). */
  skip?: number;
}

/** The chunks sent again over a fresh connection on port 443, as a pcap. */
function resend(chunks: Chunk[], o: Resend = {}): string {
  const conv = new Conversation({ ip: '10.0.0.1', port: 40001 }, { ip: '10.0.0.2', port: 443 });
  conv.handshake();
  chunks.forEach((c, i) => {
    if (i < (o.skip ?? 0)) {
      conv.advance(c.fromClient, c.bytes.length);
      return;
    }
    const pieces = o.perRecord ? records(c.bytes).map((r) => c.bytes.subarray(r.offset, r.offset + 5 + r.length)) : [c.bytes];
    let segment = 0;
    for (const piece of pieces) {
      const mss = o.mss ?? 1448;
      const n = Math.ceil(piece.length / mss);
      const drop = (o.drop ?? []).filter(([ci, si]) => ci === i && si >= segment && si < segment + n).map(([, si]) => si - segment);
      conv.send(c.fromClient, piece, { mss, drop });
      segment += n;
    }
  });
  conv.close();
  return tempFile(`resent-${Math.random().toString(36).slice(2)}.pcap`, pcapFile(conv.packets()));
}

const originals = new Map<string, TlsRun>();
/** The original run's decrypted bytes of one connection, each direction. */
function plaintexts(name: string, stream: number) {
  const run = originals.get(name) ?? runTls(cap(name), { keylogs: [keys(name)] });
  originals.set(name, run);
  return { client: run.plaintext(stream, true), server: run.plaintext(stream, false), run };
}

describe('TLS records however the TCP segments fall', () => {
  it.each([
    { name: 'http1-tls13', stream: 0 },
    { name: 'http1-tls12-cbc', stream: 0 },
    { name: 'http1-tls10', stream: 0 },
    { name: 'h2-chromium', stream: 0 },
  ])('$name stream $stream: the same plaintext from 5-byte segments and from whole runs in one segment', ({ name, stream }) => {
    const original = plaintexts(name, stream);
    expect(original.server.length).toBeGreaterThan(200);
    const chunks = follow(cap(name), stream);
    for (const mss of [5, 60_000]) {
      const run = runTls(resend(chunks, { mss }), { keylogs: [keys(name)] });
      const c = run.connections[0]!;
      expect(c.decryption, `mss ${mss}`).toBe('decrypted');
      expect(run.plaintext(0, true).equals(original.client), `client plaintext, mss ${mss}`).toBe(true);
      expect(run.plaintext(0, false).equals(original.server), `server plaintext, mss ${mss}`).toBe(true);
      expect(run.warnings.list).toEqual([]);
      // Each piece is cited at the frame carrying its record's last byte.
      for (const r of c.records.items.filter((x) => x.segments)) expect(r.frame).toBe(r.segments!.at(-1)!.frame);
    }
  });
});

/** The follow chunks with one byte flipped in the middle of the server's n-th record; its offset in the server's records. */
function damageServerRecord(chunks: Chunk[], n: number): { type: number; length: number } {
  const serverRecords = chunks.flatMap((c, i) => (c.fromClient ? [] : records(c.bytes).map((r) => ({ ...r, chunk: i }))));
  const target = serverRecords[n]!;
  const chunk = chunks[target.chunk]!;
  chunk.bytes = Buffer.from(chunk.bytes);
  chunk.bytes[target.offset + 5 + Math.floor(target.length / 2)]! ^= 0x01;
  return target;
}

describe('TLS records that fail authentication', () => {
  it.each([
    { name: 'http1-tls13', stream: 1, suite: 'TLS_AES_256_GCM_SHA384' },
    { name: 'http1-tls13', stream: 4, suite: 'TLS_AES_128_CCM_8_SHA256' },
    { name: 'http1-tls12-aead', stream: 3, suite: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256' },
    { name: 'http1-tls12-aead', stream: 7, suite: 'TLS_DHE_RSA_WITH_AES_256_CCM' },
    { name: 'http1-tls12-cbc', stream: 0, suite: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA' },
    { name: 'http1-tls12-cbc', stream: 3, suite: 'TLS_RSA_WITH_AES_128_CBC_SHA' },
    { name: 'http1-tls10', stream: 0, suite: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA' },
  ])('$suite: an altered record is a warning at its frame, never bytes; the records after it still decrypt', ({ name, stream, suite }) => {
    const original = plaintexts(name, stream);
    const conn = original.run.connections.find((c) => c.stream === stream)!;
    expect(conn.cipherSuite).toBe(suite);
    if (conn.versionCode !== 0x0304) expect(conn.encryptThenMac).toBe(name === 'http1-tls12-cbc' && stream === 0);
    // The protected record just before the server's HTTP response: a session ticket (TLS 1.3) or its Finished (TLS 1.2), the first one it protected.
    const responseFrame = original.run.pieces.find((p) => p.stream === stream && !p.fromClient && p.bytes.toString('latin1').startsWith('HTTP/1.1 200'))!.frame;
    const n = conn.records.items.filter((r) => !r.fromClient).findIndex((r) => r.frame === responseFrame && (r.innerType ?? r.contentType) === 23);
    const chunks = follow(cap(name), stream);
    const target = damageServerRecord(chunks, n - 1);
    const run = runTls(resend(chunks, { perRecord: true }), { keylogs: [keys(name)] });
    const c = run.connections[0]!;
    const failed = run.warnings.list.filter((w) => /fails authentication/.test(w.message));
    expect(failed.map((w) => w.message)).toEqual([expect.stringMatching(/it was damaged or altered, and is skipped/)]);
    expect(c.records.items.find((r) => r.frame === failed[0]!.frame)).toMatchObject({
      fromClient: false,
      decrypted: false,
      encrypted: true,
      length: target.length,
    });
    expect(c.fromServer.failedRecords).toBe(1);
    expect(c.decryption).toBe('partial');
    // A handshake record carried no application data: what was handed on is exactly what was sent.
    expect(run.plaintext(0, false).equals(original.server)).toBe(true);
    expect(run.plaintext(0, true).equals(original.client)).toBe(true);
  });

  it('an altered application data record is left out, and the records after it are handed on', () => {
    const original = plaintexts('http1-tls13', 0);
    const conn = original.run.connections[0]!;
    const responseFrame = original.run.pieces.find((p) => !p.fromClient && p.bytes.toString('latin1').startsWith('HTTP/1.1 200'))!.frame;
    const n = conn.records.items.filter((r) => !r.fromClient).findIndex((r) => r.frame === responseFrame && r.innerType === 23);
    const chunks = follow(cap('http1-tls13'), 0);
    damageServerRecord(chunks, n);
    const run = runTls(resend(chunks, { perRecord: true }), { keylogs: [keys('http1-tls13')] });
    const server = run.plaintext(0, false).toString('latin1');
    const first = original.server.toString('latin1').indexOf('HTTP/1.1 200', 1);
    expect(server).toBe(original.server.toString('latin1').slice(first)); // the big.txt response, whole; the hello.txt one gone
    expect(run.gaps).toEqual([{ stream: 0, fromClient: false, length: expect.any(Number), frame: expect.any(Number) }]);
    expect(run.warnings.list.map((w) => w.message)).toEqual([expect.stringMatching(/fails authentication.*damaged or altered/)]);
  });
});

describe('TLS after bytes lost from the capture', () => {
  it('finds the sequence number again and decrypts the records after the hole', () => {
    const original = plaintexts('http1-tls13', 0);
    const chunks = follow(cap('http1-tls13'), 0);
    const at = chunks.findIndex((c) => !c.fromClient && records(c.bytes).some((r) => r.length > 16000));
    const run = runTls(resend(chunks, { perRecord: true, drop: [[at, 4]] }), { keylogs: [keys('http1-tls13')] });
    const c = run.connections[0]!;
    expect(c.decryption).toBe('partial');
    const server = run.plaintext(0, false).toString('latin1');
    // The 17 KB body's first record is lost; its second record (lines 328 to 340) and everything after decrypt.
    expect(server).toContain('line 340 of a long text');
    expect(server).not.toContain('line 100 of a long text');
    expect(original.server.toString('latin1')).toContain('line 100 of a long text');
    expect(run.plaintext(0, true).equals(original.client)).toBe(true); // the client's close_notify after it, too
    expect(c.alerts.items.map((a) => a.name)).toEqual(['close_notify']);
    expect(run.gaps.filter((g) => !g.fromClient).length).toBeGreaterThan(0);
    expect(run.warnings.list.filter((w) => w.message.includes('(TLS)'))).toEqual([]);
  });

  it('a capture that begins after the handshake lists the encrypted records and says why they stay so', () => {
    // From the 17 KB response on: its two records, then the client's close_notify.
    const chunks = follow(cap('http1-tls13'), 0);
    const skip = chunks.findIndex((c) => !c.fromClient && records(c.bytes).some((r) => r.length > 16000));
    const run = runTls(resend(chunks, { skip }), { keylogs: [keys('http1-tls13')] });
    const c = run.connections[0]!;
    expect(c.clientHello).toBeNull();
    expect(c.decryption).toBe('no-handshake');
    expect(c.records.items.length).toBeGreaterThan(2);
    expect(c.records.items.every((r) => r.contentType === 23 && !r.decrypted)).toBe(true);
    expect(run.pieces).toEqual([]);
  });

  it('bytes that are no TLS record are skipped with a warning, and the stream found again', () => {
    const chunks = follow(cap('http1-tls12-cbc'), 7); // a ClientHello the server refuses
    chunks.push({ fromClient: false, bytes: Buffer.from('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n') });
    const run = runTls(resend(chunks), { keylogs: [keys('http1-tls12-cbc')] });
    expect(run.warnings.list.map((w) => w.message)).toEqual([expect.stringMatching(/bytes from the server at frame \d+ are not a TLS record/)]);
    expect(run.connections[0]!.alerts.items.map((a) => a.name)).toEqual(['handshake_failure']);
  });
});

describe('TLS with the wrong keys, or none', () => {
  it("another capture's key log: a warning per connection, nothing decrypted, no crash", () => {
    const run = runTls(cap('http1-tls13'), { keylogs: [keys('http1-tls12-aead')] });
    expect(run.connections.length).toBe(6);
    for (const c of run.connections) expect(c.decryption).toBe('not-in-log');
    const warned = run.warnings.list.filter((w) => /holds no secrets for this session/.test(w.message));
    expect(warned.map((w) => /TCP stream (\d+)/.exec(w.message)![1])).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(run.pieces).toEqual([]);
  });

  it('damaged secrets for the right sessions: each connection warns once that its records fail, and stays encrypted', () => {
    const damaged = readFileSync(keys('http1-tls12-cbc'), 'utf8').replace(
      / ([0-9a-f])([0-9a-f]+)$/gm,
      (_, first: string, rest: string) => ` ${first === '0' ? '1' : '0'}${rest}`,
    );
    const run = runTls(cap('http1-tls12-cbc'), { keylogs: [tempFile('damaged.keys', damaged)] });
    const finished = run.connections.filter((c) => c.serverHello && c.fromServer.applicationRecords > 0);
    expect(finished.length).toBe(6);
    for (const c of finished) {
      expect(c.decryption).toBe('wrong-keys');
      expect(c.warnings.filter((w) => /do not decrypt/.test(w.message))).toHaveLength(1);
    }
    expect(run.pieces).toEqual([]);
  });

  it('no key log: the handshake is read (TLS 1.2 certificates included), nothing decrypted, no warning', () => {
    const tls12 = runTls(cap('http1-tls12-aead'), { noKeyLog: true });
    const tls13 = runTls(cap('http1-tls13'), { noKeyLog: true });
    for (const run of [tls12, tls13]) {
      expect(run.warnings.list).toEqual([]);
      expect(run.pieces).toEqual([]);
      for (const c of run.connections) {
        expect(c.decryption).toBe('no-key-log');
        expect(c.sni).toBe('lab.test');
        expect(c.cipherSuite).toMatch(/^TLS_/);
      }
    }
    expect(tls12.connections.every((c) => c.certificates?.items.length === 2 || c.resumed)).toBe(true);
    expect(tls12.connections.filter((c) => c.resumed)).toHaveLength(1);
    // TLS 1.3 encrypts the certificate and the ALPN answer.
    expect(tls13.connections.every((c) => c.certificates === null && c.alpn === null && c.alpnOffered.includes('http/1.1'))).toBe(true);
  });
});

describe('TLS 1.3 key updates', () => {
  it('follows a KeyUpdate from each side, as tshark does', () => {
    const run = runTls(cap('tls13-keyupdate'), { keylogs: [keys('tls13-keyupdate')] });
    const c = run.connections[0]!;
    const theirs = tsharkTls(cap('tls13-keyupdate'), ['frame.number', 'tls.handshake.key_update.request_update'], {
      keys: keys('tls13-keyupdate'),
      filter: 'tls.handshake.type == 24',
    });
    expect(c.keyUpdates.map((k) => [k.frame, k.updateRequested])).toEqual(theirs.map(([f, r]) => [Number(f![0]), r![0] === '1']));
    expect(c.keyUpdates.map((k) => k.fromClient)).toEqual([true, true, false]);
    expect(run.plaintext(0, true).toString()).toBe(
      'first line, before any key update\nsecond line, after the client updated its keys\nthird line, after both sides updated\n',
    );
    expect(run.plaintext(0, false).toString().split('\n')[2]).toBe('detadpu sedis htob retfa ,enil driht');
  });
});

describe('TLS handshakes built to overflow', () => {
  const record = (type: number, body: Buffer) => Buffer.concat([Buffer.from([type, 3, 1, body.length >> 8, body.length & 0xff]), body]);
  const handshake = (type: number, body: Buffer, length = body.length) =>
    Buffer.concat([Buffer.from([type, length >> 16, (length >> 8) & 0xff, length & 0xff]), body]);
  const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
  function clientHello(suites: number[], extensions: Buffer): Buffer {
    const s = Buffer.concat(suites.map(u16));
    return Buffer.concat([u16(0x0303), Buffer.alloc(32, 7), Buffer.from([0]), u16(s.length), s, Buffer.from([1, 0]), u16(extensions.length), extensions]);
  }
  const run = (...chunks: Chunk[]) => runTls(resend(chunks), { limits: { maxTlsListed: 50, maxTlsHandshakeBytes: 4096 } });

  it('an extension that overruns its hello is a malformed-message warning, and the records go on', () => {
    const bad = clientHello([0x1301], Buffer.concat([u16(0), u16(500), Buffer.from('short')]));
    const r = run({ fromClient: true, bytes: record(22, handshake(1, bad)) }, { fromClient: false, bytes: record(21, Buffer.from([2, 40])) });
    expect(r.warnings.list.map((w) => w.message)).toEqual([expect.stringMatching(/malformed client_hello from the client: extension 0 runs past the end/)]);
    expect(r.connections[0]!.alerts.items.map((a) => a.name)).toEqual(['handshake_failure']);
  });

  it('a handshake message longer than maxTlsHandshakeBytes is counted and skipped, never held whole', () => {
    const huge = handshake(11, Buffer.alloc(9000, 0x30), 0xffffff);
    const r = run({ fromClient: false, bytes: Buffer.concat([record(22, huge.subarray(0, 8000)), record(22, huge.subarray(8000))]) });
    expect(r.connections[0]!.handshakeMessages.items).toEqual([]);
    const big = handshake(11, Buffer.alloc(6000, 0x30));
    const r2 = run({ fromClient: false, bytes: record(22, big) });
    expect(r2.connections[0]!.handshakeMessages.items).toMatchObject([{ type: 11, length: 6000 }]);
    expect(r2.warnings.list.map((w) => w.message)).toEqual([expect.stringMatching(/6000 bytes \(type 11\) is longer than maxTlsHandshakeBytes/)]);
  });

  it('lists of any length are bounded by maxTlsListed, the rest counted', () => {
    const suites = Array.from({ length: 1000 }, (_, i) => 0x0100 + i);
    const hello = handshake(1, clientHello(suites, Buffer.alloc(0)));
    const r = runTls(resend([{ fromClient: true, bytes: record(22, hello) }]), { limits: { maxTlsListed: 50 } });
    expect(r.connections[0]!.clientHello!.cipherSuites).toEqual({ items: suites.slice(0, 50), unlisted: 950 });
    const limited = runTls(cap('http1-tls13'), { keylogs: [keys('http1-tls13')], limits: { maxTlsListed: 5 } });
    const c = limited.connections[0]!;
    expect(c.records.items).toHaveLength(5);
    expect(c.records.items.length + c.records.unlisted).toBe(c.fromClient.records + c.fromServer.records);
  });
});

describe('TLS is recognised by content', () => {
  it('a ClientHello from the client, or a ServerHello when the client was not captured', () => {
    const ch = Buffer.from('16030100f8010000f40303', 'hex');
    const sh = Buffer.from('160303007a020000760303', 'hex');
    expect(detectTls(ch, new Uint8Array(0))).toBe('yes');
    expect(detectTls(new Uint8Array(0), sh)).toBe('yes');
    expect(detectTls(ch.subarray(0, 3), new Uint8Array(0))).toBe('unsure');
    expect(detectTls(new Uint8Array(0), new Uint8Array(0))).toBe('unsure');
    expect(detectTls(Buffer.from('GET / HTTP/1.1\r\n'), new Uint8Array(0))).toBe('no');
    expect(detectTls(Buffer.from('1603010000', 'hex'), new Uint8Array(0))).toBe('no'); // an empty handshake record
    expect(detectTls(Buffer.from('17030300200000', 'hex'), new Uint8Array(0))).toBe('no'); // application data first: not a start
  });
});

describe('TLS on mutated captures', () => {
  it('150 seeded mutations of the TLS fixtures (bytes, lengths, records, segments) end in records or a capture error, never a crash', () => {
    const corpus = loadCorpus([DIR]).filter((f) => f.name.endsWith('.pcap'));
    const keylogs = readdirSync(DIR)
      .filter((f) => f.endsWith('.keys'))
      .map((f) => join(DIR, f));
    let read = 0;
    for (let id = 0; id < 150; id++) {
      const c = mutateCase(14, id, corpus);
      const file = tempFile(`mutated-${id}.pcap`, c.bytes);
      try {
        const run = runTls(file, { keylogs });
        read++;
        for (const conn of run.connections) {
          expect(conn.records.items.length, `case ${id} (${c.fixture}: ${c.mutations.join(', ')})`).toBeLessThanOrEqual(DEFAULT_LIMITS.maxTlsListed);
          expect(['no-key-log', 'not-in-log', 'unsupported-suite', 'wrong-keys', 'partial', 'decrypted', 'nothing-encrypted', 'no-handshake']).toContain(
            conn.decryption,
          );
        }
      } catch (e) {
        if (!(e instanceof CaptureError)) throw new Error(`case ${id} (${c.fixture}: ${c.mutations.join(', ')}): ${(e as Error).stack}`);
      }
    }
    expect(read).toBeGreaterThan(100);
  });
});

describe('no secret reaches the records', () => {
  it('neither key-log secrets nor derived keys appear in any record or warning, in hex or base64', () => {
    for (const name of ['http1-tls13', 'http1-tls12-cbc', 'http1-tls10']) {
      const run = runTls(cap(name), { keylogs: [keys(name)] });
      const output = JSON.stringify({ connections: run.connections, warnings: run.warnings.list }).toLowerCase();
      const secrets: Buffer[] = [];
      const log = new KeyLog(1000, 10);
      log.add(readFileSync(keys(name), 'utf8'), 'keys');
      for (const c of run.connections) {
        const s = c.clientHello ? log.lookup(c.clientHello.random) : undefined;
        if (!s || !c.serverHello) continue;
        const suite = suiteCrypto(c.cipherSuiteCode!)!;
        for (const secret of [s.masterSecret, s.clientHandshake, s.serverHandshake, s.clientTraffic0, s.serverTraffic0]) if (secret) secrets.push(secret);
        if (c.versionCode === 0x0304) {
          for (const t of [s.clientTraffic0!, s.serverTraffic0!])
            secrets.push(tls13TrafficKeys(suite, t).key, hkdfExpandLabel(suite.prfHash, t, 'traffic upd', Buffer.alloc(0), 32));
        } else {
          const kb = tls12KeyBlock(suite, c.versionCode!, s.masterSecret!, Buffer.from(c.clientHello!.random, 'hex'), Buffer.from(c.serverHello.random, 'hex'));
          for (const k of [kb.client.key, kb.server.key, kb.client.macKey, kb.server.macKey]) if (k.length) secrets.push(k);
        }
      }
      expect(secrets.length, name).toBeGreaterThan(5);
      for (const secret of secrets) {
        expect(output).not.toContain(secret.toString('hex').slice(0, 24));
        expect(output).not.toContain(secret.toString('base64').slice(0, 16).toLowerCase());
      }
    }
  });
});
