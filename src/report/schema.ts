import { z } from 'zod';

/*
 * The ReportModel: everything a report says, as JSON. A public interface: scripts and
 * graders read `labreport build CAPTURE --format json`, and the README documents it.
 * Frame numbers are Wireshark's (numbered from 1 in file order). A message is cited at
 * the frame carrying its last byte, and lists every frame it spans.
 * Add fields freely; never rename or remove one.
 */

import { MODEL_VERSION } from './model-version.js';

export { MODEL_VERSION };

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
  /** Fields of an application/x-www-form-urlencoded or multipart/form-data body (up to maxFormFields). */
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

/** One row of the HTTP packet list, as Wireshark's packet list shows it with the display filter "http". */
export const PacketRow = z.object({
  frame: frameNumber,
  /** Seconds since the first frame. */
  time: z.number(),
  source: z.string(),
  destination: z.string(),
  protocol: z.string(),
  /** Frame length on the wire. */
  length: z.number().int().nonnegative(),
  /** Wireshark-style summary: "GET / HTTP/1.1", "HTTP/1.1 200 OK  (text/html)", "Continuation", … */
  info: z.string(),
  kind: z.enum(['request', 'response', 'continuation', 'gap']),
  stream: z.number().int().nonnegative(),
});

/** The link, IP and TCP headers of one frame, field by field, for the anatomy sections. */
export const FrameDetail = z.object({
  number: frameNumber,
  time: z.number(),
  wireLength: z.number().int().nonnegative(),
  capturedLength: z.number().int().nonnegative(),
  linkType: z.string(),
  link: z
    .object({
      kind: z.enum(['ethernet', 'linux-sll', 'linux-sll2', 'raw-ip', 'loopback']),
      src: z.string().optional(),
      dst: z.string().optional(),
      /** Vendor of the source and destination addresses, from the IEEE OUI registry; or what the address is (broadcast, locally administered, all zeros). */
      srcVendor: z.string().optional(),
      dstVendor: z.string().optional(),
      type: z.string().optional(),
      vlans: z.array(z.number()).optional(),
      packetType: z.number().optional(),
      family: z.number().optional(),
      headerLength: z.number().int().nonnegative(),
    })
    .nullable(),
  ip: z
    .union([
      z.object({
        version: z.literal(4),
        src: z.string(),
        dst: z.string(),
        headerLength: z.number(),
        dscp: z.number(),
        ecn: z.number(),
        totalLength: z.number(),
        identification: z.number(),
        flags: z.array(z.string()),
        fragmentOffset: z.number(),
        ttl: z.number(),
        protocol: z.number(),
        checksum: z.string(),
      }),
      z.object({
        version: z.literal(6),
        src: z.string(),
        dst: z.string(),
        trafficClass: z.number(),
        flowLabel: z.string(),
        payloadLength: z.number(),
        nextHeader: z.number(),
        hopLimit: z.number(),
      }),
    ])
    .nullable(),
  tcp: z
    .object({
      srcPort: z.number(),
      dstPort: z.number(),
      /** Raw sequence and acknowledgment numbers. */
      seq: z.number(),
      ack: z.number(),
      /** Relative to the connection's first sequence number, as Wireshark shows them; null when not known. */
      relativeSeq: z.number().nullable(),
      relativeAck: z.number().nullable(),
      headerLength: z.number(),
      flags: z.array(z.string()),
      window: z.number(),
      checksum: z.string(),
      urgentPointer: z.number(),
      options: z.array(z.string()),
      payloadLength: z.number(),
      stream: z.number().int().nonnegative().nullable(),
    })
    .nullable(),
});

/** An exchange the report shows in detail: its request frame, and whether the user or labreport chose it. */
export const Selection = z.object({
  /** Frame of the request (the frame carrying its last byte). */
  frame: frameNumber,
  chosenBy: z.enum(['auto', 'config']),
});

/** One line of an SMTP or POP3 dialogue, as the textbook writes it: C: … / S: … */
export const TranscriptLine = z.object({
  side: z.enum(['C', 'S']),
  /** Frame carrying the line's CRLF (where Wireshark shows it). */
  frame: frameNumber,
  /** Bytes on the wire, CR LF included. */
  bytes: z.number().int().nonnegative(),
  /** Client command verb, upper case. */
  command: z.string().optional(),
  argument: z.string().optional(),
  /** SMTP reply code. */
  code: z.number().int().optional(),
  /** POP3 status indicator. */
  indicator: z.enum(['+OK', '-ERR']).optional(),
  /** The line as sent (secrets masked). */
  text: z.string(),
  /** sasl: an authentication exchange line; data: the message (one entry); tls: encryption starts here; continuation: a line of a multi-line reply. */
  kind: z.enum(['sasl', 'data', 'tls', 'continuation']).optional(),
  /** On the line that ends a multi-line reply or listing: its lines not listed (past maxReplyLines). */
  linesUnlisted: z.number().int().nonnegative().optional(),
});

/** An authentication exchange (SMTP AUTH, POP3 USER/PASS, APOP, AUTH), decoded for the explanation; the secret is masked unless --reveal-secrets. */
export const MailAuth = z.object({
  /** SASL mechanism (LOGIN, PLAIN, CRAM-MD5, XOAUTH2, …), or USER/PASS or APOP for POP3's own commands. */
  mechanism: z.string(),
  /** The user name, decoded. */
  user: z.string().nullable(),
  /** How the secret travelled: "base64", "plain text", "MD5 digest (HMAC)", "OAuth 2.0 bearer token", … */
  encoding: z.string(),
  /** Length of the secret in characters. */
  secretLength: z.number().int().nonnegative(),
  /** The secret, only with --reveal-secrets. */
  secret: z.string().nullable(),
  /** Whether the server accepted it (235 / +OK), null when its answer was not captured. */
  success: z.boolean().nullable(),
  /** The server's final reply line. */
  result: z.string(),
  /** Each step: the server's prompt or the client's answer, raw (secrets masked) and decoded. */
  steps: z.array(z.object({ side: z.enum(['C', 'S']), frame: frameNumber.optional(), raw: z.string(), decoded: z.string().nullable() })),
  /** Steps past maxAuthSteps: counted, not listed (nor shown in the transcript). */
  stepsUnlisted: z.number().int().nonnegative().default(0),
});

export const MimePart = z.object({
  /** Position in the MIME tree: "1", "1.2", … ("" for a single-part message). */
  path: z.string(),
  depth: z.number().int().nonnegative(),
  contentType: z.string(),
  charset: z.string().nullable(),
  /** Content-Transfer-Encoding: 7bit, 8bit, base64, quoted-printable, binary. */
  transferEncoding: z.string(),
  /** Content-Disposition: inline or attachment, when given. */
  disposition: z.string().nullable(),
  filename: z.string().nullable(),
  /** Bytes after transfer decoding (leaf parts). */
  size: z.number().int().nonnegative(),
  sha256: z.string().nullable(),
  /** Decoded text of a text part (HTML parts as source, never rendered), cut at maxBodyTextBytes. */
  text: z.string().nullable(),
  textTruncated: z.boolean(),
  attachment: z.boolean(),
});

export const MailMessage = z.object({
  /** Frame carrying the message's last byte. */
  frame: frameNumber,
  frames: z.array(frameNumber),
  segments: z.array(Segment),
  framesUnlisted: z.number().int().nonnegative(),
  /** Message bytes after dot-unstuffing. */
  size: z.number().int().nonnegative(),
  complete: z.boolean(),
  /** True when only the first bytes were kept (maxBodyBytes). */
  truncated: z.boolean(),
  /** POP3: the command that fetched it ("RETR 1"). */
  fetchedBy: z.string().optional(),
  /** Header fields in order: the raw value as sent, and the value with RFC 2047 encoded words decoded (null when there were none). */
  headers: z.array(z.object({ name: z.string(), value: z.string(), decoded: z.string().nullable() })),
  subject: z.string().nullable(),
  from: z.string().nullable(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  date: z.string().nullable(),
  messageId: z.string().nullable(),
  /** Header fields past maxMailHeaders: counted, not listed. */
  headersUnlisted: z.number().int().nonnegative().default(0),
  /** The MIME tree, depth first. */
  parts: z.array(MimePart),
  /** MIME parts past maxMimeParts: counted, not listed. */
  partsUnlisted: z.number().int().nonnegative().default(0),
  attachments: z.array(z.object({ filename: z.string().nullable(), contentType: z.string(), size: z.number().int().nonnegative(), sha256: z.string() })),
  /** Why decoding failed, if it did. */
  error: z.string().optional(),
});

const mailSessionCommon = {
  stream: z.number().int().nonnegative(),
  client: Endpoint,
  server: Endpoint,
  /** Frame where encryption begins (after STARTTLS/STLS, or the first frame for implicit TLS), or null. */
  tlsFrame: frameNumber.nullable(),
  /** Every authentication attempt, in order (up to maxAuthSteps). */
  auth: z.array(MailAuth),
  /** Authentication attempts past maxAuthSteps: counted, not listed. */
  authUnlisted: z.number().int().nonnegative().default(0),
  messages: z.array(MailMessage),
  /** Messages past maxMessages: read to their end and counted, neither kept nor decoded. */
  messagesUnlisted: z.number().int().nonnegative().default(0),
  transcript: z.array(TranscriptLine),
  transcriptUnlisted: z.number().int().nonnegative(),
};

export const SmtpSession = z.object({
  ...mailSessionCommon,
  /** none; starttls (upgraded after the STARTTLS command); implicit (TLS from the first byte, port 465). */
  tls: z.enum(['none', 'starttls', 'implicit']),
  /** The 220 greeting. */
  banner: z.string().nullable(),
  ehlo: z
    .object({
      command: z.string(),
      domain: z.string(),
      keywords: z.array(z.object({ keyword: z.string(), params: z.string() })),
      /** Keywords past maxEhloKeywords: counted, not listed. */
      keywordsUnlisted: z.number().int().nonnegative().default(0),
    })
    .nullable(),
  envelope: z.object({ from: z.string().nullable(), to: z.array(z.string()) }),
  /** Every reply, with the command it answered (null for the greeting; DATA twice: its 354, and the reply to the message), at the frame of its last line. */
  replies: z.array(z.object({ command: z.string().nullable(), code: z.number().int(), enhanced: z.string().nullable(), frame: frameNumber, text: z.string() })),
  /** Replies past maxReplies: counted, not listed; and how many of those were failures (4xx, 5xx). */
  repliesUnlisted: z.number().int().nonnegative().default(0),
  failuresUnlisted: z.number().int().nonnegative().default(0),
});

export const Pop3Session = z.object({
  ...mailSessionCommon,
  tls: z.enum(['none', 'stls', 'implicit']),
  greeting: z.string().nullable(),
  user: z.string().nullable(),
  /** Every response, with its command (null for the greeting), at the frame of its first line. */
  responses: z.array(
    z.object({
      command: z.string().nullable(),
      argument: z.string(),
      indicator: z.enum(['+OK', '-ERR']),
      frame: frameNumber,
      text: z.string(),
      lines: z.number().int().nonnegative(),
    }),
  ),
  /** Responses past maxReplies: counted, not listed; and how many of those were -ERR. */
  responsesUnlisted: z.number().int().nonnegative().default(0),
  failuresUnlisted: z.number().int().nonnegative().default(0),
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
  }),
  smtp: z.object({ sessions: z.array(SmtpSession) }),
  pop3: z.object({ sessions: z.array(Pop3Session) }),
  /** Header-by-header detail of the frames the report dissects (the selected requests and responses). */
  frames: z.array(FrameDetail),
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
export type PacketRow = z.infer<typeof PacketRow>;
export type FrameDetail = z.infer<typeof FrameDetail>;
export type Credentials = z.infer<typeof Credentials>;
export type Selection = z.infer<typeof Selection>;
export type TranscriptLine = z.infer<typeof TranscriptLine>;
export type MailAuth = z.infer<typeof MailAuth>;
export type MailMessage = z.infer<typeof MailMessage>;
export type MimePart = z.infer<typeof MimePart>;
export type SmtpSession = z.infer<typeof SmtpSession>;
export type Pop3Session = z.infer<typeof Pop3Session>;
