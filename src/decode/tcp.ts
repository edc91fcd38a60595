/** TCP header flags (RFC 9293 section 3.1). */
export const TCP_FLAG = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20, ECE: 0x40, CWR: 0x80 } as const;

/** The TCP header fields reassembly needs, and the segment's payload. */
export interface TcpHeader {
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  window: number;
  headerLength: number;
  /** Payload bytes present in the capture (a view). */
  payload: Uint8Array;
  /** Payload bytes the segment carried on the wire (more than payload.length when the capture cut it). */
  payloadLength: number;
}

/**
 * Decode a TCP header. `segment` holds the transport bytes present; `segmentLength` is how
 * many the IP header says there were. Options are skipped by the data offset: reassembly
 * needs none of them (the report's frame view decodes them for display).
 */
export function decodeTcp(segment: Uint8Array, segmentLength: number): TcpHeader | null {
  if (segment.length < 20) return null;
  const headerLength = (segment[12]! >> 4) * 4;
  if (headerLength < 20 || headerLength > segmentLength) return null;
  const payload = segment.subarray(Math.min(headerLength, segment.length));
  return {
    srcPort: (segment[0]! << 8) | segment[1]!,
    dstPort: (segment[2]! << 8) | segment[3]!,
    seq: ((segment[4]! << 24) | (segment[5]! << 16) | (segment[6]! << 8) | segment[7]!) >>> 0,
    ack: ((segment[8]! << 24) | (segment[9]! << 16) | (segment[10]! << 8) | segment[11]!) >>> 0,
    flags: segment[13]!,
    window: (segment[14]! << 8) | segment[15]!,
    headerLength,
    payload,
    payloadLength: segmentLength - headerLength,
  };
}
