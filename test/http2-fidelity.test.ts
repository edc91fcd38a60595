import { describe, expect, it } from 'vitest';
import type { HpackField } from '../src/protocols/http2/hpack.js';
import { dissectHttp2, tshark, tsharkHttp2, type TsharkHttp2Frame } from './http2-harness.js';

/*
 * The recorded h2c captures (fixtures/http2/record.sh) against tshark 4.0: the same
 * HTTP/2 frames on each connection (frame number, type, flags, stream, length), the same
 * requests (stream id, :method, :path, the frame of their HEADERS or PUSH_PROMISE), the
 * same responses (:status and frame), every header field with the same HPACK
 * representation and table index, and the same body bytes per stream.
 */

const FIXTURES = [
  { file: 'fixtures/http2/h2c-nginx.pcapng', decodeAs: ['tcp.port==8080,http2'] },
  { file: 'fixtures/http2/h2c-node.pcapng', decodeAs: ['tcp.port==8443,http2'] },
  // Port 8080 is an HTTP port for tshark: it follows the Upgrade to HTTP/2 by itself.
  { file: 'fixtures/http2/h2c-upgrade.pcapng', decodeAs: [] },
];

const HEADERS = 1;
const PUSH_PROMISE = 5;
const CONTINUATION = 9;
const DATA = 0;

/** Wireshark's name for an HPACK representation (http2.header.repr). */
function reprOf(f: HpackField): string {
  if (f.representation === 'indexed') return 'Indexed Header Field';
  const kind = { incremental: 'with Incremental Indexing', 'without-indexing': 'without Indexing', 'never-indexed': 'never Indexed' }[f.representation];
  return `Literal Header Field ${kind} - ${f.index === null ? 'New Name' : 'Indexed Name'}`;
}

/** tshark's header blocks: HEADERS or PUSH_PROMISE with their CONTINUATIONs, cited at the opening frame. */
function blocks(frames: TsharkHttp2Frame[]) {
  const out: { tcpStream: number; frame: number; streamId: number; promisedId?: number; headers: TsharkHttp2Frame['headers'] }[] = [];
  const open = new Map<string, (typeof out)[number]>();
  for (const f of frames) {
    const key = `${f.tcpStream}/${f.streamId}`;
    if (f.type === HEADERS || f.type === PUSH_PROMISE) {
      const b = {
        tcpStream: f.tcpStream,
        frame: f.frame,
        streamId: f.streamId,
        ...(f.promisedId !== undefined ? { promisedId: f.promisedId } : {}),
        headers: [...f.headers],
      };
      out.push(b);
      open.set(key, b);
    } else if (f.type === CONTINUATION) open.get(key)?.headers.push(...f.headers);
  }
  return out;
}

for (const { file, decodeAs } of FIXTURES) {
  describe(`HTTP/2 against tshark: ${file}`, () => {
    const ours = dissectHttp2(file);
    const truth = tsharkHttp2(file, decodeAs);

    it('is dissected without warnings', () => {
      expect(ours.warnings.list).toEqual([]);
      expect(ours.http2.exchanges.length).toBeGreaterThan(0);
    });

    it('reads the same HTTP/2 frames on every connection', () => {
      const theirs = truth.map((f) => [f.tcpStream, f.frame, f.type, f.flags, f.streamId, f.length]);
      const mine = ours.http2.connections.flatMap((c) => c.frames.map((f) => [c.stream, f.frame, f.type, f.flags, f.streamId, f.length]));
      expect(mine.sort(byNumbers)).toEqual(theirs.sort(byNumbers));
    });

    it('reads the same RST_STREAM and GOAWAY error codes', () => {
      const theirs = truth.filter((f) => f.type === 3 || f.type === 7).map((f) => [f.tcpStream, f.frame, f.streamId, f.errorCode, f.lastStreamId ?? null]);
      const resets = ours.http2.exchanges.filter((e) => e.reset).map((e) => [e.stream, e.reset!.frame, e.streamId, e.reset!.errorCode, null]);
      const goaways = ours.http2.connections.flatMap((c) => c.goaways.map((g) => [c.stream, g.frame, 0, g.errorCode, g.lastStreamId]));
      expect([...resets, ...goaways].sort(byNumbers)).toEqual(theirs.sort(byNumbers));
    });

    it('finds the same requests and responses, at the same frames', () => {
      const requests: unknown[] = [];
      const responses: unknown[] = [];
      for (const b of blocks(truth)) {
        const get = (name: string) => b.headers.find((h) => h.name === name)?.value;
        if (get(':method') !== undefined) requests.push([b.tcpStream, b.promisedId ?? b.streamId, b.frame, get(':method'), get(':path')]);
        if (get(':status') !== undefined) responses.push([b.tcpStream, b.streamId, b.frame, Number(get(':status'))]);
      }
      const h2 = ours.http2.exchanges;
      const upgraded = h2.filter((e) => e.upgrade);
      const mineRequests = h2.filter((e) => e.request && !e.upgrade).map((e) => [e.stream, e.streamId, e.request!.frame, e.request!.method, e.request!.uri]);
      const mineResponses = h2.flatMap((e) => [...e.informational, ...(e.response ? [e.response] : [])].map((r) => [e.stream, e.streamId, r.frame, r.status]));
      expect(mineRequests.sort(byNumbers)).toEqual(requests.sort(byNumbers));
      expect(mineResponses.sort(byNumbers)).toEqual(responses.sort(byNumbers));
      if (upgraded.length > 0) {
        // The Upgrade request is HTTP/1.1: tshark's HTTP dissector shows it.
        const http1 = tshark(file, ['frame.number', 'http.request.method', 'http.request.uri'], { filter: 'http.request' });
        expect(upgraded.map((e) => [String(e.request!.frame), e.request!.method, e.request!.uri])).toEqual(http1);
      }
    });

    it('decodes every header field as tshark does, with the same HPACK representation', () => {
      const theirs = blocks(truth).map((b) => b.headers.map((h) => [h.name, h.value, h.repr, h.index ?? null]));
      const mine = ours.http2.exchanges
        .flatMap((e) => [e.request, ...e.informational, e.response])
        .filter((m) => m !== null && m.version === 'HTTP/2')
        .sort((a, b) => a!.frame - b!.frame || (a!.kind === 'request' ? -1 : 1))
        .map((m) => m!.fields.map((f) => [f.name, f.value, reprOf(f), f.index]));
      const byFrame = blocks(truth)
        .map((b, i) => ({ b, fields: theirs[i]! }))
        .sort((x, y) => x.b.frame - y.b.frame || (x.b.headers.some((h) => h.name === ':method') ? -1 : 1))
        .map((x) => x.fields);
      expect(mine).toEqual(byFrame);
    });

    it('reassembles the same body bytes from the DATA frames of each stream', () => {
      const theirs = new Map<string, number>();
      for (const f of truth) if (f.type === DATA) theirs.set(`${f.tcpStream}/${f.streamId}`, (theirs.get(`${f.tcpStream}/${f.streamId}`) ?? 0) + f.dataBytes);
      const mine = new Map<string, number>();
      for (const e of ours.http2.exchanges) {
        const n = (e.request?.version === 'HTTP/2' ? (e.request.body?.length ?? 0) : 0) + (e.response?.body?.length ?? 0);
        if (n > 0) mine.set(`${e.stream}/${e.streamId}`, n);
      }
      for (const [k, v] of [...theirs]) if (v === 0) theirs.delete(k);
      expect(Object.fromEntries(mine)).toEqual(Object.fromEntries(theirs));
    });
  });
}

function byNumbers(a: unknown, b: unknown): number {
  const x = a as (number | string)[];
  const y = b as (number | string)[];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    return typeof x[i] === 'number' && typeof y[i] === 'number' ? (x[i] as number) - (y[i] as number) : String(x[i]) < String(y[i]) ? -1 : 1;
  }
  return x.length - y.length;
}
