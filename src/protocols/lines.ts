import { isAscii } from 'node:buffer';
import type { Spool } from '../export/spool.js';
import type { Arrival } from '../reassembly/tcp-stream.js';
import { SegmentList, type SegmentRef } from './segments.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * A line's bytes as text: UTF-8 when they are valid UTF-8, else GB18030 (a superset of
 * GB2312 and GBK, which Chinese mail servers greet in), else Latin-1, byte for byte.
 */
export function lineText(bytes: Uint8Array): string {
  // Nearly every line is ASCII, which all three read alike: Latin-1 is the cheapest to decode.
  if (isAscii(bytes)) return latin1(bytes);
  for (const decoder of [UTF8, GB18030]) {
    try {
      return decoder.decode(bytes);
    } catch {
      // not this charset: try the next
    }
  }
  return latin1(bytes);
}

const latin1 = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString('latin1');

/** One CRLF-terminated line of a text protocol, cited at the frame carrying its line end. */
export interface Line {
  /** The line without CR LF, decoded by lineText (mail protocols are 7-bit; a stray 8-bit greeting is usually UTF-8 or GB2312). */
  text: string;
  /** The line's bytes without CR LF. */
  raw: Buffer;
  /** Frame carrying the line's LF: where Wireshark shows it. */
  frame: number;
  time: number;
  /** Bytes of the line on the wire, CR LF included. */
  bytes: number;
  segments: SegmentRef[];
}

/** Where raw bytes (a BDAT chunk) go: as they come, then once with `done` at the chunk's end. */
type RawSink = (bytes: Uint8Array, frame: number, time: number, done: boolean, completedIn?: Arrival) => void;

/**
 * Splits one direction of a text protocol (SMTP, POP3) into lines, remembering the
 * frames each came in. Lines longer than `maxLineBytes` are cut (the rest is counted, not
 * kept): RFC 5321 allows 1000 bytes, hostile peers send megabytes. `raw(n)` switches to
 * counting n bytes without looking for line ends (SMTP BDAT chunks).
 */
export class LineReader {
  private pieces: Buffer[] = [];
  private kept = 0;
  private length = 0;
  private segments: SegmentList;
  private rawLeft = 0;
  private rawSink: RawSink | null = null;

  constructor(
    private readonly onLine: (line: Line) => void,
    private readonly maxLineBytes: number,
    private readonly maxFrames: number,
  ) {
    this.segments = new SegmentList(maxFrames);
  }

  /** Hand the next `n` bytes to `sink` as they come, instead of splitting them into lines. */
  raw(n: number, sink: RawSink): void {
    this.rawLeft = n;
    this.rawSink = sink;
    if (n === 0) this.endRaw(0, 0);
  }

  private endRaw(frame: number, time: number): void {
    const sink = this.rawSink!;
    this.rawSink = null;
    sink(new Uint8Array(0), frame, time, true);
  }

  data(b: Uint8Array, frame: number, time: number, completedIn?: Arrival): void {
    let o = 0;
    while (o < b.length) {
      if (this.rawSink) {
        const n = Math.min(this.rawLeft, b.length - o);
        this.rawLeft -= n;
        this.rawSink(b.subarray(o, o + n), frame, time, false, completedIn);
        o += n;
        if (this.rawLeft === 0) this.endRaw(frame, time);
        continue;
      }
      const lf = b.indexOf(10, o);
      const end = lf < 0 ? b.length : lf + 1;
      const piece = b.subarray(o, end);
      this.length += piece.length;
      this.segments.add(frame, piece.length, time, completedIn);
      if (this.kept < this.maxLineBytes) {
        const take = piece.subarray(0, this.maxLineBytes - this.kept);
        const copy = Buffer.allocUnsafe(take.length); // from Node's pool, as the frame's buffer is reused
        copy.set(take);
        this.pieces.push(copy);
        this.kept += take.length;
      }
      o = end;
      if (lf >= 0) this.emit(frame, time);
    }
  }

  /** Bytes were lost: the line in progress is dropped. */
  gap(): void {
    this.pieces = [];
    this.kept = 0;
    this.length = 0;
    this.segments = new SegmentList(this.maxFrames);
    if (this.rawSink) this.rawLeft = 0;
  }

  /** The direction ended: a last line without its CRLF still counts. */
  end(frame: number, time: number): void {
    if (this.length > 0) this.emit(frame, time);
  }

  private emit(frame: number, time: number): void {
    // Most lines come whole in one segment: their one piece is already a copy of their own.
    let raw = this.pieces.length === 1 ? this.pieces[0]! : Buffer.concat(this.pieces, this.kept);
    if (raw.at(-1) === 10) raw = raw.subarray(0, -1);
    if (raw.at(-1) === 13) raw = raw.subarray(0, -1);
    const line: Line = {
      text: lineText(raw),
      raw,
      frame: this.segments.shownFrame || frame,
      time: this.segments.shownFrame ? this.segments.shownTime : time,
      bytes: this.length,
      segments: this.segments.list,
    };
    this.pieces = [];
    this.kept = 0;
    this.length = 0;
    this.segments = new SegmentList(this.maxFrames);
    this.onLine(line);
  }
}

const CRLF = Buffer.from('\r\n');
const LF = Buffer.from('\n');

/** Bytes of a message that were not captured: where in its content (after unstuffing) they were, and the frame after them. */
export interface MessageHole {
  offset: number;
  bytes: number;
  frame: number;
  /** Whether it fell before the end of the header fields. */
  inHeader: boolean;
}

/** A dot-terminated block (SMTP DATA, POP3 multi-line responses): its lines, dot-unstuffed, until a line holding only ".". */
export class DotBlock {
  /**
   * The content kept so far, in memory of the block's own, grown by doubling up to maxKeep:
   * the lines' own buffers are small slices of Node's shared 8 KiB pool, and keeping them
   * kept whole pool slabs alive (a build of 500 MiB of lab traffic held 100 MiB of them).
   */
  private kept = Buffer.alloc(0);
  private keptBytes = 0;
  /** Bytes of the block on the wire (stuffing, line ends and the final dot included). */
  wireBytes = 0;
  /** Bytes of content after unstuffing. */
  size = 0;
  readonly segments: SegmentList;
  lines = 0;
  /** Where bytes of the block were not captured (up to maxHoles; the rest counted), at their offset in the content. */
  readonly holes: MessageHole[] = [];
  holesUnlisted = 0;
  /** Whether the empty line ending a message's header fields has come: a hole before it is in the header. */
  private headerEnded = false;
  /** With --export: the line end of the last line spooled, written only once another line follows (see add). */
  private spoolEnding: Uint8Array | null = null;
  private spoolLastEmpty = false;

  constructor(
    private readonly maxKeep: number,
    maxFrames: number,
    /** With --export: the block's content, dot-unstuffed with its line ends as sent, goes here. */
    readonly spool: Spool | null = null,
    private readonly maxHoles = 0,
  ) {
    this.segments = new SegmentList(maxFrames);
  }

  /** Add a line; true when it was the terminating dot. */
  add(line: Line): boolean {
    if (line.raw.length === 0) this.headerEnded = true;
    this.wireBytes += line.bytes;
    for (const s of line.segments) this.segments.add(s.frame, s.bytes, line.time, { frame: line.frame, time: line.time });
    if (line.raw.length === 1 && line.raw[0] === 0x2e) {
      if (this.spoolEnding && !this.spoolLastEmpty) this.spool!.write(this.spoolEnding);
      return true;
    }
    const content = line.raw[0] === 0x2e ? line.raw.subarray(1) : line.raw; // dot-unstuffing (RFC 5321 section 4.5.2)
    if (this.spool) this.spoolLine(line, content);
    this.size += content.length + 2;
    this.lines++;
    this.keep(content);
    this.keep(CRLF);
    return false;
  }

  /** Keep what fits of `bytes` under maxKeep. */
  private keep(bytes: Uint8Array): void {
    const take = Math.min(bytes.length, this.maxKeep - this.keptBytes);
    if (take <= 0) return;
    if (this.keptBytes + take > this.kept.length) {
      const grown = Buffer.allocUnsafeSlow(Math.min(this.maxKeep, Math.max(1024, 2 * (this.keptBytes + take))));
      this.kept.copy(grown, 0, 0, this.keptBytes);
      this.kept = grown;
    }
    this.kept.set(take === bytes.length ? bytes : bytes.subarray(0, take), this.keptBytes);
    this.keptBytes += take;
  }

  /** The content kept, in a buffer of its exact size. */
  get content(): Buffer {
    const content = Buffer.allocUnsafeSlow(this.keptBytes);
    this.kept.copy(content, 0, 0, this.keptBytes);
    return content;
  }

  /**
   * The spooled message is the bytes as sent, dot-unstuffed, as Wireshark 4.0's IMF export
   * writes them: every line with its line end, except that an empty last line loses its
   * CRLF (measured on the recorded captures, test/export.test.ts). So each line's end is
   * written only when the next line, or the lone dot, shows whether it counts.
   */
  private spoolLine(line: Line, content: Buffer): void {
    const spool = this.spool!;
    if (this.spoolEnding) spool.write(this.spoolEnding);
    spool.write(content);
    const ending = line.bytes - line.raw.length; // LineReader strips LF, then CR
    if (ending > 2) spool.cutShort('a line longer than maxLineBytes was cut');
    this.spoolEnding = ending === 1 ? LF : ending === 0 ? null : CRLF;
    this.spoolLastEmpty = content.length === 0;
  }

  /** `n` bytes of the block were not captured before `frame` (the line in progress is lost with them): where they were. */
  gap(n: number, frame = 0): MessageHole {
    this.spool?.gap(n);
    this.spoolEnding = null;
    const hole: MessageHole = { offset: this.size, bytes: n, frame, inHeader: !this.headerEnded };
    if (this.holes.length < this.maxHoles) this.holes.push(hole);
    else this.holesUnlisted++;
    return hole;
  }

  get truncated(): boolean {
    return this.keptBytes < this.size;
  }
}
