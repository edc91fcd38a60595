import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dissectCapture } from '../src/dissect.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { analyse } from '../src/report/analyse.js';
import type { TranscriptLine } from '../src/protocols/mail/schema.js';
import { ReportModel } from '../src/report/schema.js';
import { OWN_FIXTURES, PUBLIC_FIXTURES, captures } from './helpers/files.js';

/*
 * Fidelity for mail: on every capture whose tshark ground truth has SMTP or POP rows, each
 * command tshark shows is a client line of ours at the same frame, each reply code or
 * +OK/-ERR indicator a server line of ours at the same frame, and each IMF (message) frame
 * is where one of our messages ends; and we show no command, reply or message tshark does
 * not. Known differences are named with their reason.
 */

interface Truth {
  smtp: Record<string, unknown>[];
  pop: Record<string, unknown>[];
  imf: Record<string, unknown>[];
}

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const squash = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** tshark 4.0 reads an SMTP command as its first four characters: STARTTLS becomes command "STAR", parameter "TLS". */
const tsharkSmtpCommand = (command: string, parameter: string) => (command === 'STAR' && parameter === 'TLS' ? 'STARTTLS' : command + parameter);

/** Client lines tshark shows as commands although they are SASL responses, which tshark 4.0's POP dissector does not know. */
const KNOWN_SASL_AS_COMMAND: Record<string, { frames: number[]; reason: string }> = {
  'pop3-user-pass-auth-plain.pcapng': {
    frames: [56, 85, 104],
    reason:
      'After "AUTH PLAIN" and the server\'s "+ " continuation, the client sends its base64 credentials (RFC 5034). tshark 4.0 shows that line as a POP command named after the base64 text; labreport reads it as the SASL response it is.',
  },
};

/** Captures where tshark does not reassemble POP3 messages, and cites each segment as a message of its own. */
const KNOWN_UNREASSEMBLED_RETR: Record<string, string> = {
  'pop3-user-pass-auth-plain.pcapng':
    'The server answers RETR with a bare "+OK" (no size in octets), so tshark 4.0 does not reassemble the messages: it dissects each segment as a separate IMF and shows the Subject at whichever segment holds it (e.g. frame 22 of RETR 2, ending in frame 24). labreport reads each message up to the lone dot and cites it at the frame carrying its last byte; the frame tshark shows is one of the frames it spans.',
};

const withTruth = [...captures(PUBLIC_FIXTURES), ...captures(OWN_FIXTURES)].filter((f) => existsSync(`${f}.truth.json`));
const mailCaptures = withTruth.filter((f) => {
  const t = JSON.parse(readFileSync(`${f}.truth.json`, 'utf8')) as Truth;
  return t.smtp.length > 0 || t.pop.length > 0;
});

async function model(path: string) {
  return ReportModel.parse(await analyse(dissectCapture(path), { limits: DEFAULT_LIMITS, fileSize: 0, generator: 'test', revealSecrets: true }));
}

describe('SMTP and POP3 agree with tshark', () => {
  it('covers the public mail captures', () => {
    expect(mailCaptures.map((f) => basename(f))).toEqual(
      expect.arrayContaining([
        'pop3-retr-gb2312.pcap',
        'pop3-user-pass-auth-plain.pcapng',
        'smtp-attachment.pcapng',
        'smtp-auth-login-attachment.pcap',
        'smtp-starttls-ipv4-ipv6.pcap',
      ]),
    );
  });

  it.each(mailCaptures)('%s', async (path) => {
    const truth = JSON.parse(readFileSync(`${path}.truth.json`, 'utf8')) as Truth;
    const m = await model(path);
    const known = new Set(KNOWN_SASL_AS_COMMAND[basename(path)]?.frames ?? []);
    const lines: TranscriptLine[] = [...m.smtp.sessions, ...m.pop3.sessions].flatMap((s) => s.transcript);

    // Commands (and SMTP AUTH responses, which tshark shows as auth.username / auth.password).
    const theirCommands: string[] = [];
    for (const row of truth.smtp) {
      const f = row['frame.number'] as number;
      const cmds = list(row['smtp.req.command']);
      const params = list(row['smtp.req.parameter']);
      cmds.forEach((c, i) => theirCommands.push(`${f} ${squash(tsharkSmtpCommand(c, params[i] ?? ''))}`));
      for (const a of [...list(row['smtp.auth.username']), ...list(row['smtp.auth.password'])]) theirCommands.push(`${f} ${squash(a)}`);
    }
    for (const row of truth.pop) {
      const f = row['frame.number'] as number;
      if (known.has(f)) continue;
      const cmds = list(row['pop.request.command']);
      const params = list(row['pop.request.parameter']);
      cmds.forEach((c, i) => theirCommands.push(`${f} ${squash(c + (params[i] ?? ''))}`));
    }
    const ourCommands = lines
      .filter((l) => l.side === 'C' && (l.command || l.kind === 'sasl') && !known.has(l.frame))
      // tshark shows the SASL exchange lines of SMTP only (auth.username/password); POP3's are the known difference above.
      .filter((l) => l.kind !== 'sasl' || m.smtp.sessions.some((s) => s.transcript.includes(l)))
      .map((l) => `${l.frame} ${squash(l.text)}`);
    expect(ourCommands.sort()).toEqual(theirCommands.sort());

    // Replies: SMTP codes and POP3 indicators, by frame.
    const theirReplies = new Set<string>();
    for (const row of truth.smtp) for (const c of list(row['smtp.response.code'])) theirReplies.add(`${row['frame.number']} ${c}`);
    for (const row of truth.pop) for (const c of list(row['pop.response.indicator'])) theirReplies.add(`${row['frame.number']} ${c}`);
    const ourReplies = new Set(lines.filter((l) => l.side === 'S' && (l.code !== undefined || l.indicator)).map((l) => `${l.frame} ${l.code ?? l.indicator}`));
    expect([...ourReplies].sort()).toEqual([...theirReplies].sort());

    // Messages: every IMF frame tshark shows ends one of our messages, with the same subject.
    const ourMessages = [...m.smtp.sessions, ...m.pop3.sessions].flatMap((s) => s.messages);
    const unreassembled = basename(path) in KNOWN_UNREASSEMBLED_RETR;
    for (const row of truth.imf.filter((r) => r['imf.subject'] !== undefined)) {
      const frame = Number(row['frame.number']);
      const msg = ourMessages.find((x) => (unreassembled ? x.frames.includes(frame) : x.frame === frame));
      expect(msg, `message ending in frame ${row['frame.number']}`).toBeDefined();
      const subject = (row['imf.subject.decoded'] ?? row['imf.subject']) as string;
      expect(msg!.subject).toBe(subject);
    }
  });

  it('decodes the GB2312 subjects to the right Chinese text', async () => {
    const pop = await model(`${PUBLIC_FIXTURES}/pop3-retr-gb2312.pcap`);
    const retr = pop.pop3.sessions.flatMap((s) => s.messages);
    expect(retr.map((x) => x.subject)).toContain('回复: 回复: 测试1下');
    const lab = await model(`${OWN_FIXTURES}/lab.pcapng`);
    const sent = lab.smtp.sessions[0]!.messages[0]!;
    const fetched = lab.pop3.sessions[0]!.messages[0]!;
    expect(sent.subject).toBe('计算机网络实验：HTTP与邮件协议');
    expect(fetched.subject).toBe(sent.subject);
    expect(sent.headers.find((h) => h.name === 'Subject')).toEqual({
      name: 'Subject',
      value: '=?GB2312?B?vMbL47v6zfjC58q10emjukhUVFDT69PKvP7QrdLp?=',
      lines: 1,
      decoded: '计算机网络实验：HTTP与邮件协议',
    });
    expect(sent.from).toBe('王小明 <student@lab.test>');
  });

  it('lists the MIME tree of the lab mail with each part decoded', async () => {
    const lab = await model(`${OWN_FIXTURES}/lab.pcapng`);
    const parts = lab.smtp.sessions[0]!.messages[0]!.parts;
    expect(parts.map((p) => [p.path, p.contentType, p.charset, p.transferEncoding, p.attachment])).toEqual([
      // No Content-Transfer-Encoding on the multiparts: 7bit, RFC 2045 §6.1's default.
      ['', 'multipart/mixed', null, '7bit', false],
      ['1', 'multipart/alternative', null, '7bit', false],
      ['1.1', 'text/plain', 'GB2312', 'base64', false],
      ['1.2', 'text/html', 'GB2312', 'quoted-printable', false],
      ['2', 'text/plain', 'UTF-8', 'base64', true],
    ]);
    expect(parts[2]!.text).toContain('李老师您好');
    expect(parts[3]!.text).toContain('<p>李老师您好：</p>');
    expect(lab.smtp.sessions[0]!.messages[0]!.attachments).toEqual([{ filename: 'notes.txt', contentType: 'text/plain', size: 476, sha256: parts[4]!.sha256 }]);
  });

  it('recognises STARTTLS and stops reading where TLS begins', async () => {
    const m = await model(`${PUBLIC_FIXTURES}/smtp-starttls-ipv4-ipv6.pcap`);
    expect(m.smtp.sessions.map((s) => [s.tls, s.tlsFrame, s.server.ip.includes(':')])).toEqual([
      ['starttls', 10, false],
      ['starttls', 45, true],
    ]);
    expect(m.smtp.sessions.every((s) => s.messages.length === 0 && s.ehlo!.keywords.some((k) => k.keyword === 'STARTTLS'))).toBe(true);
  });

  it('decodes AUTH LOGIN and a failed and a successful POP3 login', async () => {
    const smtp = await model(`${PUBLIC_FIXTURES}/smtp-auth-login-attachment.pcap`);
    const auth = smtp.smtp.sessions[0]!.auth[0]!;
    expect(auth).toMatchObject({ mechanism: 'LOGIN', user: 'gurpartap@patriots.in', secret: 'punjab@123', success: true, encoding: 'base64' });
    expect(auth.steps.map((s) => [s.side, s.frame, s.decoded])).toEqual([
      ['S', 11, 'Username:'],
      ['C', 12, 'gurpartap@patriots.in'],
      ['S', 13, 'Password:'],
      ['C', 14, 'punjab@123'],
    ]);
    const pop = await model(`${PUBLIC_FIXTURES}/pop3-retr-gb2312.pcap`);
    expect(pop.pop3.sessions.map((s) => s.auth.map((a) => [a.user, a.success]))).toEqual([[['test@tt.com', false]], [['test', true]]]);
  });
});
