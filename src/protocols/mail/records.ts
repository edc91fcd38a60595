import type { SpooledBody } from '../../export/spool.js';
import type { Limits } from '../../limits.js';
import { once } from '../../warnings.js';
import type { DissectorContext } from '../protocol.js';
import type { MessageHole } from '../lines.js';
import type { SegmentRef } from '../segments.js';
import type { TranscriptLine } from './schema.js';

/*
 * What the mail dissectors (SMTP, POP3, IMAP) gather alike: dialogue lines, messages
 * kept for MIME decoding, SASL exchanges decoded later (sasl.ts), and the moment a
 * connection turns to TLS.
 */

export type { TranscriptLine };

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
  /** Where bytes of it were not captured (a message with one is not complete). */
  holes?: MessageHole[];
  /** With --export: the whole message as sent (dot-unstuffed), spooled to a file. */
  spool?: SpooledBody;
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
  /** Challenges and responses past maxAuthSteps: counted, not kept (nor shown: a response may hold a secret). */
  stepsUnlisted: number;
}

/** A SASL exchange opened by `AUTH mechanism [initial-response]`. */
export function newSasl(argument: string, frame: number): SaslRecord {
  const [mechanism = '', ...initial] = argument.split(' ');
  const sasl: SaslRecord = { mechanism: mechanism.toUpperCase(), responses: [], challenges: [], result: null, resultText: '', frame, stepsUnlisted: 0 };
  if (initial.length) sasl.responses.push({ text: initial.join(' '), frame });
  return sasl;
}

/** Whether bytes start a TLS record (handshake, alert or application data; TLS 1.0 to 1.3): a connection encrypted from its first byte. */
export const startsTlsRecord = (b: Uint8Array) => b.length >= 3 && (b[0] === 0x16 || b[0] === 0x17 || b[0] === 0x15) && b[1] === 0x03 && b[2]! <= 0x04;

/**
 * A dialogue's transcript within its bounds. Commands and status lines count against
 * maxTranscriptLines; the lines inside a multi-line reply (SMTP "250-…", POP3 listings) are
 * bounded apart, by maxReplyLines per reply (and maxTranscriptLines in all), so that a long
 * listing never crowds out the commands after it. What is cut is counted: a reply's cut
 * lines on the line that ends it, the rest in transcriptUnlisted.
 */
export class Transcript {
  /** Lines inside multi-line replies listed so far, and inside the reply in progress. */
  private innerListed = 0;
  private replyListed = 0;
  private replyCut = 0;

  constructor(
    private readonly session: { transcript: TranscriptLine[]; transcriptUnlisted: number },
    private readonly limits: Pick<Limits, 'maxTranscriptLines' | 'maxReplyLines'>,
  ) {}

  /** A command, a status line, or any other line of its own. */
  line(line: TranscriptLine): void {
    if (this.session.transcript.length - this.innerListed < this.limits.maxTranscriptLines) this.session.transcript.push(line);
    else this.session.transcriptUnlisted++;
  }

  /** A line inside a multi-line reply. */
  inner(line: TranscriptLine): void {
    if (this.replyListed < this.limits.maxReplyLines && this.innerListed < this.limits.maxTranscriptLines) {
      this.session.transcript.push(line);
      this.replyListed++;
      this.innerListed++;
    } else this.replyCut++;
  }

  /** The line that ends a multi-line reply (its last status line, or POP3's lone dot); null when the reply was cut off. */
  endReply(line: TranscriptLine | null): void {
    if (line) this.line(this.replyCut ? { ...line, linesUnlisted: this.replyCut } : line);
    else this.session.transcriptUnlisted += this.replyCut;
    this.replyListed = 0;
    this.replyCut = 0;
  }
}

/**
 * The warning that the capture stopped before a mail dialogue ended (no FIN, no RST, no
 * QUIT or LOGOUT answered), said at most once: SMTP, POP3 and IMAP raise it from their ends.
 */
export function sessionCutWarning(protocol: 'SMTP' | 'POP3' | 'IMAP', of: () => { ctx: DissectorContext; stream: number }): { raise(): void } {
  return once(() => {
    const { ctx, stream } = of(); // asked when raised: a dissector's fields are set by then
    ctx.warnings.add({ id: 'mail.sessionCut', frame: ctx.conn.lastFrame, stream, params: { protocol, last: ctx.conn.lastFrame } });
  });
}
