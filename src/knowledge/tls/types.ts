/*
 * The shape every language file of the TLS knowledge must have: one Explanation for every
 * id of every table in `facts.ts`, so the compiler rejects a language file that misses an
 * id (or, with `satisfies`, adds an unknown one).
 */

import type { Explanation } from '../types.js';
import type {
  AlertId,
  AlertLevelId,
  AuthenticationId,
  BulkCipherId,
  ContentTypeId,
  ExtensionId,
  HandshakeTypeId,
  KeyExchangeId,
  KeylogLabelId,
  KeylogRecipeId,
  NamedGroupId,
  SuiteHashId,
  TlsNoteId,
  TlsVersionId,
} from './facts.js';

export interface TlsTexts {
  versions: Record<TlsVersionId, Explanation>;
  contentTypes: Record<ContentTypeId, Explanation>;
  handshakeTypes: Record<HandshakeTypeId, Explanation>;
  extensions: Record<ExtensionId, Explanation>;
  alertLevels: Record<AlertLevelId, Explanation>;
  alerts: Record<AlertId, Explanation>;
  namedGroups: Record<NamedGroupId, Explanation>;
  keyExchanges: Record<KeyExchangeId, Explanation>;
  authentications: Record<AuthenticationId, Explanation>;
  bulkCiphers: Record<BulkCipherId, Explanation>;
  suiteHashes: Record<SuiteHashId, Explanation>;
  keylogLabels: Record<KeylogLabelId, Explanation>;
  /** How to get a key log (the text may hold commands, one per line). */
  keylogRecipes: Record<KeylogRecipeId, Explanation>;
  notes: Record<TlsNoteId, Explanation>;
}
