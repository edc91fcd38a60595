import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../src/limits.js';
import { describeBody } from '../src/protocols/http/body.js';
import type { HttpBodyRecord } from '../src/protocols/http/parser.js';
import { dissectHttp2 } from './http2-harness.js';
import { tempFile } from './helpers/files.js';
import { Conversation, bytes, pcapFile } from './helpers/packets.js';

/* Synthetic HTTP/2 connections: the odd cases no recorded fixture has (gaps, damage, hostile input). */

const PREFACE = 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n';
const u24 = (n: number) => [(n >> 16) & 255, (n >> 8) & 255, n & 255];
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

function frame(type: number, flags: number, stream: number, payload: Uint8Array | number[] = []): Uint8Array {
  const p = payload instanceof Uint8Array ? payload : Uint8Array.from(payload);
  return bytes(u24(p.length), [type, flags], u32(stream), p);
}

/** A header block of literals without indexing and without Huffman (RFC 7541 section 6.2.2), names new. */
function literals(fields: [string, string][]): Uint8Array {
  const str = (s: string) => {
    const b = Buffer.from(s);
    if (b.length >= 127) return bytes([127, ...varint(b.length - 127)], b);
    return bytes([b.length], b);
  };
  return bytes(...fields.map(([n, v]) => bytes([0x00], str(n), str(v))));
}
function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 128) {
    out.push((n & 127) | 128);
    n >>= 7;
  }
  out.push(n);
  return out;
}
/** A literal with incremental indexing, new name (RFC 7541 section 6.2.1): it enters the dynamic table. */
function indexing(name: string, value: string): Uint8Array {
  return bytes([0x40, name.length], name, [value.length], value);
}

const DATA = 0;
const HEADERS = 1;
const RST_STREAM = 3;
const SETTINGS = 4;
const PUSH_PROMISE = 5;
const CONTINUATION = 9;
const END_STREAM = 1;
const END_HEADERS = 4;
const PADDED = 8;

const GET = (path: string): [string, string][] => [
  [':method', 'GET'],
  [':scheme', 'http'],
  [':authority', 'h2.test'],
  [':path', path],
];

function conversation() {
  return new Conversation({ ip: '10.0.0.1', port: 40000 }, { ip: '10.0.0.2', port: 8080 }).handshake();
}

function run(c: Conversation, limits?: Limits) {
  return dissectHttp2(tempFile(`h2-${Math.random().toString(36).slice(2)}.pcap`, pcapFile(c.packets())), limits);
}

/** Frame number of the next frame a Conversation will record (1-based). */
const next = (c: Conversation) => c.frames.length + 1;

describe('HTTP/2 dissector: synthetic connections', () => {
  it('a request and its response, with frames split across TCP segments', () => {
    const c = conversation();
    c.send(true, bytes(PREFACE, frame(SETTINGS, 0, 0), frame(HEADERS, END_HEADERS | END_STREAM, 1, literals(GET('/a')))), { mss: 7 });
    const requestFrame = c.frames.length - 1; // the last data segment; the ACK follows it
    c.send(
      false,
      bytes(
        frame(SETTINGS, 0, 0),
        frame(
          HEADERS,
          END_HEADERS,
          1,
          literals([
            [':status', '200'],
            ['content-type', 'text/plain'],
          ]),
        ),
        frame(DATA, END_STREAM, 1, Buffer.from('hello')),
      ),
    );
    c.close();
    const { http2, warnings } = run(c);
    expect(warnings.list).toEqual([]);
    const [e] = http2.exchanges;
    expect(e).toMatchObject({ streamId: 1, pushed: false, reset: null });
    expect(e!.request).toMatchObject({
      method: 'GET',
      uri: '/a',
      authority: 'h2.test',
      scheme: 'http',
      version: 'HTTP/2',
      frame: requestFrame,
      complete: true,
    });
    expect(e!.request!.segments.length).toBeGreaterThan(3);
    expect(e!.request!.pseudoHeaders.map((h) => h.name)).toEqual([':method', ':scheme', ':authority', ':path']);
    expect(e!.response).toMatchObject({ status: 200, reason: '', complete: true, headers: [{ name: 'content-type', value: 'text/plain' }] });
    expect(Buffer.from(e!.response!.body!.kept).toString()).toBe('hello');
    expect(e!.response!.body).toMatchObject({ framing: 'http2-data', length: 5, dataFrames: 1, missingBytes: 0 });
    expect(http2.connections[0]!.frameCounts).toEqual({ client: { SETTINGS: 1, HEADERS: 1 }, server: { SETTINGS: 1, HEADERS: 1, DATA: 1 } });
  });

  it('padded HEADERS and DATA: the padding is skipped and counted', () => {
    const c = conversation();
    const block = literals(GET('/padded'));
    c.send(true, bytes(PREFACE, frame(HEADERS, END_HEADERS | END_STREAM | PADDED, 1, bytes([3], block, [0, 0, 0]))));
    c.send(false, bytes(frame(HEADERS, END_HEADERS, 1, literals([[':status', '200']])), frame(DATA, END_STREAM | PADDED, 1, bytes([4], 'body', [0, 0, 0, 0]))));
    c.close();
    const { http2 } = run(c);
    const [e] = http2.exchanges;
    expect(e!.request).toMatchObject({ uri: '/padded', padded: true });
    expect(e!.response!.body).toMatchObject({ length: 4, paddingBytes: 5 });
    expect(Buffer.from(e!.response!.body!.kept).toString()).toBe('body');
  });

  it('trailers, an interim 103, and a response whose content-length disagrees with its DATA', () => {
    const c = conversation();
    c.send(true, bytes(PREFACE, frame(HEADERS, END_HEADERS | END_STREAM, 1, literals(GET('/t')))));
    c.send(
      false,
      bytes(
        frame(
          HEADERS,
          END_HEADERS,
          1,
          literals([
            [':status', '103'],
            ['link', '</s.css>; rel=preload'],
          ]),
        ),
        frame(
          HEADERS,
          END_HEADERS,
          1,
          literals([
            [':status', '200'],
            ['content-length', '10'],
          ]),
        ),
        frame(DATA, 0, 1, Buffer.from('12345')),
        frame(HEADERS, END_HEADERS | END_STREAM, 1, literals([['grpc-status', '0']])),
      ),
    );
    c.close();
    const [e] = run(c).http2.exchanges;
    expect(e!.informational.map((m) => m.status)).toEqual([103]);
    expect(e!.response!.trailers).toEqual([{ name: 'grpc-status', value: '0' }]);
    expect(e!.response!.problems.join(' ')).toMatch(/content-length says 10 bytes but the DATA frames carried 5/);
  });

  it('a gap inside a DATA frame costs only those body bytes; the next stream is read', () => {
    const c = conversation();
    c.send(true, bytes(PREFACE, frame(HEADERS, END_HEADERS | END_STREAM, 1, literals(GET('/big')))));
    const body = Buffer.alloc(3000, 0x61);
    c.send(false, bytes(frame(HEADERS, END_HEADERS, 1, literals([[':status', '200']])), frame(DATA, END_STREAM, 1, body)), { mss: 1000, drop: [1] });
    c.send(true, frame(HEADERS, END_HEADERS | END_STREAM, 3, literals(GET('/after'))));
    c.send(false, bytes(frame(HEADERS, END_HEADERS | END_STREAM, 3, literals([[':status', '204']]))));
    c.close();
    const { http2 } = run(c);
    const [first, second] = http2.exchanges;
    expect(first!.response).toMatchObject({ complete: false });
    expect(first!.response!.body).toMatchObject({ length: 3000, missingBytes: 1000 });
    expect(second).toMatchObject({ streamId: 3, request: { uri: '/after' }, response: { status: 204, complete: true } });
  });

  it('a gap that hides frame headers: frames are found again at a segment start, and fields from lost table entries say so', () => {
    const c = conversation();
    c.send(true, bytes(PREFACE, frame(HEADERS, END_HEADERS | END_STREAM, 1, bytes(literals(GET('/one')), indexing('x-token', 'abc')))));
    c.send(false, frame(HEADERS, END_HEADERS | END_STREAM, 1, literals([[':status', '200']])));
    // Stream 3's HEADERS (which adds x-lost to the table) is never captured.
    c.send(true, frame(HEADERS, END_HEADERS | END_STREAM, 3, bytes(literals(GET('/lost')), indexing('x-lost', 'zzz'))), { drop: [0] });
    // Stream 5 refers to dynamic index 62 (x-lost, the newest) and 63 (x-token).
    const before = next(c);
    c.send(true, frame(HEADERS, END_HEADERS | END_STREAM, 5, bytes(literals(GET('/five')), [0x80 | 62, 0x80 | 63])));
    c.send(false, frame(HEADERS, END_HEADERS | END_STREAM, 5, literals([[':status', '200']])));
    c.close();
    const { http2, warnings } = run(c);
    const five = http2.exchanges.find((e) => e.streamId === 5)!;
    expect(five.request).toMatchObject({ uri: '/five', frame: before, complete: false });
    expect(five.request!.fields.slice(4).map((f) => f.lost ?? false)).toEqual([true, true]);
    expect(five.request!.problems.join(' ')).toMatch(/2 header fields refer to HPACK table entries lost/);
    expect(warnings.list.some((w) => /frames are skipped until one starts a segment/.test(w.message))).toBe(true);
    expect(http2.exchanges.find((e) => e.streamId === 3)?.request ?? null).toBeNull();
  });

  it('a capture that begins mid-connection: no preface, frames found at a segment start', () => {
    const c = new Conversation({ ip: '10.0.0.1', port: 40001 }, { ip: '10.0.0.2', port: 8080 });
    c.send(true, frame(HEADERS, END_HEADERS | END_STREAM, 7, bytes(literals(GET('/mid')), [0x80 | 62])));
    c.send(false, frame(HEADERS, END_HEADERS | END_STREAM, 7, literals([[':status', '200']])));
    const { http2 } = dissectHttp2WithHttp2Forced(c);
    expect(http2.connections[0]!.start).toBe('mid-connection');
    const [e] = http2.exchanges;
    expect(e!.request!.uri).toBe('/mid');
    expect(e!.request!.fields[4]).toMatchObject({ lost: true, index: 62 });
  });

  it('a header block flood past maxHeaderBytes is not decoded, and later blocks say what they lost', () => {
    const c = conversation();
    const limits = { ...DEFAULT_LIMITS, maxHeaderBytes: 1024 };
    c.send(true, bytes(PREFACE, frame(HEADERS, 0, 1, literals(GET('/flood')))));
    for (let i = 0; i < 5; i++) c.send(true, frame(CONTINUATION, i === 4 ? END_HEADERS : 0, 1, literals([['x-junk', 'j'.repeat(500)]])));
    c.send(true, frame(HEADERS, END_HEADERS | END_STREAM, 3, literals(GET('/ok'))));
    c.close();
    const { http2, warnings } = run(c, limits);
    expect(warnings.list.some((w) => /larger than 1024 bytes \(maxHeaderBytes\)/.test(w.message))).toBe(true);
    expect(http2.exchanges.map((e) => e.request?.uri)).toEqual(['/ok']);
  });

  it('a frame between HEADERS and its CONTINUATION is a protocol error: the block is dropped', () => {
    const c = conversation();
    c.send(true, bytes(PREFACE, frame(HEADERS, 0, 1, literals(GET('/x'))), frame(SETTINGS, 0, 0), frame(CONTINUATION, END_HEADERS, 1, literals([['a', 'b']]))));
    c.close();
    const { http2, warnings } = run(c);
    expect(http2.exchanges).toEqual([]);
    expect(warnings.list.map((w) => w.message).join('\n')).toMatch(/SETTINGS frame came where a CONTINUATION of stream 1 was due/);
  });

  it('more streams open than maxHttp2Streams: the oldest are closed early, incomplete', () => {
    const c = conversation();
    const limits = { ...DEFAULT_LIMITS, maxHttp2Streams: 3 };
    c.send(true, bytes(PREFACE, ...[1, 3, 5, 7, 9].map((id) => frame(HEADERS, END_HEADERS | END_STREAM, id, literals(GET(`/${id}`))))));
    c.close();
    const { http2, warnings } = run(c, limits);
    expect(http2.exchanges).toHaveLength(5);
    expect(http2.exchanges[0]!.request!.problems.join(' ') + JSON.stringify(warnings.list)).toMatch(/maxHttp2Streams/);
  });

  it('a pushed stream, and a stream reset by the client', () => {
    const c = conversation();
    c.send(
      true,
      bytes(PREFACE, frame(HEADERS, END_HEADERS | END_STREAM, 1, literals(GET('/page'))), frame(HEADERS, END_HEADERS | END_STREAM, 3, literals(GET('/slow')))),
    );
    c.send(
      false,
      bytes(
        frame(PUSH_PROMISE, END_HEADERS, 1, bytes(u32(2), literals(GET('/pushed.css')))),
        frame(HEADERS, END_HEADERS | END_STREAM, 1, literals([[':status', '200']])),
        frame(HEADERS, END_HEADERS, 2, literals([[':status', '200']])),
        frame(DATA, END_STREAM, 2, Buffer.from('css')),
      ),
    );
    c.send(true, frame(RST_STREAM, 0, 3, u32(8)));
    c.close();
    const { http2 } = run(c);
    const pushed = http2.exchanges.find((e) => e.streamId === 2)!;
    expect(pushed).toMatchObject({ pushed: true, promisedOn: 1, request: { uri: '/pushed.css', method: 'GET' }, response: { status: 200 } });
    const slow = http2.exchanges.find((e) => e.streamId === 3)!;
    expect(slow.reset).toMatchObject({ fromClient: true, errorCode: 8, error: 'CANCEL' });
    expect(slow.response).toBeNull();
  });

  it("keeps the HTTP/1.x records' shape: every field of an HTTP/1.x exchange and message is there", () => {
    const h1 = conversation();
    h1.send(true, 'GET /x HTTP/1.1\r\nHost: h\r\n\r\n');
    h1.send(false, 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    h1.close();
    const one = run(h1).http.exchanges[0]!;
    const h2 = conversation();
    h2.send(true, bytes(PREFACE, frame(HEADERS, END_HEADERS | END_STREAM, 1, literals(GET('/x')))));
    h2.send(false, bytes(frame(HEADERS, END_HEADERS, 1, literals([[':status', '200']])), frame(DATA, END_STREAM, 1, Buffer.from('ok'))));
    h2.close();
    const two = run(h2).http2.exchanges[0]!;
    expect(Object.keys(two)).toEqual(expect.arrayContaining(Object.keys(one)));
    expect(Object.keys(two.request!)).toEqual(expect.arrayContaining(Object.keys(one.request!)));
    expect(Object.keys(two.response!)).toEqual(expect.arrayContaining(Object.keys(one.response!)));
    expect(Object.keys(two.response!.body!)).toEqual(expect.arrayContaining(Object.keys(one.response!.body!)));
  });

  it('an h2c Upgrade the server refuses stays HTTP/1.1: the HTTP/1.x dissector gets the whole connection', () => {
    const c = conversation();
    c.send(true, 'GET /u HTTP/1.1\r\nHost: h2.test\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n');
    c.send(false, 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    c.close();
    const { http, http2, chosen } = run(c);
    expect(chosen).toEqual(['http2']);
    expect(http2.exchanges).toEqual([]);
    expect(http2.connections).toEqual([]);
    expect(http.exchanges.map((e) => [e.request?.uri, e.response?.status])).toEqual([['/u', 200]]);
  });
});

/** A connection without a handshake, on a port HTTP/2 detection cannot see from the first bytes: dissected as HTTP/2 directly. */
function dissectHttp2WithHttp2Forced(c: Conversation) {
  return dissectHttp2(tempFile(`h2-mid-${Math.random().toString(36).slice(2)}.pcap`, pcapFile(c.packets())), DEFAULT_LIMITS, { forceHttp2: true });
}

describe('HTTP/2 bodies decode like HTTP/1.x ones (describeBody): the recorded Node fixture', () => {
  const { http2 } = dissectHttp2('fixtures/http2/h2c-node.pcapng');
  const byPath = (p: string) => http2.exchanges.find((e) => e.request?.uri === p)!;

  for (const [path, coding, text] of [
    ['/gzip', 'gzip', '你好, HTTP/2! '.repeat(40)],
    ['/br', 'br', JSON.stringify({ lab: 'http2', frames: ['HEADERS', 'DATA'], repeat: 'br '.repeat(100) })],
    ['/zstd', 'zstd', 'zstd over HTTP/2: '.repeat(60)],
  ] as const) {
    it(`${path}: ${coding}-coded DATA frames decode to the text the server sent`, async () => {
      const r = byPath(path).response!;
      const body = await describeBody(r.body as unknown as HttpBodyRecord, r.headers, DEFAULT_LIMITS);
      expect(body.contentEncoding).toEqual([coding]);
      expect(body.text).toBe(text);
      expect(body.decodedLength).toBe(Buffer.byteLength(text));
    });
  }

  it('the connection: settings both ways, the ping, GOAWAYs, the pushed and the reset stream', () => {
    const conn = http2.connections[0]!;
    expect(conn.settings.some((s) => s.fromClient && !s.ack)).toBe(true);
    expect(conn.settings.some((s) => !s.fromClient && s.ack)).toBe(true);
    expect(conn.pings).toBe(2);
    expect(conn.goaways.length).toBeGreaterThan(0);
    expect(conn.goaways.every((g) => g.error === 'NO_ERROR')).toBe(true);
    expect(byPath('/pushed.css')).toMatchObject({ pushed: true, promisedOn: 5, streamId: 2 });
    expect(byPath('/slow').reset).toMatchObject({ fromClient: true, error: 'CANCEL' });
    expect(byPath('/gzip').request!.fields.find((f) => f.name === 'x-lab-large')!.value).toHaveLength(22000);
  });
});

describe('zstd bodies (fzstd): bounded and damage-tolerant', () => {
  /** A zstd frame (RFC 8878) of `blocks` RLE blocks of 128 KiB of "a": 4 bytes in, 128 KiB out each. */
  function zstdBomb(blocks: number): Uint8Array {
    const header = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38]; // magic; no content size; window 128 KiB
    const block = (last: boolean) => {
      const v = (131072 << 3) | (1 << 1) | (last ? 1 : 0); // size, RLE, last
      return [v & 255, (v >> 8) & 255, (v >> 16) & 255, 0x61];
    };
    return bytes(header, ...Array.from({ length: blocks }, (_, i) => block(i === blocks - 1)));
  }
  const record = (kept: Uint8Array): HttpBodyRecord => ({
    framing: 'content-length',
    wireBytes: kept.length,
    length: kept.length,
    chunks: 0,
    kept,
    missingBytes: 0,
    sha256: '',
  });
  const headers = [
    { name: 'content-type', value: 'text/plain' },
    { name: 'content-encoding', value: 'zstd' },
  ];

  it('a 4 KB frame that would expand to 128 MiB stops at maxDecodedBytes', async () => {
    const body = await describeBody(record(zstdBomb(1000)), headers, { ...DEFAULT_LIMITS, maxDecodedBytes: 1 << 20 });
    expect(body.decodeError).toMatch(/stopped at 1048576 bytes \(maxDecodedBytes\)/);
    expect(body.decodedLength).toBeNull();
    expect(body.text!.startsWith('aaaa')).toBe(true);
  });

  it('a small RLE frame decodes whole; a cut-off one keeps what decoded', async () => {
    const whole = await describeBody(record(zstdBomb(2)), headers, DEFAULT_LIMITS);
    expect(whole.decodedLength).toBe(2 * 131072);
    const cut = await describeBody(record(zstdBomb(3).subarray(0, 6 + 4 + 2)), headers, DEFAULT_LIMITS);
    expect(cut.decodeError).toMatch(/zstd data is damaged/);
    expect(cut.decodedLength).toBeNull();
  });
});

describe('HTTP/2: lists a peer can grow are bounded', () => {
  it('endless 1xx responses, trailer blocks and an Upgrade that is never answered', () => {
    const limits = { ...DEFAULT_LIMITS, maxPacketRows: 5, maxHeaderBytes: 512 };
    const c = conversation();
    c.send(true, bytes(PREFACE, frame(HEADERS, END_HEADERS | END_STREAM, 1, literals(GET('/')))));
    c.send(false, bytes(...Array.from({ length: 50 }, () => frame(HEADERS, END_HEADERS, 1, literals([[':status', '103']])))));
    c.send(
      false,
      bytes(
        frame(HEADERS, END_HEADERS, 1, literals([[':status', '200']])),
        ...Array.from({ length: 50 }, () => frame(HEADERS, END_HEADERS, 1, literals([['x-trailer', 'v'.repeat(40)]]))),
      ),
    );
    c.close();
    const [e] = run(c, limits).http2.exchanges;
    expect(e!.informational).toHaveLength(5);
    expect(e!.response!.trailers.length).toBeLessThan(10);
    expect(e!.response!.problems.filter((p) => /does not end the stream/.test(p))).toHaveLength(1);

    const u = conversation();
    u.send(true, 'GET /u HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABk\r\n\r\n');
    u.send(true, 'x'.repeat(3000)); // more client bytes, and no 101
    u.close();
    const refused = run(u, limits);
    expect(refused.http2.connections).toEqual([]);
    expect(refused.http.exchanges.map((x) => x.request?.uri)).toEqual(['/u']);
  });
});
