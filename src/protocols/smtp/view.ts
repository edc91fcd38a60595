import { explainEnhanced, explainMail, explainSmtpReply, format } from '../../knowledge/index.js';
import { WIRESHARK_SMTP_REPLY_CODES } from '../../knowledge/mail/wireshark.js';
import type { Block, ViewContext } from '../../render/context.js';
import { notesByFrame, sessionCut, warningWords } from '../../render/damage.js';
import { detailText, layerLines, type DetailLine } from '../../render/details.js';
import type { TranscriptLine } from '../mail/schema.js';
import { authView, diagram, endpoint, MAIL_UI, messageBlock, sessionIntro, sessionsBlock, transcriptText, vocabulary } from '../mail/view.js';
import type { SliceView } from '../slice.js';
import { selectedSession, structureExamples } from './examples.js';
import type { Smtp, SmtpSession } from './schema.js';

/*
 * The SMTP part of the report: the parts of a command and of a reply shown on lines of
 * the capture (task 4), and one session in full in the textbook's C:/S: form, its
 * extensions, login, envelope and message (task 5).
 */

/** Wireshark's SMTP lines for one frame of the session. */
function smtpDetailLines(lines: readonly TranscriptLine[], frame: number): DetailLine[] {
  const out: DetailLine[] = [{ depth: 0, text: 'Simple Mail Transfer Protocol' }];
  for (const l of lines.filter((x) => x.frame === frame && x.kind !== 'data' && x.kind !== 'tls')) {
    if (l.side === 'C' && l.command) {
      out.push({ depth: 1, text: `Command Line: ${l.text}\\r\\n` }, { depth: 2, text: `Command: ${l.command}` });
      if (l.argument) out.push({ depth: 2, text: `Request parameter: ${l.argument}` });
    } else if (l.side === 'S' && l.code !== undefined) {
      out.push({ depth: 1, text: `Response: ${l.text}\\r\\n` });
      const name = WIRESHARK_SMTP_REPLY_CODES[l.code];
      out.push({ depth: 2, text: `Response code: ${name ?? 'Unknown'} (${l.code})` });
      const param = l.text.slice(4);
      if (param) out.push({ depth: 2, text: `Response parameter: ${param}` });
    }
  }
  return out;
}

function details(s: SmtpSession, frame: number | undefined, ctx: ViewContext): string | null {
  const f = frame === undefined ? undefined : ctx.detail(frame);
  return f ? detailText([...layerLines(f), ...smtpDetailLines(s.transcript, f.number)]) : null;
}

function structureBlock(smtp: Smtp, ctx: ViewContext): Block {
  const w = MAIL_UI[ctx.lang];
  const s = selectedSession(smtp);
  if (!s) return ctx.missing(w.smtpMissing);
  const { command, reply, multi } = structureExamples(s);
  const rows = [];
  if (command)
    rows.push({
      kind: w.smtpCommand,
      example: command.text,
      frame: command.frame,
      parts: command.argument ? format(w.smtpPartsCommand, command.command, command.argument) : format(w.smtpPartsCommandBare, command.command),
    });
  if (reply) rows.push({ kind: w.smtpReply, example: reply.text, frame: reply.frame, parts: format(w.smtpPartsReply, reply.code, reply.text.slice(4) || '—') });
  if (multi.length)
    rows.push({
      kind: w.smtpMultiline,
      example: `${multi[0]!.text} … ${multi.at(-1)!.text}`,
      frame: multi[0]!.frame === multi.at(-1)!.frame ? String(multi[0]!.frame) : `${multi[0]!.frame}–${multi.at(-1)!.frame}`,
      parts: format(w.smtpPartsMultiline, multi[0]!.code, multi.length),
    });
  const commandDetails = details(s, command?.frame, ctx);
  const replyDetails = details(s, reply?.frame, ctx);
  return {
    partial: 'mail/structure',
    data: {
      intro: w.smtpStructureIntro,
      rows,
      note: w.smtpCodeDigits,
      detailsIntro: command && reply ? format(w.smtpDetailsIntro, command.frame, reply.frame) : '',
      details: [commandDetails, replyDetails].filter((d): d is string => d !== null),
    },
  };
}

function sessionBlock(smtp: Smtp, ctx: ViewContext): Block {
  const w = MAIL_UI[ctx.lang];
  const s = selectedSession(smtp);
  if (!s) return ctx.missing(w.smtpMissing);
  const explainLine = (l: TranscriptLine) => {
    if (l.side === 'C' && l.command) return { key: `smtp.command.${l.command}`, explained: explainMail('smtpCommands', l.command, ctx.lang) };
    if (l.side === 'S' && l.code !== undefined) {
      const e = explainSmtpReply(l.code, ctx.lang);
      const enhanced = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(l.text)?.[1];
      const en = enhanced ? explainEnhanced(enhanced, ctx.lang) : null;
      const prompt = l.code === 334 ? decodePrompt(l.text.slice(4)) : null;
      const detail = prompt !== null ? format(w.smtpPromptDecoded, prompt) : en ? format(w.smtpEnhanced, enhanced, en.title) : null;
      return {
        key: `smtp.reply.${l.code}`,
        explained: e ?? { title: w.smtpCodeUnknown, text: '', ref: '' },
        ...(detail ? { detail: { key: `smtp.reply.${l.code}.${enhanced ?? prompt}`, text: detail } } : {}),
      };
    }
    return null;
  };
  const upgraded = s.tls === 'starttls' ? 'STARTTLS' : null;
  const message = s.messages[0];
  // Refusals listed up to maxReportRows; those past it and those the model only counted (maxReplies) are counted.
  const failures = ctx.rows(
    s.replies.filter((r) => r.code >= 400),
    s.failuresUnlisted,
  );
  return {
    partial: 'smtp/session',
    data: {
      intro: `${sessionIntro('SMTP', s, upgraded, ctx)}${s.replies.some((r) => r.command === 'QUIT') ? '' : ` ${w.mailCutOff}`}`,
      transcript: transcriptText(
        s.transcript,
        s.transcriptUnlisted,
        message,
        w,
        undefined,
        notesByFrame(ctx.model, s.stream, ctx.lang),
        ctx.limits.maxDialogueLines,
      ),
      vocabulary: vocabulary(s.transcript, explainLine, ctx),
      ehloMore: ctx.rows(s.ehlo?.keywords ?? [], s.ehlo?.keywordsUnlisted ?? 0).more,
      ehlo: ctx.rows(s.ehlo?.keywords ?? []).shown.map((k) => {
        const e = explainMail('ehloKeywords', k.keyword, ctx.lang);
        return { keyword: k.keyword, params: k.params, known: e !== null, title: e?.title ?? '', text: e?.text ?? '', ref: e?.ref ?? '' };
      }),
      auth: authView(s.auth, ctx, w.mailAuthNotePlain),
      noAuth: s.auth.length ? '' : cutNote(s.stream, ctx) || w.mailNoLogin,
      envelope: envelopeText(s, ctx),
      failures: failures.shown.map((r) => ({
        frame: r.frame,
        text: r.text,
        command: r.command ?? '—',
        meaning: explainSmtpReply(r.code, ctx.lang)?.title ?? '',
      })),
      failuresMore: failures.more,
      diagram: diagram(`smtp-${s.stream}`, endpoint(s.client), endpoint(s.server), s.transcript, s.tlsFrame, ctx),
      diagramTitle: w.smtpDiagram,
    },
  };
}

function messageOf(smtp: Smtp, ctx: ViewContext): Block {
  const w = MAIL_UI[ctx.lang];
  const s = selectedSession(smtp);
  const m = s?.messages[0];
  if (!m) return ctx.missing(w.smtpMissing);
  ctx.seen(`mail.message.${m.messageId ?? m.frame}`);
  return messageBlock(m, ctx);
}

function summaryBlock(smtp: Smtp, ctx: ViewContext): Block {
  const w = MAIL_UI[ctx.lang];
  const s = selectedSession(smtp);
  if (!s) return ctx.missing(w.smtpMissing);
  const login = s.auth.find((a) => a.success) ?? s.auth[0];
  const accepted = s.replies.find((r) => r.command === 'DATA' && r.code !== 354);
  const message = s.messages[0];
  const text = format(
    w.smtpSummary,
    smtp.sessions.length,
    !login ? w.smtpSummaryNoAuth : format(login.success === false ? w.smtpSummaryAuthRefused : w.smtpSummaryAuth, `AUTH ${login.mechanism}`),
    s.envelope.to.length === 1 ? w.recipientOne : format(w.recipientMany, s.envelope.to.length),
    !message
      ? w.smtpSummaryNoMessage
      : accepted
        ? format(w.smtpSummaryMessage, ctx.bytes(message.size), accepted.text)
        : format(w.smtpSummaryMessageUnanswered, ctx.bytes(message.size)),
  );
  return { partial: 'summary-point', data: { text } };
}

/** base64 prompts of AUTH LOGIN: VXNlcm5hbWU6 → "Username:". */
function decodePrompt(text: string): string | null {
  const s = text.trim();
  if (!/^[A-Za-z0-9+/]{4,}={0,2}$/.test(s)) return null;
  const decoded = Buffer.from(s, 'base64').toString('utf8');
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : null;
}

export const smtpView: SliceView<Smtp> = {
  ui: MAIL_UI,
  filter: 'smtp',
  present: (smtp) => smtp.sessions.length > 0,
  blocks: { structure: structureBlock, session: sessionBlock, message: messageOf, summary: summaryBlock },
  packets: (smtp) => smtp.packets,
  environment(smtp, ctx) {
    const w = MAIL_UI[ctx.lang];
    const s = selectedSession(smtp);
    if (!s) return [];
    const m = s.messages[0];
    const mailer = m?.headers.find((h) => /^(x-mailer|user-agent)$/i.test(h.name))?.value;
    const banner = s.banner;
    return [...(mailer ? [{ label: w.smtpEnvClient, value: mailer }] : []), ...(banner ? [{ label: w.smtpEnvServer, value: banner }] : [])];
  },
  cleartext(smtp, ctx) {
    const logins = smtp.sessions
      .filter((s) => s.tlsFrame === null)
      .flatMap((s) => s.auth.map((a) => ({ mechanism: `AUTH ${a.mechanism}`, frames: a.steps.flatMap((x) => (x.side === 'C' && x.frame ? [x.frame] : [])) })));
    return ctx.logins(logins, ctx.t.cleartextSmtp!, ctx.t.cleartextSmtpMany!);
  },
  appendix: (smtp, ctx) =>
    smtp.sessions.length
      ? [{ title: MAIL_UI[ctx.lang].smtpAppendixTitle, block: sessionsBlock(smtp.sessions, smtp.selection.session?.stream, (a) => a.mechanism, ctx) }]
      : [],
  compare: {
    Purpose: 'cmpSmtpPurpose',
    Opener: 'cmpSmtpOpener',
    Port: 'cmpSmtpPort',
    Direction: 'cmpSmtpDirection',
    FirstWord: 'cmpSmtpFirstWord',
    Requests: 'cmpSmtpRequests',
    Replies: 'cmpSmtpReplies',
    PerExchange: 'cmpSmtpPerExchange',
    End: 'cmpSmtpEnd',
    Data: 'cmpSmtpData',
    State: 'cmpSmtpState',
    Secure: 'cmpSmtpSecure',
  },
};

/** The envelope's sender and recipients (up to maxReportRows of them, the rest counted). */
function envelopeText(s: SmtpSession, ctx: ViewContext): string {
  if (s.envelope.from === null && s.envelope.to.length === 0) return '';
  const to = ctx.rows(s.envelope.to);
  const text = format(MAIL_UI[ctx.lang].smtpEnvelopeIntro, s.envelope.from ?? '—', to.shown.join(', ') || '—');
  return to.more ? `${text} ${to.more}` : text;
}

/** The session was cut by the end of the capture: that sentence, in the report's language (empty if it was not). */
function cutNote(stream: number, ctx: ViewContext): string {
  const cut = sessionCut(ctx.model, stream);
  return cut ? warningWords(cut, ctx.lang) : '';
}
