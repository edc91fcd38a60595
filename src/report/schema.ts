import { z } from 'zod';

/*
 * The ReportModel: everything a report says, as JSON. A public interface: scripts and
 * graders read `labreport build CAPTURE --format json`, and the README documents it.
 * Frame numbers are Wireshark's (numbered from 1 in file order). A message is cited at
 * the frame carrying its last byte, and lists every frame it spans.
 * Add fields freely; never rename or remove one.
 */

export const MODEL_VERSION = 1;

const frameNumber = z.number().int().positive();

export const Endpoint = z.object({
  /** IPv4 dotted quad or RFC 5952 IPv6 text. */
  ip: z.string(),
  port: z.number().int().min(0).max(65535),
});

export const Header = z.object({
  name: z.string(),
  value: z.string(),
});

/** One of the frames a message came in, and how many of the message's bytes it carried. */
export const Segment = z.object({
  frame: frameNumber,
  bytes: z.number().int().nonnegative(),
});

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
  /** How the body's end was found: Content-Length, chunked transfer coding, or the connection closing. */
  framing: z.enum(['content-length', 'chunked', 'close']),
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
  /** "HTTP/1.1" or "HTTP/1.0". */
  version: z.string(),
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

export const HttpRequest = z.object({
  ...messageCommon,
  method: z.string(),
  /** Request target as sent (origin form "/path?q", or absolute form through a proxy). */
  uri: z.string(),
  /** The full URI: scheme, Host header and target, as Wireshark's "Full request URI". */
  fullUri: z.string(),
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
  /** The request; null when only the response was captured. */
  request: HttpRequest.nullable(),
  /** The final response; null when it was not captured. */
  response: HttpResponse.nullable(),
  /** Interim 1xx responses (100 Continue, 103 Early Hints) that came before the final response. */
  informational: z.array(HttpResponse),
  /** This exchange's place on its connection: request n of m. */
  index: z.number().int().positive(),
  ofConnection: z.number().int().positive(),
});

export const Connection = z.object({
  /** Wireshark's tcp.stream index. */
  stream: z.number().int().nonnegative(),
  client: Endpoint,
  server: Endpoint,
  /** Application protocol found on it ("http", …), or null. */
  protocol: z.string().nullable(),
  firstFrame: frameNumber,
  lastFrame: frameNumber,
  packets: z.number().int().nonnegative(),
  /** TCP payload bytes, both directions. */
  bytes: z.number().int().nonnegative(),
  /** Whether the SYN of the three-way handshake was captured. */
  handshake: z.boolean(),
  /** Whether the connection was reset (RST). */
  reset: z.boolean(),
  /** Payload bytes never captured, both directions. */
  lostBytes: z.number().int().nonnegative(),
  /** Segments dropped as retransmissions or duplicates. */
  retransmissions: z.number().int().nonnegative(),
});

export const Warning = z.object({
  /** The frame the problem was found at, when there is one. */
  frame: frameNumber.optional(),
  message: z.string(),
});

export const ReportModel = z.object({
  /** Version of this schema; raised only for a change that could break a reader. */
  modelVersion: z.literal(MODEL_VERSION),
  /** labreport version that wrote the model. */
  generator: z.string(),
  capture: z.object({
    /** The capture's file name (no directory). */
    file: z.string(),
    format: z.enum(['pcap', 'pcapng']),
    /** File size in bytes. */
    size: z.number().int().nonnegative(),
    packets: z.number().int().nonnegative(),
    /** Link types, with Wireshark's encapsulation names ("ether", "linux-sll", …). */
    linkTypes: z.array(z.string()),
    /** Time of the first and last frame, ISO 8601 UTC with the file's precision; null for an empty capture. */
    firstTime: z.string().nullable(),
    lastTime: z.string().nullable(),
    /** Seconds from the first frame to the last. */
    duration: z.number().nonnegative(),
    /** Frames by what they carried. */
    counts: z.object({
      ipv4: z.number().int().nonnegative(),
      ipv6: z.number().int().nonnegative(),
      tcp: z.number().int().nonnegative(),
      notTcp: z.number().int().nonnegative(),
      notIp: z.number().int().nonnegative(),
      otherLinkType: z.number().int().nonnegative(),
    }),
  }),
  tcp: z.object({
    /** TCP connections in the capture. */
    connections: z.number().int().nonnegative(),
    /** The connections that carry a protocol labreport dissects, in tcp.stream order. */
    listed: z.array(Connection),
  }),
  http: z.object({
    /** Every exchange, in order of its first frame (up to the maxExchanges limit). */
    exchanges: z.array(HttpExchange),
    requests: z.number().int().nonnegative(),
    responses: z.number().int().nonnegative(),
    /** Exchanges past the maxExchanges limit: counted, not listed. */
    exchangesUnlisted: z.number().int().nonnegative(),
  }),
  warnings: z.array(Warning),
  /** Warnings past the maxWarnings limit: counted, not listed. */
  warningsUnlisted: z.number().int().nonnegative(),
});

export type ReportModel = z.infer<typeof ReportModel>;
export type HttpExchange = z.infer<typeof HttpExchange>;
export type HttpRequest = z.infer<typeof HttpRequest>;
export type HttpResponse = z.infer<typeof HttpResponse>;
export type Body = z.infer<typeof Body>;
export type FormField = z.infer<typeof FormField>;
export type Connection = z.infer<typeof Connection>;
