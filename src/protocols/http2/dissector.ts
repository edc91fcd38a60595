import { createHash, type Hash } from 'node:crypto';
import type { Limits } from '../../limits.js';
import type { StreamHandler } from '../../reassembly/tcp-stream.js';
import { worthKeeping } from '../http/media.js';
import { HttpParser, headerValue, startVerdict, type HttpHeader, type HttpMessageRecord } from '../http/parser.js';
import type { DissectorContext } from '../protocol.js';
import { SegmentList } from '../segments.js';
import {
  CONNECTION_PREFACE,
  DEFAULT_MAX_FRAME_SIZE,
  FLAG,
  FRAME_HEADER_BYTES,
  FRAME_TYPE,
  LARGEST_MAX_FRAME_SIZE,
  SETTING,
  errorCodeName,
  frameTypeName,
  parseFrameHeader,
  parsePriority,
  parseSettings,
  plausibleFrameHeader,
  u31,
  u32,
  type FrameHeader,
  type PriorityFields,
} from './frames.js';
import { HpackDecoder, type HpackBlock, type HpackField } from './hpack.js';
import type { Http2BodyRecord, Http2Collector, Http2ConnectionRecord, Http2ExchangeRecord, Http2MessageRecord } from './records.js';

/*
 * An HTTP/2 connection (RFC 9113), fed each side's bytes in order as TCP reassembly (or,
 * later, TLS decryption) delivers them. It reads the client preface, then frames; header
 * blocks (HEADERS or PUSH_PROMISE, then CONTINUATION) are decoded with that side's HPACK
 * context; each stream becomes an exchange. A capture gap costs the frames it hid: inside
 * a DATA frame only those body bytes; otherwise the side looks for the next frame at the
 * next segment that starts with one, and HPACK goes on knowing which table entries it lost.
 */

export interface Http2Options {
  /**
   * For a connection that asked for an h2c Upgrade the server refused: a dissector for the
   * HTTP/1.1 it stays. It is given every byte from the start. Without it, such a connection
   * is left with a warning.
   */
  http1?: () => StreamHandler;
}

/** Connection-level and per-side work is bounded; debug text of GOAWAY is cut here. */
const GOAWAY_DEBUG_CHARS = 256;
/** HTTP/1.1 connection-specific fields, forbidden in HTTP/2 (RFC 9113 section 8.2.2). */
const CONNECTION_SPECIFIC = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);
const REQUEST_PSEUDO = new Set([':method', ':scheme', ':authority', ':path', ':protocol']);

type SideState = 'start' | 'http1' | 'preface' | 'frame-header' | 'payload' | 'lost' | 'stopped';

interface BodyInProgress {
  record: Http2BodyRecord;
  pieces: Uint8Array[];
  keptBytes: number;
  keepLimit: number;
  hash: Hash | null;
}

/** One side of one stream: its message and what is still arriving. */
interface StreamHalf {
  msg: Http2MessageRecord;
  /** The exchange it belongs to, once attached to a stream. */
  exchange: Http2ExchangeRecord | null;
  segments: SegmentList;
  body: BodyInProgress | null;
  ended: boolean;
}

interface StreamState {
  id: number;
  exchange: Http2ExchangeRecord;
  request: StreamHalf | null;
  response: StreamHalf | null;
  /** Whether each side has sent END_STREAM (or RST_STREAM ended the stream). */
  clientEnded: boolean;
  serverEnded: boolean;
}

/** A header block being gathered from HEADERS or PUSH_PROMISE and its CONTINUATIONs. */
interface HeaderBlock {
  type: number;
  streamId: number;
  promisedId: number;
  fragments: Uint8Array[];
  bytes: number;
  /** Larger than maxHeaderBytes, or damaged by a gap: it cannot be decoded. */
  unreadable: string | null;
  segments: SegmentList;
  /** Frame of the opening frame's last byte, and its time. */
  frame: number;
  time: number;
  endStream: boolean;
  priority: PriorityFields | null;
  padded: boolean;
}

interface CurrentFrame {
  header: FrameHeader;
  /** Payload bytes consumed so far (captured or lost). */
  done: number;
  /** Where the frame's bytes are counted (a message's segment list), if anywhere. */
  segments: SegmentList | null;
  /** Buffered payload (control frames and header block fragments); null when streamed or skipped. */
  pieces: Uint8Array[] | null;
  /** Bytes in `pieces`. */
  kept: number;
  /** The DATA frame's message side, if known. */
  half: StreamHalf | null;
  /** DATA: the Pad Length (known once its byte arrived), -1 before. */
  padLength: number;
  /** Part of the payload was lost in a gap. */
  damaged: boolean;
}

/** One direction of the connection. */
class Side {
  state: SideState = 'start';
  prefaceMatched = 0;
  readonly header = new Uint8Array(FRAME_HEADER_BYTES);
  headerFill = 0;
  headerPieces: { frame: number; bytes: number; time: number }[] = [];
  current: CurrentFrame | null = null;
  block: HeaderBlock | null = null;
  /** The largest frame the peer allows this side to send (its SETTINGS_MAX_FRAME_SIZE). */
  maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
  /** Upgrade: the HTTP/1.1 message before HTTP/2, and where its head ends. */
  http1: HttpParser | null = null;
  http1Message: HttpMessageRecord | null = null;
  /** Length of the head line being scanned, and lines seen: as the HTTP/1.x parser finds a head's end. */
  http1Line = 0;
  http1Lines = 0;
  http1HeadDone = false;
  http1Body = 0;
  ended = false;
  /** Bytes skipped while looking for a frame after a gap. */
  skipped = 0;

  constructor(
    readonly fromClient: boolean,
    readonly decoder: HpackDecoder,
  ) {}
}

export class Http2Dissector implements StreamHandler {
  private readonly client: Side;
  private readonly server: Side;
  private readonly streams = new Map<number, StreamState>();
  /** Highest stream id opened by each side, to tell a new stream from a closed one. */
  private highestClientStream = 0;
  private highestServerStream = 0;
  readonly connection: Http2ConnectionRecord;
  private readonly ends: Pick<Http2ExchangeRecord, 'stream' | 'client' | 'server'>;
  /** Upgrade: events kept until the server's answer shows whether HTTP/2 follows. */
  private held: { fromClient: boolean; bytes: Uint8Array | null; length: number; frame: number; time: number; end?: true }[] | null = null;
  private heldBytes = 0;
  private fallback: StreamHandler | null = null;
  private warnedStreams = false;
  /** Streams whose DATA came without their headers (warned once each). */
  private readonly orphanStreams = new Set<number>();

  constructor(
    private readonly ctx: DissectorContext,
    private readonly collector: Http2Collector,
    private readonly options: Http2Options = {},
  ) {
    const { conn, limits } = ctx;
    this.client = new Side(true, new HpackDecoder(limits.maxHpackTableBytes));
    this.server = new Side(false, new HpackDecoder(limits.maxHpackTableBytes));
    this.ends = { stream: conn.stream, client: conn.client, server: conn.server };
    this.connection = {
      ...this.ends,
      start: 'prior-knowledge',
      prefaceFrame: null,
      upgrade: null,
      settings: [],
      goaways: [],
      pings: 0,
      frames: [],
      framesUnlisted: 0,
      frameCounts: { client: {}, server: {} },
      streams: 0,
      problems: [],
    };
    collector.addConnection(this.connection);
    if (!conn.synSeen) this.midConnection(conn.firstFrame);
  }

  // --- StreamHandler --------------------------------------------------------------

  data(fromClient: boolean, bytes: Uint8Array, frame: number, time: number): void {
    if (this.fallback) return this.fallback.data(fromClient, bytes, frame, time);
    if (this.held) {
      this.hold({ fromClient, bytes: Buffer.from(bytes), length: bytes.length, frame, time });
      if (this.fallback) return;
    }
    const side = fromClient ? this.client : this.server;
    if (side.state === 'start') this.begin(side, bytes, frame, time);
    if (side.state === 'lost') {
      if (!this.resynchronises(side, bytes)) {
        side.skipped += bytes.length;
        return;
      }
      side.state = 'frame-header';
    }
    let o = 0;
    while (o < bytes.length && !this.fallback) {
      switch (side.state) {
        case 'http1':
          o = this.http1(side, bytes, o, frame, time);
          break;
        case 'preface':
          o = this.preface(side, bytes, o, frame);
          break;
        case 'frame-header': {
          const n = Math.min(FRAME_HEADER_BYTES - side.headerFill, bytes.length - o);
          side.header.set(bytes.subarray(o, o + n), side.headerFill);
          side.headerFill += n;
          side.headerPieces.push({ frame, bytes: n, time });
          o += n;
          if (side.headerFill === FRAME_HEADER_BYTES) this.beginFrame(side, frame, time);
          break;
        }
        case 'payload': {
          const cur = side.current!;
          const n = Math.min(cur.header.length - cur.done, bytes.length - o);
          this.payload(side, cur, bytes.subarray(o, o + n), frame, time);
          o += n;
          if (cur.done === cur.header.length) this.endFrame(side, frame, time);
          break;
        }
        default:
          return; // lost again (a bad frame), or stopped
      }
    }
  }

  gap(fromClient: boolean, length: number, frame: number, time: number): void {
    if (this.fallback) return this.fallback.gap(fromClient, length, frame, time);
    if (this.held) {
      this.hold({ fromClient, bytes: null, length, frame, time });
      if (this.fallback) return;
    }
    const side = fromClient ? this.client : this.server;
    const where = `${length} bytes ${fromClient ? 'from the client' : 'from the server'} were not captured before frame ${frame}`;
    switch (side.state) {
      case 'payload': {
        const cur = side.current!;
        const inFrame = Math.min(length, cur.header.length - cur.done);
        cur.damaged = true;
        if (cur.header.type === FRAME_TYPE.DATA && cur.half) this.missing(cur.half, inFrame); // padding lost counts as body: it cannot be told apart
        cur.done += inFrame;
        if (cur.done === cur.header.length) this.endFrame(side, frame, time);
        if (length > inFrame) this.lose(side, frame, where);
        return;
      }
      case 'frame-header':
        // Even at a frame boundary the hole held frames of unknown lengths.
        return this.lose(side, frame, where);
      case 'start':
      case 'preface':
      case 'http1':
        this.midConnection(frame);
        return this.lose(side, frame, where);
      default:
        return;
    }
  }

  end(fromClient: boolean): void {
    if (this.fallback) return this.fallback.end(fromClient);
    if (this.held) {
      this.hold({ fromClient, bytes: null, length: 0, frame: 0, time: 0, end: true });
      // The connection ended before the server answered the Upgrade: nothing more will tell.
      if (!fromClient || this.client.ended) this.refused(null);
      if (this.fallback) return;
    }
    const side = fromClient ? this.client : this.server;
    if (side.ended) return;
    side.ended = true;
    if (side.state === 'payload' || (side.state === 'frame-header' && side.headerFill > 0))
      this.warn(this.ctx.conn.lastFrame, `the connection ended inside an HTTP/2 frame from the ${fromClient ? 'client' : 'server'}`);
    if (side.block) this.abandonBlock(side, 'the connection ended before the header block was complete');
    side.state = 'stopped';
    for (const s of [...this.streams.values()]) {
      const half = fromClient ? s.request : s.response;
      if (half && !half.ended) this.finish(half, 'the connection ended before the stream did', null);
      if (fromClient) s.clientEnded = true;
      else s.serverEnded = true;
      if (s.clientEnded && s.serverEnded) this.streams.delete(s.id);
    }
  }

  // --- start of each side: preface, Upgrade, or the middle of a connection ----------

  private begin(side: Side, bytes: Uint8Array, frame: number, time: number): void {
    if (!side.fromClient) {
      // The server's first bytes are a 101 (Upgrade) or its SETTINGS; mid-connection, frames are found by resync.
      side.state = this.connection.start === 'upgrade' ? 'http1' : this.connection.start === 'mid-connection' ? 'lost' : 'frame-header';
      return;
    }
    if (startsWith(bytes, CONNECTION_PREFACE)) side.state = 'preface';
    else if (this.connection.start !== 'mid-connection' && startVerdict('request', bytes) === 'yes') {
      this.connection.start = 'upgrade';
      side.state = 'http1';
      // Until the server answers, this may yet be a plain HTTP/1.1 connection: keep what comes.
      this.held = [];
      this.hold({ fromClient: true, bytes: Buffer.from(bytes), length: bytes.length, frame, time });
      if (this.server.state === 'start') this.server.state = 'http1';
    } else {
      this.midConnection(frame);
      side.state = 'lost';
    }
  }

  /** The capture began after the connection did: the HPACK tables' earlier entries are unknown. */
  private midConnection(frame: number): void {
    if (this.connection.start === 'mid-connection') return;
    this.connection.start = 'mid-connection';
    this.client.decoder.lose(frame);
    this.server.decoder.lose(frame);
    this.problem(frame, 'the capture does not hold the start of this HTTP/2 connection: header fields that refer to earlier table entries are shown as lost');
  }

  private preface(side: Side, bytes: Uint8Array, o: number, frame: number): number {
    const n = Math.min(CONNECTION_PREFACE.length - side.prefaceMatched, bytes.length - o);
    for (let i = 0; i < n; i++) {
      if (bytes[o + i] !== CONNECTION_PREFACE[side.prefaceMatched + i]) {
        this.lose(side, frame, 'the client connection preface is malformed');
        return bytes.length;
      }
    }
    side.prefaceMatched += n;
    if (side.prefaceMatched === CONNECTION_PREFACE.length) {
      side.state = 'frame-header';
      this.connection.prefaceFrame = frame;
    }
    return o + n;
  }

  /**
   * The HTTP/1.1 request (client) or 101 response (server) of an h2c Upgrade, read by the
   * HTTP/1.x parser. Only where its head ends is found here, so that the bytes after it go
   * to HTTP/2 (the parser itself stops at the switch and drops them).
   */
  private http1(side: Side, bytes: Uint8Array, o: number, frame: number, time: number): number {
    if (!side.http1) {
      side.http1 = new HttpParser(
        side.fromClient ? 'request' : 'response',
        {
          head: (msg) => (side.http1Message = msg),
          message: (msg) => (side.http1Message = msg),
          opaque: () => {},
          warn: (f, message) => this.warn(f, message),
          detail: () => true,
          continuation: () => {},
        },
        this.ctx.limits,
        this.collector.budget,
      );
    }
    let end = o;
    if (!side.http1HeadDone) {
      // Find the empty line ending the head (CRLF CRLF, or bare LFs).
      while (end < bytes.length && !side.http1HeadDone) {
        const c = bytes[end++]!;
        if (c === 10) {
          if (side.http1Line === 0 && side.http1Lines > 0) side.http1HeadDone = true;
          side.http1Lines++;
          side.http1Line = 0;
        } else if (c !== 13) side.http1Line++;
      }
      side.http1.data(bytes.subarray(o, end), frame, time);
      if (!side.http1HeadDone) return end;
      const msg = side.http1Message;
      const length = Number(msg ? (headerValue(msg.headers, 'content-length') ?? 0) : 0);
      side.http1Body = Number.isSafeInteger(length) && length > 0 ? length : 0;
      if (side.http1Body === 0) this.http1Done(side, frame);
      return end;
    }
    // An Upgrade request with a body (RFC 7540 section 3.2 allows one): its Content-Length bytes.
    const n = Math.min(side.http1Body, bytes.length - o);
    side.http1.data(bytes.subarray(o, o + n), frame, time);
    side.http1Body -= n;
    if (side.http1Body === 0) this.http1Done(side, frame);
    return o + n;
  }

  private http1Done(side: Side, frame: number): void {
    const msg = side.http1Message;
    if (side.fromClient) {
      side.state = 'preface';
      if (!msg) return this.refused(null);
      this.connection.upgrade = { request: msg, response: null };
      const upgrade = (headerValue(msg.headers, 'upgrade') ?? '').toLowerCase();
      if (!/(^|[\s,])h2c($|[\s,])/.test(upgrade)) return this.refused(null);
      const settings = headerValue(msg.headers, 'http2-settings');
      if (settings !== undefined) {
        const values = parseSettings(Buffer.from(settings, 'base64url'));
        this.connection.settings.push({ frame: msg.frame, fromClient: true, ack: false, values, inUpgradeHeader: true });
        this.applySettings(this.client, values);
      }
      return;
    }
    if (!msg || msg.status !== 101) return this.refused(msg);
    if (this.connection.upgrade) this.connection.upgrade.response = msg;
    side.state = 'frame-header';
    this.held = null;
    this.heldBytes = 0;
    this.openUpgradeStream(frame);
  }

  /** Stream 1 of an Upgrade: the HTTP/1.1 request, whose response comes as HTTP/2 (RFC 7540 section 3.2). */
  private openUpgradeStream(frame: number): void {
    const request = this.connection.upgrade?.request;
    if (!request) return;
    const headers = request.headers;
    const msg: Http2MessageRecord = {
      kind: 'request',
      streamId: 1,
      frame: request.frame,
      time: request.time,
      headerBlockFrame: request.frame,
      endStreamFrame: request.frame,
      segments: request.segments,
      unlistedFrames: request.unlistedFrames,
      headerBytes: request.headerBytes,
      bareLineFeeds: request.bareLineFeeds,
      headerListSize: 0,
      method: request.method,
      uri: request.uri,
      scheme: 'http',
      authority: headerValue(headers, 'host') ?? '',
      status: 0,
      reason: '',
      version: request.version,
      pseudoHeaders: [],
      headers,
      fields: [],
      fieldsUnlisted: 0,
      trailers: [],
      priority: null,
      padded: false,
      body: request.body,
      complete: request.complete,
      problems: [...request.problems],
    };
    const state = this.openStream(1, frame, false, null);
    if (!state) return;
    state.exchange.upgrade = true;
    state.exchange.request = msg;
    state.request = { msg, exchange: state.exchange, segments: new SegmentList(0), body: null, ended: true };
    state.clientEnded = true;
    this.collector.requests++;
  }

  /** The server did not switch (or never answered): the connection is HTTP/1.1 throughout. */
  private refused(response: HttpMessageRecord | null): void {
    const held = this.held ?? [];
    this.held = null;
    const make = this.options.http1;
    this.client.state = this.server.state = 'stopped';
    const listed = this.collector.connections.indexOf(this.connection);
    if (listed >= 0) this.collector.connections.splice(listed, 1);
    if (!make) {
      this.warn(
        response?.frame ?? this.ctx.conn.lastFrame,
        `the client asked for an h2c Upgrade, but ${response ? `the server answered ${response.status}` : 'no 101 Switching Protocols came'}: the connection stays HTTP/1.1`,
      );
      return;
    }
    this.fallback = make();
    for (const h of held) {
      if (h.end) this.fallback.end(h.fromClient);
      else if (h.bytes) this.fallback.data(h.fromClient, h.bytes, h.frame, h.time);
      else this.fallback.gap(h.fromClient, h.length, h.frame, h.time);
    }
  }

  private hold(event: NonNullable<Http2Dissector['held']>[number]): void {
    if (!this.held) return;
    this.held.push(event);
    this.heldBytes += event.bytes?.length ?? 0;
    // Both heads fit in maxHeaderBytes each: more before a 101 means no Upgrade is happening.
    if (this.heldBytes > 2 * this.ctx.limits.maxHeaderBytes) this.refused(null);
  }

  // --- frames -----------------------------------------------------------------------

  /** After a gap: does this segment start with frames a correct peer would send? */
  private resynchronises(side: Side, bytes: Uint8Array): boolean {
    if (bytes.length < FRAME_HEADER_BYTES) return false;
    let o = 0;
    while (o + FRAME_HEADER_BYTES <= bytes.length) {
      const header = parseFrameHeader(bytes, o);
      if (!plausibleFrameHeader(header, side.maxFrameSize)) return false;
      o += FRAME_HEADER_BYTES + header.length;
    }
    if (side.skipped > 0)
      this.warn(undefined, `after ${side.skipped} bytes skipped, HTTP/2 frames from the ${side.fromClient ? 'client' : 'server'} are read again`);
    side.skipped = 0;
    side.headerFill = 0;
    side.headerPieces = [];
    return true;
  }

  /** The side's frames can no longer be followed: look for the next frame at a segment start. */
  private lose(side: Side, frame: number, why: string): void {
    this.problem(frame, `HTTP/2 from the ${side.fromClient ? 'client' : 'server'}: ${why}; frames are skipped until one starts a segment`);
    if (side.block) this.abandonBlock(side, why);
    if (side.current?.half) this.damage(side.current.half, why);
    side.current = null;
    side.headerFill = 0;
    side.headerPieces = [];
    side.state = 'lost';
    // A header block may have been in what was lost: the HPACK table may have changed unseen.
    side.decoder.lose(frame);
    for (const s of this.streams.values()) {
      const half = side.fromClient ? s.request : s.response;
      if (half && !half.ended) this.damage(half, `frames of this connection were lost before frame ${frame}`);
    }
  }

  private beginFrame(side: Side, frame: number, time: number): void {
    const header = parseFrameHeader(side.header);
    side.headerFill = 0;
    const cur: CurrentFrame = { header, done: 0, segments: null, pieces: null, kept: 0, half: null, padLength: -1, damaged: false };
    // Still read: its length says where the next frame starts, even when it breaks the peer's limit.
    if (header.length > side.maxFrameSize)
      this.problem(
        frame,
        `a ${frameTypeName(header.type) ?? 'frame'} of ${header.length} bytes is larger than the ${side.maxFrameSize} the peer allows: FRAME_SIZE_ERROR`,
      );
    const block = side.block;
    if (block && !(header.type === FRAME_TYPE.CONTINUATION && header.streamId === block.streamId)) {
      this.abandonBlock(side, `a ${frameTypeName(header.type) ?? `type ${header.type}`} frame came where a CONTINUATION of stream ${block.streamId} was due`);
    }
    switch (header.type) {
      case FRAME_TYPE.HEADERS:
      case FRAME_TYPE.PUSH_PROMISE:
        side.block = {
          type: header.type,
          streamId: header.streamId,
          promisedId: 0,
          fragments: [],
          bytes: 0,
          unreadable: null,
          segments: new SegmentList(this.ctx.limits.maxFramesPerMessage),
          frame,
          time,
          endStream: header.type === FRAME_TYPE.HEADERS && (header.flags & FLAG.END_STREAM) !== 0,
          priority: null,
          padded: (header.flags & FLAG.PADDED) !== 0,
        };
        cur.segments = side.block.segments;
        cur.pieces = [];
        break;
      case FRAME_TYPE.CONTINUATION:
        if (side.block) {
          cur.segments = side.block.segments;
          cur.pieces = [];
        } else this.problem(frame, `a CONTINUATION frame on stream ${header.streamId} follows no HEADERS or PUSH_PROMISE`);
        break;
      case FRAME_TYPE.DATA: {
        const s = this.streams.get(header.streamId);
        const half = s ? (side.fromClient ? s.request : s.response) : null;
        if (half && !half.ended) {
          cur.half = half;
          cur.segments = half.segments;
          half.body ??= this.openBody(half);
        }
        break;
      }
      case FRAME_TYPE.SETTINGS:
      case FRAME_TYPE.PING:
      case FRAME_TYPE.GOAWAY:
      case FRAME_TYPE.RST_STREAM:
      case FRAME_TYPE.PRIORITY:
      case FRAME_TYPE.WINDOW_UPDATE:
        cur.pieces = [];
        break;
      default:
        break; // unknown types are skipped (RFC 9113 section 5.5)
    }
    for (const p of side.headerPieces) cur.segments?.add(p.frame, p.bytes, p.time);
    side.headerPieces = [];
    side.current = cur;
    side.state = 'payload';
    if (header.length === 0) this.endFrame(side, frame, time);
  }

  private payload(side: Side, cur: CurrentFrame, chunk: Uint8Array, frame: number, time: number): void {
    cur.segments?.add(frame, chunk.length, time);
    if (cur.header.type === FRAME_TYPE.DATA) this.dataBytes(cur, chunk);
    else if (cur.pieces) {
      // Buffered frames are bounded by maxHeaderBytes: a header block as a whole, a control frame alone.
      const inBlock = side.block !== null && cur.segments === side.block.segments;
      const room = this.ctx.limits.maxHeaderBytes - cur.kept - (inBlock ? side.block!.bytes : 0);
      const take = chunk.subarray(0, Math.max(0, Math.min(room, chunk.length)));
      if (take.length < chunk.length && inBlock) {
        side.block!.unreadable ??= `its header block is larger than ${this.ctx.limits.maxHeaderBytes} bytes (maxHeaderBytes)`;
        cur.pieces = null;
      } else if (take.length > 0) {
        cur.pieces.push(Buffer.from(take)); // a copy: `chunk` views the reader's reused buffer
        cur.kept += take.length;
      }
    }
    cur.done += chunk.length;
  }

  /** DATA payload: the Pad Length byte, then data for the body, then padding (RFC 9113 section 6.1). */
  private dataBytes(cur: CurrentFrame, chunk: Uint8Array): void {
    let o = 0;
    const padded = (cur.header.flags & FLAG.PADDED) !== 0;
    if (padded && cur.done === 0 && chunk.length > 0) {
      cur.padLength = chunk[0]!;
      o = 1;
    }
    const dataStart = padded ? 1 : 0;
    const dataEnd = Math.max(dataStart, cur.header.length - Math.max(cur.padLength, 0));
    const from = Math.max(cur.done + o, dataStart);
    const to = Math.min(cur.done + chunk.length, dataEnd);
    if (to > from && cur.half?.body) this.entity(cur.half.body, chunk.subarray(from - cur.done, to - cur.done));
  }

  private endFrame(side: Side, frame: number, time: number): void {
    const cur = side.current!;
    side.current = null;
    side.state = 'frame-header';
    const h = cur.header;
    const payload = cur.pieces ? (cur.pieces.length === 1 ? cur.pieces[0]! : Buffer.concat(cur.pieces)) : null;
    this.listFrame(side, h, frame);
    switch (h.type) {
      case FRAME_TYPE.DATA:
        return this.endData(side, cur, frame);
      case FRAME_TYPE.HEADERS:
      case FRAME_TYPE.PUSH_PROMISE:
      case FRAME_TYPE.CONTINUATION:
        return this.blockFragment(side, cur, payload, frame, time);
      case FRAME_TYPE.SETTINGS: {
        if (!payload || cur.damaged) return;
        const values = parseSettings(payload);
        if (this.connection.settings.length < this.ctx.limits.maxPacketRows)
          this.connection.settings.push({ frame, fromClient: side.fromClient, ack: (h.flags & FLAG.ACK) !== 0, values });
        if (!(h.flags & FLAG.ACK)) this.applySettings(side, values);
        return;
      }
      case FRAME_TYPE.PING:
        this.connection.pings++;
        return;
      case FRAME_TYPE.GOAWAY: {
        if (!payload || payload.length < 8) return;
        const errorCode = u32(payload, 4);
        if (this.connection.goaways.length < this.ctx.limits.maxPacketRows)
          this.connection.goaways.push({
            frame,
            fromClient: side.fromClient,
            lastStreamId: u31(payload, 0),
            errorCode,
            error: errorCodeName(errorCode),
            debug: Buffer.from(payload.subarray(8)).toString('utf8').slice(0, GOAWAY_DEBUG_CHARS),
          });
        return;
      }
      case FRAME_TYPE.RST_STREAM:
        if (payload && payload.length === 4) this.reset(side, h.streamId, u32(payload, 0), frame);
        return;
      default:
        return;
    }
  }

  private listFrame(side: Side, h: FrameHeader, frame: number): void {
    const name = frameTypeName(h.type);
    const counts = side.fromClient ? this.connection.frameCounts.client : this.connection.frameCounts.server;
    const key = name ?? `0x${h.type.toString(16).padStart(2, '0')}`;
    counts[key] = (counts[key] ?? 0) + 1;
    if (this.connection.frames.length < this.ctx.limits.maxPacketRows)
      this.connection.frames.push({ frame, fromClient: side.fromClient, type: h.type, name, flags: h.flags, streamId: h.streamId, length: h.length });
    else this.connection.framesUnlisted++;
  }

  /** SETTINGS from one side bound what the other sends: its header table and its frame size. */
  private applySettings(from: Side, values: { id: number; value: number }[]): void {
    const peer = from === this.client ? this.server : this.client;
    for (const { id, value } of values) {
      if (id === SETTING.HEADER_TABLE_SIZE) peer.decoder.setAllowedSize(value);
      if (id === SETTING.MAX_FRAME_SIZE && value >= DEFAULT_MAX_FRAME_SIZE && value <= LARGEST_MAX_FRAME_SIZE) peer.maxFrameSize = value;
    }
  }

  private endData(side: Side, cur: CurrentFrame, frame: number): void {
    const half = cur.half;
    if (!half) {
      const s = this.streams.get(cur.header.streamId);
      // Once per stream: a capture that began mid-connection has many such frames.
      if (!s && cur.header.streamId !== 0 && cur.header.length > 0 && !this.orphanStreams.has(cur.header.streamId)) {
        if (this.orphanStreams.size < this.ctx.limits.maxHttp2Streams) this.orphanStreams.add(cur.header.streamId);
        this.problem(frame, `DATA on stream ${cur.header.streamId}, whose headers were not captured or which had ended`);
      }
      return;
    }
    if (half.body) {
      half.body.record.dataFrames++;
      half.body.record.wireBytes += FRAME_HEADER_BYTES + cur.header.length;
      if (cur.header.flags & FLAG.PADDED) {
        half.body.record.paddingBytes += 1 + Math.max(cur.padLength, 0);
        if (cur.padLength >= cur.header.length)
          this.note(half.msg, "a DATA frame's padding is not shorter than the frame: PROTOCOL_ERROR (RFC 9113 section 6.1)");
      }
    }
    if (cur.header.flags & FLAG.END_STREAM) this.endStream(side, cur.header.streamId, frame);
  }

  // --- header blocks ---------------------------------------------------------------

  private blockFragment(side: Side, cur: CurrentFrame, payload: Uint8Array | null, frame: number, time: number): void {
    const block = side.block;
    if (!block) return;
    if (cur.damaged) block.unreadable ??= 'part of its header block was not captured';
    if (payload && !block.unreadable) {
      let start = 0;
      let end = payload.length;
      if (cur.header.type !== FRAME_TYPE.CONTINUATION && cur.header.flags & FLAG.PADDED) {
        end -= payload[0] ?? 0;
        start = 1;
      }
      if (cur.header.type === FRAME_TYPE.HEADERS && cur.header.flags & FLAG.PRIORITY) {
        if (payload.length >= start + 5) block.priority = parsePriority(payload, start);
        start += 5;
      }
      if (cur.header.type === FRAME_TYPE.PUSH_PROMISE) {
        if (payload.length >= start + 4) block.promisedId = u31(payload, start);
        start += 4;
      }
      if (end < start) block.unreadable = 'its padding is longer than the frame: PROTOCOL_ERROR';
      else {
        block.fragments.push(payload.subarray(start, end));
        block.bytes += end - start;
      }
    }
    if (cur.header.type !== FRAME_TYPE.CONTINUATION) {
      block.frame = frame;
      block.time = time;
    }
    if (cur.header.flags & FLAG.END_HEADERS) {
      side.block = null;
      this.completeBlock(side, block, frame);
    }
  }

  private abandonBlock(side: Side, why: string): void {
    const block = side.block!;
    side.block = null;
    side.decoder.lose(block.frame);
    this.problem(
      block.frame,
      `the header block of stream ${block.streamId} could not be read (${why}); later header fields that refer to its table entries are shown as lost`,
    );
  }

  private completeBlock(side: Side, block: HeaderBlock, frame: number): void {
    if (block.unreadable) {
      side.decoder.lose(frame);
      this.problem(block.frame, `the header block of stream ${block.streamId} could not be read: ${block.unreadable}`);
      return;
    }
    const decoded = side.decoder.decode(block.fragments.length === 1 ? block.fragments[0]! : Buffer.concat(block.fragments), this.ctx.limits.maxHeaderBytes);
    for (const note of side.decoder.notes.splice(0)) this.problem(block.frame, `HPACK from the ${side.fromClient ? 'client' : 'server'}: ${note}`);
    if (decoded.error) {
      side.decoder.lose(frame);
      this.problem(block.frame, `HPACK could not decode the header block of stream ${block.streamId} (${decoded.error}); what came before the error is kept`);
    }
    if (block.type === FRAME_TYPE.PUSH_PROMISE) return this.pushPromise(block, decoded, frame);
    if (block.streamId === 0) return this.problem(block.frame, 'a HEADERS frame on stream 0: PROTOCOL_ERROR');
    if (side.fromClient) this.clientHeaders(block, decoded, frame);
    else this.serverHeaders(block, decoded, frame);
  }

  private clientHeaders(block: HeaderBlock, decoded: HpackBlock, frame: number): void {
    let s = this.streams.get(block.streamId);
    if (s?.request && !s.request.ended) return this.trailers(s.request, block, decoded, frame);
    if (s?.request || (!s && block.streamId <= this.highestClientStream)) {
      this.problem(block.frame, `HEADERS from the client on stream ${block.streamId}, which is already closed`);
      return;
    }
    s ??= this.openStream(block.streamId, block.frame, false, null) ?? undefined;
    if (!s) return;
    const half = this.message('request', block, decoded, frame, s.exchange);
    s.request = half;
    s.exchange.request = half.msg;
    this.collector.requests++;
    if (block.endStream) this.endStream(this.client, block.streamId, frame);
  }

  private serverHeaders(block: HeaderBlock, decoded: HpackBlock, frame: number): void {
    const s = this.streams.get(block.streamId);
    if (!s) {
      if (block.streamId <= Math.max(this.highestClientStream, this.highestServerStream))
        return this.problem(block.frame, `HEADERS from the server on stream ${block.streamId}, which is closed or was never opened`);
      // The request was not captured (it fell in a gap, or before the capture began).
      const opened = this.openStream(block.streamId, block.frame, false, null);
      if (!opened) return;
      return this.serverHeaders(block, decoded, frame);
    }
    if (s.response && !s.response.ended) return this.trailers(s.response, block, decoded, frame);
    if (s.response) return this.problem(block.frame, `HEADERS from the server on stream ${block.streamId} after its response ended`);
    const half = this.message('response', block, decoded, frame, s.exchange);
    const status = half.msg.status;
    if (status >= 100 && status < 200 && status !== 101) {
      half.ended = true;
      // Interim responses are bounded like rows of the packet list: a peer may send any number.
      if (s.exchange.informational.length < this.ctx.limits.maxPacketRows) s.exchange.informational.push(half.msg);
      this.collector.responses++;
      if (block.endStream) half.msg.problems.push('an interim (1xx) response ends the stream: PROTOCOL_ERROR (RFC 9113 section 8.1)');
      return;
    }
    s.response = half;
    s.exchange.response = half.msg;
    this.collector.responses++;
    if (block.endStream) this.endStream(this.server, block.streamId, frame);
  }

  private pushPromise(block: HeaderBlock, decoded: HpackBlock, frame: number): void {
    const id = block.promisedId;
    if (id === 0 || id % 2 !== 0 || this.streams.has(id) || id <= this.highestServerStream) {
      this.problem(block.frame, `a PUSH_PROMISE on stream ${block.streamId} promises stream ${id}, which a server may not open`);
      return;
    }
    const s = this.openStream(id, block.frame, true, block.streamId);
    if (!s) return;
    const half = this.message('request', block, decoded, frame, s.exchange);
    half.msg.streamId = id;
    half.ended = true;
    half.msg.endStreamFrame = block.frame;
    s.request = half;
    s.clientEnded = true; // a promised request has no body: the client never sends on a pushed stream
    s.exchange.request = half.msg;
  }

  private trailers(half: StreamHalf, block: HeaderBlock, decoded: HpackBlock, frame: number): void {
    for (const seg of block.segments.list) half.segments.add(seg.frame, seg.bytes, block.time);
    // A peer may send header block after header block: what is kept stays within maxHeaderBytes.
    const room = this.ctx.limits.maxHeaderBytes - half.msg.trailers.reduce((n, t) => n + t.name.length + t.value.length + 32, 0);
    for (const f of decoded.fields) {
      if (f.name.length + f.value.length + 32 > room) break;
      half.msg.trailers.push({ name: f.name, value: f.value });
    }
    half.msg.headerBytes += block.bytes;
    if (!block.endStream) this.note(half.msg, 'a trailer section does not end the stream (RFC 9113 section 8.1)');
    if (decoded.fields.some((f) => f.name.startsWith(':')))
      this.note(half.msg, 'a trailer section holds pseudo-header fields: malformed (RFC 9113 section 8.1)');
    if (block.endStream) this.endStream(half.msg.kind === 'request' ? this.client : this.server, block.streamId, frame);
  }

  /** A message from a decoded header block: pseudo-headers, headers, and what is wrong with them. */
  private message(kind: 'request' | 'response', block: HeaderBlock, decoded: HpackBlock, frame: number, exchange: Http2ExchangeRecord): StreamHalf {
    const problems: string[] = [];
    const pseudo: HttpHeader[] = [];
    const headers: HttpHeader[] = [];
    let lost = 0;
    for (const f of decoded.fields) {
      if (f.lost) lost++;
      if (f.name.startsWith(':')) {
        if (headers.length > 0) problems.push(`pseudo-header ${f.name} comes after a regular field: malformed (RFC 9113 section 8.3)`);
        if (kind === 'request' ? !REQUEST_PSEUDO.has(f.name) : f.name !== ':status') problems.push(`pseudo-header ${f.name} does not belong in a ${kind}`);
        pseudo.push({ name: f.name, value: f.value });
      } else {
        if (/[A-Z]/.test(f.name)) problems.push(`field name ${f.name} has upper-case letters: malformed (RFC 9113 section 8.2.1)`);
        if (CONNECTION_SPECIFIC.has(f.name.toLowerCase()) || (f.name === 'te' && f.value.toLowerCase() !== 'trailers'))
          problems.push(`${f.name} is a connection-specific field, not allowed in HTTP/2 (RFC 9113 section 8.2.2)`);
        headers.push({ name: f.name, value: f.value });
      }
    }
    const get = (name: string) => pseudo.find((p) => p.name === name)?.value;
    const method = get(':method') ?? '';
    if (kind === 'request') {
      const required = method === 'CONNECT' ? [':method', ':authority'] : [':method', ':scheme', ':path'];
      for (const name of required)
        if (get(name) === undefined && lost === 0) problems.push(`the request has no ${name} pseudo-header: malformed (RFC 9113 section 8.3.1)`);
    } else if (get(':status') === undefined && lost === 0) problems.push('the response has no :status pseudo-header: malformed (RFC 9113 section 8.3.2)');
    if (lost > 0) problems.push(`${lost} header fields refer to HPACK table entries lost with an earlier gap; their names or values are unknown`);
    if (decoded.error) problems.push(`HPACK decoding stopped: ${decoded.error}`);
    if (decoded.fieldsUnlisted > 0)
      problems.push(`${decoded.fieldsUnlisted} header fields past ${this.ctx.limits.maxHeaderBytes} bytes (maxHeaderBytes) are not listed`);
    const status = Number(get(':status') ?? 0);
    const msg: Http2MessageRecord = {
      kind,
      streamId: block.streamId,
      frame: block.frame,
      time: block.time,
      headerBlockFrame: frame,
      endStreamFrame: null,
      segments: block.segments.list,
      unlistedFrames: 0,
      headerBytes: block.bytes,
      bareLineFeeds: false,
      headerListSize: decoded.listSize,
      method,
      uri: (method === 'CONNECT' ? get(':authority') : get(':path')) ?? '',
      scheme: get(':scheme') ?? '',
      authority: get(':authority') ?? headers.find((h) => h.name === 'host')?.value ?? '',
      status: Number.isInteger(status) && status >= 100 && status <= 999 ? status : 0,
      reason: '',
      version: 'HTTP/2',
      pseudoHeaders: pseudo,
      headers,
      fields: decoded.fields,
      fieldsUnlisted: decoded.fieldsUnlisted,
      trailers: [],
      priority: block.priority,
      padded: block.padded,
      body: null,
      complete: !decoded.error && lost === 0,
      problems,
    };
    return { msg, exchange, segments: block.segments, body: null, ended: false };
  }

  // --- streams ----------------------------------------------------------------------

  private openStream(id: number, frame: number, pushed: boolean, promisedOn: number | null): StreamState | null {
    if (this.streams.size >= this.ctx.limits.maxHttp2Streams) {
      const [oldest] = this.streams.values();
      if (!this.warnedStreams)
        this.warn(
          frame,
          `TCP stream ${this.ends.stream}: more than ${this.ctx.limits.maxHttp2Streams} HTTP/2 streams open at once (maxHttp2Streams): the oldest are closed early`,
        );
      this.warnedStreams = true;
      if (oldest) this.closeStream(oldest, `labreport stopped following it: more than ${this.ctx.limits.maxHttp2Streams} streams were open (maxHttp2Streams)`);
    }
    if (id % 2 === 1) this.highestClientStream = Math.max(this.highestClientStream, id);
    else this.highestServerStream = Math.max(this.highestServerStream, id);
    const exchange: Http2ExchangeRecord = {
      ...this.ends,
      streamId: id,
      request: null,
      response: null,
      informational: [],
      listed: true,
      pushed,
      promisedOn,
      reset: null,
      upgrade: false,
    };
    this.collector.add(exchange);
    this.connection.streams++;
    const state: StreamState = { id, exchange, request: null, response: null, clientEnded: false, serverEnded: false };
    this.streams.set(id, state);
    return state;
  }

  private endStream(side: Side, streamId: number, frame: number): void {
    const s = this.streams.get(streamId);
    if (!s) return;
    const half = side.fromClient ? s.request : s.response;
    if (half && !half.ended) this.finish(half, null, frame);
    if (side.fromClient) s.clientEnded = true;
    else s.serverEnded = true;
    if (s.clientEnded && s.serverEnded) this.streams.delete(streamId);
  }

  private reset(side: Side, streamId: number, errorCode: number, frame: number): void {
    const s = this.streams.get(streamId);
    if (!s) return;
    const error = errorCodeName(errorCode);
    s.exchange.reset = { fromClient: side.fromClient, frame, errorCode, error };
    this.closeStream(s, `the ${side.fromClient ? 'client' : 'server'} reset the stream (RST_STREAM ${error ?? `0x${errorCode.toString(16)}`})`);
  }

  private closeStream(s: StreamState, why: string): void {
    for (const half of [s.request, s.response]) if (half && !half.ended) this.finish(half, why, null);
    this.streams.delete(s.id);
  }

  /** The message is over: at END_STREAM (`frame`), or cut short (`why`). */
  private finish(half: StreamHalf, why: string | null, frame: number | null): void {
    half.ended = true;
    const msg = half.msg;
    msg.endStreamFrame = frame;
    msg.unlistedFrames = half.segments.unlisted;
    if (why) {
      msg.complete = false;
      msg.problems.push(why);
    }
    if (half.body) {
      const body = half.body;
      body.record.kept = body.pieces.length === 1 ? body.pieces[0]! : Buffer.concat(body.pieces);
      body.record.sha256 = body.hash?.digest('hex') ?? '';
      msg.body = body.record;
      half.body = null;
      if (body.record.missingBytes > 0) msg.problems.push(`${body.record.missingBytes} body bytes were not captured`);
    }
    const declared = headerValue(msg.headers, 'content-length');
    const length = msg.body?.length ?? 0;
    const noBody = msg.kind === 'response' && (half.exchange?.request?.method === 'HEAD' || msg.status === 304 || msg.status === 204);
    if (declared !== undefined && !why && !noBody && /^\d+$/.test(declared) && Number(declared) !== length)
      msg.problems.push(`content-length says ${declared} bytes but the DATA frames carried ${length}: malformed (RFC 9113 section 8.1.1)`);
  }

  private damage(half: StreamHalf, why: string): void {
    half.msg.complete = false;
    this.note(half.msg, why);
  }

  /** A problem of a message, once. */
  private note(msg: Http2MessageRecord, why: string): void {
    if (!msg.problems.includes(why)) msg.problems.push(why);
  }

  // --- bodies -----------------------------------------------------------------------

  private openBody(half: StreamHalf): BodyInProgress {
    const msg = half.msg;
    const listed = half.exchange?.listed ?? false;
    const worth = worthKeeping(headerValue(msg.headers, 'content-type'), headerValue(msg.headers, 'content-encoding'));
    return {
      record: {
        framing: 'http2-data',
        wireBytes: 0,
        length: 0,
        chunks: 0,
        kept: new Uint8Array(0),
        missingBytes: 0,
        sha256: '',
        dataFrames: 0,
        paddingBytes: 0,
      },
      pieces: [],
      keptBytes: 0,
      keepLimit: listed && worth ? this.ctx.limits.maxBodyBytes : 0,
      hash: listed ? createHash('sha256') : null,
    };
  }

  private entity(body: BodyInProgress, piece: Uint8Array): void {
    body.record.length += piece.length;
    if (body.hash === null) return;
    body.hash.update(piece);
    const room = Math.min(body.keepLimit - body.keptBytes, this.collector.budget.remaining);
    if (room > 0) {
      const take = piece.subarray(0, room);
      this.collector.budget.remaining -= take.length;
      body.pieces.push(Buffer.from(take)); // a copy: `piece` views the reader's reused buffer
      body.keptBytes += take.length;
    }
  }

  private missing(half: StreamHalf, n: number): void {
    half.body ??= this.openBody(half);
    half.body.record.missingBytes += n;
    half.body.record.length += n;
    half.msg.complete = false;
  }

  // --- warnings -----------------------------------------------------------------------

  private warn(frame: number | undefined, message: string): void {
    const detail = message.replace(/^TCP stream \d+: /, '').replace(/^HTTP\/2: /, '');
    this.ctx.warnings.add({ id: 'http2.problem', frame, stream: this.ends.stream, params: { detail } });
  }

  /** A problem of the connection: in its record and among the warnings. */
  private problem(frame: number, message: string): void {
    if (this.connection.problems.length < this.ctx.limits.maxWarnings) this.connection.problems.push(message);
    this.warn(frame, `HTTP/2: ${message}`);
  }
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  const n = Math.min(bytes.length, prefix.length);
  for (let i = 0; i < n; i++) if (bytes[i] !== prefix[i]) return false;
  return n > 0;
}

export type { HpackField };
