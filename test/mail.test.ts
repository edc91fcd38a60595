import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dissectCapture } from '../src/dissect.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { analyse } from '../src/report/analyse.js';
import { ReportModel } from '../src/report/schema.js';
import { tempFile } from './helpers/files.js';
import { Conversation, pcapFile } from './helpers/packets.js';

/*
 * SMTP and POP3 dialogues the public fixtures lack, synthesised: pipelining, every
 * SASL mechanism, BDAT, dot-stuffing, refusals, STARTTLS/STLS and implicit TLS, APOP,
 * TOP, and detection on ports no one registered.
 */

const b64 = (s: string) => Buffer.from(s).toString('base64');
let n = 0;

/** Play a dialogue (client and server lines, in order) over one connection and return the model. */
async function play(port: number, steps: ['C' | 'S', string | Uint8Array, number?][], reveal = true) {
  const conv = new Conversation({ ip: '10.20.0.1', port: 50000 + n }, { ip: '10.20.0.2', port }).handshake();
  for (const [side, data, mss] of steps) conv.send(side === 'C', data, mss ? { mss } : {});
  conv.close();
  const file = tempFile(`mail-${n++}.pcap`, pcapFile(conv.packets()));
  return ReportModel.parse(await analyse(dissectCapture(file), { limits: DEFAULT_LIMITS, fileSize: 0, generator: 'test', revealSecrets: reveal }));
}

const MESSAGE = 'From: a@x\r\nTo: b@y\r\nSubject: hi\r\n\r\nline one\r\n..starts with a dot\r\n';

describe('SMTP', () => {
  it('pairs pipelined commands with their replies, in order, and explains the refusal', async () => {
    const m = await play(25, [
      ['S', '220 mx ESMTP\r\n'],
      ['C', 'EHLO me\r\n'],
      ['S', '250-mx\r\n250-PIPELINING\r\n250 8BITMIME\r\n'],
      ['C', 'MAIL FROM:<a@x>\r\nRCPT TO:<b@y>\r\nRCPT TO:<nobody@y>\r\nDATA\r\n'],
      ['S', '250 2.1.0 ok\r\n250 2.1.5 ok\r\n550 5.1.1 no such user\r\n354 go ahead\r\n'],
      ['C', `${MESSAGE}.\r\n`],
      ['S', '250 2.0.0 queued\r\n'],
      ['C', 'QUIT\r\n'],
      ['S', '221 bye\r\n'],
    ]);
    const s = m.smtp.sessions[0]!;
    expect(s.replies.map((r) => [r.command, r.code, r.enhanced])).toEqual([
      [null, 220, null],
      ['EHLO', 250, null],
      ['MAIL', 250, '2.1.0'],
      ['RCPT', 250, '2.1.5'],
      ['RCPT', 550, '5.1.1'],
      ['DATA', 354, null],
      ['DATA', 250, '2.0.0'], // the reply to the message itself
      ['QUIT', 221, null],
    ]);
    expect(s.ehlo!.keywords.map((k) => k.keyword)).toEqual(['PIPELINING', '8BITMIME']);
    expect(s.envelope).toEqual({ from: 'a@x', to: ['b@y', 'nobody@y'] });
    expect(s.messages).toHaveLength(1);
    expect(s.messages[0]!.subject).toBe('hi');
    expect(s.messages[0]!.parts[0]!.text).toBe('line one\n.starts with a dot\n'); // dot-unstuffed (postal-mime gives text with LF line ends)
  });

  it.each([
    [
      'PLAIN with an initial response',
      [
        ['C', `AUTH PLAIN ${b64('\0alice\0s3cret-plain')}\r\n`],
        ['S', '235 2.7.0 ok\r\n'],
      ],
      { mechanism: 'PLAIN', user: 'alice', secret: 's3cret-plain', success: true },
    ],
    [
      'LOGIN, refused',
      [
        ['C', 'AUTH LOGIN\r\n'],
        ['S', '334 VXNlcm5hbWU6\r\n'],
        ['C', `${b64('bob')}\r\n`],
        ['S', '334 UGFzc3dvcmQ6\r\n'],
        ['C', `${b64('wrong-pass')}\r\n`],
        ['S', '535 5.7.8 Authentication credentials invalid\r\n'],
      ],
      { mechanism: 'LOGIN', user: 'bob', secret: 'wrong-pass', success: false, result: '535 5.7.8 Authentication credentials invalid' },
    ],
    [
      'CRAM-MD5',
      [
        ['C', 'AUTH CRAM-MD5\r\n'],
        ['S', `334 ${b64('<1896.697170952@postoffice.example.net>')}\r\n`],
        ['C', `${b64(`carol ${createHmac('md5', 'tanstaaf').update('<1896.697170952@postoffice.example.net>').digest('hex')}`)}\r\n`],
        ['S', '235 ok\r\n'],
      ],
      { mechanism: 'CRAM-MD5', user: 'carol', success: true, encoding: 'HMAC-MD5 digest (base64)' },
    ],
    [
      'XOAUTH2',
      [
        ['C', `AUTH XOAUTH2 ${b64('user=dave@x\u0001auth=Bearer ya29.token\u0001\u0001')}\r\n`],
        ['S', '235 2.7.0 Accepted\r\n'],
      ],
      { mechanism: 'XOAUTH2', user: 'dave@x', secret: 'ya29.token', success: true },
    ],
  ] as const)('decodes AUTH %s', async (_what, auth, expected) => {
    const m = await play(587, [
      ['S', '220 mx\r\n'],
      ['C', 'EHLO me\r\n'],
      ['S', '250 AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2\r\n'],
      ...auth,
      ['C', 'QUIT\r\n'],
      ['S', '221 bye\r\n'],
    ] as ['C' | 'S', string][]);
    expect(m.smtp.sessions[0]!.auth[0]).toMatchObject(expected);
  });

  it('masks the secret everywhere in the model, keeps the user', async () => {
    const m = await play(
      25,
      [
        ['S', '220 mx\r\n'],
        ['C', `AUTH PLAIN ${b64('\0alice\0s3cret-plain')}\r\n`],
        ['S', '235 ok\r\n'],
      ],
      false,
    );
    const json = JSON.stringify(m);
    for (const form of ['s3cret-plain', b64('s3cret-plain').replace(/=+$/, ''), b64('\0alice\0s3cret-plain')]) expect(json).not.toContain(form);
    expect(m.smtp.sessions[0]!.auth[0]).toMatchObject({ user: 'alice', secret: null, secretLength: 12 });
  });

  it('joins BDAT chunks into the message (RFC 3030)', async () => {
    const body = 'Subject: chunked\r\n\r\nhello world\r\n';
    const m = await play(25, [
      ['S', '220 mx\r\n'],
      ['C', 'EHLO me\r\n'],
      ['S', '250 CHUNKING\r\n'],
      ['C', 'MAIL FROM:<a@x>\r\n'],
      ['S', '250 ok\r\n'],
      ['C', 'RCPT TO:<b@y>\r\n'],
      ['S', '250 ok\r\n'],
      ['C', `BDAT 10\r\n${body.slice(0, 10)}`],
      ['S', '250 10 octets\r\n'],
      ['C', `BDAT ${body.length - 10} LAST\r\n${body.slice(10)}`],
      ['S', '250 message ok\r\n'],
      ['C', 'QUIT\r\n'],
    ]);
    const msg = m.smtp.sessions[0]!.messages[0]!;
    expect(msg.size).toBe(body.length);
    expect(msg.subject).toBe('chunked');
  });

  it('a refused DATA carries no message: the next lines are commands again', async () => {
    const m = await play(25, [
      ['S', '220 mx\r\n'],
      ['C', 'DATA\r\n'],
      ['S', '554 5.5.1 no valid recipients\r\n'],
      ['C', 'QUIT\r\n'],
      ['S', '221 bye\r\n'],
    ]);
    const s = m.smtp.sessions[0]!;
    expect(s.messages).toEqual([]);
    expect(s.replies.map((r) => [r.command, r.code])).toEqual([
      [null, 220],
      ['DATA', 554],
      ['QUIT', 221],
    ]);
  });

  it('a DATA cut off before any line of the message points at the DATA command', async () => {
    // Frames: 1–3 handshake, 4 banner (5 ACK), 6 DATA (7 ACK), 8 the 354 reply, then the connection closes.
    const m = await play(25, [
      ['S', '220 mx\r\n'],
      ['C', 'DATA\r\n'],
      ['S', '354 go ahead\r\n'],
    ]);
    const msg = m.smtp.sessions[0]!.messages[0]!;
    expect(msg).toMatchObject({ frame: 6, frames: [], size: 0, complete: false });
  });

  it('recognises STARTTLS, and implicit TLS on 465', async () => {
    const tls = Uint8Array.from([0x16, 0x03, 0x01, 0x00, 0x05, 1, 0, 0, 1, 0]);
    const starttls = await play(25, [
      ['S', '220 mx\r\n'],
      ['C', 'STARTTLS\r\n'],
      ['S', '220 2.0.0 Ready to start TLS\r\n'],
      ['C', tls],
      ['S', tls],
    ]);
    expect(starttls.smtp.sessions[0]).toMatchObject({ tls: 'starttls' });
    expect(starttls.smtp.sessions[0]!.transcript.at(-1)).toMatchObject({ kind: 'tls' });
    const implicit = await play(465, [
      ['C', tls],
      ['S', tls],
    ]);
    expect(implicit.smtp.sessions[0]).toMatchObject({ tls: 'implicit', transcript: [] });
  });

  it('is found on a port no one registered, by its banner and EHLO', async () => {
    const m = await play(10025, [
      ['S', '220 lab mail\r\n'],
      ['C', 'EHLO me\r\n'],
      ['S', '250 ok\r\n'],
    ]);
    expect(m.tcp.listed[0]!.protocol).toBe('smtp');
    expect(m.smtp.sessions).toHaveLength(1);
  });
});

describe('POP3', () => {
  it('decodes APOP, TOP and a refused RETR', async () => {
    const m = await play(110, [
      ['S', '+OK POP3 ready <1896.697170952@dbc.mtview.ca.us>\r\n'],
      ['C', 'APOP mrose c4c9334bac560ecc979e58001b3e22fb\r\n'],
      ['S', '+OK maildrop has 1 message\r\n'],
      ['C', 'TOP 1 0\r\n'],
      ['S', '+OK\r\nSubject: top only\r\n\r\n.\r\n'],
      ['C', 'RETR 9\r\n'],
      ['S', '-ERR no such message\r\n'],
      ['C', 'QUIT\r\n'],
      ['S', '+OK bye\r\n'],
    ]);
    const s = m.pop3.sessions[0]!;
    expect(s.auth).toEqual([expect.objectContaining({ mechanism: 'APOP', user: 'mrose', secret: 'c4c9334bac560ecc979e58001b3e22fb', success: true })]);
    expect(s.messages.map((x) => [x.fetchedBy, x.subject])).toEqual([['TOP 1 0', 'top only']]);
    expect(s.responses.map((r) => [r.command, r.indicator])).toEqual([
      [null, '+OK'],
      ['APOP', '+OK'],
      ['TOP', '+OK'],
      ['RETR', '-ERR'],
      ['QUIT', '+OK'],
    ]);
  });

  it('reads a RETR answer to the lone dot, dot-unstuffed, even split over segments', async () => {
    const m = await play(110, [
      ['S', '+OK ready\r\n'],
      ['C', 'USER u\r\n'],
      ['S', '+OK\r\n'],
      ['C', 'PASS pw-1234\r\n'],
      ['S', '+OK\r\n'],
      ['C', 'RETR 1\r\n'],
      ['S', `+OK 80 octets\r\n${MESSAGE}.\r\n`, 7], // 7-byte segments: lines, and the final dot, span several
      ['C', 'QUIT\r\n'],
      ['S', '+OK\r\n'],
    ]);
    const msg = m.pop3.sessions[0]!.messages[0]!;
    expect(msg.complete).toBe(true);
    expect(msg.frames.length).toBeGreaterThan(5);
    expect(msg.parts[0]!.text).toBe('line one\n.starts with a dot\n');
  });

  it('a RETR answer cut off after its +OK line points at that line', async () => {
    // Frames: 1–3 handshake, 4 greeting (5 ACK), 6 RETR (7 ACK), 8 "+OK", then the connection closes.
    const m = await play(110, [
      ['S', '+OK ready\r\n'],
      ['C', 'RETR 1\r\n'],
      ['S', '+OK 80 octets\r\n'],
    ]);
    const msg = m.pop3.sessions[0]!.messages[0]!;
    expect(msg).toMatchObject({ frame: 8, frames: [], size: 0, complete: false, fetchedBy: 'RETR 1' });
  });

  it('decodes AUTH PLAIN with its + continuation (RFC 5034), and STLS', async () => {
    const m = await play(110, [
      ['S', '+OK ready\r\n'],
      ['C', 'AUTH PLAIN\r\n'],
      ['S', '+ \r\n'],
      ['C', `${b64('\0erin\0pop-secret')}\r\n`],
      ['S', '+OK logged in\r\n'],
      ['C', 'STLS\r\n'],
      ['S', '+OK begin TLS\r\n'],
      ['C', Uint8Array.from([0x16, 0x03, 0x03, 0, 1, 1])],
    ]);
    const s = m.pop3.sessions[0]!;
    expect(s.auth[0]).toMatchObject({ mechanism: 'PLAIN', user: 'erin', secret: 'pop-secret', success: true });
    expect(s).toMatchObject({ tls: 'stls' });
  });

  it('is found on a port no one registered, by its +OK greeting', async () => {
    const m = await play(1111, [
      ['S', '+OK hello\r\n'],
      ['C', 'QUIT\r\n'],
      ['S', '+OK\r\n'],
    ]);
    expect(m.tcp.listed[0]!.protocol).toBe('pop3');
  });
});
