/*
 * The knowledge tables: what each header field, status code, reply code and command
 * means, in plain language. Facts that do not depend on the language (the RFC that
 * defines an entry, whether a method is safe) live in one `facts.ts` per domain; the
 * words live in one file per language (`en.ts`, `zh.ts`) keyed by the same ids, so a
 * translator edits text and never code, and the compiler rejects a missing entry.
 */

/** The languages a report is written in. */
export type Language = 'en' | 'zh';

/** Where an entry is defined, as cited in the report: "RFC 9110, section 12.5.1". */
export interface Reference {
  /** RFC number (or 0 for a non-RFC source, with `source` set). */
  rfc: number;
  /** Section number within it, e.g. "12.5.1". */
  section?: string;
  /** A non-RFC source, by its name only (words about it go in `note`), e.g. "WHATWG Fetch" or "W3C Upgrade Insecure Requests". */
  source?: string;
  /** What the source is, when its name does not say it: words in each language's ui table (`ref.<note>`). */
  note?: RefNote;
}

/** Kinds of non-RFC source, worded in the ui tables. */
export type RefNote = 'deFacto' | 'commonField' | 'expiredDraft' | 'localDelivery' | 'authDrafts' | 'previewDraft' | 'replacedBySpecialUse';

/** One explained entry in a language: a short name and a one- or two-sentence explanation. */
export interface Explanation {
  /** Short name in the language (for HTTP status codes: the reason phrase, translated). */
  title: string;
  /** Plain-language explanation a student can understand, 1–3 sentences. */
  text: string;
}
