import { CaptureError, type CaptureFormat, type CaptureOrigin, type Frame } from './capture/frame.js';
import { openCapture } from './capture/open.js';
import { LINKTYPE_RECORD, PcapngReader } from './capture/pcapng.js';
import { IpDecoder, IPPROTO_TCP } from './decode/ip.js';
import { DECODED_LINK_TYPES, decodeLink } from './decode/link.js';
import { decodeTcp } from './decode/tcp.js';
import { decodeUdp, IPPROTO_UDP } from './decode/udp.js';
import type { Spooler } from './export/spool.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { SLICES, type SliceRecords } from './protocols/registry.js';
import type { Protocol, StartTls } from './protocols/protocol.js';
import { ProtocolRouter } from './protocols/router.js';
import type { DissectedConnection } from './protocols/slice.js';
import { KeyLog, keyLogFileFromEnvironment, readKeyLogFile } from './protocols/tls/index.js';
import type { Endpoint, TcpConnection } from './reassembly/tcp-stream.js';
import { TcpTracker } from './reassembly/tcp-tracker.js';
import { Warnings } from './warnings.js';

export interface Timestamp {
  sec: number;
  nsec: number;
}

/** Everything one pass over a capture finds, before analysis turns it into a report model. */
export interface CaptureRecords {
  /** Each slice's records, by name. */
  protocols: SliceRecords;
  file: string;
  format: CaptureFormat;
  /** Nanosecond (pcap magic or if_tsresol ≥ 9) or microsecond timestamps. */
  timestampDigits: number;
  packets: number;
  /** Bytes of frame data captured (sum of captured lengths). */
  capturedBytes: number;
  linkTypes: number[];
  /** What a pcapng file says of where it was made; null for pcap. */
  origin: CaptureOrigin | null;
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

export interface DissectOptions {
  limits?: Limits;
  /** Called now and then with bytes read so far, for progress bars. */
  onProgress?: (bytesRead: number) => void;
  /** Size of the read buffer (default READ_CHUNK_BYTES); frames are views of it, valid until the next read. */
  readChunkBytes?: number;
  /** Called with every TCP connection as it opens, dissected or not (the records keep only dissected ones). */
  onConnection?: (conn: TcpConnection) => void;
  /** With --export: where the dissectors spool bodies and messages (export/spool.ts). */
  spooler?: Spooler;
  /** --keylog FILE (config `keylog`): the TLS key log; absent: SSLKEYLOGFILE when it names a file. */
  keylog?: string;
  /** The environment SSLKEYLOGFILE is read from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/**
 * The capture pass: the read, decode, reassemble and dissect stages of pipeline.ts, run
 * together frame by frame in file order, in one pass and bounded memory.
 */
export function dissectCapture(path: string, options: DissectOptions = {}): CaptureRecords {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const keyLog = new KeyLog(limits.maxKeylogSessions, limits.maxWarnings);
  const keyLogFile = options.keylog ?? keyLogFileFromEnvironment(options.env);
  if (keyLogFile) readKeyLogFile(keyLogFile, keyLog);
  const reader = openCapture(path, options.readChunkBytes);
  // The capture's own Decryption Secrets Blocks (editcap --inject-secrets) come before its packets.
  if (reader instanceof PcapngReader) reader.onDecryptionSecrets = (type, data) => keyLog.addDecryptionSecrets(type, data);
  const warnings = new Warnings(limits.maxWarnings);
  const tally = new FrameTally();
  const dissection = new Dissection(limits, warnings, keyLog, options.onConnection, options.spooler);
  const ip = new IpDecoder({ maxPendingDatagrams: limits.maxPendingDatagrams, maxFragmentBytes: limits.maxFragmentBytes });
  let nextProgress = 0;
  try {
    for (let frame = reader.next(); frame; frame = reader.next()) {
      tally.frame(frame);
      if (options.onProgress && reader.bytesRead >= nextProgress) {
        options.onProgress(reader.bytesRead);
        nextProgress = reader.bytesRead + PROGRESS_EVERY_BYTES;
      }
      decodeAndReassemble(frame, ip, tally, dissection, warnings);
    }
    dissection.tcp.finish();
  } finally {
    reader.close();
  }
  for (const w of reader.warnings) warnings.push(w);
  for (const w of keyLog.warnings.list) warnings.push(w);
  dissection.closingWarnings(ip, tally);
  if (tally.packets === 0 && reader.warnings.length > 0) throw new CaptureError(path, reader.warnings[0]!.message);
  tally.counts.ipFragmentsDropped = ip.droppedFragments;
  return {
    protocols: dissection.records(),
    file: path,
    format: reader.format,
    timestampDigits: reader.timestampDigits,
    packets: tally.packets,
    capturedBytes: tally.capturedBytes,
    linkTypes: reader.linkTypes,
    origin: reader.origin,
    firstTime: tally.firstTime,
    lastTime: tally.lastTime,
    counts: tally.counts,
    connectionCount: dissection.tcp.streams,
    connections: dissection.connections,
    connectionsUnlisted: dissection.connectionsUnlisted,
    warnings,
  };
}

/** Bytes read between two progress reports. */
const PROGRESS_EVERY_BYTES = 8 << 20;

/** What the pass counts about the frames themselves: how many, their bytes and times, what they carried. */
class FrameTally {
  packets = 0;
  capturedBytes = 0;
  firstTime: Timestamp | null = null;
  private lastSec = 0;
  private lastNsec = 0;
  readonly counts = { ipv4: 0, ipv6: 0, tcp: 0, otherLinkType: 0, records: 0, notTcp: 0, notIp: 0, ipFragmentsDropped: 0 };
  /** Link types seen that are not decoded. */
  readonly otherLinkTypes = new Set<number>();

  frame(frame: Frame): void {
    this.packets++;
    this.capturedBytes += frame.capturedLength;
    if (frame.hasTime) {
      this.firstTime ??= { sec: frame.tsSec, nsec: frame.tsNsec };
      this.lastSec = frame.tsSec;
      this.lastNsec = frame.tsNsec;
    }
  }

  /** Seconds since the first frame, as Wireshark's Time column. */
  time(frame: Frame): number {
    const first = this.firstTime;
    return first ? frame.tsSec - first.sec + (frame.tsNsec - first.nsec) / 1e9 : 0;
  }

  get lastTime(): Timestamp | null {
    return this.firstTime ? { sec: this.lastSec, nsec: this.lastNsec } : null;
  }
}

/** The reassemble and dissect stages: the TCP tracker, each new connection's protocol router, and the slices' records. */
class Dissection {
  readonly tcp: TcpTracker;
  readonly connections: DissectedConnection[] = [];
  connectionsUnlisted = 0;
  private readonly started;
  /** The slices that read UDP datagrams (QUIC). */
  readonly datagramReaders: ((src: Endpoint, dst: Endpoint, payload: Uint8Array, frame: number, time: number) => boolean)[];

  constructor(
    private readonly limits: Limits,
    private readonly warnings: Warnings,
    keyLog: KeyLog,
    onConnection?: (conn: TcpConnection) => void,
    spooler?: Spooler,
  ) {
    // What runs inside TLS is any slice's protocol but TLS's own.
    let inner: Protocol[] = [];
    this.started = SLICES.map((s) => ({ name: s.name, ...s.start(limits, { keyLog, protocols: () => inner, warnings }) }));
    const protocols = this.started.map((s) => s.protocol);
    this.datagramReaders = this.started.flatMap((s) => (s.datagram ? [s.datagram] : []));
    inner = protocols.filter((p) => p.name !== 'tls');
    const startTls: StartTls | undefined = this.started.find((s) => s.startTls)?.startTls;
    this.tcp = new TcpTracker(
      (conn) => {
        onConnection?.(conn);
        return new ProtocolRouter(conn, protocols, { limits, warnings, ...(spooler ? { spooler } : {}), ...(startTls ? { startTls } : {}) }, (p) => {
          if (!p) return;
          if (this.connections.length < limits.maxConnectionsListed) this.connections.push({ conn, protocol: p.name });
          else this.connectionsUnlisted++;
        });
      },
      { maxOutOfOrderBytes: limits.maxOutOfOrderBytes, maxStreams: limits.maxStreams },
    );
  }

  records(): SliceRecords {
    return Object.fromEntries(this.started.map((s) => [s.name, s.records])) as SliceRecords;
  }

  /** What the end of the pass shows: holes in dissected connections, link types not read, connections forgotten, datagrams never whole. */
  closingWarnings(ip: IpDecoder, tally: FrameTally): void {
    const { warnings, limits } = this;
    // Holes in traffic labreport does not dissect are not the reader's concern.
    for (const { conn } of this.connections) {
      for (const g of conn.gaps) {
        const [from, to] = g.fromClient ? [conn.client, conn.server] : [conn.server, conn.client];
        warnings.add({
          id: 'tcp.gap',
          frame: g.afterFrame,
          stream: conn.stream,
          params: {
            bytes: g.length,
            from: endpoint(from),
            to: endpoint(to),
            side: g.fromClient ? 'client' : 'server',
            before: g.beforeFrame,
            after: g.afterFrame,
            why: g.why,
          },
        });
      }
    }
    for (const lt of tally.otherLinkTypes) warnings.add({ id: 'decode.linkType', params: { linkType: lt } });
    if (this.tcp.evicted > 0) warnings.add({ id: 'tcp.evicted', params: { max: limits.maxStreams, limit: 'maxStreams', count: this.tcp.evicted } });
    if (ip.incompleteDatagrams > 0) warnings.add({ id: 'decode.fragments', params: { count: ip.incompleteDatagrams } });
  }
}

/** The decode stage for one frame (link, IP, TCP), then its segment to the reassemble stage. */
function decodeAndReassemble(frame: Frame, ip: IpDecoder, tally: FrameTally, dissection: Dissection, warnings: Warnings): void {
  const counts = tally.counts;
  if (!DECODED_LINK_TYPES.has(frame.linkType)) {
    if (frame.linkType === LINKTYPE_RECORD) counts.records++;
    else {
      counts.otherLinkType++;
      tally.otherLinkTypes.add(frame.linkType);
    }
    return;
  }
  // The frame's bytes are read in place, buffer[start, end): no view is made for frames that carry no data.
  const start = frame.offset;
  const end = start + frame.capturedLength;
  const link = decodeLink(frame.linkType, frame.buffer, start, end);
  if (link.ipVersion === 0) {
    counts.notIp++;
    return;
  }
  const fragmentsBefore = ip.fragmentsSeen;
  const packet = ip.decode(link.ipVersion, frame.buffer, start + link.offset, frame.number, end);
  if (!packet) {
    if (ip.fragmentsSeen === fragmentsBefore)
      counts.notIp++; // a damaged header
    else if (link.ipVersion === 4)
      counts.ipv4++; // a fragment awaiting the rest
    else counts.ipv6++;
    return;
  }
  if (packet.version === 4) counts.ipv4++;
  else counts.ipv6++;
  if (packet.protocol !== IPPROTO_TCP) {
    counts.notTcp++;
    if (packet.protocol === IPPROTO_UDP && dissection.datagramReaders.length > 0) {
      const udp = decodeUdp(packet.bytes, packet.payloadLength, packet.payloadStart, packet.payloadEnd);
      if (!udp) return;
      const src = { ip: packet.src, port: udp.srcPort };
      const dst = { ip: packet.dst, port: udp.dstPort };
      const time = tally.time(frame);
      for (const read of dissection.datagramReaders) if (read(src, dst, udp.payload, frame.number, time)) break;
    }
    return;
  }
  const time = tally.time(frame);
  const segment = decodeTcp(packet.bytes, packet.payloadLength, packet.payloadStart, packet.payloadEnd);
  if (!segment) {
    counts.notIp++;
    warnings.add({ id: 'decode.tcpHeader', frame: frame.number });
    const p = packet.bytes;
    const o = packet.payloadStart;
    if (packet.payloadEnd - o >= 16)
      dissection.tcp.damaged(packet.srcKey, packet.dstKey, { srcPort: (p[o]! << 8) | p[o + 1]!, dstPort: (p[o + 2]! << 8) | p[o + 3]! }, frame.number, time);
    return;
  }
  counts.tcp++;
  dissection.tcp.segment(packet.srcKey, packet.dstKey, segment, frame.number, time);
}

function endpoint(e: { ip: string; port: number }): string {
  return e.ip.includes(':') ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`;
}
