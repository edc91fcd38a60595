import { z } from 'zod';
import { Endpoint, frameNumber, Header, PacketRow, Segment } from '../schema.js';

/*
 * The HTTP part of the ReportModel (model.http): every exchange, the packet list filtered
 * on HTTP, and the exchanges the report dissects. A public interface: add fields freely,
 * never rename or remove one (docs/model.md).
 */

export const FormField = z.object({
  name: z.string(),
  /** The value (text fields; for file parts, the text of a small textual file, else null). */
  value: z.string().nullable(),
  /** File name of a multipart file part. */
  filename: z.string().optional(),
  /** Content-Type of a multipart part. */
  contentType: z.string().optional(),
  /** Size in bytes of a multipart file part. */
  size: z.number().int().nonnegative().optional(),
  /** SHA-256 of a multipart file part, hex. */
  sha256: z.string().optional(),
  /** True when the value was replaced by a mask because it looks like a secret. */
  masked: z.boolean().optional(),
});

export const Body = z.object({
  /** How the body's end was found: Content-Length, chunked transfer coding, the connection closing, or (HTTP/2) DATA frames up to END_STREAM. */
  framing: z.enum(['content-length', 'chunked', 'close', 'http2-data']),
  /** Body bytes on the wire, chunk framing included. */
  wireBytes: z.number().int().nonnegative(),
  /** Entity bytes after de-chunking (what Content-Length counts). */
  length: z.number().int().nonnegative(),
  /** Number of data chunks (chunked framing only). */
  chunks: z.number().int().nonnegative().optional(),
  /** Content codings applied, in the order the sender applied them (Content-Encoding). */
  contentEncoding: z.array(z.string()),
  /** Size after removing the content codings; null when not decoded (unsupported coding, damage, or over the limit). */
  decodedLength: z.number().int().nonnegative().nullable(),
  /** Why decoding failed or stopped, when it did. */
  decodeError: z.string().optional(),
  /** Media type from Content-Type (lower case, no parameters), or null. */
  mediaType: z.string().nullable(),
  /** Charset parameter of Content-Type, or null. */
  charset: z.string().nullable(),
  /** SHA-256 of the entity bytes captured (before content decoding), hex. */
  sha256: z.string(),
  /** Entity bytes never captured (lost in gaps). */
  missingBytes: z.number().int().nonnegative(),
  /** True when only the first bytes were kept (see the maxBodyBytes and maxKeptBodyBytes limits). */
  truncated: z.boolean(),
  /** The decoded body as text, for textual media types; cut at the maxBodyTextBytes limit. */
  text: z.string().nullable(),
  /** True when `text` was cut. */
  textTruncated: z.boolean(),
  /** Fields of an application/x-www-form-urlencoded or multipart/form-data body. */
  form: z.array(FormField).nullable(),
  /** Form fields past maxFormFields: counted, not listed. */
  formUnlisted: z.number().int().nonnegative().default(0),
});

const messageCommon = {
  /** Frame carrying the message's last byte: where Wireshark shows it. */
  frame: frameNumber,
  /** Every frame the message spans, in order. */
  frames: z.array(frameNumber),
  /** The same frames with the bytes of the message each carried. */
  segments: z.array(Segment),
  /** Frames past the maxFramesPerMessage limit, not listed. */
  framesUnlisted: z.number().int().nonnegative(),
  /** Seconds since the first frame of the capture (Wireshark's Time column), of `frame`. */
  time: z.number(),
  /** "HTTP/1.1", "HTTP/1.0" or "HTTP/2". */
  version: z.string(),
  /** HTTP/2: the pseudo-header fields (:method, :scheme, :authority, :path; :status), in order. */
  pseudoHeaders: z.array(Header).optional(),
  /** Header fields in the order sent, names as sent. */
  headers: z.array(Header),
  /** Bytes of the start line, header fields and blank line. */
  headerBytes: z.number().int().nonnegative(),
  body: Body.nullable(),
  /** False when part of the message was not captured or the capture ended inside it. */
  complete: z.boolean(),
  /** Protocol problems found in the message. */
  problems: z.array(z.string()),
};

/** Credentials found in a message (HTTP Authorization, …): who, and how the secret travelled. The secret itself is masked unless --reveal-secrets. */
export const Credentials = z.object({
  /** Where they were found: "Authorization", "Proxy-Authorization", a form field name, … */
  source: z.string(),
  /** Authentication scheme ("Basic", "Bearer", "Digest", …) or "form". */
  scheme: z.string(),
  /** The user name, when the scheme carries one in the clear or in base64. */
  user: z.string().nullable(),
  /** How the secret was encoded on the wire ("base64", "url-encoded", "plain", "hashed"). */
  encoding: z.string(),
  /** Length of the secret in characters. */
  secretLength: z.number().int().nonnegative(),
  /** The secret itself, only with --reveal-secrets; otherwise null. */
  secret: z.string().nullable(),
});

export const HttpRequest = z.object({
  ...messageCommon,
  method: z.string(),
  /** Request target as sent (origin form "/path?q", or absolute form through a proxy). */
  uri: z.string(),
  /** The full URI: scheme, Host header and target, as Wireshark's "Full request URI". */
  fullUri: z.string(),
  /** Fields of the query string, decoded (the GET form's parameters). */
  query: z.array(z.object({ name: z.string(), value: z.string() })),
  /** Credentials the request carried (Authorization header, password-like form or query fields). */
  credentials: z.array(Credentials),
});

export const HttpResponse = z.object({
  ...messageCommon,
  status: z.number().int().min(100).max(999),
  reason: z.string(),
  /** Seconds from the request's frame to this response's frame (Wireshark's http.time); null without a request. */
  timeSinceRequest: z.number().nullable(),
});

export const HttpExchange = z.object({
  /** Wireshark's tcp.stream index of the connection. */
  stream: z.number().int().nonnegative(),
  /** The connection's two ends: the client sent the request. */
  client: Endpoint,
  server: Endpoint,
  /** The request; null when only the response was captured. */
  request: HttpRequest.nullable(),
  /** The final response; null when it was not captured. */
  response: HttpResponse.nullable(),
  /** Interim 1xx responses (100 Continue, 103 Early Hints) that came before the final response. */
  informational: z.array(HttpResponse),
  /** Interim responses past maxReplies: counted, not listed. */
  informationalUnlisted: z.number().int().nonnegative().default(0),
  /** This exchange's place on its connection: request n of m. */
  index: z.number().int().positive(),
  ofConnection: z.number().int().positive(),
  /** HTTP/2: "HTTP/2" and the stream the exchange ran on (RFC 9113 section 5); absent for HTTP/1.x. */
  version: z.literal('HTTP/2').optional(),
  streamId: z.number().int().positive().optional(),
});

/** An exchange the report shows in detail: its request frame, and whether the user or labreport chose it. */
export const Selection = z.object({
  /** Frame of the request (the frame carrying its last byte). */
  frame: frameNumber,
  chosenBy: z.enum(['auto', 'config']),
});

export const Http = z.object({
  /** Every exchange, in order of its first frame (up to the maxExchanges limit). */
  exchanges: z.array(HttpExchange),
  requests: z.number().int().nonnegative(),
  responses: z.number().int().nonnegative(),
  /** Exchanges past the maxExchanges limit: counted, not listed. */
  exchangesUnlisted: z.number().int().nonnegative(),
  /** The packet list filtered on HTTP, in frame order (up to the maxPacketRows limit). */
  packets: z.array(PacketRow),
  packetsUnlisted: z.number().int().nonnegative(),
  /** The exchanges the report dissects: a representative request, a GET and a POST to compare, a conditional GET. Null when the capture has none. */
  selection: z.object({
    request: Selection.nullable(),
    get: Selection.nullable(),
    post: Selection.nullable(),
    conditional: Selection.nullable(),
  }),
});

export type Http = z.infer<typeof Http>;
export type HttpExchange = z.infer<typeof HttpExchange>;
export type HttpRequest = z.infer<typeof HttpRequest>;
export type HttpResponse = z.infer<typeof HttpResponse>;
export type Body = z.infer<typeof Body>;
export type FormField = z.infer<typeof FormField>;
export type Credentials = z.infer<typeof Credentials>;
export type Selection = z.infer<typeof Selection>;
