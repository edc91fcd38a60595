import { MAX_LIST_DEPTH } from './limits.js';

/*
 * IMAP's wire syntax (RFC 9051 section 4 and the formal syntax of section 9): atoms,
 * quoted strings, literals and parenthesised lists, read from a command or response whose
 * literals have already been taken out of the byte stream. Written by hand: no npm package
 * parses IMAP from both sides with the byte positions a transcript needs (the IMAP client
 * libraries parse only what a server sends, from a socket).
 */

/** A literal announced at the end of a line: `{N}` (synchronising), `{N+}` (LITERAL+, RFC 7888) or `~{N}` (binary, RFC 3516). */
export interface LiteralMarker {
  size: number;
  /** `{N+}`: the client sends the data without waiting for the server's "+". */
  nonSync: boolean;
  /** Where the marker starts in the line's text. */
  start: number;
}

/** The literal a line announces, if any. A size of more than 12 digits is not believed (damage or hostility): the line is then read as text. */
export function literalMarker(text: string): LiteralMarker | null {
  const m = /~?\{(\d{1,12})(\+|-)?\}$/.exec(text);
  if (!m) return null;
  return { size: Number(m[1]), nonSync: m[2] !== undefined, start: m.index };
}

/** One piece of a command or response: a line's text (its literal marker, if any, at the end) or a literal's content. */
export type Piece = { kind: 'text'; text: string } | { kind: 'literal'; size: number; text: string | null };

/** Where a token lies: in which piece, and for text pieces its characters [start, end). */
export interface Span {
  piece: number;
  start: number;
  end: number;
}

export type Token =
  /** An atom, a number, NIL, a flag (\Seen), a FETCH item (BODY[HEADER.FIELDS (FROM)]<0>). */
  | { kind: 'atom'; value: string; span: Span }
  /** A quoted string (unescaped) or a literal (its content, null when it was not kept). */
  | { kind: 'string'; value: string | null; literal: boolean; size: number; span: Span }
  | { kind: 'list'; items: Token[]; span: Span };

const SPECIAL = new Set([' ', '(', ')', '"', '\t']);

/** Split pieces into tokens, lists nested. Unbalanced brackets and quotes are read leniently: captured text is often damaged. */
export function tokenize(pieces: Piece[]): Token[] {
  const root: Token[] = [];
  const stack: { items: Token[]; span: Span }[] = [];
  const current = () => stack.at(-1)?.items ?? root;
  pieces.forEach((p, index) => {
    if (p.kind === 'literal') {
      current().push({ kind: 'string', value: p.text, literal: true, size: p.size, span: { piece: index, start: 0, end: 0 } });
      return;
    }
    const marker = literalMarker(p.text);
    const text = marker ? p.text.slice(0, marker.start) : p.text;
    let i = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (c === ' ' || c === '\t') {
        i++;
      } else if (c === '(' && stack.length < MAX_LIST_DEPTH) {
        const list = { items: [] as Token[], span: { piece: index, start: i, end: i + 1 } };
        current().push({ kind: 'list', items: list.items, span: list.span });
        stack.push(list);
        i++;
      } else if (c === ')' && stack.length > 0) {
        const list = stack.pop()!;
        if (list.span.piece === index) list.span.end = i + 1;
        i++;
      } else if (c === '"') {
        let j = i + 1;
        let value = '';
        while (j < text.length && text[j] !== '"') {
          if (text[j] === '\\' && j + 1 < text.length) j++;
          value += text[j];
          j++;
        }
        const end = Math.min(j + 1, text.length);
        current().push({ kind: 'string', value, literal: false, size: value.length, span: { piece: index, start: i, end } });
        i = end;
      } else {
        // An atom; a bracketed section inside it (BODY[HEADER.FIELDS (A B)]) may hold spaces and parentheses.
        let j = i;
        let depth = 0;
        while (j < text.length && (depth > 0 || !SPECIAL.has(text[j]!)) && !(depth === 0 && text[j] === ')')) {
          if (text[j] === '[') depth++;
          else if (text[j] === ']' && depth > 0) depth--;
          j++;
        }
        if (j === i) j++; // a lone special character that cannot open or close anything
        current().push({ kind: 'atom', value: text.slice(i, j), span: { piece: index, start: i, end: j } });
        i = j;
      }
    }
  });
  return root;
}

export const atomValue = (t: Token | undefined): string | null => (t?.kind === 'atom' ? t.value : null);

/** An astring or nstring as text: an atom (NIL for nstring is null), a quoted string or a literal. */
export function stringValue(t: Token | undefined): string | null {
  if (!t) return null;
  if (t.kind === 'string') return t.value;
  if (t.kind === 'atom') return t.value.toUpperCase() === 'NIL' ? null : t.value;
  return null;
}

export const numberValue = (t: Token | undefined): number | null => {
  const v = atomValue(t);
  return v !== null && /^\d{1,15}$/.test(v) ? Number(v) : null;
};

/** The atoms of a list: (\Seen \Answered). */
export const listAtoms = (t: Token | undefined): string[] | null =>
  t?.kind === 'list' ? t.items.map((x) => (x.kind === 'atom' ? x.value : (stringValue(x) ?? ''))) : null;

/** Tokens back as text, normalised: a literal kept as text is shown quoted, a long or binary one as {N bytes}. */
export function renderTokens(tokens: Token[], secret?: Token): { text: string; secret: [number, number] | null } {
  let out = '';
  let spans: [number, number] | null = null;
  const walk = (ts: Token[]) => {
    ts.forEach((t, i) => {
      if (i > 0) out += ' ';
      const start = out.length;
      if (t.kind === 'atom') out += t.value;
      else if (t.kind === 'list') {
        out += '(';
        walk(t.items);
        out += ')';
      } else if (t.value === null) out += `{${t.size} bytes}`;
      else out += quote(t.value);
      if (t === secret) spans = t.kind === 'string' ? [start + 1, out.length - 1] : [start, out.length];
    });
  };
  walk(tokens);
  return { text: out, secret: spans };
}

/** An IMAP quoted string (RFC 9051 section 4.3). */
export const quote = (s: string) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** A response's text after its status: an optional [response code] (RFC 9051 section 7.1), then human-readable text. */
export function responseText(text: string): { code: string | null; text: string } {
  const m = /^\[([^\]]*)\]\s?(.*)$/s.exec(text);
  return m ? { code: m[1]!, text: m[2]! } : { code: null, text };
}

/** The section of a FETCH data item, from its name in a response: BODY[HEADER] → whole/header/part. */
export type SectionKind = 'message' | 'header' | 'part';

/** A FETCH item carrying message data (RFC 9051 section 7.5.2), with what it holds. */
export function fetchSection(item: string): SectionKind | null {
  const name = item.toUpperCase();
  if (name === 'RFC822') return 'message';
  if (name === 'RFC822.HEADER') return 'header';
  if (name === 'RFC822.TEXT') return 'part';
  const m = /^(?:BODY|BINARY)(?:\.PEEK)?\[([^\]]*)\](<[\d.]+>)?$/.exec(name);
  if (!m) return null;
  const section = m[1]!.trim();
  if (m[2]) return 'part'; // a partial fetch <origin>: only some bytes of it
  if (section === '') return 'message';
  if (/^HEADER(\.FIELDS(\.NOT)? .*)?$/.test(section)) return 'header'; // the message's own header; a part's (1.HEADER) is a part
  return 'part';
}

/** The FETCH item just before a literal marker at the end of a line: `… BODY[] {535}` → BODY[]. */
export function itemBeforeLiteral(text: string, marker: LiteralMarker): string | null {
  const m = /((?:BODY|BINARY)(?:\.PEEK)?\[[^\]]*\](?:<[\d.]+>)?|RFC822(?:\.HEADER|\.TEXT)?)\s*$/i.exec(text.slice(0, marker.start));
  return m ? m[1]! : null;
}

/**
 * A mailbox name in IMAP's modified UTF-7 (RFC 3501 section 5.1.3, kept by RFC 9051 for
 * servers without UTF8=ACCEPT): `&UXZO1mWHTvZZOQ-` is 已发送. Null when the name holds no
 * encoded run or is not valid modified UTF-7.
 */
export function decodeMailboxName(name: string): string | null {
  if (!name.includes('&')) return null;
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c !== '&') {
      out += c;
      continue;
    }
    const end = name.indexOf('-', i + 1);
    if (end < 0) return null;
    const run = name.slice(i + 1, end);
    if (run === '') out += '&';
    else {
      if (!/^[A-Za-z0-9+,]+$/.test(run)) return null;
      const bytes = Buffer.from(run.replace(/,/g, '/'), 'base64');
      if (bytes.length % 2 !== 0) return null;
      out += bytes.swap16().toString('utf16le');
    }
    i = end;
  }
  return out === name ? null : out;
}
