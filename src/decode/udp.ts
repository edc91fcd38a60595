/** IP protocol number of UDP. */
export const IPPROTO_UDP = 17;

/** The UDP header (RFC 768) and where its payload lies. */
export interface UdpHeader {
  srcPort: number;
  dstPort: number;
  /** The length field: header and payload, in bytes. */
  length: number;
  checksum: number;
  /** Payload bytes present in the capture (a view into the frame). */
  payload: Uint8Array;
  /** Payload bytes the datagram carried on the wire (more than payload.length when the capture cut it). */
  payloadLength: number;
}

const HEADER_BYTES = 8;

/**
 * Decode a UDP header. The transport bytes present are `b[start, end)`; `datagramLength` is
 * how many the IP header says there were. Null when the header is cut off or its length
 * field is impossible (shorter than the header, or longer than the IP datagram). A length
 * of 0 is an IPv6 jumbogram's (RFC 2675): the IP length counts.
 */
export function decodeUdp(b: Uint8Array, datagramLength: number, start = 0, end = b.length): UdpHeader | null {
  if (end - start < HEADER_BYTES || datagramLength < HEADER_BYTES) return null;
  const field = (b[start + 4]! << 8) | b[start + 5]!;
  const length = field === 0 ? datagramLength : field;
  if (length < HEADER_BYTES || length > datagramLength) return null;
  const payloadEnd = Math.min(end, start + length);
  return {
    srcPort: (b[start]! << 8) | b[start + 1]!,
    dstPort: (b[start + 2]! << 8) | b[start + 3]!,
    length,
    checksum: (b[start + 6]! << 8) | b[start + 7]!,
    payload: b.subarray(start + HEADER_BYTES, payloadEnd),
    payloadLength: length - HEADER_BYTES,
  };
}
