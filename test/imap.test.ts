import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CaptureError } from '../src/capture/frame.js';
import { caseRng, mutateCase, type Rng } from '../src/fuzz/mutate.js';
import { loadCorpus } from '../src/fuzz/runner.js';
import { DEFAULT_LIMITS, type Limits } from '../src/limits.js';
import { detectImap } from '../src/protocols/imap/index.js';
import { MAX_LITERALS_PER_MESSAGE, MAX_SEARCH_RESULTS } from '../src/protocols/imap/limits.js';
import { decodeMailboxName, fetchSection, literalMarker, tokenize } from '../src/protocols/imap/syntax.js';
import { MASK } from '../src/protocols/secrets.js';
import { OWN_FIXTURES, tempFile } from './helpers/files.js';
import { Conversation, pcapFile } from './helpers/packets.js';
import { imapModel } from './imap-helpers.js';

vi.mock('../src/protocols/registry.js', async (original) => (await import('./imap-registry.js')).withImap(await original()));

/*
 * IMAP dialogues the recorded captures lack, synthesised: pipelined commands completed out
 * of order, literals on both sides (synchronising, LITERAL+, refused, empty, enormous),
 * every SASL mechanism, secrets in every form, STARTTLS and implicit TLS, greetings,
 * detection on unregistered ports, holes in the capture and a capture that ends mid-message,
 * segments of one byte, and the bounds.
 */

const b64 = (s: string) => Buffer.from(s).toString('base64');
let n = 0;

type Step = ['C' | 'S', string | Uint8Array, { mss?: number; drop?: number[] }?];

/** Play a dialogue over one connection and return the IMAP model (and the records). */
async function play(port: number, steps: Step[], opts: { reveal?: boolean; limits?: Limits; close?: boolean } = {}) {
  const conv = new Conversation({ ip: '10.30.0.1', port: 40000 + n }, { ip: '10.30.0.2', port }).handshake();
  for (const [side, data, o] of steps) conv.send(side === 'C', data, o ?? {});
  if (opts.close !== false) conv.close();
  const file = tempFile(`imap-${n++}.pcap`, pcapFile(conv.packets()));
  return imapModel(file, { reveal: opts.reveal ?? true, limits: opts.limits });
}

const GREETING = '* OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR AUTH=PLAIN] ready\r\n';
const MESSAGE = 'From: a@x\r\nTo: b@y\r\nSubject: =?UTF-8?B?5a6e6aqM?=\r\n\r\nbody line\r\n';

describe('IMAP syntax', () => {
  it('reads literal markers, and no more than 12 digits of size', () => {
    expect(literalMarker('A1 LOGIN {7}')).toEqual({ size: 7, nonSync: false, start: 9 });
    expect(literalMarker('A1 LOGIN {7+}')).toEqual({ size: 7, nonSync: true, start: 9 });
    expect(literalMarker('* 1 FETCH (BINARY[] ~{3}')).toMatchObject({ size: 3 });
    expect(literalMarker('A1 LOGIN {1234567890123}')).toBeNull();
    expect(literalMarker('A1 LOGIN {7} x')).toBeNull();
  });

  it('tokenises atoms, quoted strings with escapes, literals, nested lists and bracketed sections', () => {
    const t = tokenize([
      { kind: 'text', text: 'A1 FETCH 1 (BODY.PEEK[HEADER.FIELDS (FROM TO)] "a \\"b\\" \\\\c" {3}' },
      { kind: 'literal', size: 3, text: 'xyz' },
      { kind: 'text', text: ' (((x))))' },
    ]);
    // The list opened on the first line goes on after the literal; the last ")" closes it.
    expect(t.map((x) => x.kind)).toEqual(['atom', 'atom', 'atom', 'list']);
    const list = t[3]!.kind === 'list' ? t[3]!.items : [];
    expect(list.map((x) => (x.kind === 'list' ? 'list' : x.value))).toEqual(['BODY.PEEK[HEADER.FIELDS (FROM TO)]', 'a "b" \\c', 'xyz', 'list']);
    expect(list[3]).toMatchObject({ kind: 'list', items: [{ kind: 'list', items: [{ kind: 'list', items: [{ kind: 'atom', value: 'x' }] }] }] });
  });

  it('survives nesting deeper than the bound, as text', () => {
    const deep = `${'('.repeat(10_000)}x${')'.repeat(10_000)}`;
    expect(() => tokenize([{ kind: 'text', text: deep }])).not.toThrow();
  });

  it.each([
    ['BODY[]', 'message'],
    ['RFC822', 'message'],
    ['BINARY[]', 'message'],
    ['BODY[]<0>', 'part'],
    ['BODY[HEADER]', 'header'],
    ['BODY[HEADER.FIELDS (SUBJECT)]', 'header'],
    ['RFC822.HEADER', 'header'],
    ['BODY[1.HEADER]', 'part'],
    ['BODY[TEXT]', 'part'],
    ['FLAGS', null],
  ])('%s carries a %s', (item, kind) => expect(fetchSection(item)).toBe(kind));

  it('decodes modified UTF-7 mailbox names', () => {
    expect(decodeMailboxName('&XfJT0ZAB-')).toBe('已发送');
    expect(decodeMailboxName('INBOX.&U,BTFw-')).toBe('INBOX.台北');
    expect(decodeMailboxName('Tom &- Jerry')).toBe('Tom & Jerry');
    expect(decodeMailboxName('INBOX')).toBeNull();
    expect(decodeMailboxName('&!!!-')).toBeNull();
  });
});

describe('IMAP detection', () => {
  const b = (s: string) => Buffer.from(s, 'latin1');
  const none = new Uint8Array(0);
  it.each([
    ['* OK ready\r\n', '', 'yes'],
    ['* PREAUTH welcome\r\n', '', 'yes'],
    ['* BYE go away\r\n', '', 'yes'],
    ['* OK', '', 'unsure'],
    ['* 3 EXISTS\r\n', '', 'yes'],
    ['', 'a1 CAPABILITY\r\n', 'yes'],
    ['', 'A001 LOGIN user pass\r\n', 'yes'],
    ['', 'a1 LOG', 'unsure'],
    ['+OK POP3 ready\r\n', '', 'no'],
    ['220 mx ESMTP\r\n', '', 'no'],
    ['', 'GET / HTTP/1.1\r\n', 'no'],
    ['', 'EHLO client\r\n', 'no'],
    ['HTTP/1.1 200 OK\r\n', '', 'no'],
    ['\u0016\u0003\u0001\u0002\u0000', '', 'no'],
  ])('server %j, client %j: %s', (server, client, verdict) => {
    expect(detectImap(client ? b(client) : none, server ? b(server) : none)).toBe(verdict);
  });

  it('finds IMAP on an unregistered port by its greeting, and a capture that missed the greeting by the first command', async () => {
    const byGreeting = await play(10143, [
      ['S', GREETING],
      ['C', 'a NOOP\r\n'],
      ['S', 'a OK done\r\n'],
    ]);
    expect(byGreeting.records.connections.map((c) => c.protocol)).toEqual(['imap']);
    const byCommand = await play(20143, [
      ['C', 'x1 CAPABILITY\r\n'],
      ['S', '* CAPABILITY IMAP4rev1\r\nx1 OK done\r\n'],
    ]);
    expect(byCommand.model.sessions[0]!.commands.map((c) => [c.tag, c.command, c.status])).toEqual([['x1', 'CAPABILITY', 'OK']]);
    expect(byCommand.model.sessions[0]!.greeting).toBeNull();
  });

  it('leaves SMTP and POP3 on their own ports to them', async () => {
    const pop = await play(110, [
      ['S', '+OK ready\r\n'],
      ['C', 'CAPA\r\n'],
    ]);
    const smtp = await play(25, [
      ['S', '220 mx ESMTP\r\n'],
      ['C', 'EHLO me\r\n'],
    ]);
    expect([pop, smtp].map((r) => r.records.connections.map((c) => c.protocol))).toEqual([['pop3'], ['smtp']]);
    expect([pop, smtp].map((r) => r.model.sessions.length)).toEqual([0, 0]);
  });
});

describe('IMAP dialogue', () => {
  it('pairs pipelined commands with their completions by tag, in whatever order they come', async () => {
    const { model } = await play(143, [
      ['S', GREETING],
      ['C', 'a1 LOGIN u p\r\n'],
      ['S', 'a1 OK in\r\n'],
      ['C', 'a2 SELECT INBOX\r\na3 FETCH 1 (FLAGS)\r\na4 SEARCH UNSEEN\r\n'],
      ['S', '* 3 EXISTS\r\na2 OK [READ-WRITE] done\r\n* SEARCH 2 3\r\na4 OK searched\r\n* 1 FETCH (FLAGS (\\Seen))\r\na3 NO [SERVERBUG] oops\r\n'],
    ]);
    const s = model.sessions[0]!;
    expect(s.commands.map((c) => [c.tag, c.command, c.status, c.code])).toEqual([
      ['a1', 'LOGIN', 'OK', null],
      ['a2', 'SELECT', 'OK', 'READ-WRITE'],
      ['a3', 'FETCH', 'NO', 'SERVERBUG'],
      ['a4', 'SEARCH', 'OK', null],
    ]);
    expect(s.commands.every((c) => c.completionFrame! > c.frame!)).toBe(true);
    expect(s.selected[0]).toMatchObject({ mailbox: 'INBOX', exists: 3, readOnly: false, status: 'OK' });
    expect(s.searches).toEqual([{ tag: 'a4', uid: false, criteria: 'UNSEEN', frame: s.commands[3]!.frame, results: [2, 3], resultsUnlisted: 0 }]);
    expect(s.fetches[0]).toMatchObject({ number: 1, flags: ['\\Seen'], fetchedBy: 'FETCH 1 (FLAGS)' });
    expect(s.complete).toBe(true);
  });

  it('reads a client literal after the server\'s "+", a LITERAL+ literal without waiting, and a refused one not at all', async () => {
    const { model } = await play(143, [
      ['S', GREETING],
      ['C', 'a1 LOGIN {5}\r\n'],
      ['S', '+ go ahead\r\n'],
      ['C', 'alice {3+}\r\nabc\r\n'],
      ['S', 'a1 OK logged in\r\n'],
      ['C', `a2 APPEND Drafts (\\Draft) {${MESSAGE.length}}\r\n`],
      ['S', 'a2 NO [TRYCREATE] no such mailbox\r\n'],
      ['C', 'a3 NOOP\r\n'],
      ['S', 'a3 OK\r\n'],
      ['C', `a4 APPEND INBOX {${MESSAGE.length}+}\r\n${MESSAGE}\r\n`],
      ['S', '* 1 EXISTS\r\na4 OK [APPENDUID 9 1] stored\r\n'],
    ]);
    const s = model.sessions[0]!;
    expect(s.auth.map((a) => [a.command, a.user, a.secret, a.encoding, a.success])).toEqual([['LOGIN', 'alice', 'abc', 'plain text (literal)', true]]);
    expect(s.commands.map((c) => [c.tag, c.command, c.argument, c.status])).toEqual([
      ['a1', 'LOGIN', '"alice" "abc"', 'OK'],
      ['a2', 'APPEND', 'Drafts (\\Draft)', 'NO'],
      ['a3', 'NOOP', '', 'OK'],
      ['a4', 'APPEND', `INBOX {${MESSAGE.length} bytes}`, 'OK'],
    ]);
    expect(s.transcript.filter((l) => l.side === 'C').map((l) => [l.tag, l.kind ?? null, l.text])).toEqual([
      ['a1', null, 'a1 LOGIN {5}'],
      [null, 'literal', 'alice'],
      [null, null, ' {3+}'],
      [null, 'literal', 'abc'],
      [null, null, ''],
      ['a2', null, `a2 APPEND Drafts (\\Draft) {${MESSAGE.length}}`],
      ['a3', null, 'a3 NOOP'],
      ['a4', null, `a4 APPEND INBOX {${MESSAGE.length}+}`],
      [null, 'data', `(5 lines, ${MESSAGE.length} bytes)`],
      [null, null, ''],
    ]);
    expect(s.messages.map((m) => [m.fetchedBy, m.section, m.subject, m.size, m.complete])).toEqual([
      [`APPEND INBOX {${MESSAGE.length} bytes}`, 'APPEND', '实验', MESSAGE.length, true],
    ]);
  });

  it('reads server literals: a fetched message, a header-only fetch, a mailbox name, and an empty one', async () => {
    const header = 'Subject: =?GB2312?B?suLK1A==?=\r\nFrom: a@x\r\n\r\n';
    const { model } = await play(143, [
      ['S', GREETING],
      ['C', 'a1 LIST "" *\r\n'],
      ['S', '* LIST (\\HasNoChildren \\Sent) "/" {12}\r\n&XfJT0ZAB-xy\r\n* LIST () "/" INBOX\r\na1 OK\r\n'],
      ['C', 'a2 UID FETCH 7 (UID RFC822.SIZE BODY[] BODY.PEEK[HEADER])\r\n'],
      [
        'S',
        `* 1 FETCH (UID 7 RFC822.SIZE ${MESSAGE.length} BODY[] {${MESSAGE.length}}\r\n${MESSAGE} BODY[HEADER] {${header.length}}\r\n${header} FLAGS (\\Seen))\r\n`,
      ],
      ['S', '* 2 FETCH (BODY[TEXT] {0}\r\n)\r\na2 OK done\r\n'],
    ]);
    const s = model.sessions[0]!;
    expect(s.mailboxes.map((m) => [m.name, m.decoded, m.delimiter, m.flags])).toEqual([
      ['&XfJT0ZAB-xy', '已发送xy', '/', ['\\HasNoChildren', '\\Sent']],
      ['INBOX', null, '/', []],
    ]);
    expect(s.fetches.map((f) => [f.number, f.uid, f.size, f.flags, f.items, f.fetchedBy])).toEqual([
      [1, 7, MESSAGE.length, ['\\Seen'], ['UID', 'RFC822.SIZE', 'BODY[]', 'BODY[HEADER]', 'FLAGS'], 'UID FETCH 7 (UID RFC822.SIZE BODY[] BODY.PEEK[HEADER])'],
      [2, null, null, null, ['BODY[TEXT]'], 'UID FETCH 7 (UID RFC822.SIZE BODY[] BODY.PEEK[HEADER])'],
    ]);
    expect(s.messages.map((m) => [m.number, m.uid, m.section, m.subject, m.parts[0]!.text])).toEqual([[1, 7, 'BODY[]', '实验', 'body line\n']]);
    expect(s.fetchedHeaders.map((h) => [h.number, h.uid, h.section, h.subject, h.from])).toEqual([[1, 7, 'BODY[HEADER]', '测试', 'a@x']]);
  });

  it('cites each line at the frame carrying its CRLF and a message at its last byte, one byte per segment', async () => {
    const { model } = await play(143, [
      ['S', GREETING],
      ['C', 'a1 FETCH 1 BODY[]\r\n', { mss: 1 }],
      ['S', `* 1 FETCH (BODY[] {${MESSAGE.length}}\r\n${MESSAGE})\r\na1 OK\r\n`, { mss: 7 }],
    ]);
    const s = model.sessions[0]!;
    const command = s.transcript.find((l) => l.tag === 'a1' && l.side === 'C')!;
    // Handshake 1–3, greeting 4 (+ ACK 5), then the command's 19 one-byte segments in 6–24.
    expect(command.frame).toBe(24);
    const m = s.messages[0]!;
    const fetchLine = `* 1 FETCH (BODY[] {${MESSAGE.length}}\r\n`.length;
    expect(m.frames[0]).toBe(26 + Math.floor(fetchLine / 7));
    expect(m.frame).toBe(26 + Math.floor((fetchLine + MESSAGE.length - 1) / 7));
    expect(m.segments.reduce((t, x) => t + x.bytes, 0)).toBe(MESSAGE.length);
    expect(s.transcript.find((l) => l.kind === 'data')!.frame).toBe(m.frame);
  });

  it('follows IDLE to DONE, and untagged news while idling', async () => {
    const { model } = await play(143, [
      ['S', GREETING],
      ['C', 'i1 IDLE\r\n'],
      ['S', '+ idling\r\n'],
      ['S', '* 4 EXISTS\r\n'],
      ['C', 'DONE\r\n'],
      ['S', 'i1 OK IDLE terminated\r\n'],
      ['C', 'i2 LOGOUT\r\n'],
      ['S', '* BYE bye\r\ni2 OK\r\n'],
    ]);
    const s = model.sessions[0]!;
    expect(s.transcript.map((l) => [l.side, l.tag, l.command, l.status, l.kind ?? null])).toEqual([
      ['S', '*', null, 'OK', null],
      ['C', 'i1', 'IDLE', null, null],
      ['S', '+', null, null, 'continue'],
      ['S', '*', 'EXISTS', null, null],
      ['C', null, 'DONE', null, null],
      ['S', 'i1', 'IDLE', 'OK', null],
      ['C', 'i2', 'LOGOUT', null, null],
      ['S', '*', null, 'BYE', null],
      ['S', 'i2', 'LOGOUT', 'OK', null],
    ]);
    expect(s.bye).toMatchObject({ text: 'bye' });
  });

  it('knows the PREAUTH and BYE greetings', async () => {
    const pre = await play(143, [
      ['S', '* PREAUTH [CAPABILITY IMAP4rev2] logged in as you\r\n'],
      ['C', 'a EXAMINE INBOX\r\n'],
      ['S', '* 0 EXISTS\r\na OK [READ-ONLY] examined\r\n'],
    ]);
    const s = pre.model.sessions[0]!;
    expect([s.greetingStatus, s.greeting, s.capabilities]).toEqual([
      'PREAUTH',
      'logged in as you',
      [{ frame: 4, source: 'greeting', authenticated: true, names: ['IMAP4rev2'] }],
    ]);
    expect(s.selected[0]).toMatchObject({ command: 'EXAMINE', readOnly: true, exists: 0 });
    const bye = await play(143, [['S', '* BYE [UNAVAILABLE] too many connections\r\n']]);
    expect(bye.model.sessions[0]).toMatchObject({ greetingStatus: 'BYE', greeting: 'too many connections', bye: { text: 'too many connections' } });
  });
});

describe('IMAP authentication and secrets', () => {
  const cramChallenge = '<1896.697170952@postoffice.example.net>';
  const digest = createHmac('md5', 'tanstaaftanstaaf').update(cramChallenge).digest('hex');
  it.each([
    [
      'PLAIN after "+"',
      [
        ['C', 'a AUTHENTICATE PLAIN\r\n'],
        ['S', '+ \r\n'],
        ['C', `${b64('\0alice\0s3cret-plain')}\r\n`],
        ['S', 'a OK welcome\r\n'],
      ],
      { mechanism: 'PLAIN', user: 'alice', secret: 's3cret-plain', success: true },
    ],
    [
      'PLAIN with SASL-IR',
      [
        ['C', `a AUTHENTICATE PLAIN ${b64('\0bob\0ir-secret')}\r\n`],
        ['S', 'a OK welcome\r\n'],
      ],
      { mechanism: 'PLAIN', user: 'bob', secret: 'ir-secret', success: true },
    ],
    [
      'LOGIN, refused',
      [
        ['C', 'a AUTHENTICATE LOGIN\r\n'],
        ['S', '+ VXNlcm5hbWU6\r\n'],
        ['C', `${b64('carol')}\r\n`],
        ['S', '+ UGFzc3dvcmQ6\r\n'],
        ['C', `${b64('wrong-pass')}\r\n`],
        ['S', 'a NO [AUTHENTICATIONFAILED] Authentication failed.\r\n'],
      ],
      { mechanism: 'LOGIN', user: 'carol', secret: 'wrong-pass', success: false, result: 'NO [AUTHENTICATIONFAILED] Authentication failed.' },
    ],
    [
      'CRAM-MD5',
      [
        ['C', 'a AUTHENTICATE CRAM-MD5\r\n'],
        ['S', `+ ${b64(cramChallenge)}\r\n`],
        ['C', `${b64(`tim ${digest}`)}\r\n`],
        ['S', 'a OK\r\n'],
      ],
      { mechanism: 'CRAM-MD5', user: 'tim', secret: digest, encoding: 'HMAC-MD5 digest (base64)' },
    ],
    [
      'XOAUTH2, refused with an error challenge',
      [
        ['C', `a AUTHENTICATE XOAUTH2 ${b64('user=dave@x\u0001auth=Bearer ya29.token-value\u0001\u0001')}\r\n`],
        ['S', `+ ${b64('{"status":"401"}')}\r\n`],
        ['C', '\r\n'],
        ['S', 'a NO [AUTHENTICATIONFAILED] Invalid credentials\r\n'],
      ],
      { mechanism: 'XOAUTH2', user: 'dave@x', secret: 'ya29.token-value', success: false },
    ],
    [
      'a cancelled exchange',
      [
        ['C', 'a AUTHENTICATE PLAIN\r\n'],
        ['S', '+ \r\n'],
        ['C', '*\r\n'],
        ['S', 'a BAD cancelled\r\n'],
        ['C', 'b NOOP\r\n'],
        ['S', 'b OK\r\n'],
      ],
      { mechanism: 'PLAIN', user: null, success: false },
    ],
  ] as [string, Step[], Record<string, unknown>][])('%s', async (_name, steps, expected) => {
    const { model } = await play(143, [['S', GREETING], ...steps]);
    const s = model.sessions[0]!;
    expect(s.auth).toHaveLength(1);
    expect(s.auth[0]).toMatchObject({ command: 'AUTHENTICATE', tag: 'a', ...expected });
    // After the exchange, lines are commands again.
    expect(s.commands.at(-1)!.status).not.toBeNull();
  });

  it('masks every password in every field of the model, however short or however written', async () => {
    const passwords = ['ab', 'pa"ss\\wd', 'lit-secret', 'sasl-secret'];
    const { model } = await play(
      143,
      [
        ['S', GREETING],
        ['C', 'a1 LOGIN u1 ab\r\n'],
        ['S', 'a1 NO [AUTHENTICATIONFAILED] no\r\n'],
        ['C', 'a2 LOGIN "u2" "pa\\"ss\\\\wd"\r\n'],
        ['S', 'a2 NO no\r\n'],
        ['C', 'a3 LOGIN u3 {10+}\r\nlit-secret\r\n'],
        ['S', 'a3 NO no\r\n'],
        ['C', `a4 AUTHENTICATE PLAIN ${b64('\0u4\0sasl-secret')}\r\n`],
        ['S', 'a4 OK\r\n'],
      ],
      { reveal: false },
    );
    const json = JSON.stringify(model);
    // "ab" is too short to look for in the whole model ("capabilities" holds it): the lines and arguments are checked below.
    for (const p of passwords.slice(1)) {
      expect(json).not.toContain(p);
      expect(json).not.toContain(JSON.stringify(p).slice(1, -1)); // as JSON escapes it
      for (const form of [b64(p), Buffer.from(p).toString('hex')]) expect(json).not.toContain(form);
    }
    expect(json).not.toContain(b64('\0u4\0sasl-secret'));
    const s = model.sessions[0]!;
    expect(s.auth.map((a) => [a.user, a.secret, a.secretLength])).toEqual([
      ['u1', null, 2],
      ['u2', null, 8],
      ['u3', null, 10],
      ['u4', null, 11],
    ]);
    expect(s.transcript.filter((l) => l.side === 'C').map((l) => l.text)).toEqual([
      `a1 LOGIN u1 ${MASK}`,
      `a2 LOGIN "u2" "${MASK}"`,
      'a3 LOGIN u3 {10+}',
      MASK,
      '',
      `a4 AUTHENTICATE PLAIN ${MASK}`,
    ]);
    expect(s.commands.map((c) => c.argument)).toEqual([`u1 ${MASK}`, `"u2" "${MASK}"`, `u3 "${MASK}"`, `PLAIN ${MASK}`]);
    expect(s.user).toBe('u4');
  });

  it('shows the passwords with --reveal-secrets', async () => {
    const { model } = await play(143, [
      ['S', GREETING],
      ['C', 'a1 LOGIN u1 ab\r\n'],
      ['S', 'a1 OK\r\n'],
    ]);
    expect(model.sessions[0]!.auth[0]!.secret).toBe('ab');
    expect(model.sessions[0]!.transcript[1]!.text).toBe('a1 LOGIN u1 ab');
  });
});

describe('IMAP encryption', () => {
  const tls = Buffer.from([0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5]);
  it('reads the dialogue up to STARTTLS and says from which frame it is encrypted', async () => {
    const { model } = await play(143, [
      ['S', GREETING],
      ['C', 's1 STARTTLS\r\n'],
      ['S', 's1 OK Begin TLS negotiation now\r\n'],
      ['C', tls],
      ['S', tls],
      ['C', Buffer.from([0x17, 0x03, 0x03, 0, 1, 9])],
    ]);
    const s = model.sessions[0]!;
    // Handshake 1–3, greeting 4, ACK 5, STARTTLS 6, ACK 7, OK 8, ACK 9, the ClientHello 10.
    expect([s.tls, s.tlsFrame]).toEqual(['starttls', 10]);
    expect(s.transcript.at(-1)).toMatchObject({ kind: 'tls', frame: 10, side: 'C' });
    expect(s.commands.map((c) => c.command)).toEqual(['STARTTLS']);
  });

  it('recognises implicit TLS on 993 from the first byte', async () => {
    const { model, records } = await play(993, [
      ['C', tls],
      ['S', tls],
    ]);
    // TLS claims the connection by its ClientHello; IMAP, the port's protocol, still records its session as encrypted.
    expect(records.connections.map((c) => c.protocol)).toEqual(['tls']);
    expect(model.sessions.map((s) => [s.tls, s.tlsFrame, s.commands.length])).toEqual([['implicit', 4, 0]]);
  });
});

describe('IMAP damage and bounds', () => {
  it('counts a hole inside a fetched message against it, and finds the completion after it', async () => {
    const body = `${MESSAGE}${'x'.repeat(3000)}\r\n`;
    const { model, records } = await play(143, [
      ['S', GREETING],
      ['C', 'a1 FETCH 1 BODY[]\r\n'],
      ['S', `* 1 FETCH (BODY[] {${body.length}}\r\n${body})\r\na1 OK fetched\r\n`, { mss: 1000, drop: [1] }],
      ['C', 'a2 NOOP\r\n'],
      ['S', 'a2 OK\r\n'],
    ]);
    const s = model.sessions[0]!;
    expect(s.messages.map((m) => [m.complete, m.size, m.subject])).toEqual([[false, body.length, '实验']]);
    expect(s.commands.map((c) => [c.tag, c.status])).toEqual([
      ['a1', 'OK'],
      ['a2', 'OK'],
    ]);
    expect(s.complete).toBe(false);
    expect(records.warnings.list.some((w) => /1000 bytes of a \d+-byte IMAP literal/.test(w.message))).toBe(true);
  });

  it('goes on with the line after a literal that a hole swallowed whole', async () => {
    const { model, records } = await play(143, [
      ['S', GREETING],
      ['C', 'a1 FETCH 1 BODY[]\r\n'],
      ['S', `* 1 FETCH (BODY[] {${MESSAGE.length}}\r\n`],
      ['S', MESSAGE, { drop: [0] }],
      ['S', ' FLAGS (\\Seen))\r\na1 OK\r\n'],
    ]);
    const s = model.sessions[0]!;
    expect(s.messages.map((m) => [m.complete, m.size, m.frames])).toEqual([[false, MESSAGE.length, []]]);
    expect(s.fetches.map((f) => f.flags)).toEqual([['\\Seen']]);
    expect(s.commands.map((c) => c.status)).toEqual(['OK']);
    expect(records.warnings.list.map((w) => w.message).filter((m) => m.includes('is not an IMAP'))).toEqual([]);
  });

  it('keeps what a capture cut off in the middle of a message holds', async () => {
    const { model } = await play(
      143,
      [
        ['S', GREETING],
        ['C', 'a1 FETCH 1 BODY[]\r\n'],
        ['S', `* 1 FETCH (BODY[] {5000}\r\n${MESSAGE}`],
      ],
      { close: false },
    );
    const s = model.sessions[0]!;
    expect(s.messages.map((m) => [m.complete, m.size, m.subject, m.segments.reduce((t, x) => t + x.bytes, 0)])).toEqual([
      [false, 5000, '实验', MESSAGE.length],
    ]);
    expect(s.fetches).toHaveLength(1);
    expect(s.commands[0]!.status).toBeNull();
    expect(s.complete).toBe(false);
  });

  it('reads an enormous announced literal as data without keeping it', async () => {
    const { model } = await play(143, [
      ['S', GREETING],
      ['C', 'a1 LOGIN {999999999999}\r\n'],
      ['C', 'y'.repeat(20_000)],
      ['S', 'a1 BAD too big\r\n'],
      ['C', 'a2 NOOP\r\n'],
    ]);
    const s = model.sessions[0]!;
    // The server refused only after the client had started sending (without waiting for "+"): the bytes are the literal's, a2 too.
    expect(s.commands.map((c) => [c.tag, c.status])).toEqual([['a1', 'BAD']]);
    expect(JSON.stringify(model).length).toBeLessThan(10_000);
  });

  it('bounds the transcript, the commands and the search results', async () => {
    const limits = { ...DEFAULT_LIMITS, maxTranscriptLines: 10 };
    const numbers = Array.from({ length: MAX_SEARCH_RESULTS + 5 }, (_, i) => i + 1).join(' ');
    const noops = Array.from({ length: 20 }, (_, i) => `n${i} NOOP\r\n`).join('');
    const { model } = await play(
      143,
      [
        ['S', GREETING],
        ['C', 'a SEARCH ALL\r\n'],
        ['S', `* SEARCH ${numbers}\r\na OK\r\n`],
        ['C', noops],
        ['S', noops.replace(/NOOP/g, 'OK')],
      ],
      { limits },
    );
    const s = model.sessions[0]!;
    expect(s.transcript).toHaveLength(10);
    expect(s.transcriptUnlisted).toBe(1 + 3 + 40 - 10);
    expect(s.commands).toHaveLength(10);
    expect(s.commandsUnlisted).toBe(11);
    expect(s.searches[0]!.results).toHaveLength(MAX_SEARCH_RESULTS);
    expect(s.searches[0]!.resultsUnlisted).toBe(5);
  });

  it('reads at most MAX_LITERALS_PER_MESSAGE literals in one response, then lines', async () => {
    const many = Array.from({ length: MAX_LITERALS_PER_MESSAGE + 1 }, () => ' X {0}\r\n').join('');
    const { model, records } = await play(143, [
      ['S', GREETING],
      ['C', 'a FETCH 1 ALL\r\n'],
      ['S', `* 1 FETCH (FLAGS (\\Seen)${many})\r\na OK\r\n`],
    ]);
    expect(model.sessions[0]!.commands.map((c) => c.status)).toEqual(['OK']);
    expect(records.warnings.list.map((w) => w.message)).toContainEqual(expect.stringContaining(`more than ${MAX_LITERALS_PER_MESSAGE} literals`));
  });

  it('warns about lines that are not IMAP and goes on', async () => {
    const { model, records } = await play(143, [
      ['S', GREETING],
      ['C', 'garbage\r\n'],
      ['S', 'neither here nor there\r\n'],
      ['C', 'a NOOP\r\n'],
      ['S', 'a OK\r\n'],
    ]);
    expect(model.sessions[0]!.commands.map((c) => [c.tag, c.status])).toEqual([['a', 'OK']]);
    expect(records.warnings.list.map((w) => w.message)).toEqual([
      expect.stringContaining('"garbage" is not an IMAP command'),
      expect.stringContaining('"neither here nor there" is not an IMAP response'),
    ]);
  });
});

describe('IMAP under mutation', () => {
  it('turns 300 mutated recorded captures into valid models or a capture error, never a crash', async () => {
    const corpus = loadCorpus([join(OWN_FIXTURES, 'imap')]);
    expect(corpus).toHaveLength(3);
    let models = 0;
    for (let i = 0; i < 300; i++) {
      const c = mutateCase(12, i, corpus);
      const file = tempFile(`imap-mutated-${i}.pcapng`, c.bytes);
      try {
        await imapModel(file, { reveal: false });
        models++;
      } catch (e) {
        if (!(e instanceof CaptureError)) throw new Error(`case ${i} (${c.fixture}: ${c.mutations.join('; ')}): ${(e as Error).stack}`);
      }
    }
    expect(models).toBeGreaterThan(150);
  });
});

describe('IMAP under hostile text', () => {
  const TOKENS = [
    '{5}\r\n',
    '{0}\r\n',
    '{3+}\r\n',
    '{99999}\r\n',
    '~{2}\r\n',
    '(',
    ')',
    '"',
    '\\',
    '[',
    ']',
    '\r\n',
    '* ',
    '+ ',
    'a1 OK ',
    ' BODY[] {4}\r\n',
    'AUTHENTICATE PLAIN\r\n',
    'IDLE\r\n',
    'DONE\r\n',
    ' STARTTLS\r\n',
  ];
  const CLIENT =
    'a1 LOGIN {5}\r\nalice "pw"\r\na2 SELECT INBOX\r\na3 FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (FROM)])\r\na4 IDLE\r\nDONE\r\na5 AUTHENTICATE PLAIN\r\nAGEAYg==\r\na6 LOGOUT\r\n';
  const SERVER = `${GREETING}+ ok\r\na1 OK\r\n* 2 EXISTS\r\n* LIST () "/" {3}\r\nabc\r\na2 OK [READ-WRITE]\r\n* 1 FETCH (FLAGS (\\Seen) BODY[HEADER.FIELDS (FROM)] {11}\r\nFrom: a@x\r\n)\r\na3 OK\r\n+ idling\r\na4 OK\r\n+ \r\na5 OK\r\n* BYE\r\na6 OK\r\n`;
  const mutate = (text: string, r: Rng) => {
    let s = text;
    for (let k = r.between(1, 4); k > 0; k--) {
      const at = r.between(0, s.length);
      const cut = r.between(0, 6);
      s = s.slice(0, at) + r.pick(TOKENS) + s.slice(Math.min(s.length, at + cut));
    }
    return s;
  };
  it('reads 200 damaged dialogues into valid models', async () => {
    for (let i = 0; i < 200; i++) {
      const r = caseRng(7, i);
      const client = mutate(CLIENT, r);
      const server = mutate(SERVER, r);
      const half = (s: string) => [s.slice(0, s.length >> 1), s.slice(s.length >> 1)];
      const [c1, c2] = half(client);
      const [s1, s2] = half(server);
      const mss = r.between(1, 40);
      const { model } = await play(r.chance(0.5) ? 143 : 1143, [
        ['S', s1!, { mss }],
        ['C', c1!, { mss }],
        ['S', s2!, { mss }],
        ['C', c2!, { mss }],
      ]);
      for (const s of model.sessions) expect(s.transcript.every((l) => l.frame > 0)).toBe(true);
    }
  });
});
