import { Heap } from '@datastructures-js/heap';
import type { Address } from '../decode/ip.js';
import { TCP_FLAG, type TcpHeader } from '../decode/tcp.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';

export interface Endpoint {
  ip: string;
  port: number;
}

/** The frame whose arrival made bytes deliverable, and its time. */
export interface Arrival {
  frame: number;
  time: number;
}

/**
 * What a protocol dissector receives from one TCP connection: each side's bytes in
 * sequence order, once each, with the frame they came in. One `data` call is one
 * segment's new bytes, so every call starts on a segment boundary.
 */
export interface StreamHandler {
  /**
   * `completedIn` is given when the bytes were held out of order and a later frame filled
   * the hole before them: Wireshark shows a message in the frame that completed it, so a
   * message ending in these bytes is cited there (its segments still list `frame`).
   */
  data(fromClient: boolean, bytes: Uint8Array, frame: number, time: number, completedIn?: Arrival): void;
  /** `length` bytes on that side were never captured; `frame` is the first frame after them. */
  gap(fromClient: boolean, length: number, frame: number, time: number): void;
  /**
   * That side is finished: FIN or RST seen, or the capture ended. `closedIn` is the frame
   * of the FIN when the side ended by one: Wireshark shows a message delimited by the
   * close there.
   */
  end(fromClient: boolean, closedIn?: Arrival): void;
}

/** Bounds on reassembly state against hostile or enormous captures: out-of-order bytes held per direction, connections tracked at once (limits.ts). */
export type ReassemblyLimits = Pick<Limits, 'maxOutOfOrderBytes' | 'maxStreams'>;

export const DEFAULT_REASSEMBLY_LIMITS: ReassemblyLimits = {
  maxOutOfOrderBytes: DEFAULT_LIMITS.maxOutOfOrderBytes,
  maxStreams: DEFAULT_LIMITS.maxStreams,
};

/** Gaps listed per connection (each becomes a warning); lost bytes beyond are still counted. */
const MAX_GAPS_LISTED = 100;

interface PendingSegment {
  start: number;
  /** Arrival order: of two segments at one position, the first to arrive is delivered first. */
  arrival: number;
  bytes: Uint8Array;
  /** Bytes the segment had on the wire from `start` (bytes.length when fully captured). */
  wireLength: number;
  frame: number;
  time: number;
}

const streamOrder = (a: PendingSegment, b: PendingSegment) => a.start - b.start || a.arrival - b.arrival;

/** One direction of a connection: its bytes put back in sequence order. */
class HalfStream {
  /** Raw 32-bit sequence number of the next byte expected; -1 until the first segment. */
  private nextRaw = -1;
  /** Position of the next expected byte counted from the first byte of the stream (no 32-bit wrap). */
  next = 0;
  /** Out-of-order segments, lowest position on top: O(log n) each whatever the order they came in (a heap, not a sorted list). */
  private readonly pending = new Heap<PendingSegment>(streamOrder);
  private pendingBytes = 0;
  private arrivals = 0;
  /** Stream position of the FIN, once seen, and the frame that carried it. */
  private finAt = -1;
  private finFrame = 0;
  private finTime = 0;
  /**
   * This side's base sequence number as Wireshark keeps it (its SYN's, one before its first
   * segment's, or one before the peer's first ACK); -1 until known. A SYN with another
   * sequence number is a new connection on the same ports.
   */
  baseSeq = -1;
  closed = false;
  /** Segments dropped as retransmissions or duplicates. */
  retransmissions = 0;
  /** Bytes never captured (holes and snaplen cuts). */
  lostBytes = 0;
  /** Frame of the segment that last brought new bytes; for gap warnings. */
  lastDataFrame = 0;

  constructor(
    private readonly fromClient: boolean,
    private readonly conn: TcpConnection,
    private readonly limits: ReassemblyLimits,
  ) {}

  get started(): boolean {
    return this.nextRaw >= 0;
  }

  /** Stream position of a raw sequence number, unwrapped around our cursor. */
  private position(seq: number): number {
    return this.next + ((seq - this.nextRaw) | 0);
  }

  private advance(n: number): void {
    this.next += n;
    this.nextRaw = (this.nextRaw + n) % 0x100000000;
  }

  /** A SYN fixes the initial sequence number: data starts one past it. */
  syn(seq: number): void {
    if (this.started && this.next > 0) return; // a retransmitted SYN changes nothing
    this.nextRaw = (seq + 1) >>> 0;
    this.next = 0;
  }

  segment(tcp: TcpHeader, frame: number, time: number): void {
    const dataSeq = tcp.flags & TCP_FLAG.SYN ? (tcp.seq + 1) >>> 0 : tcp.seq;
    if (!this.started) this.nextRaw = dataSeq; // capture began mid-connection
    const start = this.position(dataSeq);
    if (tcp.payloadLength > 0) this.insert(start, tcp.payload, tcp.payloadLength, frame, time);
    if (tcp.flags & TCP_FLAG.FIN && this.finAt < 0) {
      this.finAt = start + tcp.payloadLength;
      this.finFrame = frame;
      this.finTime = time;
    }
    this.checkFin();
  }

  private insert(start: number, captured: Uint8Array, wireLength: number, frame: number, time: number): void {
    const end = start + wireLength;
    if (end <= this.next) {
      this.retransmissions++;
      return;
    }
    if (start <= this.next) {
      const skip = this.next - start;
      this.deliver(captured.subarray(Math.min(skip, captured.length)), wireLength - skip, frame, time);
      this.drain({ frame, time });
      return;
    }
    // Out of order: keep a copy (the frame's buffer is reused) until the hole fills.
    const seg: PendingSegment = { start, arrival: this.arrivals++, bytes: Buffer.from(captured), wireLength, frame, time };
    this.pending.push(seg);
    this.pendingBytes += seg.bytes.length;
    if (this.pendingBytes > this.limits.maxOutOfOrderBytes) this.skipHole();
  }

  /** Hand on the captured bytes at `next`, then a gap for any part the capture cut off. */
  private deliver(bytes: Uint8Array, wireLength: number, frame: number, time: number, completedIn?: Arrival): void {
    if (bytes.length > 0) {
      this.advance(bytes.length);
      this.lastDataFrame = frame;
      if (completedIn && completedIn.frame !== frame) this.conn.handler?.data(this.fromClient, bytes, frame, time, completedIn);
      else this.conn.handler?.data(this.fromClient, bytes, frame, time);
    }
    const cut = wireLength - bytes.length;
    if (cut > 0) this.lose(cut, frame, time, 'snaplen');
  }

  private lose(length: number, frame: number, time: number, why: StreamGap['why']): void {
    this.lostBytes += length;
    if (this.conn.gaps.length < MAX_GAPS_LISTED)
      this.conn.gaps.push({ fromClient: this.fromClient, length, beforeFrame: this.lastDataFrame, afterFrame: frame, why });
    this.advance(length);
    this.conn.handler?.gap(this.fromClient, length, frame, time);
  }

  /** Deliver buffered segments that now continue the stream (`completedIn`: the frame that filled the hole before them). */
  private drain(completedIn?: Arrival): void {
    for (let seg = this.pending.top(); seg && seg.start <= this.next; seg = this.pending.top()) {
      this.pending.pop();
      this.pendingBytes -= seg.bytes.length;
      const skip = this.next - seg.start;
      if (seg.start + seg.wireLength <= this.next) {
        this.retransmissions++;
        continue;
      }
      this.deliver(seg.bytes.subarray(Math.min(skip, seg.bytes.length)), seg.wireLength - skip, seg.frame, seg.time, completedIn);
    }
    this.checkFin();
  }

  /** The bytes before the first buffered segment will not come: report them lost and go on. */
  skipHole(): void {
    const first = this.pending.top();
    if (!first || first.start <= this.next) return;
    const missing = first.start - this.next;
    this.lose(missing, first.frame, first.time, 'notCaptured');
    this.drain();
  }

  /**
   * The peer acknowledged `ack`, so it received every byte below: a hole below it will not be
   * filled by a retransmission (it was received but not captured).
   */
  acknowledged(ack: number): void {
    if (!this.started || this.closed) return;
    const acked = this.position(ack);
    for (let first = this.pending.top(); first && acked >= first.start; first = this.pending.top()) this.skipHole();
    // Nothing buffered, but the FIN is acknowledged: the bytes before it were never captured.
    if (this.pending.isEmpty() && this.finAt > this.next && acked > this.finAt) {
      this.loseBeforeFin();
      this.checkFin();
    }
  }

  private loseBeforeFin(): void {
    this.lose(this.finAt - this.next, this.finFrame, this.finTime, 'notCaptured');
  }

  private checkFin(): void {
    if (!this.closed && this.finAt >= 0 && this.next >= this.finAt) this.close({ frame: this.finFrame, time: this.finTime });
  }

  /** This side is done: by its FIN (`closedIn`), an RST, or the end of the capture. */
  close(closedIn?: Arrival): void {
    if (this.closed) return;
    while (!this.pending.isEmpty()) this.skipHole();
    if (this.closed) return; // the buffered bytes reached the FIN, which closed this side already
    if (this.finAt > this.next) this.loseBeforeFin();
    this.closed = true;
    this.conn.handler?.end(this.fromClient, closedIn);
    // Both sides done: the dissector has all it will get; let its working state go.
    if (this.conn.finished) this.conn.handler = null;
  }
}

/** A hole in one direction of a connection, for the report's warnings. */
export interface StreamGap {
  fromClient: boolean;
  length: number;
  /** Last frame that brought bytes before the hole (0 if none). */
  beforeFrame: number;
  /** First frame after the hole. */
  afterFrame: number;
  /** snaplen: the frame was cut short by the capture's snapshot length; notCaptured: segments never captured (Wireshark's "previous segment not captured"). */
  why: 'snaplen' | 'notCaptured';
}

/** One TCP connection: Wireshark's tcp.stream. */
export class TcpConnection {
  handler: StreamHandler | null = null;
  readonly toServer: HalfStream;
  readonly toClient: HalfStream;
  readonly gaps: StreamGap[] = [];
  packets = 0;
  bytes = 0;
  lastFrame: number;
  reset = false;

  constructor(
    /** Wireshark's tcp.stream index: connections numbered from 0 in order of first packet. */
    readonly stream: number,
    readonly client: Endpoint,
    readonly server: Endpoint,
    /** The client's and server's addresses as the tracker keys them (see decode/ip.ts Address). */
    readonly clientKey: Address,
    readonly serverKey: Address,
    readonly firstFrame: number,
    readonly firstTime: number,
    /** Whether the three-way handshake's SYN was captured. */
    readonly synSeen: boolean,
    limits: ReassemblyLimits,
  ) {
    this.toServer = new HalfStream(true, this, limits);
    this.toClient = new HalfStream(false, this, limits);
    this.lastFrame = firstFrame;
  }

  /** Whether a segment from this address and port comes from the client. */
  isClient(address: Address, port: number): boolean {
    return port === this.client.port && address === this.clientKey;
  }

  get finished(): boolean {
    return this.toServer.closed && this.toClient.closed;
  }

  segment(fromClient: boolean, tcp: TcpHeader, frame: number, time: number): void {
    this.packets++;
    this.bytes += tcp.payloadLength;
    this.lastFrame = frame;
    const half = fromClient ? this.toServer : this.toClient;
    const peer = fromClient ? this.toClient : this.toServer;
    if (half.baseSeq < 0) half.baseSeq = tcp.flags & TCP_FLAG.SYN ? tcp.seq : (tcp.seq - 1) >>> 0;
    if (tcp.flags & TCP_FLAG.ACK && peer.baseSeq < 0) peer.baseSeq = (tcp.ack - 1) >>> 0;
    if (tcp.flags & TCP_FLAG.SYN) half.syn(tcp.seq);
    if (!half.closed) half.segment(tcp, frame, time);
    if (tcp.flags & TCP_FLAG.ACK) peer.acknowledged(tcp.ack);
    if (tcp.flags & TCP_FLAG.RST) {
      this.reset = true;
      half.close();
      peer.close();
    }
  }

  /** The capture ended: whatever is buffered goes out, after the holes before it. */
  finish(): void {
    this.toServer.close();
    this.toClient.close();
  }
}
