/*
 * The shape every language file of the IMAP knowledge must have: one Explanation for every
 * id of every table in `facts.ts`. Each table is a `Record<Id, Explanation>`, so the
 * compiler rejects a language file that misses an id (or, with `satisfies`, adds one).
 */

import type { Explanation } from '../types.js';
import type {
  ImapCapabilityId,
  ImapCommandId,
  ImapFetchItemId,
  ImapFlagId,
  ImapMailboxAttributeId,
  ImapResponseCodeId,
  ImapResponseId,
  ImapStatusId,
} from './facts.js';

export interface ImapTexts {
  commands: Record<ImapCommandId, Explanation>;
  statuses: Record<ImapStatusId, Explanation>;
  responses: Record<ImapResponseId, Explanation>;
  responseCodes: Record<ImapResponseCodeId, Explanation>;
  capabilities: Record<ImapCapabilityId, Explanation>;
  flags: Record<ImapFlagId, Explanation>;
  mailboxAttributes: Record<ImapMailboxAttributeId, Explanation>;
  fetchItems: Record<ImapFetchItemId, Explanation>;
}
