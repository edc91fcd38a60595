import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownBlocks } from '../src/labs/blocks.js';
import { builtinLabs, loadLab } from '../src/labs/profile.js';
import { safeMarkdown } from '../src/render/notes.js';
import { OWN_FIXTURES, tempDir, tempFile } from './helpers/files.js';

/*
 * Lab profiles, the student's notes and the edit loop: a profile file read and checked,
 * notes placed by their headings and kept from becoming HTML, a report's Markdown edited
 * and rendered again to HTML and PDF.
 */

const root = join(import.meta.dirname, '..');
const LAB = join(OWN_FIXTURES, 'lab.pcapng');

function labreport(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

describe('lab profiles', () => {
  it('every built-in profile is valid, in both languages, and names only blocks that exist', () => {
    expect(builtinLabs()).toEqual(expect.arrayContaining(['http-smtp-pop3']));
    for (const name of builtinLabs()) {
      const lab = loadLab(name, knownBlocks());
      expect(lab.id).toBe(name);
      for (const t of lab.tasks) expect(t.title.en && t.title.zh).toBeTruthy();
    }
  });

  it('`labs` lists them with the blocks; `labs init` copies one to edit, and build follows the copy', () => {
    const listed = labreport(['labs']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^http-smtp-pop3\tHTTP, SMTP and POP3 protocol analysis with Wireshark$/m);
    expect(listed.stdout).toMatch(/blocks: .*http\.request.*smtp\.session/);
    const cwd = tempDir();
    expect(labreport(['labs', 'init', 'http-smtp-pop3', 'mine.yaml'], cwd)).toMatchObject({ code: 0, stdout: 'mine.yaml\n' });
    const yaml = readFileSync(join(cwd, 'mine.yaml'), 'utf8')
      .replace('id: http-smtp-pop3', 'id: my-lab')
      .replace('    blocks: [http.get-post]', '    blocks: [http.conditional]')
      .replace(
        /  - en: "Analysis: [^\n]*\n    zh: [^\n]*\n/,
        '  - en: "Browser used: Firefox 128, set up by the lab"\n    zh: 浏览器：Firefox 128\n  - en: a line without a label\n    zh: 无标签的一行\n',
      );
    writeFileSync(join(cwd, 'mine.yaml'), yaml);
    expect(labreport(['build', LAB, '--lab', 'mine.yaml', '--format', 'md,json', '--out', 'o'], cwd).code).toBe(0);
    const md = readFileSync(join(cwd, 'o', 'lab.md'), 'utf8');
    expect(md).toContain('The request in frame 64 is conditional');
    expect(md).not.toContain('| Where the parameters travel |');
    // The profile's environment lines, in the environment table: a "Label: value" line split at its colon.
    expect(md).toContain('| Browser used | Firefox 128, set up by the lab |');
    expect(md).toContain('| For the lab | a line without a label |');
    expect(JSON.parse(readFileSync(join(cwd, 'o', 'lab.json'), 'utf8')).lab).toMatchObject({
      profile: 'my-lab',
      language: 'en',
      tasks: [{ id: 'task1' }, {}, {}, {}, {}],
    });
    expect(labreport(['labs', 'init', 'http-smtp-pop3', 'mine.yaml'], cwd)).toMatchObject({ code: 2, stderr: expect.stringMatching(/already exists/) });
  });

  it.each([
    ['a block no slice has', (y: string) => y.replace('[tls.web, quic.web, http.http2, http.request]', '[tls.web, quic.web, http.http2, http.nothing]'), /tasks\.0\.blocks: unknown block "http\.nothing"/],
    ['a task without its Chinese words', (y: string) => y.replace(/\n      zh: 捕获一个 HTTP 请求报文.*\n/, '\n'), /tasks\.0\.title\.zh: /],
    ['not YAML at all', () => '{ id: [', /not a lab profile/],
  ])('a profile with %s is a one-line error naming the file and the field', (_what, edit, message) => {
    const source = readFileSync(join(root, 'labs', 'http-smtp-pop3.yaml'), 'utf8');
    const file = tempFile('bad-lab.yaml', edit(source));
    const r = labreport(['build', LAB, '--lab', file, '--format', 'md', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('bad-lab.yaml');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an unknown lab name is a one-line error listing the built-in ones', () => {
    const r = labreport(['build', LAB, '--lab', 'no-such-lab', '--format', 'md', '--out', tempDir()]);
    expect(r).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^labreport: --lab no-such-lab: no such lab \(built in: .*http-smtp-pop3.*\) and no such file\n$/),
    });
  });
});

describe("the student's notes", () => {
  const notes = [
    '## purpose',
    '',
    'My group wanted to **see** a password on the wire.',
    '',
    '## task1',
    '',
    '- I filtered on `http` and picked frame 7.',
    '- <script>alert(1)</script> <img src=x onerror=alert(2)> ![tracker](http://127.0.0.1:9/t.png) [out](http://example.com)',
    '',
    '```',
    '<raw> stays as code',
    '```',
    '',
    '## summary',
    '',
    'HTTP pulls, SMTP pushes. ![my screenshot](shot.png)',
  ].join('\n');

  it('appear in their places, kept as Markdown but never as HTML, remote pictures or links; a local picture is copied beside the report', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.md'), notes);
    writeFileSync(join(dir, 'shot.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const out = join(dir, 'out');
    expect(labreport(['build', LAB, '--notes', join(dir, 'notes.md'), '--format', 'md,html,pdf', '--out', out]).code).toBe(0);
    const md = readFileSync(join(out, 'lab.md'), 'utf8');
    const html = readFileSync(join(out, 'lab.html'), 'utf8');
    const purpose = md.slice(md.indexOf('## 1 Purpose'), md.indexOf('## 2 Tasks'));
    expect(purpose).toContain('My group wanted to **see** a password on the wire.');
    const task1 = md.slice(md.indexOf('### 4.1 Task 1'), md.indexOf('### 4.2 Task 2'));
    expect(task1).toContain('**My observations**');
    expect(task1).toContain('- I filtered on `http` and picked frame 7.');
    expect(task1).toContain('&lt;script>alert(1)&lt;/script>');
    expect(task1).toContain('tracker \\(http://127.0.0.1:9/t.png\\)');
    expect(task1).toContain('<raw> stays as code');
    expect(md.slice(md.indexOf('## 5 Summary'))).toContain('HTTP pulls, SMTP pushes. ![my screenshot](lab.files/note-shot.png)');
    expect(readdirSync(join(out, 'lab.files')).sort()).toEqual(['note-shot.png', 'smtp-8.svg']);
    expect(html).not.toMatch(/<script|<img src=x|<[^>]*\sonerror=|href="http/);
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==" alt="my screenshot">');
    expect(pdfText(join(out, 'lab.pdf'))).toContain('I filtered on http and picked frame 7.');
  });

  it('a heading that names no place of the report is a one-line error', () => {
    const file = tempFile('bad-notes.md', '## task9\n\nNo such task.\n');
    const r = labreport(['build', LAB, '--notes', file, '--format', 'md', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /--notes .*bad-notes\.md: the heading "## task9" names no place of the report \(purpose, environment, summary, task1, task2, task3, task4, task5\)/,
    );
  });

  it('a picture outside the notes folder, or not a picture, stays text', () => {
    const pictures = new Map<string, string>();
    const dir = tempDir();
    writeFileSync(join(dir, 'x.txt'), 'not a picture');
    const safe = safeMarkdown('![a](../../etc/passwd.png) ![b](x.txt) ![c](/etc/hosts) ![d](file:///etc/hosts)', dir, 'lab.files', pictures);
    expect(safe).toBe('a \\(../../etc/passwd.png\\) b \\(x.txt\\) c \\(/etc/hosts\\) d \\(file:///etc/hosts\\)');
    expect(pictures.size).toBe(0);
  });
});

describe('the edit loop: render REPORT.md', () => {
  it('turns the Markdown build wrote, edited by the student, into HTML and PDF with the same styles and pictures', () => {
    const out = tempDir();
    expect(labreport(['build', LAB, '--lang', 'zh', '--format', 'md', '--out', out]).code).toBe(0);
    const path = join(out, 'lab.md');
    const edited = readFileSync(path, 'utf8').replace('## 五、总结\n', '## 五、总结\n\n这是我自己写的总结：HTTP 是拉，SMTP 是推。\n');
    writeFileSync(path, edited);
    const rendered = join(out, 'rendered');
    expect(labreport(['render', path, '--out', rendered])).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(rendered).sort()).toEqual(['lab.html', 'lab.pdf']);
    const html = readFileSync(join(rendered, 'lab.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>实验报告：使用 Wireshark 分析 HTTP、SMTP 和 POP3 协议</title>');
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="会话的时序图">/);
    expect(html).not.toContain('title: "');
    const pdf = pdfText(join(rendered, 'lab.pdf'));
    expect(pdf).toContain('这是我自己写的总结：HTTP 是拉，SMTP 是推。');
    expect(pdf).toMatch(/第 1 页，共 \d+ 页/);
  });

  it('says so when there is nothing to write, and when the file is missing', () => {
    const out = tempDir();
    expect(labreport(['build', LAB, '--format', 'md', '--out', out]).code).toBe(0);
    expect(labreport(['render', join(out, 'lab.md'), '--format', 'md', '--out', out])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/renders to html, pdf and docx/),
    });
    expect(labreport(['render', join(out, 'nothing.md')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/nothing\.md: no such file/) });
    expect(existsSync(join(out, 'lab.html'))).toBe(false);
  });
});
