import { formatRef, type Explained, type Language } from '../index.js';
import type { Explanation } from '../types.js';
import { quicEn } from './en.js';
import * as FACTS from './facts.js';
import type { QuicTexts } from './facts.js';
import { quicZh } from './zh.js';

const TEXTS: Record<Language, QuicTexts> = { en: quicEn, zh: quicZh };

const TABLE_FACTS: { [K in keyof QuicTexts]: Record<string, { ref: FACTS.RefFact['ref'] }> } = {
  versions: FACTS.QUIC_VERSIONS,
  packetTypes: FACTS.QUIC_PACKET_TYPES,
  frames: FACTS.QUIC_FRAMES,
  concepts: FACTS.QUIC_CONCEPTS,
  labSteps: FACTS.QUIC_LAB_STEPS,
};

/** A QUIC / HTTP/3 entry explained: explainQuic('labSteps', 'chrome', 'zh'); null when the table has no such entry. */
export function explainQuic(table: keyof QuicTexts, id: string, lang: Language): Explained | null {
  const facts = TABLE_FACTS[table];
  if (!Object.prototype.hasOwnProperty.call(facts, id)) return null;
  return { ...(TEXTS[lang][table] as Record<string, Explanation>)[id]!, ref: formatRef(facts[id]!.ref, lang) };
}
