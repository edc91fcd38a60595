/*
 * Language-neutral facts about mail protocols: SMTP commands, reply codes, enhanced status
 * codes, EHLO keywords, SASL mechanisms, POP3 commands, responses and capabilities, mail
 * header fields, transfer encodings and MIME types. The words live in `en.ts` and `zh.ts`,
 * keyed by the same ids; `types.ts` makes the compiler reject a missing translation.
 *
 * Every entry cites where it is defined. Entries that are not defined by an RFC carry
 * `rfc: 0` and a `source`. Where the section number was not certain, only the RFC number
 * is cited.
 */

import type { Reference } from '../types.js';

/** Standing of an entry that is not a current standard. Absent means "current standard". */
export type MailStatus = 'obsolete' | 'historic' | 'deprecated' | 'non-standard';

export interface SmtpCommandFact {
  ref: Reference;
  /** The command line as the client sends it, e.g. `MAIL FROM:<reverse-path> [parameters]`. */
  syntax: string;
  status?: MailStatus;
}

export interface RefFact {
  ref: Reference;
  status?: MailStatus;
}

export type SaslSecret = 'cleartext' | 'hash' | 'token' | 'none';

export interface SaslMechanismFact {
  ref: Reference;
  /** What travels over the wire: the password itself (base64 is not encryption), a hash or proof computed from it, a token, or nothing secret. */
  sendsSecret: SaslSecret;
  status?: MailStatus;
}

export type Pop3State = 'AUTHORIZATION' | 'TRANSACTION' | 'any';

export interface Pop3CommandFact {
  ref: Reference;
  syntax: string;
  /** The POP3 session state in which the command is valid (RFC 1939 section 3). */
  state: Pop3State;
  /** Whether a positive response is multi-line (ended by a line holding only "."). */
  multiLineResponse: boolean;
  /** Set when the response is multi-line only if the command is sent without an argument. */
  multiLineOnlyWithoutArgument?: boolean;
}

export interface MailHeaderFact {
  /** Canonical spelling of the field name. */
  name: string;
  ref: Reference;
  status?: MailStatus;
}

// ---------------------------------------------------------------------------------------
// SMTP commands
// ---------------------------------------------------------------------------------------

export const SMTP_COMMANDS = {
  HELO: { ref: { rfc: 5321, section: '4.1.1.1' }, syntax: 'HELO <domain>' },
  EHLO: { ref: { rfc: 5321, section: '4.1.1.1' }, syntax: 'EHLO <domain or address-literal>' },
  MAIL: { ref: { rfc: 5321, section: '4.1.1.2' }, syntax: 'MAIL FROM:<reverse-path> [parameters]' },
  RCPT: { ref: { rfc: 5321, section: '4.1.1.3' }, syntax: 'RCPT TO:<forward-path> [parameters]' },
  DATA: { ref: { rfc: 5321, section: '4.1.1.4' }, syntax: 'DATA' },
  BDAT: { ref: { rfc: 3030 }, syntax: 'BDAT <chunk-size> [LAST]' },
  RSET: { ref: { rfc: 5321, section: '4.1.1.5' }, syntax: 'RSET' },
  VRFY: { ref: { rfc: 5321, section: '4.1.1.6' }, syntax: 'VRFY <string>' },
  EXPN: { ref: { rfc: 5321, section: '4.1.1.7' }, syntax: 'EXPN <string>' },
  HELP: { ref: { rfc: 5321, section: '4.1.1.8' }, syntax: 'HELP [<string>]' },
  NOOP: { ref: { rfc: 5321, section: '4.1.1.9' }, syntax: 'NOOP [<string>]' },
  QUIT: { ref: { rfc: 5321, section: '4.1.1.10' }, syntax: 'QUIT' },
  AUTH: { ref: { rfc: 4954, section: '4' }, syntax: 'AUTH <mechanism> [initial-response]' },
  STARTTLS: { ref: { rfc: 3207, section: '4' }, syntax: 'STARTTLS' },
  ETRN: { ref: { rfc: 1985 }, syntax: 'ETRN <node-name>' },
  TURN: { ref: { rfc: 821, section: '4.1.1' }, syntax: 'TURN', status: 'obsolete' },
  ATRN: { ref: { rfc: 2645 }, syntax: 'ATRN [<domain>[,<domain>...]]' },
  XCLIENT: { ref: { rfc: 0, source: 'Postfix XCLIENT_README' }, syntax: 'XCLIENT <attribute>=<value> [...]', status: 'non-standard' },
  XFORWARD: { ref: { rfc: 0, source: 'Postfix XFORWARD_README' }, syntax: 'XFORWARD <attribute>=<value> [...]', status: 'non-standard' },
} as const satisfies Record<string, SmtpCommandFact>;

export type SmtpCommandId = keyof typeof SMTP_COMMANDS;

// ---------------------------------------------------------------------------------------
// SMTP reply codes
// ---------------------------------------------------------------------------------------

export const SMTP_REPLY_CODES = {
  // RFC 5321 section 4.2.3 (numeric order list).
  '211': { ref: { rfc: 5321, section: '4.2.3' } },
  '214': { ref: { rfc: 5321, section: '4.2.3' } },
  '220': { ref: { rfc: 5321, section: '4.2.3' } },
  '221': { ref: { rfc: 5321, section: '4.2.3' } },
  '250': { ref: { rfc: 5321, section: '4.2.3' } },
  '251': { ref: { rfc: 5321, section: '4.2.3' } },
  '252': { ref: { rfc: 5321, section: '4.2.3' } },
  '354': { ref: { rfc: 5321, section: '4.2.3' } },
  '421': { ref: { rfc: 5321, section: '4.2.3' } },
  '450': { ref: { rfc: 5321, section: '4.2.3' } },
  '451': { ref: { rfc: 5321, section: '4.2.3' } },
  '452': { ref: { rfc: 5321, section: '4.2.3' } },
  '455': { ref: { rfc: 5321, section: '4.2.3' } },
  '500': { ref: { rfc: 5321, section: '4.2.3' } },
  '501': { ref: { rfc: 5321, section: '4.2.3' } },
  '502': { ref: { rfc: 5321, section: '4.2.3' } },
  '503': { ref: { rfc: 5321, section: '4.2.3' } },
  '504': { ref: { rfc: 5321, section: '4.2.3' } },
  '550': { ref: { rfc: 5321, section: '4.2.3' } },
  '551': { ref: { rfc: 5321, section: '4.2.3' } },
  '552': { ref: { rfc: 5321, section: '4.2.3' } },
  '553': { ref: { rfc: 5321, section: '4.2.3' } },
  '554': { ref: { rfc: 5321, section: '4.2.3' } },
  '555': { ref: { rfc: 5321, section: '4.2.3' } },
  // SMTP AUTH (RFC 4954): 235 and 334 in the AUTH command section, the others in "Status Codes".
  '235': { ref: { rfc: 4954, section: '4' } },
  '334': { ref: { rfc: 4954, section: '4' } },
  '432': { ref: { rfc: 4954, section: '6' } },
  '454': { ref: { rfc: 4954, section: '6' } },
  '530': { ref: { rfc: 4954, section: '6' } },
  '534': { ref: { rfc: 4954, section: '6' } },
  '535': { ref: { rfc: 4954, section: '6' } },
  '538': { ref: { rfc: 4954, section: '6' } },
  // RFC 7504: hosts and domains that do not accept mail.
  '521': { ref: { rfc: 7504 } },
  '556': { ref: { rfc: 7504 } },
} as const satisfies Record<string, RefFact>;

export type SmtpReplyCodeId = keyof typeof SMTP_REPLY_CODES;

/** Meaning of the first digit (2yz..5yz) and of the second digit (x0z..x5z), RFC 5321 section 4.2.1. */
export const SMTP_REPLY_DIGITS = {
  '2yz': { ref: { rfc: 5321, section: '4.2.1' } },
  '3yz': { ref: { rfc: 5321, section: '4.2.1' } },
  '4yz': { ref: { rfc: 5321, section: '4.2.1' } },
  '5yz': { ref: { rfc: 5321, section: '4.2.1' } },
  x0z: { ref: { rfc: 5321, section: '4.2.1' } },
  x1z: { ref: { rfc: 5321, section: '4.2.1' } },
  x2z: { ref: { rfc: 5321, section: '4.2.1' } },
  x3z: { ref: { rfc: 5321, section: '4.2.1' } },
  x4z: { ref: { rfc: 5321, section: '4.2.1' } },
  x5z: { ref: { rfc: 5321, section: '4.2.1' } },
} as const satisfies Record<string, RefFact>;

export type SmtpReplyDigitId = keyof typeof SMTP_REPLY_DIGITS;

// ---------------------------------------------------------------------------------------
// Enhanced status codes (RFC 3463; IANA registry under RFC 5248)
// ---------------------------------------------------------------------------------------

/** The class digit of an enhanced status code (RFC 3463 section 2). */
export const ENHANCED_CLASSES = {
  '2': { ref: { rfc: 3463, section: '2' } },
  '4': { ref: { rfc: 3463, section: '2' } },
  '5': { ref: { rfc: 3463, section: '2' } },
} as const satisfies Record<string, RefFact>;

export type EnhancedClassId = keyof typeof ENHANCED_CLASSES;

/** The subject digit of an enhanced status code (RFC 3463 section 2). */
export const ENHANCED_SUBJECTS = {
  '0': { ref: { rfc: 3463, section: '2' } },
  '1': { ref: { rfc: 3463, section: '2' } },
  '2': { ref: { rfc: 3463, section: '2' } },
  '3': { ref: { rfc: 3463, section: '2' } },
  '4': { ref: { rfc: 3463, section: '2' } },
  '5': { ref: { rfc: 3463, section: '2' } },
  '6': { ref: { rfc: 3463, section: '2' } },
  '7': { ref: { rfc: 3463, section: '2' } },
} as const satisfies Record<string, RefFact>;

export type EnhancedSubjectId = keyof typeof ENHANCED_SUBJECTS;

/** Enhanced status codes keyed by "subject.detail" (the class digit is looked up in ENHANCED_CLASSES). */
export const ENHANCED_STATUS = {
  '0.0': { ref: { rfc: 3463, section: '3.1' } },

  '1.0': { ref: { rfc: 3463, section: '3.2' } },
  '1.1': { ref: { rfc: 3463, section: '3.2' } },
  '1.2': { ref: { rfc: 3463, section: '3.2' } },
  '1.3': { ref: { rfc: 3463, section: '3.2' } },
  '1.4': { ref: { rfc: 3463, section: '3.2' } },
  '1.5': { ref: { rfc: 3463, section: '3.2' } },
  '1.6': { ref: { rfc: 3463, section: '3.2' } },
  '1.7': { ref: { rfc: 3463, section: '3.2' } },
  '1.8': { ref: { rfc: 3463, section: '3.2' } },
  '1.9': { ref: { rfc: 3886 } },
  '1.10': { ref: { rfc: 7505 } },

  '2.0': { ref: { rfc: 3463, section: '3.3' } },
  '2.1': { ref: { rfc: 3463, section: '3.3' } },
  '2.2': { ref: { rfc: 3463, section: '3.3' } },
  '2.3': { ref: { rfc: 3463, section: '3.3' } },
  '2.4': { ref: { rfc: 3463, section: '3.3' } },

  '3.0': { ref: { rfc: 3463, section: '3.4' } },
  '3.1': { ref: { rfc: 3463, section: '3.4' } },
  '3.2': { ref: { rfc: 3463, section: '3.4' } },
  '3.3': { ref: { rfc: 3463, section: '3.4' } },
  '3.4': { ref: { rfc: 3463, section: '3.4' } },
  '3.5': { ref: { rfc: 3463, section: '3.4' } },
  '3.6': { ref: { rfc: 6710 } },

  '4.0': { ref: { rfc: 3463, section: '3.5' } },
  '4.1': { ref: { rfc: 3463, section: '3.5' } },
  '4.2': { ref: { rfc: 3463, section: '3.5' } },
  '4.3': { ref: { rfc: 3463, section: '3.5' } },
  '4.4': { ref: { rfc: 3463, section: '3.5' } },
  '4.5': { ref: { rfc: 3463, section: '3.5' } },
  '4.6': { ref: { rfc: 3463, section: '3.5' } },
  '4.7': { ref: { rfc: 3463, section: '3.5' } },

  '5.0': { ref: { rfc: 3463, section: '3.6' } },
  '5.1': { ref: { rfc: 3463, section: '3.6' } },
  '5.2': { ref: { rfc: 3463, section: '3.6' } },
  '5.3': { ref: { rfc: 3463, section: '3.6' } },
  '5.4': { ref: { rfc: 3463, section: '3.6' } },
  '5.5': { ref: { rfc: 3463, section: '3.6' } },
  '5.6': { ref: { rfc: 4954, section: '6' } },

  '6.0': { ref: { rfc: 3463, section: '3.7' } },
  '6.1': { ref: { rfc: 3463, section: '3.7' } },
  '6.2': { ref: { rfc: 3463, section: '3.7' } },
  '6.3': { ref: { rfc: 3463, section: '3.7' } },
  '6.4': { ref: { rfc: 3463, section: '3.7' } },
  '6.5': { ref: { rfc: 3463, section: '3.7' } },
  '6.6': { ref: { rfc: 4468 } },
  '6.7': { ref: { rfc: 6531 } },
  '6.8': { ref: { rfc: 6531 } },
  '6.9': { ref: { rfc: 6531 } },
  '6.10': { ref: { rfc: 6531 }, status: 'deprecated' },

  '7.0': { ref: { rfc: 3463, section: '3.8' } },
  '7.1': { ref: { rfc: 3463, section: '3.8' } },
  '7.2': { ref: { rfc: 3463, section: '3.8' } },
  '7.3': { ref: { rfc: 3463, section: '3.8' } },
  '7.4': { ref: { rfc: 3463, section: '3.8' } },
  '7.5': { ref: { rfc: 3463, section: '3.8' } },
  '7.6': { ref: { rfc: 3463, section: '3.8' } },
  '7.7': { ref: { rfc: 3463, section: '3.8' } },
  '7.8': { ref: { rfc: 4954, section: '6' } },
  '7.9': { ref: { rfc: 4954, section: '6' } },
  '7.10': { ref: { rfc: 5248 } },
  '7.11': { ref: { rfc: 4954, section: '6' } },
  '7.12': { ref: { rfc: 4954, section: '6' } },
  '7.13': { ref: { rfc: 5248 } },
  '7.14': { ref: { rfc: 5248 } },
  '7.15': { ref: { rfc: 6710 } },
  '7.16': { ref: { rfc: 6710 } },
  '7.17': { ref: { rfc: 7293 } },
  '7.18': { ref: { rfc: 7293 } },
  '7.19': { ref: { rfc: 7293 } },
  '7.20': { ref: { rfc: 7372 } },
  '7.21': { ref: { rfc: 7372 } },
  '7.22': { ref: { rfc: 7372 } },
  '7.23': { ref: { rfc: 7372 } },
  '7.24': { ref: { rfc: 7372 } },
  '7.25': { ref: { rfc: 7372 } },
  '7.26': { ref: { rfc: 7372 } },
  '7.27': { ref: { rfc: 7505 } },
  '7.28': { ref: { rfc: 0, source: 'IANA SMTP Enhanced Status Codes registry (draft-levine-mailbomb-header)' } },
  '7.29': { ref: { rfc: 8617 } },
  '7.30': { ref: { rfc: 8689 } },
} as const satisfies Record<string, RefFact>;

export type EnhancedStatusId = keyof typeof ENHANCED_STATUS;

// ---------------------------------------------------------------------------------------
// EHLO keywords (IANA SMTP Service Extensions registry)
// ---------------------------------------------------------------------------------------

export const EHLO_KEYWORDS = {
  SIZE: { ref: { rfc: 1870 } },
  '8BITMIME': { ref: { rfc: 6152 } },
  PIPELINING: { ref: { rfc: 2920 } },
  AUTH: { ref: { rfc: 4954 } },
  /** Pre-standard spelling ("AUTH=LOGIN PLAIN") still advertised for old clients, e.g. by Postfix's broken_sasl_auth_clients. */
  'AUTH=': { ref: { rfc: 0, source: 'Postfix broken_sasl_auth_clients', note: 'authDrafts' }, status: 'non-standard' },
  STARTTLS: { ref: { rfc: 3207 } },
  ENHANCEDSTATUSCODES: { ref: { rfc: 2034 } },
  DSN: { ref: { rfc: 3461 } },
  SMTPUTF8: { ref: { rfc: 6531 } },
  CHUNKING: { ref: { rfc: 3030 } },
  BINARYMIME: { ref: { rfc: 3030 } },
  HELP: { ref: { rfc: 5321, section: '4.1.1.8' } },
  VRFY: { ref: { rfc: 5321, section: '4.1.1.6' } },
  EXPN: { ref: { rfc: 5321, section: '4.1.1.7' } },
  ETRN: { ref: { rfc: 1985 } },
  ATRN: { ref: { rfc: 2645 } },
  DELIVERBY: { ref: { rfc: 2852 } },
  'MT-PRIORITY': { ref: { rfc: 6710 } },
  REQUIRETLS: { ref: { rfc: 8689 } },
  LIMITS: { ref: { rfc: 9422 } },
  BURL: { ref: { rfc: 4468 } },
  FUTURERELEASE: { ref: { rfc: 4865 } },
  RRVS: { ref: { rfc: 7293 } },
  XCLIENT: { ref: { rfc: 0, source: 'Postfix XCLIENT_README' }, status: 'non-standard' },
  XFORWARD: { ref: { rfc: 0, source: 'Postfix XFORWARD_README' }, status: 'non-standard' },
} as const satisfies Record<string, RefFact>;

export type EhloKeywordId = keyof typeof EHLO_KEYWORDS;

// ---------------------------------------------------------------------------------------
// SASL mechanisms (AUTH in SMTP and POP3)
// ---------------------------------------------------------------------------------------

export const SASL_MECHANISMS = {
  PLAIN: { ref: { rfc: 4616, section: '2' }, sendsSecret: 'cleartext' },
  LOGIN: { ref: { rfc: 0, source: 'draft-murchison-sasl-login', note: 'expiredDraft' }, sendsSecret: 'cleartext', status: 'obsolete' },
  'CRAM-MD5': { ref: { rfc: 2195 }, sendsSecret: 'hash' },
  'DIGEST-MD5': { ref: { rfc: 2831 }, sendsSecret: 'hash', status: 'historic' },
  XOAUTH2: { ref: { rfc: 0, source: 'Google XOAUTH2' }, sendsSecret: 'token', status: 'non-standard' },
  OAUTHBEARER: { ref: { rfc: 7628 }, sendsSecret: 'token' },
  'SCRAM-SHA-1': { ref: { rfc: 5802 }, sendsSecret: 'hash' },
  'SCRAM-SHA-256': { ref: { rfc: 7677 }, sendsSecret: 'hash' },
  GSSAPI: { ref: { rfc: 4752 }, sendsSecret: 'token' },
  NTLM: { ref: { rfc: 0, source: 'Microsoft [MS-NLMP] and [MS-SMTPNTLM]' }, sendsSecret: 'hash', status: 'non-standard' },
  EXTERNAL: { ref: { rfc: 4422 }, sendsSecret: 'none' },
  ANONYMOUS: { ref: { rfc: 4505, section: '2' }, sendsSecret: 'none' },
} as const satisfies Record<string, SaslMechanismFact>;

export type SaslMechanismId = keyof typeof SASL_MECHANISMS;

// ---------------------------------------------------------------------------------------
// POP3
// ---------------------------------------------------------------------------------------

export const POP3_COMMANDS = {
  USER: { ref: { rfc: 1939, section: '7' }, syntax: 'USER <name>', state: 'AUTHORIZATION', multiLineResponse: false },
  PASS: { ref: { rfc: 1939, section: '7' }, syntax: 'PASS <string>', state: 'AUTHORIZATION', multiLineResponse: false },
  APOP: { ref: { rfc: 1939, section: '7' }, syntax: 'APOP <name> <digest>', state: 'AUTHORIZATION', multiLineResponse: false },
  QUIT: { ref: { rfc: 1939, section: '6' }, syntax: 'QUIT', state: 'any', multiLineResponse: false },
  STAT: { ref: { rfc: 1939, section: '5' }, syntax: 'STAT', state: 'TRANSACTION', multiLineResponse: false },
  LIST: { ref: { rfc: 1939, section: '5' }, syntax: 'LIST [<msg>]', state: 'TRANSACTION', multiLineResponse: true, multiLineOnlyWithoutArgument: true },
  RETR: { ref: { rfc: 1939, section: '5' }, syntax: 'RETR <msg>', state: 'TRANSACTION', multiLineResponse: true },
  DELE: { ref: { rfc: 1939, section: '5' }, syntax: 'DELE <msg>', state: 'TRANSACTION', multiLineResponse: false },
  NOOP: { ref: { rfc: 1939, section: '5' }, syntax: 'NOOP', state: 'TRANSACTION', multiLineResponse: false },
  RSET: { ref: { rfc: 1939, section: '5' }, syntax: 'RSET', state: 'TRANSACTION', multiLineResponse: false },
  TOP: { ref: { rfc: 1939, section: '7' }, syntax: 'TOP <msg> <n>', state: 'TRANSACTION', multiLineResponse: true },
  UIDL: { ref: { rfc: 1939, section: '7' }, syntax: 'UIDL [<msg>]', state: 'TRANSACTION', multiLineResponse: true, multiLineOnlyWithoutArgument: true },
  CAPA: { ref: { rfc: 2449, section: '5' }, syntax: 'CAPA', state: 'any', multiLineResponse: true },
  STLS: { ref: { rfc: 2595, section: '4' }, syntax: 'STLS', state: 'AUTHORIZATION', multiLineResponse: false },
  AUTH: { ref: { rfc: 5034, section: '4' }, syntax: 'AUTH <mechanism> [initial-response]', state: 'AUTHORIZATION', multiLineResponse: false },
  UTF8: { ref: { rfc: 6856 }, syntax: 'UTF8', state: 'AUTHORIZATION', multiLineResponse: false },
  LANG: { ref: { rfc: 6856 }, syntax: 'LANG [<lang-range>]', state: 'any', multiLineResponse: true, multiLineOnlyWithoutArgument: true },
} as const satisfies Record<string, Pop3CommandFact>;

export type Pop3CommandId = keyof typeof POP3_COMMANDS;

/** Status indicators (+OK/-ERR) and the bracketed extended response codes that may follow -ERR. */
export const POP3_INDICATORS = {
  '+OK': { ref: { rfc: 1939, section: '3' } },
  '-ERR': { ref: { rfc: 1939, section: '3' } },
  '[IN-USE]': { ref: { rfc: 2449, section: '8.1' } },
  '[LOGIN-DELAY]': { ref: { rfc: 2449, section: '8.1' } },
  '[SYS/TEMP]': { ref: { rfc: 3206 } },
  '[SYS/PERM]': { ref: { rfc: 3206 } },
  '[AUTH]': { ref: { rfc: 3206 } },
} as const satisfies Record<string, RefFact>;

export type Pop3IndicatorId = keyof typeof POP3_INDICATORS;

/** Capability tags listed in the reply to CAPA (IANA POP3 Extension Mechanism registry). */
export const POP3_CAPABILITIES = {
  TOP: { ref: { rfc: 2449, section: '6.1' } },
  USER: { ref: { rfc: 2449, section: '6.2' } },
  SASL: { ref: { rfc: 2449, section: '6.3' } },
  'RESP-CODES': { ref: { rfc: 2449, section: '6.4' } },
  'LOGIN-DELAY': { ref: { rfc: 2449, section: '6.5' } },
  PIPELINING: { ref: { rfc: 2449, section: '6.6' } },
  EXPIRE: { ref: { rfc: 2449, section: '6.7' } },
  UIDL: { ref: { rfc: 2449, section: '6.8' } },
  IMPLEMENTATION: { ref: { rfc: 2449, section: '6.9' } },
  STLS: { ref: { rfc: 2595, section: '4' } },
  'AUTH-RESP-CODE': { ref: { rfc: 3206 } },
  UTF8: { ref: { rfc: 6856 } },
  LANG: { ref: { rfc: 6856 } },
} as const satisfies Record<string, RefFact>;

export type Pop3CapabilityId = keyof typeof POP3_CAPABILITIES;

// ---------------------------------------------------------------------------------------
// Mail header fields, keyed by lower-case field name
// ---------------------------------------------------------------------------------------

export const MAIL_HEADERS = {
  // Internet Message Format, RFC 5322 section 3.6.
  date: { name: 'Date', ref: { rfc: 5322, section: '3.6.1' } },
  from: { name: 'From', ref: { rfc: 5322, section: '3.6.2' } },
  sender: { name: 'Sender', ref: { rfc: 5322, section: '3.6.2' } },
  'reply-to': { name: 'Reply-To', ref: { rfc: 5322, section: '3.6.2' } },
  to: { name: 'To', ref: { rfc: 5322, section: '3.6.3' } },
  cc: { name: 'Cc', ref: { rfc: 5322, section: '3.6.3' } },
  bcc: { name: 'Bcc', ref: { rfc: 5322, section: '3.6.3' } },
  'message-id': { name: 'Message-ID', ref: { rfc: 5322, section: '3.6.4' } },
  'in-reply-to': { name: 'In-Reply-To', ref: { rfc: 5322, section: '3.6.4' } },
  references: { name: 'References', ref: { rfc: 5322, section: '3.6.4' } },
  subject: { name: 'Subject', ref: { rfc: 5322, section: '3.6.5' } },
  comments: { name: 'Comments', ref: { rfc: 5322, section: '3.6.5' } },
  keywords: { name: 'Keywords', ref: { rfc: 5322, section: '3.6.5' } },
  'resent-date': { name: 'Resent-Date', ref: { rfc: 5322, section: '3.6.6' } },
  'resent-from': { name: 'Resent-From', ref: { rfc: 5322, section: '3.6.6' } },
  'resent-sender': { name: 'Resent-Sender', ref: { rfc: 5322, section: '3.6.6' } },
  'resent-to': { name: 'Resent-To', ref: { rfc: 5322, section: '3.6.6' } },
  'resent-cc': { name: 'Resent-Cc', ref: { rfc: 5322, section: '3.6.6' } },
  'resent-bcc': { name: 'Resent-Bcc', ref: { rfc: 5322, section: '3.6.6' } },
  'resent-message-id': { name: 'Resent-Message-ID', ref: { rfc: 5322, section: '3.6.6' } },
  'return-path': { name: 'Return-Path', ref: { rfc: 5322, section: '3.6.7' } },
  received: { name: 'Received', ref: { rfc: 5322, section: '3.6.7' } },
  // MIME, RFC 2045 and companions.
  'mime-version': { name: 'MIME-Version', ref: { rfc: 2045, section: '4' } },
  'content-type': { name: 'Content-Type', ref: { rfc: 2045, section: '5' } },
  'content-transfer-encoding': { name: 'Content-Transfer-Encoding', ref: { rfc: 2045, section: '6' } },
  'content-id': { name: 'Content-ID', ref: { rfc: 2045, section: '7' } },
  'content-description': { name: 'Content-Description', ref: { rfc: 2045, section: '8' } },
  'content-disposition': { name: 'Content-Disposition', ref: { rfc: 2183, section: '2' } },
  'content-language': { name: 'Content-Language', ref: { rfc: 3282, section: '2' } },
  // Authentication and trace added by servers.
  'delivered-to': { name: 'Delivered-To', ref: { rfc: 9228 } },
  'dkim-signature': { name: 'DKIM-Signature', ref: { rfc: 6376, section: '3.5' } },
  'authentication-results': { name: 'Authentication-Results', ref: { rfc: 8601, section: '2' } },
  'received-spf': { name: 'Received-SPF', ref: { rfc: 7208, section: '9.1' } },
  'arc-seal': { name: 'ARC-Seal', ref: { rfc: 8617 } },
  'arc-message-signature': { name: 'ARC-Message-Signature', ref: { rfc: 8617 } },
  'arc-authentication-results': { name: 'ARC-Authentication-Results', ref: { rfc: 8617 } },
  // Mailing lists and automatic mail.
  'list-id': { name: 'List-Id', ref: { rfc: 2919 } },
  'list-help': { name: 'List-Help', ref: { rfc: 2369, section: '3.1' } },
  'list-unsubscribe': { name: 'List-Unsubscribe', ref: { rfc: 2369, section: '3.2' } },
  'list-subscribe': { name: 'List-Subscribe', ref: { rfc: 2369, section: '3.3' } },
  'list-post': { name: 'List-Post', ref: { rfc: 2369, section: '3.4' } },
  'list-owner': { name: 'List-Owner', ref: { rfc: 2369, section: '3.5' } },
  'list-archive': { name: 'List-Archive', ref: { rfc: 2369, section: '3.6' } },
  'list-unsubscribe-post': { name: 'List-Unsubscribe-Post', ref: { rfc: 8058 } },
  'auto-submitted': { name: 'Auto-Submitted', ref: { rfc: 3834, section: '5' } },
  'disposition-notification-to': { name: 'Disposition-Notification-To', ref: { rfc: 8098, section: '2.1' } },
  importance: { name: 'Importance', ref: { rfc: 2156 } },
  // Common fields that no RFC defines for mail.
  'x-mailer': { name: 'X-Mailer', ref: { rfc: 0, note: 'commonField' }, status: 'non-standard' },
  'user-agent': { name: 'User-Agent', ref: { rfc: 0, note: 'commonField' }, status: 'non-standard' },
  'x-priority': { name: 'X-Priority', ref: { rfc: 0, source: 'Microsoft Outlook', note: 'commonField' }, status: 'non-standard' },
  'thread-topic': { name: 'Thread-Topic', ref: { rfc: 0, source: 'Microsoft Outlook/Exchange' }, status: 'non-standard' },
  'thread-index': { name: 'Thread-Index', ref: { rfc: 0, source: 'Microsoft Outlook/Exchange' }, status: 'non-standard' },
  'x-originating-ip': { name: 'X-Originating-IP', ref: { rfc: 0, note: 'commonField' }, status: 'non-standard' },
  'x-original-to': { name: 'X-Original-To', ref: { rfc: 0, source: 'Postfix', note: 'localDelivery' }, status: 'non-standard' },
  organization: { name: 'Organization', ref: { rfc: 5536, section: '3.2.9' }, status: 'non-standard' },
  'envelope-to': { name: 'Envelope-To', ref: { rfc: 0, source: 'Exim', note: 'localDelivery' }, status: 'non-standard' },
  'delivery-date': { name: 'Delivery-Date', ref: { rfc: 0, source: 'Exim', note: 'localDelivery' }, status: 'non-standard' },
  'accept-language': { name: 'Accept-Language', ref: { rfc: 3282, section: '3' } },
  precedence: { name: 'Precedence', ref: { rfc: 0, source: 'sendmail', note: 'commonField' }, status: 'non-standard' },
  'errors-to': { name: 'Errors-To', ref: { rfc: 0, note: 'commonField' }, status: 'obsolete' },
  'x-spam-status': { name: 'X-Spam-Status', ref: { rfc: 0, source: 'Apache SpamAssassin' }, status: 'non-standard' },
  'x-spam-flag': { name: 'X-Spam-Flag', ref: { rfc: 0, source: 'Apache SpamAssassin' }, status: 'non-standard' },
  'x-spam-score': { name: 'X-Spam-Score', ref: { rfc: 0, source: 'SpamAssassin, Amavis' }, status: 'non-standard' },
  'x-spam-level': { name: 'X-Spam-Level', ref: { rfc: 0, source: 'Apache SpamAssassin' }, status: 'non-standard' },
  'x-spam-checker-version': { name: 'X-Spam-Checker-Version', ref: { rfc: 0, source: 'Apache SpamAssassin' }, status: 'non-standard' },
} as const satisfies Record<string, MailHeaderFact>;

export type MailHeaderId = keyof typeof MAIL_HEADERS;

// ---------------------------------------------------------------------------------------
// MIME
// ---------------------------------------------------------------------------------------

/** Values of Content-Transfer-Encoding (RFC 2045 section 6). */
export const TRANSFER_ENCODINGS = {
  '7bit': { ref: { rfc: 2045, section: '6.2' } },
  '8bit': { ref: { rfc: 2045, section: '6.2' } },
  binary: { ref: { rfc: 2045, section: '6.2' } },
  'quoted-printable': { ref: { rfc: 2045, section: '6.7' } },
  base64: { ref: { rfc: 2045, section: '6.8' } },
} as const satisfies Record<string, RefFact>;

export type TransferEncodingId = keyof typeof TRANSFER_ENCODINGS;

/** Media types commonly seen in mail, keyed by lower-case type/subtype. */
export const MIME_TYPES = {
  'multipart/mixed': { ref: { rfc: 2046, section: '5.1.3' } },
  'multipart/alternative': { ref: { rfc: 2046, section: '5.1.4' } },
  'multipart/digest': { ref: { rfc: 2046, section: '5.1.5' } },
  'multipart/parallel': { ref: { rfc: 2046, section: '5.1.6' } },
  'multipart/related': { ref: { rfc: 2387 } },
  'multipart/signed': { ref: { rfc: 1847, section: '2.1' } },
  'multipart/encrypted': { ref: { rfc: 1847, section: '2.2' } },
  'multipart/report': { ref: { rfc: 6522 } },
  'multipart/form-data': { ref: { rfc: 7578 } },
  'message/rfc822': { ref: { rfc: 2046, section: '5.2.1' } },
  'message/delivery-status': { ref: { rfc: 3464 } },
  'text/plain': { ref: { rfc: 2046, section: '4.1.3' } },
  'text/html': { ref: { rfc: 2854 } },
  'application/octet-stream': { ref: { rfc: 2046, section: '4.5.1' } },
} as const satisfies Record<string, RefFact>;

export type MimeTypeId = keyof typeof MIME_TYPES;
