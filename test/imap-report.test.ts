import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../src/cli/main.js';
import { ImapModel } from '../src/protocols/imap/schema.js';
import { writeSummary } from '../src/render/report.js';
import { loadConfig } from '../src/report/config.js';
import { ReportModel } from '../src/report/schema.js';
import { summaryRow } from '../src/report/summary.js';
import { OWN_FIXTURES, tempDir, tempFile, tshark } from './helpers/files.js';

vi.mock('../src/protocols/registry.js', async (original) => (await import('./imap-registry.js')).withImap(await original()));

/*
 * A lab profile can place IMAP's blocks: a profile written here puts imap.structure,
 * imap.session, imap.message, the protocols compared and imap.summary into a report of
 * fixtures/imap/imap-session.pcapng, built by the real command (in this process, so that the
 * registry mock above holds until the registry has the slice's line), in English and in
 * Chinese, as md, html, pdf, docx and json. The report, the JSON model, the class summary's
 * column, and that no password appears in any output, in any encoding.
 */

const SESSION = join(OWN_FIXTURES, 'imap', 'imap-session.pcapng');
const AUTH = join(OWN_FIXTURES, 'imap', 'imap-auth.pcapng');
const LAB = join(OWN_FIXTURES, 'lab.pcapng');

const PROFILE = `id: imap-lab
title:
  en: IMAP protocol analysis with Wireshark
  zh: 使用 Wireshark 分析 IMAP 协议
purpose:
  - en: Understand how IMAP works, and watch a mailbox being read on the server.
    zh: 理解 IMAP 协议的工作原理，观察在服务器上读取邮箱的过程。
assignment:
  - en: Analyse IMAP with Wireshark.
    zh: 利用 Wireshark 分析 IMAP 协议。
tasks:
  - id: parts
    title:
      en: Capture IMAP and identify every part of its messages.
      zh: 捕获 IMAP 报文，识别其报文的各个组成部分。
    blocks: [imap.structure]
  - id: session
    title:
      en: Write out the IMAP session between the client (C) and the server (S) in the textbook's form.
      zh: 按照教材的形式写出 IMAP 客户端（C）与服务器（S）的会话过程。
    blocks: [imap.session]
  - id: message
    title:
      en: Decode a message fetched with IMAP, and compare IMAP with SMTP and POP3.
      zh: 解码一封用 IMAP 取回的邮件，并比较 IMAP 与 SMTP、POP3。
    blocks: [imap.message, core.compare]
summary:
  - block: imap.summary
  - block: core.cleartext
`;

/** The account of the recorded captures (fixtures/imap/README.md), and the failed login's password. */
const PASSWORDS = ['Lab-Pa55word!', 'wrong-password'];
/** Every form a password could travel or be shown in: as typed, base64 (alone, and as AUTHENTICATE PLAIN's and LOGIN's answers), hex, URL-encoded. */
const forms = (secret: string) => [
  secret,
  Buffer.from(secret).toString('base64').replace(/=+$/, ''),
  Buffer.from(`\0student\0${secret}`).toString('base64').replace(/=+$/, ''),
  Buffer.from(secret).toString('hex'),
  encodeURIComponent(secret),
];

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

/** Every file written, as text: the PDF through pdftotext, the Word document's every part, pictures as SVG text. */
function outputs(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((f) => {
    const path = join(dir, f.name);
    if (f.isDirectory()) return outputs(path);
    if (f.name.endsWith('.pdf')) return [{ file: f.name, text: pdfText(path) }];
    if (f.name.endsWith('.docx'))
      return Object.entries(unzipSync(readFileSync(path))).map(([part, bytes]) => ({ file: `${f.name}/${part}`, text: new TextDecoder().decode(bytes) }));
    return [{ file: f.name, text: readFileSync(path, 'utf8') }];
  });
}

/** The Markdown from a heading to the next heading of the same or a higher level. */
function section(md: string, heading: string): string {
  const at = md.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`no heading "${heading}"`);
  const level = /^#+/.exec(heading)![0].length;
  const rest = md.slice(at + heading.length + 2);
  const next = rest.search(new RegExp(`\\n#{1,${level}} `));
  return next < 0 ? rest : rest.slice(0, next);
}

async function build(capture: string, args: string[]): Promise<string> {
  const out = tempDir();
  const errors: string[] = [];
  const code = await run(['build', capture, '--lab', tempFile('imap-lab.yaml', PROFILE), '--out', out, '--quiet', ...args], {
    stdout: () => undefined,
    stderr: (s) => void errors.push(s),
  });
  expect(errors).toEqual([]);
  expect(code).toBe(0);
  return out;
}

describe('a lab profile that places the IMAP blocks', () => {
  let en = '';
  let zh = '';
  let enDir = '';
  let zhDir = '';
  beforeAll(async () => {
    enDir = await build(SESSION, ['--format', 'md,html,pdf,docx,json']);
    zhDir = await build(SESSION, ['--format', 'md,pdf', '--lang', 'zh']);
    en = readFileSync(join(enDir, 'imap-session.md'), 'utf8');
    zh = readFileSync(join(zhDir, 'imap-session.md'), 'utf8');
  }, 120_000);

  it("shows the parts of IMAP messages on real lines, with Wireshark's packet details of a command and its response", () => {
    const parts = section(en, '### 4.1 Task 1: Capture IMAP and identify every part of its messages.');
    expect(parts).toContain('| Command | `ODGI6 SELECT INBOX` (24) | tag ODGI6, command SELECT, arguments INBOX |');
    expect(parts).toContain('| Untagged data | `* 2 EXISTS` (26) | "\\*" (untagged), number 2, data name EXISTS |');
    expect(parts).toMatch(
      /\| Tagged completion \| `ODGI6 OK \[READ-WRITE\] Select completed [^`]*` \(26\) \| tag ODGI6 \(the command's own\), status OK, response code \\\[READ-WRITE\\\]/,
    );
    expect(parts).toContain('| Continuation request | `+ OK` (41) |');
    expect(parts).toContain('| Literal | `* 1 FETCH (FLAGS (\\Seen \\Recent) BODY[] {535}` (32) | \\{535\\} at the end of the line: the next 535 bytes');
    // The packet details, line for line as tshark -2 -V shows them (imap-packets.test.ts compares every frame).
    const details = execFileSync('tshark', ['-2', '-r', SESSION, '-V', '-Y', 'frame.number == 26'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const imapPart = details.slice(details.indexOf('Internet Message Access Protocol')).trimEnd();
    expect(parts).toContain(imapPart);
    expect(parts).toContain('        Request Folder: INBOX\n        [Response In: 26]');
    expect(parts).toContain('Frame 24: 86 bytes on wire (688 bits), 86 bytes captured (688 bits)');
  });

  it('writes the session out in the C:/S: form with its tags, each command and code explained once with its RFC section', () => {
    const session = section(en, "### 4.2 Task 2: Write out the IMAP session between the client (C) and the server (S) in the textbook's form.");
    expect(session).toContain('IMAP session on tcp.stream 0: client 127.0.0.1:39546, server 127.0.0.1:143. Nothing is encrypted');
    for (const line of [
      '    4  S: * OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN',
      '          AUTH=LOGIN AUTH=CRAM-MD5] Dovecot (Debian) ready.',
      '   12  C: ODGI2 LOGIN student "••••••••"',
      '   14  S: ODGI2 NO [AUTHENTICATIONFAILED] Authentication failed.',
      '   24  C: ODGI6 SELECT INBOX',
      '   32  S: * 1 FETCH (FLAGS (\\Seen \\Recent) BODY[] {535}',
      '   32  S: Subject: =?GB2312?B?SU1BUCDKtdHpo7rIobvY08q8/g==?=',
      '       S: … (7 more lines of the message)',
      '   41  S: + OK',
      '   53  C: DONE',
      '   65  S: ODGI15 OK Logout completed (0.001 + 0.000 secs).',
    ])
      expect(session).toContain(`\n${line}\n`);
    // Each command, status and code once, with its section of RFC 9051 (or the RFC that defines it).
    const meanings = session.split('\n').filter((l) => /^\| [CS] \| `/.test(l));
    expect(meanings.find((l) => l.includes('`ODGI6 SELECT INBOX` (24)'))).toMatch(/\*\*Open a mailbox\*\*: .*\(RFC 9051 §6\.3\.2\) \|$/);
    expect(meanings.find((l) => l.includes('`[UIDVALIDITY 1796113211]` (26)'))).toMatch(/\*\*UID validity\*\*.*\(RFC 9051 §7\.1\) \|$/);
    expect(meanings.find((l) => l.includes('`+ OK` (41)'))).toContain('**Continuation request**');
    expect(meanings.filter((l) => l.includes('**Open a mailbox**'))).toHaveLength(1);
    expect(meanings.filter((l) => l.includes('(RFC 9051 §6.4.5)'))).toHaveLength(1); // FETCH, three times in the dialogue
    expect(meanings.every((l) => /\(RFC \d+( §[\d.]+)?\) \|$/.test(l))).toBe(true);
    // The login, decoded and masked: a failed one and the accepted one.
    expect(session).toContain('| Password / secret | sent (14 characters), masked here |');
    expect(session).toContain('| Result | rejected: NO \\[AUTHENTICATIONFAILED\\] Authentication failed. |');
    expect(session).toContain('| Result | accepted: OK Logged in |');
    expect(session).toContain('LOGIN sends the user name and the password as plain text');
    // The mailboxes, what SELECT reported, the search.
    expect(session).toContain('| INBOX | 23 | \\\\HasNoChildren (Has no children) | `.` |');
    expect(session).toContain('| `[UIDVALIDITY]` | 1796113211 | UIDs stay valid as long as this number does not change |');
    expect(session).toContain('| `[READ-WRITE]` |  | opened for reading and changing |');
    expect(session).toContain('SEARCH ALL (frame 27) found the messages 1, 2.');
    expect(session).toContain('| 59 | 3 | FLAGS | \\\\Deleted \\\\Seen \\\\Recent | STORE 3:4 +FLAGS (\\\\Deleted) |');
    // The messages fetched, decoded by the shared mail view: the GB2312 subject, the attachment; the header-only fetch referred to them.
    expect(session).toContain('Message 1, fetched with FETCH 1 (BODY\\[\\]) (frame 32):');
    expect(session).toContain('| 4 | Subject | `=?GB2312?B?SU1BUCDKtdHpo7rIobvY08q8/g==?=` → IMAP 实验：取回邮件 |');
    const csv = 'step,protocol,frames\nlogin,IMAP,4\nselect,IMAP,6\nfetch,IMAP,12\n';
    expect(session).toContain(`| \`report.csv\` | text/csv | 62 bytes | \`${createHash('sha256').update(csv).digest('hex')}\` |`);
    expect(session).toContain('The message the client uploaded with APPEND INBOX (\\\\Seen) \\{198 bytes\\} (frame 42), to keep on the server:');
    expect(session).toContain('They are the header fields of message 1, decoded above');
    // The sequence diagram, written beside the report.
    expect(session).toContain('![The dialogue as a sequence diagram](imap-session.files/imap-0.svg)');
    const svg = readFileSync(join(enDir, 'imap-session.files', 'imap-0.svg'), 'utf8');
    expect(svg).toContain('>ODGI6 SELECT INBOX<');
    expect(svg).toContain('7 untagged lines, then ODGI6 OK [READ-WRITE] Select compl');
    expect(svg).not.toMatch(/<script|href=/);
  });

  it('refers a message already decoded back to where it was, and puts IMAP in the comparison, the summary and the appendix', () => {
    const task3 = section(en, '### 4.3 Task 3: Decode a message fetched with IMAP, and compare IMAP with SMTP and POP3.');
    expect(task3).toContain('Message 1, fetched with FETCH 1 (BODY\\[\\]) (frame 32):\n\nIt is the same message as the one decoded before (see Task 2).');
    expect(task3).toContain('| Aspect | HTTP | SMTP | POP3 | IMAP |');
    expect(task3).toMatch(/\| Push or pull \|.*\| pull: the client fetches what it needs; the mail stays on the server \|/);
    expect(task3).toMatch(/\| In this capture \| 0 connections \| 0 connections \| 0 connections \| 1 connections \|/);
    const summary = section(en, '## 5 Summary');
    expect(summary).toContain(
      '1. IMAP: the session shown (1 in the capture) logged in as student with LOGIN (after one failed attempt), opened INBOX (2 messages) and fetched 2 messages (535 bytes, 860 bytes); it deleted 2 messages with EXPUNGE, and the rest stayed on the server.',
    );
    expect(summary).toContain('2 IMAP logins with LOGIN (the first in frame 12)');
    expect(section(en, '## 3 Environment')).toContain('| IMAP server (its greeting) | \\* OK Dovecot (Debian) ready. |');
    expect(en).toContain('The packet list in Wireshark with the display filter “imap”');
    expect(en).toContain('| 32 | 4.546227 | 127.0.0.1 | 127.0.0.1 | IMAP/IMF | 699 | from: =?GB2312?B?zfXQocP3?= \\<student@lab.test\\>');
    expect(en).toMatch(/### B\. IMAP sessions\n\n.*\n\n.*\n.*\n\| ▶ \| 0 \| 127\.0\.0\.1:39546 \| 127\.0\.0\.1:143 \| LOGIN ✗, LOGIN \| 3 \| 70 \| {2}\|/);
  });

  it('is written in Chinese with --lang zh, the RFC sections in Chinese form', () => {
    expect(zh).toContain('# 实验报告：使用 Wireshark 分析 IMAP 协议');
    expect(zh).toContain('IMAP 也是文本协议，共有三种行。');
    expect(zh).toContain('| 命令 | `ODGI6 SELECT INBOX`（24） | 标签 ODGI6，命令 SELECT，参数 INBOX |');
    expect(zh).toContain('按教材的形式写出的对话（C：客户端，S：服务器）');
    expect(zh).toMatch(/\| C \| `ODGI6 SELECT INBOX`（24） \| \*\*打开邮箱\*\*：.*（RFC 9051 第 6\.3\.2 节） \|/);
    expect(zh).toContain('它与前面已解码的邮件是同一封（见任务 2）。');
    expect(zh).toContain('1. IMAP：所示会话（抓包中共 1 个）以 student 的身份用 LOGIN 登录（之前有一次登录失败）');
    expect(zh).toContain('| 拉取：客户端按需取回；邮件仍留在服务器上 |');
    const pdf = pdfText(join(zhDir, 'imap-session.pdf'));
    expect(pdf).toContain('IMAP 实验：取回邮件');
    expect(pdf).toContain('这是用 IMAP 协议取回的测试邮件。');
  });

  it('writes the model the issue names: imap.sessions with their transcript, messages, packet list and the session shown', () => {
    const model = ReportModel.parse(JSON.parse(readFileSync(join(enDir, 'imap-session.json'), 'utf8')));
    const imap = ImapModel.parse((model as unknown as { imap: unknown }).imap);
    expect(imap.selection).toEqual({ session: { stream: 0, chosenBy: 'auto' } });
    const [s] = imap.sessions;
    expect(s).toMatchObject({ stream: 0, client: { ip: '127.0.0.1', port: 39546 }, server: { ip: '127.0.0.1', port: 143 } });
    expect(s!.transcript[0]).toMatchObject({
      frame: 4,
      side: 'S',
      tag: '*',
      command: null,
      status: 'OK',
      text: expect.stringContaining('Dovecot (Debian) ready.'),
    });
    expect(s!.transcript.find((l) => l.frame === 24)).toMatchObject({ side: 'C', tag: 'ODGI6', command: 'SELECT', status: null, text: 'ODGI6 SELECT INBOX' });
    expect(s!.messages.map((m) => m.subject)).toEqual(['IMAP 实验：取回邮件', 'Lab 3 measurements (attachment)', 'draft saved with APPEND']);
    // The packet list is tshark's, frame for frame (its columns are compared in imap-packets.test.ts).
    expect(imap.packets.map((p) => p.frame)).toEqual(tshark(SESSION, ['frame.number'], { filter: 'imap' }).map(([f]) => Number(f)));
    // The frames the structure block details are in the model's frames.
    expect(model.frames.map((f) => f.number)).toEqual([24, 26]);
  });

  it('gives the class summary its IMAP FETCH column', async () => {
    const sessionModel = JSON.parse(readFileSync(join(enDir, 'imap-session.json'), 'utf8'));
    const labDir = await build(LAB, ['--format', 'json']);
    const labModel = JSON.parse(readFileSync(join(labDir, 'lab.json'), 'utf8'));
    const rows = [summaryRow(SESSION, 'imap-session', sessionModel, 'a'), summaryRow(LAB, 'lab', labModel, 'b')];
    expect(rows.map((r) => r.columns.hasImapFetch)).toEqual([true, false]);
    const out = tempDir();
    await writeSummary(rows, loadConfig(undefined), out);
    const [header, first, second] = readFileSync(join(out, 'summary.csv'), 'utf8')
      .split('\r\n')
      .map((l) => l.split(','));
    const column = header!.indexOf('hasImapFetch');
    expect(column).toBeGreaterThan(header!.indexOf('hasPop3Retr'));
    expect([first![column], second![column]]).toEqual(['true', 'false']);
    const md = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(md).toMatch(/\| POP3 RETR \| IMAP FETCH \|/);
  });

  it('shows no password in any output, in any encoding', async () => {
    // imap-auth.pcapng sends it in base64 (AUTHENTICATE PLAIN and LOGIN), as an HMAC-MD5 digest and as LITERAL+ literals.
    const authDir = await build(AUTH, ['--format', 'md,html,json']);
    const texts = [...outputs(enDir), ...outputs(zhDir), ...outputs(authDir)];
    expect(texts.map((t) => t.file)).toEqual(
      expect.arrayContaining(['imap-session.md', 'imap-session.html', 'imap-session.pdf', 'imap-session.json', 'imap-0.svg', 'imap-auth.md']),
    );
    expect(texts.some((t) => t.file.startsWith('imap-session.docx/word/document'))).toBe(true);
    for (const secret of PASSWORDS)
      for (const form of forms(secret)) for (const { file, text } of texts) expect(text.includes(form), `${form} in ${file}`).toBe(false);
    expect(readFileSync(join(authDir, 'imap-auth.md'), 'utf8')).toContain('| C | 14 | `••••••••` | `␀student␀••••••••` |');
  });
});
