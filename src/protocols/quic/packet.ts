import { headerMask, openPayload, type PacketKeys } from './keys.js';

/*
 * QUIC packets as they sit in a UDP datagram (RFC 9000 section 17): long headers, which
 * carry the version and both connection IDs and may be coalesced several to a datagram,
 * and short headers (1-RTT), which carry neither and run to the datagram's end.
 */

/** A variable-length integer (RFC 9000 section 16); null when it runs past `end`. */
export function readVarint(b: Uint8Array, o: number, end = b.length): { value: number; next: number } | null {
  if (o >= end) return null;
  const length = 1 << (b[o]! >> 6);
  if (o + length > end) return null;
  let value = b[o]! & 0x3f;
  for (let i = 1; i < length; i++) value = value * 256 + b[o + i]!;
  return { value, next: o + length };
}

export interface LongHeaderPacket {
  /** Offset of the packet in the datagram, and of the byte after it. */
  start: number;
  end: number;
  firstByte: number;
  /** The fixed bit (0x40), which RFC 9287 lets a sender grease. */
  fixedBit: boolean;
  /** The two type bits, whose meaning depends on the version. */
  typeBits: number;
  version: number;
  dcid: Uint8Array;
  scid: Uint8Array;
  /** Initial and Retry packets carry a token. */
  token: Uint8Array | null;
  /** Offset of the (protected) packet number: what the Length field counts from. */
  pnOffset: number;
  /** Version Negotiation: the versions the server offers. */
  supportedVersions?: number[];
}

/** Connection IDs are at most 20 bytes in QUIC versions 1 and 2 (RFC 9000 section 17.2). */
const MAX_CID_BYTES = 20;

/**
 * Parse the long header at `o`. `initialType` and `retryType` are the version's type bits
 * (RFC 9369 moved them), when the version is known. Returns why it could not, otherwise.
 */
export function parseLongHeader(d: Uint8Array, o: number, types: { initial: number; retry: number } | null): LongHeaderPacket | string {
  const end = d.length;
  if (o + 7 > end) return 'a long header is cut off';
  const firstByte = d[o]!;
  const version = ((d[o + 1]! << 24) | (d[o + 2]! << 16) | (d[o + 3]! << 8) | d[o + 4]!) >>> 0;
  let p = o + 5;
  const dcidLength = d[p++]!;
  if (dcidLength > MAX_CID_BYTES && version !== 0) return `a Destination Connection ID of ${dcidLength} bytes is longer than ${MAX_CID_BYTES}`;
  if (p + dcidLength + 1 > end) return 'a long header is cut off';
  const dcid = d.subarray(p, p + dcidLength);
  p += dcidLength;
  const scidLength = d[p++]!;
  if (scidLength > MAX_CID_BYTES && version !== 0) return `a Source Connection ID of ${scidLength} bytes is longer than ${MAX_CID_BYTES}`;
  if (p + scidLength > end) return 'a long header is cut off';
  const scid = d.subarray(p, p + scidLength);
  p += scidLength;
  const base = { start: o, firstByte, fixedBit: (firstByte & 0x40) !== 0, typeBits: (firstByte >> 4) & 3, version, dcid, scid };
  if (version === 0) {
    // Version Negotiation (RFC 9000 section 17.2.1): a list of versions to the datagram's end.
    const supportedVersions: number[] = [];
    for (; p + 4 <= end; p += 4) supportedVersions.push(((d[p]! << 24) | (d[p + 1]! << 16) | (d[p + 2]! << 8) | d[p + 3]!) >>> 0);
    return { ...base, end, token: null, pnOffset: end, supportedVersions };
  }
  if (!types) return { ...base, end, token: null, pnOffset: end }; // an unknown version: its layout past the IDs is its own
  if (base.typeBits === types.retry) return { ...base, end, token: d.subarray(p, Math.max(p, end - 16)), pnOffset: end };
  let token: Uint8Array | null = null;
  if (base.typeBits === types.initial) {
    const tokenLength = readVarint(d, p);
    if (!tokenLength || tokenLength.next + tokenLength.value > end) return 'an Initial packet is cut off inside its token';
    token = d.subarray(tokenLength.next, tokenLength.next + tokenLength.value);
    p = tokenLength.next + tokenLength.value;
  }
  const length = readVarint(d, p);
  if (!length) return 'a long header is cut off before its Length';
  if (length.next + length.value > end) return `a packet's Length (${length.value}) runs past the end of its datagram`;
  return { ...base, end: length.next + length.value, token, pnOffset: length.next };
}

export interface OpenedPacket {
  /** The packet number, recovered in full (RFC 9000 appendix A.3). */
  packetNumber: number;
  /** The payload: the packet's frames. */
  payload: Buffer;
  /** The header with header protection removed (what the AEAD authenticated). */
  header: Buffer;
}

/**
 * Remove header protection and open the payload (RFC 9001 sections 5.3 and 5.4) of a
 * long-header packet. `largest` is the largest packet number seen so far in that packet
 * number space, from that sender (-1 for none). Returns why it could not, otherwise.
 */
export function openLongPacket(d: Uint8Array, packet: LongHeaderPacket, keys: PacketKeys, largest: number): OpenedPacket | string {
  const sampleAt = packet.pnOffset + 4;
  if (sampleAt + 16 > packet.end) return 'the packet is too short to hold a header protection sample';
  const mask = headerMask(keys.hp, d.subarray(sampleAt, sampleAt + 16));
  const header = Buffer.from(d.subarray(packet.start, packet.pnOffset + 4));
  header[0] = packet.firstByte ^ (mask[0]! & 0x0f);
  const pnLength = (header[0] & 0x03) + 1;
  const at = packet.pnOffset - packet.start;
  let truncated = 0;
  for (let i = 0; i < pnLength; i++) {
    header[at + i] = header[at + i]! ^ mask[1 + i]!;
    truncated = truncated * 256 + header[at + i]!;
  }
  const packetNumber = decodePacketNumber(largest, truncated, pnLength * 8);
  const aad = header.subarray(0, at + pnLength);
  const payload = openPayload(keys, packetNumber, aad, d.subarray(packet.pnOffset + pnLength, packet.end));
  if (!payload) return 'its payload did not authenticate with the Initial keys';
  return { packetNumber, payload, header: Buffer.from(aad) };
}

/** RFC 9000 appendix A.3: the full packet number closest to the next one expected. */
export function decodePacketNumber(largest: number, truncated: number, bits: number): number {
  const expected = largest + 1;
  const window = 2 ** bits;
  const half = window / 2;
  const candidate = Math.floor(expected / window) * window + truncated;
  if (candidate <= expected - half && candidate < 2 ** 62 - window) return candidate + window;
  if (candidate > expected + half && candidate >= window) return candidate - window;
  return candidate;
}
