import { beforeAll, describe, expect, it } from 'vitest';
import type { Pop3 } from '../src/protocols/pop3/schema.js';
import { pop3View } from '../src/protocols/pop3/view.js';
import type { ReportModel } from '../src/report/schema.js';
import { tshark } from './helpers/files.js';
import { modelOf, sessionsCapture, viewContext, type Turn } from './helpers/slices.js';

/*
 * The POP3 slice on one small synthesised session: greeting, a failed USER/PASS login, a
 * good one, STAT, a multi-line LIST, a RETR of a message with a dot-stuffed line cut over
 * several segments, DELE, QUIT. Records → model (pop3/analyse.ts: commands and +OK/-ERR at
 * tshark's frames, both logins and their outcome, the password masked, the message decoded
 * and unstuffed, which command fetched it); model → template data (view.ts) in both languages.
 */

const MESSAGE = [
  'From: bob@example.net',
  'To: ann@example.org',
  'Subject: =?UTF-8?B?5a6e6aqM5oql5ZGK?=',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  '你好 Ann,',
  '.the dot line',
  'bye',
  '',
].join('\r\n');
const STUFFED = MESSAGE.replace(/^\./gm, '..');
const TURNS: Turn[] = [
  [false, '+OK Dovecot ready.\r\n'],
  [true, 'USER ann\r\n'],
  [false, '+OK\r\n'],
  [true, 'PASS wrong-one\r\n'],
  [false, '-ERR [AUTH] Authentication failed.\r\n'],
  [true, 'USER ann\r\n'],
  [false, '+OK\r\n'],
  [true, 'PASS Right-pw9\r\n'],
  [false, '+OK Logged in.\r\n'],
  [true, 'STAT\r\n'],
  [false, `+OK 1 ${Buffer.byteLength(MESSAGE)}\r\n`],
  [true, 'LIST\r\n'],
  [false, `+OK 1 messages:\r\n1 ${Buffer.byteLength(MESSAGE)}\r\n.\r\n`],
  [true, 'RETR 1\r\n'],
  [false, `+OK ${Buffer.byteLength(MESSAGE)} octets\r\n${STUFFED}.\r\n`, 60],
  [true, 'DELE 1\r\n'],
  [false, '+OK Marked to be deleted.\r\n'],
  [true, 'QUIT\r\n'],
  [false, '+OK Logging out.\r\n'],
];

let path: string;
let model: ReportModel;
let pop3: Pop3;

beforeAll(async () => {
  path = sessionsCapture('slice-pop3.pcap', [{ client: { ip: '10.2.2.10', port: 50600 }, server: { ip: '10.2.2.110', port: 110 }, turns: TURNS }]);
  model = await modelOf(path);
  pop3 = (model as unknown as { pop3: Pop3 }).pop3;
});

describe('POP3 analysis: records → model', () => {
  it('commands and +OK/-ERR at the frames tshark shows them', () => {
    const s = pop3.sessions[0]!;
    expect(pop3.sessions.length).toBe(1);
    expect(s.greeting).toBe('Dovecot ready.');
    const rows = tshark(path, ['frame.number', 'pop.request.command', 'pop.response.indicator'], { filter: 'pop.request.command || pop.response.indicator' });
    const commands = rows.filter((r) => r[1]).map((r) => [Number(r[0]), r[1]]);
    const indicators = rows.filter((r) => r[2]).map((r) => [Number(r[0]), r[2]]);
    expect(s.transcript.filter((l) => l.side === 'C' && l.command).map((l) => [l.frame, l.command])).toEqual(commands);
    // tshark reads the RETR's message segment by segment (see fidelity-mail.test.ts): compare the frames it marks as responses.
    expect(s.responses.map((r) => [r.frame, r.indicator])).toEqual(indicators.slice(0, s.responses.length));
    expect(s.responses.map((r) => r.command)).toEqual([null, 'USER', 'PASS', 'USER', 'PASS', 'STAT', 'LIST', 'RETR', 'DELE', 'QUIT']);
  });

  it('both logins, the failed one and the good one, with the passwords masked everywhere', () => {
    const s = pop3.sessions[0]!;
    expect(s.user).toBe('ann');
    expect(s.auth.map((a) => [a.mechanism, a.user, a.success, a.secret, a.secretLength])).toEqual([
      ['USER/PASS', 'ann', false, null, 'wrong-one'.length],
      ['USER/PASS', 'ann', true, null, 'Right-pw9'.length],
    ]);
    const json = JSON.stringify(model);
    expect(json).not.toContain('Right-pw9');
    expect(json).not.toContain('wrong-one');
    expect(s.transcript.find((l) => l.command === 'PASS')!.text).not.toContain('wrong');
  });

  it('decodes the RETR’s message, dot-unstuffed, at the frame of its last byte, and names the command that fetched it', () => {
    const [m] = pop3.sessions[0]!.messages;
    expect(m!.fetchedBy).toBe('RETR 1');
    expect(m!.subject).toBe('实验报告');
    expect(m!.parts[0]!.text).toContain('.the dot line');
    expect(m!.parts[0]!.text).not.toContain('..the dot line');
    expect(m!.size).toBe(Buffer.byteLength(MESSAGE));
    expect(m!.segments.length).toBeGreaterThan(2);
    expect(m!.complete).toBe(true);
    // Where we knowingly differ: tshark 4.0 does not reassemble a POP3 message (it shows the +OK's frame, then each
    // further segment as a bare pop frame, with no IMF); labreport reassembles it and cites it at the frame of its last byte.
    const rows = tshark(path, ['frame.number', 'pop.response.indicator', 'pop.request.command'], { filter: 'pop' });
    const retr = rows.findIndex((r) => r[2] === 'RETR');
    const bare = rows.slice(retr + 2).filter((r) => !r[1] && !r[2]);
    expect(tshark(path, ['frame.number'], { filter: 'imf' })).toEqual([]);
    expect(m!.frame).toBe(Number(bare.at(-1)![0]));
    expect(m!.frames).toEqual([Number(rows[retr + 1]![0]), ...bare.map((r) => Number(r[0]))]);
  });

  it('the LIST listing is kept as continuation lines of its reply', () => {
    const s = pop3.sessions[0]!;
    const list = s.responses.find((r) => r.command === 'LIST')!;
    expect(list.lines).toBe(1);
    expect(s.transcript.filter((l) => l.kind === 'continuation').map((l) => l.text)).toContain(`1 ${Buffer.byteLength(MESSAGE)}`);
  });
});

describe('POP3 view: model → template data', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`the session block is the dialogue, the password masked, each command explained (${lang})`, () => {
      const block = pop3View.blocks.session!(pop3, viewContext(model, pop3View, pop3, lang));
      expect(block.partial).not.toBe('missing');
      const text = JSON.stringify(block.data);
      for (const shown of ['USER ann', 'STAT', 'RETR 1', 'DELE 1', '-ERR']) expect(text, shown).toContain(shown);
      expect(text).not.toContain('Right-pw9');
      if (lang === 'zh') expect(text).toMatch(/[\u4e00-\u9fff]{4}/);
    });

    it(`the message block shows the decoded subject (${lang})`, () => {
      const block = pop3View.blocks.message!(pop3, viewContext(model, pop3View, pop3, lang));
      expect(block.partial).not.toBe('missing');
      expect(JSON.stringify(block.data)).toContain('实验报告');
    });

    it(`the structure block takes a command and a response apart (${lang})`, () => {
      const block = pop3View.blocks.structure!(pop3, viewContext(model, pop3View, pop3, lang));
      expect(block.partial).not.toBe('missing');
      expect(JSON.stringify(block.data)).toMatch(/\+OK|USER|RETR/);
    });
  }

  it('the packet rows are the model’s, at tshark’s pop frames', () => {
    const rows = pop3View.packets!(pop3, viewContext(model, pop3View, pop3));
    expect(rows.map((r) => r.frame)).toEqual(pop3.packets.map((p) => p.frame));
    const frames = tshark(path, ['frame.number'], { filter: 'pop' }).map((r) => Number(r[0]));
    for (const r of rows) expect(frames).toContain(r.frame);
  });
});
