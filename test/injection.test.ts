import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { markdownCodeSpan, markdownInline } from '../src/render/markdown.js';
import { visibleText } from '../src/util/visible.js';
import { SUMMARY_COLUMNS, summaryCsv } from '../src/report/summary.js';
import { tempDir, tempFile } from './helpers/files.js';
import { Conversation, pcapFile } from './helpers/packets.js';

/*
 * Captured text can never become markup: a capture carrying Markdown, HTML, table pipes,
 * bidi overrides and zero-width characters in every field that reaches the report gives a
 * report whose HTML holds only the elements a clean report holds, whose Markdown holds no
 * raw HTML of the capture's, and whose text shows those characters visibly.
 */

const root = join(import.meta.dirname, '..');

function labreport(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A value that tries every trick: a table pipe with an image after it, HTML, a link, emphasis, a bidi override and a zero-width space. */
const EVIL = 'a|![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)|<img src=x onerror=alert(1)>[l](http://evil.example/)*em*\u202Eevil\u200B`tick';
/** The same in an RFC 2047 encoded word, as a mail header or a file name can carry it. */
const EVIL_WORD = `=?UTF-8?B?${Buffer.from(EVIL).toString('base64')}?=`;

function hostileCapture(): string {
  const http = new Conversation({ ip: '10.7.0.1', port: 41000 }, { ip: '10.7.0.2', port: 80 }).handshake();
  const form = `--b\r\nContent-Disposition: form-data; name="${EVIL.replace(/"/g, '')}"; filename="${EVIL_WORD}"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n`;
  http
    .send(
      true,
      utf8(
        `POST /up?q=${encodeURIComponent(EVIL)} HTTP/1.1\r\nHost: ${EVIL}\r\nUser-Agent: Mozilla/5.0 ${EVIL}\r\nCookie: s=token-42\r\nX-Note: ${EVIL}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: ${utf8(form).length}\r\n\r\n${form}`,
      ),
    )
    .send(
      false,
      utf8(
        `HTTP/1.1 200 ${EVIL}\r\nServer: ${EVIL}\r\nSet-Cookie: id=token-43; Path=/\r\nContent-Type: text/html\r\nContent-Length: ${utf8(EVIL).length}\r\n\r\n${EVIL}`,
      ),
    )
    .close();
  const get = new Conversation({ ip: '10.7.0.1', port: 41001 }, { ip: '10.7.0.2', port: 80 })
    .handshake()
    .send(true, `GET /${encodeURIComponent(EVIL)} HTTP/1.1\r\nHost: x\r\n\r\n`)
    .send(false, 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n')
    .close();
  const message = `From: ${EVIL_WORD} <a@x>\r\nTo: b@y\r\nSubject: ${EVIL_WORD}\r\nMessage-ID: <${EVIL.replace(/[<>]/g, '')}@x>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\n${EVIL}\r\n--m\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="${EVIL_WORD}"\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8=\r\n--m--\r\n`;
  const smtp = new Conversation({ ip: '10.7.0.1', port: 41002 }, { ip: '10.7.0.3', port: 25 })
    .handshake()
    .send(false, utf8(`220 ${EVIL}\r\n`))
    .send(true, utf8(`EHLO ${EVIL}\r\n`))
    .send(false, utf8(`250-mx\r\n250 ${EVIL}\r\n`))
    .send(true, utf8(`MAIL FROM:<${EVIL}>\r\n`))
    .send(false, '250 ok\r\n')
    .send(true, utf8(`RCPT TO:<${EVIL}>\r\n`))
    .send(false, '250 ok\r\n')
    .send(true, 'DATA\r\n')
    .send(false, '354 go\r\n')
    .send(true, utf8(`${message}.\r\n`))
    .send(false, utf8(`250 ${EVIL}\r\n`))
    .send(true, 'QUIT\r\n')
    .send(false, '221 bye\r\n')
    .close();
  const pop = new Conversation({ ip: '10.7.0.1', port: 41003 }, { ip: '10.7.0.4', port: 110 })
    .handshake()
    .send(false, utf8(`+OK ${EVIL}\r\n`))
    .send(true, 'USER u\r\n')
    .send(false, utf8(`+OK ${EVIL}\r\n`))
    .send(true, 'QUIT\r\n')
    .send(false, '+OK bye\r\n')
    .close();
  return tempFile('hostile-fields.pcap', pcapFile([...http.packets(), ...get.packets(), ...smtp.packets(), ...pop.packets()]));
}

function clean(): string {
  const c = new Conversation({ ip: '10.7.0.1', port: 42000 }, { ip: '10.7.0.2', port: 80 })
    .handshake()
    .send(true, 'POST /up HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=b')
    .send(false, 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n\r\nhi')
    .close();
  const smtp = new Conversation({ ip: '10.7.0.1', port: 42002 }, { ip: '10.7.0.3', port: 25 })
    .handshake()
    .send(false, '220 mx\r\n')
    .send(true, 'EHLO me\r\n')
    .send(false, '250 mx\r\n')
    .send(true, 'QUIT\r\n')
    .send(false, '221 bye\r\n')
    .close();
  return tempFile('clean-fields.pcap', pcapFile([...c.packets(), ...smtp.packets()]));
}

/** Every element name of an HTML body and the attribute names each carries. */
function inventory(html: string): Set<string> {
  const body = html.slice(html.indexOf('<body>'));
  return new Set(
    [...body.matchAll(/<([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*\/?>/g)].map(
      (m) => `${m[1]}${[...m[2]!.matchAll(/\s([a-z-]+)/g)].map((a) => ` ${a[1]}`).join('')}`,
    ),
  );
}

/** The raw HTML a Markdown viewer with HTML on would find in the Markdown: its html tokens, parsed by markdown-it with html allowed. */
function rawHtml(md: string): string[] {
  const tokens = markdownIt({ html: true }).parse(md, {});
  return tokens
    .flatMap((t) => [t, ...(t.children ?? [])])
    .filter((t) => t.type === 'html_inline' || t.type === 'html_block')
    .map((t) => t.content);
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('captured text in every field of the report', () => {
  it('never becomes an element, a picture, a link or raw HTML, in English and in Chinese', () => {
    const capture = hostileCapture();
    const plain = clean();
    for (const lang of ['en', 'zh']) {
      const out = tempDir();
      expect(labreport(['build', capture, '--lang', lang, '--format', 'md,html,json', '--out', out])).toMatchObject({ code: 0, stderr: '' });
      expect(labreport(['build', plain, '--lang', lang, '--format', 'html', '--out', out]).code).toBe(0);
      const html = readFileSync(join(out, 'hostile-fields.html'), 'utf8');
      const md = readFileSync(join(out, 'hostile-fields.md'), 'utf8');
      // Only what a clean report is made of, and its pictures are the report's own diagrams.
      const allowed = inventory(readFileSync(join(out, 'clean-fields.html'), 'utf8'));
      expect([...inventory(html)].filter((e) => !allowed.has(e))).toEqual([]);
      for (const [, src] of html.matchAll(/<img[^>]*src="([^"]*)"/g)) expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(html.match(/<img /g)?.length ?? 0).toBe(1); // the SMTP session's diagram
      expect(html).not.toMatch(/href="(?!#)/);
      expect(html).not.toContain('\u202E');
      expect(html).not.toContain('\u200B');
      // The Markdown: no tag of the capture's outside code, the invisible characters shown by name.
      expect(rawHtml(md)).toEqual([]);
      expect(md).toContain('⟨U+202E⟩');
      expect(md).not.toContain('\u202E');
      // The values are all there as text.
      expect(html).toContain('onerror=alert(1)');
      expect(html.split('⟨U+202E⟩').length).toBeGreaterThan(10);
    }
  });

  it('keeps the PDF free of drawn pictures but the diagram, and the text readable', () => {
    const out = tempDir();
    expect(labreport(['build', hostileCapture(), '--format', 'pdf', '--out', out]).code).toBe(0);
    const images = execFileSync('pdfimages', ['-list', join(out, 'hostile-fields.pdf')], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2);
    expect(images).toHaveLength(0); // the diagram is vector SVG: no raster image in the PDF at all
    expect(execFileSync('pdftotext', [join(out, 'hostile-fields.pdf'), '-'], { encoding: 'utf8' })).toContain('onerror=alert(1)');
  });
});

describe('one escaping function per output context', () => {
  const NASTY = 'x|y`z*_[a](b)<c>&d\\e#\n!f\u202Eg\u200Bh\u0007';
  it('Markdown inline text: every metacharacter escaped, one line, invisible characters named', () => {
    expect(markdownInline(NASTY)).toBe('x\\|y\\`z\\*\\_\\[a\\](b)\\<c\\>\\&d\\\\e\\# \\!f⟨U+202E⟩g⟨U+200B⟩h␇');
  });
  it('a code span: verbatim, but its pipes escaped in a table cell', () => {
    expect(markdownCodeSpan('a|b')).toBe('`a|b`');
    expect(markdownCodeSpan('a|b', true)).toBe('`a\\|b`');
    expect(markdownCodeSpan('x`y')).toBe('``x`y``');
  });
  it('SVG and CSV text start from the same visible text', () => {
    expect(visibleText('a\u202Eb\u0000')).toBe('a⟨U+202E⟩b␀');
    const csv = summaryCsv([
      {
        capture: '=cmd|\u202Ex',
        name: 'n',
        status: 'ok',
        packets: 1,
        columns: {},
        warnings: 0,
        sha256: null,
        conversations: null,
        duplicates: [],
        identical: [],
      },
    ]);
    // One empty cell per protocol slice's summary column, then the warnings count and the empty tail.
    expect(csv.split('\r\n')[1]).toBe(`n,'=cmd|⟨U+202E⟩x,ok,1,${','.repeat(SUMMARY_COLUMNS.length)}0,,,,`);
  });
});
