import type { Limits } from '../../limits.js';
import { decodeMessage } from '../mail/message.js';
import { mailPacketRows } from '../mail/packets.js';
import { decodeSasl } from '../mail/sasl.js';
import { selectSession } from '../mail/select.js';
import { countUnlisted, MAIL_DECODE_CONCURRENCY } from '../mail/sessions.js';
import { mapLimit } from '../../util/map-limit.js';
import type { AnalyseContext } from '../slice.js';
import type { Redactor } from '../secrets.js';
import type { SmtpCollector, SmtpSessionRecord } from './dissector.js';
import type { Smtp, SmtpSession } from './schema.js';

/** SMTP records → model.smtp: authentication decoded (its secrets registered for masking), messages decoded. */
export async function analyseSmtp(records: SmtpCollector, ctx: AnalyseContext): Promise<Smtp> {
  const sessions = await smtpSessions(records.sessions, ctx.limits, ctx.redactor);
  const packets = mailPacketRows(sessions, 'SMTP', true);
  const sessionsUnlisted = countUnlisted(records.sessions, 'SMTP', 'smtp', ctx);
  return {
    sessions,
    sessionsUnlisted,
    packets: packets.slice(0, ctx.limits.maxPacketRows),
    packetsUnlisted: Math.max(0, packets.length - ctx.limits.maxPacketRows),
    selection: { session: selectSession(sessions, ctx.choices.smtp, completeness, '--smtp', 'SMTP') },
  };
}

/** How much of SMTP a session shows: a login, an accepted message, the whole dialogue through QUIT, in clear text. */
function completeness(s: SmtpSession): number {
  const accepted = s.replies.some((r) => r.command === 'DATA' && r.code === 250) || s.replies.some((r) => r.command === 'BDAT' && r.code === 250);
  return (
    (s.auth.some((a) => a.success) ? 8 : s.auth.length ? 4 : 0) +
    (accepted ? 6 : s.messages.length ? 3 : 0) +
    (s.tls === 'none' ? 2 : 0) +
    (s.replies.some((r) => r.command === 'QUIT') ? 1 : 0) +
    (s.ehlo ? 1 : 0) -
    s.stream / 1e6
  );
}

async function smtpSessions(records: SmtpSessionRecord[], limits: Limits, redactor: Redactor): Promise<SmtpSession[]> {
  return mapLimit(records, MAIL_DECODE_CONCURRENCY, async (s) => ({
    stream: s.stream,
    client: s.client,
    server: s.server,
    tls: s.tls,
    tlsFrame: s.tlsFrame,
    banner: s.replies.find((r) => r.command === null)?.text ?? null,
    ehlo: s.ehlo,
    authUnlisted: s.authUnlisted,
    messagesUnlisted: s.messagesUnlisted,
    repliesUnlisted: s.repliesUnlisted,
    failuresUnlisted: s.failuresUnlisted,
    auth: s.auth.map((a) =>
      decodeSasl(a, redactor, a.result === null ? null : a.result >= 200 && a.result < 300, a.result === null ? '' : `${a.result} ${a.resultText}`),
    ),
    envelope: s.envelope,
    messages: await mapLimit(s.messages, 1, (m) => decodeMessage(m, limits)),
    transcript: s.transcript,
    transcriptUnlisted: s.transcriptUnlisted,
    replies: s.replies.map((r) => ({ ...r, enhanced: /^([245]\.\d{1,3}\.\d{1,3})\b/.exec(r.text)?.[1] ?? null })),
  }));
}
