import { StartTlsHandoff } from '../tls/handoff.js';
import type { Arrival, Endpoint, StreamHandler } from '../../reassembly/tcp-stream.js';
import { DotBlock, LineReader, type Line } from '../lines.js';
import type { DissectorContext } from '../protocol.js';
import Queue from 'yocto-queue';
import type { Pop3Session } from './schema.js';
import { newSasl, sessionCutWarning, startsTlsRecord, Transcript, type MailRecord, type SaslRecord, type TranscriptLine } from '../mail/records.js';

/*
 * POP3 (RFC 1939) as a dialogue: commands and +OK/-ERR responses paired in order,
 * multi-line responses (CAPA, LIST, UIDL, RETR, TOP) taken to the lone dot and
 * dot-unstuffed, RETR/TOP messages kept for MIME decoding, USER/PASS/APOP and SASL AUTH
 * (RFC 5034), and STLS (RFC 2595), after which nothing more is readable.
 */

/**
 * One POP3 connection as the dissector gathers it: the model's Pop3Session (pop3/schema.ts) where the two agree, with
 * the password, the SASL logins and the messages still raw (decoded and masked by analyse.ts).
 */
export interface Pop3SessionRecord extends Pick<
  Pop3Session,
  | 'stream'
  | 'tls'
  | 'tlsFrame'
  | 'greeting'
  | 'transcript'
  | 'transcriptUnlisted'
  | 'user'
  | 'authUnlisted'
  | 'messagesUnlisted'
  | 'responses'
  | 'responsesUnlisted'
  | 'failuresUnlisted'
> {
  client: Endpoint;
  server: Endpoint;
  /** PASS argument or APOP digest: decoded for the report's explanation, masked in every output unless --reveal-secrets. */
  secret: { command: 'PASS' | 'APOP'; value: string; frame: number; accepted: boolean | null } | null;
  auth: SaslRecord[];
  messages: (MailRecord & { command: string; argument: string })[];
}

export class Pop3Collector {
  readonly sessions: Pop3SessionRecord[] = [];
}

/** Commands whose +OK response is multi-line, ended by a lone dot (RFC 1939, RFC 2449). */
function multiLine(command: string, argument: string): boolean {
  switch (command) {
    case 'CAPA':
    case 'RETR':
    case 'TOP':
      return true;
    case 'LIST':
    case 'UIDL':
    case 'LANG':
      return argument.trim() === '';
    case 'AUTH':
      return argument.trim() === ''; // without a mechanism, some servers list the mechanisms (RFC 5034 leaves it open)
    default:
      return false;
  }
}

export class Pop3Dissector implements StreamHandler {
  readonly session: Pop3SessionRecord;
  private readonly client: LineReader;
  private readonly server: LineReader;
  private readonly transcript: Transcript;
  /** Commands sent and not yet answered, oldest first (a queue: pipelined floods pair in linear time). */
  private readonly pending = new Queue<{ command: string; argument: string }>();
  private responsesSeen = 0;
  /** The multi-line response being read, and what it answers. */
  private block: { first: Line; command: string; argument: string; dot: DotBlock } | null = null;
  private sasl: SaslRecord | null = null;
  private tls = false;
  private started = false;
  /** After STLS: the connection's bytes go to TLS, the decrypted ones come back to the readers. */
  private readonly handoff = new StartTlsHandoff();
  /** A gap of the decrypted bytes is being handled (not one of the TLS bytes). */
  private inside = false;

  constructor(
    private readonly ctx: DissectorContext,
    collector: Pop3Collector,
  ) {
    this.session = {
      stream: ctx.conn.stream,
      client: ctx.conn.client,
      server: ctx.conn.server,
      tls: ctx.decryptedFrom ? 'implicit' : 'none',
      tlsFrame: ctx.decryptedFrom ?? null,
      greeting: null,
      transcript: [],
      transcriptUnlisted: 0,
      user: null,
      secret: null,
      auth: [],
      authUnlisted: 0,
      messages: [],
      messagesUnlisted: 0,
      responses: [],
      responsesUnlisted: 0,
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

  private addResponse(response: Pop3SessionRecord['responses'][number]): void {
    this.responsesSeen++;
    if (this.session.responses.length < this.ctx.limits.maxReplies) this.session.responses.push(response);
    else {
      this.session.responsesUnlisted++;
      if (response.indicator === '-ERR') this.session.failuresUnlisted++;
    }
  }

  /** Whether a SASL exchange may keep another step (past maxAuthSteps it is counted). */
  private saslStep(sasl: SaslRecord): boolean {
    if (sasl.responses.length + sasl.challenges.length < this.ctx.limits.maxAuthSteps) return true;
    sasl.stepsUnlisted++;
    return false;
  }

  data(fromClient: boolean, bytes: Uint8Array, frame: number, time: number, completedIn?: Arrival): void {
    if (this.session.tls === 'stls') return this.handoff.data(fromClient, bytes, frame, time, completedIn);
    if (this.tls) return;
    if (!this.started) {
      this.started = true;
      if (startsTlsRecord(bytes)) {
        this.session.tls = 'implicit'; // POP3S, port 995 (RFC 8314)
        this.session.tlsFrame = frame;
        this.tls = true;
        return;
      }
    }
    (fromClient ? this.client : this.server).data(bytes, frame, time, completedIn);
  }

  gap(fromClient: boolean, length: number, frame: number, time = 0): void {
    if (this.session.tls === 'stls' && !this.inside) return this.handoff.gap(fromClient, length, frame, time);
    (fromClient ? this.client : this.server).gap();
    if (!fromClient && this.block) {
      const hole = this.block.dot.gap(length, frame);
      this.ctx.warnings.add({
        id: 'pop3.responseGap',
        frame,
        stream: this.session.stream,
        params: { bytes: length, command: this.block.command, part: hole.inHeader ? 'header' : 'body' },
      });
    }
  }

  end(fromClient: boolean, closedIn?: Arrival): void {
    this.handoff.end(fromClient, closedIn);
    const conn = this.ctx.conn;
    (fromClient ? this.client : this.server).end(conn.lastFrame, 0);
    if (!fromClient && this.block) this.finishBlock(null);
    const ended = this.session.responses.some((r) => r.command === 'QUIT');
    if (!closedIn && !conn.reset && !ended) this.cutWarning.raise();
  }

  /** Said once: the capture stopped before the dialogue ended (no FIN, no RST, no QUIT answered). */
  private readonly cutWarning = sessionCutWarning('POP3', () => ({ ctx: this.ctx, stream: this.session.stream }));

  private clientLine(line: Line): void {
    if (this.sasl && this.sasl.result === null) {
      if (this.saslStep(this.sasl)) {
        this.sasl.responses.push({ text: line.text, frame: line.frame });
        this.note({ side: 'C', frame: line.frame, bytes: line.bytes, text: line.text, kind: 'sasl' });
      } else this.session.transcriptUnlisted++; // neither kept nor shown: it may hold a secret that is then never registered for masking
      return;
    }
    const space = line.text.indexOf(' ');
    const command = (space < 0 ? line.text : line.text.slice(0, space)).toUpperCase();
    const argument = space < 0 ? '' : line.text.slice(space + 1);
    this.note({ side: 'C', frame: line.frame, bytes: line.bytes, command, argument, text: line.text });
    this.pending.enqueue({ command, argument });
    if (command === 'USER') this.session.user = argument;
    else if (command === 'PASS') this.session.secret = { command: 'PASS', value: argument, frame: line.frame, accepted: null };
    else if (command === 'APOP') {
      const [user = '', digest = ''] = argument.split(' ');
      this.session.user = user;
      this.session.secret = { command: 'APOP', value: digest, frame: line.frame, accepted: null };
    } else if (command === 'AUTH' && argument.trim() !== '') {
      this.sasl = newSasl(argument, line.frame);
      if (this.session.auth.length < this.ctx.limits.maxAuthSteps) this.session.auth.push(this.sasl);
      else this.session.authUnlisted++;
    }
  }

  private serverLine(line: Line): void {
    if (this.block) {
      if (this.block.dot.add(line)) return this.finishBlock(line);
      // Listings (CAPA, LIST, UIDL) go in the transcript line by line, bounded apart; a message (RETR, TOP) as one entry at its end.
      if (this.block.command !== 'RETR' && this.block.command !== 'TOP')
        this.transcript.inner({ side: 'S', frame: line.frame, bytes: line.bytes, text: line.text, kind: 'continuation' });
      return;
    }
    if (this.sasl && this.sasl.result === null && line.text.startsWith('+ ')) {
      if (this.saslStep(this.sasl)) this.sasl.challenges.push({ text: line.text.slice(2), frame: line.frame });
      this.note({ side: 'S', frame: line.frame, bytes: line.bytes, text: line.text, kind: 'sasl' });
      return;
    }
    const m = /^([+-](?:OK|ERR))\b ?(.*)$/i.exec(line.text);
    if (!m) {
      this.note({ side: 'S', frame: line.frame, bytes: line.bytes, text: line.text });
      this.ctx.warnings.add({ id: 'pop3.notResponse', frame: line.frame, stream: this.session.stream, params: { text: line.text.slice(0, 60) } });
      return;
    }
    const indicator = m[1]!.toUpperCase() as '+OK' | '-ERR';
    this.note({ side: 'S', frame: line.frame, bytes: line.bytes, indicator, text: line.text });
    const greeting = this.session.greeting === null && this.responsesSeen === 0 && this.pending.size === 0;
    if (greeting) {
      this.session.greeting = m[2]!;
      this.addResponse({ command: null, argument: '', indicator, frame: line.frame, text: m[2]!, lines: 1 });
      return;
    }
    const cmd = this.pending.dequeue() ?? { command: '?', argument: '' };
    if (this.sasl && this.sasl.result === null && cmd.command === 'AUTH') {
      this.sasl.result = indicator === '+OK' ? 1 : 0;
      this.sasl.resultText = m[2]!;
    }
    if ((cmd.command === 'PASS' || cmd.command === 'APOP') && this.session.secret) this.session.secret.accepted = indicator === '+OK';
    if (indicator === '+OK' && multiLine(cmd.command, cmd.argument)) {
      this.block = {
        first: line,
        command: cmd.command,
        argument: cmd.argument,
        dot: new DotBlock(
          this.keepsMessage(cmd.command) ? this.ctx.limits.maxBodyBytes : 0,
          this.ctx.limits.maxFramesPerMessage,
          this.keepsMessage(cmd.command) ? (this.ctx.spooler?.spool(true) ?? null) : null,
          this.ctx.limits.maxMessageHoles,
        ),
      };
      return;
    }
    this.addResponse({ command: cmd.command, argument: cmd.argument, indicator, frame: line.frame, text: m[2]!, lines: 1 });
    if (cmd.command === 'STLS' && indicator === '+OK') {
      this.session.tls = 'stls';
      this.session.tlsFrame = line.frame;
      this.tls = true;
      this.note({ side: 'S', frame: line.frame, bytes: 0, text: '', kind: 'tls' });
      this.handoff.start(this.ctx, 'pop3', {
        data: (fromClient, bytes, f, time, completedIn) => (fromClient ? this.client : this.server).data(bytes, f, time, completedIn),
        gap: (fromClient, length, f, time) => {
          this.inside = true;
          this.gap(fromClient, length, f, time);
          this.inside = false;
        },
        end: () => {},
      });
    }
  }

  /** The multi-line response ended (at its lone dot, or cut off when `dotLine` is null). */
  private finishBlock(dotLine: Line | null): void {
    const { first, command, argument, dot } = this.block!;
    this.block = null;
    // The frame that ends the message: its last byte, or (nothing received) the +OK line's.
    const last = dot.segments.shownFrame || dotLine?.frame || first.frame;
    this.addResponse({ command, argument, indicator: '+OK', frame: first.frame, text: first.text.replace(/^\+OK ?/i, ''), lines: dot.lines });
    const message = command === 'RETR' || command === 'TOP';
    if (message) this.note({ side: 'S', frame: last, bytes: dot.wireBytes, text: `(${dot.lines} lines, ${dot.size} bytes)`, kind: 'data' });
    if (message && !this.keepsMessage(command)) this.session.messagesUnlisted++;
    else if (message) {
      this.session.messages.push({
        command,
        argument,
        frame: last,
        segments: dot.segments.list,
        unlistedFrames: dot.segments.unlisted,
        size: dot.size,
        content: dot.content,
        truncated: dot.truncated,
        complete: dotLine !== null && dot.holes.length + dot.holesUnlisted === 0,
        holes: dot.holes,
        ...(dot.spool ? { spool: dot.spool.close() } : {}),
      });
    }
    this.transcript.endReply(dotLine ? { side: 'S', frame: dotLine.frame, bytes: dotLine.bytes, text: '.' } : null);
  }

  /** Whether the answer to this command is a message that will be kept (past maxMessages it is read to its end and counted). */
  private keepsMessage(command: string): boolean {
    return (command === 'RETR' || command === 'TOP') && this.session.messages.length < this.ctx.limits.maxMessages;
  }
}
