import type { Detection, Protocol } from '../protocol.js';
import { mailDetailed, mailFrames } from '../mail/packets.js';
import { defineSlice } from '../slice.js';
import { boundedSessions } from '../mail/sessions.js';
import { analyseImap } from './analyse.js';
import { ImapCollector, ImapDissector } from './dissector.js';
import { detailFrames, selectedSession } from './examples.js';
import type { ImapModel } from './schema.js';

/** IMAP (143) and IMAPS (993, TLS from the first byte: RFC 8314), as Wireshark registers them. */
const IMAP_PORTS = [143, 993];

const text = (b: Uint8Array, n: number) => Buffer.from(b.subarray(0, n)).toString('latin1');

/** Untagged server data only IMAP sends (RFC 9051 section 7): a greeting (* OK, * PREAUTH, * BYE) or, for a capture that missed it, other untagged data. */
const SERVER_START = /^\* (?:(?:OK|PREAUTH|BYE|NO|BAD)[ \r]|(?:CAPABILITY|LIST|LSUB|FLAGS|SEARCH|STATUS|ENABLED) |\d+ (?:EXISTS|RECENT|EXPUNGE|FETCH)[ \r])/i;
/** The first bytes of one, not yet long enough to tell. */
const SERVER_PREFIX = /^\*( [A-Za-z0-9]{0,10})?$/;
/** A tag and a command a client may open with (a capture that missed the greeting). */
const CLIENT_START = /^[^\s(){%*"\\+]{1,64} (?:CAPABILITY|NOOP|LOGOUT|STARTTLS|AUTHENTICATE|LOGIN|ID|ENABLE|SELECT|EXAMINE|LIST|STATUS|NAMESPACE)(?: |\r?$)/i;
const CLIENT_PREFIX = /^[^\s(){%*"\\+]{1,64}( [A-Za-z]{0,12})?$/;

function verdict(bytes: Uint8Array, start: RegExp, prefix: RegExp): Detection | 'empty' {
  if (bytes.length === 0) return 'empty';
  const eol = bytes.indexOf(10);
  const first = text(bytes, eol < 0 ? Math.min(bytes.length, 80) : eol);
  if (start.test(first)) return 'yes';
  return eol < 0 && prefix.test(first) ? 'unsure' : 'no';
}

/** IMAP by content: the server's greeting or other untagged data, or a client's tagged first command. */
export function detectImap(client: Uint8Array, server: Uint8Array): Detection {
  const s = verdict(server, SERVER_START, SERVER_PREFIX);
  const c = verdict(client, CLIENT_START, CLIENT_PREFIX);
  if (s === 'yes' || c === 'yes') return 'yes';
  if (s === 'unsure' || (s === 'empty' && c === 'unsure')) return 'unsure';
  return 'no';
}

export function imapProtocol(collector: ImapCollector): Protocol {
  return { name: 'imap', ports: IMAP_PORTS, detect: detectImap, open: (ctx) => new ImapDissector(ctx, collector) };
}

/** IMAP: the dialogue with its tags, the login, the mailboxes, and each message fetched. */
export const imapSlice = defineSlice<'imap', ImapCollector, ImapModel>({
  name: 'imap',
  label: 'IMAP',
  start(limits) {
    const records = boundedSessions(new ImapCollector(limits), limits.maxMailSessions);
    return { protocol: imapProtocol(records), records };
  },
  schema: async () => (await import('./schema.js')).ImapModel,
  analyse: analyseImap,
  frames(imap) {
    const s = selectedSession(imap);
    return { ...mailFrames(imap), detailed: new Map(s ? detailFrames(s).map((f) => [f, s.stream]) : []) };
  },
  detailed: mailDetailed,
  blocks: ['structure', 'session', 'message', 'summary'],
  summary: {
    columns: ['hasImapFetch'],
    values: (imap) => ({ hasImapFetch: imap.sessions.some((s) => s.messages.some((m) => m.section !== 'APPEND')) }),
  },
  view: async () => (await import('./view.js')).imapView,
});
