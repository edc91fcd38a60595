import { StartTlsHandoff } from '../tls/handoff.js';
import type { Spool, SpooledBody } from '../../export/spool.js';
import type { Limits } from '../../limits.js';
import type { WarningValues } from '../../knowledge/warnings.js';
import type { Arrival, Endpoint, StreamHandler } from '../../reassembly/tcp-stream.js';
import { type WarningId } from '../../warnings.js';
import type { MessageHole } from '../lines.js';
import type { Line } from '../lines.js';
import type { DissectorContext } from '../protocol.js';
import { SegmentList } from '../segments.js';
import { sessionCutWarning, startsTlsRecord, type MailRecord, type SaslRecord } from '../mail/records.js';
import { MAX_INLINE_LITERAL_BYTES, MAX_LITERALS_PER_MESSAGE, MAX_PENDING_COMMANDS, MAX_SEARCH_RESULTS } from './limits.js';
import { ImapReader } from './reader.js';
import type { ImapCommand, ImapFetch, ImapSearch, ImapSelection, ImapTranscriptLine } from './schema.js';
import {
  atomValue,
  decodeMailboxName,
  fetchSection,
  itemBeforeLiteral,
  listAtoms,
  literalMarker,
  numberValue,
  renderTokens,
  responseText,
  stringValue,
  tokenize,
  type Piece,
  type SectionKind,
  type Token,
} from './syntax.js';

/*
 * IMAP (RFC 9051 IMAP4rev2, RFC 3501 IMAP4rev1) as a dialogue: tagged commands paired with
 * their tagged completions by tag (so pipelined commands pair right), untagged data, "+"
 * continuation requests, literals on both sides (their bytes are data, never lines), LOGIN
 * and AUTHENTICATE (SASL, with SASL-IR), IDLE … DONE, the mailboxes LIST shows, what
 * SELECT/EXAMINE report, SEARCH results, FETCH responses (whole messages kept for the MIME
 * decoder, header-only fetches as headers), EXPUNGE, and STARTTLS or implicit TLS (993),
 * after which nothing more is readable.
 */

/** A response's status: the model's. */
export type ImapStatus = NonNullable<ImapTranscriptLine['status']>;
const STATUSES = new Set<string>(['OK', 'NO', 'BAD', 'PREAUTH', 'BYE']);

/** One line of the dialogue as the model lists it (ImapTranscriptLine), with where a password stands in it until it is masked. */
export interface ImapLineRecord extends ImapTranscriptLine {
  /** Characters of `text` that are a password, masked in the model unless --reveal-secrets. */
  secret?: [number, number];
}

/** A command and its completion, as the model pairs them (ImapCommand), with where a password stands in its argument until it is masked. */
export interface ImapCommandRecord extends ImapCommand {
  argumentSecret: [number, number] | null;
}

export interface ImapLoginRecord {
  tag: string;
  frame: number;
  user: string | null;
  password: string;
  /** How the password was written: an atom, a quoted string, or a literal. */
  form: 'atom' | 'quoted' | 'literal';
  /** The password token as on the wire (quoted strings with their escapes), masked with it. */
  wire: string;
  status: ImapCommand['status'];
  text: string;
}

export interface ImapSaslRecord extends SaslRecord {
  tag: string;
}

export type ImapSelectionRecord = ImapSelection;

export type ImapSearchRecord = ImapSearch;

export type ImapFetchRecord = ImapFetch;

/** A message or header carried by a literal: FETCH BODY[]/RFC822 (whole), BODY[HEADER]/RFC822.HEADER (header), or the message an APPEND uploads. */
export interface ImapMessageRecord extends MailRecord {
  fetchedBy: string;
  section: string;
  headersOnly: boolean;
  number: number | null;
  uid: number | null;
}

export interface ImapSessionRecord {
  stream: number;
  client: Endpoint;
  server: Endpoint;
  tls: 'none' | 'starttls' | 'implicit';
  /** The first frame of TLS (after STARTTLS's OK, or the connection's first frame on 993). */
  tlsFrame: number | null;
  /** Frame where COMPRESS DEFLATE (RFC 4978) took effect: nothing after it is read. */
  compressedFrame: number | null;
  greeting: { status: ImapStatus; code: string | null; text: string; frame: number } | null;
  capabilities: { frame: number; source: 'greeting' | 'response' | 'completion'; authenticated: boolean; names: string[] }[];
  transcript: ImapLineRecord[];
  transcriptUnlisted: number;
  commands: ImapCommandRecord[];
  commandsUnlisted: number;
  logins: ImapLoginRecord[];
  sasl: ImapSaslRecord[];
  mailboxes: { command: string; flags: string[]; delimiter: string | null; name: string; decoded: string | null; frame: number }[];
  selected: ImapSelectionRecord[];
  searches: ImapSearchRecord[];
  fetches: ImapFetchRecord[];
  fetchesUnlisted: number;
  expunged: number[];
  messages: ImapMessageRecord[];
  bye: { text: string; frame: number } | null;
  /** Bytes lost in holes of the capture, both directions. */
  lostBytes: number;
  /** Commands with no completion when the capture ended. */
  unanswered: number;
}

export class ImapCollector {
  readonly sessions: ImapSessionRecord[] = [];
  /** Message bytes kept across the whole capture (maxKeptBodyBytes); once spent, messages are described by their size only. */
  readonly budget: { remaining: number };

  constructor(limits: Limits) {
    this.budget = { remaining: limits.maxKeptBodyBytes };
  }
}

/** A literal being read: what it carries decides how much of it is kept. */
interface Literal {
  size: number;
  kind: SectionKind | 'inline';
  keep: number;
  chunks: Buffer[];
  kept: number;
  received: number;
  missing: number;
  /** Where bytes of it were not captured (up to maxMessageHoles), at their offset in what was received. */
  holes: MessageHole[];
  /** Line feeds received, and whether the last byte was one, for the transcript's "(12 lines, 535 bytes)". */
  lines: number;
  endsWithLf: boolean;
  segments: SegmentList;
  frame: number;
  /** With --export: a whole message's bytes go here as they arrive, and what was spooled once it ends. */
  spool: Spool | null;
  spooled?: SpooledBody;
}

/** A command or untagged response read so far: its lines and literals, in order. */
interface Assembly {
  pieces: Piece[];
  entries: (ImapLineRecord | null)[];
  literals: Map<number, Literal>;
  literal: Literal | null;
  /** The frame of the first line: where an empty literal or a lost message is cited. */
  frame: number;
}

interface Pending {
  record: ImapCommandRecord;
  login?: ImapLoginRecord;
  sasl?: ImapSaslRecord;
  selection?: ImapSelectionRecord;
  search?: ImapSearchRecord;
}

type Mode = 'command' | 'sasl' | 'idle' | 'stopped';

export class ImapDissector implements StreamHandler {
  readonly session: ImapSessionRecord;
  private readonly client: ImapReader;
  private readonly server: ImapReader;
  private cmd: (Assembly & { pending: Pending }) | null = null;
  private resp: Assembly | null = null;
  private pending: Pending[] = [];
  private mode: Mode = 'command';
  /** After STARTTLS: the connection's bytes go to TLS, the decrypted ones come back to the readers. */
  private readonly handoff = new StartTlsHandoff();
  private handedOff = false;
  /** A gap of the decrypted bytes is being handled (not one of the TLS bytes). */
  private inside = false;
  private started = false;
  /** STARTTLS was accepted: the next bytes are TLS. */
  private tlsNext = false;
  private authenticated = false;
  private serverResponses = 0;
  private ended = { client: false, server: false };

  constructor(
    private readonly ctx: DissectorContext,
    private readonly collector: ImapCollector,
  ) {
    this.session = {
      stream: ctx.conn.stream,
      client: ctx.conn.client,
      server: ctx.conn.server,
      tls: ctx.decryptedFrom ? 'implicit' : 'none',
      tlsFrame: ctx.decryptedFrom ?? null,
      compressedFrame: null,
      greeting: null,
      capabilities: [],
      transcript: [],
      transcriptUnlisted: 0,
      commands: [],
      commandsUnlisted: 0,
      logins: [],
      sasl: [],
      mailboxes: [],
      selected: [],
      searches: [],
      fetches: [],
      fetchesUnlisted: 0,
      expunged: [],
      messages: [],
      bye: null,
      lostBytes: 0,
      unanswered: 0,
    };
    collector.sessions.push(this.session);
    const { limits } = ctx;
    const sink = (fromClient: boolean) => ({
      line: (l: Line) => (fromClient ? this.clientLine(l) : this.serverLine(l)),
      literalData: (b: Uint8Array, frame: number, time: number) => this.literalData(fromClient, b, frame, time),
      literalGap: (n: number) => this.literalGap(fromClient, n),
      literalEnd: (frame: number) => this.literalEnd(fromClient, frame),
    });
    this.client = new ImapReader(sink(true), limits.maxLineBytes, limits.maxFramesPerMessage);
    this.server = new ImapReader(sink(false), limits.maxLineBytes, limits.maxFramesPerMessage);
  }

  private get max(): number {
    return this.ctx.limits.maxTranscriptLines;
  }

  private note(line: ImapLineRecord): ImapLineRecord | null {
    if (this.session.transcript.length < this.max) {
      this.session.transcript.push(line);
      return line;
    }
    this.session.transcriptUnlisted++;
    return null;
  }

  /** Said once: the capture stopped before the dialogue ended (no FIN, no RST, no LOGOUT). */
  private readonly cutWarning = sessionCutWarning('IMAP', () => ({ ctx: this.ctx, stream: this.session.stream }));

  private warn(frame: number, id: WarningId, params: WarningValues = {}): void {
    this.ctx.warnings.add({ id, frame, stream: this.session.stream, params });
  }

  // --- the byte stream ------------------------------------------------------------------

  data(fromClient: boolean, bytes: Uint8Array, frame: number, time: number, completedIn?: Arrival): void {
    if (this.handedOff) return this.handoff.data(fromClient, bytes, frame, time, completedIn);
    if (this.mode === 'stopped') return;
    if (this.tlsNext) {
      this.tlsNext = false;
      this.startEncrypted(fromClient, frame);
      if (this.ctx.startTls) {
        this.handedOff = true;
        this.handoff.start(this.ctx, 'imap', {
          data: (c, b, f, t) => {
            if (this.mode === 'stopped') this.mode = 'command'; // the dialogue goes on inside TLS
            (c ? this.client : this.server).data(b, f, t);
          },
          gap: (c, length, f, t) => {
            this.inside = true;
            this.gap(c, length, f, t);
            this.inside = false;
          },
          end: () => {},
        });
        this.handoff.data(fromClient, bytes, frame, time, completedIn);
      }
      return;
    }
    if (!this.started) {
      this.started = true;
      if (startsTlsRecord(bytes)) {
        // IMAPS, port 993 (RFC 8314): TLS from the first byte.
        this.session.tls = 'implicit';
        this.startEncrypted(fromClient, frame);
        return;
      }
    }
    (fromClient ? this.client : this.server).data(bytes, frame, time);
  }

  gap(fromClient: boolean, length: number, frame: number, time: number): void {
    if (this.handedOff && !this.inside) return this.handoff.gap(fromClient, length, frame, time);
    if (this.mode === 'stopped') return;
    this.session.lostBytes += length;
    // Lost outside a literal: the rest of the command or response is gone; what was read of it stands.
    if ((fromClient ? this.client : this.server).gap(length, frame, time) > 0) this.finishAssembly(fromClient);
  }

  end(fromClient: boolean, closedIn?: Arrival): void {
    this.handoff.end(fromClient, closedIn);
    const conn = this.ctx.conn;
    const ended = this.session.bye !== null || this.session.commands.some((c) => c.command === 'LOGOUT');
    if (!closedIn && !conn.reset && !ended) this.cutWarning.raise();
    if (this.mode !== 'stopped') {
      (fromClient ? this.client : this.server).end(this.ctx.conn.lastFrame, 0);
      this.finishAssembly(fromClient);
    }
    this.ended[fromClient ? 'client' : 'server'] = true;
    if (this.ended.client && this.ended.server) this.session.unanswered = this.pending.length;
  }

  /** A command or response cut off by a hole or by the capture's end: keep what was read of it (its message marked incomplete). */
  private finishAssembly(fromClient: boolean): void {
    if (fromClient && this.cmd) this.finishCommand();
    else if (!fromClient && this.resp) this.finishResponse(this.resp.entries.findLast((e) => e)?.frame ?? this.resp.frame);
  }

  private startEncrypted(fromClient: boolean, frame: number): void {
    this.session.tlsFrame = frame;
    this.mode = 'stopped';
    this.note({ side: fromClient ? 'C' : 'S', frame, bytes: 0, tag: null, command: null, status: null, code: null, text: '', kind: 'tls' });
  }

  // --- literals -------------------------------------------------------------------------

  /** Whether a command or response may have one more literal (MAX_LITERALS_PER_MESSAGE). */
  private literalAllowed(a: Assembly, line: Line): boolean {
    if (a.literals.size < MAX_LITERALS_PER_MESSAGE) return true;
    this.warn(line.frame, 'imap.tooManyLiterals', { max: MAX_LITERALS_PER_MESSAGE });
    return false;
  }

  private startLiteral(fromClient: boolean, a: Assembly, size: number, kind: Literal['kind'], frame: number, time: number): void {
    const { limits } = this.ctx;
    const keep =
      kind === 'message' || kind === 'header' ? Math.min(size, limits.maxBodyBytes) : kind === 'inline' ? Math.min(size, MAX_INLINE_LITERAL_BYTES) : 0;
    a.literal = {
      size,
      kind,
      keep,
      chunks: [],
      kept: 0,
      received: 0,
      missing: 0,
      holes: [],
      lines: 0,
      endsWithLf: false,
      segments: new SegmentList(limits.maxFramesPerMessage),
      frame: 0,
      spool: kind === 'message' ? (this.ctx.spooler?.spool(true) ?? null) : null,
    };
    (fromClient ? this.client : this.server).literal(size, frame, time);
  }

  private literalData(fromClient: boolean, b: Uint8Array, frame: number, time: number): void {
    const lit = (fromClient ? this.cmd : this.resp)?.literal;
    if (!lit) return;
    lit.received += b.length;
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lit.lines++;
    if (b.length > 0) lit.endsWithLf = b[b.length - 1] === 10;
    lit.segments.add(frame, b.length, time);
    lit.spool?.write(b);
    const room = lit.keep - lit.kept;
    const budgeted = lit.kind === 'message' || lit.kind === 'header';
    const take = Math.min(b.length, room, budgeted ? this.collector.budget.remaining : room);
    if (take > 0) {
      lit.chunks.push(Buffer.from(b.subarray(0, take)));
      lit.kept += take;
      if (budgeted) this.collector.budget.remaining -= take;
    }
  }

  private literalGap(fromClient: boolean, n: number): void {
    const a = fromClient ? this.cmd : this.resp;
    if (!a?.literal) return;
    a.literal.missing += n;
    a.literal.spool?.gap(n);
    if (a.literal.holes.length < this.ctx.limits.maxMessageHoles)
      a.literal.holes.push({ offset: a.literal.received, bytes: n, frame: a.frame, inHeader: false });
    this.warn(a.frame, 'imap.literalGap', { bytes: n, size: a.literal.size, side: fromClient ? 'client' : 'server' });
  }

  private literalEnd(fromClient: boolean, frame: number): void {
    const a = fromClient ? this.cmd : this.resp;
    const lit = a?.literal;
    if (!a || !lit) return;
    a.literal = null;
    lit.frame = lit.segments.lastFrame || frame;
    if (lit.spool) lit.spooled = lit.spool.close();
    const index = a.pieces.length;
    a.literals.set(index, lit);
    const content = Buffer.concat(lit.chunks);
    const shown = lit.kind === 'inline' && lit.kept === lit.size && !/[\u0000-\u0008\u000a-\u001f]/.test(content.toString('latin1'));
    const text = shown ? content.toString('utf8') : null;
    a.pieces.push({ kind: 'literal', size: lit.size, text });
    const lines = lit.lines + (lit.received > 0 && !lit.endsWithLf ? 1 : 0);
    a.entries.push(
      this.note({
        side: fromClient ? 'C' : 'S',
        frame: lit.frame,
        bytes: lit.received,
        tag: null,
        command: null,
        status: null,
        code: null,
        text: text ?? (lit.kind === 'message' || lit.kind === 'header' ? `(${lines} lines, ${lit.size} bytes)` : `(${lit.size} bytes)`),
        kind: shown ? 'literal' : 'data',
      }),
    );
  }

  // --- the client -------------------------------------------------------------------------

  private clientLine(line: Line): void {
    if (this.mode === 'stopped') return;
    if (this.cmd) return this.commandText(line, false);
    if (this.mode === 'sasl') return this.saslAnswer(line);
    if (this.mode === 'idle' && line.text.trim().toUpperCase() === 'DONE') {
      // IDLE ends with DONE (RFC 2177, RFC 9051 section 6.3.13); the server then completes IDLE.
      this.note({ side: 'C', frame: line.frame, bytes: line.bytes, tag: null, command: 'DONE', status: null, code: null, text: line.text });
      this.mode = 'command';
      return;
    }
    const m = /^([^\s(){%*"\\]+) +(\S+)(?: +(\S+))?/.exec(line.text);
    if (!m) {
      this.note({ side: 'C', frame: line.frame, bytes: line.bytes, tag: null, command: null, status: null, code: null, text: line.text });
      if (line.text !== '') this.warn(line.frame, 'imap.notCommand', { text: line.text.slice(0, 60) });
      return;
    }
    const uid = m[2]!.toUpperCase() === 'UID' && m[3] !== undefined;
    const command = (uid ? m[3]! : m[2]!).toUpperCase().replace(/\{\d+\+?\}$/, '');
    const record: ImapCommandRecord = {
      tag: m[1]!,
      command,
      uid,
      argument: '',
      argumentSecret: null,
      status: null,
      code: null,
      text: null,
      frame: line.frame,
      completionFrame: null,
    };
    if (this.session.commands.length < this.max) this.session.commands.push(record);
    else this.session.commandsUnlisted++;
    const pending: Pending = { record };
    this.pending.push(pending);
    if (this.pending.length > MAX_PENDING_COMMANDS) this.pending.shift();
    this.cmd = { pieces: [], entries: [], literals: new Map(), literal: null, frame: line.frame, pending };
    this.commandText(line, true);
  }

  /** A line of the command being read: its first, or the rest of it after a literal. */
  private commandText(line: Line, first: boolean): void {
    const a = this.cmd!;
    const r = a.pending.record;
    a.entries.push(
      this.note({
        side: 'C',
        frame: line.frame,
        bytes: line.bytes,
        tag: first ? r.tag : null,
        command: first ? r.command : null,
        status: null,
        code: null,
        text: line.text,
      }),
    );
    a.pieces.push({ kind: 'text', text: line.text });
    r.frame = line.frame;
    const marker = this.literalAllowed(a, line) ? literalMarker(line.text) : null;
    if (!marker) return this.finishCommand();
    // The message APPEND uploads is the literal after the mailbox name; other literals are strings (a LOGIN password, a mailbox name).
    const isMessage = r.command === 'APPEND' && tokenize(a.pieces).length > 2;
    this.startLiteral(true, a, marker.size, isMessage ? 'message' : 'inline', line.frame, line.time);
  }

  private finishCommand(): void {
    const a = this.cmd!;
    this.cmd = null;
    const p = a.pending;
    const r = p.record;
    const tokens = tokenize(a.pieces);
    const args = tokens.slice(r.uid ? 3 : 2);
    let secret: Token | undefined;
    const markSecret = (t: Token | undefined) => {
      if (!t) return;
      secret = t;
      const entry = a.entries[t.span.piece];
      if (!entry) return;
      const literal = a.pieces[t.span.piece]!.kind === 'literal';
      const quoted = t.kind === 'string' && !t.literal;
      entry.secret = literal ? [0, entry.text.length] : quoted ? [t.span.start + 1, Math.max(t.span.start + 1, t.span.end - 1)] : [t.span.start, t.span.end];
    };
    switch (r.command) {
      case 'LOGIN': {
        const pw = args[1];
        markSecret(pw);
        const wireOf = (t: Token | undefined) => {
          if (!t || t.span.piece >= a.pieces.length) return '';
          const piece = a.pieces[t.span.piece]!;
          return piece.kind === 'literal' ? (piece.text ?? '') : piece.text.slice(t.span.start, t.span.end);
        };
        p.login = {
          tag: r.tag,
          frame: r.frame!,
          user: stringValue(args[0]),
          password: stringValue(pw) ?? '',
          form: pw?.kind === 'string' ? (pw.literal ? 'literal' : 'quoted') : 'atom',
          wire: wireOf(pw),
          status: null,
          text: '',
        };
        if (this.session.logins.length < this.max) this.session.logins.push(p.login);
        break;
      }
      case 'AUTHENTICATE': {
        const mechanism = (atomValue(args[0]) ?? '').toUpperCase();
        p.sasl = { tag: r.tag, mechanism, responses: [], challenges: [], result: null, resultText: '', frame: r.frame!, stepsUnlisted: 0 };
        const initial = args[1];
        if (initial) {
          // SASL-IR (RFC 4959): the first answer on the command line; "=" is an empty one.
          const v = atomValue(initial) ?? stringValue(initial) ?? '';
          p.sasl.responses.push({ text: v === '=' ? '' : v, frame: r.frame! });
          if (mechanism !== 'LOGIN') markSecret(initial);
        }
        if (this.session.sasl.length < this.max) this.session.sasl.push(p.sasl);
        this.mode = 'sasl';
        break;
      }
      case 'IDLE':
        this.mode = 'idle';
        break;
      case 'SELECT':
      case 'EXAMINE':
        p.selection = {
          command: r.command,
          tag: r.tag,
          mailbox: stringValue(args[0]),
          frame: r.frame!,
          completionFrame: null,
          status: null,
          readOnly: null,
          flags: null,
          permanentFlags: null,
          exists: null,
          recent: null,
          unseen: null,
          uidValidity: null,
          uidNext: null,
          highestModSeq: null,
        };
        if (this.session.selected.length < this.max) this.session.selected.push(p.selection);
        break;
      case 'SEARCH':
        p.search = { tag: r.tag, uid: r.uid, criteria: renderTokens(args).text, frame: r.frame!, results: [], resultsUnlisted: 0 };
        if (this.session.searches.length < this.max) this.session.searches.push(p.search);
        break;
    }
    const rendered = renderTokens(args, secret);
    r.argument = rendered.text;
    r.argumentSecret = rendered.secret;
    for (const lit of a.literals.values()) if (lit.kind === 'message') this.keepMessage(lit, commandLine(r), 'APPEND', false, null, null, a.frame);
  }

  /** A client line during AUTHENTICATE: the answer to the last challenge, or "*" to cancel (RFC 9051 section 6.2.2). */
  private saslAnswer(line: Line): void {
    const sasl = this.pending.find((p) => p.sasl && p.record.status === null)?.sasl;
    const entry = this.note({
      side: 'C',
      frame: line.frame,
      bytes: line.bytes,
      tag: null,
      command: null,
      status: null,
      code: null,
      text: line.text,
      kind: 'sasl',
    });
    if (!sasl) return;
    if (line.text === '*') return;
    const isUser = sasl.mechanism === 'LOGIN' && sasl.responses.length === 0;
    if (sasl.responses.length < this.max) sasl.responses.push({ text: line.text, frame: line.frame });
    if (entry && !isUser) entry.secret = [0, line.text.length];
  }

  // --- the server ---------------------------------------------------------------------------

  private serverLine(line: Line): void {
    if (this.mode === 'stopped') return;
    if (this.resp) return this.responseText(line, false);
    const t = line.text;
    if (t.startsWith('+')) return this.continuation(line);
    if (t === '*' || t.startsWith('* ')) {
      this.resp = { pieces: [], entries: [], literals: new Map(), literal: null, frame: line.frame };
      return this.responseText(line, true);
    }
    this.completion(line);
  }

  /** "+ text": the server is ready for a literal, a SASL answer, or (IDLE) is idling. */
  private continuation(line: Line): void {
    const rest = line.text.replace(/^\+ ?/, '');
    const sasl = this.mode === 'sasl' ? this.pending.find((p) => p.sasl && p.record.status === null)?.sasl : undefined;
    if (sasl && sasl.challenges.length < this.max) sasl.challenges.push({ text: rest.trim(), frame: line.frame });
    this.note({
      side: 'S',
      frame: line.frame,
      bytes: line.bytes,
      tag: '+',
      command: null,
      status: null,
      code: null,
      text: line.text,
      kind: sasl ? 'sasl' : 'continue',
    });
  }

  /** A line of an untagged response: its first, or the rest of it after a literal. */
  private responseText(line: Line, first: boolean): void {
    const a = this.resp!;
    let command: string | null = null;
    let status: ImapStatus | null = null;
    let code: string | null = null;
    if (first) {
      const m = /^\* (?:(\d+) )?(\S+)(?: (.*))?$/.exec(line.text);
      const word = m?.[2]?.toUpperCase() ?? null;
      if (word && !m![1] && STATUSES.has(word)) {
        status = word as ImapStatus;
        code = responseText(m![3] ?? '').code;
      } else command = word?.replace(/\{\d+\}$/, '') ?? null;
    }
    a.entries.push(this.note({ side: 'S', frame: line.frame, bytes: line.bytes, tag: first ? '*' : null, command, status, code, text: line.text }));
    a.pieces.push({ kind: 'text', text: line.text });
    const marker = this.literalAllowed(a, line) ? literalMarker(line.text) : null;
    if (!marker) return this.finishResponse(line.frame);
    const firstText = (a.pieces[0] as { text: string }).text;
    const item = /^\* \d+ FETCH /i.test(firstText) ? itemBeforeLiteral(line.text, marker) : null;
    this.startLiteral(false, a, marker.size, item ? (fetchSection(item) ?? 'inline') : 'inline', line.frame, line.time);
  }

  /** A whole untagged response: what it says goes into the session. */
  private finishResponse(frame: number): void {
    const a = this.resp!;
    this.resp = null;
    const tokens = tokenize(a.pieces);
    const first = this.serverResponses++ === 0;
    const word = (atomValue(tokens[1]) ?? '').toUpperCase();
    const n = numberValue(tokens[1]);
    const selection = this.pending.find((p) => p.selection && p.record.status === null)?.selection;
    const text = (a.pieces[0] as { text: string }).text;
    if (STATUSES.has(word)) {
      const { code, text: human } = responseText(text.replace(/^\* \S+ ?/, ''));
      if (first && (word === 'OK' || word === 'PREAUTH' || word === 'BYE')) this.session.greeting = { status: word as ImapStatus, code, text: human, frame };
      if (word === 'PREAUTH') this.authenticated = true;
      if (word === 'BYE') this.session.bye = { text: human, frame };
      if (code) this.responseCode(code, first ? 'greeting' : 'response', frame, selection);
      return;
    }
    const args = tokens.slice(2);
    if (n === null) {
      switch (word) {
        case 'CAPABILITY':
          this.capabilities(
            args.map((t) => atomValue(t) ?? ''),
            'response',
            frame,
          );
          break;
        case 'LIST':
        case 'LSUB': {
          const name = stringValue(args[2]) ?? '';
          if (this.session.mailboxes.length < this.max)
            this.session.mailboxes.push({
              command: word,
              flags: listAtoms(args[0]) ?? [],
              delimiter: stringValue(args[1]),
              name,
              decoded: decodeMailboxName(name),
              frame,
            });
          break;
        }
        case 'FLAGS':
          if (selection) selection.flags = listAtoms(args[0]);
          break;
        case 'SEARCH': {
          const search = this.pending.find((p) => p.search && p.record.status === null)?.search;
          if (!search) break;
          for (const t of args) {
            const v = numberValue(t);
            if (v === null) continue; // (MODSEQ n) after the numbers, RFC 7162
            if (search.results.length < MAX_SEARCH_RESULTS) search.results.push(v);
            else search.resultsUnlisted++;
          }
          break;
        }
      }
      return;
    }
    const what = (atomValue(tokens[2]) ?? '').toUpperCase();
    if (what === 'EXISTS' && selection) selection.exists = n;
    else if (what === 'RECENT' && selection) selection.recent = n;
    else if (what === 'EXPUNGE' && this.session.expunged.length < this.max) this.session.expunged.push(n);
    else if (what === 'FETCH') this.fetchResponse(n, tokens[3], a, frame);
  }

  private fetchResponse(number: number, list: Token | undefined, a: Assembly, frame: number): void {
    const items = list?.kind === 'list' ? list.items : [];
    const record: ImapFetchRecord = { frame, number, uid: null, flags: null, size: null, internalDate: null, items: [], fetchedBy: null };
    const carried: { item: string; kind: SectionKind; literal: Literal }[] = [];
    for (let i = 0; i < items.length; i += 2) {
      const name = atomValue(items[i]);
      if (name === null) continue;
      const value = items[i + 1];
      record.items.push(name);
      const upper = name.toUpperCase();
      if (upper === 'UID') record.uid = numberValue(value);
      else if (upper === 'FLAGS') record.flags = listAtoms(value);
      else if (upper === 'RFC822.SIZE') record.size = numberValue(value);
      else if (upper === 'INTERNALDATE') record.internalDate = stringValue(value);
      else if (value?.kind === 'string' && value.literal) {
        const literal = a.literals.get(value.span.piece);
        const kind = fetchSection(name);
        if (literal && (kind === 'message' || kind === 'header')) carried.push({ item: name, kind, literal });
      }
    }
    const command = this.fetchCommandFor(record.items);
    record.fetchedBy = command ? commandLine(command.record) : null;
    if (this.session.fetches.length < this.max) this.session.fetches.push(record);
    else this.session.fetchesUnlisted++;
    for (const c of carried) this.keepMessage(c.literal, record.fetchedBy ?? `FETCH ${number}`, c.item, c.kind === 'header', number, record.uid, a.frame);
  }

  /** The pending FETCH an untagged FETCH answers: the one that asked for its data item (pipelined FETCHes are answered in any order), else the oldest. */
  private fetchCommandFor(items: string[]): Pending | undefined {
    const fetches = this.pending.filter((p) => p.record.command === 'FETCH' && p.record.status === null);
    const norm = (s: string) => s.toUpperCase().replace(/\.PEEK\[/g, '[');
    const asked = items.filter((i) => fetchSection(i) !== null).map(norm);
    return fetches.find((p) => asked.some((i) => norm(p.record.argument).includes(i))) ?? fetches[0];
  }

  private keepMessage(
    lit: Literal,
    fetchedBy: string,
    section: string,
    headersOnly: boolean,
    number: number | null,
    uid: number | null,
    firstFrame: number,
  ): void {
    if (this.session.messages.length >= this.max) return;
    const content = Buffer.concat(lit.chunks);
    this.session.messages.push({
      frame: lit.segments.lastFrame || lit.frame || firstFrame,
      segments: lit.segments.list,
      unlistedFrames: lit.segments.unlisted,
      size: lit.size,
      content,
      truncated: content.length < lit.size,
      complete: lit.received === lit.size,
      holes: lit.holes,
      fetchedBy,
      section,
      headersOnly,
      number,
      uid,
      ...(lit.spooled ? { spool: lit.spooled } : {}),
    });
  }

  /** A tagged status: the command with that tag is complete. */
  private completion(line: Line): void {
    const m = /^(\S+) (\S+)(?: (.*))?$/.exec(line.text);
    const word = m?.[2]?.toUpperCase() ?? '';
    if (!m || !(word === 'OK' || word === 'NO' || word === 'BAD')) {
      this.note({ side: 'S', frame: line.frame, bytes: line.bytes, tag: m?.[1] ?? null, command: null, status: null, code: null, text: line.text });
      if (line.text !== '') this.warn(line.frame, 'imap.notResponse', { text: line.text.slice(0, 60) });
      return;
    }
    this.serverResponses++;
    const tag = m[1]!;
    const status = word as 'OK' | 'NO' | 'BAD';
    const { code, text } = responseText(m[3] ?? '');
    const at = this.pending.findIndex((p) => p.record.tag === tag);
    const p = at >= 0 ? this.pending.splice(at, 1)[0]! : null;
    this.note({ side: 'S', frame: line.frame, bytes: line.bytes, tag, command: p?.record.command ?? null, status, code, text: line.text });
    if (this.cmd && this.cmd.pending === p && (this.cmd.literal?.received ?? 0) === 0) {
      // The server refused the command before its synchronising literal was sent: the client does not send it.
      // (Bytes of it already sent are the literal's: the client did not wait, and goes on sending it.)
      this.client.cancelLiteral();
      this.cmd.literal = null;
      this.finishCommand();
    }
    if (!p) {
      const orphan: ImapCommandRecord = {
        tag,
        command: null,
        uid: false,
        argument: '',
        argumentSecret: null,
        status,
        code,
        text,
        frame: null,
        completionFrame: line.frame,
      };
      if (this.session.commands.length < this.max) this.session.commands.push(orphan);
      else this.session.commandsUnlisted++;
      if (code) this.responseCode(code, 'completion', line.frame, undefined);
      return;
    }
    const r = p.record;
    Object.assign(r, { status, code, text, completionFrame: line.frame });
    if (p.login) {
      p.login.status = status;
      p.login.text = `${status} ${m[3] ?? ''}`.trim();
    }
    if (p.sasl) {
      p.sasl.result = status === 'OK' ? 1 : 0;
      p.sasl.resultText = `${status} ${m[3] ?? ''}`.trim();
    }
    if ((p.login || p.sasl) && status === 'OK') this.authenticated = true;
    if (this.mode === 'sasl' && p.sasl) this.mode = 'command';
    if (this.mode === 'idle' && r.command === 'IDLE') this.mode = 'command';
    if (p.selection) {
      p.selection.status = status;
      p.selection.completionFrame = line.frame;
      const access = code?.toUpperCase();
      p.selection.readOnly = access === 'READ-ONLY' ? true : access === 'READ-WRITE' ? false : p.selection.command === 'EXAMINE' ? true : null;
    }
    if (code) this.responseCode(code, 'completion', line.frame, p.selection);
    if (status === 'OK' && r.command === 'STARTTLS') {
      this.session.tls = 'starttls';
      this.tlsNext = true;
    }
    if (status === 'OK' && r.command === 'COMPRESS') {
      this.session.compressedFrame = line.frame;
      this.mode = 'stopped';
      this.warn(line.frame, 'imap.compressed');
    }
  }

  /** What a [response code] says about the session (RFC 9051 section 7.1). */
  private responseCode(code: string, source: 'greeting' | 'response' | 'completion', frame: number, selection: ImapSelectionRecord | undefined): void {
    const [atom = '', ...rest] = code.split(' ');
    const name = atom.toUpperCase();
    const arg = rest.join(' ');
    const num = /^\d{1,15}$/.test(arg) ? Number(arg) : null;
    if (name === 'CAPABILITY') this.capabilities(rest, source, frame);
    if (!selection) return;
    if (name === 'UIDVALIDITY') selection.uidValidity = num;
    else if (name === 'UIDNEXT') selection.uidNext = num;
    else if (name === 'UNSEEN') selection.unseen = num;
    else if (name === 'HIGHESTMODSEQ') selection.highestModSeq = num;
    else if (name === 'PERMANENTFLAGS') selection.permanentFlags = listAtoms(tokenize([{ kind: 'text', text: arg }])[0]);
  }

  private capabilities(names: string[], source: 'greeting' | 'response' | 'completion', frame: number): void {
    if (this.session.capabilities.length >= this.max) return;
    this.session.capabilities.push({ frame, source, authenticated: this.authenticated, names: names.filter((n) => n !== '') });
  }
}

/** A command as the report names it: "FETCH 1 (BODY[])", "UID FETCH 1:2 (…)". */
export function commandLine(r: ImapCommandRecord): string {
  return `${r.uid ? 'UID ' : ''}${r.command ?? '?'}${r.argument ? ` ${r.argument}` : ''}`;
}
