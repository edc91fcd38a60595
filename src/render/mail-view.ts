import { explainEnhanced, explainMail, explainSmtpReply, format, type Language, type UiStrings } from '../knowledge/index.js';
import type { MailAuth, MailMessage, TranscriptLine } from '../protocols/mail/schema.js';
import type { Pop3Session } from '../protocols/pop3/schema.js';
import type { SmtpSession } from '../protocols/smtp/schema.js';
import type { ReportModel } from '../report/schema.js';
import { type Arrow, sequenceSvg, svgDataUri } from './sequence.js';

/*
 * The mail half of the template context: each SMTP and POP3 session as a textbook
 * transcript, a step-by-step walk with every command and reply explained, the decoded
 * authentication, the decoded messages, and a sequence diagram.
 */

const endpoint = (e: { ip: string; port: number }) => (e.ip.includes(':') ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`);
const explainedText = (e: { title: string; text: string; ref: string } | null) => (e ? `${e.title}: ${e.text} (${e.ref})` : '');

/** The dialogue as the textbook prints it, with each line's frame and length: "  128   55  S: 220 …". */
function transcriptText(lines: TranscriptLine[], unlisted: number, t: UiStrings): string {
  const rows = lines
    .filter((l) => l.kind !== 'tls')
    .map((l) => `${String(l.frame).padStart(6)} ${String(l.bytes).padStart(6)}  ${l.side}: ${l.kind === 'data' ? format(t.messageLine, l.text) : l.text}`);
  const tls = lines.find((l) => l.kind === 'tls');
  if (tls) rows.push(`${String(tls.frame).padStart(6)} ${''.padStart(6)}  ${t.tlsLine}`);
  if (unlisted) rows.push(format(t.transcriptUnlisted, unlisted));
  return `${t.transcriptHead}\n${rows.join('\n')}`;
}

interface Step {
  n: number;
  client: string;
  clientFrame: number | null;
  server: string;
  serverFrame: number | null;
  meaning: string;
  /** Lines of a POP3 multi-line answer after its +OK line. */
  extra: number;
}

/** Pair each reply with what the client sent before it (in order, so pipelined commands pair correctly). */
function steps(lines: TranscriptLine[], explainClient: (l: TranscriptLine) => string, explainServer: (first: TranscriptLine) => string, t: UiStrings): Step[] {
  const out: Step[] = [];
  const waiting: TranscriptLine[][] = [];
  let reply: TranscriptLine[] = [];
  const push = (client: TranscriptLine[] | undefined, server: TranscriptLine[]) => {
    const c = client?.[0];
    const s = server[0];
    const clientText = client?.map((l) => (l.kind === 'data' ? format(t.messageLine, l.text) : l.text)).join(' ↵ ') ?? '';
    const lastClient = client?.[client.length - 1];
    out.push({
      n: out.length + 1,
      client: clientText,
      clientFrame: lastClient?.frame ?? null,
      server: s ? `${s.text}${server.length > 1 ? ` ${format(t.moreLines, server.length - 1)}` : ''}` : '',
      serverFrame: server[server.length - 1]?.frame ?? null,
      meaning: [c ? explainClient(c) : '', s ? explainServer(s) : ''].filter(Boolean).join(' — '),
      extra: 0,
    });
  };
  for (const l of lines) {
    if (l.kind === 'tls') continue;
    if (l.side === 'C') {
      // The message and its final dot answer one reply together.
      if (l.text === '.' && !l.command && waiting.length && waiting[waiting.length - 1]![0]!.kind === 'data') waiting[waiting.length - 1]!.push(l);
      else waiting.push([l]);
      continue;
    }
    // POP3 multi-line answers (a +OK line, then lines without a status, then the dot) belong to the step their +OK opened.
    // A SASL continuation ("+ ") has no status either, but answers the line before it: it is a step of its own.
    if (l.code === undefined && !l.indicator && l.kind !== 'sasl' && reply.length === 0 && out.length) {
      const last = out[out.length - 1]!;
      last.extra++;
      last.serverFrame = l.frame;
      continue;
    }
    reply.push(l);
    if (l.kind === 'continuation') continue;
    const greeting = out.length === 0 && waiting.length === 0;
    push(greeting ? undefined : waiting.shift(), reply);
    reply = [];
  }
  for (const w of waiting) push(w, []);
  for (const step of out) if (step.extra) step.server += ` ${format(t.multiLine, step.extra)}`;
  return out;
}

function authView(a: MailAuth, t: UiStrings, lang: Language) {
  const mech = explainMail('saslMechanisms', a.mechanism, lang);
  return {
    ...a,
    mechanismText: mech ? `${mech.title}: ${mech.text} (${mech.ref})` : a.mechanism,
    userText: a.user ?? t.unknownUser,
    secretText: a.secret !== null ? format(t.secretRevealed, a.secret) : format(t.secretMasked, a.secretLength),
    resultText: a.success === null ? t.authUnknown : a.success ? format(t.authAccepted, a.result) : format(t.authRejected, a.result),
    steps: a.steps.map((s) => ({ ...s, decoded: s.decoded ?? '—' })),
  };
}

function messageView(m: MailMessage, t: UiStrings, lang: Language) {
  const headers = m.headers.map((h, i) => {
    const e = explainMail('mailHeaders', h.name.toLowerCase(), lang);
    return { n: i + 1, name: h.name, value: h.value, decoded: h.decoded, known: e !== null, title: e?.title ?? '', text: e?.text ?? '', ref: e?.ref ?? '' };
  });
  const parts = m.parts.map((p) => {
    const type = explainMail('mimeTypes', p.contentType, lang);
    const enc = explainMail('transferEncodings', p.transferEncoding.toLowerCase(), lang);
    return {
      ...p,
      indent: `${'\u2003'.repeat(p.depth)}${p.path || '—'}`,
      typeText: type ? type.title : '',
      encodingText: enc ? enc.title : '',
      meaning: [type ? `${type.title}: ${type.text}` : '', enc ? `${p.transferEncoding}: ${enc.text}` : ''].filter(Boolean).join(' '),
    };
  });
  return {
    ...m,
    framesText: format(
      m.frames.length === 1 ? t.messageFramesOne : t.messageFrames,
      m.frames.length,
      m.size,
      m.segments.map((s) => `#${s.frame}(${s.bytes})`).join(', '),
    ),
    headers,
    encodedWords: headers.filter((h) => h.decoded !== null),
    parts,
    textParts: parts.filter((p) => p.text !== null),
  };
}

const ARROWS = 60;

function diagram(client: string, server: string, lines: TranscriptLine[], tlsFrame: number | null, t: UiStrings): string {
  // One arrow per command or reply: a reply of several lines is drawn once, at its last line's frame, labelled by its first.
  const arrows: Arrow[] = [];
  let first: TranscriptLine | null = null;
  let count = 0;
  for (const l of lines) {
    if (l.kind === 'tls') continue;
    // The body lines of a POP3 multi-line answer, and its final dot, belong to the +OK arrow before them.
    if (l.side === 'S' && l.code === undefined && !l.indicator && l.kind !== 'data' && l.kind !== 'sasl') continue;
    if (l.kind === 'continuation') {
      first ??= l;
      count++;
      continue;
    }
    const label = l.kind === 'data' ? format(t.messageLine, l.text) : first ? `${first.text} ${format(t.moreLines, count)}` : l.text;
    arrows.push({ fromClient: l.side === 'C', frame: l.frame, label });
    first = null;
    count = 0;
  }
  return svgDataUri(
    sequenceSvg({
      client: `${t.client} ${client}`,
      server: `${t.server} ${server}`,
      arrows,
      maxArrows: ARROWS,
      moreLabel: (n) => format(t.moreArrows, n),
      ...(tlsFrame ? { footer: format(t.tlsFooter, tlsFrame) } : {}),
    }),
  );
}

function smtpView(s: SmtpSession, t: UiStrings, lang: Language) {
  const client = endpoint(s.client);
  const server = endpoint(s.server);
  const explainClient = (l: TranscriptLine) => {
    if (l.kind === 'sasl') return t.saslLine;
    if (l.kind === 'data') return t.messageData;
    const e = l.command ? explainMail('smtpCommands', l.command, lang) : null;
    return e ? `${l.command}: ${e.title}` : l.text === '.' ? t.endOfData : '';
  };
  const explainServer = (first: TranscriptLine) => {
    if (first.code === undefined) return '';
    const e = explainSmtpReply(first.code, lang);
    const enhanced = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(first.text)?.[1];
    const en = enhanced ? explainEnhanced(enhanced, lang) : null;
    const prompt = first.code === 334 ? decodePrompt(first.text.slice(4)) : null;
    return `${first.code}: ${e?.title ?? t.unknownCode}${prompt !== null ? ` (${format(t.promptDecoded, prompt)})` : ''}${en ? `; ${enhanced} ${en.title}` : ''}`;
  };
  const failures = s.replies
    .filter((r) => r.code >= 400)
    .map((r) => ({
      frame: r.frame,
      code: r.code,
      text: r.text,
      command: r.command ?? '—',
      meaning: explainedText(explainSmtpReply(r.code, lang)),
      enhanced: r.enhanced ? explainedText(explainEnhanced(r.enhanced, lang)) : '',
    }));
  return {
    ...s,
    clientText: client,
    serverText: server,
    tlsText: s.tls === 'none' ? t.tlsNone : s.tls === 'starttls' ? format(t.tlsStarttls, s.tlsFrame ?? '') : format(t.tlsImplicitSmtp, s.tlsFrame ?? ''),
    transcriptText: transcriptText(s.transcript, s.transcriptUnlisted, t),
    steps: steps(s.transcript, explainClient, explainServer, t),
    ehloKeywords: (s.ehlo?.keywords ?? []).map((k) => {
      const e = explainMail('ehloKeywords', k.keyword, lang);
      return { ...k, known: e !== null, title: e?.title ?? '', text: e?.text ?? '', ref: e?.ref ?? '' };
    }),
    auth: s.auth.map((a) => authView(a, t, lang)),
    authNote: authNote(s.auth, t),
    messages: s.messages.map((m) => messageView(m, t, lang)),
    failures,
    diagram: diagram(client, server, s.transcript, s.tlsFrame, t),
  };
}

function authNote(auth: MailAuth[], t: UiStrings): string {
  if (auth.length === 0) return '';
  return auth.some((a) => a.encoding.includes('base64')) ? t.authNote : auth.some((a) => a.encoding === 'plain text') ? t.authNotePlain : t.authNoteDigest;
}

function pop3View(s: Pop3Session, t: UiStrings, lang: Language) {
  const client = endpoint(s.client);
  const server = endpoint(s.server);
  const explainClient = (l: TranscriptLine) => {
    if (l.kind === 'sasl') return t.saslLine;
    const e = l.command ? explainMail('pop3Commands', l.command, lang) : null;
    return e ? `${l.command}: ${e.title}` : '';
  };
  const explainServer = (first: TranscriptLine) => {
    if (!first.indicator) return first.kind === 'sasl' ? t.saslChallenge : '';
    return `${first.indicator}: ${explainMail('pop3Indicators', first.indicator, lang)?.title ?? ''}`;
  };
  const failures = s.responses
    .filter((r) => r.indicator === '-ERR')
    .map((r) => ({
      frame: r.frame,
      code: '-ERR',
      text: r.text,
      command: r.command ?? '—',
      meaning: explainedText(explainMail('pop3Indicators', '-ERR', lang)),
      enhanced: '',
    }));
  return {
    ...s,
    clientText: client,
    serverText: server,
    tlsText: s.tls === 'none' ? t.tlsNone : s.tls === 'stls' ? format(t.tlsStls, s.tlsFrame ?? '') : format(t.tlsImplicitPop3, s.tlsFrame ?? ''),
    transcriptText: transcriptText(s.transcript, s.transcriptUnlisted, t),
    steps: steps(s.transcript, explainClient, explainServer, t),
    auth: s.auth.map((a) => authView(a, t, lang)),
    authNote: authNote(s.auth, t),
    messages: s.messages.map((m) => messageView(m, t, lang)),
    failures,
    diagram: diagram(client, server, s.transcript, s.tlsFrame, t),
  };
}

/** base64 prompts of AUTH LOGIN: VXNlcm5hbWU6 → "Username:". */
function decodePrompt(text: string): string | null {
  const s = text.trim();
  if (!/^[A-Za-z0-9+/]{4,}={0,2}$/.test(s)) return null;
  const decoded = Buffer.from(s, 'base64').toString('utf8');
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : null;
}

/** A real line of the capture to show each part of a command, a reply, an indicator. */
function structure(model: ReportModel) {
  const smtpLines = model.smtp.sessions.flatMap((s) => s.transcript);
  const popLines = model.pop3.sessions.flatMap((s) => s.transcript);
  const command = smtpLines.find((l) => l.command === 'MAIL') ?? smtpLines.find((l) => l.command);
  const reply = smtpLines.find((l) => l.code === 250 && l.kind !== 'continuation') ?? smtpLines.find((l) => l.code !== undefined);
  const popCommand = popLines.find((l) => l.command === 'USER') ?? popLines.find((l) => l.command);
  const popResponse = popLines.find((l) => l.indicator === '+OK' && l.text.length > 4) ?? popLines.find((l) => l.indicator);
  const split = (l: TranscriptLine | undefined) => {
    if (!l) return null;
    const space = l.text.indexOf(' ');
    return {
      frame: l.frame,
      text: l.text,
      head: space < 0 ? l.text : l.text.slice(0, space),
      rest: space < 0 ? '' : l.text.slice(space + 1),
      separator: l.text[3] === '-' ? '-' : ' ',
    };
  };
  return { smtpCommand: split(command), smtpReply: split(reply), pop3Command: split(popCommand), pop3Response: split(popResponse) };
}

export function mailView(model: ReportModel, t: UiStrings, lang: Language) {
  const smtp = model.smtp.sessions.map((s) => smtpView(s, t, lang));
  const pop3 = model.pop3.sessions.map((s) => pop3View(s, t, lang));
  return { has: smtp.length + pop3.length > 0, structure: structure(model), smtp, pop3 };
}
