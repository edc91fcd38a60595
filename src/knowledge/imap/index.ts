import { formatRef, type Explained, type Language } from '../index.js';
import type { Explanation, Reference } from '../types.js';
import { imapEn } from './en.js';
import * as IMAP from './facts.js';
import type { ImapTexts } from './types.js';
import { imapZh } from './zh.js';

/*
 * The IMAP knowledge tables, looked up by language, as explainMail does for SMTP and POP3.
 * An entry that is not in the tables is reported as unknown (null): never an invented meaning.
 */

const TEXTS: Record<Language, ImapTexts> = { en: imapEn, zh: imapZh };

/** Each table of texts with its table of facts. */
export const IMAP_FACTS: { [K in keyof ImapTexts]: Record<string, { ref: Reference }> } = {
  commands: IMAP.IMAP_COMMANDS,
  statuses: IMAP.IMAP_STATUSES,
  responses: IMAP.IMAP_RESPONSES,
  responseCodes: IMAP.IMAP_RESPONSE_CODES,
  capabilities: IMAP.IMAP_CAPABILITIES,
  flags: IMAP.IMAP_FLAGS,
  mailboxAttributes: IMAP.IMAP_MAILBOX_ATTRIBUTES,
  fetchItems: IMAP.IMAP_FETCH_ITEMS,
};

const has = (table: object, key: string) => Object.prototype.hasOwnProperty.call(table, key);

/** The id an entry is kept under: names upper case, a capability's parameter dropped (AUTH=PLAIN → AUTH=), a FETCH section by its kind. */
export function imapId(table: keyof ImapTexts, name: string): string {
  const upper = name.toUpperCase();
  if (table === 'capabilities' && !has(IMAP.IMAP_CAPABILITIES, upper) && upper.includes('=')) return upper.slice(0, upper.indexOf('=') + 1);
  if (table === 'responseCodes') return upper.split(' ')[0]!;
  if (table === 'fetchItems') return fetchItemId(upper);
  return upper;
}

/** BODY.PEEK[HEADER.FIELDS (FROM)]<0.100> → BODY[HEADER.FIELDS]; BODY[1.2] → BODY[n]. */
function fetchItemId(item: string): string {
  const m = /^(BODY|BINARY(?:\.SIZE)?)(?:\.PEEK)?\[([^\]]*)\]/.exec(item);
  if (!m) return item;
  const section = m[2]!.trim();
  if (m[1] !== 'BODY') return `${m[1]}[]`;
  if (section === '') return 'BODY[]';
  const kind = /^(?:[\d.]*\.)?(HEADER\.FIELDS\.NOT|HEADER\.FIELDS|HEADER|TEXT|MIME)\b/.exec(section)?.[1];
  if (kind && /^\d/.test(section)) return 'BODY[n]'; // the header or text of a part: explained as the part
  return kind ? `BODY[${kind}]` : /^[\d.]+$/.test(section) ? 'BODY[n]' : item;
}

/** An IMAP entry explained: explainImap('responseCodes', 'UIDVALIDITY 3857529045', 'zh'). */
export function explainImap(table: keyof ImapTexts, name: string, lang: Language): Explained | null {
  const id = imapId(table, name);
  const facts = IMAP_FACTS[table];
  if (!has(facts, id)) return null;
  const text = (TEXTS[lang][table] as Record<string, Explanation>)[id]!;
  return { ...text, ref: formatRef(facts[id]!.ref, lang) };
}
