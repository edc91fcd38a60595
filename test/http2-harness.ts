import { openCapture } from '../src/capture/open.js';
import { IpDecoder, IPPROTO_TCP } from '../src/decode/ip.js';
import { DECODED_LINK_TYPES, decodeLink } from '../src/decode/link.js';
import { decodeTcp } from '../src/decode/tcp.js';
import { DEFAULT_LIMITS, type Limits } from '../src/limits.js';
import { HttpCollector } from '../src/protocols/http/dissector.js';
import { httpProtocol } from '../src/protocols/http/index.js';
import { Http2Collector, detectHttp2, http2Protocol } from '../src/protocols/http2/index.js';
import { ProtocolRouter } from '../src/protocols/router.js';
import { TcpTracker } from '../src/reassembly/tcp-tracker.js';
import { Warnings } from '../src/warnings.js';
import { HttpDissector } from '../src/protocols/http/dissector.js';
import { tshark } from './helpers/files.js';
import { execFileSync } from 'node:child_process';

/*
 * Runs a capture through the chain up to the dissectors (read, decode, TCP reassembly, the
 * router) with HTTP/2 registered before HTTP/1.x, as the registry will have it; and reads
 * tshark's view of the same HTTP/2 frames, for the fidelity tests.
 */

/** `forceHttp2`: every connection is HTTP/2 (for captures whose first bytes cannot show it, e.g. mid-connection). */
export function dissectHttp2(path: string, limits: Limits = DEFAULT_LIMITS, options: { forceHttp2?: boolean } = {}) {
  const warnings = new Warnings(limits.maxWarnings);
  const http = new HttpCollector(limits);
  const http2 = new Http2Collector(limits, http.budget);
  const protocols = [
    http2Protocol(http2, {}),
    {
      ...httpProtocol(http),
      // The HTTP/2 preface also reads as an HTTP/1.x "PRI" request, and an h2c Upgrade request is one:
      // HTTP/1.x yields to HTTP/2 there (the router would otherwise prefer HTTP/1.x on its ports).
      detect: (c: Uint8Array, s: Uint8Array) => (detectHttp2(c, s) === 'no' ? httpProtocol(http).detect(c, s) : 'no'),
    },
  ];
  const chosen: string[] = [];
  const tracker = new TcpTracker((conn) => {
    const context = { limits, warnings };
    // A refused Upgrade falls back to the HTTP/1.x dissector.
    protocols[0] = http2Protocol(http2, { http1: () => new HttpDissector({ ...context, conn }, http) });
    if (options.forceHttp2) return protocols[0].open({ ...context, conn });
    return new ProtocolRouter(conn, protocols, context, (p) => chosen.push(p?.name ?? 'none'));
  });
  const reader = openCapture(path);
  const ip = new IpDecoder();
  let first: number | null = null;
  for (let f = reader.next(); f; f = reader.next()) {
    if (!DECODED_LINK_TYPES.has(f.linkType)) continue;
    const end = f.offset + f.capturedLength;
    const link = decodeLink(f.linkType, f.buffer, f.offset, end);
    if (link.ipVersion === 0) continue;
    const packet = ip.decode(link.ipVersion, f.buffer, f.offset + link.offset, f.number, end);
    if (!packet || packet.protocol !== IPPROTO_TCP) continue;
    const seg = decodeTcp(packet.bytes, packet.payloadLength, packet.payloadStart, packet.payloadEnd);
    if (!seg) continue;
    const t = f.tsSec + f.tsNsec / 1e9;
    first ??= t;
    tracker.segment(packet.srcKey, packet.dstKey, seg, f.number, t - first);
  }
  tracker.finish();
  reader.close();
  return { http, http2, warnings, chosen };
}

export interface TsharkHttp2Frame {
  frame: number;
  /** tcp.stream of the frame. */
  tcpStream: number;
  /** Data bytes of a DATA frame (padding excluded). */
  dataBytes: number;
  streamId: number;
  type: number;
  flags: number;
  length: number;
  promisedId?: number;
  /** RST_STREAM's or GOAWAY's error code, GOAWAY's last stream id. */
  errorCode?: number;
  lastStreamId?: number;
  headers: { name: string; value: string; repr?: string; index?: number }[];
}

type Json = Record<string, unknown>;
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** tshark's HTTP/2 frames, each with the header fields it decoded in that frame. */
export function tsharkHttp2(path: string, decodeAs: string[] = []): TsharkHttp2Frame[] {
  const args = ['-r', path, '-T', 'json', '--no-duplicate-keys', '-J', 'frame tcp http2'];
  for (const d of decodeAs) args.push('-d', d);
  const packets = JSON.parse(execFileSync('tshark', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 << 20 })) as Json[];
  const out: TsharkHttp2Frame[] = [];
  for (const p of packets) {
    const layers = (p._source as Json).layers as Json;
    const frame = Number((layers.frame as Json)['frame.number']);
    const tcpStream = Number((layers.tcp as Json)['tcp.stream']);
    for (const h2 of list(layers.http2 as Json | Json[] | undefined)) {
      for (const st of list(h2['http2.stream'] as Json | Json[] | undefined)) {
        if (st['http2.type'] === undefined) continue; // the connection preface ("Stream: Magic")
        // A DATA frame's own data: its length less the padding (the last DATA frame also shows the reassembled body).
        const padded = ((st['http2.flags_tree'] as Json | undefined)?.['http2.flags.padded'] as string | undefined) === '1';
        const dataBytes = Number(st['http2.length']) - (padded ? 1 + Number(st['http2.pad_length'] ?? 0) : 0);
        out.push({
          frame,
          tcpStream,
          dataBytes: Number(st['http2.type']) === 0 ? dataBytes : 0,
          streamId: Number(st['http2.streamid']),
          type: Number(st['http2.type']),
          flags: Number(st['http2.flags']),
          length: Number(st['http2.length']),
          ...(st['http2.push_promise.promised_stream_id'] !== undefined ? { promisedId: Number(st['http2.push_promise.promised_stream_id']) } : {}),
          ...(st['http2.rst_stream.error'] !== undefined ? { errorCode: Number(st['http2.rst_stream.error']) } : {}),
          ...(st['http2.goaway.error'] !== undefined
            ? { errorCode: Number(st['http2.goaway.error']), lastStreamId: Number(st['http2.goaway.last_stream_id']) }
            : {}),
          headers: list(st['http2.header'] as Json | Json[] | undefined).map((h) => ({
            name: h['http2.header.name'] as string,
            value: (h['http2.header.value'] as string | undefined) ?? '',
            repr: h['http2.header.repr'] as string | undefined,
            ...(h['http2.header.index'] !== undefined ? { index: Number(h['http2.header.index']) } : {}),
          })),
        });
      }
    }
  }
  return out;
}

export { tshark };
