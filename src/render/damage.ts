import { warningNote, warningText } from '../knowledge/warnings.js';
import type { Language } from '../knowledge/types.js';
import type { ReportModel, Warning } from '../report/schema.js';

/*
 * Damage shown where it matters: the views put a mark and the words of the warnings that
 * concern a thing (an exchange, a line of a dialogue, a message, a packet-list row) beside
 * it, in the report's language, from the warnings' ids and parameters. The words are
 * plain text with captured text inside: the templates escape them for their context, as
 * they escape every value.
 */

/** Put before a note on damage. */
export const DAMAGE_MARK = '⚠';

/** A warning's sentence in the report's language (its English message when the tables do not know its id: a model from another version). */
export function warningWords(w: Warning, lang: Language): string {
  return warningText(w, lang) ?? w.message;
}

/** Words of the tables that are not warnings (the notes' own words), filled with `values`. */
export function noteWords(id: string, lang: Language, values: Record<string, string | number> = {}): string {
  return warningNote({ id, params: values }, lang) ?? id;
}

/** The warnings about one connection whose frame is between `from` and `to` (inclusive), of the given ids (all when none given). */
export function warningsOn(model: ReportModel, stream: number, from: number, to: number, ids?: readonly string[]): Warning[] {
  return model.warnings.filter((w) => w.stream === stream && w.frame !== undefined && w.frame >= from && w.frame <= to && (!ids || ids.includes(w.id)));
}

/** The notes of those warnings, without the connection (the thing they sit beside names it), each after the mark. */
export function damageNotes(warnings: readonly Warning[], lang: Language): string[] {
  return [...new Set(warnings.map((w) => `${DAMAGE_MARK} ${warningNote(w, lang) ?? w.message}`))];
}

/** The warnings that say the capture file itself is cut off or damaged (reading stopped there). */
export function captureDamage(model: ReportModel): Warning[] {
  return model.warnings.filter((w) => w.id.startsWith('capture.'));
}

/** The last frame read when reading stopped early (the file cut off or damaged), else null. */
export function readingStoppedAfter(model: ReportModel): number | null {
  const stop = captureDamage(model).find((w) => w.id !== 'capture.secretsBlock' && typeof w.params.last === 'number');
  return stop ? (stop.params.last as number) : null;
}

/** The notes of every warning about one connection, by the frame each names: for the lines of its dialogue. */
export function notesByFrame(model: ReportModel, stream: number, lang: Language): Map<number, string[]> {
  const byFrame = new Map<number, Warning[]>();
  for (const w of model.warnings) if (w.stream === stream && w.frame !== undefined) byFrame.set(w.frame, [...(byFrame.get(w.frame) ?? []), w]);
  return new Map([...byFrame].map(([frame, ws]) => [frame, damageNotes(ws, lang)]));
}

/** The warning that the capture ended before a session did, if it did. */
export function sessionCut(model: ReportModel, stream: number): Warning | undefined {
  return model.warnings.find((w) => w.id === 'mail.sessionCut' && w.stream === stream);
}
