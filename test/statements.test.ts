import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dissectCapture } from '../src/dissect.js';
import { render } from '../src/index.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { analyse } from '../src/report/analyse.js';
import { ReportModel } from '../src/report/schema.js';
import { tempFile } from './helpers/files.js';
import { Conversation, pcapFile } from './helpers/packets.js';

/*
 * True statements: what the report says of a dialogue follows from its bytes and from the
 * RFCs, in English and in Chinese. Each case is a dialogue synthesised here, and where
 * Wireshark shows the same thing (NTLM's fields), tshark is asked too.
 */

let n = 0;

/** Play a dialogue over one connection; the capture's path, its model and its report in both languages. */
async function play(port: number, steps: ['C' | 'S', string | Uint8Array][]) {
  const conv = new Conversation({ ip: '10.30.0.1', port: 40000 + n }, { ip: '10.30.0.2', port }).handshake();
  for (const [side, data] of steps) conv.send(side === 'C', data);
  conv.close();
  const file = tempFile(`statement-${n++}.pcap`, pcapFile(conv.packets()));
  const model = ReportModel.parse(await analyse(dissectCapture(file), { limits: DEFAULT_LIMITS, fileSize: 0, generator: 'test' }));
  const en = (await render(model, { formats: ['md'] })).markdown;
  const zh = (await render(model, { formats: ['md'], config: { language: 'zh' } })).markdown;
  return { file, model, en, zh, json: JSON.stringify(model) };
}

const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');

/** An NTLMSSP message (MS-NLMP §2.2.1) with its security buffers laid out after the fixed part. */
function ntlm(type: number, fixed: number, buffers: [at: number, bytes: Uint8Array][], fill: (b: Buffer) => void): Buffer {
  let offset = fixed;
  const b = Buffer.alloc(fixed + buffers.reduce((s, [, x]) => s + x.length, 0));
  b.write('NTLMSSP\u0000', 0, 'latin1');
  b.writeUInt32LE(type, 8);
  fill(b);
  for (const [at, bytes] of buffers) {
    b.writeUInt16LE(bytes.length, at);
    b.writeUInt16LE(bytes.length, at + 2);
    b.writeUInt32LE(offset, at + 4);
    b.set(bytes, offset);
    offset += bytes.length;
  }
  return b;
}
const UNICODE = 0x00000001;
const u16 = (s: string) => Buffer.from(s, 'utf16le');
const negotiate = ntlm(1, 32, [], (b) => b.writeUInt32LE(0xe2088297, 12));
const challenge = ntlm(2, 48, [[12, u16('LAB')]], (b) => {
  b.writeUInt32LE(0xe2898215, 20);
  Buffer.from('0123456789abcdef', 'hex').copy(b, 24);
});
const NT_RESPONSE = Buffer.from('9f'.repeat(24), 'hex');
const authenticate = ntlm(
  3,
  64,
  [
    [12, Buffer.alloc(24, 0x11)],
    [20, NT_RESPONSE],
    [28, u16('LAB')],
    [36, u16('student')],
    [44, u16('PC-07')],
    [52, Buffer.alloc(0)],
  ],
  (b) => b.writeUInt32LE((0xe2888215 | UNICODE) >>> 0, 60),
);

const EHLO = (keywords: string[]) =>
  ['S', ['250-mail.lab.test', ...keywords.map((k, i) => `250${i === keywords.length - 1 ? ' ' : '-'}${k}`)].join('\r\n') + '\r\n'] as ['S', string];

describe('true statements', () => {
  it('AUTH NTLM: the user, domain and workstation read from the AUTHENTICATE message, as Wireshark reads them; the NT response masked', async () => {
    const { file, model, en, zh, json } = await play(25, [
      ['S', '220 mail.lab.test ESMTP\r\n'],
      ['C', 'EHLO pc07\r\n'],
      EHLO(['AUTH NTLM LOGIN']),
      ['C', 'AUTH NTLM\r\n'],
      ['S', '334 \r\n'],
      ['C', `${b64(negotiate)}\r\n`],
      ['S', `334 ${b64(challenge)}\r\n`],
      ['C', `${b64(authenticate)}\r\n`],
      ['S', '235 2.7.0 Authentication successful\r\n'],
      ['C', 'QUIT\r\n'],
      ['S', '221 2.0.0 Bye\r\n'],
    ]);
    // tshark 4.0 shows SMTP's NTLM lines as text; its NTLMSSP dissector reads the same message carried by HTTP (Authorization: NTLM …).
    const http = await play(80, [['C', `GET / HTTP/1.1\r\nHost: lab.test\r\nAuthorization: NTLM ${b64(authenticate)}\r\n\r\n`]]);
    const fields = execFileSync(
      'tshark',
      [
        '-r',
        http.file,
        '-Y',
        'ntlmssp.messagetype == 3',
        '-T',
        'fields',
        '-e',
        'ntlmssp.auth.domain',
        '-e',
        'ntlmssp.auth.username',
        '-e',
        'ntlmssp.auth.hostname',
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(fields.trim().split('\t')).toEqual(['LAB', 'student', 'PC-07']);
    expect(execFileSync('tshark', ['-r', file, '-Y', 'smtp'], { encoding: 'utf8' })).toContain('AUTH NTLM');
    const auth = model.smtp.sessions[0]!.auth[0]!;
    expect(auth).toMatchObject({ mechanism: 'NTLM', user: 'LAB\\student', workstation: 'PC-07', secret: null, success: true });
    expect(auth.steps.map((s) => s.decoded)).toEqual([
      null, // the server's empty 334 prompt
      'NTLMSSP_NEGOTIATE',
      'NTLMSSP_CHALLENGE, NTLM Server Challenge: 0123456789abcdef, Target Name: LAB',
      'NTLMSSP_AUTH, User: LAB\\student, Host: PC-07',
    ]);
    // The hash proving the password appears nowhere, in any encoding, and no step is shown as control pictures.
    for (const text of [json, en, zh]) {
      expect(text).not.toContain(NT_RESPONSE.toString('hex'));
      expect(text).not.toContain(b64(authenticate));
      expect(text).not.toMatch(/[\u2400-\u241f]/);
    }
    expect(en).toContain('| User name | LAB\\\\student |');
    expect(en).toContain('| Workstation | PC-07 |');
    expect(zh).toContain('| 客户端计算机名 | PC-07 |');
    expect(en).not.toContain('not sent');
  });

  it('a MIME part without Content-Transfer-Encoding is 7bit (RFC 2045 §6.1), not 8bit', async () => {
    const message = [
      'From: a@lab.test',
      'To: b@lab.test',
      'Subject: parts',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'plain ASCII, no transfer encoding named',
      '--b1--',
      '',
    ].join('\r\n');
    const { model, en, zh } = await play(25, [
      ['S', '220 mail.lab.test ESMTP\r\n'],
      ['C', 'HELO pc\r\n'],
      ['S', '250 mail.lab.test\r\n'],
      ['C', 'MAIL FROM:<a@lab.test>\r\n'],
      ['S', '250 2.1.0 Ok\r\n'],
      ['C', 'RCPT TO:<b@lab.test>\r\n'],
      ['S', '250 2.1.5 Ok\r\n'],
      ['C', 'DATA\r\n'],
      ['S', '354 End data with <CR><LF>.<CR><LF>\r\n'],
      ['C', `${message}.\r\n`],
      ['S', '250 2.6.0 Message accepted\r\n'],
      ['C', 'QUIT\r\n'],
      ['S', '221 2.0.0 Bye\r\n'],
    ]);
    expect(model.smtp.sessions[0]!.messages[0]!.parts.map((p) => p.transferEncoding)).toEqual(['7bit', '7bit']);
    expect(en).not.toContain('8bit');
    expect(zh).not.toContain('8bit');
    expect(en).toContain('This is the default when the field is missing.');

    // 250 2.6.0: a success, by its class, subject and detail; not RFC 3463's name for the failures of X.6.0.
    expect(en).toContain('2.6.0: Success: Message content or media status, other or undefined');
    expect(zh).toContain('2.6.0：成功：邮件内容或媒体状态，其他或未定义');
    expect(en).toContain('SMTP: the session shown (1 in the capture) did not log in, named 1 recipient and sent a message of');
    expect(en).not.toMatch(/2\.6\.0[^\n|]*error/i);
    expect(zh).not.toMatch(/2\.6\.0[^\n|]*错误/);
  });

  it('an EHLO keyword no standard defines is called unknown, without naming the program that read it', async () => {
    const { en, zh } = await play(25, [
      ['S', '220 mail.lab.test ESMTP\r\n'],
      ['C', 'EHLO pc\r\n'],
      EHLO(['PIPELINING', 'XYZZY-LAB 3', 'OK']),
      ['C', 'QUIT\r\n'],
      ['S', '221 2.0.0 Bye\r\n'],
    ]);
    for (const keyword of ['XYZZY-LAB', 'OK']) {
      expect(en).toMatch(new RegExp(`\\| \`${keyword}\` \\|[^\\n]*Not a registered extension: a private or non-standard keyword\\.`));
      expect(zh).toMatch(new RegExp(`\\| \`${keyword}\` \\|[^\\n]*不是已注册的扩展：私有或非标准的关键字`));
    }
    expect(`${en}${zh}`).not.toMatch(/labreport/i);
  });

  it("a RETR's message is shown by its first header lines and the count of the rest of its lines, folded fields counted as sent", async () => {
    const header = [
      'Received: from client.lab.test',
      '\tby mail.lab.test; Tue, 1 Dec 2026 10:00:00 +0800',
      'From: a@lab.test',
      'To: b@lab.test',
      'Subject: 21 lines',
      'Date: Tue, 1 Dec 2026 10:00:00 +0800',
    ];
    const body = Array.from({ length: 14 }, (_, i) => `body line ${i + 1}`);
    const lines = [...header, '', ...body]; // 21 lines
    const message = `${lines.join('\r\n')}\r\n`;
    const { model, en, zh } = await play(110, [
      ['S', '+OK POP3 ready\r\n'],
      ['C', 'USER b\r\n'],
      ['S', '+OK\r\n'],
      ['C', 'PASS secret-pass\r\n'],
      ['S', '+OK Logged in.\r\n'],
      ['C', 'RETR 1\r\n'],
      ['S', `+OK ${Buffer.byteLength(message)} octets\r\n${message}.\r\n`],
      ['C', 'QUIT\r\n'],
      ['S', '+OK Bye\r\n'],
    ]);
    const shown = model.pop3.sessions[0]!.messages[0]!.headers.slice(0, 5);
    expect(shown.map((h) => h.lines)).toEqual([2, 1, 1, 1, 1]);
    // The dialogue shows five fields (six lines as sent) and counts the other 15 of the 21.
    expect(en).toContain('S: … (15 more lines of the message)');
    expect(zh).toContain('S: ……（邮件其余的 15 行）');
    expect(`${en}${zh}`).not.toContain('secret-pass');
  });

  it('a header field named like the secret it carries keeps its name; only the value is masked', async () => {
    const form = 'user=bob&password=password';
    const { en, json } = await play(80, [
      ['C', `POST /login HTTP/1.1\r\nHost: lab.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${form.length}\r\n\r\n${form}`],
      ['S', 'HTTP/1.1 302 Found\r\nLocation: /\r\nContent-Length: 0\r\n\r\n'],
    ]);
    expect(json).toContain('password=••••••••');
    expect(json).not.toContain('••••••••=');
    expect(en).not.toContain('••••••••=');
    expect(json).not.toContain('password=password');
  });
});

describe('what went over the wire in clear text', () => {
  it('counts the logins of a capture of many sessions once per mechanism, naming the first as tshark finds it', async () => {
    const file = 'fixtures/lab-session.pcapng';
    const rows = execFileSync('tshark', ['-r', file, '-Y', 'smtp.req.command == "AUTH" || pop.request.command == "PASS"', '-T', 'fields', '-e', 'frame.number', '-e', 'smtp.req.parameter', '-e', 'pop.request.command'], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    const smtpLogin = rows.filter((r) => r[1] === 'LOGIN');
    const pop3Pass = rows.filter((r) => r[2] === 'PASS');
    const model = ReportModel.parse(await analyse(dissectCapture(file), { limits: DEFAULT_LIMITS, fileSize: 0, generator: 'test' }));
    const en = (await render(model, { formats: ['md'] })).markdown;
    const zh = (await render(model, { formats: ['md'], config: { language: 'zh' } })).markdown;
    // AUTH LOGIN's secret travels in the client's two answers after the command (frames after tshark's AUTH frame).
    const firstLogin = model.smtp.sessions.flatMap((s) => s.auth).find((a) => a.mechanism === 'LOGIN')!;
    const answers = firstLogin.steps.filter((s) => s.side === 'C').map((s) => s.frame!);
    expect(answers.every((f) => f > Number(smtpLogin[0]![0]))).toBe(true);
    expect(en).toContain(`${smtpLogin.length} SMTP logins with AUTH LOGIN (the first in frames ${answers.join(', ')})`);
    expect(en).toContain(`${pop3Pass.length} POP3 logins with USER/PASS (the first in frame ${pop3Pass[0]![0]})`);
    expect(zh).toContain(`${pop3Pass.length} 次 POP3 登录（USER/PASS，第一次在第 ${pop3Pass[0]![0]} 帧）`);
    // One phrase per mechanism: each login is not listed again.
    expect(en.match(/SMTP logins? with AUTH LOGIN/g)).toHaveLength(1);
  });
});
