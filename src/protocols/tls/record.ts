import { SegmentList, type SegmentRef } from '../segments.js';

/** Record content types (RFC 8446 section 5.1). */
export const CONTENT = { CHANGE_CIPHER_SPEC: 20, ALERT: 21, HANDSHAKE: 22, APPLICATION_DATA: 23, HEARTBEAT: 24 } as const;

export const RECORD_HEADER_BYTES = 5;
/** The longest record a peer may send: 2^14 bytes of plaintext plus 2048 of expansion (RFC 5246 section 6.2.3). */
export const MAX_RECORD_BYTES = 16384 + 2048;

/**
 * Whether `b[o..o+5)` is a plausible TLS record header: a content type of 20–24, a
 * version from SSL 3.0 to TLS 1.3 (0x0300–0x0304), and a length a peer may send. This is
 * how TLS is recognised on any port, and how the record stream is found again after a gap.
 */
export function isRecordHeader(b: Uint8Array, o = 0): boolean {
  if (b.length - o < RECORD_HEADER_BYTES) return false;
  const type = b[o]!;
  const length = (b[o + 3]! << 8) | b[o + 4]!;
  if (type < CONTENT.CHANGE_CIPHER_SPEC || type > CONTENT.HEARTBEAT || b[o + 1] !== 3 || b[o + 2]! > 4) return false;
  // Only application data may be empty (TLS 1.2 allows zero-length fragments of it).
  return length <= MAX_RECORD_BYTES && (length > 0 || type === CONTENT.APPLICATION_DATA);
}

/** One TLS record as it was on the wire, with the frames its bytes came in. */
export interface TlsRecord {
  contentType: number;
  /** The record layer's version field (TLS 1.3 records say 0x0303). */
  version: number;
  /** The fragment: the record's bytes after its 5-byte header (a copy). */
  fragment: Buffer;
  /** The 5-byte header (the additional data of TLS 1.3 AEAD). */
  header: Buffer;
  /** Frame carrying the record's last byte: where Wireshark shows it, and where its decrypted bytes are cited. */
  frame: number;
  time: number;
  /** Every frame the record spans, with its bytes (Wireshark's "N Reassembled TCP Segments"). */
  segments: SegmentRef[];
}

/**
 * Cuts one direction's stream of bytes into TLS records: a record may span many TCP
 * segments and a segment may carry many records. After a gap, or bytes that are no record
 * header, it waits for a segment that starts with one (segments are where senders start
 * records) and goes on from there.
 */
export class RecordReader {
  private header = Buffer.alloc(RECORD_HEADER_BYTES);
  private headerFill = 0;
  private body: Buffer | null = null;
  private bodyFill = 0;
  private segments: SegmentList;
  /** False after a gap or garbage, until a segment starts with a record header again. */
  private synced = true;
  /** Bytes skipped while out of step (garbage or after a gap). */
  skippedBytes = 0;

  constructor(
    private readonly onRecord: (record: TlsRecord) => void,
    /** Called once each time the reader loses the record boundaries (bytes that are no record header). */
    private readonly onLost: (frame: number, reason: 'garbage') => void,
    private readonly maxFrames: number,
  ) {
    this.segments = new SegmentList(maxFrames);
  }

  /** Whether the reader sits between records (no partial record held). */
  get atBoundary(): boolean {
    return this.headerFill === 0 && this.body === null;
  }

  data(b: Uint8Array, frame: number, time: number): void {
    let o = 0;
    if (!this.synced) {
      if (!isRecordHeader(b)) {
        this.skippedBytes += b.length;
        return;
      }
      this.synced = true;
    }
    while (o < b.length) {
      if (this.body === null) {
        const take = Math.min(RECORD_HEADER_BYTES - this.headerFill, b.length - o);
        this.header.set(b.subarray(o, o + take), this.headerFill);
        this.headerFill += take;
        this.segments.add(frame, take, time);
        o += take;
        if (this.headerFill < RECORD_HEADER_BYTES) return;
        if (!isRecordHeader(this.header)) {
          this.reset();
          this.synced = false;
          this.skippedBytes += RECORD_HEADER_BYTES + b.length - o;
          this.onLost(frame, 'garbage');
          return;
        }
        this.body = Buffer.allocUnsafe(this.header.readUInt16BE(3));
        this.bodyFill = 0;
      }
      const take = Math.min(this.body.length - this.bodyFill, b.length - o);
      this.body.set(b.subarray(o, o + take), this.bodyFill);
      this.bodyFill += take;
      if (take > 0) this.segments.add(frame, take, time);
      o += take;
      if (this.bodyFill === this.body.length) this.emit(frame, time);
    }
  }

  /** Bytes were lost: drop the partial record and wait for the next segment that starts one. */
  gap(): void {
    if (!this.atBoundary) this.skippedBytes += this.headerFill + this.bodyFill;
    this.reset();
    this.synced = false;
  }

  /** The bytes of a partial record still held when the direction ended (a cut-off record). */
  get pendingBytes(): number {
    return this.headerFill + this.bodyFill;
  }

  private emit(frame: number, time: number): void {
    const record: TlsRecord = {
      contentType: this.header[0]!,
      version: this.header.readUInt16BE(1),
      fragment: this.body!,
      header: Buffer.from(this.header),
      frame: this.segments.lastFrame || frame,
      time: this.segments.lastFrame ? this.segments.lastTime : time,
      segments: this.segments.list,
    };
    this.reset();
    this.onRecord(record);
  }

  private reset(): void {
    this.headerFill = 0;
    this.body = null;
    this.bodyFill = 0;
    this.segments = new SegmentList(this.maxFrames);
  }
}
