/*
 * The shape every language file for the mail knowledge must have: one Explanation for every
 * id of every table in `facts.ts`. Because each table is a `Record<Id, Explanation>`, the
 * compiler rejects a language file that misses an id (or, with `satisfies`, adds an unknown one).
 */

import type { Explanation } from '../types.js';
import type {
  EhloKeywordId,
  EnhancedClassId,
  EnhancedStatusId,
  EnhancedSubjectId,
  MailHeaderId,
  MimeTypeId,
  Pop3CapabilityId,
  Pop3CommandId,
  Pop3IndicatorId,
  SaslMechanismId,
  SmtpCommandId,
  SmtpReplyCodeId,
  SmtpReplyDigitId,
  TransferEncodingId,
} from './facts.js';

export interface MailTexts {
  smtpCommands: Record<SmtpCommandId, Explanation>;
  smtpReplyCodes: Record<SmtpReplyCodeId, Explanation>;
  smtpReplyDigits: Record<SmtpReplyDigitId, Explanation>;
  enhancedClasses: Record<EnhancedClassId, Explanation>;
  enhancedSubjects: Record<EnhancedSubjectId, Explanation>;
  enhancedStatus: Record<EnhancedStatusId, Explanation>;
  ehloKeywords: Record<EhloKeywordId, Explanation>;
  saslMechanisms: Record<SaslMechanismId, Explanation>;
  pop3Commands: Record<Pop3CommandId, Explanation>;
  pop3Indicators: Record<Pop3IndicatorId, Explanation>;
  pop3Capabilities: Record<Pop3CapabilityId, Explanation>;
  mailHeaders: Record<MailHeaderId, Explanation>;
  transferEncodings: Record<TransferEncodingId, Explanation>;
  mimeTypes: Record<MimeTypeId, Explanation>;
}
