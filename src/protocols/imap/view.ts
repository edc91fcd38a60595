import { explainImap, imapId } from '../../knowledge/imap/index.js';
import { imapUiEn, type ImapUiKey } from '../../knowledge/imap/ui-en.js';
import { imapUiZh } from '../../knowledge/imap/ui-zh.js';
import type { Explained, Language } from '../../knowledge/index.js';
import { format } from '../../knowledge/index.js';
import type { Block, ViewContext } from '../../render/context.js';
import { notesByFrame, sessionCut, warningWords } from '../../render/damage.js';
import { detailText, layerLines } from '../../render/details.js';
import { type Arrow, sequenceSvg } from '../../render/sequence.js';
import { authView, endpoint, MAIL_UI, messageView, readAfterTls, sentElsewhere, sessionIntro, sessionsBlock, type VocabularyRow } from '../mail/view.js';
import type { SliceView } from '../slice.js';
import { imapDetailLines } from './details.js';
import { selectedSession, structureExamples } from './examples.js';
import type { ImapHeaderFetch, ImapMessage, ImapModel, ImapSession, ImapTranscriptLine } from './schema.js';

/*
 * The IMAP part of the report: the parts of IMAP's messages shown on lines of the capture
 * (a tagged command, untagged data and status, the tagged completion, a continuation
 * request, a literal) with Wireshark's packet details of one command and its response; one
 * session in full in the textbook's C:/S: form with its tags, each command, response and
 * response code explained once, the login, the mailboxes, what SELECT reported, the
 * messages fetched (decoded by the shared mail view) and a sequence diagram; one sentence
 * for the summary.
 */

export const IMAP_UI: Record<Language, Record<ImapUiKey, string>> = { en: imapUiEn, zh: imapUiZh };
type Words = Record<ImapUiKey, string>;

/** Header lines of a literal message shown inside the C:/S: dialogue, before "… (N more lines of the message)". */
const DIALOGUE_HEADER_LINES = 6;
/** Characters of a line's text on one row of the dialogue; a longer line (a capability list) goes on under it, indented, so the frame column stays clear in print. */
const TRANSCRIPT_TEXT_CHARS = 96;
/** Untagged lines of one kind in a row shown in the dialogue (FETCH 1:* answers one per message); the rest are counted. */
const SIMILAR_LINES = 8;
/** Characters of a line shown in the table of meanings (the dialogue has it whole). */
const EXAMPLE_CHARS = 72;
/** Whole messages of a session decoded in the report; further ones are counted. */
const MESSAGES_DECODED = 3;
/** Header-only fetches of a session shown; further ones are counted with the messages. */
const HEADER_FETCHES_SHOWN = 3;
/** Arrows of the sequence diagram; a note counts the rest. */
const DIAGRAM_ARROWS = 48;

const words = (ctx: ViewContext): Words => IMAP_UI[ctx.lang];
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const isRest = (l: ImapTranscriptLine) => l.kind === undefined && l.tag === null && l.command === null && l.status === null;
const span = (a: number, b: number) => (a === b ? String(a) : `${a}–${b}`);

// --- the parts of IMAP's messages --------------------------------------------------------

/** "A003 UID FETCH 1:2 (FLAGS)" → tag, command as written (with UID), arguments. */
function commandParts(l: ImapTranscriptLine): { tag: string; command: string; args: string } {
  const rest = l.text.slice((l.tag ?? '').length).trimStart();
  const m = /^(UID +)?(\S+) ?(.*)$/i.exec(rest);
  return { tag: l.tag ?? '', command: m ? `${m[1] ? 'UID ' : ''}${m[2]}` : rest, args: m?.[3] ?? '' };
}

/** The text after "tag STATUS [code]". */
function statusText(l: ImapTranscriptLine): string {
  const after = l.text
    .slice((l.tag ?? '').length)
    .trimStart()
    .slice((l.status ?? '').length)
    .trimStart();
  return (l.code !== null && after.startsWith('[') ? after.slice(after.indexOf(']') + 1) : after).trim();
}

function structureBlock(imap: ImapModel, ctx: ViewContext): Block {
  const w = words(ctx);
  const s = selectedSession(imap);
  if (!s) return ctx.missing(w.imapMissing);
  const ex = structureExamples(s);
  const rows: { kind: string; example: string; frame: string | number; parts: string }[] = [];
  if (ex.command) {
    const p = commandParts(ex.command);
    rows.push({
      kind: w.imapTaggedCommand,
      example: ex.command.text,
      frame: ex.command.frame,
      parts: p.args ? format(w.imapPartsCommand, p.tag, p.command, p.args) : format(w.imapPartsCommandBare, p.tag, p.command),
    });
  }
  if (ex.untagged) {
    const [, first = '', rest = ''] = /^\* (\S+) ?(.*)$/.exec(ex.untagged.text) ?? [];
    rows.push({
      kind: w.imapUntaggedData,
      example: ex.untagged.text,
      frame: ex.untagged.frame,
      parts: /^\d+$/.test(first) ? format(w.imapPartsUntaggedNumber, first, rest) : format(w.imapPartsUntagged, first, rest || '—'),
    });
  }
  if (ex.status)
    rows.push({
      kind: w.imapUntaggedStatus,
      example: ex.status.text,
      frame: ex.status.frame,
      parts: format(w.imapPartsStatus, ex.status.status, ex.status.code, statusText(ex.status) || '—'),
    });
  if (ex.completion) {
    const c = ex.completion;
    rows.push({
      kind: w.imapCompletion,
      example: c.text,
      frame: c.frame,
      parts: c.code
        ? format(w.imapPartsCompletion, c.tag, c.status, c.code, statusText(c) || '—')
        : format(w.imapPartsCompletionBare, c.tag, c.status, statusText(c) || '—'),
    });
  }
  if (ex.continuation)
    rows.push({
      kind: w.imapContinuationRequest,
      example: ex.continuation.text,
      frame: ex.continuation.frame,
      parts: format(w.imapPartsContinuation, ex.continuation.text.slice(2).trim() || '—'),
    });
  if (ex.literal) {
    const size = /\{(\d+)\+?\}$/.exec(ex.literal.line.text)?.[1] ?? '?';
    rows.push({
      kind: w.imapLiteral,
      example: ex.literal.line.text,
      frame: span(ex.literal.line.frame, ex.literal.data.frame),
      parts: format(w.imapPartsLiteral, size, ex.literal.data.frame),
    });
  }
  const timeOf = (frame: number) => imap.packets.find((p) => p.frame === frame)?.time;
  const details = [ex.command, ex.completion].flatMap((l) => {
    const f = l ? ctx.detail(l.frame) : undefined;
    const lines = f ? imapDetailLines(s, f.number, timeOf) : null;
    return f && lines ? [detailText([...layerLines(f), ...lines])] : [];
  });
  return {
    partial: 'mail/structure',
    data: {
      intro: w.imapStructureIntro,
      rows,
      note: w.imapTagsNote,
      detailsIntro: ex.command && ex.completion ? format(w.imapDetailsIntro, ex.command.frame, ex.completion.frame) : '',
      details,
    },
  };
}

// --- the dialogue --------------------------------------------------------------------------

/** The message or header a literal of the transcript carried: matched by side, frame and the data item before it. */
function literalRecords(s: ImapSession): Map<ImapTranscriptLine, ImapMessage | ImapHeaderFetch> {
  const out = new Map<ImapTranscriptLine, ImapMessage | ImapHeaderFetch>();
  const records: (ImapMessage | ImapHeaderFetch)[] = [...s.messages, ...s.fetchedHeaders];
  const used = new Set<ImapMessage | ImapHeaderFetch>();
  s.transcript.forEach((l, i) => {
    if (l.kind !== 'data') return;
    const line = s.transcript.slice(0, i).findLast((x) => x.side === l.side && !isRest(x)) ?? l;
    const client = l.side === 'C';
    const candidates = records.filter((r) => !used.has(r) && r.frame === l.frame && (r.section === 'APPEND') === client);
    const record = candidates.find((r) => line.text.includes(`${r.section} {`)) ?? candidates[0];
    if (record) {
      used.add(record);
      out.set(l, record);
    }
  });
  return out;
}

/** A long line (a capability list) cut at spaces into pieces of at most `width` characters, for a hanging indent; a word longer than that stays whole. */
function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const out: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const at = rest.lastIndexOf(' ', width);
    const cutAt = at > 0 ? at : rest.indexOf(' ', width);
    if (cutAt < 0) break;
    out.push(rest.slice(0, cutAt));
    rest = rest.slice(cutAt + 1);
  }
  out.push(rest);
  return out;
}

/** An untagged line's kind, for collapsing long runs of the same (FETCH 1:* gives one per message). */
const untaggedKind = (l: ImapTranscriptLine) => (l.side === 'S' && l.tag === '*' ? `${l.command ?? ''} ${l.status ?? ''}` : null);

/** The dialogue as the textbook prints it, with each line's frame: "   24  C: ODGI6 SELECT INBOX". */
function transcriptText(s: ImapSession, ctx: ViewContext): string {
  const w = words(ctx);
  const mail = MAIL_UI[ctx.lang];
  const literals = literalRecords(s);
  const rows: string[] = [mail.mailTranscriptHead];
  const notes = notesByFrame(ctx.model, s.stream, ctx.lang);
  const row = (frame: number | null, side: string, text: string) => {
    const [first = '', ...more] = wrap(text, TRANSCRIPT_TEXT_CHARS);
    rows.push(`${frame === null ? ''.padStart(5) : String(frame).padStart(5)}  ${side}: ${first}`);
    for (const m of more) rows.push(`${''.padStart(5 + 2 + side.length + 2)}${m}`);
    // A line in a frame a warning names (the first after a hole, a line that is not IMAP) carries its notes, once.
    for (const note of (frame !== null && notes.get(frame)) || []) rows.push(`${''.padStart(5)}     ${note}`);
    if (frame !== null) notes.delete(frame);
  };
  const lines = s.transcript;
  let run: { kind: string; count: number; skipped: number; side: string } | null = null;
  const flush = () => {
    if (run?.skipped) row(null, run.side, format(w.imapTranscriptSimilar, run.skipped));
    run = null;
  };
  // Lines past maxDialogueLines are counted with those the model did not keep.
  const end = Math.min(lines.length, ctx.limits.maxDialogueLines);
  for (let i = 0; i < end; i++) {
    const l = lines[i]!;
    if (l.kind === 'tls') {
      flush();
      rows.push(`${String(l.frame).padStart(5)}  ${readAfterTls(lines, l.frame) ? mail.mailTranscriptTlsDecrypted : mail.mailTranscriptTls}`);
      continue;
    }
    const kind = untaggedKind(l);
    if (kind !== null && run !== null && (run as { kind: string }).kind === kind) {
      const r = run as { count: number; skipped: number };
      if (r.count++ < SIMILAR_LINES) row(l.frame, l.side, l.text);
      else r.skipped++;
      continue;
    }
    flush();
    if (kind !== null) run = { kind, count: 1, skipped: 0, side: l.side };
    if (l.kind === 'data') {
      const record = literals.get(l);
      const total = Number(/^\((\d+) lines?,/.exec(l.text)?.[1] ?? 0);
      if (!record) {
        row(l.frame, l.side, l.text);
        continue;
      }
      const shown = record.headers.slice(0, DIALOGUE_HEADER_LINES);
      const at = record.segments[0]?.frame ?? l.frame;
      for (const h of shown) row(at, l.side, `${h.name}: ${h.value.replace(/\s+/g, ' ')}`);
      const header = !('parts' in record);
      row(null, l.side, format(header ? w.imapTranscriptHeader : w.imapTranscriptMessage, Math.max(0, total - shown.length)));
      continue;
    }
    // A short literal and the rest of its line are one line on the wire ("student {13+}").
    if (l.kind === 'literal' && lines[i + 1] && isRest(lines[i + 1]!)) {
      row(lines[i + 1]!.frame, l.side, l.text + lines[++i]!.text);
      continue;
    }
    row(l.frame, l.side, l.text);
  }
  flush();
  const unlisted = s.transcriptUnlisted + lines.length - end;
  if (unlisted) rows.push(format(mail.mailTranscriptUnlisted, unlisted));
  return rows.join('\n');
}

interface Explaining {
  key: string;
  example: string;
  explained: Explained | null;
}

/** What one line of the dialogue shows to explain: its command (and UID), its "*" or "+", its status or data name, its response code. */
function lineTerms(l: ImapTranscriptLine, lang: Language): Explaining[] {
  const out: Explaining[] = [];
  if (l.kind === 'data' || l.kind === 'literal' || l.kind === 'tls' || isRest(l)) return out;
  if (l.side === 'C') {
    if (l.kind === 'sasl' || l.command === null) return out;
    if (/^\S+ +UID /i.test(l.text)) out.push({ key: 'imap.command.UID', example: l.text, explained: explainImap('commands', 'UID', lang) });
    out.push({ key: `imap.command.${l.command}`, example: l.text, explained: explainImap('commands', l.command, lang) });
    return out;
  }
  if (l.tag === '*' || l.tag === '+') out.push({ key: `imap.status.${l.tag}`, example: l.text, explained: explainImap('statuses', l.tag, lang) });
  if (l.tag === '+') return out;
  // After the line's first term, the piece itself: "OK", "[UIDVALIDITY 1796113211]".
  const piece = (p: string) => (out.length ? p : l.text);
  if (l.status !== null) out.push({ key: `imap.status.${l.status}`, example: piece(l.status), explained: explainImap('statuses', l.status, lang) });
  else if (l.command !== null && l.tag === '*')
    out.push({ key: `imap.response.${l.command}`, example: l.text, explained: explainImap('responses', l.command, lang) });
  if (l.code !== null) {
    const name = l.code.split(' ')[0]!.toUpperCase();
    out.push({ key: `imap.code.${name}`, example: `[${cut(l.code, EXAMPLE_CHARS - 2)}]`, explained: explainImap('responseCodes', name, lang) });
  }
  return out;
}

/** Each command, response and response code of the dialogue, in the order they first appear, explained once (or referred back to where the report explained it first). */
function vocabulary(s: ImapSession, ctx: ViewContext): VocabularyRow[] {
  const w = words(ctx);
  const mail = MAIL_UI[ctx.lang];
  const rows: VocabularyRow[] = [];
  const done = new Set<string>();
  for (const l of s.transcript) {
    for (const term of lineTerms(l, ctx.lang)) {
      if (done.has(term.key)) continue;
      done.add(term.key);
      const e = term.explained;
      rows.push({
        side: l.side === 'C' ? mail.mailClient : mail.mailServer,
        example: cut(term.example, EXAMPLE_CHARS),
        frame: l.frame,
        title: e?.title ?? w.imapUnknown,
        text: e?.text ?? '',
        ref: e?.ref ?? '',
        again: ctx.seen(term.key) ?? '',
      });
    }
  }
  return rows;
}

/**
 * Every capability announced, with when (before or after the login) and what it means; the
 * ones the tables explain alike (AUTH=PLAIN, AUTH=LOGIN) in one row.
 */
function capabilities(s: ImapSession, ctx: ViewContext) {
  const w = words(ctx);
  // The list a login's answer carries (* CAPABILITY before its OK, or in the OK's code) is the logged-in one.
  const loggedIn = new Set(
    s.commands.filter((c) => (c.command === 'LOGIN' || c.command === 'AUTHENTICATE') && c.status === 'OK').map((c) => c.completionFrame),
  );
  const rows = new Map<string, { names: string[]; before: boolean; after: boolean }>();
  for (const list of s.capabilities)
    for (const name of list.names) {
      const id = imapId('capabilities', name);
      const row = rows.get(id) ?? rows.set(id, { names: [], before: false, after: false }).get(id)!;
      if (!row.names.some((n) => n.toUpperCase() === name.toUpperCase())) row.names.push(name);
      if (list.authenticated || loggedIn.has(list.frame)) row.after = true;
      else row.before = true;
    }
  return [...rows].map(([id, c]) => {
    const e = explainImap('capabilities', c.names[0]!, ctx.lang);
    const again = e ? ctx.seen(`imap.capability.${id}`) : null;
    return {
      names: c.names,
      announced: c.before && c.after ? w.imapBeforeAndAfter : c.after ? w.imapAfterLogin : w.imapBeforeLogin,
      known: e !== null,
      title: e?.title ?? '',
      text: e?.text ?? '',
      ref: e?.ref ?? '',
      again: again ?? '',
    };
  });
}

function mailboxes(s: ImapSession, ctx: ViewContext) {
  const w = words(ctx);
  return s.mailboxes.map((m) => ({
    name: m.decoded ?? m.name,
    raw: m.decoded !== null ? m.name : '',
    frame: m.frame,
    attributes: m.flags
      .map((f) => {
        const e = explainImap('mailboxAttributes', f, ctx.lang);
        return e ? `${f}${ctx.paren(e.title)}` : f;
      })
      .join(', '),
    delimiter: m.delimiter ?? w.imapNoDelimiter,
  }));
}

function selections(s: ImapSession, ctx: ViewContext) {
  const w = words(ctx);
  return s.selected.map((x) => {
    const mailbox = x.mailbox ?? '—';
    if (x.status !== 'OK') {
      const completion = s.transcript.find((l) => l.frame === x.completionFrame && l.tag === x.tag && l.status !== null);
      return { intro: format(w.imapSelectRefused, x.command, mailbox, x.frame, completion?.text ?? MAIL_UI[ctx.lang].mailNoAnswer), rows: [] };
    }
    const rows: { item: string; value: string; meaning: string }[] = [];
    const add = (item: string, value: string | number | null, meaning: string) => {
      if (value !== null) rows.push({ item, value: String(value), meaning });
    };
    add('EXISTS', x.exists, w.imapSelExists);
    add('RECENT', x.recent, w.imapSelRecent);
    add('[UNSEEN]', x.unseen, w.imapSelUnseen);
    add('[UIDVALIDITY]', x.uidValidity, w.imapSelUidValidity);
    add('[UIDNEXT]', x.uidNext, w.imapSelUidNext);
    add('[HIGHESTMODSEQ]', x.highestModSeq, w.imapSelModSeq);
    add('FLAGS', x.flags?.join(' ') ?? null, w.imapSelFlags);
    add('[PERMANENTFLAGS]', x.permanentFlags ? x.permanentFlags.join(' ') || '()' : null, w.imapSelPermanentFlags);
    if (x.readOnly !== null) add(x.readOnly ? '[READ-ONLY]' : '[READ-WRITE]', '', x.readOnly ? w.imapSelReadOnly : w.imapSelReadWrite);
    return { intro: format(w.imapSelectIntro, x.command, mailbox, x.frame, x.completionFrame ?? '—'), rows };
  });
}

function searches(s: ImapSession, ctx: ViewContext): string[] {
  const w = words(ctx);
  return s.searches.map((x) => {
    const what = `${x.uid ? 'UID ' : ''}SEARCH ${x.criteria}`;
    if (x.results.length === 0) return format(w.imapSearchNone, what, x.frame);
    return format(w.imapSearchResult, what, x.frame, x.results.join(', ') + (x.resultsUnlisted ? format(w.imapSearchMore, x.resultsUnlisted) : ''));
  });
}

/** The command an untagged response came in answer to: the last one sent before it and not completed before it (STORE answers with FETCH lines too). */
function answering(s: ImapSession, frame: number): string | null {
  const c = s.commands.findLast((x) => x.frame !== null && x.frame <= frame && (x.completionFrame === null || x.completionFrame >= frame));
  return c ? `${c.uid ? 'UID ' : ''}${c.command ?? '?'}${c.argument ? ` ${c.argument}` : ''}` : null;
}

function fetches(s: ImapSession, ctx: ViewContext) {
  const w = words(ctx);
  return s.fetches.map((f) => ({
    frame: f.frame,
    number: f.uid !== null ? `${f.number} (UID ${f.uid})` : String(f.number),
    items: f.items.join(', '),
    flags: f.flags?.join(' ') ?? '',
    fetchedBy: f.fetchedBy ?? answering(s, f.frame) ?? w.imapUnsolicited,
  }));
}

/** The key a message is explained under, as the SMTP and POP3 views record it. */
const messageKey = (m: { messageId: string | null; frame: number }) => `mail.message.${m.messageId ?? m.frame}`;

/**
 * One message of the session: decoded by the shared mail view; or, when the report decoded
 * it at an earlier place (SMTP's or POP3's message), a reference to it; or, when another
 * session of the capture sent it, that session named.
 */
export function messageData(m: ImapMessage, ctx: ViewContext) {
  const w = words(ctx);
  const intro =
    m.section === 'APPEND' ? format(w.imapMessageAppended, m.fetchedBy, m.frame) : format(w.imapMessageFetched, m.number ?? '?', m.fetchedBy, m.frame);
  const again = ctx.seen(messageKey(m));
  if (again) return { intro, again: format(w.imapMessageShown, again), same: '', view: null };
  const elsewhere = m.section === 'APPEND' ? { view: messageView(m, ctx) } : sentElsewhere(m, ctx);
  return 'same' in elsewhere ? { intro, again: '', same: elsewhere.same, view: null } : { intro, again: '', same: '', view: elsewhere.view };
}

function headerFetches(s: ImapSession, ctx: ViewContext) {
  const w = words(ctx);
  return s.fetchedHeaders.slice(0, HEADER_FETCHES_SHOWN).map((h) => {
    const whole = h.messageId ? s.messages.find((m) => m.messageId === h.messageId && m.section !== 'APPEND') : undefined;
    return {
      intro: format(w.imapHeaderFetch, h.fetchedBy, h.frame, ctx.bytes(h.size)),
      same: whole ? format(w.imapHeaderFetchSame, whole.number ?? '?') : '',
      headers: whole ? [] : h.headers.map((x, i) => ({ n: i + 1, name: x.name, value: x.value, decoded: x.decoded ?? '' })),
    };
  });
}

/** The dialogue as a sequence diagram: one arrow per command, per continuation request and per completion (with the untagged lines before it counted). */
function diagram(s: ImapSession, ctx: ViewContext): string {
  const w = words(ctx);
  const mail = MAIL_UI[ctx.lang];
  const arrows: Arrow[] = [];
  let untagged: ImapTranscriptLine[] = [];
  const flushUntagged = () => {
    const [first] = untagged;
    const more = untagged.filter((x) => x.tag === '*').length - 1;
    if (first) arrows.push({ fromClient: false, frame: untagged.at(-1)!.frame, label: more > 0 ? `${first.text} (+${more})` : first.text });
    untagged = [];
  };
  const lines = s.transcript.filter((l) => l.kind !== 'tls');
  for (const l of lines) {
    if (l.side === 'S') {
      if (l.tag === '*' || l.tag === null) {
        // Untagged data, a literal and the rest of its line: one arrow with what completes them.
        if (!(l.tag === null && isRest(l))) untagged.push(l);
        continue;
      }
      // Counted: the untagged lines, not the literals they carry.
      const n = untagged.filter((x) => x.tag === '*').length;
      const label = n === 0 ? l.text : format(n === 1 ? w.imapDiagramUntaggedOne : w.imapDiagramUntagged, l.text, n);
      untagged = [];
      arrows.push({ fromClient: false, frame: l.frame, label });
      continue;
    }
    flushUntagged();
    if (isRest(l) && l.text === '') continue;
    const label = l.kind === 'data' ? format(mail.smtpMessageLine, ctx.bytes(l.bytes)) : l.text;
    arrows.push({ fromClient: true, frame: l.frame, label });
  }
  flushUntagged();
  return ctx.picture(
    `imap-${s.stream}`,
    sequenceSvg({
      client: `${mail.mailClient}: ${endpoint(s.client)}`,
      server: `${mail.mailServer}: ${endpoint(s.server)}`,
      arrows,
      maxArrows: DIAGRAM_ARROWS,
      moreLabel: (n) => format(mail.mailTranscriptUnlisted, n),
      ...(s.tlsFrame !== null ? { footer: readAfterTls(s.transcript, s.tlsFrame) ? mail.mailTranscriptTlsDecrypted : mail.mailTranscriptTls } : {}),
    }),
  );
}

const loggedOut = (s: ImapSession) => s.bye !== null || s.commands.some((c) => c.command === 'LOGOUT' && c.status !== null);

function sessionBlock(imap: ImapModel, ctx: ViewContext): Block {
  const w = words(ctx);
  const mail = MAIL_UI[ctx.lang];
  const s = selectedSession(imap);
  if (!s) return ctx.missing(w.imapMissing);
  const whole = s.messages;
  const decoded = whole.slice(0, MESSAGES_DECODED).map((m) => messageData(m, ctx));
  const notShown = whole.length - decoded.length + Math.max(0, s.fetchedHeaders.length - HEADER_FETCHES_SHOWN);
  const firstTag = s.transcript.find((l) => l.side === 'C' && l.tag !== null)?.tag ?? 'A001';
  const auth = authView(s.auth, ctx, w.imapAuthNotePlain);
  return {
    partial: 'imap/session',
    data: {
      intro: `${sessionIntro('IMAP', s, s.tls === 'starttls' ? 'STARTTLS' : null, ctx)}${loggedOut(s) || s.tlsFrame !== null ? '' : ` ${mail.mailCutOff}`}`,
      transcriptIntro: format(w.imapTranscriptIntro, firstTag),
      transcript: transcriptText(s, ctx),
      vocabulary: vocabulary(s, ctx),
      capabilities: capabilities(s, ctx),
      auth,
      noAuth: auth
        ? ''
        : s.greetingStatus === 'PREAUTH'
          ? w.imapPreauth
          : s.tlsFrame !== null
            ? w.imapLoginEncrypted
            : cutNote(s.stream, ctx)
              ? cutNote(s.stream, ctx)
              : loggedOut(s)
                ? mail.mailNoLogin
                : mail.mailNoLoginSeen,
      // Each list up to maxReportRows, the rest counted (the model keeps them up to maxTranscriptLines).
      ...shownList('mailboxes', mailboxes(s, ctx), ctx),
      ...shownList('selections', selections(s, ctx), ctx),
      ...shownList('searches', searches(s, ctx), ctx),
      ...shownList('fetches', fetches(s, ctx), ctx),
      expunged: s.expunged.length ? format(w.imapExpunged, ctx.list(ctx.rows(s.expunged).shown.map(String))) + expungedMore(s, ctx) : '',
      messages: decoded,
      headerFetches: headerFetches(s, ctx),
      more: notShown > 0 ? format(w.imapMessagesMore, notShown) : '',
      diagram: diagram(s, ctx),
      diagramTitle: w.imapDiagram,
    },
  };
}

/** A list of the session's as the report shows it, `{ name, nameMore }`: its first maxReportRows, and the sentence counting the rest. */
function shownList<K extends string, T>(name: K, list: T[], ctx: ViewContext): Record<K, T[]> & Record<`${K}More`, string> {
  const { shown, more } = ctx.rows(list);
  return { [name]: shown, [`${name}More`]: more } as Record<K, T[]> & Record<`${K}More`, string>;
}

const expungedMore = (s: ImapSession, ctx: ViewContext) => {
  const { more } = ctx.rows(s.expunged);
  return more ? ` ${more}` : '';
};

/** The first message the session fetched whole, decoded (or referred back to). */
function messageBlock(imap: ImapModel, ctx: ViewContext): Block {
  const w = words(ctx);
  const s = selectedSession(imap);
  if (!s) return ctx.missing(w.imapMissing);
  const m = s.messages.find((x) => x.section !== 'APPEND');
  if (!m) return ctx.missing(w.imapNoMessage);
  return { partial: 'imap/message', data: messageData(m, ctx) };
}

function summaryBlock(imap: ImapModel, ctx: ViewContext): Block {
  const w = words(ctx);
  const mail = MAIL_UI[ctx.lang];
  const s = selectedSession(imap);
  if (!s) return ctx.missing(w.imapMissing);
  if (s.tlsFrame !== null && s.auth.length === 0)
    return {
      partial: 'summary-point',
      data: { text: format(w.imapSummaryEncrypted, imap.sessions.length, s.tlsFrame, s.tls === 'starttls' ? 'STARTTLS' : 'TLS') },
    };
  const login = s.auth.find((a) => a.success) ?? null;
  const failed = s.auth.filter((a) => a.success === false).length;
  const method = (a: ImapSession['auth'][number]) => (a.command === 'LOGIN' ? 'LOGIN' : `AUTHENTICATE ${a.mechanism}`);
  const loginText = login
    ? format(w.imapSummaryLogin, login.user ?? '—', method(login)) +
      (failed === 1 ? w.imapSummaryFailedOne : failed > 1 ? format(w.imapSummaryFailedMany, failed) : '')
    : w.imapSummaryNoLogin;
  const opened = s.selected.find((x) => x.status === 'OK');
  const count = (n: number) => (n === 1 ? mail.messageOne : format(mail.messageMany, n));
  const mailbox = opened ? format(w.imapSummarySelected, opened.mailbox ?? '—', opened.exists !== null ? count(opened.exists) : '—') : w.imapSummaryNoMailbox;
  const fetched = s.messages.filter((m) => m.section !== 'APPEND');
  const fetchedText = fetched.length
    ? format(w.imapSummaryFetched, count(fetched.length), ctx.list(fetched.map((m) => ctx.bytes(m.size))))
    : w.imapSummaryNothingFetched;
  const end = s.expunged.length ? format(w.imapSummaryExpunged, count(s.expunged.length)) : w.imapSummaryKept;
  return { partial: 'summary-point', data: { text: format(w.imapSummary, imap.sessions.length, loginText, mailbox, fetchedText, end) } };
}

/** The frames a login's secret travelled in: the command, and the client's SASL answers. */
function loginFrames(s: ImapSession, a: ImapSession['auth'][number]): number[] {
  const steps = a.steps.filter((x) => x.side === 'C' && x.frame !== undefined).map((x) => x.frame!);
  const literalFrames = s.transcript.filter((l) => l.side === 'C' && l.kind === 'literal' && l.frame >= a.frame).map((l) => l.frame);
  return [...new Set([a.frame, ...steps, ...(a.command === 'LOGIN' ? literalFrames.slice(0, 2) : [])])].sort((x, y) => x - y);
}

export const imapView: SliceView<ImapModel> = {
  ui: IMAP_UI,
  filter: 'imap',
  present: (imap) => imap.sessions.length > 0,
  blocks: { structure: structureBlock, session: sessionBlock, message: messageBlock, summary: summaryBlock },
  packets: (imap) => imap.packets,
  environment(imap, ctx) {
    const w = words(ctx);
    const s = selectedSession(imap);
    if (!s) return [];
    const rows: { label: string; value: string }[] = [];
    // The client may name itself with ID (RFC 2971): ("name" "Thunderbird" "version" "115.3").
    const id = s.commands.find((c) => c.command === 'ID')?.argument ?? '';
    const field = (name: string) => new RegExp(`"${name}"\\s+"([^"]*)"`, 'i').exec(id)?.[1];
    const client = [field('name'), field('version')].filter(Boolean).join(' ');
    if (client) rows.push({ label: w.imapEnvClient, value: client });
    if (s.greeting !== null) rows.push({ label: w.imapEnvServer, value: `* ${s.greetingStatus} ${s.greeting}` });
    return rows;
  },
  cleartext(imap, ctx) {
    // Whatever the model holds of a session was read in clear text: after STARTTLS nothing more is.
    const w = words(ctx);
    const logins = imap.sessions.flatMap((s) =>
      s.auth.map((a) => ({ mechanism: a.command === 'LOGIN' ? 'LOGIN' : `AUTHENTICATE ${a.mechanism}`, frames: loginFrames(s, a) })),
    );
    return ctx.logins(logins, w.imapCleartext, w.imapCleartextMany);
  },
  appendix: (imap, ctx) =>
    imap.sessions.length
      ? [
          {
            title: words(ctx).imapAppendixTitle,
            block: sessionsBlock(imap.sessions, imap.selection.session?.stream, (a) => (a.command === 'LOGIN' ? 'LOGIN' : `AUTHENTICATE ${a.mechanism}`), ctx),
          },
        ]
      : [],
  compare: {
    Purpose: 'cmpImapPurpose',
    Opener: 'cmpImapOpener',
    Port: 'cmpImapPort',
    Direction: 'cmpImapDirection',
    FirstWord: 'cmpImapFirstWord',
    Requests: 'cmpImapRequests',
    Replies: 'cmpImapReplies',
    PerExchange: 'cmpImapPerExchange',
    End: 'cmpImapEnd',
    Data: 'cmpImapData',
    State: 'cmpImapState',
    Secure: 'cmpImapSecure',
  },
};

/** The session was cut by the end of the capture: that sentence, in the report's language (empty if it was not). */
function cutNote(stream: number, ctx: ViewContext): string {
  const cut = sessionCut(ctx.model, stream);
  return cut ? warningWords(cut, ctx.lang) : '';
}
