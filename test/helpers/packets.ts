/*
 * Builders for synthetic captures: link, IP and TCP headers, pcap and pcapng files,
 * and whole TCP conversations. Tests synthesise the odd cases (QinQ, SLL2, fragments,
 * gaps, several pcapng sections) that no recorded fixture has, and check them against tshark.
 */

export const TCP = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const;

const u16 = (v: number) => [(v >> 8) & 0xff, v & 0xff];
const u32 = (v: number) => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];

export function bytes(...parts: (Uint8Array | number[] | string)[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p instanceof Uint8Array ? p : Uint8Array.from(p)));
  return Buffer.concat(arrays);
}

function ipv4Bytes(addr: string): number[] {
  return addr.split('.').map(Number);
}

function ipv6Bytes(addr: string): number[] {
  const [head, tail] = addr.includes('::') ? addr.split('::') : [addr, undefined];
  const h = head ? head.split(':').filter(Boolean) : [];
  const t = tail ? tail.split(':').filter(Boolean) : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.flatMap((g) => u16(parseInt(g, 16)));
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 2) sum += (data[i]! << 8) | (data[i + 1] ?? 0);
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return ~sum & 0xffff;
}

export interface TcpSpec {
  sport: number;
  dport: number;
  seq: number;
  ack?: number;
  flags: number;
  window?: number;
  payload?: Uint8Array;
  /** Raw option bytes (padded to 4 by the builder). */
  options?: number[];
}

export function tcp(s: TcpSpec): Uint8Array {
  const options = [...(s.options ?? [])];
  while (options.length % 4) options.push(0);
  const headerLength = 20 + options.length;
  return bytes(
    u16(s.sport),
    u16(s.dport),
    u32(s.seq >>> 0),
    u32((s.ack ?? 0) >>> 0),
    [(headerLength / 4) << 4, s.flags],
    u16(s.window ?? 65535),
    [0, 0, 0, 0],
    options,
    s.payload ?? new Uint8Array(0),
  );
}

export interface Ipv4Spec {
  src: string;
  dst: string;
  protocol?: number;
  id?: number;
  /** Fragment offset in bytes (multiple of 8). */
  fragmentOffset?: number;
  moreFragments?: boolean;
  payload: Uint8Array;
  /** Override the total length field (to fake TSO zeros or damage). */
  totalLength?: number;
  /** Raw IPv4 option bytes (padded to 4 with End of Options List; IHL grows to match). */
  options?: number[];
}

export function ipv4(s: Ipv4Spec): Uint8Array {
  const options = [...(s.options ?? [])];
  while (options.length % 4) options.push(0);
  const headerLength = 20 + options.length;
  const total = s.totalLength ?? headerLength + s.payload.length;
  const flags = (s.moreFragments ? 0x2000 : 0) | ((s.fragmentOffset ?? 0) / 8);
  const header = bytes(
    [0x40 | (headerLength / 4), 0],
    u16(total),
    u16(s.id ?? 1),
    u16(flags),
    [64, s.protocol ?? 6, 0, 0],
    ipv4Bytes(s.src),
    ipv4Bytes(s.dst),
    options,
  );
  const c = checksum(header);
  header[10] = c >> 8;
  header[11] = c & 0xff;
  return bytes(header, s.payload);
}

export interface Ipv6Spec {
  src: string;
  dst: string;
  next?: number;
  payload: Uint8Array;
  /** Extension headers in order, each { type, body } where body excludes the next-header/length bytes for generic ones. */
  extensions?: { type: number; data: Uint8Array }[];
}

/** IPv6 with extension headers. Each extension's `data` is its full header minus the first byte (next header). */
export function ipv6(s: Ipv6Spec): Uint8Array {
  const exts = s.extensions ?? [];
  const chain = [...exts.map((e) => e.type), s.next ?? 6];
  const extBytes = exts.map((e, i) => bytes([chain[i + 1]!], e.data));
  const payload = bytes(...extBytes, s.payload);
  return bytes([0x60, 0, 0, 0], u16(payload.length), [chain[0]!, 64], ipv6Bytes(s.src), ipv6Bytes(s.dst), payload);
}

/** An IPv6 Fragment extension header (8 bytes), as an `extensions` entry. */
export function ipv6Fragment(offset: number, more: boolean, id: number): { type: number; data: Uint8Array } {
  return { type: 44, data: bytes([0], u16(offset | (more ? 1 : 0)), u32(id)) };
}

export const MAC_A = [0x02, 0x00, 0x00, 0x00, 0x00, 0x0a];
export const MAC_B = [0x02, 0x00, 0x00, 0x00, 0x00, 0x0b];

export function ethernet(payload: Uint8Array, opts: { type?: number; vlans?: number[]; tpids?: number[] } = {}): Uint8Array {
  const tags = (opts.vlans ?? []).flatMap((vid, i) => [...u16(opts.tpids?.[i] ?? 0x8100), ...u16(vid)]);
  const frame = bytes(MAC_B, MAC_A, tags, u16(opts.type ?? (payload[0]! >> 4 === 6 ? 0x86dd : 0x0800)), payload);
  // Ethernet pads short frames to 60 bytes: the IP length, not the frame, says where data ends.
  return frame.length < 60 ? bytes(frame, new Array(60 - frame.length).fill(0)) : frame;
}

export function sll(payload: Uint8Array, protocol = payload[0]! >> 4 === 6 ? 0x86dd : 0x0800): Uint8Array {
  return bytes(u16(0), u16(1), u16(6), MAC_A, [0, 0], u16(protocol), payload);
}

export function sll2(payload: Uint8Array, protocol = payload[0]! >> 4 === 6 ? 0x86dd : 0x0800): Uint8Array {
  return bytes(u16(protocol), [0, 0], u32(2), u16(1), [0, 6], MAC_A, [0, 0], payload);
}

/** BSD null/loopback header: address family in little-endian (as written on x86 BSD/macOS). */
export function nullLink(payload: Uint8Array, family = payload[0]! >> 4 === 6 ? 30 : 2, bigEndian = false): Uint8Array {
  const af = bigEndian ? u32(family) : u32(family).reverse();
  return bytes(af, payload);
}

export interface Packet {
  /** Seconds since the epoch (may be fractional; nanosecond-exact via tsNsec). */
  tsSec: number;
  tsNsec?: number;
  data: Uint8Array;
  /** Original length on the wire (defaults to data.length). */
  originalLength?: number;
}

export interface PcapOptions {
  linkType?: number;
  nanosecond?: boolean;
  bigEndian?: boolean;
  snaplen?: number;
}

/** Writers of 32- and 16-bit fields in one byte order. */
function writers(le: boolean) {
  const w32 = (v: number) => {
    const b = Buffer.alloc(4);
    if (le) b.writeUInt32LE(v >>> 0);
    else b.writeUInt32BE(v >>> 0);
    return b;
  };
  const w16 = (v: number) => {
    const b = Buffer.alloc(2);
    if (le) b.writeUInt16LE(v);
    else b.writeUInt16BE(v);
    return b;
  };
  return { w32, w16 };
}

export function pcapFile(packets: Packet[], o: PcapOptions = {}): Buffer {
  const { w32, w16 } = writers(!o.bigEndian);
  const parts: Buffer[] = [w32(o.nanosecond ? 0xa1b23c4d : 0xa1b2c3d4), w16(2), w16(4), w32(0), w32(0), w32(o.snaplen ?? 262144), w32(o.linkType ?? 1)];
  for (const p of packets) {
    const frac = o.nanosecond ? (p.tsNsec ?? 0) : Math.floor((p.tsNsec ?? 0) / 1000);
    parts.push(w32(p.tsSec), w32(frac), w32(p.data.length), w32(p.originalLength ?? p.data.length), Buffer.from(p.data));
  }
  return Buffer.concat(parts);
}

export type PcapngBlock =
  | { kind: 'idb'; linkType: number; snaplen?: number; tsresol?: number; tsoffset?: number; noOptions?: boolean }
  | { kind: 'epb'; iface?: number; units: bigint; data: Uint8Array; originalLength?: number }
  | { kind: 'spb'; data: Uint8Array; originalLength?: number }
  | { kind: 'opb'; iface?: number; units: bigint; data: Uint8Array }
  | { kind: 'raw'; type: number; body: Uint8Array };

export interface PcapngSection {
  bigEndian?: boolean;
  blocks: PcapngBlock[];
}

export function pcapngFile(sections: PcapngSection[]): Buffer {
  const out: Buffer[] = [];
  for (const section of sections) {
    const le = !section.bigEndian;
    const { w32, w16 } = writers(le);
    const pad = (b: Uint8Array) => Buffer.concat([Buffer.from(b), Buffer.alloc((4 - (b.length % 4)) % 4)]);
    const block = (type: number, body: Buffer) => Buffer.concat([w32(type), w32(body.length + 12), body, w32(body.length + 12)]);
    const option = (code: number, value: Buffer) => Buffer.concat([w16(code), w16(value.length), pad(value)]);
    const ts = (units: bigint) => Buffer.concat([w32(Number(units >> 32n)), w32(Number(units & 0xffffffffn))]);
    const shbBody = Buffer.concat([w32(0x1a2b3c4d), w16(1), w16(0), Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])]);
    out.push(block(0x0a0d0d0a, shbBody));
    for (const b of section.blocks) {
      if (b.kind === 'idb') {
        const opts: Buffer[] = [];
        if (b.tsresol !== undefined) opts.push(option(9, Buffer.from([b.tsresol])));
        if (b.tsoffset !== undefined) {
          const v = Buffer.alloc(8);
          if (le) v.writeBigInt64LE(BigInt(b.tsoffset));
          else v.writeBigInt64BE(BigInt(b.tsoffset));
          opts.push(option(14, v));
        }
        if (!b.noOptions) opts.push(option(0, Buffer.alloc(0)));
        out.push(block(1, Buffer.concat([w16(b.linkType), w16(0), w32(b.snaplen ?? 262144), ...opts])));
      } else if (b.kind === 'epb') {
        out.push(block(6, Buffer.concat([w32(b.iface ?? 0), ts(b.units), w32(b.data.length), w32(b.originalLength ?? b.data.length), pad(b.data)])));
      } else if (b.kind === 'spb') {
        out.push(block(3, Buffer.concat([w32(b.originalLength ?? b.data.length), pad(b.data)])));
      } else if (b.kind === 'opb') {
        out.push(block(2, Buffer.concat([w16(b.iface ?? 0), w16(0), ts(b.units), w32(b.data.length), w32(b.data.length), pad(b.data)])));
      } else {
        out.push(block(b.type, pad(b.body)));
      }
    }
  }
  return Buffer.concat(out);
}

export interface Host {
  ip: string;
  port: number;
}

/**
 * A TCP conversation between a client and a server, as the frames a capture would hold.
 * Sequence numbers are tracked per side; `send` can drop, reorder or cut segments to
 * make the gaps and out-of-order cases reassembly must handle.
 */
export class Conversation {
  readonly frames: Uint8Array[] = [];
  private seq: { c: number; s: number };
  private link: (ip: Uint8Array) => Uint8Array;

  constructor(
    readonly client: Host,
    readonly server: Host,
    opts: { isnClient?: number; isnServer?: number; link?: (ip: Uint8Array) => Uint8Array } = {},
  ) {
    this.seq = { c: opts.isnClient ?? 1000, s: opts.isnServer ?? 5000 };
    this.link = opts.link ?? ((ip) => ethernet(ip));
  }

  private ip(fromClient: boolean, segment: Uint8Array): Uint8Array {
    const [a, b] = fromClient ? [this.client, this.server] : [this.server, this.client];
    return a.ip.includes(':') ? ipv6({ src: a.ip, dst: b.ip, payload: segment }) : ipv4({ src: a.ip, dst: b.ip, payload: segment });
  }

  /**
   * One raw segment with explicit fields; returns its frame bytes (also recorded unless `record` is false).
   * `seq` defaults to this side's next sequence number and `ack` (with the ACK flag) to the peer's.
   */
  segment(fromClient: boolean, flags: number, payload: Uint8Array = new Uint8Array(0), seq?: number, record = true, ack?: number): Uint8Array {
    const [a, b] = fromClient ? [this.client, this.server] : [this.server, this.client];
    const mine = fromClient ? 'c' : 's';
    const theirs = fromClient ? 's' : 'c';
    const frame = this.link(
      this.ip(
        fromClient,
        tcp({ sport: a.port, dport: b.port, seq: seq ?? this.seq[mine], ack: flags & TCP.ACK ? (ack ?? this.seq[theirs]) : 0, flags, payload }),
      ),
    );
    if (record) this.frames.push(frame);
    return frame;
  }

  /** Move one side's next sequence number on by `n` (after a hand-made segment that carried data, SYN or FIN). */
  advance(fromClient: boolean, n: number): this {
    const mine = fromClient ? 'c' : 's';
    this.seq[mine] = (this.seq[mine] + n) >>> 0;
    return this;
  }

  handshake(): this {
    this.segment(true, TCP.SYN);
    this.seq.c = (this.seq.c + 1) >>> 0;
    this.segment(false, TCP.SYN | TCP.ACK);
    this.seq.s = (this.seq.s + 1) >>> 0;
    this.segment(true, TCP.ACK);
    return this;
  }

  /**
   * Send `data` from one side in segments of at most `mss` bytes. `drop` lists segment
   * indexes never captured (a gap); `order` permutes the captured ones (out of order).
   */
  send(fromClient: boolean, data: Uint8Array | string, opts: { mss?: number; drop?: number[]; order?: number[]; ackAfter?: boolean } = {}): this {
    const d = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    const mss = opts.mss ?? 1460;
    const mine = fromClient ? 'c' : 's';
    const pieces: Uint8Array[] = [];
    const start = this.seq[mine];
    for (let o = 0; o < d.length; o += mss) {
      pieces.push(this.segment(fromClient, TCP.ACK | TCP.PSH, d.subarray(o, o + mss), (start + o) >>> 0, false));
    }
    this.seq[mine] = (start + d.length) >>> 0;
    const kept = pieces.map((p, i) => ({ p, i })).filter(({ i }) => !(opts.drop ?? []).includes(i));
    const ordered = opts.order ? opts.order.map((i) => kept.find((k) => k.i === i)!).filter(Boolean) : kept;
    for (const { p } of ordered) this.frames.push(p);
    if (opts.ackAfter !== false) this.segment(!fromClient, TCP.ACK);
    return this;
  }

  close(): this {
    this.segment(true, TCP.FIN | TCP.ACK);
    this.seq.c = (this.seq.c + 1) >>> 0;
    this.segment(false, TCP.FIN | TCP.ACK);
    this.seq.s = (this.seq.s + 1) >>> 0;
    this.segment(true, TCP.ACK);
    return this;
  }

  /** The frames as pcap packets, 1 ms apart from `start`. */
  packets(start = 1_700_000_000): Packet[] {
    return packetsOf(this.frames, start);
  }
}

/** Frames as pcap packets, 1 ms apart from `start`. */
export function packetsOf(frames: Uint8Array[], start = 1_700_000_000): Packet[] {
  return frames.map((data, i) => ({ tsSec: start + Math.floor(i / 1000), tsNsec: (i % 1000) * 1_000_000, data }));
}
