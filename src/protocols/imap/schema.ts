import { z } from 'zod';
import { MailAuth, MailMessage, SessionSelection } from '../mail/schema.js';
import { Endpoint, frameNumber, PacketRow, Segment } from '../schema.js';

/*
 * IMAP's part of the ReportModel: `imap: { sessions: [ … ] }`, one session per TCP
 * connection that carried IMAP. Frame numbers are Wireshark's; a line is cited at the frame
 * carrying its CRLF, a literal (a fetched message) at the frame carrying its last byte.
 * Secrets (LOGIN passwords, SASL answers) are masked unless --reveal-secrets.
 */

const count = z.number().int().nonnegative();

/** Status of a response: OK, NO, BAD (tagged or untagged), PREAUTH or BYE (untagged only). RFC 9051 section 7.1. */
export const ImapStatus = z.enum(['OK', 'NO', 'BAD', 'PREAUTH', 'BYE']);
/** The status that completes a command (RFC 9051 section 7.1). */
export const ImapCompletion = z.enum(['OK', 'NO', 'BAD']);

/** One line of the dialogue as the textbook writes it (C: … / S: …), or the data of a literal. */
export const ImapTranscriptLine = z.object({
  /** C: the client (a command, a SASL answer, DONE); S: the server. */
  side: z.enum(['C', 'S']),
  /** Frame carrying the line's CRLF (for a literal, its last byte), as Wireshark shows it. */
  frame: frameNumber,
  /** Bytes on the wire, CR LF included. */
  bytes: count,
  /** The command's tag (A001), "*" for untagged data, "+" for a continuation request; null for the rest of a line after a literal, SASL answers and DONE. */
  tag: z.string().nullable(),
  /** Client: the command, upper case (FETCH for UID FETCH, as Wireshark shows it). Server: the command a tagged status completes, or the name of untagged data (CAPABILITY, LIST, EXISTS, FETCH…). */
  command: z.string().nullable(),
  /** The response's status (OK, NO, BAD, PREAUTH, BYE), for status responses. */
  status: ImapStatus.nullable(),
  /** The response code in [brackets], without them: "UIDVALIDITY 1796113211", "AUTHENTICATIONFAILED". */
  code: z.string().nullable(),
  /** The line as sent (passwords masked); a literal as "(12 lines, 535 bytes)" or, when short text, its content. */
  text: z.string(),
  /** sasl: an authentication step; continue: a "+" continuation request; literal: a short literal's content; data: a literal shown by its size (a message, a part, long or binary data); tls: encryption starts here. */
  kind: z.enum(['sasl', 'continue', 'literal', 'data', 'tls']).optional(),
});

/** A command and its tagged completion, paired by tag (pipelined commands complete in any order). */
export const ImapCommand = z.object({
  tag: z.string(),
  /** The command, upper case (after UID); null when only its completion was captured. */
  command: z.string().nullable(),
  /** Sent as UID FETCH, UID SEARCH, UID STORE, …: the numbers in it are UIDs (RFC 9051 section 6.4.9). */
  uid: z.boolean(),
  /** The arguments, normalised: a literal shown as a quoted string, or {N bytes} when long or binary (passwords masked). */
  argument: z.string(),
  /** OK, NO or BAD; null when the completion was not captured. */
  status: ImapCompletion.nullable(),
  /** The completion's response code, without brackets. */
  code: z.string().nullable(),
  /** The completion's text after the code. */
  text: z.string().nullable(),
  /** Frame carrying the command's last byte (after its literals); null when only the completion was captured. */
  frame: frameNumber.nullable(),
  /** Frame of the tagged completion. */
  completionFrame: frameNumber.nullable(),
});

/** An authentication (MailAuth, as SMTP and POP3 have), with the IMAP command that carried it. */
export const ImapAuth = MailAuth.extend({
  /** LOGIN (user name and password as strings, RFC 9051 section 6.2.3) or AUTHENTICATE (SASL, section 6.2.2). */
  command: z.enum(['LOGIN', 'AUTHENTICATE']),
  tag: z.string(),
  /** Frame of the command. */
  frame: frameNumber,
});

/** A capability list the server announced. */
export const ImapCapabilities = z.object({
  frame: frameNumber,
  /** greeting: in the greeting's [CAPABILITY …] code; response: a * CAPABILITY line; completion: in a tagged OK's code (after login). */
  source: z.enum(['greeting', 'response', 'completion']),
  /** Whether the client had logged in by then (servers announce more after login). */
  authenticated: z.boolean(),
  names: z.array(z.string()),
});

/** A mailbox a LIST or LSUB answer named (RFC 9051 section 7.3.1). */
export const ImapMailbox = z.object({
  /** LIST or LSUB. */
  command: z.string(),
  /** Name attributes: \HasNoChildren, \Noselect, \Sent, \Trash (RFC 6154), … */
  flags: z.array(z.string()),
  /** The hierarchy delimiter ("." or "/"), null for a flat name space. */
  delimiter: z.string().nullable(),
  /** The name as sent (modified UTF-7 for non-ASCII names). */
  name: z.string(),
  /** The name decoded from modified UTF-7 (&UXZO1mWHTvZZOQ- → 已发送), null when it has no encoded part. */
  decoded: z.string().nullable(),
  frame: frameNumber,
});

/** What SELECT or EXAMINE reported about a mailbox (RFC 9051 sections 6.3.2, 6.3.3). */
export const ImapSelection = z.object({
  command: z.enum(['SELECT', 'EXAMINE']),
  tag: z.string(),
  mailbox: z.string().nullable(),
  /** Frame of the command. */
  frame: frameNumber,
  completionFrame: frameNumber.nullable(),
  status: ImapCompletion.nullable(),
  /** [READ-ONLY] (EXAMINE) or [READ-WRITE]; null when not said. */
  readOnly: z.boolean().nullable(),
  /** * FLAGS: the flags defined in the mailbox. */
  flags: z.array(z.string()).nullable(),
  /** [PERMANENTFLAGS …]: the flags the client can change for good (\* : it may create keywords). */
  permanentFlags: z.array(z.string()).nullable(),
  /** * n EXISTS: messages in the mailbox. */
  exists: z.number().int().nonnegative().nullable(),
  /** * n RECENT: messages new since the last session (IMAP4rev1 only). */
  recent: z.number().int().nonnegative().nullable(),
  /** [UNSEEN n]: the first unseen message (IMAP4rev1 only). */
  unseen: z.number().int().nonnegative().nullable(),
  /** [UIDVALIDITY n]: UIDs stay valid while it does not change. */
  uidValidity: z.number().int().nonnegative().nullable(),
  /** [UIDNEXT n]: the UID the next message will get. */
  uidNext: z.number().int().nonnegative().nullable(),
  /** [HIGHESTMODSEQ n] (CONDSTORE, RFC 7162). */
  highestModSeq: z.number().int().nonnegative().nullable(),
});

/** A SEARCH (or UID SEARCH) and the message numbers it found (RFC 9051 section 6.4.4). */
export const ImapSearch = z.object({
  tag: z.string(),
  /** UID SEARCH: the results are UIDs. */
  uid: z.boolean(),
  /** The search criteria as sent (ALL, UNSEEN, SUBJECT "lab", …). */
  criteria: z.string(),
  /** Frame of the command. */
  frame: frameNumber,
  results: z.array(z.number().int().nonnegative()),
  /** Results past the bound (MAX_SEARCH_RESULTS): counted, not listed. */
  resultsUnlisted: count,
});

/** One untagged FETCH response: what the server said about one message (RFC 9051 section 7.5.2). */
export const ImapFetch = z.object({
  /** Frame carrying the response's last byte. */
  frame: frameNumber,
  /** The message's sequence number in the mailbox. */
  number: z.number().int().nonnegative(),
  uid: z.number().int().nonnegative().nullable(),
  /** FLAGS: \Seen, \Answered, \Flagged, \Deleted, \Draft, keywords. */
  flags: z.array(z.string()).nullable(),
  /** RFC822.SIZE: the message's size in bytes. */
  size: z.number().int().nonnegative().nullable(),
  /** INTERNALDATE: when the server received the message. */
  internalDate: z.string().nullable(),
  /** The data items it holds, by name (FLAGS, UID, BODY[], ENVELOPE, …). */
  items: z.array(z.string()),
  /** The command that asked for it ("FETCH 1 (BODY[])"); null for an unsolicited one. */
  fetchedBy: z.string().nullable(),
});

/** A message a literal carried: fetched whole (BODY[], RFC822, BINARY[]) or uploaded by APPEND; decoded by the shared MIME code. */
export const ImapMessage = MailMessage.extend({
  /** The command that carried it: "FETCH 1 (BODY[])", "UID FETCH 7 (RFC822)", "APPEND INBOX {198 bytes}". */
  fetchedBy: z.string(),
  /** The data item (BODY[], RFC822, BINARY[]), or APPEND. */
  section: z.string(),
  /** Sequence number and UID of the fetched message, when the response gave them. */
  number: z.number().int().nonnegative().nullable(),
  uid: z.number().int().nonnegative().nullable(),
});

/** A header-only fetch (BODY[HEADER], BODY.PEEK[HEADER.FIELDS (…)], RFC822.HEADER): the header fields, decoded. */
export const ImapHeaderFetch = z.object({
  /** Frame carrying the literal's last byte. */
  frame: frameNumber,
  frames: z.array(frameNumber),
  segments: z.array(Segment),
  framesUnlisted: count,
  /** Bytes of the header section. */
  size: count,
  complete: z.boolean(),
  truncated: z.boolean(),
  fetchedBy: z.string(),
  /** The data item: BODY[HEADER], BODY[HEADER.FIELDS (SUBJECT FROM)], RFC822.HEADER. */
  section: z.string(),
  number: z.number().int().nonnegative().nullable(),
  uid: z.number().int().nonnegative().nullable(),
  /** Header fields in order: the raw value, and the value with RFC 2047 encoded words decoded (null when there were none). */
  headers: z.array(z.object({ name: z.string(), value: z.string(), decoded: z.string().nullable() })),
  subject: z.string().nullable(),
  from: z.string().nullable(),
  to: z.array(z.string()),
  date: z.string().nullable(),
  messageId: z.string().nullable(),
  /** Why decoding failed, if it did. */
  error: z.string().optional(),
});

export const ImapSession = z.object({
  /** Wireshark's tcp.stream. */
  stream: count,
  client: Endpoint,
  server: Endpoint,
  /** none; starttls (upgraded after STARTTLS, RFC 9051 section 6.2.1); implicit (TLS from the first byte, port 993). */
  tls: z.enum(['none', 'starttls', 'implicit']),
  /** The first frame of TLS: the client's first TLS record after STARTTLS's OK, or the connection's first data frame on 993. Null without TLS. */
  tlsFrame: frameNumber.nullable(),
  /** Frame of the OK to COMPRESS DEFLATE (RFC 4978), after which the dialogue is compressed and not read; null without it. */
  compressedFrame: frameNumber.nullable(),
  /** The greeting's status: OK (log in next), PREAUTH (already logged in) or BYE (refused); null when not captured. */
  greetingStatus: ImapStatus.nullable(),
  /** The greeting's text after its code ("Dovecot (Debian) ready."). */
  greeting: z.string().nullable(),
  /** Frame of the greeting. */
  greetingFrame: frameNumber.nullable(),
  /** Every capability list announced, in order. */
  capabilities: z.array(ImapCapabilities),
  /** The user name the client logged in as (LOGIN or AUTHENTICATE), the last accepted one or else the last tried. */
  user: z.string().nullable(),
  /** Every LOGIN and AUTHENTICATE, in order, decoded; passwords masked unless --reveal-secrets. */
  auth: z.array(ImapAuth),
  transcript: z.array(ImapTranscriptLine),
  /** Lines past the maxTranscriptLines limit: counted, not listed. */
  transcriptUnlisted: count,
  /** Every command with its completion, in the order sent. */
  commands: z.array(ImapCommand),
  commandsUnlisted: count,
  /** The mailboxes LIST and LSUB answers named. */
  mailboxes: z.array(ImapMailbox),
  /** Every SELECT and EXAMINE, with what the server reported. */
  selected: z.array(ImapSelection),
  searches: z.array(ImapSearch),
  /** Every untagged FETCH response, in order. */
  fetches: z.array(ImapFetch),
  fetchesUnlisted: count,
  /** The sequence numbers of * n EXPUNGE responses, in order (each shifts the numbers after it down by one). */
  expunged: z.array(z.number().int().nonnegative()),
  /** Whole messages fetched (and APPENDed), decoded. */
  messages: z.array(ImapMessage),
  /** Header-only fetches, decoded. */
  fetchedHeaders: z.array(ImapHeaderFetch),
  /** The server's * BYE (logging out, or closing the connection), null when none. */
  bye: z.object({ text: z.string(), frame: frameNumber }).nullable(),
  /** False when bytes of the dialogue were lost in the capture, or a command was never completed. */
  complete: z.boolean(),
});

export const ImapModel = z.object({
  /** One per TCP connection that carried IMAP, in the order they were recognised. */
  sessions: z.array(ImapSession),
  /** Sessions past the maxMailSessions limit: read and counted, not listed. */
  sessionsUnlisted: count,
  /** The packet list filtered on imap, in frame order, with Wireshark's Info column (up to the maxPacketRows limit). */
  packets: z.array(PacketRow),
  packetsUnlisted: count,
  /** The session the report shows in full (one that logged in, opened a mailbox and fetched a message, when there is one); null when the capture has none. */
  selection: z.object({ session: SessionSelection.nullable() }),
});

export type ImapTranscriptLine = z.infer<typeof ImapTranscriptLine>;
export type ImapCommand = z.infer<typeof ImapCommand>;
export type ImapSelection = z.infer<typeof ImapSelection>;
export type ImapSearch = z.infer<typeof ImapSearch>;
export type ImapFetch = z.infer<typeof ImapFetch>;
export type ImapAuth = z.infer<typeof ImapAuth>;
export type ImapMessage = z.infer<typeof ImapMessage>;
export type ImapHeaderFetch = z.infer<typeof ImapHeaderFetch>;
export type ImapSession = z.infer<typeof ImapSession>;
export type ImapModel = z.infer<typeof ImapModel>;
