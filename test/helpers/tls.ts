/*
 * The capture → TLS chain for the TLS suites: read, decode, reassemble, route (TLS among
 * the registered protocols, by content), and the decrypted bytes of each connection
 * collected, with the frame each piece is cited at. It mirrors src/dissect.ts without
 * touching its registry (the pipeline hook is the lead's: see src/protocols/tls/README.md).
 */

import { execFileSync } from 'node:child_process';
import { openCapture } from '../../src/capture/open.js';
import { PcapngReader } from '../../src/capture/pcapng.js';
import { IpDecoder, IPPROTO_TCP } from '../../src/decode/ip.js';
import { DECODED_LINK_TYPES, decodeLink } from '../../src/decode/link.js';
import { decodeTcp } from '../../src/decode/tcp.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/limits.js';
import type { Protocol } from '../../src/protocols/protocol.js';
import { ProtocolRouter } from '../../src/protocols/router.js';
import { KeyLog, readKeyLogFile, tlsModule, type TlsConnectionRecord, type TlsSession } from '../../src/protocols/tls/index.js';
import type { StreamHandler, TcpConnection } from '../../src/reassembly/tcp-stream.js';
import { TcpTracker } from '../../src/reassembly/tcp-tracker.js';
import { Warnings } from '../../src/warnings.js';

/** One piece of decrypted application data, as the inner handler received it. */
export interface Piece {
  stream: number;
  fromClient: boolean;
  frame: number;
  bytes: Buffer;
}

export interface TlsRun {
  connections: TlsConnectionRecord[];
  pieces: Piece[];
  /** Gaps the inner handlers were told of. */
  gaps: { stream: number; fromClient: boolean; length: number; frame: number }[];
  warnings: Warnings;
  keyLog: KeyLog | null;
  /** Decrypted bytes of one connection and direction, concatenated. */
  plaintext(stream: number, fromClient: boolean): Buffer;
}

export type TlsModule = ReturnType<typeof tlsModule>;

/** A handler that passes every event to each of `handlers`. */
export function tee(...handlers: StreamHandler[]): StreamHandler {
  return {
    data: (f, b, frame, time) => handlers.forEach((h) => h.data(f, b, frame, time)),
    gap: (f, n, frame, time) => handlers.forEach((h) => h.gap(f, n, frame, time)),
    end: (f) => handlers.forEach((h) => h.end(f)),
  };
}

export interface TlsRunOptions {
  /** Key-log files to read; `embedded` reads the capture's decryption secrets blocks too. */
  keylogs?: string[];
  embedded?: boolean;
  /** Use no key log at all (nothing decrypted), even if `embedded`. */
  noKeyLog?: boolean;
  limits?: Partial<Limits>;
  /** Other protocols the router may choose besides TLS (given the TLS module, for STARTTLS hand-offs). */
  protocols?: (tls: TlsModule, warnings: Warnings) => Protocol[];
  /** An inner handler of the caller's, given the collecting one to tee into (default: collect the pieces). */
  inner?: (session: TlsSession, collect: StreamHandler, warnings: Warnings) => StreamHandler | null;
  readChunkBytes?: number;
}

export function runTls(path: string, o: TlsRunOptions = {}): TlsRun {
  const limits = { ...DEFAULT_LIMITS, ...o.limits };
  const warnings = new Warnings(limits.maxWarnings);
  const keyLog = o.noKeyLog ? null : new KeyLog(limits.maxKeylogSessions, limits.maxWarnings);
  for (const k of o.keylogs ?? []) readKeyLogFile(k, keyLog!);
  const pieces: Piece[] = [];
  const gaps: TlsRun['gaps'] = [];
  const tls = tlsModule(limits, {
    keyLog,
    inner: (session) => {
      const stream = session.conn.stream;
      const collect: StreamHandler = {
        data: (fromClient, bytes, frame) => pieces.push({ stream, fromClient, frame, bytes: Buffer.from(bytes) }),
        gap: (fromClient, length, frame) => gaps.push({ stream, fromClient, length, frame }),
        end: () => {},
      };
      return o.inner ? o.inner(session, collect, warnings) : collect;
    },
  });
  const reader = openCapture(path, o.readChunkBytes);
  if (reader instanceof PcapngReader && o.embedded && keyLog) reader.onDecryptionSecrets = (type, data) => keyLog.addDecryptionSecrets(type, data);
  const protocols = [tls.protocol, ...(o.protocols?.(tls, warnings) ?? [])];
  const tracker = new TcpTracker((conn: TcpConnection) => new ProtocolRouter(conn, protocols, { limits, warnings }, () => {}), {
    maxOutOfOrderBytes: limits.maxOutOfOrderBytes,
    maxStreams: limits.maxStreams,
  });
  const ip = new IpDecoder();
  let first: number | null = null;
  try {
    for (let f = reader.next(); f; f = reader.next()) {
      if (!DECODED_LINK_TYPES.has(f.linkType)) continue;
      const link = decodeLink(f.linkType, f.buffer, f.offset, f.offset + f.capturedLength);
      if (link.ipVersion === 0) continue;
      const packet = ip.decode(link.ipVersion, f.buffer, f.offset + link.offset, f.number, f.offset + f.capturedLength);
      if (!packet || packet.protocol !== IPPROTO_TCP) continue;
      first ??= f.tsSec + f.tsNsec / 1e9;
      const segment = decodeTcp(packet.bytes, packet.payloadLength, packet.payloadStart, packet.payloadEnd);
      if (segment) tracker.segment(packet.srcKey, packet.dstKey, segment, f.number, f.tsSec + f.tsNsec / 1e9 - first);
    }
    tracker.finish();
  } finally {
    reader.close();
  }
  if (keyLog) for (const w of keyLog.warnings.list) warnings.push(w);
  return {
    connections: tls.collector.connections,
    pieces,
    gaps,
    warnings,
    keyLog,
    plaintext: (stream, fromClient) => Buffer.concat(pieces.filter((p) => p.stream === stream && p.fromClient === fromClient).map((p) => p.bytes)),
  };
}

/**
 * tshark's fields for every frame matching `filter`, decrypting with `keys` when given
 * (`-o tls.keylog_file:KEYS`): one array of values per frame, each value a list split on ",".
 */
export function tsharkTls(file: string, fields: string[], o: { keys?: string; filter?: string; decodeAs?: string[] } = {}): string[][][] {
  const args = ['-r', file, '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=a', '-E', 'aggregator=\u0001'];
  if (o.keys) args.push('-o', `tls.keylog_file:${o.keys}`);
  for (const d of o.decodeAs ?? []) args.push('-d', d);
  if (o.filter) args.push('-Y', o.filter);
  for (const f of fields) args.push('-e', f);
  const out = execFileSync('tshark', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 << 20 });
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t').map((v) => (v === '' ? [] : v.split('\u0001'))));
}
