import { formatRef, type Explained, type Language } from '../index.js';
import type { Explanation } from '../types.js';
import { http2En } from './en.js';
import * as FACTS from './facts.js';
import type { Http2Texts } from './facts.js';
import { http2Zh } from './zh.js';

const TEXTS: Record<Language, Http2Texts> = { en: http2En, zh: http2Zh };

const TABLE_FACTS: { [K in keyof Http2Texts]: Record<string, { ref: FACTS.RefFact['ref'] }> } = {
  frameTypes: FACTS.HTTP2_FRAME_TYPES,
  flags: FACTS.HTTP2_FLAGS,
  settings: FACTS.HTTP2_SETTINGS,
  errorCodes: FACTS.HTTP2_ERROR_CODES,
  pseudoHeaders: FACTS.HTTP2_PSEUDO_HEADERS,
  hpack: FACTS.HPACK_REPRESENTATIONS,
  concepts: FACTS.HTTP2_CONCEPTS,
};

/** An HTTP/2 entry explained: explainHttp2('frameTypes', 'HEADERS', 'zh'); null when the table has no such entry. */
export function explainHttp2(table: keyof Http2Texts, id: string, lang: Language): Explained | null {
  const facts = TABLE_FACTS[table];
  if (!Object.prototype.hasOwnProperty.call(facts, id)) return null;
  return { ...(TEXTS[lang][table] as Record<string, Explanation>)[id]!, ref: formatRef(facts[id]!.ref, lang) };
}

/** The name a setting has in the tables, from its id on the wire (0x1 → SETTINGS_HEADER_TABLE_SIZE). */
export function http2SettingName(code: number): FACTS.Http2SettingId | null {
  return (Object.entries(FACTS.HTTP2_SETTINGS).find(([, f]) => f.code === code)?.[0] as FACTS.Http2SettingId | undefined) ?? null;
}
