import { HTTP_HEADERS, HTTP_METHODS, HTTP_STATUS, HTTP_STATUS_CLASSES, type HttpMethodFact, type HttpTexts } from './http/facts.js';
import { httpEn } from './http/en.js';
import { httpZh } from './http/zh.js';
import { mailEn } from './mail/en.js';
import * as MAIL from './mail/facts.js';
import type { MailTexts } from './mail/types.js';
import { mailUiEn } from './mail/ui-en.js';
import { mailUiZh } from './mail/ui-zh.js';
import { mailZh } from './mail/zh.js';
import type { Explanation, Language, Reference } from './types.js';
import { type UiStrings, uiEn } from './ui/en.js';
import { uiZh } from './ui/zh.js';

/*
 * The knowledge tables, looked up by language. An entry that is not in the tables is
 * reported as unknown: labreport never invents a meaning.
 */

export type { Language } from './types.js';
export type { UiStrings };

const HTTP_TEXTS: Record<Language, HttpTexts> = { en: httpEn, zh: httpZh };
export const UI: Record<Language, UiStrings> = { en: uiEn, zh: uiZh };

/** An explanation with the reference it comes from, ready for the report. */
export interface Explained extends Explanation {
  ref: string;
}

/** "RFC 9110, section 12.5.1" / "RFC 9110 第 12.5.1 节", or the document's name. */
export function formatRef(ref: Reference, lang: Language): string {
  if (ref.rfc === 0) {
    const note = ref.note ? UI[lang][`ref.${ref.note}`] : '';
    return [ref.source, note].filter(Boolean).join(UI[lang].refSeparator);
  }
  if (!ref.section) return `RFC ${ref.rfc}`;
  return lang === 'zh' ? `RFC ${ref.rfc} 第 ${ref.section} 节` : `RFC ${ref.rfc} §${ref.section}`;
}

const has = <T extends object>(table: T, key: PropertyKey): key is keyof T => Object.prototype.hasOwnProperty.call(table, key);

export function explainHeader(name: string, lang: Language): (Explained & { role: string }) | null {
  const id = name.toLowerCase();
  if (!has(HTTP_HEADERS, id)) return null;
  const fact = HTTP_HEADERS[id];
  return { ...HTTP_TEXTS[lang].headers[id], ref: formatRef(fact.ref, lang), role: fact.role };
}

export function explainStatus(code: number, lang: Language): Explained | null {
  if (!has(HTTP_STATUS, code)) return null;
  return { ...HTTP_TEXTS[lang].status[code], ref: formatRef(HTTP_STATUS[code].ref, lang) };
}

export function explainStatusClass(code: number, lang: Language): Explained | null {
  const cls = `${Math.floor(code / 100)}xx`;
  if (!has(HTTP_STATUS_CLASSES, cls)) return null;
  return { ...HTTP_TEXTS[lang].statusClasses[cls], ref: formatRef(HTTP_STATUS_CLASSES[cls].ref, lang) };
}

export function explainMethod(method: string, lang: Language): (Explained & Omit<HttpMethodFact, 'ref'>) | null {
  if (!has(HTTP_METHODS, method)) return null;
  const fact = HTTP_METHODS[method];
  return { ...fact, ...HTTP_TEXTS[lang].methods[method], ref: formatRef(fact.ref, lang) };
}

const MAIL_TEXTS: Record<Language, MailTexts> = { en: mailEn, zh: mailZh };

/** Each mail table of texts with its table of facts. */
const MAIL_FACTS: { [K in keyof MailTexts]: Record<string, { ref: Reference }> } = {
  smtpCommands: MAIL.SMTP_COMMANDS,
  smtpReplyCodes: MAIL.SMTP_REPLY_CODES,
  smtpReplyDigits: MAIL.SMTP_REPLY_DIGITS,
  enhancedClasses: MAIL.ENHANCED_CLASSES,
  enhancedSubjects: MAIL.ENHANCED_SUBJECTS,
  enhancedStatus: MAIL.ENHANCED_STATUS,
  ehloKeywords: MAIL.EHLO_KEYWORDS,
  saslMechanisms: MAIL.SASL_MECHANISMS,
  pop3Commands: MAIL.POP3_COMMANDS,
  pop3Indicators: MAIL.POP3_INDICATORS,
  pop3Capabilities: MAIL.POP3_CAPABILITIES,
  mailHeaders: MAIL.MAIL_HEADERS,
  transferEncodings: MAIL.TRANSFER_ENCODINGS,
  mimeTypes: MAIL.MIME_TYPES,
};

/** An SMTP, POP3 or mail-format entry explained: explainMail('smtpReplyCodes', '250', 'zh'). */
export function explainMail(table: keyof MailTexts, id: string, lang: Language): Explained | null {
  const facts = MAIL_FACTS[table];
  if (!has(facts, id)) return null;
  const text = (MAIL_TEXTS[lang][table] as Record<string, Explanation>)[id]!;
  return { ...text, ref: formatRef(facts[id]!.ref, lang) };
}

/** An SMTP reply code: its own entry, or else what its digits mean (RFC 5321 section 4.2.1). */
export function explainSmtpReply(code: number, lang: Language): Explained | null {
  const own = explainMail('smtpReplyCodes', String(code), lang);
  if (own) return own;
  const first = explainMail('smtpReplyDigits', `${Math.floor(code / 100)}yz`, lang);
  const second = explainMail('smtpReplyDigits', `x${Math.floor(code / 10) % 10}z`, lang);
  if (!first) return null;
  return { title: `${first.title}${second ? ` / ${second.title}` : ''}`, text: `${first.text}${second ? ` ${second.text}` : ''}`, ref: first.ref };
}

/**
 * An enhanced status code "5.7.8" by its three parts (RFC 3463 §2): the class, the subject and
 * the detail ("Success: message content or media status, other or undefined"). RFC 3463 names
 * the details as the failures most of them report (X.6.0 "Other or undefined media error"), so
 * a success (class 2) is explained by its class and subject, and a detail 0 is "other or undefined".
 */
export function explainEnhanced(code: string, lang: Language): Explained | null {
  const [cls, subject, detail] = code.split('.');
  const klass = explainMail('enhancedClasses', cls ?? '', lang);
  const subj = explainMail('enhancedSubjects', subject ?? '', lang);
  if (!klass || !subj) return null;
  const own = explainMail('enhancedStatus', `${subject}.${detail}`, lang);
  const words = MAIL_WORDS[lang];
  const title =
    subject === '0'
      ? format(words.enhancedTitleShort, klass.title, own?.title ?? subj.title)
      : format(words.enhancedTitle, klass.title, subj.title, detail === '0' ? words.enhancedOther : (own?.title ?? detail));
  const text = cls === '2' || !own ? `${klass.text}${UI[lang].sentenceJoin}${subj.text}` : own.text;
  return { title, text, ref: own?.ref ?? subj.ref };
}

const MAIL_WORDS = { en: mailUiEn, zh: mailUiZh };

/** Fill {0}, {1}, … in a UI string. */
export function format(template: string, ...args: unknown[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
