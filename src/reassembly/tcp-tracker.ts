import { addressText, type Address } from '../decode/ip.js';
import { TCP_FLAG, type TcpHeader } from '../decode/tcp.js';
import { DEFAULT_REASSEMBLY_LIMITS, TcpConnection, type Endpoint, type ReassemblyLimits, type StreamHandler } from './tcp-stream.js';

/** A 31-bit hash of an IPv4 four-tuple, the same whichever way the segment goes. */
function tupleHash(a: number, ap: number, b: number, bp: number): number {
  const end = (ip: number, port: number) => Math.imul(ip ^ Math.imul(port, 0x9e3779b1), 0x85ebca6b) ^ (ip >>> 13);
  return (end(a, ap) + end(b, bp)) & 0x3fffffff;
}

/** A connection's key in the IPv4 map, or null for one keyed by text (IPv6 or mixed). */
function ipv4Key(conn: TcpConnection): number | null {
  const { clientKey: a, serverKey: b } = conn;
  return typeof a === 'number' && typeof b === 'number' ? tupleHash(a, conn.client.port, b, conn.server.port) : null;
}

const textKey = (src: Address, sport: number, dst: Address, dport: number) => `${src} ${sport} ${dst} ${dport}`;

/** The text keys of a connection, one per direction. */
function textKeys(conn: TcpConnection): [string, string] {
  const { clientKey: a, serverKey: b } = conn;
  return [textKey(a, conn.client.port, b, conn.server.port), textKey(b, conn.server.port, a, conn.client.port)];
}

/** Whether a segment from src:sport to dst:dport belongs to `conn`, in either direction. */
function joins(conn: TcpConnection, src: Address, sport: number, dst: Address, dport: number): boolean {
  return conn.isClient(src, sport)
    ? dst === conn.serverKey && dport === conn.server.port
    : src === conn.serverKey && sport === conn.server.port && dst === conn.clientKey && dport === conn.client.port;
}

/** Ports below this are servers' well-known ports: the other side is the client. */
const WELL_KNOWN_PORT_LIMIT = 1024;

/**
 * Finds the connection each TCP segment belongs to, numbering connections as
 * Wireshark's tcp.stream does, and feeds the segment to that connection's reassembly.
 */
export class TcpTracker {
  /**
   * IPv4 connections by a hash of their four-tuple that is the same in both directions:
   * one small-integer key per connection, no string built per packet, no map per host.
   * A bucket holds one connection, or an array of them when hashes collide.
   */
  private readonly byIpv4 = new Map<number, TcpConnection | TcpConnection[]>();
  /** IPv6 (and mixed) connections by a text key, stored under both directions. */
  private readonly byText = new Map<string, TcpConnection>();
  /** Connections tracked now, oldest first. */
  private readonly tracked = new Set<TcpConnection>();
  /** Connections seen so far: the next one's tcp.stream index. */
  streams = 0;
  /** Connections forgotten because more than maxStreams were tracked at once. */
  evicted = 0;

  constructor(
    /** Called once per new connection: the handler that will receive its bytes, or null to ignore them. */
    private readonly onConnection: (conn: TcpConnection) => StreamHandler | null,
    private readonly limits: ReassemblyLimits = DEFAULT_REASSEMBLY_LIMITS,
  ) {}

  segment(src: Address, dst: Address, tcp: TcpHeader, frame: number, time: number): TcpConnection {
    const conn = this.connectionFor(src, dst, tcp, frame, time);
    conn.segment(conn.isClient(src, tcp.srcPort), tcp, frame, time);
    return conn;
  }

  private lookup(src: Address, sport: number, dst: Address, dport: number): TcpConnection | undefined {
    if (typeof src === 'number' && typeof dst === 'number') {
      const bucket = this.byIpv4.get(tupleHash(src, sport, dst, dport));
      if (bucket === undefined || !Array.isArray(bucket)) return bucket && joins(bucket, src, sport, dst, dport) ? bucket : undefined;
      return bucket.find((c) => joins(c, src, sport, dst, dport));
    }
    return this.byText.get(textKey(src, sport, dst, dport));
  }

  private remove(conn: TcpConnection): void {
    const key = ipv4Key(conn);
    if (key === null) {
      for (const k of textKeys(conn)) if (this.byText.get(k) === conn) this.byText.delete(k);
      return;
    }
    const bucket = this.byIpv4.get(key);
    if (bucket === conn) this.byIpv4.delete(key);
    else if (Array.isArray(bucket)) {
      const rest = bucket.filter((c) => c !== conn);
      this.byIpv4.set(key, rest.length === 1 ? rest[0]! : rest);
    }
  }

  /** Stop tracking a connection: what it holds is flushed to its dissector first. */
  private forget(conn: TcpConnection): void {
    conn.finish();
    this.tracked.delete(conn);
    this.remove(conn);
  }

  private store(conn: TcpConnection): void {
    const key = ipv4Key(conn);
    if (key === null) {
      for (const k of textKeys(conn)) this.byText.set(k, conn);
      return;
    }
    const bucket = this.byIpv4.get(key);
    this.byIpv4.set(key, bucket === undefined ? conn : Array.isArray(bucket) ? [...bucket, conn] : [bucket, conn]);
  }

  /**
   * A segment whose header is damaged past its ports: Wireshark still gives it a tcp.stream
   * (so later stream numbers stay aligned with Wireshark's), but none of its fields can be trusted.
   */
  damaged(src: Address, dst: Address, ports: Pick<TcpHeader, 'srcPort' | 'dstPort'>, frame: number, time: number): TcpConnection {
    const conn = this.connectionFor(src, dst, { ...ports, flags: 0, seq: 0 }, frame, time);
    conn.packets++;
    conn.lastFrame = frame;
    return conn;
  }

  private connectionFor(src: Address, dst: Address, tcp: Pick<TcpHeader, 'srcPort' | 'dstPort' | 'flags' | 'seq'>, frame: number, time: number): TcpConnection {
    let conn = this.lookup(src, tcp.srcPort, dst, tcp.dstPort);
    const isNewSyn = (tcp.flags & (TCP_FLAG.SYN | TCP_FLAG.ACK)) === TCP_FLAG.SYN;
    if (conn && isNewSyn) {
      // As Wireshark: a SYN whose sequence number is not the one this side started with opens
      // a new connection on the same ports (tcp.analysis.reused_ports), finished or not.
      const half = conn.isClient(src, tcp.srcPort) ? conn.toServer : conn.toClient;
      if (half.baseSeq >= 0 && half.baseSeq !== tcp.seq) {
        this.forget(conn);
        conn = undefined;
      }
    }
    if (!conn) {
      if (this.tracked.size >= this.limits.maxStreams) {
        this.forget(this.tracked.values().next().value!);
        this.evicted++;
      }
      conn = this.open(src, tcp.srcPort, dst, tcp.dstPort, tcp.flags, frame, time);
      this.store(conn);
      this.tracked.add(conn);
    }
    return conn;
  }

  private open(src: Address, sport: number, dst: Address, dport: number, flags: number, frame: number, time: number): TcpConnection {
    const from: Endpoint = { ip: addressText(src), port: sport };
    const to: Endpoint = { ip: addressText(dst), port: dport };
    const syn = (flags & TCP_FLAG.SYN) !== 0;
    const ack = (flags & TCP_FLAG.ACK) !== 0;
    let fromIsClient: boolean;
    if (syn)
      fromIsClient = !ack; // SYN comes from the client, SYN/ACK from the server
    else if (from.port < WELL_KNOWN_PORT_LIMIT !== to.port < WELL_KNOWN_PORT_LIMIT) fromIsClient = to.port < WELL_KNOWN_PORT_LIMIT;
    else fromIsClient = from.port >= to.port; // mid-stream guess: ephemeral ports are the higher ones
    const [client, server] = fromIsClient ? [from, to] : [to, from];
    const conn = new TcpConnection(this.streams++, client, server, fromIsClient ? src : dst, fromIsClient ? dst : src, frame, time, syn && !ack, this.limits);
    conn.handler = this.onConnection(conn);
    return conn;
  }

  /** End of capture: flush every connection still open. */
  finish(): void {
    for (const conn of this.tracked) conn.finish();
  }
}
