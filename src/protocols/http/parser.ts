import { isAscii } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import type { Spool, SpooledBody, Spooler } from '../../export/spool.js';
import type { Limits } from '../../limits.js';
import type { Arrival } from '../../reassembly/tcp-stream.js';
import type { Header } from '../schema.js';
import type { Body } from './schema.js';
import { SegmentList, type SegmentRef } from '../segments.js';
import { warningNote, type WarningValues } from '../../knowledge/warnings.js';
import type { WarningId } from '../../warnings.js';
import { worthKeeping } from './media.js';

/*
 * HTTP/1.x message framing (RFC 9112), written by hand: it must keep each message's
 * frames and byte layout for the report's anatomy view, resume after capture gaps
 * (http-parser-js and llhttp stop at the first hole), and stay in bounded memory.
 */

/** A header field as sent: the model's Header. */
export type HttpHeader = Header;

export interface HttpBodyRecord {
  /** How the body's end was found (RFC 9112 section 6.3). */
  framing: Body['framing'];
  /** Body bytes on the wire, chunk framing included. */
  wireBytes: number;
  /** Entity bytes after de-chunking: what a Content-Length would count. */
  length: number;
  /** Number of data chunks, for chunked bodies. */
  chunks: number;
  /** The first entity bytes (at most maxBodyBytes; none once the capture-wide budget is spent). */
  kept: Uint8Array;
  /** Entity bytes that were never captured (gaps). */
  missingBytes: number;
  /** Where in `kept` bytes were never captured (up to maxMessageHoles), so a form is read on each side of a gap, not across it. */
  holes?: number[];
  /** SHA-256 of the entity bytes captured, hex. */
  sha256: string;
  /** With --export: the entity bytes captured, spooled to a file (still content-coded). */
  spool?: SpooledBody;
}

export interface HttpMessageRecord {
  kind: 'request' | 'response';
  /** Frame carrying the message's last byte: where Wireshark shows the message. */
  frame: number;
  /** Relative time of that frame. */
  time: number;
  segments: SegmentRef[];
  /** Frames past the per-message limit, not listed in segments. */
  unlistedFrames: number;
  /** Bytes of the start line, header fields and blank line. */
  headerBytes: number;
  /** True when lines end in a bare LF instead of CRLF (tolerated, RFC 9112 section 2.2). */
  bareLineFeeds: boolean;
  method: string;
  uri: string;
  status: number;
  reason: string;
  version: string;
  headers: HttpHeader[];
  body: HttpBodyRecord | null;
  /** False when the capture lost part of the message or ended inside it. */
  complete: boolean;
  /** What was wrong with the message, if anything. */
  problems: string[];
}

/** Methods recognised when looking for the start of a request (RFC 9110, WebDAV, and common extensions). */
export const KNOWN_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
  'PROPFIND',
  'PROPPATCH',
  'MKCOL',
  'COPY',
  'MOVE',
  'LOCK',
  'UNLOCK',
  'SEARCH',
  'REPORT',
  'MKACTIVITY',
  'CHECKOUT',
  'MERGE',
  'NOTIFY',
  'SUBSCRIBE',
  'UNSUBSCRIBE',
  'M-SEARCH',
  'PURGE',
  'LINK',
  'UNLINK',
  'PRI',
]);

const REQUEST_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) ([^ ]+) (HTTP\/\d\.\d)$/;
const STATUS_LINE = /^(HTTP\/\d\.\d) ([1-9]\d\d)(?: (.*))?$/; // a status code is three digits, 100 to 999 (RFC 9110 section 15)
/** Why a message is cut short or malformed: an `http.reason.*` id, and what fills its words. */
type Reason = { reason: WarningId } & WarningValues;

/** A chunk-size line longer than this is damage, not HTTP (a size and its extensions fit in far less; RFC 9112 sets no bound). */
const MAX_CHUNK_LINE_BYTES = 1024;
const CR = 13;
const LF = 10;

/**
 * Does this byte string start like an HTTP/1.x message of the given kind? "maybe" when
 * it is too short to tell but is a prefix of one (a start line split across segments).
 */
export function startVerdict(kind: 'request' | 'response', b: Uint8Array): 'yes' | 'no' | 'maybe' {
  if (kind === 'response') {
    const n = Math.min(b.length, HTTP_SLASH.length);
    for (let i = 0; i < n; i++) if (b[i] !== HTTP_SLASH[i]) return 'no';
    return n === HTTP_SLASH.length ? 'yes' : 'maybe';
  }
  let i = 0;
  while (i < b.length && i <= MAX_METHOD_LENGTH && b[i] !== 0x20) {
    const c = b[i]!;
    if (!((c >= 0x41 && c <= 0x5a) || c === 0x2d || c === 0x5f)) return 'no'; // methods are upper-case tokens
    i++;
  }
  if (i === b.length) return i <= MAX_METHOD_LENGTH ? 'maybe' : 'no';
  return b[i] === 0x20 && KNOWN_METHODS.has(Buffer.from(b.subarray(0, i)).toString('latin1')) ? 'yes' : 'no';
}

const HTTP_SLASH = [0x48, 0x54, 0x54, 0x50, 0x2f]; // "HTTP/"
const MAX_METHOD_LENGTH = Math.max(...[...KNOWN_METHODS].map((m) => m.length));

/** What the other direction tells a response parser about the request it answers. */
export interface ResponseContext {
  /** Method of the oldest request still awaiting its final response, if known. */
  pendingMethod(): string | undefined;
}

export interface ParserEvents {
  /** The start line and headers are complete: the body framing is known. */
  head(msg: HttpMessageRecord): void;
  /** The message is complete (or as complete as the capture allows). */
  message(msg: HttpMessageRecord): void;
  /** The connection stops being HTTP/1.x from here (CONNECT tunnel, 101 upgrade, HTTP/2). */
  opaque(id: WarningId, params: WarningValues): void;
  warn(frame: number, id: WarningId, params: WarningValues): void;
  /** Whether the message about to be read will be listed in detail (its frames, body hash and bytes kept). */
  detail(): boolean;
  /** Bytes in `frame` that belong to no message we could read: the start of their message was not captured (Wireshark's "Continuation"). */
  continuation(frame: number, bytes: number): void;
}

/** Shared across a whole capture: how many body bytes may still be kept. */
export interface BodyBudget {
  remaining: number;
}

type State = 'idle' | 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers' | 'close' | 'opaque' | 'resync';

interface BodyInProgress {
  record: HttpBodyRecord;
  pieces: Uint8Array[];
  keptBytes: number;
  keepLimit: number;
  /** Null for a message that is counted but not detailed (past maxExchanges): its bytes are framed, not hashed or kept. */
  hash: Hash | null;
  /** With --export, a detailed body's bytes go here as they arrive. */
  spool: Spool | null;
}

/** One direction of an HTTP connection: bytes in, messages out. */
export class HttpParser {
  private state: State = 'idle';
  private headPieces: Uint8Array[] = [];
  private headBytes = 0;
  private lineLength = 0;
  private lines = 0;
  private msg: HttpMessageRecord | null = null;
  private segments: SegmentList | null = null;
  /** Whether the message being read will be listed in the model (false past maxExchanges). */
  private detailed = true;
  private body: BodyInProgress | null = null;
  /** Bytes left in a Content-Length body or the current chunk. */
  private remaining = 0;
  private chunkLine = '';
  private trailerLineLength = 0;

  constructor(
    readonly kind: 'request' | 'response',
    private readonly events: ParserEvents,
    private readonly limits: Limits,
    private readonly budget: BodyBudget,
    private readonly context?: ResponseContext,
    private readonly spooler?: Spooler,
  ) {}

  data(b: Uint8Array, frame: number, time: number, completedIn?: Arrival): void {
    if (this.state === 'resync') {
      if (startVerdict(this.kind, b) === 'no') {
        this.events.continuation(frame, b.length);
        return;
      }
      this.state = 'idle';
    }
    let o = 0;
    while (o < b.length && this.state !== 'opaque' && this.state !== 'resync') {
      switch (this.state) {
        case 'idle':
          if (b[o] === CR || b[o] === LF) {
            o++; // empty lines between messages are allowed (RFC 9112 section 2.2)
          } else if (startVerdict(this.kind, b.subarray(o)) !== 'no') {
            this.begin();
          } else {
            this.events.continuation(frame, b.length - o);
            this.state = 'resync';
          }
          break;
        case 'head': {
          const end = this.scanHead(b, o);
          const stop = end < 0 ? b.length : end;
          this.headBytes += stop - o;
          this.segments!.add(frame, stop - o, time, completedIn);
          if (this.headBytes > this.limits.maxHeaderBytes) {
            this.events.warn(frame, 'http.headerTooLong', { kind: this.kind, max: this.limits.maxHeaderBytes, limit: 'maxHeaderBytes' });
            this.abandon();
            return;
          }
          this.headPieces.push(Buffer.from(b.subarray(o, stop))); // a copy: Buffer#slice is a view of the reader's reused buffer
          o = stop;
          if (end >= 0) this.parseHead(frame);
          break;
        }
        case 'length':
        case 'chunk-data': {
          const n = Math.min(this.remaining, b.length - o);
          this.entity(b, o, o + n);
          this.segments!.add(frame, n, time, completedIn);
          this.remaining -= n;
          o += n;
          if (this.remaining === 0) {
            if (this.state === 'length') this.finishBody();
            else this.state = 'chunk-end';
          }
          break;
        }
        case 'chunk-end': {
          // The CRLF after a chunk's data.
          const c = b[o];
          if (c !== CR && c !== LF) {
            this.malformed({ reason: 'http.reason.chunkCrlf' });
            return;
          }
          o++;
          this.body!.record.wireBytes++;
          this.segments!.add(frame, 1, time, completedIn);
          if (c === LF) {
            this.state = 'chunk-size';
            this.chunkLine = '';
          }
          break;
        }
        case 'chunk-size': {
          let i = o;
          while (i < b.length && b[i] !== LF) i++;
          const lineDone = i < b.length;
          if (lineDone) i++;
          this.chunkLine += Buffer.from(b.subarray(o, i)).toString('latin1');
          this.body!.record.wireBytes += i - o;
          this.segments!.add(frame, i - o, time, completedIn);
          o = i;
          if (this.chunkLine.length > MAX_CHUNK_LINE_BYTES) return this.malformed({ reason: 'http.reason.chunkLine', max: MAX_CHUNK_LINE_BYTES });
          if (lineDone && !this.chunkSize()) return;
          break;
        }
        case 'trailers': {
          const end = this.scanTrailers(b, o);
          const stop = end < 0 ? b.length : end;
          this.body!.record.wireBytes += stop - o;
          this.segments!.add(frame, stop - o, time, completedIn);
          o = stop;
          if (end >= 0) this.finishBody();
          break;
        }
        case 'close':
          this.entity(b, o, b.length);
          this.segments!.add(frame, b.length - o, time, completedIn);
          o = b.length;
          break;
      }
    }
  }

  /** Index just past the empty line ending the head, or -1 if it is not in `b`. */
  private scanHead(b: Uint8Array, o: number): number {
    for (let i = o; i < b.length; i++) {
      const c = b[i];
      if (c === LF) {
        if (this.lineLength === 0 && this.lines > 0) return i + 1;
        this.lines++;
        this.lineLength = 0;
      } else if (c !== CR) this.lineLength++;
    }
    return -1;
  }

  /** Index just past the empty line ending the trailer section, or -1. */
  private scanTrailers(b: Uint8Array, o: number): number {
    for (let i = o; i < b.length; i++) {
      const c = b[i];
      if (c === LF) {
        if (this.trailerLineLength === 0) return i + 1;
        this.trailerLineLength = 0;
      } else if (c !== CR) this.trailerLineLength++;
    }
    return -1;
  }

  /** Parse a complete chunk-size line; false if it was malformed (the message is then closed). */
  private chunkSize(): boolean {
    const m = /^[ \t]*([0-9a-fA-F]{1,12})[ \t]*(;.*)?\r?\n$/.exec(this.chunkLine);
    if (!m) {
      this.malformed({ reason: 'http.reason.chunkSize', value: this.chunkLine.trim().slice(0, 40) });
      return false;
    }
    const size = parseInt(m[1]!, 16);
    if (size === 0) {
      this.state = 'trailers';
      this.trailerLineLength = 0;
    } else {
      this.body!.record.chunks++;
      this.remaining = size;
      this.state = 'chunk-data';
    }
    return true;
  }

  /** `length` bytes were never captured before the next data. */
  gap(length: number): void {
    switch (this.state) {
      case 'close':
        this.missing(length);
        return;
      case 'length':
      case 'chunk-data': {
        // A hole inside a body of known length costs only those bytes: framing goes on after it.
        const inBody = Math.min(length, this.remaining);
        this.missing(inBody);
        this.remaining -= inBody;
        if (this.remaining > 0) return;
        if (this.state === 'chunk-data') {
          if (length === inBody) this.state = 'chunk-end';
          else this.cutShort({ reason: 'http.reason.gapChunked', bytes: length });
        } else this.finishBody();
        // Whatever the hole held past this body was the start of the next message.
        if (length > inBody) this.state = 'resync';
        return;
      }
      case 'idle':
        this.state = 'resync';
        return;
      case 'opaque':
      case 'resync':
        return;
      default:
        this.cutShort({ reason: this.state === 'head' ? 'http.reason.gapHeader' : 'http.reason.gapChunked', bytes: length });
        this.state = 'resync';
    }
  }

  private missing(n: number): void {
    this.body!.spool?.gap(n);
    const body = this.body!.record;
    body.missingBytes += n;
    const at = this.body!.keptBytes;
    // Only a body with a gap has holes: the record keeps the shape HTTP/2's records share.
    const holes = (body.holes ??= []);
    if (at < this.body!.keepLimit && holes.length < this.limits.maxMessageHoles && holes.at(-1) !== at) holes.push(at);
    body.length += n;
    body.wireBytes += n;
    this.msg!.complete = false;
  }

  /** The direction ended (FIN, RST or end of capture); `closedIn` is the FIN's frame. */
  end(closedIn?: Arrival): void {
    if (this.state === 'close') {
      // Delimited by the close: Wireshark shows the message at the FIN, and lists it among its segments with no data.
      if (closedIn) this.segments!.add(closedIn.frame, 0, closedIn.time);
      this.finishBody();
    } else if (this.state === 'head' || this.msg) this.cutShort({ reason: 'http.reason.ended' });
  }

  private begin(): void {
    this.state = 'head';
    this.headPieces = [];
    this.headBytes = 0;
    this.lineLength = 0;
    this.lines = 0;
    this.msg = null;
    this.body = null;
    this.detailed = this.events.detail();
    // A message that will not be listed needs no frame list: the list stays empty, only the last frame is tracked.
    this.segments = new SegmentList(this.detailed ? this.limits.maxFramesPerMessage : 0);
  }

  private parseHead(frame: number): void {
    const raw = Buffer.concat(this.headPieces);
    this.headPieces = [];
    const head = decodeHeadText(raw);
    const lines = head.split(/\r?\n/);
    const startLine = lines[0] ?? '';
    const msg: HttpMessageRecord = {
      kind: this.kind,
      frame,
      time: 0,
      segments: this.segments!.list,
      unlistedFrames: 0,
      headerBytes: raw.length,
      bareLineFeeds: !head.includes('\r\n'),
      method: '',
      uri: '',
      status: 0,
      reason: '',
      version: '',
      headers: [],
      body: null,
      complete: true,
      problems: [],
    };
    if (this.kind === 'request') {
      const m = REQUEST_LINE.exec(startLine);
      if (!m) return this.notHttp(frame, startLine.slice(0, 80));
      [, msg.method, msg.uri, msg.version] = m as unknown as [string, string, string, string];
    } else {
      const m = STATUS_LINE.exec(startLine);
      if (!m) return this.notHttp(frame, startLine.slice(0, 80));
      msg.version = m[1]!;
      msg.status = Number(m[2]);
      msg.reason = m[3] ?? '';
    }
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      const last = msg.headers[msg.headers.length - 1];
      if ((line[0] === ' ' || line[0] === '\t') && last) {
        last.value += ` ${line.trim()}`; // obsolete line folding (RFC 9112 section 5.2)
        msg.problems.push(`header ${last.name} uses obsolete line folding`);
        continue;
      }
      const colon = line.indexOf(':');
      if (colon <= 0) {
        msg.problems.push(`line ${JSON.stringify(line.slice(0, 60))} is not a header field`);
        continue;
      }
      msg.headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
    }
    this.msg = msg;
    this.events.head(msg);
    this.startBody(msg, frame);
  }

  /** Decide how the body ends (RFC 9112 section 6.3). */
  private startBody(msg: HttpMessageRecord, frame: number): void {
    const te = headerValue(msg.headers, 'transfer-encoding');
    const cl = msg.headers.filter((h) => h.name.toLowerCase() === 'content-length').map((h) => h.value);
    if (msg.method === 'PRI' && msg.version === 'HTTP/2.0') {
      this.finishMessage();
      this.toOpaque('http.preface', {});
      return;
    }
    if (this.kind === 'response') {
      const method = this.context?.pendingMethod();
      const s = msg.status;
      if (s === 101) {
        this.finishMessage();
        this.toOpaque('http.switched', { protocol: headerValue(msg.headers, 'upgrade') ?? '?' });
        return;
      }
      if (method === 'CONNECT' && s >= 200 && s < 300) {
        this.finishMessage();
        this.toOpaque('http.tunnel', {});
        return;
      }
      if (method === 'HEAD' || (s >= 100 && s < 200) || s === 204 || s === 304) return this.finishMessage();
    }
    if (te !== undefined) {
      const codings = te
        .toLowerCase()
        .split(',')
        .map((x) => x.trim());
      if (codings[codings.length - 1] === 'chunked') {
        if (cl.length > 0) msg.problems.push('both Transfer-Encoding and Content-Length are present; Transfer-Encoding wins (RFC 9112 section 6.3)');
        this.openBody('chunked');
        this.state = 'chunk-size';
        this.chunkLine = '';
        return;
      }
      if (this.kind === 'request') return this.malformed({ reason: 'http.reason.transferEncoding', value: te });
      this.openBody('close');
      this.state = 'close';
      return;
    }
    if (cl.length > 0) {
      const values = new Set(cl.flatMap((v) => v.split(',').map((x) => x.trim())));
      const [only] = values;
      if (values.size !== 1 || !/^\d{1,15}$/.test(only!)) return this.malformed({ reason: 'http.reason.contentLength', value: cl.join(', ') });
      const length = Number(only);
      if (length === 0) return this.finishMessage();
      this.openBody('content-length');
      this.remaining = length;
      this.state = 'length';
      return;
    }
    if (this.kind === 'request') return this.finishMessage();
    this.openBody('close');
    this.state = 'close';
  }

  private openBody(framing: HttpBodyRecord['framing']): void {
    const headers = this.msg!.headers;
    const worth = worthKeeping(headerValue(headers, 'content-type'), headerValue(headers, 'content-encoding'));
    this.body = {
      record: { framing, wireBytes: 0, length: 0, chunks: 0, kept: new Uint8Array(0), missingBytes: 0, sha256: '' },
      pieces: [],
      keptBytes: 0,
      keepLimit: this.detailed && worth ? this.limits.maxBodyBytes : 0,
      hash: this.detailed ? createHash('sha256') : null,
      spool: this.detailed && this.spooler ? this.spooler.spool(false) : null,
    };
  }

  /** Entity bytes (de-chunked) arrived: count, hash, keep the first ones. */
  private entity(b: Uint8Array, start: number, end: number): void {
    const body = this.body!;
    const n = end - start;
    body.record.length += n;
    body.record.wireBytes += n;
    // A message that is only counted (past maxExchanges) neither hashes nor keeps: no view is made.
    if (body.hash === null) return;
    const piece = b.subarray(start, end);
    body.hash.update(piece);
    body.spool?.write(piece);
    // Kept bytes come out of the capture-wide budget as they arrive, so bodies in flight on many connections at once do not starve each other.
    const room = Math.min(body.keepLimit - body.keptBytes, this.budget.remaining);
    if (room > 0) {
      const take = piece.subarray(0, room);
      this.budget.remaining -= take.length;
      body.pieces.push(Buffer.from(take)); // a copy: `take` views the reader's reused buffer (Buffer#slice would not copy)
      body.keptBytes += take.length;
    }
  }

  private finishBody(): void {
    const msg = this.msg!;
    msg.body = this.closeBody();
    if (msg.body.missingBytes > 0) msg.problems.push(`${msg.body.missingBytes} body bytes were not captured`);
    this.finishMessage();
  }

  private closeBody(): HttpBodyRecord {
    const body = this.body!;
    body.record.kept = body.pieces.length === 1 ? body.pieces[0]! : Buffer.concat(body.pieces);
    body.record.sha256 = body.hash?.digest('hex') ?? '';
    if (body.spool) body.record.spool = body.spool.close();
    this.body = null;
    return body.record;
  }

  private finishMessage(): void {
    const msg = this.msg!;
    const segs = this.segments!;
    msg.frame = segs.shownFrame;
    msg.time = segs.shownTime;
    msg.unlistedFrames = segs.unlisted;
    this.msg = null;
    this.segments = null;
    this.state = 'idle';
    this.events.message(msg);
  }

  /** The message was cut by a gap, damage or the end of the stream: hand on what we have, marked incomplete. */
  private cutShort(why: Reason): void {
    const msg = this.msg;
    const segs = this.segments;
    if (!msg) {
      if (segs) this.events.warn(segs.lastFrame, 'http.headerCut', { ...why, kind: this.kind, first: segs.firstFrame });
      this.abandon();
      return;
    }
    msg.complete = false;
    msg.problems.push(warningNote({ id: why.reason, params: why }, 'en') ?? why.reason);
    if (this.body) msg.body = this.closeBody();
    this.events.warn(segs!.lastFrame, 'http.incomplete', { ...why, kind: this.kind, text: describe(msg), first: segs!.firstFrame });
    this.finishMessage();
  }

  /** Damage, or a head whose body's length cannot be known: report the message, then look for the next one. */
  private malformed(why: Reason): void {
    this.cutShort(why);
    this.state = 'resync';
  }

  private notHttp(frame: number, startLine: string): void {
    this.events.warn(frame, 'http.notHttp', { kind: this.kind, text: startLine });
    this.abandon();
  }

  private abandon(): void {
    if (this.body) this.closeBody();
    this.msg = null;
    this.body = null;
    this.segments = null;
    this.headPieces = [];
    this.state = 'resync';
  }

  private toOpaque(id: WarningId, params: WarningValues): void {
    this.state = 'opaque';
    this.events.opaque(id, params);
  }

  /** Stop parsing: the other direction found the connection is no longer HTTP/1.x. */
  stop(): void {
    if (this.msg) this.cutShort({ reason: 'http.reason.switched' });
    this.state = 'opaque';
  }
}

function describe(msg: HttpMessageRecord): string {
  return msg.kind === 'request' ? `${msg.method} ${msg.uri.slice(0, 60)}` : `${msg.status} ${msg.reason}`;
}

export function headerValue(headers: HttpHeader[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** Header bytes are ISO-8859-1 by definition; UTF-8 is what they usually are when not ASCII. */
function decodeHeadText(raw: Buffer): string {
  if (isAscii(raw)) return raw.toString('latin1'); // the usual case
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return raw.toString('latin1');
  }
}
