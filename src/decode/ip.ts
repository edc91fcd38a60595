import { Heap } from '@datastructures-js/heap';
import { LIMIT_OPTIONS } from '../limits.js';

/**
 * An address as the hot path carries it: an IPv4 address as its 32-bit value (signed, so
 * it stays a small integer for the engine), an IPv6 address as its RFC 5952 text.
 */
export type Address = number | string;

/** The text of an address: dotted quad for IPv4. */
export function addressText(a: Address): string {
  return typeof a === 'number' ? `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}` : a;
}

/** An IP datagram's transport payload, with the addresses it travelled between. */
export interface IpPacket {
  version: 4 | 6;
  /** The addresses, for lookups: formatting text for every packet costs more than all the rest of decoding. */
  srcKey: Address;
  dstKey: Address;
  /** The addresses as text. */
  readonly src: string;
  readonly dst: string;
  /** Transport protocol number (6 = TCP). */
  protocol: number;
  /** Transport-layer bytes present (a view into the frame, or a reassembled copy). */
  readonly payload: Uint8Array;
  /** The same bytes in place: bytes[payloadStart, payloadEnd), without making a view. */
  bytes: Uint8Array;
  payloadStart: number;
  payloadEnd: number;
  /** Transport-layer bytes the datagram carried on the wire (more than payload.length when the capture cut it). */
  payloadLength: number;
  /** Frames whose fragments made up this datagram, when it was fragmented. */
  fragmentFrames?: number[];
}

export const IPPROTO_TCP = 6;

/** The largest datagram reassembled: IPv4's own limit (its total length is 16 bits). */
const MAX_DATAGRAM_BYTES = 65_535;

/** Bounds on IP fragment reassembly (hostile captures can open endless fragment trains); see limits.ts. */
export interface FragmentLimits {
  /** Datagrams being reassembled at once; the oldest is dropped beyond this. */
  maxPendingDatagrams: number;
  /** Bytes of fragments held for one datagram (duplicates and overlaps included); further fragments of it are dropped. */
  maxFragmentBytes: number;
}

export const DEFAULT_FRAGMENT_LIMITS: FragmentLimits = {
  maxPendingDatagrams: LIMIT_OPTIONS.maxPendingDatagrams.default,
  maxFragmentBytes: LIMIT_OPTIONS.maxFragmentBytes.default,
};

export function ipv4String(b: Uint8Array, o: number): string {
  return `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
}

const ipv4Value = (b: Uint8Array, o: number) => (b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!;

/** An unfragmented IPv4 packet: its addresses become text only if asked. */
class Ipv4Packet implements IpPacket {
  readonly version = 4 as const;
  constructor(
    readonly srcKey: number,
    readonly dstKey: number,
    readonly protocol: number,
    readonly bytes: Uint8Array,
    readonly payloadStart: number,
    readonly payloadEnd: number,
    readonly payloadLength: number,
  ) {}

  get payload(): Uint8Array {
    return this.bytes.subarray(this.payloadStart, this.payloadEnd);
  }

  get src(): string {
    return addressText(this.srcKey);
  }

  get dst(): string {
    return addressText(this.dstKey);
  }
}

/**
 * RFC 5952 text form: lower case, leading zeros dropped, the longest run of zero groups as "::";
 * IPv4-mapped and IPv4-compatible addresses end in dotted decimal, as Wireshark (inet_ntop) writes them.
 */
export function ipv6String(b: Uint8Array, o: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push((b[o + 2 * i]! << 8) | b[o + 2 * i + 1]!);
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestStart === 0 && (bestLen === 6 || (bestLen === 5 && groups[5] === 0xffff))) return `::${bestLen === 5 ? 'ffff:' : ''}${ipv4String(b, o + 12)}`;
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

interface Fragment {
  offset: number;
  data: Uint8Array;
  frame: number;
  /** Arrival order within its datagram: of two fragments at one offset, the first to arrive wins. */
  arrival: number;
}

/** Wireshark's order of precedence: by offset, then by arrival. */
const precedence = (a: Fragment, b: Fragment) => a.offset - b.offset || a.arrival - b.arrival;

interface PendingDatagram {
  /** Fragments in arrival order. */
  pieces: Fragment[];
  /** Fragments that start past `covered`, lowest offset on top: each is taken off once, so a train costs O(n log n) in any order. */
  ahead: Heap<Fragment>;
  /** Bytes from offset 0 covered without a hole so far. */
  covered: number;
  /** Bytes held, against maxFragmentBytes. */
  bytes: number;
  /** Total length, known once the last fragment (MF = 0) arrives. */
  total: number;
}

/** IPv6 extension headers that chain with a Next Header byte and a length in 8-octet units. */
const IPV6_EXTENSIONS = new Set([0, 43, 60, 135, 139, 140]);
const IPV6_FRAGMENT = 44;
const IPV6_AH = 51;
const IPV6_NO_NEXT = 59;

/** Follows the extension headers from `p` (the first of type `next`) to the first that is not one; a Fragment header stops the walk. */
function walkExtensions(b: Uint8Array, p: number, end: number, next: number): { p: number; next: number } | null {
  for (let hops = 0; hops < 16 && (IPV6_EXTENSIONS.has(next) || next === IPV6_AH); hops++) {
    if (p + 2 > end) return null;
    const len = next === IPV6_AH ? (b[p + 1]! + 2) * 4 : (b[p + 1]! + 1) * 8;
    next = b[p]!;
    p += len;
  }
  return p > end ? null : { p, next };
}

/** A packet whose payload is its own array (IPv6, reassembled fragments). */
function withPayload(p: Omit<IpPacket, 'payload' | 'bytes' | 'payloadStart' | 'payloadEnd'>, payload: Uint8Array): IpPacket {
  return { ...p, payload, bytes: payload, payloadStart: 0, payloadEnd: payload.length };
}

/**
 * Decodes IPv4 and IPv6 headers to the transport payload and reassembles fragmented
 * datagrams (IPv4 fragments and the IPv6 Fragment header), as Wireshark does by default.
 */
export class IpDecoder {
  private pending = new Map<string, PendingDatagram>();

  constructor(private readonly limits: FragmentLimits = DEFAULT_FRAGMENT_LIMITS) {}

  /** Fragments dropped because of the bounds, for the report's warnings. */
  droppedFragments = 0;
  /** Fragments taken in (kept for reassembly or dropped): lets the caller tell a fragment from a damaged header. */
  fragmentsSeen = 0;

  /** Datagrams whose fragments never all arrived. */
  get incompleteDatagrams(): number {
    return this.pending.size;
  }

  /** Decode the IP datagram at `b[o]`; the frame's bytes end at `limit`. */
  decode(version: 4 | 6, b: Uint8Array, o: number, frame: number, limit = b.length): IpPacket | null {
    return version === 4 ? this.decodeV4(b, o, frame, limit) : this.decodeV6(b.subarray(0, limit), o, frame);
  }

  private decodeV4(b: Uint8Array, o: number, frame: number, limit: number): IpPacket | null {
    if (limit < o + 20 || b[o]! >> 4 !== 4) return null;
    const headerLength = (b[o]! & 0x0f) * 4;
    if (headerLength < 20) return null;
    let totalLength = (b[o + 2]! << 8) | b[o + 3]!;
    // A zero total length is what TCP segmentation offload leaves: use what was captured.
    if (totalLength === 0) totalLength = limit - o;
    if (totalLength < headerLength) return null;
    const flagsFragment = (b[o + 6]! << 8) | b[o + 7]!;
    const moreFragments = (flagsFragment & 0x2000) !== 0;
    const fragmentOffset = (flagsFragment & 0x1fff) * 8;
    const protocol = b[o + 9]!;
    const start = o + headerLength;
    const end = Math.max(start, Math.min(o + totalLength, limit));
    const payloadLength = totalLength - headerLength;
    if (!moreFragments && fragmentOffset === 0) return new Ipv4Packet(ipv4Value(b, o + 12), ipv4Value(b, o + 16), protocol, b, start, end, payloadLength);
    const payload = start < limit ? b.subarray(start, end) : new Uint8Array(0);
    const src = ipv4String(b, o + 12);
    const dst = ipv4String(b, o + 16);
    const id = (b[o + 4]! << 8) | b[o + 5]!;
    const keys = { src, dst, srcKey: ipv4Value(b, o + 12), dstKey: ipv4Value(b, o + 16) };
    return this.fragment(`4 ${src} ${dst} ${protocol} ${id}`, 4, keys, protocol, fragmentOffset, moreFragments, payload, payloadLength, frame);
  }

  private decodeV6(b: Uint8Array, o: number, frame: number): IpPacket | null {
    if (b.length < o + 40 || b[o]! >> 4 !== 6) return null;
    const payloadLengthField = (b[o + 4]! << 8) | b[o + 5]!;
    const src = ipv6String(b, o + 8);
    const dst = ipv6String(b, o + 24);
    const wireEnd = o + 40 + payloadLengthField;
    const end = Math.min(wireEnd, b.length);
    const chain = walkExtensions(b, o + 40, end, b[o + 6]!);
    if (!chain) return null;
    let { p, next } = chain;
    if (next === IPV6_FRAGMENT) {
      if (p + 8 > end) return null;
      const field = (b[p + 2]! << 8) | b[p + 3]!;
      const offset = field & 0xfff8;
      const more = (field & 1) === 1;
      const id = ((b[p + 4]! << 24) | (b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!) >>> 0;
      next = b[p]!;
      p += 8;
      if (more || offset > 0) {
        // The fragmentable part may itself start with extension headers: walk them once it is whole.
        const whole = this.fragment(
          `6 ${src} ${dst} ${id}`,
          6,
          { src, dst, srcKey: src, dstKey: dst },
          next,
          offset,
          more,
          b.subarray(p, end),
          wireEnd - p,
          frame,
        );
        if (!whole) return null;
        const rest = walkExtensions(whole.payload, 0, whole.payload.length, next);
        if (!rest || rest.next === IPV6_NO_NEXT || rest.next === IPV6_FRAGMENT) return null;
        return withPayload({ ...whole, protocol: rest.next, payloadLength: whole.payloadLength - rest.p }, whole.payload.subarray(rest.p));
      }
      const rest = walkExtensions(b, p, end, next); // an atomic fragment: the datagram is whole
      if (!rest) return null;
      ({ p, next } = rest);
    }
    if (next === IPV6_NO_NEXT || next === IPV6_FRAGMENT) return null;
    return withPayload({ version: 6, src, dst, srcKey: src, dstKey: dst, protocol: next, payloadLength: wireEnd - p }, b.subarray(p, end));
  }

  private fragment(
    key: string,
    version: 4 | 6,
    addresses: { src: string; dst: string; srcKey: Address; dstKey: Address },
    protocol: number,
    offset: number,
    more: boolean,
    payload: Uint8Array,
    payloadLength: number,
    frame: number,
  ): IpPacket | null {
    this.fragmentsSeen++;
    if (payload.length < payloadLength || offset + payload.length > MAX_DATAGRAM_BYTES) {
      this.droppedFragments++; // a cut-off or oversized fragment can never complete a datagram
      return null;
    }
    let d = this.pending.get(key);
    if (!d) {
      if (this.pending.size >= this.limits.maxPendingDatagrams) {
        const oldest = this.pending.keys().next().value as string;
        this.droppedFragments += this.pending.get(oldest)!.pieces.length;
        this.pending.delete(oldest);
      }
      d = { pieces: [], ahead: new Heap<Fragment>(precedence), covered: 0, bytes: 0, total: -1 };
      this.pending.set(key, d);
    }
    // Each fragment costs at least the 8 bytes of a fragment unit, so a train of empty ones is bounded too.
    const cost = Math.max(8, payload.length);
    if (d.bytes + cost > this.limits.maxFragmentBytes) {
      this.droppedFragments++;
      return null;
    }
    const piece: Fragment = { offset, data: Buffer.from(payload), frame, arrival: d.pieces.length };
    d.pieces.push(piece);
    d.bytes += cost;
    d.ahead.push(piece);
    // Grow the hole-free prefix with every fragment that now touches it.
    for (let next = d.ahead.top(); next && next.offset <= d.covered; next = d.ahead.top()) {
      d.ahead.pop();
      d.covered = Math.max(d.covered, next.offset + next.data.length);
    }
    if (!more) d.total = offset + payload.length;
    // Complete when the prefix covers 0..total (fragments starting past the end add nothing, as in Wireshark).
    if (d.total < 0 || d.covered < d.total) return null;
    // Overlaps resolved as Wireshark does: each byte from the fragment of lowest offset holding it, the first to arrive among equals.
    const pieces = d.pieces.filter((x) => x.offset < d.total).sort(precedence);
    const whole = new Uint8Array(d.total);
    let filled = 0;
    for (const p of pieces) {
      const end = Math.min(d.total, p.offset + p.data.length);
      if (end > filled) whole.set(p.data.subarray(filled - p.offset, end - p.offset), filled);
      filled = Math.max(filled, end);
    }
    this.pending.delete(key);
    const fragmentFrames = [...new Set(pieces.map((x) => x.frame))].sort((a, b) => a - b);
    return withPayload({ version, ...addresses, protocol, payloadLength: d.total, fragmentFrames }, whole);
  }
}
