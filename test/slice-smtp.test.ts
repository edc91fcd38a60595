import { beforeAll, describe, expect, it } from 'vitest';
import type { Smtp } from '../src/protocols/smtp/schema.js';
import { smtpView } from '../src/protocols/smtp/view.js';
import type { ReportModel } from '../src/report/schema.js';
import { tshark } from './helpers/files.js';
import { modelOf, sessionsCapture, viewContext, type Turn } from './helpers/slices.js';

/*
 * The SMTP slice on one small synthesised session, the textbook's: greeting, EHLO and its
 * extension lines, AUTH LOGIN with its 334 prompts, MAIL FROM / RCPT TO, DATA with a message
 * whose subject is an RFC 2047 GB2312 word and whose body is base64 GB2312 with a dot-stuffed
 * line, QUIT. Records → model (smtp/analyse.ts and the shared mail code: commands and replies
 * at tshark's frames, the login decoded and masked, the envelope, the message decoded and
 * unstuffed); model → template data (view.ts: the C:/S: dialogue explained, the message's
 * fields, in both languages).
 */

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
// "测试" in GB2312, and "测试邮件" (a test mail).
const GB_TEST = 'suLK1A==';
const GB_MAIL = Buffer.from([0xb2, 0xe2, 0xca, 0xd4, 0xd3, 0xca, 0xbc, 0xfe]).toString('base64');
const MESSAGE = [
  'From: Ann <ann@example.org>',
  'To: Bob <bob@example.net>',
  `Subject: =?GB2312?B?${GB_TEST}?= report`,
  'Date: Tue, 14 Nov 2023 22:13:20 +0000',
  'Message-ID: <1@example.org>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=gb2312',
  'Content-Transfer-Encoding: base64',
  '',
  GB_MAIL,
  '--b1',
  'Content-Type: text/plain; charset=us-ascii',
  '',
  '.a line that starts with a dot',
  '--b1--',
  '',
].join('\r\n');
/** As sent: each line starting with a dot gets one more (RFC 5321 section 4.5.2), then the lone dot. */
const STUFFED = `${MESSAGE.replace(/^\./gm, '..')}.\r\n`;
const TURNS: Turn[] = [
  [false, '220 mx.example.net ESMTP ready\r\n'],
  [true, 'EHLO client.example.org\r\n'],
  [false, '250-mx.example.net\r\n250-AUTH LOGIN PLAIN\r\n250-SIZE 10240000\r\n250 8BITMIME\r\n'],
  [true, 'AUTH LOGIN\r\n'],
  [false, `334 ${b64('Username:')}\r\n`],
  [true, `${b64('ann@example.org')}\r\n`],
  [false, `334 ${b64('Password:')}\r\n`],
  [true, `${b64('Secr3t-pw')}\r\n`],
  [false, '235 2.7.0 Authentication successful\r\n'],
  [true, 'MAIL FROM:<ann@example.org>\r\n'],
  [false, '250 2.1.0 Ok\r\n'],
  [true, 'RCPT TO:<bob@example.net>\r\n'],
  [false, '250 2.1.5 Ok\r\n'],
  [true, 'DATA\r\n'],
  [false, '354 End data with <CR><LF>.<CR><LF>\r\n'],
  [true, STUFFED, 120],
  [false, '250 2.0.0 Ok: queued as 4ABC\r\n'],
  [true, 'QUIT\r\n'],
  [false, '221 2.0.0 Bye\r\n'],
];

let path: string;
let model: ReportModel;
let smtp: Smtp;

beforeAll(async () => {
  path = sessionsCapture('slice-smtp.pcap', [{ client: { ip: '10.1.1.10', port: 50500 }, server: { ip: '10.1.1.25', port: 25 }, turns: TURNS }]);
  model = await modelOf(path);
  smtp = (model as unknown as { smtp: Smtp }).smtp;
});

describe('SMTP analysis: records → model', () => {
  it('one session, with its greeting, EHLO domain and keywords', () => {
    expect(smtp.sessions.length).toBe(1);
    const s = smtp.sessions[0]!;
    expect(s.banner).toBe('mx.example.net ESMTP ready');
    expect(s.ehlo?.domain).toBe('client.example.org');
    expect(s.ehlo?.keywords.map((k) => k.keyword)).toEqual(['AUTH', 'SIZE', '8BITMIME']);
    expect(s.ehlo?.keywords[0]!.params).toBe('LOGIN PLAIN');
    expect(s.envelope).toEqual({ from: 'ann@example.org', to: ['bob@example.net'] });
    expect(s.tls).toBe('none');
  });

  it('commands and reply codes at the frames tshark shows them', () => {
    const s = smtp.sessions[0]!;
    const rows = tshark(path, ['frame.number', 'smtp.req.command', 'smtp.response.code'], { filter: 'smtp.req.command || smtp.response.code' });
    const commands = rows.filter((r) => r[1]).map((r) => [Number(r[0]), r[1]!.toUpperCase()]);
    // tshark's last reply code of a frame (a multi-line reply lists one per line).
    const replies = rows.filter((r) => r[2]).map((r) => [Number(r[0]), Number(r[2]!.split(',').at(-1))]);
    expect(s.transcript.filter((l) => l.side === 'C' && l.command && l.kind !== 'sasl' && l.kind !== 'data').map((l) => [l.frame, l.command])).toEqual(
      commands,
    );
    expect(s.replies.map((r) => [r.frame, r.code])).toEqual(replies);
  });

  it('decodes AUTH LOGIN: the user shown, the password masked everywhere, the login accepted', () => {
    const [auth] = smtp.sessions[0]!.auth;
    expect(auth).toMatchObject({ mechanism: 'LOGIN', user: 'ann@example.org', secret: null, secretLength: 'Secr3t-pw'.length, success: true });
    expect(auth!.steps.map((s) => [s.side, s.decoded])).toEqual([
      ['S', 'Username:'],
      ['C', 'ann@example.org'],
      ['S', 'Password:'],
      ['C', expect.not.stringContaining('Secr3t')],
    ]);
    const json = JSON.stringify(model);
    expect(json).not.toContain('Secr3t-pw');
    expect(json).not.toContain(b64('Secr3t-pw'));
  });

  it('decodes the message: RFC 2047 GB2312 subject, base64 GB2312 body, dot-unstuffed, with its frames', () => {
    const [m] = smtp.sessions[0]!.messages;
    expect(m!.subject).toBe('测试 report');
    expect(m!.from).toBe('Ann <ann@example.org>');
    expect(m!.to).toEqual(['Bob <bob@example.net>']);
    expect(m!.messageId).toBe('<1@example.org>');
    expect(m!.headers.find((h) => h.name === 'Subject')).toMatchObject({ value: `=?GB2312?B?${GB_TEST}?= report`, decoded: '测试 report' });
    expect(m!.parts.map((p) => [p.path, p.contentType, p.charset, p.transferEncoding, p.text?.trimEnd() ?? null])).toEqual([
      ['', 'multipart/mixed', null, '7bit', null],
      ['1', 'text/plain', 'gb2312', 'base64', '测试邮件'],
      ['2', 'text/plain', 'us-ascii', '7bit', '.a line that starts with a dot'],
    ]);
    // The message as sent, after dot-unstuffing: the ".." line one dot shorter, the lone dot not counted.
    expect(m!.size).toBe(Buffer.byteLength(MESSAGE));
    expect(m!.complete).toBe(true);
    expect(m!.segments.length).toBeGreaterThan(1);
    expect(m!.frame).toBe(m!.frames.at(-1));
    // tshark's IMF dissector finds the same subject (raw, as sent) at the same frame.
    const [imf] = tshark(path, ['frame.number', 'imf.subject'], { filter: 'imf' });
    expect(imf).toEqual([String(m!.frame), `=?GB2312?B?${GB_TEST}?= report`]);
  });

  it('chooses the session with a login and a message, and lists its packets', () => {
    expect(smtp.selection.session?.stream).toBe(smtp.sessions[0]!.stream);
    const frames = tshark(path, ['frame.number'], { filter: 'smtp' }).map((r) => Number(r[0]));
    expect(smtp.packets.map((p) => p.frame)).toEqual(frames);
  });
});

describe('SMTP view: model → template data', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`the session block is the C:/S: dialogue with each command and code explained (${lang})`, () => {
      const block = smtpView.blocks.session!(smtp, viewContext(model, smtpView, smtp, lang));
      expect(block.partial).not.toBe('missing');
      const text = JSON.stringify(block.data);
      for (const shown of ['EHLO client.example.org', 'MAIL FROM:<ann@example.org>', 'RCPT TO:<bob@example.net>', '354', '221'])
        expect(text, shown).toContain(shown);
      expect(text).not.toContain('Secr3t');
      expect(text).not.toContain(b64('Secr3t-pw'));
      if (lang === 'zh') expect(text).toMatch(/[\u4e00-\u9fff]{4}/);
    });

    it(`the message block shows the decoded subject and body (${lang})`, () => {
      const block = smtpView.blocks.message!(smtp, viewContext(model, smtpView, smtp, lang));
      expect(block.partial).not.toBe('missing');
      const text = JSON.stringify(block.data);
      expect(text).toContain('测试 report');
      expect(text).toContain('测试邮件');
    });

    it(`the structure block takes a command line and a reply line apart (${lang})`, () => {
      const block = smtpView.blocks.structure!(smtp, viewContext(model, smtpView, smtp, lang));
      expect(block.partial).not.toBe('missing');
      expect(JSON.stringify(block.data)).toMatch(/EHLO|MAIL|RCPT/);
    });
  }

  it('a capture without SMTP: not present, and its blocks say what is missing', async () => {
    expect(smtpView.present(smtp)).toBe(true);
    const none = await modelOf(
      sessionsCapture('slice-smtp-none.pcap', [{ client: { ip: '10.0.0.1', port: 40000 }, server: { ip: '10.0.0.2', port: 7 }, turns: [[true, 'x\r\n']] }]),
    );
    const empty = (none as unknown as { smtp: Smtp }).smtp;
    expect(smtpView.present(empty)).toBe(false);
    expect(smtpView.blocks.session!(empty, viewContext(none, smtpView, empty)).partial).toBe('missing');
  });
});
