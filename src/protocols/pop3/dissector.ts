import type { Arrival, Endpoint, StreamHandler } from '../../reassembly/tcp-stream.js';
import { DotBlock, LineReader, type Line } from '../lines.js';
import type { DissectorContext } from '../protocol.js';
import { noteLine, startsTlsRecord, type MailRecord, type SaslRecord, type TranscriptLine } from '../smtp/dissector.js';

/*
 * POP3 (RFC 1939) as a dialogue: commands and +OK/-ERR responses paired in order,
 * multi-line responses (CAPA, LIST, UIDL, RETR, TOP) taken to the lone dot and
 * dot-unstuffed, RETR/TOP messages kept for MIME decoding, USER/PASS/APOP and SASL AUTH
 * (RFC 5034), and STLS (RFC 2595), after which nothing more is readable.
 */

export interface Pop3SessionRecord {
  stream: number;
  client: Endpoint;
  server: Endpoint;
  tls: 'none' | 'stls' | 'implicit';
  tlsFrame: number | null;
  greeting: string | null;
  transcript: TranscriptLine[];
  transcriptUnlisted: number;
  user: string | null;
  /** PASS argument or APOP digest: decoded for the report's explanation, masked in every output unless --reveal-secrets. */
  secret: { command: 'PASS' | 'APOP'; value: string; frame: number; accepted: boolean | null } | null;
  auth: SaslRecord[];
  messages: (MailRecord & { command: string; argument: string })[];
  /** Every response with its command (null for the greeting). */
  responses: { command: string | null; argument: string; indicator: '+OK' | '-ERR'; frame: number; text: string; lines: number }[];
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
  private pending: { command: string; argument: string }[] = [];
  /** The multi-line response being read, and what it answers. */
  private block: { first: Line; command: string; argument: string; dot: DotBlock } | null = null;
  private sasl: SaslRecord | null = null;
  private tls = false;
  private started = false;

  constructor(
    private readonly ctx: DissectorContext,
    collector: Pop3Collector,
  ) {
    this.session = {
      stream: ctx.conn.stream,
      client: ctx.conn.client,
      server: ctx.conn.server,
      tls: 'none',
      tlsFrame: null,
      greeting: null,
      transcript: [],
      transcriptUnlisted: 0,
      user: null,
      secret: null,
      auth: [],
      messages: [],
      responses: [],
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

  gap(fromClient: boolean, length: number, frame: number): void {
    (fromClient ? this.client : this.server).gap();
    if (!fromClient && this.block)
      this.ctx.warnings.add(frame, `TCP stream ${this.session.stream}: ${length} bytes of a POP3 ${this.block.command} response were not captured`);
  }

  end(fromClient: boolean): void {
    (fromClient ? this.client : this.server).end(this.ctx.conn.lastFrame, 0);
    if (!fromClient && this.block) this.finishBlock(null);
  }

  private clientLine(line: Line): void {
    if (this.sasl && this.sasl.result === null) {
      this.sasl.responses.push({ text: line.text, frame: line.frame });
      this.note({ side: 'C', frame: line.frame, bytes: line.bytes, text: line.text, kind: 'sasl' });
      return;
    }
    const space = line.text.indexOf(' ');
    const command = (space < 0 ? line.text : line.text.slice(0, space)).toUpperCase();
    const argument = space < 0 ? '' : line.text.slice(space + 1);
    this.note({ side: 'C', frame: line.frame, bytes: line.bytes, command, argument, text: line.text });
    this.pending.push({ command, argument });
    if (command === 'USER') this.session.user = argument;
    else if (command === 'PASS') this.session.secret = { command: 'PASS', value: argument, frame: line.frame, accepted: null };
    else if (command === 'APOP') {
      const [user = '', digest = ''] = argument.split(' ');
      this.session.user = user;
      this.session.secret = { command: 'APOP', value: digest, frame: line.frame, accepted: null };
    } else if (command === 'AUTH' && argument.trim() !== '') {
      const [mechanism = '', ...initial] = argument.split(' ');
      this.sasl = { mechanism: mechanism.toUpperCase(), responses: [], challenges: [], result: null, resultText: '', frame: line.frame };
      if (initial.length) this.sasl.responses.push({ text: initial.join(' '), frame: line.frame });
      this.session.auth.push(this.sasl);
    }
  }

  private serverLine(line: Line): void {
    if (this.block) {
      if (this.block.dot.add(line)) return this.finishBlock(line);
      // Short listings (CAPA, LIST, UIDL) go in the transcript line by line; a message (RETR, TOP) as one entry at its end.
      if (this.block.command !== 'RETR' && this.block.command !== 'TOP')
        this.note({ side: 'S', frame: line.frame, bytes: line.bytes, text: line.text, kind: 'continuation' });
      return;
    }
    if (this.sasl && this.sasl.result === null && line.text.startsWith('+ ')) {
      this.sasl.challenges.push({ text: line.text.slice(2), frame: line.frame });
      this.note({ side: 'S', frame: line.frame, bytes: line.bytes, text: line.text, kind: 'sasl' });
      return;
    }
    const m = /^([+-](?:OK|ERR))\b ?(.*)$/i.exec(line.text);
    if (!m) {
      this.note({ side: 'S', frame: line.frame, bytes: line.bytes, text: line.text });
      this.ctx.warnings.add(line.frame, `TCP stream ${this.session.stream}: "${line.text.slice(0, 60)}" is not a POP3 response`);
      return;
    }
    const indicator = m[1]!.toUpperCase() as '+OK' | '-ERR';
    this.note({ side: 'S', frame: line.frame, bytes: line.bytes, indicator, text: line.text });
    const greeting = this.session.greeting === null && this.session.responses.length === 0 && this.pending.length === 0;
    if (greeting) {
      this.session.greeting = m[2]!;
      this.session.responses.push({ command: null, argument: '', indicator, frame: line.frame, text: m[2]!, lines: 1 });
      return;
    }
    const cmd = this.pending.shift() ?? { command: '?', argument: '' };
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
        dot: new DotBlock(this.ctx.limits.maxBodyBytes, this.ctx.limits.maxFramesPerMessage),
      };
      return;
    }
    this.session.responses.push({ command: cmd.command, argument: cmd.argument, indicator, frame: line.frame, text: m[2]!, lines: 1 });
    if (cmd.command === 'STLS' && indicator === '+OK') {
      this.session.tls = 'stls';
      this.session.tlsFrame = line.frame;
      this.tls = true;
      this.note({ side: 'S', frame: line.frame, bytes: 0, text: '', kind: 'tls' });
    }
  }

  /** The multi-line response ended (at its lone dot, or cut off when `dotLine` is null). */
  private finishBlock(dotLine: Line | null): void {
    const { first, command, argument, dot } = this.block!;
    this.block = null;
    // The frame that ends the message: its last byte, or (nothing received) the +OK line's.
    const last = dot.segments.shownFrame || dotLine?.frame || first.frame;
    this.session.responses.push({ command, argument, indicator: '+OK', frame: first.frame, text: first.text.replace(/^\+OK ?/i, ''), lines: dot.lines });
    if (command === 'RETR' || command === 'TOP') {
      this.note({ side: 'S', frame: last, bytes: dot.wireBytes, text: `(${dot.lines} lines, ${dot.size} bytes)`, kind: 'data' });
      this.session.messages.push({
        command,
        argument,
        frame: last,
        segments: dot.segments.list,
        unlistedFrames: dot.segments.unlisted,
        size: dot.size,
        content: dot.content,
        truncated: dot.truncated,
        complete: dotLine !== null,
      });
    }
    if (dotLine) this.note({ side: 'S', frame: dotLine.frame, bytes: dotLine.bytes, text: '.' });
  }
}
