/** TCP header flags (RFC 9293 section 3.1). */
export const TCP_FLAG = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20, ECE: 0x40, CWR: 0x80 } as const;

/** The TCP header fields reassembly needs, and where the segment's payload lies. */
export interface TcpHeader {
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  window: number;
  headerLength: number;
  /** Payload bytes present in the capture (a view, made when asked for). */
  readonly payload: Uint8Array;
  /** Payload bytes the segment carried on the wire (more than payload.length when the capture cut it). */
  payloadLength: number;
}

class DecodedTcp implements TcpHeader {
  constructor(
    readonly srcPort: number,
    readonly dstPort: number,
    readonly seq: number,
    readonly ack: number,
    readonly flags: number,
    readonly window: number,
    readonly headerLength: number,
    readonly payloadLength: number,
    private readonly bytes: Uint8Array,
    private readonly payloadStart: number,
    private readonly payloadEnd: number,
  ) {}

  /** A view only for segments that carry data: most frames are bare ACKs, and views cost. */
  get payload(): Uint8Array {
    return this.bytes.subarray(this.payloadStart, this.payloadEnd);
  }
}

/**
 * Decode a TCP header. The transport bytes present are `b[start, end)`; `segmentLength` is
 * how many the IP header says there were. Options are skipped by the data offset: reassembly
 * needs none of them (the report's frame view decodes them for display).
 */
export function decodeTcp(b: Uint8Array, segmentLength: number, start = 0, end = b.length): TcpHeader | null {
  if (end - start < 20) return null;
  const headerLength = (b[start + 12]! >> 4) * 4;
  if (headerLength < 20 || headerLength > segmentLength) return null;
  return new DecodedTcp(
    (b[start]! << 8) | b[start + 1]!,
    (b[start + 2]! << 8) | b[start + 3]!,
    ((b[start + 4]! << 24) | (b[start + 5]! << 16) | (b[start + 6]! << 8) | b[start + 7]!) >>> 0,
    ((b[start + 8]! << 24) | (b[start + 9]! << 16) | (b[start + 10]! << 8) | b[start + 11]!) >>> 0,
    b[start + 13]!,
    (b[start + 14]! << 8) | b[start + 15]!,
    headerLength,
    segmentLength - headerLength,
    b,
    Math.min(start + headerLength, end),
    end,
  );
}
