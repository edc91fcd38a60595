import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, render, validate, type ReportModel } from '../src/index.js';
import { warningNote, warningText, WARNING_WORDS } from '../src/knowledge/warnings.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { OWN_FIXTURES, tempDir, tempFile } from './helpers/files.js';
import { Conversation, pcapFile } from './helpers/packets.js';

/*
 * Coded warnings: every id has words in English and Chinese with the same parameters and
 * choices; a damaged capture (the lab's fixtures cut at byte offsets, and with one segment
 * taken out by editcap) shows each damage beside what it affects and in the appendix, in
 * the report's language; the model carries id, params and the English message; a model
 * built in one language renders its warnings in the other.
 */

const root = join(import.meta.dirname, '..');
const LAB = join(OWN_FIXTURES, 'lab.pcapng');
const SESSION = join(OWN_FIXTURES, 'lab-session.pcapng');
const en: Record<string, string> = WARNING_WORDS.en;
const zh: Record<string, string> = WARNING_WORDS.zh;

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };

/** The parameters a message uses and, for each select or plural, its choices: what both languages must share. */
function shape(words: string): string[] {
  const out = new Set<string>();
  const walk = (els: Element[]) => {
    for (const el of els) {
      if (el.value !== undefined && el.type !== 0 && el.type !== 7) out.add(`{${el.value}}`);
      for (const [key, option] of Object.entries(el.options ?? {})) {
        if (el.type === 5) out.add(`${el.value}=${key}`); // select: the same keys; plural categories differ by language
        walk(option.value);
      }
    }
  };
  walk(new IntlMessageFormat(words, 'en', undefined, { ignoreTag: true }).getAst() as unknown as Element[]);
  return [...out].sort();
}

describe('the words of the warnings', () => {
  it('have the same ids in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same parameters and select choices in both languages', () => {
    for (const id of Object.keys(en)) expect(shape(zh[id]!), id).toEqual(shape(en[id]!));
  });

  it('are written in Chinese wherever the English is a phrase', () => {
    for (const id of Object.keys(en))
      if (en[id]!.split(/\s+/).length > 3 && /[a-z]/i.test(zh[id]!.replace(/\{\w+\}|QUIC|TLS|HTTP\/2/g, ''))) expect(zh[id], id).toMatch(/[\u3400-\u9fff]/);
  });

  it('choose words by parameter in each language: plural of bytes, client or server, a reason by its id', () => {
    const gap = (bytes: number) => ({ id: 'imap.literalGap', stream: 4, frame: 9, params: { bytes, size: 10, side: 'client' } });
    expect(warningText(gap(1), 'en')).toBe('TCP stream 4: 1 byte of a 10-byte IMAP literal (sent by the client) were not captured');
    expect(warningText(gap(2), 'en')).toMatch(/^TCP stream 4: 2 bytes .*sent by the client/);
    expect(warningText(gap(2), 'zh')).toBe('TCP 流 4：客户端发送的一个 10 字节的 IMAP 字面量（literal）中有 2 字节未被捕获');
    const cut = { id: 'http.incomplete', params: { kind: 'response', text: '200 OK', first: 11, reason: 'http.reason.gapChunked', bytes: 5 } };
    expect(warningNote(cut, 'en')).toBe('HTTP response 200 OK (frame 11) is incomplete: 5 bytes were not captured inside its chunked body');
    expect(warningNote(cut, 'zh')).toBe('HTTP 响应 200 OK（第 11 帧）不完整：其分块主体中有 5 字节未被捕获');
  });

  it('name only reasons that exist', () => {
    for (const [id, words] of Object.entries(en)) if (words.includes('{reason}')) expect(id.startsWith('http.') || id.startsWith('capture.'), id).toBe(true);
    for (const id of Object.keys(en).filter((k) => k.includes('.reason.'))) expect(en[id]).not.toContain('{reason}');
  });
});

/** A copy of a capture with frames taken out (editcap), or its first `bytes` bytes. */
function damaged(source: string, how: { drop: number[] } | { bytes: number }, dir: string): string {
  const out = join(dir, `${'drop' in how ? `drop-${how.drop.join('-')}` : `cut-${how.bytes}`}-${source.split('/').pop()}`);
  if ('drop' in how) execFileSync('editcap', [source, out, ...how.drop.map(String)]);
  else writeFileSync(out, readFileSync(source).subarray(0, how.bytes));
  return out;
}

interface Variant {
  name: string;
  model: ReportModel;
  md: { en: string; zh: string };
}

async function variant(name: string, path: string): Promise<Variant> {
  const model = await build(path, { limits: DEFAULT_LIMITS });
  const md = async (language: 'en' | 'zh') => (await render(model, { formats: ['md'], config: { language, appendix: true } })).markdown!;
  return { name, model, md: { en: await md('en'), zh: await md('zh') } };
}

/** The lines of the warnings appendix ("- Frame 91: …"). */
function appendixLines(md: string, heading: RegExp): string[] {
  const at = md.search(heading);
  expect(at, 'the warnings appendix').toBeGreaterThan(0);
  const rest = md.slice(at).split('\n').slice(2);
  const end = rest.findIndex((l) => l.startsWith('### '));
  return rest.slice(0, end < 0 ? undefined : end).filter((l) => l.startsWith('- '));
}

/** English sentences (three words in a row) left in a Chinese text once what the capture says (quoted text, addresses) is taken out. */
function englishIn(text: string): string[] {
  const neutral = text
    .replace(/“[^”]*”|"[^"]*"|`[^`]*`/g, ' ')
    .replace(/\[?[0-9a-f.:]+\]?:\d+/gi, ' ')
    .replace(/\\/g, '');
  return neutral.match(/[A-Za-z][A-Za-z'-]+(?: [A-Za-z][A-Za-z'-]+){2,}/g) ?? [];
}

describe('a damaged capture shows each damage in place and in the appendix, in the report’s language', () => {
  const variants: Variant[] = [];
  beforeAll(async () => {
    const dir = tempDir();
    const cases: [string, string][] = [
      ['cut inside frame 92', damaged(LAB, { bytes: 30_000 }, dir)],
      ['cut inside the SMTP message', damaged(LAB, { bytes: 42_000 }, dir)],
      ['cut inside the POP3 RETR', damaged(LAB, { bytes: 50_000 }, dir)],
      ['SMTP header segment lost', damaged(LAB, { drop: [153] }, dir)],
      ['SMTP body segment lost', damaged(LAB, { drop: [154] }, dir)],
      ['POP3 RETR segment lost', damaged(LAB, { drop: [188] }, dir)],
      ['HTTP response segment lost', damaged(SESSION, { drop: [65] }, dir)],
    ];
    for (const [name, path] of cases) variants.push(await variant(name, path));
  }, 120_000);

  it('keeps id, params and the English message in the model, which the schema accepts', () => {
    for (const v of variants) {
      expect(v.model.warnings.length, v.name).toBeGreaterThan(0);
      for (const w of v.model.warnings) {
        expect(Object.keys(en), `${v.name}: ${w.id}`).toContain(w.id);
        expect(w.message, v.name).toBe(warningText(w, 'en'));
      }
      expect(() => validate(JSON.parse(JSON.stringify(v.model))), v.name).not.toThrow();
    }
  });

  it('lists every warning in the appendix with its frame, in Chinese in a Chinese report and with no English sentence', () => {
    for (const v of variants) {
      const lines = appendixLines(v.md.zh, /\n### [A-Z]\. 警告\n/);
      expect(lines, v.name).toHaveLength(v.model.warnings.length);
      v.model.warnings.forEach((w, i) => {
        if (w.frame) expect(lines[i], v.name).toContain(`第 ${w.frame} 帧`);
        expect(lines[i], `${v.name}: ${w.id}`).toMatch(/[\u3400-\u9fff]/);
        expect(englishIn(lines[i]!), `${v.name}: ${lines[i]}`).toEqual([]);
        expect(v.md.zh, v.name).not.toContain(w.message);
      });
      expect(appendixLines(v.md.en, /\n### [A-Z]\. Warnings\n/), v.name).toHaveLength(v.model.warnings.length);
    }
  });

  it('says at the top where the file is cut off', () => {
    for (const v of variants.filter((x) => x.name.startsWith('cut'))) {
      const cut = v.model.warnings.find((w) => w.id === 'capture.cutOff')!;
      expect(cut, v.name).toBeDefined();
      const top = v.md.zh.slice(0, v.md.zh.indexOf('\n## ', v.md.zh.indexOf('| 文件损坏 |')));
      expect(top, v.name).toContain(`| 文件损坏 | ⚠ 文件在第 ${cut.params.next} 帧内部被截断`);
      expect(v.md.en, v.name).toContain(`| Damage to the file | ⚠ the file is cut off inside frame ${cut.params.next} `);
    }
  });

  it('says what the cut took once, with the cut, and refers back to it later', () => {
    const v = variants.find((x) => x.name === 'cut inside frame 92')!;
    const cut = v.model.warnings.find((w) => w.id === 'capture.cutOff')!;
    expect(v.model.smtp.sessions).toHaveLength(0);
    const section = (md: string, from: string, to: string) => md.slice(md.indexOf(from), md.indexOf(to, md.indexOf(from)));
    const task4 = section(v.md.en, '### 4.4 ', '### 4.5 ');
    expect(task4.match(/No SMTP session was captured\./g)).toHaveLength(1);
    expect(task4.match(/No POP3 session was captured\./g)).toHaveLength(1);
    expect(task4).toContain(`The capture file is cut off after frame ${cut.params.last}: what came later is not in it.`);
    expect(section(v.md.en, '### 4.5 ', '## 5 ').trim().split('\n').slice(2)).toEqual(['> No SMTP session was captured (see Task 4).']);
    expect(section(v.md.zh, '### 任务 5', '## 五')).toContain('> 没有捕获到 SMTP 会话（见任务 4）。');
    expect(section(v.md.zh, '### 任务 4', '### 任务 5')).toContain(`抓包文件在第 ${cut.params.last} 帧之后被截断`);
  });

  it('marks a message with a lost header segment incomplete, names the part, and never shows its lost fields as empty', () => {
    const v = variants.find((x) => x.name === 'SMTP header segment lost')!;
    const message = v.model.smtp.sessions[0]!.messages[0]!;
    expect(message.complete).toBe(false);
    expect(message.holes).toEqual([{ frame: 153, bytes: 1448, part: 'header' }]);
    expect(message.to).toEqual([]); // the To: line was in the lost segment
    expect(v.md.zh).toContain('⚠ 首部字段中有 1448 字节未被捕获（第 153 帧之前）：To:、Subject: 等字段可能缺失');
    expect(v.md.zh).toMatch(/\| \d+ \| To \| {2}\| \*\*⚠\*\*（未被捕获：首部有缺口）/);
    expect(v.md.en).toMatch(/\| \d+ \| To \| {2}\| \*\*⚠\*\* \(not captured: the header has a hole\)/);
  });

  it('marks the MIME part and the attachment a lost body segment hit, and labels its hash as of the bytes captured', () => {
    const v = variants.find((x) => x.name === 'SMTP body segment lost')!;
    const message = v.model.smtp.sessions[0]!.messages[0]!;
    expect(message.complete).toBe(false);
    expect(message.holes).toHaveLength(1);
    const part = message.holes[0]!.part;
    expect(part).toMatch(/^\d+(\.\d+)*$/);
    expect(v.md.zh).toContain(`MIME 部分 ${part} 中有 1448 字节未被捕获`);
    const attached = message.parts.filter((p) => p.attachment).some((p) => p.path === part || p.path.startsWith(`${part}.`));
    if (attached) expect(v.md.zh).toContain('（已捕获字节的 SHA-256（有字节缺失））');
  });

  it('puts the notes of a hole on the dialogue line after it and on its packet-list row', () => {
    for (const name of ['SMTP header segment lost', 'POP3 RETR segment lost']) {
      const v = variants.find((x) => x.name === name)!;
      const gap = v.model.warnings.find((w) => w.id === 'tcp.gap')!;
      expect(v.md.zh, name).toMatch(new RegExp(`\\n {10}⚠ 从 ${gap.params.from} 到 ${gap.params.to} 的 ${gap.params.bytes} 字节未被捕获`));
      expect(v.md.zh, name).toMatch(
        new RegExp(`\\n\\| ${gap.frame} \\|[^\\n]*\\| ⚠ \\\\\\[此帧之前有 ${gap.params.bytes} 字节未被捕获：前一个报文段未被捕获\\\\\\]`),
      );
      expect(v.md.en, name).toMatch(
        new RegExp(`\\n\\| ${gap.frame} \\|[^\\n]*\\| ⚠ \\\\\\[${gap.params.bytes} bytes not captured before this frame: previous segment not captured\\\\\\]`),
      );
    }
  });

  it('shows an HTTP response with missing bytes as incomplete in the exchanges table, not as a plain status', () => {
    const v = variants.find((x) => x.name === 'HTTP response segment lost')!;
    const hit = v.model.http.exchanges.find((e) => e.response && !e.response.complete)!;
    expect(hit).toBeDefined();
    expect(v.md.zh).toMatch(new RegExp(`\\| ${hit.response!.frame} \\| ${hit.response!.status} ${hit.response!.reason}（⚠ 不完整）`));
    expect(v.md.en).toMatch(new RegExp(`\\| ${hit.response!.frame} \\| ${hit.response!.status} ${hit.response!.reason} \\(⚠ incomplete\\)`));
  });

  it('says a mail session cut by the end of the capture was cut, not that its client did not log in', () => {
    const v = variants.find((x) => x.name === 'cut inside the SMTP message')!;
    const smtp = v.model.smtp.sessions[0]!;
    const cut = v.model.warnings.find((w) => w.id === 'mail.sessionCut' && w.stream === smtp.stream);
    expect(cut).toBeDefined();
    expect(v.md.zh).toContain('SMTP 会话还没有结束，抓包就已结束');
  });
});

describe('labreport render of a saved model', () => {
  it('words the warnings in the language asked for, whatever language the model was built in', () => {
    const dir = tempDir();
    const capture = damaged(LAB, { drop: [153] }, dir);
    const run = (args: string[]) => execFileSync(process.execPath, [join(root, 'bin', 'labreport.js'), ...args], { encoding: 'utf8', cwd: dir });
    run(['build', capture, '-f', 'json,md', '-o', dir, '--lang', 'en', '-q']);
    const model = JSON.parse(readFileSync(join(dir, 'drop-153-lab.json'), 'utf8')) as ReportModel;
    const gap = model.warnings.find((w) => w.id === 'smtp.messageGap')!;
    expect(gap).toMatchObject({
      frame: 153,
      stream: expect.any(Number),
      params: { bytes: 1448, part: 'header' },
      message: expect.stringMatching(/1448 bytes of the mail message/),
    });
    expect(readFileSync(join(dir, 'drop-153-lab.md'), 'utf8')).toContain(`frame 153: ${gap.message}`);
    run(['render', join(dir, 'drop-153-lab.json'), '--lang', 'zh', '-f', 'md', '-o', join(dir, 'zh'), '-q']);
    const zhMd = readFileSync(join(dir, 'zh', 'drop-153-lab.md'), 'utf8');
    expect(zhMd).toContain(`第 153 帧：TCP 流 ${gap.stream}：邮件报文有 1448 字节未被捕获`);
    expect(zhMd).not.toContain(gap.message);
  });
});

describe('a warning that quotes captured text', () => {
  it('masks the secrets in its parameters and its sentence, in every encoding, unless --reveal-secrets', async () => {
    const secret = 'Sup3r-Secr3t!';
    const conv = new Conversation({ ip: '10.30.0.1', port: 51000 }, { ip: '10.30.0.2', port: 110 }).handshake();
    conv.send(false, '+OK ready\r\n').send(true, 'USER ann\r\n').send(false, '+OK\r\n').send(true, `PASS ${secret}\r\n`);
    conv.send(false, `what was ${secret} / ${Buffer.from(secret).toString('base64')}\r\n`).close();
    const file = tempFile('secret-in-warning.pcap', pcapFile(conv.packets()));
    const masked = await build(file, { limits: DEFAULT_LIMITS });
    const quoted = masked.warnings.find((w) => w.id === 'pop3.notResponse')!;
    expect(quoted.params.text).toBe('what was •••••••• / ••••••••');
    expect(JSON.stringify(masked.warnings)).not.toContain(secret);
    expect(JSON.stringify(masked.warnings)).not.toContain(Buffer.from(secret).toString('base64'));
    const zhMd = (await render(masked, { formats: ['md'], config: { language: 'zh' } })).markdown!;
    expect(zhMd).toContain('“what was •••••••• / ••••••••”不是 POP3 响应');
    const shown = await build(file, { limits: DEFAULT_LIMITS, revealSecrets: true });
    expect(shown.warnings.find((w) => w.id === 'pop3.notResponse')!.params.text).toContain(secret);
  });
});

describe('a mail session the capture stops inside', () => {
  it('is a warning when no FIN, RST or QUIT ended it, and none when QUIT did', async () => {
    const dialogue = (quit: boolean) => {
      const conv = new Conversation({ ip: '10.30.0.1', port: quit ? 51002 : 51001 }, { ip: '10.30.0.2', port: 25 }).handshake();
      conv.send(false, '220 mx\r\n').send(true, 'EHLO me\r\n').send(false, '250 mx\r\n');
      if (quit) conv.send(true, 'QUIT\r\n').send(false, '221 bye\r\n').close();
      return tempFile(`cut-session-${quit}.pcap`, pcapFile(conv.packets()));
    };
    const cut = await build(dialogue(false), { limits: DEFAULT_LIMITS });
    expect(cut.warnings.map((w) => [w.id, w.params.protocol])).toEqual([['mail.sessionCut', 'SMTP']]);
    const zhMd = (await render(cut, { formats: ['md'], config: { language: 'zh' } })).markdown!;
    expect(zhMd).toContain('SMTP 会话还没有结束，抓包就已结束');
    expect(zhMd).not.toContain('客户端没有登录。');
    const ended = await build(dialogue(true), { limits: DEFAULT_LIMITS });
    expect(ended.warnings).toEqual([]);
  });
});
