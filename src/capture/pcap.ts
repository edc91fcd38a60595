import { ChunkedFile } from './chunked-file.js';
import { MAX_PACKET_BYTES } from './link-types.js';
import { ReusedFrame, type CaptureReader, type Frame, type ReadWarning } from './frame.js';
import type { WarningValues } from '../knowledge/warnings.js';
import { warning, type WarningId } from '../warnings.js';

const RECORD_HEADER_BYTES = 16;
export const PCAP_HEADER_BYTES = 24;

/** Magic numbers as read little-endian from the first four bytes. */
export const PCAP_MAGIC = {
  usecLE: 0xa1b2c3d4,
  usecBE: 0xd4c3b2a1,
  nsecLE: 0xa1b23c4d,
  nsecBE: 0x4d3cb2a1,
} as const;

/**
 * Classic libpcap files: both byte orders, microsecond and nanosecond timestamps.
 * Written by hand rather than with pcap-parser (see README: it is 3x slower, has no
 * nanosecond magic, drops a cut-off record silently and stalls on a corrupt length);
 * pcap-parser stays as a differential oracle in the tests.
 */
export class PcapReader implements CaptureReader {
  readonly format = 'pcap' as const;
  readonly warnings: ReadWarning[] = [];
  /** A pcap file says nothing of the system or interface it was captured on. */
  readonly origin = null;
  readonly linkType: number;
  readonly snaplen: number;
  readonly nanosecond: boolean;
  private readonly le: boolean;
  private frameNumber = 0;
  private done = false;
  private readonly frame = new ReusedFrame();

  constructor(
    private readonly file: ChunkedFile,
    magic: number,
  ) {
    this.le = magic === PCAP_MAGIC.usecLE || magic === PCAP_MAGIC.nsecLE;
    this.nanosecond = magic === PCAP_MAGIC.nsecLE || magic === PCAP_MAGIC.nsecBE;
    const b = file.buf;
    const p = file.pos;
    this.snaplen = this.u32(b, p + 16);
    // The top bits of the link-type field carry FCS information (pcap-linktype(7)).
    this.linkType = this.u32(b, p + 20) & 0x0fffffff;
    file.consume(PCAP_HEADER_BYTES);
  }

  get linkTypes(): number[] {
    return [this.linkType];
  }

  get timestampDigits(): number {
    return this.nanosecond ? 9 : 6;
  }

  get bytesRead(): number {
    return this.file.consumed;
  }

  private u32(b: Buffer, o: number): number {
    return this.le ? b.readUInt32LE(o) : b.readUInt32BE(o);
  }

  next(): Frame | null {
    if (this.done) return null;
    const file = this.file;
    const number = this.frameNumber + 1;
    if (!file.ensure(RECORD_HEADER_BYTES)) {
      if (file.available > 0) this.stop('capture.cutOffRecordHeader', { next: number, present: file.available });
      this.done = true;
      return null;
    }
    const b = file.buf;
    const p = file.pos;
    const tsSec = this.u32(b, p);
    const tsFrac = this.u32(b, p + 4);
    const capturedLength = this.u32(b, p + 8);
    const originalLength = this.u32(b, p + 12);
    if (capturedLength > MAX_PACKET_BYTES) {
      this.stop('capture.recordTooLong', { next: number, length: capturedLength, max: MAX_PACKET_BYTES });
      return null;
    }
    if (!file.ensure(RECORD_HEADER_BYTES + capturedLength)) {
      this.stop('capture.cutOff', { next: number, present: file.available - RECORD_HEADER_BYTES, length: capturedLength });
      return null;
    }
    const frame = this.frame;
    frame.number = number;
    frame.tsSec = tsSec;
    frame.tsNsec = this.nanosecond ? tsFrac : tsFrac * 1000;
    frame.linkType = this.linkType;
    frame.capturedLength = capturedLength;
    frame.originalLength = originalLength;
    frame.buffer = file.buf;
    frame.offset = file.pos + RECORD_HEADER_BYTES;
    file.consume(RECORD_HEADER_BYTES + capturedLength);
    this.frameNumber = number;
    return frame;
  }

  private stop(id: WarningId, params: WarningValues): void {
    this.warnings.push(warning({ id, frame: this.frameNumber, params: { ...params, last: this.frameNumber } }));
    this.done = true;
  }

  close(): void {
    this.file.close();
  }
}
