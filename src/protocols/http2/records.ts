import type { Limits } from '../../limits.js';
import type { Endpoint } from '../../reassembly/tcp-stream.js';
import type { BodyBudget, HttpBodyRecord, HttpHeader, HttpMessageRecord } from '../http/parser.js';
import type { SegmentRef } from '../segments.js';
import type { FrameTypeName, PriorityFields, Setting } from './frames.js';
import type { HpackField } from './hpack.js';

/*
 * What the HTTP/2 dissector gathers: one exchange per stream, shaped like the HTTP/1.x
 * records (protocols/http) so that the report model can list both in `http.exchanges`,
 * plus what HTTP/2 adds: stream ids, pseudo-header fields, how HPACK sent each field,
 * the connection's frames, settings, pings and GOAWAYs.
 */

/** A body carried in DATA frames (RFC 9113 section 6.1). */
export interface Http2BodyRecord extends Omit<HttpBodyRecord, 'framing'> {
  framing: 'http2-data';
  /** DATA frames that carried it. */
  dataFrames: number;
  /** Padding bytes in those frames (the Pad Length byte included). */
  paddingBytes: number;
}

/** A request or response on one stream: its header block and its DATA. */
export interface Http2MessageRecord {
  kind: 'request' | 'response';
  streamId: number;
  /** Frame carrying the last byte of the HEADERS (or PUSH_PROMISE) frame that opened the message: where tshark shows it. */
  frame: number;
  /** Relative time of that frame. */
  time: number;
  /** Frame where the header block ended (the last CONTINUATION's; `frame` when there was none). */
  headerBlockFrame: number;
  /** Frame carrying the END_STREAM flag; null when the stream did not end in the capture. */
  endStreamFrame: number | null;
  /** Every frame the message's HTTP/2 frames (HEADERS, CONTINUATION, DATA) came in, with their bytes. */
  segments: SegmentRef[];
  unlistedFrames: number;
  /** Bytes of the header block (HPACK-coded), trailers included. */
  headerBytes: number;
  /** Always false: HTTP/2 has no text lines (kept so the record has HttpMessageRecord's shape). */
  bareLineFeeds: boolean;
  /** Header list size as RFC 9113 section 6.5.2 counts it (name + value + 32 per field). */
  headerListSize: number;
  method: string;
  /** :path (for CONNECT, :authority). */
  uri: string;
  scheme: string;
  authority: string;
  status: number;
  /** Always "": HTTP/2 has no reason phrase (RFC 9113 section 8.3.2). */
  reason: string;
  /** "HTTP/2"; "HTTP/1.1" for the request an h2c Upgrade was sent on. */
  version: string;
  /** The pseudo-header fields (:method, :scheme, :authority, :path, :status), in order. */
  pseudoHeaders: HttpHeader[];
  /** The regular header fields, in order, names as sent (lower case in valid HTTP/2). */
  headers: HttpHeader[];
  /** Every field of the header block with how HPACK represented it (RFC 7541 section 6), as Wireshark's tree shows. */
  fields: HpackField[];
  /** Fields past the header list bound (maxHeaderBytes), decoded but not kept. */
  fieldsUnlisted: number;
  /** Trailer fields (a second header block, after the DATA). */
  trailers: HttpHeader[];
  /** Priority fields of the HEADERS frame (deprecated by RFC 9113), when it had the PRIORITY flag. */
  priority: PriorityFields | null;
  /** Whether the HEADERS frame was padded. */
  padded: boolean;
  body: Http2BodyRecord | HttpBodyRecord | null;
  /** False when part of the message was not captured, the stream was reset, or the capture ended first. */
  complete: boolean;
  problems: string[];
}

/** RST_STREAM ended the stream (RFC 9113 section 6.4). */
export interface Http2Reset {
  fromClient: boolean;
  frame: number;
  errorCode: number;
  /** The error code's name (RFC 9113 section 7), or null for an unknown code. */
  error: string | null;
}

/** One stream: a request and its response (Wireshark pairs them by stream id). */
export interface Http2ExchangeRecord {
  /** Wireshark's tcp.stream of the connection. */
  stream: number;
  client: Endpoint;
  server: Endpoint;
  /** HTTP/2 stream identifier (odd: opened by the client; even: pushed by the server). */
  streamId: number;
  /** The request; for a pushed stream, the request the PUSH_PROMISE promised. Null when not captured. */
  request: Http2MessageRecord | null;
  /** The final (non-1xx) response; null when not captured. */
  response: Http2MessageRecord | null;
  /** Interim 1xx responses (103 Early Hints, 100 Continue). */
  informational: Http2MessageRecord[];
  /** Whether the exchange is listed (false past maxExchanges: counted only). */
  listed: boolean;
  /** A server push (RFC 9113 section 8.4). */
  pushed: boolean;
  /** The stream whose PUSH_PROMISE promised this one; null for client-opened streams. */
  promisedOn: number | null;
  reset: Http2Reset | null;
  /** Stream 1 of an h2c Upgrade: its request went as HTTP/1.1, its response as HTTP/2 (RFC 7540 section 3.2). */
  upgrade: boolean;
}

/** One HTTP/2 frame as the connection's frame list shows it. */
export interface Http2FrameRecord {
  /** Capture frame carrying the HTTP/2 frame's last byte. */
  frame: number;
  fromClient: boolean;
  type: number;
  /** RFC 9113's name for the type; null for types it does not define (skipped, section 5.5). */
  name: FrameTypeName | null;
  flags: number;
  streamId: number;
  /** Payload length. */
  length: number;
}

export interface Http2SettingsRecord {
  frame: number;
  fromClient: boolean;
  ack: boolean;
  values: Setting[];
  /** Sent base64url-coded in the HTTP2-Settings header of an Upgrade request, not in a frame. */
  inUpgradeHeader?: true;
}

export interface Http2GoawayRecord {
  frame: number;
  fromClient: boolean;
  lastStreamId: number;
  errorCode: number;
  error: string | null;
  /** Opaque debug data, as text (cut at 256 characters). */
  debug: string;
}

/** One HTTP/2 connection. */
export interface Http2ConnectionRecord {
  stream: number;
  client: Endpoint;
  server: Endpoint;
  /** How HTTP/2 began: the client preface straight away, an HTTP/1.1 Upgrade: h2c, or before the capture did. */
  start: 'prior-knowledge' | 'upgrade' | 'mid-connection';
  /** Frame carrying the client connection preface's last byte. */
  prefaceFrame: number | null;
  /** The HTTP/1.1 request and 101 response of an h2c Upgrade. */
  upgrade: { request: HttpMessageRecord; response: HttpMessageRecord | null } | null;
  settings: Http2SettingsRecord[];
  goaways: Http2GoawayRecord[];
  pings: number;
  /** Every HTTP/2 frame, in order (up to maxPacketRows; further ones counted). */
  frames: Http2FrameRecord[];
  framesUnlisted: number;
  /** Frames per type name ("DATA", …, or "0x10" for an unknown type), per side. */
  frameCounts: { client: Record<string, number>; server: Record<string, number> };
  /** Streams opened (client requests and server pushes). */
  streams: number;
  problems: string[];
}

/** Where a capture's HTTP/2 exchanges and connections are gathered, bounded like HTTP/1.x's. */
export class Http2Collector {
  readonly exchanges: Http2ExchangeRecord[] = [];
  readonly connections: Http2ConnectionRecord[] = [];
  requests = 0;
  responses = 0;
  /** Exchanges past maxExchanges: counted, not kept. */
  unlisted = 0;
  connectionsUnlisted = 0;
  readonly budget: BodyBudget;

  /** `budget` may be shared with HTTP/1.x, so that maxKeptBodyBytes bounds the capture as a whole. */
  constructor(
    private readonly limits: Limits,
    budget?: BodyBudget,
  ) {
    this.budget = budget ?? { remaining: limits.maxKeptBodyBytes };
  }

  get full(): boolean {
    return this.exchanges.length >= this.limits.maxExchanges;
  }

  add(exchange: Http2ExchangeRecord): void {
    exchange.listed = !this.full;
    if (exchange.listed) this.exchanges.push(exchange);
    else this.unlisted++;
  }

  addConnection(connection: Http2ConnectionRecord): void {
    if (this.connections.length < this.limits.maxConnectionsListed) this.connections.push(connection);
    else this.connectionsUnlisted++;
  }
}
