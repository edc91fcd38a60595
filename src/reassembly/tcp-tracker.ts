import { TCP_FLAG, type TcpHeader } from '../decode/tcp.js';
import { DEFAULT_REASSEMBLY_LIMITS, TcpConnection, type Endpoint, type ReassemblyLimits, type StreamHandler } from './tcp-stream.js';

/** Ports below this are servers' well-known ports: the other side is the client. */
const WELL_KNOWN_PORT_LIMIT = 1024;

/**
 * Finds the connection each TCP segment belongs to, numbering connections as
 * Wireshark's tcp.stream does, and feeds the segment to that connection's reassembly.
 */
export class TcpTracker {
  private readonly byKey = new Map<string, TcpConnection>();
  readonly connections: TcpConnection[] = [];

  constructor(
    /** Called once per new connection: the handler that will receive its bytes, or null to ignore them. */
    private readonly onConnection: (conn: TcpConnection) => StreamHandler | null,
    private readonly limits: ReassemblyLimits = DEFAULT_REASSEMBLY_LIMITS,
  ) {}

  segment(src: string, dst: string, tcp: TcpHeader, frame: number, time: number): TcpConnection {
    const conn = this.connectionFor(src, dst, tcp, frame, time);
    const fromClient = conn.client.port === tcp.srcPort && conn.client.ip === src;
    conn.segment(fromClient, tcp, frame, time);
    return conn;
  }

  /**
   * A segment whose header is damaged past its ports: Wireshark still gives it a tcp.stream
   * (so later stream numbers stay aligned with Wireshark's), but none of its fields can be trusted.
   */
  damaged(src: string, dst: string, ports: Pick<TcpHeader, 'srcPort' | 'dstPort'>, frame: number, time: number): TcpConnection {
    const conn = this.connectionFor(src, dst, { ...ports, flags: 0, seq: 0 }, frame, time);
    conn.packets++;
    conn.lastFrame = frame;
    return conn;
  }

  private connectionFor(src: string, dst: string, tcp: Pick<TcpHeader, 'srcPort' | 'dstPort' | 'flags' | 'seq'>, frame: number, time: number): TcpConnection {
    const key = `${src} ${tcp.srcPort} ${dst} ${tcp.dstPort}`;
    let conn = this.byKey.get(key);
    const isNewSyn = (tcp.flags & (TCP_FLAG.SYN | TCP_FLAG.ACK)) === TCP_FLAG.SYN;
    if (conn && isNewSyn) {
      // As Wireshark: a SYN whose sequence number is not the one this side started with opens
      // a new connection on the same ports (tcp.analysis.reused_ports), finished or not.
      const half = conn.client.port === tcp.srcPort && conn.client.ip === src ? conn.toServer : conn.toClient;
      if (half.baseSeq >= 0 && half.baseSeq !== tcp.seq) conn = undefined;
    }
    if (!conn) {
      conn = this.open({ ip: src, port: tcp.srcPort }, { ip: dst, port: tcp.dstPort }, tcp.flags, frame, time);
      this.byKey.set(key, conn);
      this.byKey.set(`${dst} ${tcp.dstPort} ${src} ${tcp.srcPort}`, conn);
    }
    return conn;
  }

  private open(from: Endpoint, to: Endpoint, flags: number, frame: number, time: number): TcpConnection {
    const syn = (flags & TCP_FLAG.SYN) !== 0;
    const ack = (flags & TCP_FLAG.ACK) !== 0;
    let fromIsClient: boolean;
    if (syn)
      fromIsClient = !ack; // SYN comes from the client, SYN/ACK from the server
    else if (from.port < WELL_KNOWN_PORT_LIMIT !== to.port < WELL_KNOWN_PORT_LIMIT) fromIsClient = to.port < WELL_KNOWN_PORT_LIMIT;
    else fromIsClient = from.port >= to.port; // mid-stream guess: ephemeral ports are the higher ones
    const [client, server] = fromIsClient ? [from, to] : [to, from];
    const conn = new TcpConnection(this.connections.length, client, server, frame, time, syn && !ack, this.limits);
    this.connections.push(conn);
    conn.handler = this.onConnection(conn);
    return conn;
  }

  /** End of capture: flush every connection still open. */
  finish(): void {
    for (const conn of this.connections) conn.finish();
  }
}
