import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_FILE } from '../src/report/config-options.js';
import { OWN_FIXTURES, PUBLIC_FIXTURES, tempDir, tempFile } from './helpers/files.js';
import { Conversation, pcapFile } from './helpers/packets.js';

/*
 * The report as a student gets it: md, html and pdf built by the real command, read
 * back (the PDF with pdftotext), in English and Chinese; hostile captures that must not
 * make anything active or fetch anything; secrets that must appear in no output.
 */

const root = join(import.meta.dirname, '..');
const LAB = join(OWN_FIXTURES, 'lab.pcapng');

function labreport(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

/** The Markdown between a heading and the next heading of the same or a higher level. */
function section(md: string, heading: string): string {
  const at = md.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`no heading "${heading}"`);
  const level = /^#+/.exec(heading)![0].length;
  const rest = md.slice(at + heading.length + 2);
  const next = rest.search(new RegExp(`\\n#{1,${level}} `));
  return next < 0 ? rest : rest.slice(0, next);
}

/** The PDF page on which a line starting with `text` first appears. */
function pageOf(pdf: string, text: string): number {
  const pages = pdf.split('\f');
  return pages.findIndex((p) => p.split('\n').some((l) => l.trim().startsWith(text))) + 1;
}

describe('the lab report in English', () => {
  const out = tempDir();
  let md = '';
  let html = '';
  let pdf = '';
  beforeAll(() => {
    const r = labreport(['build', LAB, '--out', out]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    md = readFileSync(join(out, 'lab.md'), 'utf8');
    html = readFileSync(join(out, 'lab.html'), 'utf8');
    pdf = pdfText(join(out, 'lab.pdf'));
  });

  it('writes md, html and pdf, and the pictures beside the Markdown', () => {
    expect(readdirSync(out).sort()).toEqual(['lab.files', 'lab.html', 'lab.md', 'lab.pdf']);
    expect(readdirSync(join(out, 'lab.files'))).toEqual(['smtp-8.svg']);
    expect(md).toContain('![The dialogue as a sequence diagram](lab.files/smtp-8.svg)');
  });

  it('has the sections of a lab report, in order, each task answered in its own subsection', () => {
    const headings = [...md.matchAll(/^#{1,3} .*$/gm)].map((m) => m[0]);
    expect(headings.slice(0, 13)).toEqual([
      '# Lab report: HTTP, SMTP and POP3 protocol analysis with Wireshark',
      '## 1 Purpose',
      '## 2 Tasks',
      '## 3 Environment',
      '## 4 Procedure and results',
      '### 4.1 Task 1: Capture an HTTP request and identify every part of it according to the structure of a request message.',
      '### 4.2 Task 2: Find the response to that request, identify its parts, and compare the request and the response.',
      '### 4.3 Task 3: Study the GET and POST methods; compare their requests and their responses.',
      '### 4.4 Task 4: Capture SMTP and POP3 and identify every part of their messages.',
      "### 4.5 Task 5: Write out the SMTP exchange between the client (C) and the server (S) in the textbook's form.",
      '## 5 Summary',
      '## Appendix',
      '### A. The packet list',
    ]);
    expect(md).toContain('| Course |  | Score |  |');
    expect(md).toContain('| Web server (from its Server header) | nginx/1.22.1 |');
    expect(md).toContain('| SMTP server (its greeting) | mail.lab.test Python SMTP 1.4.3 |');
  });

  it('task 1: the request as Wireshark shows it, then part by part, each header and value explained', () => {
    const task = section(md, '### 4.1 Task 1: Capture an HTTP request and identify every part of it according to the structure of a request message.');
    expect(task).toContain('The request examined is in frame 7: GET / from 127.0.0.1:60504 to 127.0.0.1:80 (tcp.stream 0)');
    expect(task).toContain('| ▶ | 7 | 0.021738 | 127.0.0.1 | 127.0.0.1 | HTTP | 726 | GET / HTTP/1.1 |');
    expect(task).toContain('Frame 7: 726 bytes on wire (5808 bits), 726 bytes captured (5808 bits)');
    expect(task).toContain('Transmission Control Protocol, Src Port: 60504, Dst Port: 80, Seq: 1, Ack: 1, Len: 660');
    expect(task).toContain('    [Full request URI: http://127.0.0.1/]\n    [HTTP request 1/2]\n    [Response in frame: 11]\n    [Next request in frame: 13]');
    expect(task).toMatch(/\| Request line: method \| `GET` \| Retrieves the resource .*\(RFC 9110 §9\.3\.1\) \|/);
    expect(task).toMatch(/\| 1 \| Host \| `127\.0\.0\.1` \| \*\*Host\*\*: the server 127\.0\.0\.1; no port is given, so the default 80 \(RFC 9110 §7\.2\) \|/);
    expect(task).toContain('**Accepted content codings**: gzip, deflate, br, zstd: all equally acceptable (no q-values)');
    expect(task).toContain('zh-CN Chinese (China), first choice; zh Chinese, q=0.9; en-US American English, q=0.8; en English, q=0.7');
    expect(task).toContain('**User agent**: Chrome Headless 156 on Linux');
  });

  it('task 2: the response as Wireshark shows it, reassembled and decoded, compared with the request; what was explained is referred back to', () => {
    const task = section(md, '### 4.2 Task 2: Find the response to that request, identify its parts, and compare the request and the response.');
    expect(task).toContain('[2 Reassembled TCP Segments (2185 bytes): #9(1448), #11(737)]');
    expect(task).toContain('        [Status Code Description: OK]');
    expect(task).toContain('    [Time since request: 0.001031764 seconds]\n    [Request in frame: 7]');
    expect(task).toContain(
      '    Content-encoded entity body (gzip): 1886 bytes -> 3441 bytes\n    File Data: 3441 bytes\nLine-based text data: text/html (75 lines)',
    );
    expect(task).toMatch(/\| Status line: status code \| `200` \| OK: .*\(RFC 9110 §15\.3\.1\) \(class 2xx: Successful\) \|/);
    expect(task).toContain(
      '| 6 | Connection | `keep-alive` | **Connection options**: keep-alive: the connection stays open for further requests (see Task 1) |',
    );
    expect(task).toContain('| Size | 1,886 bytes on the wire, 3,441 bytes after decoding gzip |');
    expect(task).toContain('| TCP segments | one segment (frame 7) | 2 segments reassembled: \\#9(1448), \\#11(737) |');
    expect(task).toContain('<title>计算机网络实验 · Computer Networks Lab</title>');
  });

  it('task 3: a GET and a POST, where their parameters travel, and their answers', () => {
    const task = section(md, '### 4.3 Task 3: Study the GET and POST methods; compare their requests and their responses.');
    expect(task).toContain('HTML Form URL Encoded: application/x-www-form-urlencoded\n    Form item: "name" = "Wang Xiaoming"');
    expect(task).toContain('| Where the parameters travel | no parameters | in the body (application/x-www-form-urlencoded) |');
    expect(task).toContain('frame 92: 302 Moved Temporarily → http://127.0.0.1/thanks.html');
    // The headers that do not tell GET from POST are left out of the second look at the request.
    expect(task).not.toContain('Sec-Fetch-Mode');
  });

  it('task 4: the parts of SMTP and POP3 messages, on lines of the capture and as Wireshark shows them', () => {
    const task = section(md, '### 4.4 Task 4: Capture SMTP and POP3 and identify every part of their messages.');
    expect(task).toContain('| Command | `MAIL FROM:<student@lab.test>` (145) | command MAIL, parameter FROM:\\<student@lab.test\\> |');
    expect(task).toContain('    Command Line: MAIL FROM:<student@lab.test>\\r\\n\n        Command: MAIL\n        Request parameter: FROM:<student@lab.test>');
    expect(task).toContain('        Response code: Requested mail action okay, completed (250)\n        Response parameter: OK');
    expect(task).toContain('    USER student\\r\\n\n        Request command: USER\n        Request parameter: student');
    expect(task).toContain('| Multi-line response | `+OK 1 messages: … .` (181) |');
    expect(task).toContain('  174  C: PASS ••••••••');
    expect(task).toContain(
      'The message downloaded here is the one sent in the SMTP session (SMTP, tcp.stream 8), with the header fields the receiving server added on top: Return-Path, Delivered-To, Received.',
    );
  });

  it("task 5: the SMTP session in the textbook's C:/S: form, its login and envelope, the message decoded", () => {
    const task = section(md, "### 4.5 Task 5: Write out the SMTP exchange between the client (C) and the server (S) in the textbook's form.");
    expect(task).toContain('  128  S: 220 mail.lab.test Python SMTP 1.4.3\n  130  C: EHLO client.lab.test\n  132  S: 250-mail.lab.test');
    expect(task).toContain('  153  C: Subject: =?GB2312?B?vMbL47v6zfjC58q10emjukhUVFDT69PKvP7QrdLp?=');
    expect(task).toContain('  156  C: .\n  157  S: 250 2.0.0 Ok: queued as 9DF43BC8EE');
    expect(task).toContain('base64 for "Username:"');
    expect(task).toContain('| S | 140 | `VXNlcm5hbWU6` | `Username:` |');
    expect(task).toContain('| 5 | Subject | `=?GB2312?B?vMbL47v6zfjC58q10emjukhUVFDT69PKvP7QrdLp?=` → 计算机网络实验：HTTP与邮件协议 |');
    // 250 is explained once; a later 250 with another enhanced code adds only that code.
    expect(task.match(/\*\*OK, action completed\*\*/g)).toHaveLength(1);
    expect(task).toContain('| S | `250 2.1.5 OK` (148) | **2.1.5: Success: Addressing status, Destination address valid** |');
  });

  it('sums up from the capture, and says what went over the wire in clear text', () => {
    const summary = section(md, '## 5 Summary');
    expect(summary).toContain(
      '1. HTTP: 15 requests and 15 responses on 8 TCP connections (all HTTP/1.1); methods GET × 13, POST × 2; status codes 200 × 11, 404 × 2, 302, 304.',
    );
    expect(summary).toContain(
      'an HTTP POST (password field "password" in frame 90), an SMTP login with AUTH LOGIN (frames 141, 143), a POP3 login with USER/PASS (frame 174)',
    );
  });

  it('says nothing about the tool before the appendix', () => {
    const body = md.slice(0, md.indexOf('\n## Appendix\n'));
    // (The capture's own text may name anything: the fixture's mail program is "labreport fixture builder".)
    expect(body).not.toMatch(
      /labreport (chose|picked|found|shows)|\bthis tool\b|--(request|get|post|smtp|pop3|lab|notes|max-[a-z-]+|reveal-secrets|format|out|lang|chrome)\b/i,
    );
  });

  it('fits the body of the report in 15 pages of the PDF, with the Chinese text readable', () => {
    expect(pageOf(pdf, 'Appendix') - 1).toBeLessThanOrEqual(15);
    expect(pdf).toContain('这是计算机网络实验三的测试邮件。');
    expect(pdf).toMatch(/Page 1 of \d+/);
  });

  it('is a standalone HTML page that can run and fetch nothing, its pictures embedded', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;`);
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|<form|<[a-z][^>]*\son\w+=/i);
    const images = [...html.matchAll(/<img[^>]*src="([^"]*)"/g)].map((m) => m[1]!);
    expect(images).toHaveLength(1);
    expect(Buffer.from(images[0]!.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8')).toBe(
      readFileSync(join(out, 'lab.files', 'smtp-8.svg'), 'utf8'),
    );
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^#s[\d-]+$/);
  });

  it('is the same, byte for byte, when built again', () => {
    const again = tempDir();
    labreport(['build', LAB, '--out', again, '--format', 'md,html']);
    expect(readFileSync(join(again, 'lab.md'), 'utf8')).toBe(md);
    expect(readFileSync(join(again, 'lab.html'), 'utf8')).toBe(html);
  });
});

describe('the lab report in Chinese', () => {
  it('has the sections of a Chinese lab report, in Chinese, within 15 pages before the appendix', () => {
    const out = tempDir();
    expect(labreport(['build', LAB, '--out', out, '--lang', 'zh', '--format', 'md,pdf']).code).toBe(0);
    const md = readFileSync(join(out, 'lab.md'), 'utf8');
    const headings = [...md.matchAll(/^##? .*$/gm)].map((m) => m[0]);
    expect(headings).toEqual([
      '# 实验报告：使用 Wireshark 分析 HTTP、SMTP 和 POP3 协议',
      '## 一、实验目的',
      '## 二、实验任务',
      '## 三、实验环境',
      '## 四、实验过程',
      '## 五、总结',
      '## 附录',
    ]);
    expect(md).toContain('### 任务 1：捕获一个 HTTP 请求报文，按照报文结构识别其各个组成部分。');
    expect(md).toContain('| 课程名称 |  | 成绩 |  |');
    expect(md).toMatch(/\| 1 \| Host \| `127\.0\.0\.1` \| \*\*[^*]*主机[^*]*\*\*：.*（RFC 9110 第 7\.2 节） \|/);
    expect(md).toContain('（见任务 1）');
    const pdf = pdfText(join(out, 'lab.pdf'));
    expect(pageOf(pdf, '附录') - 1).toBeLessThanOrEqual(15);
    expect(pdf).toContain('这是计算机网络实验三的测试邮件。');
  });
});

describe('secrets', () => {
  /** Every password in the fixtures, as it travelled. */
  const SECRETS: [string, string][] = [
    [LAB, 'Lab-Pa55word!'],
    [LAB, 'Web-Pa55word!'],
    [join(PUBLIC_FIXTURES, 'smtp-auth-login-attachment.pcap'), 'punjab@123'],
    [join(PUBLIC_FIXTURES, 'pop3-retr-gb2312.pcap'), '123456'],
    [join(PUBLIC_FIXTURES, 'pop3-user-pass-auth-plain.pcapng'), 'pippozzo'],
    [join(PUBLIC_FIXTURES, 'pop3-user-pass-auth-plain.pcapng'), 'napier123'],
  ];
  const forms = (secret: string) => [
    secret,
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    Buffer.from(secret).toString('hex'),
    encodeURIComponent(secret),
  ];
  const outputs = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((f) =>
      f.isDirectory() ? outputs(join(dir, f.name)) : [f.name.endsWith('.pdf') ? pdfText(join(dir, f.name)) : readFileSync(join(dir, f.name), 'utf8')],
    );

  it.each([...new Set(SECRETS.map(([c]) => c))])('no password of %s appears in any output, in any encoding', (capture) => {
    const out = tempDir();
    expect(labreport(['build', capture, '--out', out, '--format', 'json,md,html,pdf']).code).toBe(0);
    const texts = outputs(out);
    for (const [, secret] of SECRETS.filter(([c]) => c === capture)) {
      for (const form of forms(secret)) for (const text of texts) expect(text.includes(form), `${form} found`).toBe(false);
    }
  });

  it('shows them with --reveal-secrets', () => {
    const out = tempDir();
    labreport(['build', LAB, '--out', out, '--format', 'json,md', '--reveal-secrets']);
    const md = readFileSync(join(out, 'lab.md'), 'utf8');
    expect(md).toContain('Lab-Pa55word!');
    expect(md).toContain('Web-Pa55word!');
  });
});

describe('hostile captures', () => {
  let server: Server;
  let port = 0;
  let hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('gotcha');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('render inert, and printing the PDF makes no network request', () => {
    const evil = `http://127.0.0.1:${port}`;
    const payloads = [
      `<script>fetch('${evil}/script')</script>`,
      `<img src=${evil}/img.png onerror=alert(1)>`,
      `![tracker](${evil}/md-image.png)`,
      `[click me](javascript:alert(document.cookie))`,
      `<link rel=prefetch href="${evil}/prefetch">`,
      `<style>body{background:url(${evil}/css)}</style>`,
      `<iframe src="${evil}/frame"></iframe>`,
    ];
    const body = `<html><body>${payloads.join('\n')}</body></html>`;
    const conv = new Conversation({ ip: '10.9.9.1', port: 40123 }, { ip: '10.9.9.2', port: 80 })
      .handshake()
      .send(
        true,
        `GET /${encodeURI(payloads[2]!)}?q=${payloads[0]} HTTP/1.1\r\nHost: victim\r\nX-Evil: ${payloads[1]} ${payloads[3]}\r\nReferer: ${payloads[4]}\r\n\r\n`,
      )
      .send(false, `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Frame: ${payloads[6]}\r\nContent-Length: ${body.length}\r\n\r\n${body}`)
      .close();
    const capture = tempFile('hostile.pcap', pcapFile(conv.packets()));
    const out = tempDir();
    hits = [];
    const r = labreport(['build', capture, '--out', out]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const html = readFileSync(join(out, 'hostile.html'), 'utf8');
    const md = readFileSync(join(out, 'hostile.md'), 'utf8');
    // The captured text is all there, as text.
    expect(html).toContain('&lt;script&gt;fetch(');
    expect(md).toContain('X-Evil');
    // Nothing active: no element a capture could have injected, no link out, no remote image.
    expect(html).not.toMatch(/<(script|iframe|link|style[^>]*>[^<]*url\(http|object|embed|form)\b/i);
    expect(html).not.toMatch(/<img[^>]*src="(?!data:image\/svg\+xml;base64,)/);
    expect(html).not.toMatch(/href="(?!#)/);
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    expect(hits).toEqual([]);
  });
});

describe('configuration and templates', () => {
  it('init writes a starter config that build reads', () => {
    const cwd = tempDir();
    expect(labreport(['init'], cwd)).toMatchObject({ code: 0 });
    const config = JSON.parse(readFileSync(join(cwd, DEFAULT_CONFIG_FILE), 'utf8'));
    config.header.student = { name: 'Wang Xiaoming', number: '20240001' };
    config.header.course = 'Computer Networks';
    config.formats = ['md'];
    writeFileSync(join(cwd, DEFAULT_CONFIG_FILE), JSON.stringify(config));
    expect(labreport(['build', LAB], cwd).code).toBe(0);
    const md = readFileSync(join(cwd, 'output', 'lab.md'), 'utf8');
    expect(md).toContain('| Student | Wang Xiaoming | Student no. | 20240001 |');
    expect(md).toContain('\n# Lab report: HTTP, SMTP and POP3 protocol analysis with Wireshark\n');
    expect(labreport(['init'], cwd)).toMatchObject({ code: 2, stderr: expect.stringMatching(/already exists/) });
  });

  it.each([
    [{ header: { studnet: {} } }, /header: unknown key "studnet"/],
    [{ language: 'fr' }, /language: Invalid option: expected one of "en"\|"zh"/],
    [{ frames: { request: 'seven' } }, /frames\.request: Invalid input: expected number, received string/],
  ])('a wrong config %j is a one-line error naming its path', (config, message) => {
    const file = tempFile('bad.config.json', JSON.stringify(config));
    const r = labreport(['build', LAB, '--config', file, '--format', 'md', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a request frame that holds no request is a clear error', () => {
    const r = labreport(['build', LAB, '--request', '3', '--format', 'md', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--request 3: no HTTP request in frame 3 \(HTTP requests end in frames 7, 13, 16/);
    expect(labreport(['build', LAB, '--post', '7', '--format', 'md', '--out', tempDir()]).stderr).toMatch(/the request in frame 7 is a GET, not a POST/);
  });

  it('custom templates: a changed section shows, the rest falls back to the defaults', () => {
    const cwd = tempDir();
    expect(labreport(['templates', 'init', 'mine'], cwd).code).toBe(0);
    expect(existsSync(join(cwd, 'mine', 'partials', 'http', 'request.md.hbs'))).toBe(true);
    // Keep only one partial, changed: the others must come from the defaults.
    const dir = join(cwd, 'only');
    mkdirSync(join(dir, 'partials'), { recursive: true });
    writeFileSync(join(dir, 'partials', 'about.md.hbs'), 'Notes from my group: captured by {{@root.header.2.value1}} on {{@root.model.capture.file}}.\n');
    const out = join(cwd, 'out');
    expect(labreport(['build', LAB, '--templates', dir, '--format', 'md', '--out', out], cwd).code).toBe(0);
    const md = readFileSync(join(out, 'lab.md'), 'utf8');
    expect(md).toContain('Notes from my group: captured by  on lab.pcapng.');
    expect(md).toContain('### 4.1 Task 1: Capture an HTTP request');
  });

  it('render re-renders a saved model, in another language', () => {
    const out = tempDir();
    labreport(['build', LAB, '--out', out, '--format', 'json']);
    expect(labreport(['render', join(out, 'lab.json'), '--lang', 'zh', '--format', 'md', '--out', out]).code).toBe(0);
    expect(readFileSync(join(out, 'lab.md'), 'utf8')).toContain('\n# 实验报告：使用 Wireshark 分析 HTTP、SMTP 和 POP3 协议\n');
    expect(labreport(['render', join(PUBLIC_FIXTURES, 'http-sll2-tiny.pcap')]).stderr).toMatch(/is not a JSON model/);
  });
});

describe('without a browser', () => {
  // How the browser is found, on every platform, is in browser.test.ts.
  it('md and html are still written, and the error names the browser given', () => {
    const out = tempDir();
    const r = labreport(['build', LAB, '--out', out, '--chrome', '/nonexistent/chrome']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('labreport: --chrome /nonexistent/chrome: no such program (give the path of a Chrome, Chromium or Edge executable)\n');
    expect(readdirSync(out).sort()).toEqual(['lab.files', 'lab.html', 'lab.md']);
  });
});
