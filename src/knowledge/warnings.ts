import { IntlMessageFormat } from 'intl-messageformat';
import { coreWarningsEn, type CoreWarningId } from './core/warnings-en.js';
import { coreWarningsZh } from './core/warnings-zh.js';
import { httpWarningsEn, type HttpWarningId } from './http/warnings-en.js';
import { httpWarningsZh } from './http/warnings-zh.js';
import { imapWarningsEn, type ImapWarningId } from './imap/warnings-en.js';
import { imapWarningsZh } from './imap/warnings-zh.js';
import { mailWarningsEn, type MailWarningId } from './mail/warnings-en.js';
import { mailWarningsZh } from './mail/warnings-zh.js';
import { transportWarningsEn, type TransportWarningId } from './tls/warnings-en.js';
import { transportWarningsZh } from './tls/warnings-zh.js';
import type { Language } from './types.js';

/*
 * The words of every warning, by id and language, and the one function that words a
 * warning from its id and parameters. The words are ICU messages, formatted with
 * intl-messageformat (FormatJS): its `plural` and `select` give "1 byte" / "2 bytes" and
 * client / server in each language's own grammar, which English sentences built in code
 * could not.
 */

/** Every warning's id ("tcp.gap", "http.incomplete", …); `*.reason.*` ids word another warning's `{reason}`, `note.*` ids the notes beside what a warning affects. */
export type WarningId = CoreWarningId | HttpWarningId | MailWarningId | ImapWarningId | TransportWarningId;

export const WARNING_WORDS: Record<Language, Record<WarningId, string>> = {
  en: { ...coreWarningsEn, ...httpWarningsEn, ...mailWarningsEn, ...imapWarningsEn, ...transportWarningsEn },
  zh: { ...coreWarningsZh, ...httpWarningsZh, ...mailWarningsZh, ...imapWarningsZh, ...transportWarningsZh },
};

export type WarningValues = Record<string, string | number>;

/** A warning as its words need it: its id, its parameters, and the connection and frame it concerns. */
export interface WarningCode {
  id: string;
  params: WarningValues;
  stream?: number;
  frame?: number;
}

const compiled: Record<Language, Map<string, IntlMessageFormat>> = { en: new Map(), zh: new Map() };

function message(id: string, lang: Language): IntlMessageFormat | null {
  let m = compiled[lang].get(id);
  if (!m) {
    const words = (WARNING_WORDS[lang] as Record<string, string>)[id];
    if (words === undefined) return null;
    m = new IntlMessageFormat(words, lang === 'zh' ? 'zh-CN' : 'en-US', undefined, { ignoreTag: true });
    compiled[lang].set(id, m);
  }
  return m;
}

/** Whether the tables have words for `id`. */
export function isWarningId(id: string): id is WarningId {
  return Object.prototype.hasOwnProperty.call(WARNING_WORDS.en, id);
}

/**
 * A warning's words in `lang`, without the "TCP stream N: " before them (the note beside
 * what it affects); null for an id the tables do not have (a model from another version).
 * A `reason` parameter naming an id is replaced by that id's words.
 */
export function warningNote(w: WarningCode, lang: Language): string | null {
  const m = message(w.id, lang);
  if (!m) return null;
  const values: Record<string, string | number> = { ...w.params };
  if (w.stream !== undefined) values.stream ??= w.stream;
  if (w.frame !== undefined) values.frame ??= w.frame;
  const reason = values.reason;
  if (typeof reason === 'string' && reason !== w.id && isWarningId(reason)) values.reason = warningNote({ ...w, id: reason }, lang) ?? reason;
  try {
    return String(m.format(values));
  } catch {
    return null; // a parameter missing from a hand-edited model: the caller shows the model's message
  }
}

/** A warning's sentence in `lang`, with the connection it concerns ("TCP stream 3: …"); null for an unknown id. */
export function warningText(w: WarningCode, lang: Language): string | null {
  const note = warningNote(w, lang);
  if (note === null || w.stream === undefined) return note;
  return String(message('core.streamPrefix', lang)!.format({ stream: w.stream, text: note }));
}
