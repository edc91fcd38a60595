import { addressText, type Address } from '../decode/ip.js';
import { TCP_FLAG, type TcpHeader } from '../decode/tcp.js';
import { DEFAULT_REASSEMBLY_LIMITS, TcpConnection, type Endpoint, type ReassemblyLimits, type StreamHandler } from './tcp-stream.js';

/** Ports below this are servers' well-known ports: the other side is the client. */
const WELL_KNOWN_PORT_LIMIT = 1024;

/**
 * Finds the connection each TCP segment belongs to, numbering connections as
 * Wireshark's tcp.stream does, and feeds the segment to that connection's reassembly.
 */
export class TcpTracker {
  /** IPv4 connections by source address, destination address, then ports: small-integer keys, no string built per packet. */
  private readonly byIpv4 = new Map<number, Map<number, Map<number, TcpConnection>>>();
  /** IPv6 (and mixed) connections by a text key. */
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
    if (typeof src === 'number' && typeof dst === 'number')
      return this.byIpv4
        .get(src)
        ?.get(dst)
        ?.get((sport << 16) | dport);
    return this.byText.get(`${src} ${sport} ${dst} ${dport}`);
  }

  private remove(src: Address, sport: number, dst: Address, dport: number): void {
    if (typeof src === 'number' && typeof dst === 'number') {
      const bySrc = this.byIpv4.get(src);
      const byDst = bySrc?.get(dst);
      byDst?.delete((sport << 16) | dport);
      if (byDst?.size === 0) bySrc!.delete(dst);
      if (bySrc?.size === 0) this.byIpv4.delete(src);
    } else this.byText.delete(`${src} ${sport} ${dst} ${dport}`);
  }

  /** Forget the oldest connection: what it holds is flushed to its dissector first. */
  private evictOldest(): void {
    const oldest = this.tracked.values().next().value as TcpConnection;
    oldest.finish();
    this.tracked.delete(oldest);
    this.remove(oldest.clientKey, oldest.client.port, oldest.serverKey, oldest.server.port);
    this.remove(oldest.serverKey, oldest.server.port, oldest.clientKey, oldest.client.port);
    this.evicted++;
  }

  private store(src: Address, sport: number, dst: Address, dport: number, conn: TcpConnection): void {
    if (typeof src === 'number' && typeof dst === 'number') {
      let bySrc = this.byIpv4.get(src);
      if (!bySrc) this.byIpv4.set(src, (bySrc = new Map()));
      let byDst = bySrc.get(dst);
      if (!byDst) bySrc.set(dst, (byDst = new Map()));
      byDst.set((sport << 16) | dport, conn);
    } else this.byText.set(`${src} ${sport} ${dst} ${dport}`, conn);
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
      if (half.baseSeq >= 0 && half.baseSeq !== tcp.seq) conn = undefined;
    }
    if (!conn) {
      if (this.tracked.size >= this.limits.maxStreams) this.evictOldest();
      conn = this.open(src, tcp.srcPort, dst, tcp.dstPort, tcp.flags, frame, time);
      this.store(src, tcp.srcPort, dst, tcp.dstPort, conn);
      this.store(dst, tcp.dstPort, src, tcp.srcPort, conn);
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
