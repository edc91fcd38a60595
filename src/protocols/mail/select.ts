import { UsageError } from '../../errors.js';
import type { SessionSelection } from './schema.js';

/**
 * The mail session the report shows in full: the one the user chose by tcp.stream, or the
 * one that shows the most of the protocol (the score says how much).
 */
export function selectSession<S extends { stream: number }>(
  sessions: readonly S[],
  chosen: number | undefined,
  score: (s: S) => number,
  flag: string,
  label: string,
): SessionSelection | null {
  if (chosen !== undefined) {
    if (!sessions.some((s) => s.stream === chosen)) {
      const streams = sessions.map((s) => s.stream);
      const list = streams.length
        ? `${label} sessions are on tcp.stream ${streams.slice(0, 12).join(', ')}${streams.length > 12 ? ', …' : ''}`
        : `the capture has no ${label} session`;
      throw new UsageError(`${flag} ${chosen}: no ${label} session on tcp.stream ${chosen} (${list})`);
    }
    return { stream: chosen, chosenBy: 'config' };
  }
  let best: S | null = null;
  for (const s of sessions) if (best === null || score(s) > score(best)) best = s;
  return best ? { stream: best.stream, chosenBy: 'auto' } : null;
}
