/*
 * The TLS knowledge tables, looked up by language. A code point not in the tables is
 * reported as unknown (null): labreport never invents a meaning.
 */

import { formatRef, type Explained, type Language } from '../index.js';
import type { Explanation, Reference } from '../types.js';
import { tlsEn } from './en.js';
import * as TLS from './facts.js';
import { parseSuiteName, suiteName, type SuiteParts } from './suites.js';
import type { TlsTexts } from './types.js';
import { tlsZh } from './zh.js';

import { isGrease } from './grease.js';

export { isGrease };
export { parseSuiteName, suiteName, isSignallingSuite, type SuiteParts } from './suites.js';

const TEXTS: Record<Language, TlsTexts> = { en: tlsEn, zh: tlsZh };

/** Each table of texts with its table of facts. */
export const TLS_FACTS: { [K in keyof TlsTexts]: Record<string | number, { ref: Reference }> } = {
  versions: TLS.TLS_VERSIONS,
  contentTypes: TLS.CONTENT_TYPES,
  handshakeTypes: TLS.HANDSHAKE_TYPES,
  extensions: TLS.EXTENSIONS,
  alertLevels: TLS.ALERT_LEVELS,
  alerts: TLS.ALERTS,
  namedGroups: TLS.NAMED_GROUPS,
  keyExchanges: TLS.KEY_EXCHANGES,
  authentications: TLS.AUTHENTICATIONS,
  bulkCiphers: TLS.BULK_CIPHERS,
  suiteHashes: TLS.SUITE_HASHES,
  keylogLabels: TLS.KEYLOG_LABELS,
  keylogRecipes: TLS.KEYLOG_RECIPES,
  notes: TLS.TLS_NOTES,
};

const has = (table: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(table, key);

/**
 * A TLS entry explained: explainTls('alerts', 48, 'zh'). GREASE values of the extension
 * and group tables get the GREASE note.
 */
export function explainTls(table: keyof TlsTexts, id: string | number, lang: Language): Explained | null {
  if ((table === 'extensions' || table === 'namedGroups') && typeof id === 'number' && isGrease(id)) return explainTls('notes', 'grease', lang);
  const facts = TLS_FACTS[table];
  if (!has(facts, id)) return null;
  const text = (TEXTS[lang][table] as Record<string | number, Explanation>)[id]!;
  return { ...text, ref: formatRef(facts[id]!.ref, lang) };
}

/** "TLS 1.2" for a version code point, or its hex value ("0x7f1c") when it is none we know (a draft, garbage). */
export function tlsVersionName(code: number): string {
  return has(TLS.TLS_VERSIONS, code) ? TLS.TLS_VERSIONS[code as TLS.TlsVersionId].name : `0x${code.toString(16).padStart(4, '0')}`;
}

/** The registry name of an extension, alert, handshake type, group or content type code point, or null. */
export function tlsName(table: 'contentTypes' | 'handshakeTypes' | 'extensions' | 'alerts' | 'alertLevels' | 'namedGroups', code: number): string | null {
  if ((table === 'extensions' || table === 'namedGroups') && isGrease(code)) return 'GREASE';
  const facts = {
    contentTypes: TLS.CONTENT_TYPES,
    handshakeTypes: TLS.HANDSHAKE_TYPES,
    extensions: TLS.EXTENSIONS,
    alerts: TLS.ALERTS,
    alertLevels: TLS.ALERT_LEVELS,
    namedGroups: TLS.NAMED_GROUPS,
  }[table];
  return has(facts, code) ? (facts as Record<number, { name: string }>)[code]!.name : null;
}

/** A cipher suite explained part by part, with the RFC that registered it. */
export interface SuiteExplained {
  code: number;
  name: string;
  ref: string;
  parts: SuiteParts | null;
  keyExchange: Explained | null;
  authentication: Explained | null;
  cipher: Explained | null;
  hash: Explained | null;
}

export function explainSuite(code: number, lang: Language): SuiteExplained | null {
  const name = suiteName(code);
  if (name === null) return null;
  if (name === 'GREASE')
    return { code, name, ref: formatRef(TLS.TLS_NOTES.grease.ref, lang), parts: null, keyExchange: null, authentication: null, cipher: null, hash: null };
  const parts = parseSuiteName(name);
  return {
    code,
    name,
    ref: formatRef(TLS.CIPHER_SUITES[code]!.ref, lang),
    parts,
    keyExchange: parts ? explainTls('keyExchanges', parts.keyExchange, lang) : null,
    authentication: parts ? explainTls('authentications', parts.authentication, lang) : null,
    cipher: parts ? explainTls('bulkCiphers', parts.cipherFamily, lang) : null,
    hash: parts ? explainTls('suiteHashes', parts.mac ?? parts.prfHash, lang) : null,
  };
}
