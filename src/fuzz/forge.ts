/*
 * Frames forged from scratch for the hostile captures (hostile.ts) and the fuzzer's
 * flood mutations: Ethernet, IPv4 (with fragments), IPv6 (with a Fragment header), TCP,
 * and a classic pcap writer. Small and fast on purpose: a bomb case writes a million
 * frames. Checksums are left zero, as offloading NICs leave them; labreport and
 * Wireshark (by default) do not check them.
 */

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;

const ETHERNET_HEADER = Buffer.from([2, 0, 0, 0, 0, 0x0b, 2, 0, 0, 0, 0, 0x0a]);

export function ipv4Address(text: string): number {
  return text.split('.').reduce((a, x) => ((a << 8) | Number(x)) >>> 0, 0);
}

function ipv6Bytes(text: string): Buffer {
  const [head = '', tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const b = Buffer.alloc(16);
  groups.forEach((g, i) => b.writeUInt16BE(parseInt(g, 16), 2 * i));
  return b;
}

/** An Ethernet II frame around an IP packet (no padding: the IP length says where data ends). */
export function ethernetFrame(ip: Uint8Array): Buffer {
  const b = Buffer.allocUnsafe(14 + ip.length);
  ETHERNET_HEADER.copy(b, 0);
  b.writeUInt16BE(ip[0]! >> 4 === 6 ? 0x86dd : 0x0800, 12);
  b.set(ip, 14);
  return b;
}

export interface Ipv4Fields {
  src: number;
  dst: number;
  protocol?: number;
  id?: number;
  /** In bytes, a multiple of 8. */
  fragmentOffset?: number;
  moreFragments?: boolean;
}

export function ipv4Packet(f: Ipv4Fields, payload: Uint8Array): Buffer {
  const b = Buffer.alloc(20 + payload.length);
  b[0] = 0x45;
  b.writeUInt16BE(20 + payload.length, 2);
  b.writeUInt16BE(f.id ?? 1, 4);
  b.writeUInt16BE((f.moreFragments ? 0x2000 : 0) | ((f.fragmentOffset ?? 0) >> 3), 6);
  b[8] = 64;
  b[9] = f.protocol ?? 6;
  b.writeUInt32BE(f.src, 12);
  b.writeUInt32BE(f.dst, 16);
  b.set(payload, 20);
  return b;
}

/** IPv6 with a Fragment header (RFC 8200 section 4.5) carrying `next`. */
export function ipv6Fragment(src: string, dst: string, next: number, id: number, offset: number, more: boolean, payload: Uint8Array): Buffer {
  const b = Buffer.alloc(48 + payload.length);
  b[0] = 0x60;
  b.writeUInt16BE(8 + payload.length, 4);
  b[6] = 44;
  b[7] = 64;
  ipv6Bytes(src).copy(b, 8);
  ipv6Bytes(dst).copy(b, 24);
  b[40] = next;
  b.writeUInt16BE(offset | (more ? 1 : 0), 42);
  b.writeUInt32BE(id >>> 0, 44);
  b.set(payload, 48);
  return b;
}

export interface TcpFields {
  sport: number;
  dport: number;
  seq: number;
  ack?: number;
  flags: number;
}

export function tcpSegment(f: TcpFields, payload: Uint8Array = new Uint8Array(0)): Buffer {
  const b = Buffer.alloc(20 + payload.length);
  b.writeUInt16BE(f.sport, 0);
  b.writeUInt16BE(f.dport, 2);
  b.writeUInt32BE(f.seq >>> 0, 4);
  b.writeUInt32BE((f.ack ?? 0) >>> 0, 8);
  b[12] = 5 << 4;
  b[13] = f.flags;
  b.writeUInt16BE(65535, 14);
  b.set(payload, 20);
  return b;
}

/** A classic pcap file (microseconds, Ethernet unless told), built frame by frame, 1 ms apart. */
export class PcapWriter {
  private readonly parts: Buffer[] = [];
  private frames = 0;

  constructor(
    private readonly linkType = 1,
    private readonly start = 1_700_000_000,
  ) {
    const h = Buffer.alloc(24);
    h.writeUInt32LE(0xa1b2c3d4, 0);
    h.writeUInt16LE(2, 4);
    h.writeUInt16LE(4, 6);
    h.writeUInt32LE(262144, 16);
    h.writeUInt32LE(linkType, 20);
    this.parts.push(h);
  }

  add(frame: Uint8Array): this {
    const r = Buffer.alloc(16);
    const ms = this.frames++;
    r.writeUInt32LE(this.start + Math.floor(ms / 1000), 0);
    r.writeUInt32LE((ms % 1000) * 1000, 4);
    r.writeUInt32LE(frame.length, 8);
    r.writeUInt32LE(frame.length, 12);
    this.parts.push(r, Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength));
    return this;
  }

  get count(): number {
    return this.frames;
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/**
 * One IPv4 TCP connection written into a pcap: handshake, data each way in segments,
 * close. Sequence numbers are tracked per side; `segmentsOf` gives the frames of some
 * data without sending them, to write them in another order.
 */
export class TcpFlow {
  private seq = { c: 1000, s: 5000 };

  constructor(
    readonly out: PcapWriter,
    readonly client = { ip: ipv4Address('10.9.0.1'), port: 40000 },
    readonly server = { ip: ipv4Address('10.9.0.2'), port: 80 },
  ) {}

  frame(fromClient: boolean, flags: number, payload: Uint8Array = new Uint8Array(0), seq?: number): Buffer {
    const [a, b] = fromClient ? [this.client, this.server] : [this.server, this.client];
    const mine = fromClient ? this.seq.c : this.seq.s;
    const theirs = fromClient ? this.seq.s : this.seq.c;
    const segment = tcpSegment({ sport: a.port, dport: b.port, seq: seq ?? mine, ack: flags & TCP_ACK ? theirs : 0, flags }, payload);
    return ethernetFrame(ipv4Packet({ src: a.ip, dst: b.ip }, segment));
  }

  handshake(): this {
    this.out.add(this.frame(true, TCP_SYN));
    this.seq.c++;
    this.out.add(this.frame(false, TCP_SYN | TCP_ACK));
    this.seq.s++;
    this.out.add(this.frame(true, TCP_ACK));
    return this;
  }

  /** The frames carrying `data` from one side in `mss`-byte segments; the side's sequence number moves past it. */
  segmentsOf(fromClient: boolean, data: Uint8Array, mss = 1448): Buffer[] {
    const start = fromClient ? this.seq.c : this.seq.s;
    const frames: Buffer[] = [];
    for (let o = 0; o < data.length; o += mss) frames.push(this.frame(fromClient, TCP_ACK | TCP_PSH, data.subarray(o, o + mss), (start + o) >>> 0));
    if (fromClient) this.seq.c = (start + data.length) >>> 0;
    else this.seq.s = (start + data.length) >>> 0;
    return frames;
  }

  send(fromClient: boolean, data: Uint8Array | string, mss = 1448): this {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    for (const f of this.segmentsOf(fromClient, bytes, mss)) this.out.add(f);
    this.out.add(this.frame(!fromClient, TCP_ACK));
    return this;
  }

  close(): this {
    this.out.add(this.frame(true, TCP_FIN | TCP_ACK));
    this.seq.c++;
    this.out.add(this.frame(false, TCP_FIN | TCP_ACK));
    this.seq.s++;
    this.out.add(this.frame(true, TCP_ACK));
    return this;
  }
}
