import type { AnalyseContext, DissectedConnection } from '../slice.js';
import type { WarningValues } from '../../knowledge/warnings.js';

/**
 * The sessions a mail collector keeps (SMTP, POP3, IMAP): the first `max` of the capture,
 * as the dissectors open them. A session past them is counted, not kept: its dissector
 * still reads it to the end (so the dialogue stays in step), and what it gathers is
 * dropped with its connection. So the records, and the model made of them, stay the same
 * size however many sessions a capture holds (maxMailSessions), as exchanges past
 * maxExchanges do for HTTP.
 *
 * A dissector adds its session with `push` (see smtp/dissector.ts); everything else reads
 * the list as the array it is. (The bound sits here rather than in each collector so the
 * dissectors stay as they are; a collector may as well hold a SessionList itself.)
 */
export class SessionList<T> extends Array<T> {
  /** Sessions past the limit: counted, not kept. */
  unlisted = 0;

  // map, filter, slice … of the list give plain arrays.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  constructor(private readonly max: number) {
    super();
  }

  override push(...sessions: T[]): number {
    for (const s of sessions) {
      if (this.length < this.max) super.push(s);
      else this.unlisted++;
    }
    return this.length;
  }
}

/**
 * Sessions whose messages are decoded at once: all at once, each holding its messages'
 * decoded parts (a PDF attachment, its base64 text) until the last is done, made the
 * analysis of a large capture its peak of memory.
 */
export const MAIL_DECODE_CONCURRENCY = 2;

/**
 * A collector (SmtpCollector, Pop3Collector, ImapCollector) whose sessions are a
 * SessionList of `max`: the slices' start() makes theirs so.
 */
export function boundedSessions<C extends { readonly sessions: unknown[] }>(collector: C, max: number): C {
  Object.defineProperty(collector, 'sessions', { value: new SessionList(max), enumerable: true });
  return collector;
}

/**
 * How many sessions of a slice's records were past maxMailSessions; when some were, a
 * warning says so with what their connections add up to.
 */
export function countUnlisted(sessions: readonly { stream: number }[], label: string, protocol: string, ctx: AnalyseContext): number {
  const unlisted = sessions instanceof SessionList ? sessions.unlisted : 0;
  if (unlisted > 0)
    ctx.warnings.add({
      id: 'mail.sessionsUnlisted',
      params: unlistedSessionsParams(label, protocol, unlisted, ctx.limits.maxMailSessions, sessions, ctx.connections),
    });
  return unlisted;
}

/**
 * What the sessions not listed add up to, from their connections (those of `protocol`
 * whose tcp.stream is not among the listed sessions'): the words of the warning that says the list stops.
 */
function unlistedSessionsParams(
  label: string,
  protocol: string,
  unlisted: number,
  max: number,
  listed: readonly { stream: number }[],
  connections: readonly DissectedConnection[],
): WarningValues {
  const shown = new Set(listed.map((s) => s.stream));
  let packets = 0;
  let bytes = 0;
  let first = Infinity;
  let last = 0;
  let counted = 0;
  for (const { conn, protocol: p } of connections) {
    if (p !== protocol || shown.has(conn.stream)) continue;
    counted++;
    packets += conn.packets;
    bytes += conn.bytes;
    first = Math.min(first, conn.firstFrame);
    last = Math.max(last, conn.lastFrame);
  }
  const span: WarningValues = counted > 0 ? { connections: counted, partial: counted === unlisted ? 0 : 1, packets, bytes, first, last } : {};
  return { protocol: label, count: unlisted, limit: 'maxMailSessions', max, counted, ...span };
}
