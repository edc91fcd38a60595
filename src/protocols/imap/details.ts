import type { DetailLine } from '../../render/details.js';
import { frameGroups, physicalLines } from './packets.js';
import type { ImapSession } from './schema.js';

/*
 * Wireshark 4.0's packet details of IMAP for one frame, as `tshark -2 -V` prints them: a
 * "Line:" per line; for each line that does not start with "*", the line again, its first
 * word as the tag, its second as the request command (after UID) or the response status,
 * its third as the "Response Command", the folder of SELECT, EXAMINE, STATUS, APPEND, … and
 * the user name and password of LOGIN; then the request–response pairing by tag. Wireshark
 * splits words at spaces only, whatever IMAP's syntax says ("Response Command: [READ-WRITE]").
 */

/** Commands whose first argument Wireshark shows as "Request Folder" (COPY: its second). */
const FOLDER_COMMANDS = ['select', 'examine', 'create', 'delete', 'rename', 'subscribe', 'unsubscribe', 'status', 'append', 'search'];

/** Wireshark's tokens: up to the next space, the spaces after it skipped. An empty token (a line starting with a space) ends the line's tokens. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    const space = text.indexOf(' ', at);
    const end = space < 0 ? text.length : space;
    if (end === at) break;
    out.push(text.slice(at, end));
    at = end;
    while (text[at] === ' ') at++;
  }
  return out;
}

/**
 * Wireshark keeps a field's label in a buffer of 240 bytes (ITEM_LABEL_LENGTH): a longer
 * label is cut, and marked "[truncated]" after the field's name, as tshark -V prints it.
 */
const LABEL_BYTES = 238;

/** A field's label, "Name: value", cut as Wireshark cuts it. */
function label(name: string, value: string): string {
  const full = `${name}: ${value}`;
  if (Buffer.byteLength(full) <= LABEL_BYTES) return full;
  const marked = Buffer.from(`${name} [truncated]: ${value}`).subarray(0, LABEL_BYTES);
  // Not in the middle of a UTF-8 sequence.
  return new TextDecoder().decode(marked).replace(/\uFFFD$/, '');
}

const unquote = (s: string) => (s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);
/** Wireshark compares a command with strncmp over the command's own length: "sel" is "select". */
const named = (command: string, name: string) => command !== '' && name.startsWith(command);

interface Pairing {
  /** Request line (frame, tag) → the frame of the last response with its tag. */
  responseIn: Map<string, number>;
  /** Response line (frame, tag) → the frame of the request it answers. */
  requestIn: Map<string, number>;
}

/** Wireshark's pairing by tag (lower case) within the connection: a response answers the latest request with its tag at or before it. */
function pairing(s: ImapSession): Pairing {
  const requests = new Map<string, { frame: number; reply: number }[]>();
  const responseIn = new Map<string, number>();
  const requestIn = new Map<string, number>();
  const groups = frameGroups(s).sort((a, b) => a.frame - b.frame);
  for (const g of groups) {
    for (const line of physicalLines(g.lines, undefined)) {
      if (line.startsWith('*')) continue;
      const tag = tokens(line)[0];
      if (!tag) continue;
      const key = tag.toLowerCase();
      const list = requests.get(key) ?? requests.set(key, []).get(key)!;
      if (g.side === 'C') list.push({ frame: g.frame, reply: 0 });
      else {
        const request = list.findLast((r) => r.frame <= g.frame);
        if (request) {
          request.reply = g.frame;
          requestIn.set(`${g.frame} ${key}`, request.frame);
        }
      }
    }
  }
  for (const [key, list] of requests) for (const r of list) if (r.reply) responseIn.set(`${r.frame} ${key}`, r.reply);
  return { responseIn, requestIn };
}

/**
 * The IMAP lines of Wireshark's packet details for `frame`, or null when the frame carries no
 * IMAP line, or data of a client's literal (which Wireshark reads as lines of its own).
 * `timeOf` gives a frame's time, for the response time.
 */
export function imapDetailLines(s: ImapSession, frame: number, timeOf: (frame: number) => number | undefined): DetailLine[] | null {
  const g = frameGroups(s).find((x) => x.frame === frame);
  if (!g || g.lines.some((l) => l.kind === 'data')) return null;
  const { responseIn, requestIn } = pairing(s);
  const request = g.side === 'C';
  const out: DetailLine[] = [{ depth: 0, text: 'Internet Message Access Protocol' }];
  for (const line of physicalLines(g.lines, undefined)) {
    out.push({ depth: 1, text: label('Line', `${line}\\r\\n`) });
    if (line.startsWith('*')) continue;
    const add = (text: string) => out.push({ depth: 2, text });
    if (line !== '') add(label(request ? 'Request' : 'Response', line));
    const [tag, second, third, fourth, fifth] = tokens(line);
    if (tag === undefined) continue;
    add(`${request ? 'Request' : 'Response'} Tag: ${tag}`);
    if (second !== undefined) {
      if (request) {
        const uid = second.length <= 3 && 'UID'.startsWith(second.toUpperCase());
        const command = uid ? third : second;
        const args = uid ? [fourth, fifth] : [third, fourth];
        if (uid) add('Request isUID: True');
        if (command !== undefined) {
          add(`Request Command: ${command}`);
          const c = command.toLowerCase();
          if (FOLDER_COMMANDS.some((n) => named(c, n))) {
            if (args[0] !== undefined) add(`Request Folder: ${args[0]}`);
          } else if (named(c, 'copy')) {
            if (args[1] !== undefined) add(`Request Folder: ${args[1]}`);
          } else if (c === 'login') {
            if (args[0] !== undefined) add(`Request Username: ${unquote(args[0])}`);
            if (args[1] !== undefined) add(`Request Password: ${unquote(args[1])}`);
          }
        }
      } else {
        add(`Response Status: ${second}`);
        if (third !== undefined) add(`Response Command: ${third}`);
      }
    }
    const key = `${frame} ${tag.toLowerCase()}`;
    if (request) {
      const reply = responseIn.get(key);
      if (reply !== undefined) add(`[Response In: ${reply}]`);
    } else {
      const asked = requestIn.get(key);
      if (asked !== undefined) {
        add(`[Request In: ${asked}]`);
        const [t0, t1] = [timeOf(asked), timeOf(frame)];
        if (t0 !== undefined && t1 !== undefined) add(`[Response Time: ${(t1 - t0).toFixed(9)} seconds]`);
      }
    }
  }
  return out;
}
