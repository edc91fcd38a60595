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

  it('writes md, html and pdf', () => {
    expect(readdirSync(out).sort()).toEqual(['lab.html', 'lab.md', 'lab.pdf']);
  });

  it('dissects the browser request header by header, each with its explanation and RFC', () => {
    const anatomy = md.slice(md.indexOf('## Anatomy of an HTTP request'), md.indexOf('## Anatomy of the HTTP response'));
    expect(anatomy).toContain('The request in frame 7 is examined');
    expect(anatomy).toContain('`Frame 7: 726 bytes on wire (5808 bits), 726 bytes captured (5808 bits)`');
    expect(anatomy).toContain('`Transmission Control Protocol, Src Port: 60504, Dst Port: 80, Seq: 1, Ack: 1, Len: 660`');
    expect(anatomy).toMatch(/\| 1 \| Host \| `127\.0\.0\.1` \| \*\*Host\*\*: .* \(RFC 9110 §7\.2\) \|/);
    expect(anatomy).toMatch(/\| User-Agent \| `Mozilla\/5\.0 .*HeadlessChrome.*` \| \*\*User agent\*\*: .*\(RFC 9110 §10\.1\.5\) \|/);
    expect(anatomy).toMatch(/\| Accept-Encoding \| `gzip, deflate, br, zstd` \| \*\*Accepted content codings\*\*/);
    expect(anatomy).toContain('| Method | `GET` |');
    expect(anatomy).toContain('request 1 of 2 on TCP connection 0');
  });

  it('dissects the response: status explained, chunked gzip body decoded, segments listed', () => {
    const response = md.slice(md.indexOf('## Anatomy of the HTTP response'), md.indexOf('## Request versus response'));
    expect(response).toMatch(/\| Status code \| `200` \| \*\*OK\*\*: .*\(RFC 9110 §15\.3\.1\) \|/);
    expect(response).toContain('Content-encoded entity body (gzip): 1,886 bytes → 3,441 bytes');
    expect(response).toContain('2 reassembled TCP segments (2,185 bytes): \\#9(1448), \\#11(737)');
    expect(response).toContain('<title>计算机网络实验 · Computer Networks Lab</title>');
  });

  it('compares GET with POST and finds the conditional GET', () => {
    expect(md).toContain('| Where the parameters travel | no parameters | in the body (application/x-www-form-urlencoded) |');
    expect(md).toContain('frame 92: 302 Moved Temporarily → http://127.0.0.1/thanks.html');
    expect(md).toContain('| Response | frame 66: `HTTP/1.1 304 Not Modified` |');
  });

  it('walks through the SMTP and POP3 dialogues with the mail decoded', () => {
    expect(md).toContain('## SMTP session (TCP connection 8)');
    expect(md).toContain('   140     18  S: 334 VXNlcm5hbWU6');
    expect(md).toContain('(base64 for "Username:")');
    expect(md).toContain('| Subject | `=?GB2312?B?vMbL47v6zfjC58q10emjukhUVFDT69PKvP7QrdLp?=` | 计算机网络实验：HTTP与邮件协议 |');
    expect(md).toContain('## POP3 session (TCP connection 9)');
    expect(md).toMatch(/\| 8 \| `RETR 1` \(185\) \| `\+OK 3951 octets/);
    expect(md).toContain('## HTTP, SMTP and POP3 compared');
  });

  it('puts every section in the PDF, with the Chinese text readable', () => {
    for (const heading of [
      'The capture',
      'HTTP packets',
      'Anatomy of an HTTP request',
      'Anatomy of the HTTP response',
      'Request versus response',
      'GET versus POST',
      'Conditional GET',
      'All HTTP exchanges',
      'The structure of SMTP and POP3 messages',
      'SMTP session (TCP connection 8)',
      'POP3 session (TCP connection 9)',
      'HTTP, SMTP and POP3 compared',
    ]) {
      expect(pdf).toContain(heading);
    }
    expect(pdf).toContain('计算机网络实验：HTTP与邮件协议');
    expect(pdf).toMatch(/Page 1 of \d+/);
  });

  it('is a standalone HTML page that can run and fetch nothing', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;`);
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|<form|<[a-z][^>]*\son\w+=/i);
    for (const [, src] of html.matchAll(/<img[^>]*src="([^"]*)"/g)) expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
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
  it('switches headings, table heads and explanations', () => {
    const out = tempDir();
    expect(labreport(['build', LAB, '--out', out, '--lang', 'zh', '--format', 'md,pdf']).code).toBe(0);
    const md = readFileSync(join(out, 'lab.md'), 'utf8');
    expect(md).toMatch(/^# 实验报告/);
    expect(md).toMatch(/\| Host \| `127\.0\.0\.1` \| \*\*[^*]*主机[^*]*\*\*: .*\(RFC 9110 第 7\.2 节\) \|/);
    expect(md).toMatch(/\| Status code|状态码/);
    expect(md).not.toContain('## Anatomy of an HTTP request');
    const pdf = pdfText(join(out, 'lab.pdf'));
    expect(pdf).toMatch(/实验报告/);
    expect(pdf).toContain('计算机网络实验：HTTP与邮件协议');
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
  const outputs = (dir: string) => readdirSync(dir).map((f) => (f.endsWith('.pdf') ? pdfText(join(dir, f)) : readFileSync(join(dir, f), 'utf8')));

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
    expect(md).toContain('| Student | Wang Xiaoming | Student number | 20240001 |');
    expect(md).toMatch(/^# Lab report: Analysing HTTP, SMTP and POP3 with Wireshark/);
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
    expect(existsSync(join(cwd, 'mine', 'partials', 'http-request.md.hbs'))).toBe(true);
    // Keep only one partial, changed: the others must come from the defaults.
    const dir = join(cwd, 'only');
    mkdirSync(join(dir, 'partials'), { recursive: true });
    writeFileSync(join(dir, 'partials', 'about.md.hbs'), '## Notes from my group\n\nCaptured by {{header.student.name}} on {{capture.file}}.\n');
    const out = join(cwd, 'out');
    expect(labreport(['build', LAB, '--templates', dir, '--format', 'md', '--out', out], cwd).code).toBe(0);
    const md = readFileSync(join(out, 'lab.md'), 'utf8');
    expect(md).toContain('## Notes from my group');
    expect(md).toContain('Captured by  on lab.pcapng.');
    expect(md).toContain('## Anatomy of an HTTP request');
  });

  it('render re-renders a saved model, in another language', () => {
    const out = tempDir();
    labreport(['build', LAB, '--out', out, '--format', 'json']);
    expect(labreport(['render', join(out, 'lab.json'), '--lang', 'zh', '--format', 'md', '--out', out]).code).toBe(0);
    expect(readFileSync(join(out, 'lab.md'), 'utf8')).toMatch(/^# 实验报告/);
    expect(labreport(['render', join(PUBLIC_FIXTURES, 'README.md')]).stderr).toMatch(/is not a JSON model/);
  });
});

describe('without a browser', () => {
  // How the browser is found, on every platform, is in browser.test.ts.
  it('md and html are still written, and the error names the browser given', () => {
    const out = tempDir();
    const r = labreport(['build', LAB, '--out', out, '--chrome', '/nonexistent/chrome']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('labreport: --chrome /nonexistent/chrome: no such program (give the path of a Chrome, Chromium or Edge executable)\n');
    expect(readdirSync(out).sort()).toEqual(['lab.html', 'lab.md']);
  });
});
