import type { Arrival, Endpoint, StreamHandler } from '../../reassembly/tcp-stream.js';
import { DotBlock, LineReader, type Line } from '../lines.js';
import type { DissectorContext } from '../protocol.js';
import { SegmentList, type SegmentRef } from '../segments.js';

/*
 * SMTP (RFC 5321) as a dialogue: client commands and server replies paired in order
 * (pipelined or not), multi-line replies joined, the EHLO extensions, SASL exchanges
 * (AUTH LOGIN, PLAIN, CRAM-MD5, XOAUTH2), MAIL/RCPT envelopes, DATA up to the lone dot
 * (dot-unstuffed), BDAT chunks, and STARTTLS, after which nothing more is readable.
 */

/** One line of the dialogue, as the textbook writes it: C: … / S: … */
export interface TranscriptLine {
  side: 'C' | 'S';
  frame: number;
  /** Bytes of the line on the wire, CR LF included. */
  bytes: number;
  /** Client command verb, upper case. */
  command?: string;
  argument?: string;
  /** Server reply code (SMTP). */
  code?: number;
  /** POP3 status indicator. */
  indicator?: '+OK' | '-ERR';
  /** The line as sent (latin1 bytes as text). */
  text: string;
  /** What kind of line it is, beyond a plain command or reply. */
  kind?: 'sasl' | 'data' | 'tls' | 'continuation';
}

/** A message carried by the dialogue: bytes kept for MIME decoding. */
export interface MailRecord {
  frame: number;
  segments: SegmentRef[];
  unlistedFrames: number;
  /** Message bytes after dot-unstuffing. */
  size: number;
  content: Buffer;
  truncated: boolean;
  complete: boolean;
}

/** A SASL exchange (AUTH): the mechanism and every client response, decoded later. */
export interface SaslRecord {
  mechanism: string;
  /** The initial response on the AUTH line, then each line the client sent after a 334 / + challenge. */
  responses: { text: string; frame: number }[];
  /** The server's challenges (base64), in order, with their frames. */
  challenges: { text: string; frame: number }[];
  /** Reply code ending the exchange (235 success, 535 failure) or null. */
  result: number | null;
  resultText: string;
  frame: number;
}

export interface SmtpSessionRecord {
  stream: number;
  client: Endpoint;
  server: Endpoint;
  tls: 'none' | 'starttls' | 'implicit';
  /** Frame where TLS begins. */
  tlsFrame: number | null;
  transcript: TranscriptLine[];
  transcriptUnlisted: number;
  ehlo: { command: string; domain: string; keywords: { keyword: string; params: string }[] } | null;
  auth: SaslRecord[];
  envelope: { from: string | null; to: string[] };
  messages: MailRecord[];
  /** Every reply with its command (the command is null for the greeting). */
  replies: { command: string | null; code: number; frame: number; text: string }[];
}

export class SmtpCollector {
  readonly sessions: SmtpSessionRecord[] = [];
}

interface PendingCommand {
  verb: string;
  argument: string;
}

/** Whether bytes start a TLS record (handshake, alert or application data; TLS 1.0 to 1.3): a connection encrypted from its first byte. */
export const startsTlsRecord = (b: Uint8Array) => b.length >= 3 && (b[0] === 0x16 || b[0] === 0x17 || b[0] === 0x15) && b[1] === 0x03 && b[2]! <= 0x04;

/** Add a line to a session's transcript, or count it once the transcript holds `max` lines. */
export function noteLine(session: { transcript: TranscriptLine[]; transcriptUnlisted: number }, line: TranscriptLine, max: number): void {
  if (session.transcript.length < max) session.transcript.push(line);
  else session.transcriptUnlisted++;
}

export class SmtpDissector implements StreamHandler {
  readonly session: SmtpSessionRecord;
  private readonly client: LineReader;
  private readonly server: LineReader;
  private pending: PendingCommand[] = [];
  private replyLines: Line[] = [];
  private mode: 'command' | 'data' | 'sasl' | 'tls' = 'command';
  private message: DotBlock | null = null;
  /** BDAT chunks of the message being built. */
  private chunks: { parts: Buffer[]; size: number; segments: SegmentList } | null = null;
  /** The frame of the DATA or BDAT command, for a message of which no byte was captured. */
  private dataFrame = 0;
  private sasl: SaslRecord | null = null;
  private started = false;

  constructor(
    private readonly ctx: DissectorContext,
    collector: SmtpCollector,
  ) {
    this.session = {
      stream: ctx.conn.stream,
      client: ctx.conn.client,
      server: ctx.conn.server,
      tls: 'none',
      tlsFrame: null,
      transcript: [],
      transcriptUnlisted: 0,
      ehlo: null,
      auth: [],
      envelope: { from: null, to: [] },
      messages: [],
      replies: [],
    };
    collector.sessions.push(this.session);
    const { limits } = ctx;
    this.client = new LineReader((l) => this.clientLine(l), limits.maxLineBytes, limits.maxFramesPerMessage);
    this.server = new LineReader((l) => this.serverLine(l), limits.maxLineBytes, limits.maxFramesPerMessage);
  }

  private note(line: TranscriptLine): void {
    noteLine(this.session, line, this.ctx.limits.maxTranscriptLines);
  }

  data(fromClient: boolean, bytes: Uint8Array, frame: number, time: number, completedIn?: Arrival): void {
    if (this.mode === 'tls') return;
    if (!this.started) {
      this.started = true;
      if (startsTlsRecord(bytes)) {
        // Implicit TLS (port 465, RFC 8314): the connection is encrypted from its first byte.
        this.session.tls = 'implicit';
        this.session.tlsFrame = frame;
        this.mode = 'tls';
        return;
      }
    }
    (fromClient ? this.client : this.server).data(bytes, frame, time, completedIn);
  }

  gap(fromClient: boolean, length: number, frame: number): void {
    (fromClient ? this.client : this.server).gap();
    if (fromClient && this.message) this.ctx.warnings.add(frame, `TCP stream ${this.session.stream}: ${length} bytes of the mail message were not captured`);
  }

  end(fromClient: boolean): void {
    const conn = this.ctx.conn;
    (fromClient ? this.client : this.server).end(conn.lastFrame, 0);
    if (fromClient && this.message) this.finishMessage(false);
  }

  private clientLine(line: Line): void {
    if (this.mode === 'data') {
      if (this.message!.add(line)) {
        this.finishMessage(true);
        this.note({ side: 'C', frame: line.frame, bytes: line.bytes, text: line.text });
      }
      return;
    }
    if (this.mode === 'sasl' && this.sasl) {
      this.sasl.responses.push({ text: line.text, frame: line.frame });
      this.note({ side: 'C', frame: line.frame, bytes: line.bytes, text: line.text, kind: 'sasl' });
      return;
    }
    const m = /^([A-Za-z][A-Za-z0-9-]*)(?: (.*))?$/.exec(line.text);
    const verb = (m?.[1] ?? line.text).toUpperCase();
    const argument = m?.[2] ?? '';
    this.note({ side: 'C', frame: line.frame, bytes: line.bytes, command: verb, argument, text: line.text });
    this.pending.push({ verb, argument });
    switch (verb) {
      case 'EHLO':
      case 'HELO':
        this.session.ehlo = { command: verb, domain: argument, keywords: [] };
        break;
      case 'MAIL':
        this.session.envelope.from = /<([^>]*)>/.exec(argument)?.[1] ?? argument.replace(/^FROM:\s*/i, '');
        break;
      case 'RCPT': {
        const to = /<([^>]*)>/.exec(argument)?.[1] ?? argument.replace(/^TO:\s*/i, '');
        if (this.session.envelope.to.length < this.ctx.limits.maxRecipients) this.session.envelope.to.push(to);
        break;
      }
      case 'DATA':
        this.dataFrame = line.frame;
        // The client sends the message once the server says 354; lines go to the message from now.
        this.mode = 'data';
        this.message = new DotBlock(this.ctx.limits.maxBodyBytes, this.ctx.limits.maxFramesPerMessage);
        break;
      case 'BDAT': {
        const [size, last] = argument.split(/\s+/);
        const n = /^\d{1,12}$/.test(size ?? '') ? Number(size) : 0;
        this.dataFrame = line.frame;
        this.chunks ??= { parts: [], size: 0, segments: new SegmentList(this.ctx.limits.maxFramesPerMessage) };
        const chunks = this.chunks;
        this.client.raw(n, (bytes, frame, time, done, completedIn) => {
          chunks.size += bytes.length;
          if (bytes.length) chunks.segments.add(frame, bytes.length, time, completedIn);
          const kept = chunks.parts.reduce((s, p) => s + p.length, 0);
          if (kept < this.ctx.limits.maxBodyBytes) chunks.parts.push(Buffer.from(bytes.subarray(0, this.ctx.limits.maxBodyBytes - kept)));
          if (done && (last ?? '').toUpperCase() === 'LAST') this.finishChunks();
        });
        break;
      }
      case 'AUTH': {
        const [mechanism = '', ...initial] = argument.split(' ');
        this.sasl = { mechanism: mechanism.toUpperCase(), responses: [], challenges: [], result: null, resultText: '', frame: line.frame };
        if (initial.length) this.sasl.responses.push({ text: initial.join(' '), frame: line.frame });
        this.session.auth.push(this.sasl);
        this.mode = 'sasl';
        break;
      }
    }
  }

  private serverLine(line: Line): void {
    const m = /^(\d{3})([ -]?)(.*)$/.exec(line.text);
    if (!m) {
      this.note({ side: 'S', frame: line.frame, bytes: line.bytes, text: line.text });
      this.ctx.warnings.add(line.frame, `TCP stream ${this.session.stream}: "${line.text.slice(0, 60)}" is not an SMTP reply`);
      return;
    }
    const code = Number(m[1]);
    this.note({ side: 'S', frame: line.frame, bytes: line.bytes, code, text: line.text, ...(m[2] === '-' ? { kind: 'continuation' as const } : {}) });
    this.replyLines.push(line);
    if (m[2] === '-') return; // more lines of this reply follow
    const lines = this.replyLines;
    this.replyLines = [];
    this.reply(code, lines, line.frame);
  }

  /** A complete reply: it answers the oldest command still waiting (the first reply is the greeting). */
  private reply(code: number, lines: Line[], frame: number): void {
    const text = lines.map((l) => l.text.slice(4)).join('\n');
    const greeting = this.session.replies.length === 0 && this.pending.length === 0;
    if (this.sasl && this.sasl.result === null && this.mode === 'sasl') {
      if (code === 334) {
        this.sasl.challenges.push({ text: lines[0]!.text.slice(4).trim(), frame });
        this.session.replies.push({ command: 'AUTH', code, frame, text });
        return;
      }
      this.sasl.result = code;
      this.sasl.resultText = text;
      this.mode = 'command';
    }
    const command = greeting ? null : (this.pending.shift() ?? null);
    this.session.replies.push({ command: command?.verb ?? null, code, frame, text });
    if (command?.verb === 'EHLO' && code === 250 && this.session.ehlo) {
      this.session.ehlo.keywords = lines.slice(1).map((l) => {
        const [keyword = '', ...params] = l.text.slice(4).split(/[ =]/);
        return { keyword: keyword.toUpperCase(), params: params.join(' ') };
      });
    }
    if (command?.verb === 'DATA' && code !== 354 && this.mode === 'data' && this.message && this.message.lines === 0) {
      this.mode = 'command'; // DATA refused: no message follows
      this.message = null;
    }
    if (command?.verb === 'STARTTLS' && code === 220) {
      this.session.tls = 'starttls';
      this.session.tlsFrame = frame;
      this.mode = 'tls';
      this.note({ side: 'S', frame, bytes: 0, text: '', kind: 'tls' });
    }
  }

  /** The message goes in the transcript as one entry (the textbook's "C: <message>"), then the lone dot. */
  private finishMessage(complete: boolean): void {
    const block = this.message!;
    this.message = null;
    this.mode = 'command';
    // DATA is answered twice: 354 invites the message, and the reply after the lone dot accepts or refuses it.
    this.pending.push({ verb: 'DATA', argument: '' });
    // The frame that ends the message: its last byte, or (nothing received) the DATA command's.
    const frame = block.segments.shownFrame || this.dataFrame;
    this.note({ side: 'C', frame, bytes: block.wireBytes, text: `(${block.lines} lines, ${block.size} bytes)`, kind: 'data' });
    this.session.messages.push({
      frame,
      segments: block.segments.list,
      unlistedFrames: block.segments.unlisted,
      size: block.size,
      content: block.content,
      truncated: block.truncated,
      complete,
    });
  }

  private finishChunks(): void {
    const c = this.chunks!;
    this.chunks = null;
    const content = Buffer.concat(c.parts);
    this.session.messages.push({
      frame: c.segments.shownFrame || this.dataFrame,
      segments: c.segments.list,
      unlistedFrames: c.segments.unlisted,
      size: c.size,
      content,
      truncated: content.length < c.size,
      complete: true,
    });
  }
}
