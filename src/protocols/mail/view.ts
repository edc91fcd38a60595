import { explainMail, format, type Explained, type Language } from '../../knowledge/index.js';
import { mailUiEn, type MailUiKey } from '../../knowledge/mail/ui-en.js';
import { mailUiZh } from '../../knowledge/mail/ui-zh.js';
import type { Block, ViewContext } from '../../render/context.js';
import { DAMAGE_MARK, noteWords } from '../../render/damage.js';
import { type Arrow, sequenceSvg } from '../../render/sequence.js';
import type { MailAuth, MailMessage, TranscriptLine } from './schema.js';

/*
 * What the views of SMTP, POP3 and IMAP share: the dialogue in the textbook's C:/S: form,
 * the table of what each command and reply means (each explained once), the login decoded,
 * the message decoded (Internet Message Format and MIME), the sequence diagram.
 */

export const MAIL_UI: Record<Language, Record<MailUiKey, string>> = { en: mailUiEn, zh: mailUiZh };
export type MailWords = Record<MailUiKey, string>;

/** Lines of a decoded text part shown in the report. */
const TEXT_PART_LINES = 15;
/** The header fields a reader looks for first: a hole in the header may have taken them. */
const KEY_FIELDS = ['From', 'To', 'Subject', 'Date'];

/** Header lines of the message shown inside the C:/S: dialogue, before "… (N lines of message body)". */
const DIALOGUE_HEADER_LINES = 6;
/** Arrows of a sequence diagram; a note counts the rest. */
const DIAGRAM_ARROWS = 40;

export const endpoint = (e: { ip: string; port: number }) => (e.ip.includes(':') ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`);

/** What the appendix's table lists of a mail session, whichever protocol's it is. */
interface ListedSession<Auth> {
  stream: number;
  client: { ip: string; port: number };
  server: { ip: string; port: number };
  auth: readonly Auth[];
  messages: readonly unknown[];
  transcript: readonly unknown[];
  transcriptUnlisted: number;
  tlsFrame: number | null;
}

/**
 * The appendix's table of every session of a mail protocol (partial mail/sessions), the one shown
 * in full marked; `login` names how a login was made ("PLAIN", "AUTHENTICATE PLAIN").
 */
export function sessionsBlock<Auth extends { success: boolean | null }>(
  sessions: readonly ListedSession<Auth>[],
  chosen: number | undefined,
  login: (a: Auth) => string,
  ctx: ViewContext,
): Block {
  const w = MAIL_UI[ctx.lang];
  const { shown, more } = ctx.rows(sessions);
  return {
    partial: 'mail/sessions',
    data: {
      intro: w.mailSessionsIntro,
      more,
      rows: shown.map((s) => ({
        mark: s.stream === chosen ? '▶' : '',
        stream: s.stream,
        client: endpoint(s.client),
        server: endpoint(s.server),
        login: s.auth.map((a) => `${login(a)}${a.success === false ? ' ✗' : ''}`).join(', ') || '—',
        messages: s.messages.length,
        lines: s.transcript.length + s.transcriptUnlisted,
        notes: s.tlsFrame !== null ? format(w.mailEncrypted, s.tlsFrame) : '',
      })),
    },
  };
}

/** "(88 lines, 3728 bytes)", as the dissector notes a message in the dialogue: its line count. */
const dataLines = (l: TranscriptLine) => Number(/\((\d+) lines?,/.exec(l.text)?.[1] ?? 0);

/**
 * The dialogue as the textbook prints it, with each line's frame: "  128  S: 220 …". The
 * message sent after DATA (or fetched by RETR) is shown by its first header lines and a
 * count of the rest; a long multi-line reply by its first lines and a count.
 */
export function transcriptText(
  lines: readonly TranscriptLine[],
  unlisted: number,
  message: MailMessage | undefined,
  w: MailWords,
  maxReplyLines = 8,
  notes: ReadonlyMap<number, string[]> = new Map(),
  maxLines = Infinity,
): string {
  const rows: string[] = [w.mailTranscriptHead];
  // A line in a frame a warning names (the first after a hole, a cut reply, a line that is not a reply) carries its notes.
  const pending = new Map(notes);
  const row = (frame: number, side: string, text: string) => {
    rows.push(`${String(frame).padStart(5)}  ${side}: ${text}`);
    for (const note of pending.get(frame) ?? []) rows.push(`${''.padStart(5)}     ${note}`);
    pending.delete(frame);
  };
  let continuation = 0;
  let skipped = 0;
  const flush = () => {
    if (skipped) rows.push(`${''.padStart(5)}  ${format(w.mailTranscriptMoreReply, skipped)}`);
    continuation = 0;
    skipped = 0;
  };
  // The lines past maxLines (maxDialogueLines) are counted with those the model did not keep.
  let hidden = 0;
  for (const [i, l] of lines.entries()) {
    if (i >= maxLines) {
      hidden = lines.length - i;
      break;
    }
    if (l.kind === 'tls') {
      flush();
      rows.push(`${String(l.frame).padStart(5)}  ${readAfterTls(lines, l.frame) ? w.mailTranscriptTlsDecrypted : w.mailTranscriptTls}`);
      continue;
    }
    if (l.kind === 'continuation') {
      if (continuation++ < maxReplyLines) row(l.frame, l.side, l.text);
      else skipped++;
      continue;
    }
    skipped += l.linesUnlisted ?? 0; // the lines of a long reply the dissector did not keep (maxReplyLines)
    flush();
    if (l.kind === 'data') {
      const headers = (message?.headers ?? []).slice(0, DIALOGUE_HEADER_LINES);
      const at = message?.segments[0]?.frame ?? l.frame;
      for (const h of headers) row(at, l.side, `${h.name}: ${h.value.replace(/\s+/g, ' ')}`);
      const shown = headers.reduce((n, h) => n + h.lines, 0);
      rows.push(`${''.padStart(5)}  ${l.side}: ${format(w.mailTranscriptBody, Math.max(0, dataLines(l) - shown))}`);
      continue;
    }
    row(l.frame, l.side, l.text);
  }
  flush();
  if (unlisted + hidden) rows.push(format(w.mailTranscriptUnlisted, unlisted + hidden));
  return rows.join('\n');
}

/** One row of the table saying what each command and each reply code of the dialogue means. */
export interface VocabularyRow {
  side: string;
  example: string;
  frame: number;
  title: string;
  text: string;
  ref: string;
  again: string;
}

/**
 * Each distinct command and reply of the dialogue, in the order they first appear, with
 * its explanation; one already explained at an earlier place of the report says where.
 */
export function vocabulary(
  lines: readonly TranscriptLine[],
  keyOf: (l: TranscriptLine) => { key: string; explained: Explained | null; detail?: { key: string; text: string } } | null,
  ctx: ViewContext,
): VocabularyRow[] {
  const w = MAIL_UI[ctx.lang];
  const rows: VocabularyRow[] = [];
  const done = new Set<string>();
  let inReply = false;
  for (const l of lines) {
    if (l.kind === 'data' || l.kind === 'tls' || l.kind === 'sasl') continue;
    // A multi-line reply is shown by its first line, as Wireshark's packet list shows it.
    const first = !inReply;
    inReply = l.kind === 'continuation' && l.code !== undefined;
    if (!first || (l.kind === 'continuation' && l.code === undefined)) continue;
    const k = keyOf(l);
    if (!k) continue;
    const row = { side: l.side === 'C' ? w.mailClient : w.mailServer, example: l.text, frame: l.frame };
    if (!done.has(k.key)) {
      done.add(k.key);
      if (k.detail) done.add(k.detail.key);
      const again = ctx.seen(k.key);
      rows.push({
        ...row,
        title: k.explained?.title ?? '',
        text: [k.explained?.text, k.detail?.text].filter(Boolean).join(ctx.t.sentenceJoin),
        ref: k.explained?.ref ?? '',
        again: again ?? '',
      });
    } else if (k.detail && !done.has(k.detail.key)) {
      // The same code with something new to say (another enhanced status code): only that.
      done.add(k.detail.key);
      rows.push({ ...row, title: k.detail.text, text: '', ref: '', again: '' });
    }
  }
  return rows;
}

/** How a secret travelled, in the report's language (the model says it in English). */
function encodingText(a: MailAuth, w: MailWords): string {
  if (a.encoding === 'base64') return w.encodingBase64;
  if (a.encoding.startsWith('plain text')) return w.encodingPlain;
  if (a.encoding.startsWith('HMAC-MD5')) return w.encodingCramMd5;
  if (a.encoding.startsWith('OAuth')) return w.encodingOauth;
  if (a.encoding.startsWith('MD5 digest')) return w.encodingApop;
  if (a.encoding.startsWith('NTLM')) return w.encodingNtlm;
  return format(w.encodingOther, a.mechanism);
}

/**
 * A session's logins decoded, for the mail/auth partial. `plainNote` is what the protocol
 * says of its own plain-text login (POP3's USER/PASS, IMAP's LOGIN), the note under the
 * logins when one of them sent its password in plain text.
 */
export function authView(auth: readonly MailAuth[], ctx: ViewContext, plainNote: string) {
  const w = MAIL_UI[ctx.lang];
  if (auth.length === 0) return null;
  const shownLogins = ctx.rows(auth);
  const logins = shownLogins.shown.map((a) => {
    const steps = ctx.rows(a.steps, a.stepsUnlisted ?? 0);
    const mech = explainMail('saslMechanisms', a.mechanism, ctx.lang);
    return {
      mechanism: a.mechanism,
      mechanismText: mech ? ctx.explained(mech) : '',
      user: a.user ?? w.mailUserNotSent,
      workstation: a.workstation ?? '',
      secret: a.secret !== null ? format(w.mailSecretShown, a.secret) : format(w.mailSecretMasked, a.secretLength),
      encoding: encodingText(a, w),
      result: a.success === null ? w.mailNoAnswer : a.success ? format(w.mailAccepted, a.result) : format(w.mailRejected, a.result),
      steps: steps.shown.map((s) => ({ side: s.side, frame: s.frame ?? '', raw: s.raw, decoded: s.decoded ?? '—' })),
      stepsMore: steps.more,
    };
  });
  const note = auth.some((a) => a.encoding.includes('base64'))
    ? w.mailAuthNoteBase64
    : auth.some((a) => a.encoding.startsWith('plain text'))
      ? plainNote
      : w.mailAuthNoteDigest;
  return { logins, loginsMore: shownLogins.more, note };
}

/** The message decoded: its header fields explained, its MIME tree, its text parts, its attachments. */
export function messageView(m: MailMessage, ctx: ViewContext) {
  const w = MAIL_UI[ctx.lang];
  const lang: Language = ctx.lang;
  const shownHeaders = ctx.rows(m.headers, m.headersUnlisted);
  const headers = shownHeaders.shown.map((h, i) => {
    const e = explainMail('mailHeaders', h.name.toLowerCase(), lang);
    const again = e ? ctx.seen(`mail.header.${h.name.toLowerCase()}`) : null;
    return {
      n: i + 1,
      name: h.name,
      value: h.value,
      decoded: h.decoded ?? '',
      known: e !== null,
      title: e?.title ?? '',
      text: e?.text ?? '',
      ref: e?.ref ?? '',
      again: again ?? '',
    };
  });
  // Each media type and transfer encoding is explained at its first part; later parts of the same kind say nothing more.
  const told = new Set<string>();
  const once = (key: string, e: { text: string } | null) => (e && !told.has(key) && told.add(key) ? e.text : '');
  const holes = m.holes ?? [];
  const holed = new Set(holes.map((h) => h.part));
  if (holed.has('header'))
    for (const name of KEY_FIELDS.filter((f) => !m.headers.some((h) => h.name.toLowerCase() === f.toLowerCase())))
      headers.push({
        n: headers.length + 1,
        name,
        value: '',
        decoded: '',
        known: true,
        title: DAMAGE_MARK,
        text: '',
        ref: '',
        again: noteWords('note.fieldLost', lang),
      });
  const shownParts = ctx.rows(m.parts, m.partsUnlisted);
  const parts = shownParts.shown.map((p) => {
    const type = explainMail('mimeTypes', p.contentType, lang);
    const enc = explainMail('transferEncodings', p.transferEncoding.toLowerCase(), lang);
    const lost = holes.filter((h) => h.part === p.path && h.part !== '');
    return {
      path: `${'\u2003'.repeat(Math.max(0, p.depth - 1))}${p.path || '—'}`,
      contentType: p.contentType,
      charset: p.charset ?? '',
      transferEncoding: p.transferEncoding,
      disposition: [p.disposition, p.filename].filter(Boolean).join(' '),
      size: p.size ? ctx.bytes(p.size) : '',
      meaning: [
        once(`type ${p.contentType}`, type),
        once(`encoding ${p.transferEncoding.toLowerCase()}`, enc),
        ...lost.map((h) => `${DAMAGE_MARK} ${noteWords('note.holePart', lang, { ...h })}`),
      ]
        .filter(Boolean)
        .join(ctx.t.sentenceJoin),
    };
  });
  const holeNotes = holes.map((h) =>
    noteWords(h.part === 'header' ? 'note.holeHeader' : h.part === '' ? 'note.holeBody' : 'note.holePart', lang, {
      bytes: h.bytes,
      frame: h.frame,
      part: h.part,
    }),
  );
  // Attachments are the parts marked attachment, in order: an attachment in or under a part with a hole has lost bytes.
  const attachmentParts = m.parts.filter((p) => p.attachment);
  const attachmentHoled = (i: number) => {
    const path = attachmentParts[i]?.path;
    return !m.complete && path !== undefined && [...holed].some((h) => h !== 'header' && (h === '' || path === h || path.startsWith(`${h}.`)));
  };
  const shownTextParts = ctx.rows(m.parts.filter((p) => p.text !== null));
  const textParts = shownTextParts.shown.map((p) => {
    const lines = p.text!.replace(/\r\n/g, '\n').split('\n');
    if (lines.at(-1) === '') lines.pop();
    const shown = lines.slice(0, TEXT_PART_LINES);
    const cut = lines.length > TEXT_PART_LINES || p.textTruncated;
    return {
      intro: format(
        w.mailTextPart,
        p.path || '1',
        p.contentType === 'text/html' ? w.mailHtmlSource : p.contentType,
        p.charset ?? 'us-ascii',
        cut ? format(w.mailTextPartCut, shown.length) : '',
      ),
      text: shown.join('\n'),
    };
  });
  return {
    frame: m.frame,
    intro: format(
      w.mailMessageIntro,
      ctx.bytes(m.size),
      m.frame,
      m.segments.length > 1
        ? format(w.mailMessageFrames, m.segments.length, m.segments.map((s) => `#${s.frame}(${s.bytes})`).join(', '))
        : w.mailMessageFramesOne,
    ),
    incomplete: m.complete ? '' : [w.mailMessageIncomplete, ...holeNotes.map((n) => `${DAMAGE_MARK} ${n}`)].join(ctx.t.sentenceJoin),
    error: m.error ?? '',
    headers,
    headersMore: shownHeaders.more,
    encodedWords: headers.some((h) => h.decoded !== ''),
    parts,
    partsMore: shownParts.more,
    textParts,
    textPartsMore: shownTextParts.more,
    attachmentsMore: ctx.rows(m.attachments).more,
    attachments: ctx.rows(m.attachments).shown.map((a, i) => ({
      filename: a.filename ?? '—',
      contentType: a.contentType,
      size: attachmentHoled(i) ? `${DAMAGE_MARK} ${ctx.bytes(a.size)}` : ctx.bytes(a.size),
      sha256: a.sha256,
      hashNote: attachmentHoled(i) ? noteWords('note.hashCaptured', lang) : '',
    })),
  };
}

/** A message block: the message explained, or, when the same message was explained at an earlier place, a reference to it. */
export function messageBlock(m: MailMessage, ctx: ViewContext): Block {
  return { partial: 'mail/message', data: messageView(m, ctx) };
}

/** The dialogue as a sequence diagram, written beside the report as a picture. */
export function diagram(name: string, client: string, server: string, lines: readonly TranscriptLine[], tlsFrame: number | null, ctx: ViewContext): string {
  const w = MAIL_UI[ctx.lang];
  // One arrow per command or reply: a reply of several lines is drawn once, labelled by its first line.
  const arrows: Arrow[] = [];
  let first: TranscriptLine | null = null;
  let count = 0;
  for (const l of lines) {
    if (l.kind === 'tls') continue;
    if (l.side === 'S' && l.code === undefined && !l.indicator && l.kind !== 'data' && l.kind !== 'sasl' && l.kind !== 'continuation') continue;
    if (l.kind === 'continuation') {
      first ??= l;
      count++;
      continue;
    }
    const label = l.kind === 'data' ? format(w.smtpMessageLine, ctx.bytes(l.bytes)) : first ? `${first.text} (+${count})` : l.text;
    arrows.push({ fromClient: l.side === 'C', frame: l.frame, label });
    first = null;
    count = 0;
  }
  return ctx.picture(
    name,
    sequenceSvg({
      client: `${w.mailClient}: ${client}`,
      server: `${w.mailServer}: ${server}`,
      arrows,
      maxArrows: DIAGRAM_ARROWS,
      moreLabel: (n) => format(w.mailTranscriptUnlisted, n),
      ...(tlsFrame ? { footer: readAfterTls(lines, tlsFrame) ? w.mailTranscriptTlsDecrypted : w.mailTranscriptTls } : {}),
    }),
  );
}

/** Whether the dialogue goes on after TLS began (the connection was decrypted with the key log). */
export function readAfterTls(lines: readonly { kind?: string; frame: number }[], tlsFrame: number): boolean {
  return lines.some((l) => l.kind !== 'tls' && l.frame > tlsFrame);
}

/** Whether the session's TLS connection (model.tls) was decrypted, wholly or in part. */
export function decryptedSession(ctx: ViewContext, stream: number): boolean {
  return ctx.model.tls.connections.some((c) => c.stream === stream && c.decryptedBytes.fromClient + c.decryptedBytes.fromServer > 0);
}

/** The sentence that opens a session's block: where it ran and whether it was encrypted. */
export function sessionIntro(
  label: string,
  s: { stream: number; client: { ip: string; port: number }; server: { ip: string; port: number }; tlsFrame: number | null },
  upgraded: string | null,
  ctx: ViewContext,
): string {
  const w = MAIL_UI[ctx.lang];
  const decrypted = decryptedSession(ctx, s.stream);
  const tls =
    s.tlsFrame === null
      ? w.mailTlsNone
      : upgraded
        ? format(decrypted ? w.mailTlsUpgradedDecrypted : w.mailTlsUpgraded, upgraded, s.tlsFrame)
        : format(decrypted ? w.mailTlsImplicitDecrypted : w.mailTlsImplicit, s.tlsFrame);
  return format(w.mailSessionIntro, label, format(ctx.t.streamN, s.stream), endpoint(s.client), endpoint(s.server), tls);
}

/** Every decoded message of every mail protocol in the model (any slice whose sessions carry messages). */
function allMessages(ctx: ViewContext): { label: string; stream: number; message: MailMessage }[] {
  const out: { label: string; stream: number; message: MailMessage }[] = [];
  for (const [name, part] of Object.entries(ctx.model)) {
    const sessions = (part as { sessions?: { stream: number; messages?: MailMessage[] }[] } | null)?.sessions;
    if (!Array.isArray(sessions)) continue;
    for (const s of sessions) for (const m of s.messages ?? []) out.push({ label: name.toUpperCase(), stream: s.stream, message: m });
  }
  return out;
}

/**
 * A downloaded message that another session of the capture sent (the same Message-ID):
 * named, with the header fields the receiving server added, rather than decoded twice.
 * Otherwise the message decoded in full.
 */
export function sentElsewhere(m: MailMessage, ctx: ViewContext): { same: string } | { view: ReturnType<typeof messageView> } {
  const w = MAIL_UI[ctx.lang];
  const twin = m.messageId
    ? allMessages(ctx).find((x) => x.message !== m && x.message.messageId === m.messageId && x.message.fetchedBy === undefined)
    : undefined;
  if (!twin) return { view: messageView(m, ctx) };
  const sent = new Set(twin.message.headers.map((h) => h.name.toLowerCase()));
  const added = [...new Set(m.headers.filter((h) => !sent.has(h.name.toLowerCase())).map((h) => h.name))];
  return { same: format(w.mailSameMessage, `${twin.label}, ${format(ctx.t.streamN, twin.stream)}`, added.join(', ') || '—') };
}
