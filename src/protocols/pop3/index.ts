import type { Detection, Protocol } from '../protocol.js';
import { defineSlice } from '../slice.js';
import { mailDetailed, mailFrames } from '../mail/packets.js';
import { boundedSessions } from '../mail/sessions.js';
import { analysePop3 } from './analyse.js';
import { selectedSession, structureExamples } from './examples.js';
import { Pop3Collector, Pop3Dissector } from './dissector.js';

/** POP3 (110), POP3S (995) and the unprivileged 1110 of lab set-ups. */
const POP3_PORTS = [110, 995, 1110];

const text = (b: Uint8Array, n: number) => Buffer.from(b.subarray(0, n)).toString('latin1');

/** A +OK greeting is POP3 (no other common protocol greets with it). */
function detect(client: Uint8Array, server: Uint8Array): Detection {
  const s = text(server, 4).toUpperCase();
  if (s === '+OK ' || s === '+OK\r') return 'yes';
  if (server.length > 0 && server.length < 4 && '+OK '.startsWith(s)) return 'unsure';
  if (server.length === 0 && /^(USER|CAPA|APOP|AUTH|STLS) ?/i.test(text(client, 5))) return 'unsure';
  return 'no';
}

export function pop3Protocol(collector: Pop3Collector): Protocol {
  return { name: 'pop3', ports: POP3_PORTS, detect, open: (ctx) => new Pop3Dissector(ctx, collector) };
}

/** POP3: the dialogue, its login, and each message downloaded. */
export const pop3Slice = defineSlice({
  name: 'pop3',
  label: 'POP3',
  start(limits) {
    const records = boundedSessions(new Pop3Collector(), limits.maxMailSessions);
    return { protocol: pop3Protocol(records), records };
  },
  schema: async () => (await import('./schema.js')).Pop3,
  analyse: analysePop3,
  frames(pop3) {
    const s = selectedSession(pop3);
    const { command, response } = s ? structureExamples(s) : { command: null, response: null };
    const detailed = new Map<number, number>();
    for (const l of [command, response]) if (l && s) detailed.set(l.frame, s.stream);
    return { ...mailFrames(pop3), detailed };
  },
  detailed: mailDetailed,
  blocks: ['structure', 'session', 'message', 'summary'],
  summary: {
    columns: ['hasPop3Retr'],
    values: (pop3) => ({ hasPop3Retr: pop3.sessions.some((s) => s.messages.some((m) => m.fetchedBy?.startsWith('RETR'))) }),
  },
  view: async () => (await import('./view.js')).pop3View,
});
