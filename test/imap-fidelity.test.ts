import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ImapSession } from '../src/protocols/imap/schema.js';
import { OWN_FIXTURES, PUBLIC_FIXTURES, captures, tshark } from './helpers/files.js';
import { imapModel } from './imap-helpers.js';

vi.mock('../src/protocols/registry.js', async (original) => (await import('./imap-registry.js')).withImap(await original()));

/*
 * IMAP against tshark 4.0 on the captures of fixtures/imap (dovecot with imaplib and curl,
 * see its README): every tagged command (tag and command), tagged completion (tag and
 * status), continuation request, SASL answer and DONE of ours is a line tshark shows at the
 * same frame; every line tshark shows that we do not is one of the named cases below; the
 * messages and headers tshark hands to its IMF dissector end where ours do, with the same
 * subjects; TLS starts at the same frames. And on the public captures (none of them IMAP)
 * the IMAP slice claims no connection.
 */

const IMAP_FIXTURES = join(OWN_FIXTURES, 'imap');
/** The unregistered port imap-auth.pcapng uses for detection by content. */
const DECODE_AS = ['tcp.port==1143,imap'];

/** Lines tshark shows that labreport reads otherwise, and why. */
const KNOWN = {
  literalAsLines:
    "tshark 4.0 reads the data of a client's literal (the message APPEND uploads, the strings of a LOGIN) as request lines, and a FETCH literal it did not hand to IMF (after a FETCH without one, its {size} search runs past the line's end into the next response) as response lines: each line of it becomes a 'request' or 'response' tagged with its first word. labreport reads a literal as the N bytes of data it is (RFC 9051 section 4.3).",
  restAfterLiteral:
    'After a literal, tshark 4.0 takes the rest of the line (the ")" closing a FETCH response, the CRLF ending an APPEND) for a new line, tagged with its first word. labreport reads it as the end of the command or response the literal is part of. (After "L1 LOGIN {7+}" in imap-auth.pcapng frame 106, tshark takes the LITERAL+ marker for the user name, marks the frame malformed and shows nothing more of it.)',
  continuationStatus:
    'tshark 4.0 shows the first word of a "+" continuation request as its response status ("+ idling" → status "idling", "+ VXNlcm5hbWU6" → the base64 challenge); labreport gives continuations no status (they have none in RFC 9051 section 7.5) and compares that word here only to show the line is the same.',
  saslAsCommand:
    'tshark 4.0 reads the SASL answers a client sends after AUTHENTICATE, and the DONE that ends IDLE, as request lines tagged with their text; labreport reads them as the authentication steps and the end of IDLE they are.',
  appendNotImf:
    'tshark 4.0 hands only FETCH literals to its IMF dissector; the message an APPEND uploads is not shown as a message (see literalAsLines). labreport decodes it like a fetched one.',
} as const;

/** Where each known difference shows in the recorded captures (frame numbers as in fixtures/imap/README.md). */
const SURPLUS: Record<string, Partial<Record<keyof typeof KNOWN, number[]>>> = {
  // The ")" after the FETCH literals of 22, 45 and 112; the header fields of UID FETCH's first literal in 112, which tshark read as lines.
  'imap-auth.pcapng': { restAfterLiteral: [22, 45, 112, 112], literalAsLines: [112, 112] },
  // The ")" after the three FETCH literals; the six non-empty lines of the message APPEND uploads in 42.
  'imap-session.pcapng': { restAfterLiteral: [32, 35, 38], literalAsLines: [42, 42, 42, 42, 42, 42] },
  'imap-tls.pcapng': {},
};

interface TsharkLine {
  frame: number;
  side: 'C' | 'S';
  tag: string;
  /** request.command for requests, response.status for responses. */
  word: string | undefined;
}

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const seen = new Map<string, ReturnType<typeof readTshark>>();
const tsharkImap = (file: string) => seen.get(file) ?? seen.set(file, readTshark(file)).get(file)!;
const models = new Map<string, ReturnType<typeof imapModel>>();
const modelOf = (file: string) => models.get(file) ?? models.set(file, imapModel(file)).get(file)!;

/** tshark's IMAP lines (one per line it gives a tag) and IMF subjects, frame by frame. */
function readTshark(file: string): { lines: TsharkLine[]; imf: { frame: number; subject: string }[] } {
  const args = ['-r', file, ...DECODE_AS.flatMap((d) => ['-d', d]), '-Y', 'imap || imf', '-T', 'json', '-J', 'frame imap imf', '--no-duplicate-keys'];
  const packets = JSON.parse(execFileSync('tshark', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 })) as {
    _source: { layers: Record<string, unknown> };
  }[];
  const lines: TsharkLine[] = [];
  const imf: { frame: number; subject: string }[] = [];
  for (const p of packets) {
    const layers = p._source.layers;
    const frame = Number((layers.frame as Record<string, string>)['frame.number']);
    for (const layer of asList(layers.imap as Record<string, unknown> | Record<string, unknown>[] | undefined)) {
      const side = layer['imap.isrequest'] === '1' ? 'C' : 'S';
      for (const tree of asList(layer['imap.line_tree'] as Record<string, string> | string | (Record<string, string> | string)[] | undefined)) {
        if (typeof tree !== 'object') continue;
        const tag = tree['imap.request_tag'] ?? tree['imap.response_tag'];
        if (tag === undefined) continue;
        lines.push({ frame, side, tag, word: side === 'C' ? tree['imap.request.command'] : tree['imap.response.status'] });
      }
    }
    for (const layer of asList(layers.imf as Record<string, string> | Record<string, string>[] | undefined))
      if (layer['imf.subject'] !== undefined) imf.push({ frame, subject: layer['imf.subject'] });
  }
  return { lines, imf };
}

/** RFC 2047 subjects decoded by Python's email package: an oracle independent of the MIME library under test. */
function decodeSubjects(subjects: string[]): string[] {
  const script =
    'import json,sys\nfrom email.header import decode_header, make_header\nprint(json.dumps([str(make_header(decode_header(s))) for s in json.load(sys.stdin)]))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(subjects), encoding: 'utf8' })) as string[];
}

const key = (l: { frame: number; side: string; tag: string; word?: string | undefined }) => `${l.frame} ${l.side} ${l.tag} ${(l.word ?? '').toUpperCase()}`;
const firstWord = (s: string) => s.trim().split(/\s+/)[0] ?? '';

/** The lines of ours tshark shows too, as tshark shows them. */
function expectedLines(sessions: ImapSession[]): TsharkLine[] {
  const out: TsharkLine[] = [];
  for (const l of sessions.flatMap((s) => s.transcript)) {
    if (l.side === 'C' && l.tag !== null) out.push({ frame: l.frame, side: 'C', tag: l.tag, word: l.command ?? undefined });
    else if (l.side === 'S' && l.tag === '+')
      out.push({ frame: l.frame, side: 'S', tag: '+', word: l.text.split(' ')[1] || undefined }); // KNOWN.continuationStatus
    else if (l.side === 'S' && l.tag !== null && l.tag !== '*') out.push({ frame: l.frame, side: 'S', tag: l.tag, word: l.status ?? undefined });
    else if (l.side === 'C' && (l.kind === 'sasl' || l.command === 'DONE') && l.text.trim() !== '')
      out.push({ frame: l.frame, side: 'C', tag: firstWord(l.text), word: undefined }); // KNOWN.saslAsCommand
  }
  return out;
}

/** Why tshark shows a line we do not, or null when nothing explains it. */
function explain(line: TsharkLine, sessions: ImapSession[]): keyof typeof KNOWN | null {
  const ours = sessions.flatMap((s) => s.transcript).filter((l) => l.frame === line.frame && l.side === line.side);
  if (ours.some((l) => l.tag === null && l.kind === undefined && l.command === null && firstWord(l.text) === line.tag)) return 'restAfterLiteral';
  const literalFrames = new Set([
    ...sessions.flatMap((s) => [...s.messages, ...s.fetchedHeaders]).flatMap((m) => (m.fetchedBy.startsWith('APPEND') === (line.side === 'C') ? m.frames : [])),
    ...ours.filter((l) => l.kind === 'literal' || l.kind === 'data').map((l) => l.frame),
  ]);
  return literalFrames.has(line.frame) ? 'literalAsLines' : null;
}

const fixtures = captures(IMAP_FIXTURES);

describe('IMAP agrees with tshark', () => {
  it('has the recorded captures', () => {
    expect(fixtures.map((f) => basename(f))).toEqual(['imap-auth.pcapng', 'imap-session.pcapng', 'imap-tls.pcapng']);
  });

  it.each(fixtures)('%s: tags, commands and statuses at the same frames', async (file) => {
    const { model } = await modelOf(file);
    const theirs = tsharkImap(file).lines;
    const ours = expectedLines(model.sessions);
    const left = new Map<string, number>();
    for (const l of theirs) left.set(key(l), (left.get(key(l)) ?? 0) + 1);
    const missing: string[] = [];
    for (const l of ours) {
      const n = left.get(key(l)) ?? 0;
      if (n === 0) missing.push(key(l));
      else left.set(key(l), n - 1);
    }
    expect(missing, 'lines of ours tshark does not show').toEqual([]);
    const surplus = theirs.filter((l) => {
      const n = left.get(key(l)) ?? 0;
      if (n === 0) return false;
      left.set(key(l), n - 1);
      return true;
    });
    const unexplained = surplus.filter((l) => explain(l, model.sessions) === null).map(key);
    expect(unexplained, 'lines tshark shows that no known difference explains').toEqual([]);
    const byCase: Record<string, number[]> = {};
    for (const l of surplus) (byCase[explain(l, model.sessions)!] ??= []).push(l.frame);
    expect(byCase, 'the known differences, by the frames where they show').toEqual(SURPLUS[basename(file)]);
    // The tagged completions are all there: each command of ours is completed where tshark completes it.
    const completions = model.sessions.flatMap((s) => s.commands).filter((c) => c.completionFrame !== null);
    for (const c of completions) expect(theirs).toContainEqual({ frame: c.completionFrame, side: 'S', tag: c.tag, word: c.status });
    expect(completions.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('%s: the messages tshark decodes end at the same frames, with the same subjects', async (file) => {
    const { model } = await modelOf(file);
    const { imf } = tsharkImap(file);
    const decoded = decodeSubjects(imf.map((r) => r.subject));
    const carried = model.sessions.flatMap((s) => [...s.messages, ...s.fetchedHeaders]);
    imf.forEach((row, i) => {
      const here = carried.filter((m) => m.frame === row.frame);
      expect(
        here.map((m) => m.subject),
        `subject of the message tshark shows in frame ${row.frame}`,
      ).toContain(decoded[i]);
    });
    // And we show no fetched message tshark does not (KNOWN.appendNotImf: APPENDed ones it never shows).
    const fetchedFrames = new Set(carried.filter((m) => !m.fetchedBy.startsWith('APPEND')).map((m) => m.frame));
    expect([...fetchedFrames].sort()).toEqual([...new Set(imf.map((r) => r.frame))].sort());
  });

  it('decodes the GB2312 subject, the multipart mail and its attachment as recorded', async () => {
    const { model } = await modelOf(join(IMAP_FIXTURES, 'imap-session.pcapng'));
    const [s] = model.sessions;
    expect(s!.messages.map((m) => [m.fetchedBy, m.section, m.number, m.subject])).toEqual([
      ['FETCH 1 (BODY[])', 'BODY[]', 1, 'IMAP 实验：取回邮件'],
      ['FETCH 2 (BODY[])', 'BODY[]', 2, 'Lab 3 measurements (attachment)'],
      ['APPEND INBOX (\\Seen) {198 bytes}', 'APPEND', null, 'draft saved with APPEND'],
    ]);
    const gb = s!.messages[0]!;
    expect(gb.headers.find((h) => h.name === 'Subject')).toEqual({
      name: 'Subject',
      value: '=?GB2312?B?SU1BUCDKtdHpo7rIobvY08q8/g==?=',
      decoded: 'IMAP 实验：取回邮件',
      lines: 1,
    });
    expect(gb.from).toBe('王小明 <student@lab.test>');
    expect(gb.parts.map((p) => [p.contentType, p.charset, p.transferEncoding])).toEqual([['text/plain', 'GB2312', 'base64']]);
    expect(gb.parts[0]!.text).toContain('IMAP 把邮件留在服务器上');
    const multipart = s!.messages[1]!;
    expect(multipart.parts.map((p) => [p.path, p.contentType, p.attachment])).toEqual([
      ['', 'multipart/mixed', false],
      ['1', 'text/plain', false],
      ['2', 'text/csv', true],
    ]);
    // The attachment's bytes, as build_messages.py wrote them.
    const csv = 'step,protocol,frames\nlogin,IMAP,4\nselect,IMAP,6\nfetch,IMAP,12\n';
    const sha = (await import('node:crypto')).createHash('sha256').update(csv).digest('hex');
    expect(multipart.attachments).toEqual([{ filename: 'report.csv', contentType: 'text/csv', size: csv.length, sha256: sha }]);
    // The header-only FETCH is headers, not a message.
    expect(s!.fetchedHeaders.map((h) => [h.frame, h.fetchedBy, h.section, h.subject, h.headers.length])).toEqual([
      [38, 'FETCH 1 (BODY.PEEK[HEADER])', 'BODY[HEADER]', 'IMAP 实验：取回邮件', 9],
    ]);
  });

  it('says from which frame TLS begins, where tshark sees the first TLS record', async () => {
    const file = join(IMAP_FIXTURES, 'imap-tls.pcapng');
    const { model } = await modelOf(file);
    const firstTls = new Map<number, number>();
    for (const [frame, stream] of tshark(file, ['frame.number', 'tcp.stream'], { filter: 'tls' }))
      if (!firstTls.has(Number(stream))) firstTls.set(Number(stream), Number(frame));
    expect(model.sessions.map((s) => [s.stream, s.tls, s.tlsFrame])).toEqual([
      [0, 'starttls', firstTls.get(0)],
      [1, 'implicit', firstTls.get(1)],
    ]);
    // Up to STARTTLS the dialogue is read; nothing after it.
    const starttls = model.sessions[0]!;
    expect(starttls.commands.map((c) => [c.command, c.status])).toEqual([
      ['CAPABILITY', 'OK'],
      ['STARTTLS', 'OK'],
    ]);
    expect(starttls.transcript.at(-1)).toMatchObject({ kind: 'tls', frame: firstTls.get(0) });
    expect(model.sessions[1]!.transcript).toEqual([
      { side: 'C', frame: firstTls.get(1), bytes: 0, tag: null, command: null, status: null, code: null, text: '', kind: 'tls' },
    ]);
  });

  it('claims no connection of the public captures (none of them carries IMAP)', async () => {
    const files = captures(PUBLIC_FIXTURES);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const { records, model } = await imapModel(file);
      expect(model.sessions, basename(file)).toEqual([]);
      expect(
        records.connections.filter((c) => c.protocol === 'imap'),
        basename(file),
      ).toEqual([]);
    }
  });
});
