import { explainMail, format } from '../../knowledge/index.js';
import type { Block, ViewContext } from '../../render/context.js';
import { notesByFrame, sessionCut, warningWords } from '../../render/damage.js';
import { detailText, layerLines, type DetailLine } from '../../render/details.js';
import type { MailMessage, TranscriptLine } from '../mail/schema.js';
import { authView, MAIL_UI, messageBlock, sentElsewhere, sessionIntro, sessionsBlock, transcriptText, vocabulary } from '../mail/view.js';
import type { SliceView } from '../slice.js';
import { selectedSession, structureExamples } from './examples.js';
import type { Pop3, Pop3Session } from './schema.js';

/*
 * The POP3 part of the report: the parts of a command and of a response shown on lines of
 * the capture, and one session in full (its login, the mailbox, the messages downloaded).
 */

/** Wireshark's POP lines for one frame of the session. */
function popDetailLines(lines: readonly TranscriptLine[], frame: number): DetailLine[] {
  const out: DetailLine[] = [{ depth: 0, text: 'Post Office Protocol' }];
  for (const l of lines.filter((x) => x.frame === frame && x.kind !== 'data' && x.kind !== 'tls')) {
    out.push({ depth: 1, text: `${l.text}\\r\\n` });
    if (l.side === 'C' && l.command) {
      out.push({ depth: 2, text: `Request command: ${l.command}` });
      if (l.argument) out.push({ depth: 2, text: `Request parameter: ${l.argument}` });
    } else if (l.side === 'S' && l.indicator) {
      out.push({ depth: 2, text: `Response indicator: ${l.indicator}` });
      const description = l.text.slice(l.indicator.length + 1);
      if (description) out.push({ depth: 2, text: `Response description: ${description}` });
    }
  }
  return out;
}

function details(s: Pop3Session, frame: number | undefined, ctx: ViewContext): string | null {
  const f = frame === undefined ? undefined : ctx.detail(frame);
  return f ? detailText([...layerLines(f), ...popDetailLines(s.transcript, f.number)]) : null;
}

function structureBlock(pop3: Pop3, ctx: ViewContext): Block {
  const w = MAIL_UI[ctx.lang];
  const s = selectedSession(pop3);
  if (!s) return ctx.missing(w.pop3Missing);
  const { command, response, multi } = structureExamples(s);
  const rows = [];
  if (command)
    rows.push({
      kind: w.pop3Command,
      example: command.text,
      frame: command.frame,
      parts: command.argument ? format(w.pop3PartsCommand, command.command, command.argument) : format(w.pop3PartsCommandBare, command.command),
    });
  if (response)
    rows.push({
      kind: w.pop3Response,
      example: response.text,
      frame: response.frame,
      parts: format(w.pop3PartsResponse, response.indicator, response.text.slice(response.indicator!.length + 1) || '—'),
    });
  if (multi.length)
    rows.push({
      kind: w.pop3Multiline,
      example: `${multi[0]!.text} … ${multi.at(-1)!.text}`,
      frame: multi[0]!.frame === multi.at(-1)!.frame ? String(multi[0]!.frame) : `${multi[0]!.frame}–${multi.at(-1)!.frame}`,
      parts: format(w.pop3PartsMultiline, multi[0]!.indicator, multi.length - 2),
    });
  const commandDetails = details(s, command?.frame, ctx);
  const responseDetails = details(s, response?.frame, ctx);
  return {
    partial: 'mail/structure',
    data: {
      intro: w.pop3StructureIntro,
      rows,
      note: '',
      detailsIntro: command && response ? format(w.pop3DetailsIntro, command.frame, response.frame) : '',
      details: [commandDetails, responseDetails].filter((d): d is string => d !== null),
    },
  };
}

function sessionBlock(pop3: Pop3, ctx: ViewContext): Block {
  const w = MAIL_UI[ctx.lang];
  const s = selectedSession(pop3);
  if (!s) return ctx.missing(w.pop3Missing);
  const explainLine = (l: TranscriptLine) => {
    if (l.side === 'C' && l.command) return { key: `pop3.command.${l.command}`, explained: explainMail('pop3Commands', l.command, ctx.lang) };
    if (l.side === 'S' && l.indicator) return { key: `pop3.indicator.${l.indicator}`, explained: explainMail('pop3Indicators', l.indicator, ctx.lang) };
    return null;
  };
  const upgraded = s.tls === 'stls' ? 'STLS' : null;
  const retrieved: MailMessage | undefined = s.messages[0];
  const elsewhere = retrieved ? sentElsewhere(retrieved, ctx) : null;
  return {
    partial: 'pop3/session',
    data: {
      intro: `${sessionIntro('POP3', s, upgraded, ctx)}${s.responses.some((r) => r.command === 'QUIT') ? '' : ` ${w.mailCutOff}`}`,
      transcript: transcriptText(
        s.transcript,
        s.transcriptUnlisted,
        retrieved,
        w,
        undefined,
        notesByFrame(ctx.model, s.stream, ctx.lang),
        ctx.limits.maxDialogueLines,
      ),
      vocabulary: vocabulary(s.transcript, explainLine, ctx),
      auth: authView(s.auth, ctx, w.mailAuthNotePlain),
      noAuth: s.auth.length ? '' : cutNote(s.stream, ctx) || (s.responses.some((r) => r.command === 'QUIT') ? w.mailNoLogin : w.mailNoLoginSeen),
      message: elsewhere,
    },
  };
}

function messageOf(pop3: Pop3, ctx: ViewContext): Block {
  const w = MAIL_UI[ctx.lang];
  const m = selectedSession(pop3)?.messages[0];
  if (!m) return ctx.missing(w.pop3Missing);
  ctx.seen(`mail.message.${m.messageId ?? m.frame}`);
  return messageBlock(m, ctx);
}

function summaryBlock(pop3: Pop3, ctx: ViewContext): Block {
  const w = MAIL_UI[ctx.lang];
  const s = selectedSession(pop3);
  if (!s) return ctx.missing(w.pop3Missing);
  const login = s.auth.find((a) => a.success) ?? s.auth[0];
  const stat = s.responses.find((r) => r.command === 'STAT' && r.indicator === '+OK');
  const count = Number(stat ? (stat.text.split(' ')[0] ?? '') : s.messages.length);
  const text = format(
    w.pop3Summary,
    pop3.sessions.length,
    s.user ?? login?.user ?? '—',
    login?.mechanism ?? '—',
    Number.isFinite(count) ? (count === 1 ? w.messageOne : format(w.messageMany, count)) : '—',
    ctx.list(s.messages.flatMap((m) => (m.fetchedBy ? [m.fetchedBy] : []))) || '—',
    ctx.list(s.messages.map((m) => ctx.bytes(m.size))) || '—',
  );
  return { partial: 'summary-point', data: { text } };
}

/**
 * The frames a login's secret travelled in: its SASL answers; for USER/PASS and APOP (which
 * have no steps) the PASS or APOP line of that attempt (the i-th login of the session).
 */
function loginFrames(s: Pop3Session, a: Pop3Session['auth'][number], i: number): number[] {
  const steps = a.steps.flatMap((x) => (x.side === 'C' && x.frame ? [x.frame] : []));
  if (steps.length > 0) return steps;
  const command = a.mechanism === 'APOP' ? 'APOP' : 'PASS';
  const attempt = s.auth.slice(0, i).filter((x) => x.mechanism === a.mechanism).length;
  const line = s.transcript.filter((l) => l.side === 'C' && l.command === command)[attempt];
  return line ? [line.frame] : [];
}

export const pop3View: SliceView<Pop3> = {
  ui: MAIL_UI,
  filter: 'pop',
  present: (pop3) => pop3.sessions.length > 0,
  blocks: { structure: structureBlock, session: sessionBlock, message: messageOf, summary: summaryBlock },
  packets: (pop3) => pop3.packets,
  environment(pop3, ctx) {
    const s = selectedSession(pop3);
    return s?.greeting ? [{ label: MAIL_UI[ctx.lang].pop3EnvServer, value: `+OK ${s.greeting}` }] : [];
  },
  cleartext(pop3, ctx) {
    const logins = pop3.sessions
      .filter((s) => s.tlsFrame === null)
      .flatMap((s) => s.auth.map((a, i) => ({ mechanism: a.mechanism, frames: loginFrames(s, a, i) })));
    return ctx.logins(logins, ctx.t.cleartextPop3!, ctx.t.cleartextPop3Many!);
  },
  appendix: (pop3, ctx) =>
    pop3.sessions.length
      ? [{ title: MAIL_UI[ctx.lang].pop3AppendixTitle, block: sessionsBlock(pop3.sessions, pop3.selection.session?.stream, (a) => a.mechanism, ctx) }]
      : [],
  compare: {
    Purpose: 'cmpPop3Purpose',
    Opener: 'cmpPop3Opener',
    Port: 'cmpPop3Port',
    Direction: 'cmpPop3Direction',
    FirstWord: 'cmpPop3FirstWord',
    Requests: 'cmpPop3Requests',
    Replies: 'cmpPop3Replies',
    PerExchange: 'cmpPop3PerExchange',
    End: 'cmpPop3End',
    Data: 'cmpPop3Data',
    State: 'cmpPop3State',
    Secure: 'cmpPop3Secure',
  },
};

/** The session was cut by the end of the capture: that sentence, in the report's language (empty if it was not). */
function cutNote(stream: number, ctx: ViewContext): string {
  const cut = sessionCut(ctx.model, stream);
  return cut ? warningWords(cut, ctx.lang) : '';
}
