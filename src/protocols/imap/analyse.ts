import type { Limits } from '../../limits.js';
import { decodeMessage } from '../mail/message.js';
import { decodeSasl } from '../mail/sasl.js';
import { selectSession } from '../mail/select.js';
import { countUnlisted, MAIL_DECODE_CONCURRENCY } from '../mail/sessions.js';
import { mapLimit } from '../../util/map-limit.js';
import { MASK, type Redactor } from '../secrets.js';
import type { AnalyseContext } from '../slice.js';
import type { ImapCollector, ImapLoginRecord, ImapSessionRecord } from './dissector.js';
import { imapPacketRows } from './packets.js';
import type { ImapAuth, ImapHeaderFetch, ImapMessage, ImapModel, ImapSession } from './schema.js';

/*
 * IMAP records → the model: LOGIN and AUTHENTICATE decoded (their secrets registered for
 * masking, and the password's characters masked in the transcript and the command list
 * even where they are too short to mask in free text), fetched messages decoded by the
 * shared MIME code, header-only fetches reduced to their header fields.
 */

/** IMAP records → model.imap. The secrets found are registered with the redactor, which masks them in the whole model at the end of analysis. */
export async function analyseImap(records: ImapCollector, ctx: AnalyseContext): Promise<ImapModel> {
  const sessions = await mapLimit(records.sessions, MAIL_DECODE_CONCURRENCY, (s) => sessionModel(s, ctx.limits, ctx.redactor));
  const packets = imapPacketRows(sessions);
  const sessionsUnlisted = countUnlisted(records.sessions, 'IMAP', 'imap', ctx);
  return {
    sessions,
    sessionsUnlisted,
    packets: packets.slice(0, ctx.limits.maxPacketRows),
    packetsUnlisted: Math.max(0, packets.length - ctx.limits.maxPacketRows),
    selection: { session: selectSession(sessions, ctx.choices.imap, completeness, '--imap', 'IMAP') },
  };
}

/** How much of IMAP a session shows: a login, a mailbox opened, a message fetched, the dialogue in clear text through LOGOUT. */
function completeness(s: ImapSession): number {
  const selected = s.selected.some((x) => x.status === 'OK');
  return (
    (s.auth.some((a) => a.success) ? 8 : s.auth.length ? 4 : 0) +
    (s.messages.some((m) => m.section !== 'APPEND') ? 6 : s.fetchedHeaders.length ? 3 : 0) +
    (selected ? 3 : 0) +
    (s.tls === 'none' ? 2 : 0) +
    (s.bye !== null || s.commands.some((c) => c.command === 'LOGOUT' && c.status === 'OK') ? 1 : 0) -
    s.stream / 1e6
  );
}

/** Text with its secret characters masked, unless secrets are revealed. */
function masked(text: string, secret: [number, number] | null | undefined, redactor: Redactor): string {
  if (!secret || redactor.reveal) return text;
  return text.slice(0, secret[0]) + MASK + text.slice(secret[1]);
}

function loginAuth(l: ImapLoginRecord, redactor: Redactor): ImapAuth {
  redactor.add(l.password, l.wire);
  return {
    mechanism: 'IMAP LOGIN',
    user: l.user,
    encoding: l.form === 'literal' ? 'plain text (literal)' : 'plain text',
    secretLength: [...l.password].length,
    secret: redactor.shown(l.password),
    success: l.status === null ? null : l.status === 'OK',
    result: l.text,
    steps: [],
    stepsUnlisted: 0,
    command: 'LOGIN',
    tag: l.tag,
    frame: l.frame,
  };
}

async function sessionModel(s: ImapSessionRecord, limits: Limits, redactor: Redactor): Promise<ImapSession> {
  const auth: ImapAuth[] = [
    ...s.logins.map((l) => loginAuth(l, redactor)),
    ...s.sasl.map((a) => ({
      ...decodeSasl(a, redactor, a.result === null ? null : a.result === 1, a.resultText),
      command: 'AUTHENTICATE' as const,
      tag: a.tag,
      frame: a.frame,
    })),
  ].sort((a, b) => a.frame - b.frame);
  const accepted = auth.filter((a) => a.success).at(-1) ?? auth.at(-1);

  const messages: ImapMessage[] = [];
  const fetchedHeaders: ImapHeaderFetch[] = [];
  for (const m of s.messages) {
    const decoded = await decodeMessage(m, limits);
    const about = { fetchedBy: m.fetchedBy, section: m.section, number: m.number, uid: m.uid };
    if (!m.headersOnly) {
      messages.push({ ...decoded, ...about });
      continue;
    }
    fetchedHeaders.push({
      frame: decoded.frame,
      frames: decoded.frames,
      segments: decoded.segments,
      framesUnlisted: decoded.framesUnlisted,
      size: decoded.size,
      complete: decoded.complete,
      truncated: decoded.truncated,
      ...about,
      headers: decoded.headers,
      subject: decoded.subject,
      from: decoded.from,
      to: decoded.to,
      date: decoded.date,
      messageId: decoded.messageId,
      ...(decoded.error ? { error: decoded.error } : {}),
    });
  }

  return {
    stream: s.stream,
    client: s.client,
    server: s.server,
    tls: s.tls,
    tlsFrame: s.tlsFrame,
    compressedFrame: s.compressedFrame,
    greetingStatus: s.greeting?.status ?? null,
    greeting: s.greeting?.text ?? null,
    greetingFrame: s.greeting?.frame ?? null,
    capabilities: s.capabilities,
    user: accepted?.user ?? null,
    auth,
    transcript: s.transcript.map(({ secret, ...line }) => ({ ...line, text: masked(line.text, secret, redactor) })),
    transcriptUnlisted: s.transcriptUnlisted,
    commands: s.commands.map(({ argumentSecret, uid, ...c }) => ({
      tag: c.tag,
      command: c.command,
      uid,
      argument: masked(c.argument, argumentSecret, redactor),
      status: c.status,
      code: c.code,
      text: c.text,
      frame: c.frame,
      completionFrame: c.completionFrame,
    })),
    commandsUnlisted: s.commandsUnlisted,
    mailboxes: s.mailboxes,
    selected: s.selected,
    searches: s.searches,
    fetches: s.fetches,
    fetchesUnlisted: s.fetchesUnlisted,
    expunged: s.expunged,
    messages,
    fetchedHeaders,
    bye: s.bye,
    complete: s.lostBytes === 0 && s.unanswered === 0 && s.messages.every((m) => m.complete),
  };
}
