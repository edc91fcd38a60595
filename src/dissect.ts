import { CaptureError, type CaptureFormat } from './capture/frame.js';
import { openCapture } from './capture/open.js';
import { LINKTYPE_RECORD } from './capture/pcapng.js';
import { IpDecoder, IPPROTO_TCP } from './decode/ip.js';
import { DECODED_LINK_TYPES, decodeLink } from './decode/link.js';
import { decodeTcp } from './decode/tcp.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { createProtocols, type ProtocolResults } from './protocols/registry.js';
import { ProtocolRouter } from './protocols/router.js';
import type { TcpConnection } from './reassembly/tcp-stream.js';
import { TcpTracker } from './reassembly/tcp-tracker.js';
import { Warnings } from './warnings.js';

export interface Timestamp {
  sec: number;
  nsec: number;
}

/** Everything one pass over a capture finds, before analysis turns it into a report model. */
export interface CaptureRecords extends ProtocolResults {
  file: string;
  format: CaptureFormat;
  /** Nanosecond (pcap magic or if_tsresol ≥ 9) or microsecond timestamps. */
  timestampDigits: number;
  packets: number;
  /** Bytes of frame data captured (sum of captured lengths). */
  capturedBytes: number;
  linkTypes: number[];
  firstTime: Timestamp | null;
  lastTime: Timestamp | null;
  counts: {
    ipv4: number;
    ipv6: number;
    tcp: number;
    /** Frames whose link type labreport does not decode. */
    otherLinkType: number;
    /** pcapng records that are not packets (custom and journal blocks). */
    records: number;
    /** IP datagrams carrying something other than TCP. */
    notTcp: number;
    /** Frames that are not IP, or whose IP or TCP header is damaged or cut off. */
    notIp: number;
    ipFragmentsDropped: number;
  };
  /** TCP connections in the capture (Wireshark's tcp.stream count). */
  connectionCount: number;
  /** The connections a protocol was dissected on, in the order it was recognised (up to maxConnectionsListed). */
  connections: DissectedConnection[];
  connectionsUnlisted: number;
  warnings: Warnings;
}

export interface DissectedConnection {
  conn: TcpConnection;
  /** The protocol found on it ("http", "smtp", "pop3"). */
  protocol: string;
}

export interface DissectOptions {
  limits?: Limits;
  /** Called now and then with bytes read so far, for progress bars. */
  onProgress?: (bytesRead: number) => void;
  /** Size of the read buffer (default READ_CHUNK_BYTES); frames are views of it, valid until the next read. */
  readChunkBytes?: number;
  /** Called with every TCP connection as it opens, dissected or not (the records keep only dissected ones). */
  onConnection?: (conn: TcpConnection) => void;
}

/**
 * The core chain, start to end: read frames → decode link, IP, TCP → reassemble each
 * connection → dissect its protocol. One pass, frames in file order, bounded memory.
 */
export function dissectCapture(path: string, options: DissectOptions = {}): CaptureRecords {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const reader = openCapture(path, options.readChunkBytes);
  const warnings = new Warnings(limits.maxWarnings);
  const { protocols, results } = createProtocols(limits);
  const dissected: DissectedConnection[] = [];
  let dissectedUnlisted = 0;
  const tcp = new TcpTracker(
    (conn) => {
      options.onConnection?.(conn);
      return new ProtocolRouter(conn, protocols, { limits, warnings }, (p) => {
        if (!p) return;
        if (dissected.length < limits.maxConnectionsListed) dissected.push({ conn, protocol: p.name });
        else dissectedUnlisted++;
      });
    },
    { maxOutOfOrderBytes: limits.maxOutOfOrderBytes, maxStreams: limits.maxStreams },
  );
  const ip = new IpDecoder({ maxPendingDatagrams: limits.maxPendingDatagrams, maxFragmentBytes: limits.maxFragmentBytes });
  const counts = { ipv4: 0, ipv6: 0, tcp: 0, otherLinkType: 0, records: 0, notTcp: 0, notIp: 0, ipFragmentsDropped: 0 };
  const otherLinkTypes = new Set<number>();
  let packets = 0;
  let capturedBytes = 0;
  let firstTime: Timestamp | null = null;
  let lastSec = 0;
  let lastNsec = 0;
  let nextProgress = 0;
  try {
    for (let frame = reader.next(); frame; frame = reader.next()) {
      packets++;
      capturedBytes += frame.capturedLength;
      if (frame.hasTime) {
        firstTime ??= { sec: frame.tsSec, nsec: frame.tsNsec };
        lastSec = frame.tsSec;
        lastNsec = frame.tsNsec;
      }
      if (options.onProgress && reader.bytesRead >= nextProgress) {
        options.onProgress(reader.bytesRead);
        nextProgress = reader.bytesRead + (8 << 20);
      }
      if (!DECODED_LINK_TYPES.has(frame.linkType)) {
        if (frame.linkType === LINKTYPE_RECORD) counts.records++;
        else {
          counts.otherLinkType++;
          otherLinkTypes.add(frame.linkType);
        }
        continue;
      }
      // The frame's bytes are read in place, buffer[start, end): no view is made for frames that carry no data.
      const start = frame.offset;
      const end = start + frame.capturedLength;
      const link = decodeLink(frame.linkType, frame.buffer, start, end);
      if (link.ipVersion === 0) {
        counts.notIp++;
        continue;
      }
      const fragmentsBefore = ip.fragmentsSeen;
      const packet = ip.decode(link.ipVersion, frame.buffer, start + link.offset, frame.number, end);
      if (!packet) {
        if (ip.fragmentsSeen === fragmentsBefore)
          counts.notIp++; // a damaged header
        else if (link.ipVersion === 4)
          counts.ipv4++; // a fragment awaiting the rest
        else counts.ipv6++;
        continue;
      }
      if (packet.version === 4) counts.ipv4++;
      else counts.ipv6++;
      if (packet.protocol !== IPPROTO_TCP) {
        counts.notTcp++;
        continue;
      }
      const time = firstTime ? frame.tsSec - firstTime.sec + (frame.tsNsec - firstTime.nsec) / 1e9 : 0;
      const segment = decodeTcp(packet.bytes, packet.payloadLength, packet.payloadStart, packet.payloadEnd);
      if (!segment) {
        counts.notIp++;
        warnings.add(frame.number, 'the TCP header is damaged or cut off; the frame is skipped');
        const p = packet.bytes;
        const o = packet.payloadStart;
        if (packet.payloadEnd - o >= 16)
          tcp.damaged(packet.srcKey, packet.dstKey, { srcPort: (p[o]! << 8) | p[o + 1]!, dstPort: (p[o + 2]! << 8) | p[o + 3]! }, frame.number, time);
        continue;
      }
      counts.tcp++;
      tcp.segment(packet.srcKey, packet.dstKey, segment, frame.number, time);
    }
    tcp.finish();
  } finally {
    reader.close();
  }
  for (const w of reader.warnings) warnings.add(w.frame, w.message);
  // Holes in traffic labreport does not dissect are not the reader's concern.
  for (const { conn } of dissected) {
    for (const g of conn.gaps) {
      const [from, to] = g.fromClient ? [conn.client, conn.server] : [conn.server, conn.client];
      const where = g.beforeFrame > 0 ? `between frames ${g.beforeFrame} and ${g.afterFrame}` : `before frame ${g.afterFrame}`;
      warnings.add(g.afterFrame, `TCP stream ${conn.stream} (${endpoint(from)} → ${endpoint(to)}): ${g.length} bytes not captured ${where} (${g.why})`);
    }
  }
  for (const lt of otherLinkTypes)
    warnings.add(undefined, `frames of link type ${lt} are not decoded (labreport reads Ethernet, Linux cooked SLL/SLL2, raw IP and BSD loopback)`);
  counts.ipFragmentsDropped = ip.droppedFragments;
  if (tcp.evicted > 0)
    warnings.add(
      undefined,
      `more than ${limits.maxStreams} TCP connections were open at once (maxStreams): the ${tcp.evicted} oldest were closed early and forgotten, so a late packet of theirs counts as a new connection`,
    );
  if (ip.incompleteDatagrams > 0)
    warnings.add(undefined, `${ip.incompleteDatagrams} fragmented IP datagrams never arrived whole (fragments missing from the capture)`);
  if (packets === 0 && reader.warnings.length > 0) throw new CaptureError(path, reader.warnings[0]!.message);
  return {
    ...results,
    file: path,
    format: reader.format,
    timestampDigits: reader.timestampDigits,
    packets,
    capturedBytes,
    linkTypes: reader.linkTypes,
    firstTime,
    lastTime: firstTime ? { sec: lastSec, nsec: lastNsec } : null,
    counts,
    connectionCount: tcp.streams,
    connections: dissected,
    connectionsUnlisted: dissectedUnlisted,
    warnings,
  };
}

function endpoint(e: { ip: string; port: number }): string {
  return e.ip.includes(':') ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`;
}
