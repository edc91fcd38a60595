import { StartTlsHandoff } from '../tls/handoff.js';
import type { Arrival, Endpoint, StreamHandler } from '../../reassembly/tcp-stream.js';
import { DotBlock, LineReader, type Line } from '../lines.js';
import type { DissectorContext } from '../protocol.js';
import Queue from 'yocto-queue';
import { newSasl, sessionCutWarning, startsTlsRecord, Transcript, type MailRecord, type SaslRecord, type TranscriptLine } from '../mail/records.js';
import { SegmentList } from '../segments.js';
import type { Spool } from '../../export/spool.js';
import type { SmtpSession } from './schema.js';

/*
 * SMTP (RFC 5321) as a dialogue: client commands and server replies paired in order
 * (pipelined or not), multi-line replies joined, the EHLO extensions, SASL exchanges
 * (AUTH LOGIN, PLAIN, CRAM-MD5, XOAUTH2), MAIL/RCPT envelopes, DATA up to the lone dot
 * (dot-unstuffed), BDAT chunks, and STARTTLS, after which nothing more is readable.
 */

/**
 * One SMTP connection as the dissector gathers it: the model's SmtpSession (smtp/schema.ts) where the two agree, with
 * the login and the messages still raw (decoded and masked by analyse.ts) and the replies' enhanced codes not yet read.
 */
export interface SmtpSessionRecord extends Pick<
  SmtpSession,
  | 'stream'
  | 'tls'
  | 'tlsFrame'
  | 'transcript'
  | 'transcriptUnlisted'
  | 'ehlo'
  | 'authUnlisted'
  | 'envelope'
  | 'messagesUnlisted'
  | 'repliesUnlisted'
  | 'failuresUnlisted'
> {
  client: Endpoint;
  server: Endpoint;
  auth: SaslRecord[];
  messages: MailRecord[];
  /** Every reply with its command (the command is null for the greeting), up to maxReplies. */
  replies: Omit<SmtpSession['replies'][number], 'enhanced'>[];
}

export class SmtpCollector {
  readonly sessions: SmtpSessionRecord[] = [];
}

interface PendingCommand {
  verb: string;
  argument: string;
}

const isFailure = (code: number) => code >= 400;

export class SmtpDissector implements StreamHandler {
  readonly session: SmtpSessionRecord;
  private readonly client: LineReader;
  private readonly server: LineReader;
  private readonly transcript: Transcript;
  /** Commands sent and not yet answered, oldest first: a queue, so a flood of pipelined commands pairs in linear time. */
  private readonly pending = new Queue<PendingCommand>();
  /** The reply in progress: its first lines (up to maxReplyLines), and how many it has. */
  private replyLines: Line[] = [];
  private replyLineCount = 0;
  private repliesSeen = 0;
  private mode: 'command' | 'data' | 'sasl' | 'tls' = 'command';
  private message: DotBlock | null = null;
  /** BDAT chunks of the message being built. */
  private chunks: { parts: Buffer[]; size: number; kept: number; keep: number; segments: SegmentList; spool: Spool | null } | null = null;
  /** The frame of the DATA or BDAT command, for a message of which no byte was captured. */
  private dataFrame = 0;
  private sasl: SaslRecord | null = null;
  private started = false;
  /** After STARTTLS: the connection's bytes go to TLS, the decrypted ones come back to the readers. */
  private readonly handoff = new StartTlsHandoff();
  /** A gap of the decrypted bytes is being handled (not one of the TLS bytes). */
  private inside = false;

  constructor(
    private readonly ctx: DissectorContext,
    collector: SmtpCollector,
  ) {
    this.session = {
      stream: ctx.conn.stream,
      client: ctx.conn.client,
      server: ctx.conn.server,
      tls: ctx.decryptedFrom ? 'implicit' : 'none',
      tlsFrame: ctx.decryptedFrom ?? null,
      transcript: [],
      transcriptUnlisted: 0,
      ehlo: null,
      auth: [],
      authUnlisted: 0,
      envelope: { from: null, to: [] },
      messages: [],
      messagesUnlisted: 0,
      replies: [],
      repliesUnlisted: 0,
      failuresUnlisted: 0,
    };
    collector.sessions.push(this.session);
    const { limits } = ctx;
    this.transcript = new Transcript(this.session, limits);
    this.client = new LineReader((l) => this.clientLine(l), limits.maxLineBytes, limits.maxFramesPerMessage);
    this.server = new LineReader((l) => this.serverLine(l), limits.maxLineBytes, limits.maxFramesPerMessage);
  }

  private note(line: TranscriptLine): void {
    this.transcript.line(line);
  }

  /** Whether another message will be kept (past maxMessages it is read to its end and counted). */
  private get keepsMessages(): boolean {
    return this.session.messages.length < this.ctx.limits.maxMessages;
  }

  data(fromClient: boolean, bytes: Uint8Array, frame: number, time: number, completedIn?: Arrival): void {
    if (this.session.tls === 'starttls') return this.handoff.data(fromClient, bytes, frame, time, completedIn);
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

  gap(fromClient: boolean, length: number, frame: number, time = 0): void {
    if (this.session.tls === 'starttls' && !this.inside) return this.handoff.gap(fromClient, length, frame, time);
    (fromClient ? this.client : this.server).gap();
    if (fromClient && this.message) {
      const hole = this.message.gap(length, frame);
      this.ctx.warnings.add({ id: 'smtp.messageGap', frame, stream: this.session.stream, params: { bytes: length, part: hole.inHeader ? 'header' : 'body' } });
    }
  }

  end(fromClient: boolean, closedIn?: Arrival): void {
    this.handoff.end(fromClient, closedIn);
    const conn = this.ctx.conn;
    (fromClient ? this.client : this.server).end(conn.lastFrame, 0);
    if (fromClient && this.message) this.finishMessage(false);
    const ended = this.session.replies.some((r) => r.command === 'QUIT');
    if (!closedIn && !conn.reset && !ended) this.cutWarning.raise();
  }

  /** Said once: the capture stopped before the dialogue ended (no FIN, no RST, no QUIT answered). */
  private readonly cutWarning = sessionCutWarning('SMTP', () => ({ ctx: this.ctx, stream: this.session.stream }));

  private clientLine(line: Line): void {
    if (this.mode === 'data') {
      if (this.message!.add(line)) {
        this.finishMessage(true);
        this.note({ side: 'C', frame: line.frame, bytes: line.bytes, text: line.text });
      }
      return;
    }
    if (this.mode === 'sasl' && this.sasl) {
      if (this.saslStep(this.sasl)) {
        this.sasl.responses.push({ text: line.text, frame: line.frame });
        this.note({ side: 'C', frame: line.frame, bytes: line.bytes, text: line.text, kind: 'sasl' });
      } else this.session.transcriptUnlisted++; // neither kept nor shown: it may hold a secret that is then never registered for masking
      return;
    }
    const m = /^([A-Za-z][A-Za-z0-9-]*)(?: (.*))?$/.exec(line.text);
    const verb = (m?.[1] ?? line.text).toUpperCase();
    const argument = m?.[2] ?? '';
    this.note({ side: 'C', frame: line.frame, bytes: line.bytes, command: verb, argument, text: line.text });
    this.pending.enqueue({ verb, argument });
    switch (verb) {
      case 'EHLO':
      case 'HELO':
        this.session.ehlo = { command: verb, domain: argument, keywords: [], keywordsUnlisted: 0 };
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
        this.message = new DotBlock(
          this.keepsMessages ? this.ctx.limits.maxBodyBytes : 0,
          this.ctx.limits.maxFramesPerMessage,
          this.keepsMessages ? (this.ctx.spooler?.spool(true) ?? null) : null,
          this.ctx.limits.maxMessageHoles,
        );
        break;
      case 'BDAT': {
        const [size, last] = argument.split(/\s+/);
        const n = /^\d{1,12}$/.test(size ?? '') ? Number(size) : 0;
        this.dataFrame = line.frame;
        this.chunks ??= {
          parts: [],
          size: 0,
          kept: 0,
          keep: this.keepsMessages ? this.ctx.limits.maxBodyBytes : 0,
          segments: new SegmentList(this.ctx.limits.maxFramesPerMessage),
          spool: this.keepsMessages ? (this.ctx.spooler?.spool(true) ?? null) : null,
        };
        const chunks = this.chunks;
        this.client.raw(n, (bytes, frame, time, done, completedIn) => {
          chunks.size += bytes.length;
          chunks.spool?.write(bytes);
          if (bytes.length) chunks.segments.add(frame, bytes.length, time, completedIn);
          if (chunks.kept < chunks.keep && bytes.length) {
            const take = Buffer.from(bytes.subarray(0, chunks.keep - chunks.kept));
            chunks.parts.push(take);
            chunks.kept += take.length;
          }
          if (done && (last ?? '').toUpperCase() === 'LAST') this.finishChunks();
        });
        break;
      }
      case 'AUTH': {
        this.sasl = newSasl(argument, line.frame);
        if (this.session.auth.length < this.ctx.limits.maxAuthSteps) this.session.auth.push(this.sasl);
        else this.session.authUnlisted++;
        this.mode = 'sasl';
        break;
      }
    }
  }

  private serverLine(line: Line): void {
    const m = /^(\d{3})([ -]?)(.*)$/.exec(line.text);
    if (!m) {
      this.note({ side: 'S', frame: line.frame, bytes: line.bytes, text: line.text });
      this.ctx.warnings.add({ id: 'smtp.notReply', frame: line.frame, stream: this.session.stream, params: { text: line.text.slice(0, 60) } });
      return;
    }
    const code = Number(m[1]);
    const entry: TranscriptLine = { side: 'S', frame: line.frame, bytes: line.bytes, code, text: line.text };
    if (this.replyLineCount < this.ctx.limits.maxReplyLines + 1) this.replyLines.push(line);
    this.replyLineCount++;
    if (m[2] === '-') {
      // More lines of this reply follow: the first is a status line of its own, the rest are bounded apart.
      if (this.replyLineCount === 1) this.note({ ...entry, kind: 'continuation' });
      else this.transcript.inner({ ...entry, kind: 'continuation' });
      return;
    }
    if (this.replyLineCount === 1) this.note(entry);
    else this.transcript.endReply(entry);
    const lines = this.replyLines;
    const cut = this.replyLineCount - lines.length;
    this.replyLines = [];
    this.replyLineCount = 0;
    this.reply(code, lines, cut, line.frame);
  }

  /** Whether a SASL exchange may keep another step (past maxAuthSteps it is counted). */
  private saslStep(sasl: SaslRecord): boolean {
    if (sasl.responses.length + sasl.challenges.length < this.ctx.limits.maxAuthSteps) return true;
    sasl.stepsUnlisted++;
    return false;
  }

  private addReply(reply: SmtpSessionRecord['replies'][number]): void {
    this.repliesSeen++;
    if (this.session.replies.length < this.ctx.limits.maxReplies) this.session.replies.push(reply);
    else {
      this.session.repliesUnlisted++;
      if (isFailure(reply.code)) this.session.failuresUnlisted++;
    }
  }

  /**
   * A complete reply (its first lines, and how many more it had): it answers the oldest
   * command still waiting (the first reply is the greeting).
   */
  private reply(code: number, lines: Line[], cut: number, frame: number): void {
    const text = lines.map((l) => l.text.slice(4)).join('\n');
    const greeting = this.repliesSeen === 0 && this.pending.size === 0;
    if (this.sasl && this.sasl.result === null && this.mode === 'sasl') {
      if (code === 334) {
        if (this.saslStep(this.sasl)) this.sasl.challenges.push({ text: lines[0]!.text.slice(4).trim(), frame });
        this.addReply({ command: 'AUTH', code, frame, text });
        return;
      }
      this.sasl.result = code;
      this.sasl.resultText = text;
      this.mode = 'command';
    }
    const command = greeting ? null : (this.pending.dequeue() ?? null);
    this.addReply({ command: command?.verb ?? null, code, frame, text });
    if (command?.verb === 'EHLO' && code === 250 && this.session.ehlo) {
      const keywords = lines.slice(1, 1 + this.ctx.limits.maxEhloKeywords);
      this.session.ehlo.keywords = keywords.map((l) => {
        const [keyword = '', ...params] = l.text.slice(4).split(/[ =]/);
        return { keyword: keyword.toUpperCase(), params: params.join(' ') };
      });
      this.session.ehlo.keywordsUnlisted = lines.length + cut - 1 - keywords.length;
    }
    if (command?.verb === 'DATA' && code !== 354 && this.mode === 'data' && this.message && this.message.lines === 0) {
      this.mode = 'command'; // DATA refused: no message follows
      this.message.spool?.discard();
      this.message = null;
    }
    if (command?.verb === 'STARTTLS' && code === 220) {
      this.session.tls = 'starttls';
      this.session.tlsFrame = frame;
      this.mode = 'tls';
      this.note({ side: 'S', frame, bytes: 0, text: '', kind: 'tls' });
      this.handoff.start(this.ctx, 'smtp', {
        data: (fromClient, bytes, f, time, completedIn) => {
          this.mode = this.mode === 'tls' ? 'command' : this.mode; // the dialogue goes on inside TLS
          (fromClient ? this.client : this.server).data(bytes, f, time, completedIn);
        },
        gap: (fromClient, length, f, time) => {
          this.inside = true;
          this.gap(fromClient, length, f, time);
          this.inside = false;
        },
        end: () => {},
      });
    }
  }

  /** The message goes in the transcript as one entry (the textbook's "C: <message>"), then the lone dot. */
  private finishMessage(complete: boolean): void {
    const block = this.message!;
    this.message = null;
    this.mode = 'command';
    // DATA is answered twice: 354 invites the message, and the reply after the lone dot accepts or refuses it.
    this.pending.enqueue({ verb: 'DATA', argument: '' });
    // The frame that ends the message: its last byte, or (nothing received) the DATA command's.
    const frame = block.segments.shownFrame || this.dataFrame;
    this.note({ side: 'C', frame, bytes: block.wireBytes, text: `(${block.lines} lines, ${block.size} bytes)`, kind: 'data' });
    if (!this.keepsMessages) {
      this.session.messagesUnlisted++;
      return;
    }
    this.session.messages.push({
      frame,
      segments: block.segments.list,
      unlistedFrames: block.segments.unlisted,
      size: block.size,
      content: block.content,
      truncated: block.truncated,
      complete: complete && block.holes.length + block.holesUnlisted === 0,
      holes: block.holes,
      ...(block.spool ? { spool: block.spool.close() } : {}),
    });
  }

  private finishChunks(): void {
    const c = this.chunks!;
    this.chunks = null;
    if (!this.keepsMessages) {
      this.session.messagesUnlisted++;
      return;
    }
    const content = Buffer.concat(c.parts);
    this.session.messages.push({
      frame: c.segments.shownFrame || this.dataFrame,
      segments: c.segments.list,
      unlistedFrames: c.segments.unlisted,
      size: c.size,
      content,
      truncated: content.length < c.size,
      complete: true,
      ...(c.spool ? { spool: c.spool.close() } : {}),
    });
  }
}
