/*
 * Language-neutral facts about IMAP (RFC 9051 IMAP4rev2, RFC 3501 IMAP4rev1 and the
 * extensions servers announce): commands, response statuses, response codes, untagged
 * data, capabilities, message flags, mailbox attributes and FETCH data items. The words
 * live in `en.ts` and `zh.ts`, keyed by the same ids; `types.ts` makes the compiler reject
 * a missing translation. Every entry cites where it is defined; where the section number
 * was not certain, only the RFC number is cited.
 */

import type { MailStatus } from '../mail/facts.js';
import type { Reference } from '../types.js';

export interface ImapFact {
  ref: Reference;
  status?: MailStatus;
}

/** The session states of RFC 9051 section 3 in which a command is valid. */
export type ImapState = 'any' | 'not authenticated' | 'authenticated' | 'selected';

export interface ImapCommandFact extends ImapFact {
  /** The command as the client sends it after its tag. */
  syntax: string;
  state: ImapState;
}

const rev2 = (section: string): Reference => ({ rfc: 9051, section });
const rev1 = (section: string): Reference => ({ rfc: 3501, section });

// ---------------------------------------------------------------------------------------
// Commands, by name (after UID for UID FETCH and the like); DONE ends IDLE.
// ---------------------------------------------------------------------------------------

export const IMAP_COMMANDS = {
  CAPABILITY: { ref: rev2('6.1.1'), syntax: 'CAPABILITY', state: 'any' },
  NOOP: { ref: rev2('6.1.2'), syntax: 'NOOP', state: 'any' },
  LOGOUT: { ref: rev2('6.1.3'), syntax: 'LOGOUT', state: 'any' },
  STARTTLS: { ref: rev2('6.2.1'), syntax: 'STARTTLS', state: 'not authenticated' },
  AUTHENTICATE: { ref: rev2('6.2.2'), syntax: 'AUTHENTICATE <mechanism> [initial-response]', state: 'not authenticated' },
  LOGIN: { ref: rev2('6.2.3'), syntax: 'LOGIN <user> <password>', state: 'not authenticated' },
  ENABLE: { ref: rev2('6.3.1'), syntax: 'ENABLE <capability>...', state: 'authenticated' },
  SELECT: { ref: rev2('6.3.2'), syntax: 'SELECT <mailbox>', state: 'authenticated' },
  EXAMINE: { ref: rev2('6.3.3'), syntax: 'EXAMINE <mailbox>', state: 'authenticated' },
  CREATE: { ref: rev2('6.3.4'), syntax: 'CREATE <mailbox>', state: 'authenticated' },
  DELETE: { ref: rev2('6.3.5'), syntax: 'DELETE <mailbox>', state: 'authenticated' },
  RENAME: { ref: rev2('6.3.6'), syntax: 'RENAME <old name> <new name>', state: 'authenticated' },
  SUBSCRIBE: { ref: rev2('6.3.7'), syntax: 'SUBSCRIBE <mailbox>', state: 'authenticated' },
  UNSUBSCRIBE: { ref: rev2('6.3.8'), syntax: 'UNSUBSCRIBE <mailbox>', state: 'authenticated' },
  LIST: { ref: rev2('6.3.9'), syntax: 'LIST <reference> <mailbox pattern>', state: 'authenticated' },
  LSUB: { ref: rev1('6.3.9'), syntax: 'LSUB <reference> <mailbox pattern>', state: 'authenticated', status: 'obsolete' },
  NAMESPACE: { ref: rev2('6.3.10'), syntax: 'NAMESPACE', state: 'authenticated' },
  STATUS: { ref: rev2('6.3.11'), syntax: 'STATUS <mailbox> (<item>...)', state: 'authenticated' },
  APPEND: { ref: rev2('6.3.12'), syntax: 'APPEND <mailbox> [(<flags>)] [<date-time>] <message literal>', state: 'authenticated' },
  IDLE: { ref: rev2('6.3.13'), syntax: 'IDLE', state: 'authenticated' },
  DONE: { ref: rev2('6.3.13'), syntax: 'DONE', state: 'authenticated' },
  CHECK: { ref: rev1('6.4.1'), syntax: 'CHECK', state: 'selected', status: 'obsolete' },
  CLOSE: { ref: rev2('6.4.1'), syntax: 'CLOSE', state: 'selected' },
  UNSELECT: { ref: rev2('6.4.2'), syntax: 'UNSELECT', state: 'selected' },
  EXPUNGE: { ref: rev2('6.4.3'), syntax: 'EXPUNGE', state: 'selected' },
  SEARCH: { ref: rev2('6.4.4'), syntax: 'SEARCH [RETURN (<options>)] [CHARSET <charset>] <criteria>', state: 'selected' },
  FETCH: { ref: rev2('6.4.5'), syntax: 'FETCH <sequence set> <item or (items)>', state: 'selected' },
  STORE: { ref: rev2('6.4.6'), syntax: 'STORE <sequence set> [+|-]FLAGS[.SILENT] (<flags>)', state: 'selected' },
  COPY: { ref: rev2('6.4.7'), syntax: 'COPY <sequence set> <mailbox>', state: 'selected' },
  MOVE: { ref: rev2('6.4.8'), syntax: 'MOVE <sequence set> <mailbox>', state: 'selected' },
  UID: { ref: rev2('6.4.9'), syntax: 'UID COPY|MOVE|FETCH|SEARCH|STORE|EXPUNGE <UIDs> ...', state: 'selected' },
  ID: { ref: { rfc: 2971, section: '3.1' }, syntax: 'ID (<field> <value>...) | NIL', state: 'any' },
  COMPRESS: { ref: { rfc: 4978, section: '3' }, syntax: 'COMPRESS DEFLATE', state: 'authenticated' },
  SORT: { ref: { rfc: 5256, section: '3' }, syntax: 'SORT (<criteria>) <charset> <search criteria>', state: 'selected' },
  THREAD: { ref: { rfc: 5256, section: '3' }, syntax: 'THREAD <algorithm> <charset> <search criteria>', state: 'selected' },
  GETQUOTA: { ref: { rfc: 9208, section: '4.2' }, syntax: 'GETQUOTA <quota root>', state: 'authenticated' },
  GETQUOTAROOT: { ref: { rfc: 9208, section: '4.3' }, syntax: 'GETQUOTAROOT <mailbox>', state: 'authenticated' },
  SETQUOTA: { ref: { rfc: 9208, section: '4.1' }, syntax: 'SETQUOTA <quota root> (<resource> <limit>...)', state: 'authenticated' },
  GETACL: { ref: { rfc: 4314, section: '3.3' }, syntax: 'GETACL <mailbox>', state: 'authenticated' },
  SETACL: { ref: { rfc: 4314, section: '3.1' }, syntax: 'SETACL <mailbox> <identifier> <rights>', state: 'authenticated' },
  MYRIGHTS: { ref: { rfc: 4314, section: '3.5' }, syntax: 'MYRIGHTS <mailbox>', state: 'authenticated' },
  GETMETADATA: { ref: { rfc: 5464, section: '4.2' }, syntax: 'GETMETADATA [<options>] <mailbox> <entries>', state: 'authenticated' },
  SETMETADATA: { ref: { rfc: 5464, section: '4.3' }, syntax: 'SETMETADATA <mailbox> (<entry> <value>...)', state: 'authenticated' },
  UNAUTHENTICATE: { ref: { rfc: 8437, section: '3' }, syntax: 'UNAUTHENTICATE', state: 'authenticated' },
  XLIST: {
    ref: { rfc: 0, source: 'Google Gmail IMAP extensions', note: 'replacedBySpecialUse' },
    syntax: 'XLIST <reference> <pattern>',
    state: 'authenticated',
    status: 'non-standard',
  },
} as const satisfies Record<string, ImapCommandFact>;

export type ImapCommandId = keyof typeof IMAP_COMMANDS;

// ---------------------------------------------------------------------------------------
// The kinds of server line: statuses (tagged or untagged), untagged data, continuation.
// ---------------------------------------------------------------------------------------

/** Status responses (RFC 9051 section 7.1) and the two markers that start untagged and continuation lines. */
export const IMAP_STATUSES = {
  OK: { ref: rev2('7.1.1') },
  NO: { ref: rev2('7.1.2') },
  BAD: { ref: rev2('7.1.3') },
  PREAUTH: { ref: rev2('7.1.4') },
  BYE: { ref: rev2('7.1.5') },
  '*': { ref: rev2('2.2.2') },
  '+': { ref: rev2('7.6') },
} as const satisfies Record<string, ImapFact>;

export type ImapStatusId = keyof typeof IMAP_STATUSES;

/** Untagged data the server sends (RFC 9051 sections 7.2 to 7.5, and RFC 3501 for what IMAP4rev2 dropped). */
export const IMAP_RESPONSES = {
  ENABLED: { ref: rev2('7.2.1') },
  CAPABILITY: { ref: rev2('7.2.2') },
  LIST: { ref: rev2('7.3.1') },
  NAMESPACE: { ref: rev2('7.3.2') },
  STATUS: { ref: rev2('7.3.3') },
  ESEARCH: { ref: rev2('7.3.4') },
  FLAGS: { ref: rev2('7.3.5') },
  EXISTS: { ref: rev2('7.4.1') },
  EXPUNGE: { ref: rev2('7.5.1') },
  FETCH: { ref: rev2('7.5.2') },
  SEARCH: { ref: rev1('7.2.5'), status: 'obsolete' },
  LSUB: { ref: rev1('7.2.3'), status: 'obsolete' },
  RECENT: { ref: rev1('7.3.2'), status: 'obsolete' },
  ID: { ref: { rfc: 2971, section: '3.2' } },
  VANISHED: { ref: { rfc: 7162, section: '3.2.10' } },
  QUOTA: { ref: { rfc: 9208, section: '5.1' } },
  QUOTAROOT: { ref: { rfc: 9208, section: '5.2' } },
  SORT: { ref: { rfc: 5256, section: '4' } },
  THREAD: { ref: { rfc: 5256, section: '4' } },
} as const satisfies Record<string, ImapFact>;

export type ImapResponseId = keyof typeof IMAP_RESPONSES;

// ---------------------------------------------------------------------------------------
// Response codes: the [ATOM …] after a status (RFC 9051 section 7.1 and extensions).
// ---------------------------------------------------------------------------------------

export const IMAP_RESPONSE_CODES = {
  ALERT: { ref: rev2('7.1') },
  ALREADYEXISTS: { ref: rev2('7.1') },
  APPENDUID: { ref: { rfc: 4315, section: '3' } },
  AUTHENTICATIONFAILED: { ref: rev2('7.1') },
  AUTHORIZATIONFAILED: { ref: rev2('7.1') },
  BADCHARSET: { ref: rev2('7.1') },
  CANNOT: { ref: rev2('7.1') },
  CAPABILITY: { ref: rev2('7.1') },
  CLIENTBUG: { ref: rev2('7.1') },
  CLOSED: { ref: rev2('7.1') },
  CONTACTADMIN: { ref: rev2('7.1') },
  COPYUID: { ref: { rfc: 4315, section: '3' } },
  CORRUPTION: { ref: rev2('7.1') },
  EXPIRED: { ref: rev2('7.1') },
  EXPUNGEISSUED: { ref: rev2('7.1') },
  HASCHILDREN: { ref: rev2('7.1') },
  INUSE: { ref: rev2('7.1') },
  LIMIT: { ref: rev2('7.1') },
  NONEXISTENT: { ref: rev2('7.1') },
  NOPERM: { ref: rev2('7.1') },
  OVERQUOTA: { ref: rev2('7.1') },
  PARSE: { ref: rev2('7.1') },
  PERMANENTFLAGS: { ref: rev2('7.1') },
  PRIVACYREQUIRED: { ref: rev2('7.1') },
  'READ-ONLY': { ref: rev2('7.1') },
  'READ-WRITE': { ref: rev2('7.1') },
  SERVERBUG: { ref: rev2('7.1') },
  TRYCREATE: { ref: rev2('7.1') },
  UIDNEXT: { ref: rev2('7.1') },
  UIDNOTSTICKY: { ref: { rfc: 4315, section: '3' } },
  UIDVALIDITY: { ref: rev2('7.1') },
  UNAVAILABLE: { ref: rev2('7.1') },
  'UNKNOWN-CTE': { ref: rev2('7.1') },
  UNSEEN: { ref: rev1('7.1'), status: 'obsolete' },
  HIGHESTMODSEQ: { ref: { rfc: 7162, section: '3.1.2.1' } },
  NOMODSEQ: { ref: { rfc: 7162, section: '3.1.2.2' } },
  MODIFIED: { ref: { rfc: 7162, section: '3.1.3' } },
  REFERRAL: { ref: { rfc: 2221, section: '4.1' } },
  COMPRESSIONACTIVE: { ref: { rfc: 4978, section: '3' } },
} as const satisfies Record<string, ImapFact>;

export type ImapResponseCodeId = keyof typeof IMAP_RESPONSE_CODES;

// ---------------------------------------------------------------------------------------
// Capabilities, as announced (upper case); a name ending in "=" stands for every
// parameter of it (AUTH=PLAIN, THREAD=REFS, …).
// ---------------------------------------------------------------------------------------

export const IMAP_CAPABILITIES = {
  IMAP4REV1: { ref: rev1('6.1.1') },
  IMAP4REV2: { ref: rev2('6.1.1') },
  STARTTLS: { ref: rev2('6.2.1') },
  LOGINDISABLED: { ref: rev2('6.2.3') },
  'AUTH=': { ref: rev2('6.2.2') },
  'SASL-IR': { ref: { rfc: 4959 } },
  'LOGIN-REFERRALS': { ref: { rfc: 2221 } },
  IDLE: { ref: { rfc: 2177 } },
  'LITERAL+': { ref: { rfc: 7888 } },
  'LITERAL-': { ref: { rfc: 7888 } },
  ENABLE: { ref: { rfc: 5161 } },
  ID: { ref: { rfc: 2971 } },
  NAMESPACE: { ref: { rfc: 2342 } },
  UIDPLUS: { ref: { rfc: 4315 } },
  MOVE: { ref: { rfc: 6851 } },
  UNSELECT: { ref: { rfc: 3691 } },
  CHILDREN: { ref: { rfc: 3348 } },
  'SPECIAL-USE': { ref: { rfc: 6154 } },
  'CREATE-SPECIAL-USE': { ref: { rfc: 6154 } },
  'LIST-EXTENDED': { ref: { rfc: 5258 } },
  'LIST-STATUS': { ref: { rfc: 5819 } },
  CONDSTORE: { ref: { rfc: 7162 } },
  QRESYNC: { ref: { rfc: 7162 } },
  ESEARCH: { ref: { rfc: 4731 } },
  SEARCHRES: { ref: { rfc: 5182 } },
  WITHIN: { ref: { rfc: 5032 } },
  'CONTEXT=': { ref: { rfc: 5267 } },
  SORT: { ref: { rfc: 5256 } },
  'SORT=DISPLAY': { ref: { rfc: 5957 } },
  ESORT: { ref: { rfc: 5267 } },
  'THREAD=': { ref: { rfc: 5256 } },
  'I18NLEVEL=': { ref: { rfc: 5255 } },
  MULTIAPPEND: { ref: { rfc: 3502 } },
  CATENATE: { ref: { rfc: 4469 } },
  'URL-PARTIAL': { ref: { rfc: 5550 } },
  URLAUTH: { ref: { rfc: 4467 } },
  BINARY: { ref: { rfc: 3516 } },
  'COMPRESS=': { ref: { rfc: 4978 } },
  QUOTA: { ref: { rfc: 9208 } },
  ACL: { ref: { rfc: 4314 } },
  METADATA: { ref: { rfc: 5464 } },
  NOTIFY: { ref: { rfc: 5465 } },
  'UTF8=': { ref: { rfc: 6855 } },
  OBJECTID: { ref: { rfc: 8474 } },
  APPENDLIMIT: { ref: { rfc: 7889 } },
  'STATUS=SIZE': { ref: { rfc: 8438 } },
  SAVEDATE: { ref: { rfc: 8514 } },
  PREVIEW: { ref: { rfc: 8970 } },
  'PREVIEW=': { ref: { rfc: 8970 }, status: 'non-standard' },
  'SNIPPET=': { ref: { rfc: 0, source: 'draft-ietf-extra-imap-fetch-preview', note: 'previewDraft' }, status: 'obsolete' },
  UNAUTHENTICATE: { ref: { rfc: 8437 } },
  XLIST: { ref: { rfc: 0, source: 'Google Gmail IMAP extensions', note: 'replacedBySpecialUse' }, status: 'non-standard' },
  'X-GM-EXT-1': { ref: { rfc: 0, source: 'Google Gmail IMAP extensions' }, status: 'non-standard' },
} as const satisfies Record<string, ImapFact>;

export type ImapCapabilityId = keyof typeof IMAP_CAPABILITIES;

// ---------------------------------------------------------------------------------------
// Message flags (RFC 9051 section 2.3.2) and mailbox name attributes (section 7.3.1, RFC 6154).
// ---------------------------------------------------------------------------------------

export const IMAP_FLAGS = {
  '\\SEEN': { ref: rev2('2.3.2') },
  '\\ANSWERED': { ref: rev2('2.3.2') },
  '\\FLAGGED': { ref: rev2('2.3.2') },
  '\\DELETED': { ref: rev2('2.3.2') },
  '\\DRAFT': { ref: rev2('2.3.2') },
  '\\RECENT': { ref: rev1('2.3.2'), status: 'obsolete' },
  '\\*': { ref: rev2('7.1') },
  $FORWARDED: { ref: rev2('2.3.2') },
  $MDNSENT: { ref: rev2('2.3.2') },
  $JUNK: { ref: rev2('2.3.2') },
  $NOTJUNK: { ref: rev2('2.3.2') },
  $PHISHING: { ref: rev2('2.3.2') },
} as const satisfies Record<string, ImapFact>;

export type ImapFlagId = keyof typeof IMAP_FLAGS;

export const IMAP_MAILBOX_ATTRIBUTES = {
  '\\NOINFERIORS': { ref: rev2('7.3.1') },
  '\\NOSELECT': { ref: rev2('7.3.1') },
  '\\NONEXISTENT': { ref: rev2('7.3.1') },
  '\\HASCHILDREN': { ref: rev2('7.3.1') },
  '\\HASNOCHILDREN': { ref: rev2('7.3.1') },
  '\\MARKED': { ref: rev2('7.3.1') },
  '\\UNMARKED': { ref: rev2('7.3.1') },
  '\\SUBSCRIBED': { ref: rev2('7.3.1') },
  '\\REMOTE': { ref: rev2('7.3.1') },
  '\\ALL': { ref: { rfc: 6154, section: '2' } },
  '\\ARCHIVE': { ref: { rfc: 6154, section: '2' } },
  '\\DRAFTS': { ref: { rfc: 6154, section: '2' } },
  '\\FLAGGED': { ref: { rfc: 6154, section: '2' } },
  '\\JUNK': { ref: { rfc: 6154, section: '2' } },
  '\\SENT': { ref: { rfc: 6154, section: '2' } },
  '\\TRASH': { ref: { rfc: 6154, section: '2' } },
} as const satisfies Record<string, ImapFact>;

export type ImapMailboxAttributeId = keyof typeof IMAP_MAILBOX_ATTRIBUTES;

// ---------------------------------------------------------------------------------------
// FETCH data items (RFC 9051 section 6.4.5, answered in section 7.5.2). Sections are keyed
// by their kind: BODY[HEADER.FIELDS (FROM)] is BODY[HEADER.FIELDS], BODY[1.2] is BODY[n];
// BODY.PEEK[…] is explained as its BODY[…] and BODY.PEEK.
// ---------------------------------------------------------------------------------------

export const IMAP_FETCH_ITEMS = {
  'BODY[]': { ref: rev2('6.4.5') },
  'BODY[HEADER]': { ref: rev2('6.4.5') },
  'BODY[HEADER.FIELDS]': { ref: rev2('6.4.5') },
  'BODY[HEADER.FIELDS.NOT]': { ref: rev2('6.4.5') },
  'BODY[TEXT]': { ref: rev2('6.4.5') },
  'BODY[MIME]': { ref: rev2('6.4.5') },
  'BODY[n]': { ref: rev2('6.4.5') },
  'BODY.PEEK': { ref: rev2('6.4.5') },
  '<partial>': { ref: rev2('6.4.5') },
  BODY: { ref: rev2('6.4.5') },
  BODYSTRUCTURE: { ref: rev2('6.4.5') },
  ENVELOPE: { ref: rev2('6.4.5') },
  FLAGS: { ref: rev2('6.4.5') },
  INTERNALDATE: { ref: rev2('6.4.5') },
  'RFC822.SIZE': { ref: rev2('6.4.5') },
  UID: { ref: rev2('6.4.5') },
  'BINARY[]': { ref: rev2('6.4.5') },
  'BINARY.SIZE[]': { ref: rev2('6.4.5') },
  RFC822: { ref: rev1('6.4.5'), status: 'deprecated' },
  'RFC822.HEADER': { ref: rev1('6.4.5'), status: 'deprecated' },
  'RFC822.TEXT': { ref: rev1('6.4.5'), status: 'deprecated' },
  ALL: { ref: rev2('6.4.5') },
  FAST: { ref: rev2('6.4.5') },
  FULL: { ref: rev2('6.4.5') },
  MODSEQ: { ref: { rfc: 7162, section: '3.1.4' } },
  EMAILID: { ref: { rfc: 8474, section: '5.1' } },
  THREADID: { ref: { rfc: 8474, section: '5.2' } },
  SAVEDATE: { ref: { rfc: 8514, section: '4' } },
  PREVIEW: { ref: { rfc: 8970, section: '3' } },
} as const satisfies Record<string, ImapFact>;

export type ImapFetchItemId = keyof typeof IMAP_FETCH_ITEMS;
