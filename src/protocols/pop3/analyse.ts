import type { Limits } from '../../limits.js';
import { decodeMessage } from '../mail/message.js';
import { mailPacketRows } from '../mail/packets.js';
import { decodeSasl } from '../mail/sasl.js';
import { selectSession } from '../mail/select.js';
import type { MailAuth } from '../mail/schema.js';
import type { AnalyseContext } from '../slice.js';
import type { Redactor } from '../secrets.js';
import type { Pop3Collector, Pop3SessionRecord } from './dissector.js';
import type { Pop3, Pop3Session } from './schema.js';

/** POP3 records → model.pop3: USER/PASS, APOP and AUTH decoded (secrets registered for masking), RETR/TOP messages decoded. */
export async function analysePop3(records: Pop3Collector, ctx: AnalyseContext): Promise<Pop3> {
  const sessions = await pop3Sessions(records.sessions, ctx.limits, ctx.redactor);
  const packets = mailPacketRows(sessions, 'POP', false);
  return {
    sessions,
    packets: packets.slice(0, ctx.limits.maxPacketRows),
    packetsUnlisted: Math.max(0, packets.length - ctx.limits.maxPacketRows),
    selection: { session: selectSession(sessions, ctx.choices.pop3, completeness, '--pop3', 'POP3') },
  };
}

/** How much of POP3 a session shows: a login, a message downloaded, the whole dialogue through QUIT, in clear text. */
function completeness(s: Pop3Session): number {
  return (
    (s.auth.some((a) => a.success) ? 8 : s.auth.length ? 4 : 0) +
    (s.messages.some((m) => m.fetchedBy?.startsWith('RETR')) ? 6 : s.messages.length ? 3 : 0) +
    (s.tls === 'none' ? 2 : 0) +
    (s.responses.some((r) => r.command === 'QUIT') ? 1 : 0) -
    s.stream / 1e6
  );
}

async function pop3Sessions(records: Pop3SessionRecord[], limits: Limits, redactor: Redactor): Promise<Pop3Session[]> {
  return Promise.all(
    records.map(async (s) => {
      const auth: MailAuth[] = [];
      if (s.secret) {
        redactor.add(s.secret.value);
        const apop = s.secret.command === 'APOP';
        auth.push({
          mechanism: apop ? 'APOP' : 'USER/PASS',
          user: s.user,
          encoding: apop ? "MD5 digest of the greeting's timestamp and the password" : 'plain text',
          secretLength: [...s.secret.value].length,
          secret: redactor.shown(s.secret.value),
          success: s.secret.accepted,
          result: s.responses.find((r) => r.command === s.secret!.command)?.text ?? '',
          steps: [],
          stepsUnlisted: 0,
        });
      }
      for (const a of s.auth) auth.push(decodeSasl(a, redactor, a.result === null ? null : a.result === 1, a.resultText));
      return {
        stream: s.stream,
        client: s.client,
        server: s.server,
        tls: s.tls,
        tlsFrame: s.tlsFrame,
        greeting: s.greeting,
        user: s.user,
        auth,
        authUnlisted: s.authUnlisted,
        messagesUnlisted: s.messagesUnlisted,
        responsesUnlisted: s.responsesUnlisted,
        failuresUnlisted: s.failuresUnlisted,
        messages: await Promise.all(s.messages.map(async (m) => ({ ...(await decodeMessage(m, limits)), fetchedBy: `${m.command} ${m.argument}`.trim() }))),
        transcript: s.transcript,
        transcriptUnlisted: s.transcriptUnlisted,
        responses: s.responses,
      };
    }),
  );
}
