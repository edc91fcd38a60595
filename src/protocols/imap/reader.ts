import { lineText, type Line } from '../lines.js';
import { SegmentList } from '../segments.js';

/** What an ImapReader hands on, in order. */
export interface ImapReaderSink {
  line(line: Line): void;
  /** Bytes of the literal being read. */
  literalData(bytes: Uint8Array, frame: number, time: number): void;
  /** Bytes of the literal lost in a hole of the capture. */
  literalGap(length: number): void;
  /** The literal's last byte arrived (or was lost); `frame` carried it. */
  literalEnd(frame: number, time: number): void;
}

/**
 * One direction of an IMAP connection, split into CRLF-terminated lines and literals:
 * `{N}` or `{N+}` at the end of a line announces N bytes of data (RFC 9051 section 4.3)
 * that are not lines, after which the line goes on. Written for IMAP rather than on
 * LineReader's raw mode because a literal's length is known: a hole in the capture inside
 * a literal is counted against it, so its end, and the line after it, are still found.
 * Lines longer than `maxLineBytes` are cut (the rest is counted, not kept).
 */
export class ImapReader {
  private pieces: Buffer[] = [];
  private kept = 0;
  private length = 0;
  private segments: SegmentList;
  /** Bytes of the current literal still to come; -1 when reading lines. */
  private literalLeft = -1;

  constructor(
    private readonly sink: ImapReaderSink,
    private readonly maxLineBytes: number,
    private readonly maxFrames: number,
  ) {
    this.segments = new SegmentList(maxFrames);
  }

  /** Read the next `n` bytes as a literal (called from `line`, after a line ending in {n}). */
  literal(n: number, frame: number, time: number): void {
    this.literalLeft = n;
    if (n === 0) this.endLiteral(frame, time);
  }

  /** The literal announced will not come (the server refused a synchronising literal): read lines again. */
  cancelLiteral(): void {
    this.literalLeft = -1;
  }

  private endLiteral(frame: number, time: number): void {
    this.literalLeft = -1;
    this.sink.literalEnd(frame, time);
  }

  data(b: Uint8Array, frame: number, time: number): void {
    let o = 0;
    while (o < b.length) {
      if (this.literalLeft >= 0) {
        const n = Math.min(this.literalLeft, b.length - o);
        this.literalLeft -= n;
        this.sink.literalData(b.subarray(o, o + n), frame, time);
        o += n;
        if (this.literalLeft === 0) this.endLiteral(frame, time);
        continue;
      }
      const lf = b.indexOf(10, o);
      const end = lf < 0 ? b.length : lf + 1;
      const piece = b.subarray(o, end);
      this.length += piece.length;
      this.segments.add(frame, piece.length, time);
      if (this.kept < this.maxLineBytes) {
        const take = piece.subarray(0, this.maxLineBytes - this.kept);
        this.pieces.push(Buffer.from(take));
        this.kept += take.length;
      }
      o = end;
      if (lf >= 0) this.emit(frame, time);
    }
  }

  /** `length` bytes were lost: first from the literal being read, then the line in progress is dropped. Returns the bytes lost outside a literal. */
  gap(length: number, frame: number, time: number): number {
    let rest = length;
    if (this.literalLeft >= 0) {
      const lost = Math.min(length, this.literalLeft);
      this.literalLeft -= lost;
      this.sink.literalGap(lost);
      if (this.literalLeft === 0) this.endLiteral(frame, time);
      rest -= lost;
      if (rest === 0) return 0;
    }
    this.pieces = [];
    this.kept = 0;
    this.length = 0;
    this.segments = new SegmentList(this.maxFrames);
    return rest;
  }

  /** The direction ended: a literal cut short ends here, and a last line without its CRLF still counts. */
  end(frame: number, time: number): void {
    if (this.literalLeft > 0) {
      this.sink.literalGap(this.literalLeft);
      this.endLiteral(frame, time);
    }
    if (this.length > 0) this.emit(frame, time);
  }

  private emit(frame: number, time: number): void {
    let raw = Buffer.concat(this.pieces);
    if (raw.at(-1) === 10) raw = raw.subarray(0, -1);
    if (raw.at(-1) === 13) raw = raw.subarray(0, -1);
    const line: Line = {
      text: lineText(raw),
      raw,
      frame: this.segments.lastFrame || frame,
      time: this.segments.lastFrame ? this.segments.lastTime : time,
      bytes: this.length,
      segments: this.segments.list,
    };
    this.pieces = [];
    this.kept = 0;
    this.length = 0;
    this.segments = new SegmentList(this.maxFrames);
    this.sink.line(line);
  }
}
