import type { PacketRow } from '../schema.js';
import type { ImapHeaderFetch, ImapMessage, ImapSession, ImapTranscriptLine } from './schema.js';

/*
 * The packet list as Wireshark 4.0 shows it with the display filter "imap": one row per frame
 * that ends IMAP lines, its Info column as Wireshark's IMAP dissector writes it. Wireshark
 * does not know literals: it reads each frame's bytes as lines and puts the first line that
 * does not start with "*" after "Request: " or "Response: " (a frame of untagged lines only
 * shows its first bytes, as many as its last line has); a FETCH response whose literal it
 * hands to the IMF dissector shows that message's From, Subject and parts instead, as
 * "IMAP/IMF", in the frame where the literal and the ")" after it have arrived.
 */

/** Whether a line of the transcript is the rest of a line after a literal (tag, command and status all absent). */
const isRest = (l: ImapTranscriptLine) => l.kind === undefined && l.tag === null && l.command === null && l.status === null;
const isLiteral = (l: ImapTranscriptLine) => l.kind === 'data' || l.kind === 'literal';

/** The frame's bytes from its first line, as tvb_format_text shows them: CR and LF as \r and \n. */
const formatText = (text: string) => text.replace(/\r/g, '\\r').replace(/\n/g, '\\n');

/** The Info column of the IMF dissector for a message: "from: …, subject: …,  (text/plain) (text/csv)". */
function imfInfo(m: ImapMessage | ImapHeaderFetch): string {
  const raw = (name: string) => m.headers.find((h) => h.name.toLowerCase() === name)?.value ?? '';
  const types =
    'parts' in m
      ? m.parts.filter((p) => !p.contentType.startsWith('multipart/')).map((p) => p.contentType)
      : raw('content-type')
        ? [raw('content-type').split(';')[0]!.trim().toLowerCase()]
        : [];
  return `from: ${raw('from')}, subject: ${raw('subject')}, ${types.map((t) => ` (${t})`).join('')}`;
}

/** Wireshark's physical lines: a short literal and the rest of its line after it are one line, as on the wire. */
export function physicalLines(lines: readonly ImapTranscriptLine[], appended: ImapMessage | undefined): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'data') {
      // A client's literal message (APPEND): Wireshark reads it line by line; its first line is its first header field.
      const first = appended?.headers[0];
      out.push(first ? `${first.name}: ${first.value}` : l.text);
      continue;
    }
    let text = l.text;
    if (l.kind === 'literal' && lines[i + 1] && isRest(lines[i + 1]!)) text += lines[++i]!.text;
    out.push(text);
  }
  return out;
}

/** The Info column for one frame's IMAP lines (none of them handed to IMF). */
function lineInfo(side: 'C' | 'S', lines: readonly string[]): string {
  const prefix = side === 'C' ? 'Request' : 'Response';
  const first = lines.find((t) => !t.startsWith('*'));
  if (first !== undefined) return `${prefix}: ${first}`;
  // Only untagged lines: Wireshark shows the frame's first bytes, as many as its last line is long.
  return `${prefix}: ${formatText(lines.join('\r\n').slice(0, lines.at(-1)!.length))}`;
}

export interface FrameLines {
  frame: number;
  side: 'C' | 'S';
  lines: ImapTranscriptLine[];
  /** Messages the IMF dissector was handed in this frame, in order. */
  imf: (ImapMessage | ImapHeaderFetch)[];
}

/** The transcript's lines grouped by the frame Wireshark shows them in (a FETCH literal's lines where the literal ends). */
export function frameGroups(s: ImapSession): FrameLines[] {
  const groups = new Map<number, FrameLines>();
  const group = (frame: number, side: 'C' | 'S') => groups.get(frame) ?? groups.set(frame, { frame, side, lines: [], imf: [] }).get(frame)!;
  const literalRecords = [...s.messages.filter((m) => m.section !== 'APPEND'), ...s.fetchedHeaders];
  const used = new Set<ImapMessage | ImapHeaderFetch>();
  const lines = s.transcript.filter((l) => l.kind !== 'tls');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const literal = lines[i + 1];
    if (l.side === 'S' && l.tag === '*' && l.command === 'FETCH' && literal && literal.side === 'S' && isLiteral(literal)) {
      const candidates = literalRecords.filter((r) => r.frame === literal.frame && !used.has(r));
      const record = candidates.find((r) => l.text.includes(`${r.section} {`)) ?? candidates[0];
      if (record) {
        // Wireshark waits for the ")" after the literal, and shows the FETCH line with it.
        const rest = lines[i + 2];
        const at = rest && rest.side === 'S' && isRest(rest) ? Math.max(literal.frame, rest.frame) : literal.frame;
        used.add(record);
        const g = group(at, 'S');
        g.lines.push(l);
        g.imf.push(record);
        i++;
        continue;
      }
    }
    group(l.frame, l.side).lines.push(l);
  }
  return [...groups.values()];
}

/** The rows of the packet list filtered on imap, one per frame, in frame order (times and lengths come from the detail stage). */
export function imapPacketRows(sessions: readonly ImapSession[]): PacketRow[] {
  const rows: PacketRow[] = [];
  for (const s of sessions) {
    for (const g of frameGroups(s)) {
      const fromClient = g.side === 'C';
      const [from, to] = fromClient ? [s.client, s.server] : [s.server, s.client];
      const appended = s.messages.find((m) => m.section === 'APPEND' && m.frame === g.frame);
      const protocol = ['IMAP', ...g.imf.map(() => 'IMF')].join('/');
      const info = g.imf.length ? imfInfo(g.imf.at(-1)!) : lineInfo(g.side, physicalLines(g.lines, appended));
      rows.push({
        frame: g.frame,
        time: Number.NaN,
        source: from.ip,
        destination: to.ip,
        protocol,
        length: 0,
        info,
        kind: fromClient ? 'request' : 'response',
        stream: s.stream,
      });
    }
  }
  return rows.sort((a, b) => a.frame - b.frame);
}
