import { z } from 'zod';
import { Endpoint, frameNumber, Segment } from '../schema.js';

/*
 * What every mail protocol's part of the ReportModel shares: dialogue lines, decoded
 * authentication, decoded messages (Internet Message Format and MIME, as Wireshark hands
 * every mail body to one IMF dissector).
 */

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
  /** The user name, decoded (NTLM: DOMAIN\\user). */
  user: z.string().nullable(),
  /** The client computer's name, when the mechanism sends it (NTLM). */
  workstation: z.string().optional(),
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
  /**
   * Where bytes of the message were not captured (up to maxMessageHoles): the frame after the
   * hole, the bytes lost, and the part they were lost from: "header" (so a header field may be
   * missing) or a MIME part's path ("" for the body of a single-part message).
   */
  holes: z.array(z.object({ frame: frameNumber, bytes: z.number().int().nonnegative(), part: z.string() })).default([]),
  /** True when only the first bytes were kept (maxBodyBytes). */
  truncated: z.boolean(),
  /** POP3: the command that fetched it ("RETR 1"). */
  fetchedBy: z.string().optional(),
  /** Header fields in order: the raw value as sent, and the value with RFC 2047 encoded words decoded (null when there were none). */
  /** Header fields in order: name, value unfolded, RFC 2047 words decoded, and the lines the field took as sent (more than 1 when folded). */
  headers: z.array(z.object({ name: z.string(), value: z.string(), decoded: z.string().nullable(), lines: z.number().int().positive().default(1) })),
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

/** Fields every mail session (SMTP, POP3, IMAP) has. */
export const mailSessionCommon = {
  stream: z.number().int().nonnegative(),
  client: Endpoint,
  server: Endpoint,
  /** Frame where encryption begins (after STARTTLS/STLS, or the first frame for implicit TLS), or null. */
  tlsFrame: frameNumber.nullable(),
  /** Every authentication attempt, in order. */
  auth: z.array(MailAuth),
  /** Authentication attempts past maxAuthSteps: counted, not listed. */
  authUnlisted: z.number().int().nonnegative().default(0),
  messages: z.array(MailMessage),
  /** Messages past maxMessages: read to their end and counted, neither kept nor decoded. */
  messagesUnlisted: z.number().int().nonnegative().default(0),
  transcript: z.array(TranscriptLine),
  transcriptUnlisted: z.number().int().nonnegative(),
};

export type TranscriptLine = z.infer<typeof TranscriptLine>;
export type MailAuth = z.infer<typeof MailAuth>;
export type MailMessage = z.infer<typeof MailMessage>;
export type MimePart = z.infer<typeof MimePart>;

/** The session the report shows in full: its tcp.stream, and whether the user or the automatic choice picked it. */
export const SessionSelection = z.object({
  stream: z.number().int().nonnegative(),
  chosenBy: z.enum(['auto', 'config']),
});

export type SessionSelection = z.infer<typeof SessionSelection>;
