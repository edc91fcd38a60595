import type { Detection, Protocol } from '../protocol.js';
import { defineSlice } from '../slice.js';
import { mailDetailed, mailFrames } from '../mail/packets.js';
import { boundedSessions } from '../mail/sessions.js';
import { analyseSmtp } from './analyse.js';
import { selectedSession, structureExamples } from './examples.js';
import { SmtpCollector, SmtpDissector } from './dissector.js';

/** SMTP (25), submission (587), the common alternative 2525, and implicit-TLS submission (465). */
const SMTP_PORTS = [25, 465, 587, 2525];

const text = (b: Uint8Array, n: number) => Buffer.from(b.subarray(0, n)).toString('latin1');

/** A 220 banner answered by EHLO/HELO is SMTP; a banner alone could be FTP, so wait for the client. */
function detect(client: Uint8Array, server: Uint8Array): Detection {
  const c = text(client, 5).toUpperCase();
  if (c === 'EHLO ' || c === 'HELO ') return 'yes';
  const s = text(server, 4);
  const banner = /^220[ -]/.test(s);
  if (banner && client.length === 0) return 'unsure';
  if (client.length > 0 && client.length < 5 && /^[EH][HE]?L?O?$/i.test(text(client, 4))) return 'unsure';
  if (server.length > 0 && server.length < 4 && /^2?2?0?$/.test(s)) return 'unsure';
  return 'no';
}

export function smtpProtocol(collector: SmtpCollector): Protocol {
  return { name: 'smtp', ports: SMTP_PORTS, detect, open: (ctx) => new SmtpDissector(ctx, collector) };
}

/** SMTP: the dialogue, its authentication and envelope, and each message sent. */
export const smtpSlice = defineSlice({
  name: 'smtp',
  label: 'SMTP',
  start(limits) {
    const records = boundedSessions(new SmtpCollector(), limits.maxMailSessions);
    return { protocol: smtpProtocol(records), records };
  },
  schema: async () => (await import('./schema.js')).Smtp,
  analyse: analyseSmtp,
  frames(smtp) {
    const s = selectedSession(smtp);
    const { command, reply } = s ? structureExamples(s) : { command: null, reply: null };
    const detailed = new Map<number, number>();
    for (const l of [command, reply]) if (l && s) detailed.set(l.frame, s.stream);
    return { ...mailFrames(smtp), detailed };
  },
  detailed: mailDetailed,
  blocks: ['structure', 'session', 'message', 'summary'],
  summary: { columns: ['hasSmtpAuth'], values: (smtp) => ({ hasSmtpAuth: smtp.sessions.some((s) => s.auth.length > 0) }) },
  view: async () => (await import('./view.js')).smtpView,
});
