import type { Limits } from '../../limits.js';
import { decodeMessage } from '../mail/message.js';
import { mailPacketRows } from '../mail/packets.js';
import { decodeSasl } from '../mail/sasl.js';
import { selectSession } from '../mail/select.js';
import { countUnlisted, MAIL_DECODE_CONCURRENCY } from '../mail/sessions.js';
import { mapLimit } from '../../util/map-limit.js';
import type { MailAuth, TranscriptLine } from '../mail/schema.js';
import type { AnalyseContext } from '../slice.js';
import type { Redactor } from '../secrets.js';
import type { Pop3Collector, Pop3SessionRecord } from './dissector.js';
import type { Pop3, Pop3Session } from './schema.js';

/** POP3 records → model.pop3: USER/PASS, APOP and AUTH decoded (secrets registered for masking), RETR/TOP messages decoded. */
export async function analysePop3(records: Pop3Collector, ctx: AnalyseContext): Promise<Pop3> {
  const sessions = await pop3Sessions(records.sessions, ctx.limits, ctx.redactor);
  const packets = mailPacketRows(sessions, 'POP', false);
  const sessionsUnlisted = countUnlisted(records.sessions, 'POP3', 'pop3', ctx);
  return {
    sessions,
    sessionsUnlisted,
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
  return mapLimit(records, MAIL_DECODE_CONCURRENCY, async (s) => {
    const auth = passwordLogins(s, redactor);
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
      messages: await mapLimit(s.messages, 1, async (m) => ({ ...(await decodeMessage(m, limits)), fetchedBy: `${m.command} ${m.argument}`.trim() })),
      transcript: s.transcript.map((l) => maskedLine(l, redactor)),
      transcriptUnlisted: s.transcriptUnlisted,
      responses: s.responses.map((r) =>
        r.command === 'PASS' || r.command === 'APOP' ? { ...r, argument: maskedArgument(r.command, r.argument, redactor) } : r,
      ),
    };
  });
}

/**
 * Every USER/PASS and APOP login of a session, failed ones too, in order: the user named by
 * the USER before it, the answer to it. Each password (or APOP digest) is registered for masking.
 */
function passwordLogins(s: Pop3SessionRecord, redactor: Redactor): MailAuth[] {
  const logins: MailAuth[] = [];
  let user: string | null = null;
  const login = (command: 'PASS' | 'APOP', argument: string, answer: { indicator: '+OK' | '-ERR'; text: string } | null) => {
    const apop = command === 'APOP';
    const [name = '', digest = ''] = argument.split(' ');
    const secret = apop ? digest : argument;
    redactor.add(secret);
    logins.push({
      mechanism: apop ? 'APOP' : 'USER/PASS',
      user: apop ? name || null : user,
      encoding: apop ? "MD5 digest of the greeting's timestamp and the password" : 'plain text',
      secretLength: [...secret].length,
      secret: redactor.shown(secret),
      success: answer ? answer.indicator === '+OK' : null,
      result: answer?.text ?? '',
      steps: [],
      stepsUnlisted: 0,
    });
  };
  // The commands as the client sent them, each with the first answer to it after it.
  const answers = s.responses.filter((r) => r.command === 'PASS' || r.command === 'APOP');
  for (const l of s.transcript) {
    if (l.side !== 'C') continue;
    if (l.command === 'USER') user = l.argument ?? null;
    if (l.command !== 'PASS' && l.command !== 'APOP') continue;
    const at = answers.findIndex((r) => r.command === l.command && r.frame > l.frame);
    login(l.command, l.argument ?? '', at >= 0 ? answers.splice(at, 1)[0]! : null);
  }
  // A session whose dialogue lines were not all kept still has the dissector's record of its login.
  if (logins.length === 0 && s.secret) {
    user = s.user;
    login(s.secret.command, s.secret.command === 'APOP' ? `${s.user ?? ''} ${s.secret.value}` : s.secret.value, null);
  }
  return logins;
}

/** PASS's argument, and APOP's digest, masked where they stand. */
function maskedArgument(command: string, argument: string, redactor: Redactor): string {
  if (command === 'PASS') return redactor.masked(argument);
  const [name = '', ...rest] = argument.split(' ');
  return rest.length ? `${name} ${redactor.masked(rest.join(' '))}` : redactor.masked(argument);
}

function maskedLine(l: TranscriptLine, redactor: Redactor): TranscriptLine {
  if (l.side !== 'C' || (l.command !== 'PASS' && l.command !== 'APOP') || !l.argument) return l;
  const argument = maskedArgument(l.command, l.argument, redactor);
  return { ...l, argument, text: `${l.text.slice(0, l.text.length - l.argument.length)}${argument}` };
}
