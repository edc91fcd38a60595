import { describe, expect, it } from 'vitest';
import { openCapture } from '../src/capture/open.js';
import { IpDecoder, IPPROTO_TCP } from '../src/decode/ip.js';
import { decodeLink } from '../src/decode/link.js';
import { decodeTcp } from '../src/decode/tcp.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { Http2Collector, Http2Dissector } from '../src/protocols/http2/index.js';
import type { StreamHandler, TcpConnection } from '../src/reassembly/tcp-stream.js';
import { TcpTracker } from '../src/reassembly/tcp-tracker.js';
import { Warnings } from '../src/warnings.js';

/*
 * Hostile bytes: the recorded HTTP/2 connections, mutated (bytes flipped, inserted,
 * deleted, the stream cut, gaps of random lengths), fed in random segments. Whatever
 * comes, the dissector must neither throw nor loop, and what it records must stay sane.
 */

/** Each connection's two byte streams, in delivery order, from a capture. */
function streamsOf(path: string): { fromClient: boolean; bytes: Buffer }[][] {
  const connections: { fromClient: boolean; bytes: Buffer }[][] = [];
  const tracker = new TcpTracker(() => {
    const events: { fromClient: boolean; bytes: Buffer }[] = [];
    connections.push(events);
    const handler: StreamHandler = { data: (fromClient, b) => events.push({ fromClient, bytes: Buffer.from(b) }), gap: () => {}, end: () => {} };
    return handler;
  });
  const reader = openCapture(path);
  const ip = new IpDecoder();
  for (let f = reader.next(); f; f = reader.next()) {
    const end = f.offset + f.capturedLength;
    const link = decodeLink(f.linkType, f.buffer, f.offset, end);
    const p = link.ipVersion ? ip.decode(link.ipVersion, f.buffer, f.offset + link.offset, f.number, end) : null;
    if (!p || p.protocol !== IPPROTO_TCP) continue;
    const seg = decodeTcp(p.bytes, p.payloadLength, p.payloadStart, p.payloadEnd);
    if (seg) tracker.segment(p.srcKey, p.dstKey, seg, f.number, 0);
  }
  tracker.finish();
  reader.close();
  return connections;
}

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(b: Buffer, rnd: () => number): Buffer {
  let out = Buffer.from(b);
  const edits = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < edits && out.length > 0; i++) {
    const at = Math.floor(rnd() * out.length);
    const kind = rnd();
    if (kind < 0.5) out[at] = Math.floor(rnd() * 256);
    else if (kind < 0.7) out = Buffer.concat([out.subarray(0, at), Buffer.from([Math.floor(rnd() * 256), 0xff, 0x7f]), out.subarray(at)]);
    else if (kind < 0.9) out = Buffer.concat([out.subarray(0, at), out.subarray(at + 1 + Math.floor(rnd() * 20))]);
    else out = out.subarray(0, at);
  }
  return out;
}

const CONNECTIONS = ['fixtures/http2/h2c-node.pcapng', 'fixtures/http2/h2c-nginx.pcapng', 'fixtures/http2/h2c-upgrade.pcapng'].flatMap(streamsOf);

describe('HTTP/2 dissector on mutated connections', () => {
  it('300 seeded mutations: no exception, sane records', () => {
    const limits = { ...DEFAULT_LIMITS, maxHttp2Streams: 8, maxHeaderBytes: 4096, maxHpackTableBytes: 2048 };
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = random(seed);
      const events = CONNECTIONS[seed % CONNECTIONS.length]!;
      const conn = {
        stream: 0,
        client: { ip: '10.0.0.1', port: 1 },
        server: { ip: '10.0.0.2', port: 2 },
        synSeen: rnd() < 0.8,
        firstFrame: 1,
        lastFrame: 1,
      } as unknown as TcpConnection;
      const collector = new Http2Collector(limits);
      const d = new Http2Dissector({ conn, limits, warnings: new Warnings(1000) }, collector);
      let frame = 1;
      try {
        for (const e of events) {
          const bytes = rnd() < 0.3 ? mutate(e.bytes, rnd) : e.bytes;
          if (rnd() < 0.03) d.gap(e.fromClient, 1 + Math.floor(rnd() * 3000), frame, 0);
          // Random segment boundaries.
          for (let o = 0; o < bytes.length;) {
            const n = 1 + Math.floor(rnd() * 1500);
            d.data(e.fromClient, bytes.subarray(o, o + n), frame++, 0);
            o += n;
          }
        }
        d.end(true);
        d.end(false);
      } catch (err) {
        throw new Error(`seed ${seed}: ${(err as Error).stack}`);
      }
      for (const x of collector.exchanges) {
        expect(x.streamId, `seed ${seed}`).toBeGreaterThan(0);
        for (const m of [x.request, x.response, ...x.informational]) {
          if (!m) continue;
          expect(m.frame, `seed ${seed}`).toBeGreaterThan(0);
          expect(m.body?.length ?? 0, `seed ${seed}`).toBeGreaterThanOrEqual(m.body?.kept.length ?? 0);
          expect(m.headerListSize, `seed ${seed}`).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });
});
