import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCK_TOKENS, INLINE_TOKENS, tokensToBlocks, UnhandledTokenError } from '../src/render/docx/blocks.js';
import { markdownToDocx, type DocxOptions } from '../src/render/docx/document.js';
import { parseMarkdown, type Token } from '../src/render/docx/markdown.js';
import { inspectDocx, inspectDocxBytes, type InspectedDocx } from './helpers/docx.js';
import { splitFrontMatter } from '../src/render/html.js';
import { OWN_FIXTURES, tempDir } from './helpers/files.js';
import { Conversation, pcapFile } from './helpers/packets.js';

/*
 * The Word report: built by the real command from the shipped capture, in English and
 * Chinese, and read back by python-docx (not the writer's model), then compared with the
 * Markdown it came from, heading by heading, table by table, line by line. Then the
 * Markdown constructs one by one, pictures beside the Markdown, determinism, and hostile
 * text that must stay text.
 */

const root = join(import.meta.dirname, '..');
const LAB = join(OWN_FIXTURES, 'lab.pcapng');

function labreport(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What the Markdown holds, read with markdown-it in the test: the facts the Word document must show. */
function markdownFacts(md: string) {
  const tokens = parseMarkdown(md);
  const text = (children: Token[]): string =>
    children.map((c) => (c.type === 'softbreak' ? ' ' : c.type === 'hardbreak' ? '\n' : c.type === 'image' ? '' : c.content)).join('');
  const headings: { level: number; text: string }[] = [];
  const tables: { rows: number; cols: number; head: boolean; cells: string[][] }[] = [];
  const code: string[] = [];
  const paragraphs: string[] = [];
  const types = new Set<string>();
  let images = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    types.add(t.type);
    for (const c of t.children ?? []) {
      types.add(c.type);
      if (c.type === 'image') images++;
    }
    if (t.type === 'heading_open') headings.push({ level: Number(t.tag.slice(1)), text: text(tokens[i + 1]!.children!) });
    if (t.type === 'paragraph_open') paragraphs.push(text(tokens[i + 1]!.children!));
    if (t.type === 'fence' || t.type === 'code_block') code.push(...t.content.replace(/\n$/, '').split('\n'));
    if (t.type === 'table_open') {
      const table = { rows: 0, cols: 0, head: false, cells: [] as string[][] };
      for (; tokens[i]!.type !== 'table_close'; i++) {
        const u = tokens[i]!;
        types.add(u.type);
        if (u.type === 'thead_open') table.head = true;
        if (u.type === 'tr_open') table.cells.push([]);
        if (u.type === 'inline') {
          table.cells[table.cells.length - 1]!.push(text(u.children!));
          for (const c of u.children ?? []) types.add(c.type);
        }
      }
      types.add('table_close');
      table.rows = table.cells.length;
      table.cols = Math.max(...table.cells.map((r) => r.length));
      tables.push(table);
    }
  }
  return { headings, tables, code, paragraphs, images, types };
}

/** The English .docx the first suite builds (in UTC), which the determinism suite builds again. */
let englishDocx = '';

for (const lang of ['en', 'zh'] as const) {
  describe(`the Word report of the shipped capture (${lang})`, () => {
    const out = tempDir();
    let md = '';
    let doc: InspectedDocx;
    let facts: ReturnType<typeof markdownFacts>;
    beforeAll(() => {
      const r = labreport(['build', LAB, '--format', 'md,docx', '--lang', lang, '--out', out], { TZ: 'UTC' });
      expect(r).toMatchObject({ code: 0, stderr: '' });
      if (lang === 'en') englishDocx = join(out, 'lab.docx');
      md = splitFrontMatter(readFileSync(join(out, 'lab.md'), 'utf8')).body;
      doc = inspectDocx(join(out, 'lab.docx'));
      facts = markdownFacts(md);
    });

    it('writes the .docx beside the Markdown, a sound package', () => {
      expect(readdirSync(out).sort()).toEqual(['lab.docx', 'lab.files', 'lab.md']);
      expect(doc.problems).toEqual([]);
    });

    it('has a rule for every token type the Markdown holds', () => {
      const known = new Set<string>([...BLOCK_TOKENS, ...INLINE_TOKENS]);
      expect([...facts.types].filter((t) => !known.has(t))).toEqual([]);
      expect(facts.types.size).toBeGreaterThan(20);
    });

    it('has every heading of the Markdown, in Word heading styles', () => {
      expect(doc.headings).toEqual(facts.headings);
      expect(doc.headings.filter((h) => h.level === 3).length).toBeGreaterThan(8);
    });

    it('has every table, row for row and cell for cell, head rows repeated and no row split', () => {
      expect(doc.tables.map((t) => [t.rows, t.cols])).toEqual(facts.tables.map((t) => [t.rows, t.cols]));
      expect(doc.tables.map((t) => t.cells)).toEqual(facts.tables.map((t) => t.cells));
      // The first table is the report header, a form; every other table repeats its head row on each page.
      expect(doc.tables[0]!.headerRows).toBe(0);
      expect(doc.tables.slice(1).map((t) => t.headerRows)).toEqual(facts.tables.slice(1).map((t) => (t.head ? 1 : 0)));
      expect(doc.tables.every((t) => t.cantSplitRows === t.rows)).toBe(true);
    });

    it('has every line of the code blocks and C:/S: transcripts, spaces kept, in the code style', () => {
      expect(doc.code).toEqual(facts.code);
      expect(doc.code).toContain('  140  S: 334 VXNlcm5hbWU6');
      expect(doc.code.some((l) => /^\s+\d+\s+C: EHLO /.test(l))).toBe(true);
    });

    it('has every paragraph of text', () => {
      const body = doc.paragraphs.filter((p) => !/^Heading \d|^Source Code$|^TOC Heading$/.test(p.style) && p.text !== '').map((p) => p.text);
      expect(body).toEqual(facts.paragraphs.filter((p) => p !== ''));
    });

    it('draws each sequence diagram as an SVG with a PNG beside it', () => {
      expect(facts.images).toBe(1);
      expect(doc.drawings).toBe(facts.images);
      expect(doc.images.filter((i) => i.endsWith('.svg'))).toHaveLength(1);
      expect(doc.images.filter((i) => i.endsWith('.png'))).toHaveLength(1);
    });

    it('lists the sections in a contents field linked to bookmarks on the headings', () => {
      expect(doc.fields).toContain('TOC \\h \\o "2-3"');
      const toc = doc.hyperlinks.filter((h) => h.anchor !== null);
      expect(toc.map((h) => h.text.trim())).toEqual(facts.headings.filter((h) => h.level === 2 || h.level === 3).map((h) => h.text));
      expect(doc.hyperlinks.every((h) => h.rid === null)).toBe(true);
    });

    it('prints on A4 with the title in the page header and the page number in the footer', () => {
      expect(doc.sections).toHaveLength(1);
      expect(doc.sections[0]).toMatchObject({
        width: 11906,
        height: 16838,
        header: lang === 'en' ? 'Lab report: HTTP, SMTP and POP3 protocol analysis with Wireshark' : '实验报告：使用 Wireshark 分析 HTTP、SMTP 和 POP3 协议',
      });
      expect(doc.sections[0]!.footer).toBe(lang === 'en' ? 'Page  of ' : '第  页，共  页'); // the numbers are fields
      expect(doc.fields).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']));
    });

    it('sets the language and the fonts per script: CJK text in a Chinese font, Latin text apart', () => {
      expect(doc.language).toEqual({ val: lang === 'en' ? 'en-US' : 'zh-CN', eastAsia: 'zh-CN' });
      expect(doc.fonts).toMatchObject({ ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'SimSun' });
      const xml = new TextDecoder().decode(unzipSync(readFileSync(join(out, 'lab.docx')))['word/fontTable.xml']);
      expect(xml).toContain('<w:font w:name="SimSun"><w:altName w:val="宋体"/><w:charset w:val="86"/>');
    });

    it('masks the passwords, in every encoding, in every part of the package', () => {
      const parts = Object.values(unzipSync(readFileSync(join(out, 'lab.docx')))).map((b) => Buffer.from(b).toString('latin1') + new TextDecoder().decode(b));
      for (const secret of ['Lab-Pa55word!', 'Web-Pa55word!']) {
        for (const form of [
          secret,
          Buffer.from(secret).toString('base64').replace(/=+$/, ''),
          Buffer.from(secret).toString('hex'),
          encodeURIComponent(secret),
        ]) {
          expect(parts.some((p) => p.includes(form))).toBe(false);
        }
      }
      expect(doc.code.some((l) => l.includes('PASS ••••'))).toBe(true);
    });

    it('is dated by the capture, not by the clock', () => {
      expect(doc.created).toBe('2026-11-27T18:50:57');
      expect(doc.title).toBe(doc.sections[0]!.header);
    });
  });
}

describe('the same input gives the same bytes', () => {
  it('in two runs, in different time zones', () => {
    // The report shows times in its configured time zone; the package's own dates must not depend on the machine's.
    const config = join(tempDir(), 'utc.json');
    writeFileSync(config, JSON.stringify({ timeZone: 'UTC' }));
    const [a, b] = [tempDir(), tempDir()];
    expect(labreport(['build', LAB, '--format', 'docx', '--config', config, '--out', a], { TZ: 'UTC' }).code).toBe(0);
    expect(labreport(['build', LAB, '--format', 'docx', '--config', config, '--out', b], { TZ: 'Asia/Shanghai' }).code).toBe(0);
    expect(englishDocx).not.toBe('');
    expect(Buffer.compare(readFileSync(join(a, 'lab.docx')), readFileSync(join(b, 'lab.docx')))).toBe(0);
  });

  it('in one process, whatever was written before (ids are per document), and SOURCE_DATE_EPOCH sets the date', async () => {
    const md = `# T\n\n## A\n\n- x\n\n1. y\n\n![d](${PIXEL})\n\n## B\n`;
    const first = await markdownToDocx(md, OPTIONS);
    await markdownToDocx('# other\n\n## x\n\n## y\n\n- z\n', OPTIONS);
    expect(Buffer.compare(Buffer.from(await markdownToDocx(md, OPTIONS)), Buffer.from(first))).toBe(0);
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      expect(inspectDocxBytes(await markdownToDocx(md, OPTIONS)).created).toBe('2023-11-14T22:13:20');
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
    const entries = unzipSync(first);
    expect(Object.keys(entries)[0]).toBe('[Content_Types].xml');
  });
});

/** A 1×1 PNG. */
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const OPTIONS: DocxOptions = { title: 'T', lang: 'en', paper: 'A4', pageLabel: 'Page {0} of {1}', tocTitle: 'Contents', date: '2026-01-02T03:04:05Z' };
const documentXml = (bytes: Uint8Array) => new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);

describe('every CommonMark construct', () => {
  const md = [
    '# Title',
    '',
    'Setext heading',
    '--------------',
    '',
    'Plain *em* **strong** ~~struck~~ `code` and `` a`b `` &amp; &copy; \\*not em\\* line  ',
    'broken soft',
    'break, [to the heading](#s1) and [to nowhere](#s99); [a relative link](notes.html) stays Markdown, as in the HTML.',
    '',
    '### Level three',
    '',
    '#### Level four',
    '',
    '##### Level five',
    '',
    '###### Level six',
    '',
    '- one',
    '  - two',
    '    - three',
    '- four',
    '',
    '  second paragraph of four',
    '',
    '3. third',
    '4. fourth',
    '   1. inner',
    '',
    '> quoted',
    '>',
    '> > nested quote',
    '>',
    '> - a list in a quote',
    '',
    '***',
    '',
    '    indented code',
    '    \tand a tab',
    '',
    '```text',
    'fenced\tcode',
    '  kept spaces',
    '```',
    '',
    '| left | centre | right |',
    '|:-----|:------:|------:|',
    '| a | b | c |',
    '| `x` | **y** | |',
    '',
    '-',
    '',
    `A picture: ![one pixel](${PIXEL})`,
    '',
  ].join('\n');
  let doc: InspectedDocx;
  let xml = '';
  let numbering = '';
  beforeAll(async () => {
    const bytes = await markdownToDocx(md, OPTIONS);
    doc = inspectDocxBytes(bytes);
    xml = documentXml(bytes);
    numbering = new TextDecoder().decode(unzipSync(bytes)['word/numbering.xml']);
  });

  it('converts them all into a sound document', () => {
    expect(doc.problems).toEqual([]);
    expect(doc.drawings).toBe(1);
    const known = new Set<string>([...BLOCK_TOKENS, ...INLINE_TOKENS]);
    const types = markdownFacts(md).types;
    expect([...types].filter((t) => !known.has(t))).toEqual([]);
    // The sample holds every CommonMark and GFM-table token markdown-it gives with raw HTML off (text_special is joined into text).
    expect([...known].filter((t) => !types.has(t) && t !== 'text_special')).toEqual([]);
  });

  it('headings of every level, setext ones included', () => {
    expect(doc.headings).toEqual([
      { level: 1, text: 'Title' },
      { level: 2, text: 'Setext heading' },
      { level: 3, text: 'Level three' },
      { level: 4, text: 'Level four' },
      { level: 5, text: 'Level five' },
      { level: 6, text: 'Level six' },
    ]);
  });

  it('inline formatting, entities, escapes and breaks', () => {
    const p = doc.paragraphs.find((x) => x.text.startsWith('Plain'))!;
    expect(p.text).toBe(
      'Plain em strong struck code and a`b & © *not em* line\nbroken soft break, to the heading and to nowhere; [a relative link](notes.html) stays Markdown, as in the HTML.',
    );
    expect(xml).toMatch(/<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">strong</);
    expect(xml).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">em</);
    expect(xml).toMatch(/<w:strike\/><\/w:rPr><w:t xml:space="preserve">struck</);
    expect(xml).toContain('<w:rStyle w:val="VerbatimChar"/></w:rPr><w:t xml:space="preserve">a`b</w:t>');
    // An in-document link to a heading that exists is a link; to one that does not, text.
    expect(doc.hyperlinks.filter((h) => h.text === 'to the heading')).toEqual([{ anchor: 's1', rid: null, text: 'to the heading' }]);
    expect(doc.hyperlinks.some((h) => h.text === 'to nowhere')).toBe(false);
  });

  it('bullet and ordered lists, nested, with their start numbers and continuation paragraphs', () => {
    expect(xml.match(/<w:numPr>/g)).toHaveLength(9); // one, two, three, four, third, fourth, inner, a list in a quote, the empty item
    expect(xml).toMatch(/<w:ilvl w:val="2"\/>[^]*?three/);
    expect(numbering).toContain('<w:start w:val="3"/>');
    const second = doc.paragraphs.find((p) => p.text === 'second paragraph of four');
    expect(second).toBeDefined();
    expect(xml).toMatch(/<w:ind w:left="360"\/><\/w:pPr><w:r><w:t xml:space="preserve">second paragraph of four/);
  });

  it('block quotes, nested, and a rule', () => {
    expect(doc.paragraphs.filter((p) => p.style === 'Quote').map((p) => p.text)).toEqual(['quoted', 'nested quote', 'a list in a quote']);
    expect(xml).toMatch(/<w:ind w:left="720"\/><\/w:pPr><w:r><w:t xml:space="preserve">nested quote/);
    expect(xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
  });

  it('indented and fenced code with tabs and spaces kept', () => {
    expect(doc.code).toEqual(['indented code', '\tand a tab', 'fenced\tcode', '  kept spaces']);
  });

  it('tables with their column alignment', () => {
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]).toMatchObject({
      rows: 3,
      cols: 3,
      headerRows: 1,
      cells: [
        ['left', 'centre', 'right'],
        ['a', 'b', 'c'],
        ['x', 'y', ''],
      ],
    });
    expect(xml).toMatch(/<w:jc w:val="center"\/><\/w:pPr><w:r><w:t xml:space="preserve">centre/);
    expect(xml).toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r><w:t xml:space="preserve">right/);
  });

  it('refuses a token type it has no rule for, rather than drop its text', () => {
    const tokens = parseMarkdown('para\n');
    expect(() => tokensToBlocks([...tokens, { ...tokens[0]!, type: 'footnote_block_open' } as Token], { textWidth: 9000 })).toThrow(UnhandledTokenError);
    const inline = parseMarkdown('x\n');
    inline[1]!.children!.push({ ...inline[1]!.children![0]!, type: 'footnote_ref' } as Token);
    expect(() => tokensToBlocks(inline, { textWidth: 9000 })).toThrow(/no rule for the Markdown token "footnote_ref"/);
  });

  it('Letter paper', async () => {
    expect(inspectDocxBytes(await markdownToDocx('x\n', { ...OPTIONS, paper: 'Letter' })).sections[0]).toMatchObject({ width: 12240, height: 15840 });
  });

  it('characters XML cannot carry become visible stand-ins, not a broken document', async () => {
    const d = inspectDocxBytes(await markdownToDocx('bell \u0007 escape \u001b lone \ud800 end\n', OPTIONS));
    expect(d.problems).toEqual([]);
    expect(d.paragraphs[0]!.text).toBe('bell \u2407 escape \u241b lone \ufffd end');
  });
});

describe('pictures beside the Markdown', () => {
  let server: Server;
  let port = 0;
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('embeds files under the base folder, and nothing outside it or remote', async () => {
    const base = tempDir();
    const outside = tempDir();
    const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100">${body}</svg>`;
    mkdirSync(join(base, 'lab.files'));
    writeFileSync(join(base, 'lab.files', 'diagram.svg'), svg('<rect width="200" height="100" fill="#0b5cad"/><text x="10" y="50">图 1</text>'));
    writeFileSync(join(base, 'lab.files', '图 2.svg'), svg('<circle cx="50" cy="50" r="40"/>'));
    writeFileSync(join(base, 'lab.files', 'remote.svg'), svg(`<image href="http://127.0.0.1:${port}/svg-image.png" width="10" height="10"/>`));
    writeFileSync(join(base, 'lab.files', 'style.svg'), svg(`<style>@import url(http://127.0.0.1:${port}/css);</style>`));
    writeFileSync(join(base, 'lab.files', 'not-a-picture.svg'), 'hello');
    writeFileSync(join(outside, 'secret.svg'), svg('<rect width="1" height="1"/>'));
    symlinkSync(join(outside, 'secret.svg'), join(base, 'lab.files', 'link.svg'));
    const md = [
      '![inside](lab.files/diagram.svg)',
      '![encoded](lab.files/%E5%9B%BE%202.svg)',
      '![outside](../secret.svg)',
      '![link](lab.files/link.svg)',
      `![remote](http://127.0.0.1:${port}/remote.png)`, // refused by the Markdown stage: it stays text
      '![svg refers out](lab.files/remote.svg)',
      '![svg imports](lab.files/style.svg)',
      '![garbage](lab.files/not-a-picture.svg)',
      '![missing](lab.files/none.png)',
    ].join('\n\n');
    const bytes = await markdownToDocx(md, { ...OPTIONS, baseDir: base });
    const doc = inspectDocxBytes(bytes);
    expect(doc.problems).toEqual([]);
    expect(doc.drawings).toBe(2);
    expect(doc.images).toHaveLength(4); // two SVGs, each with its PNG
    expect(doc.paragraphs.map((p) => p.text).filter(Boolean)).toEqual([
      '[outside]',
      '[link]',
      `![remote](http://127.0.0.1:${port}/remote.png)`,
      '[svg refers out]',
      '[svg imports]',
      '[garbage]',
      '[missing]',
    ]);
    // Without a base folder, a relative path is not read at all.
    expect(inspectDocxBytes(await markdownToDocx('![inside](lab.files/diagram.svg)\n', OPTIONS)).drawings).toBe(0);
    expect(hits).toEqual([]);
  });
});

describe('captured text stays text', () => {
  const hostile = [
    '# Report',
    '',
    '## Section',
    '',
    '[click](http://127.0.0.1:9/x) ![pixel](http://127.0.0.1:9/i.png) <https://evil.example/> [js](javascript:alert(1)) ![file](file:///etc/passwd)',
    '',
    '{report} {course} {{student.name}} {#loop}{/loop} {@raw}',
    '',
    '{ HYPERLINK "http://evil.example/" } { INCLUDEPICTURE "http://evil.example/x.png" \\d } DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe',
    '',
    `<script>alert(1)</script> & < > " ' ]]> <w:r><w:fldSimple w:instr="HYPERLINK http://evil/"/></w:r>`,
    '',
    '| [x](http://evil.example/) | ![y](http://evil.example/y.png) |',
    '|---|---|',
    '| <w:t>cell</w:t> | {report} |',
    '',
    '```',
    '<w:p><w:r><w:instrText>INCLUDETEXT "http://evil/"</w:instrText></w:r></w:p>',
    '```',
  ].join('\n');

  it('links out, remote pictures, placeholders, field codes and XML are only text', async () => {
    const bytes = await markdownToDocx(hostile, OPTIONS);
    const doc = inspectDocxBytes(bytes);
    const xml = documentXml(bytes);
    expect(doc.problems).toEqual([]); // no external relationship, no object
    expect(doc.drawings).toBe(0);
    expect(doc.hyperlinks.every((h) => h.rid === null && h.anchor !== null)).toBe(true);
    expect(doc.fields.sort()).toEqual(['NUMPAGES', 'PAGE', 'TOC \\h \\o "2-3"']);
    const text = doc.texts['word/document.xml']!;
    for (const s of [
      'click',
      '{report} {course} {{student.name}} {#loop}{/loop} {@raw}',
      '{ HYPERLINK "http://evil.example/" }',
      'DDEAUTO',
      '<script>alert(1)</script>',
      '<w:t>cell</w:t>',
    ]) {
      expect(text).toContain(s);
    }
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText[^>]*>(?!TOC|PAGE|NUMPAGES)/);
    expect(xml).toContain('&lt;w:r&gt;&lt;w:fldSimple');
    expect(xml.slice(0, xml.indexOf('<w:sectPr'))).not.toMatch(/r:id=/); // the only relationships: header and footer
  });

  describe('from a hostile capture, through the real command', () => {
    let server: Server;
    let port = 0;
    const hits: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        hits.push(req.url ?? '');
        res.end('gotcha');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('makes a docx with nothing that links, loads or runs', () => {
      const evil = `http://127.0.0.1:${port}`;
      const payloads = [
        `![tracker](${evil}/md-image.png)`,
        `[click](${evil}/link)`,
        '{report}{course}{{x}}',
        '{ INCLUDEPICTURE "' + evil + '/field.png" }',
        '<w:r><w:t>x</w:t></w:r>',
      ];
      const body = `<html><body>${payloads.join('\n')}</body></html>`;
      const conv = new Conversation({ ip: '10.9.9.1', port: 40123 }, { ip: '10.9.9.2', port: 80 })
        .handshake()
        .send(true, `GET /${encodeURI(payloads[0]!)} HTTP/1.1\r\nHost: victim\r\nX-Evil: ${payloads.join(' ')}\r\n\r\n`)
        .send(false, `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\n\r\n${body}`)
        .close();
      const dir = tempDir();
      const capture = join(dir, 'hostile.pcap');
      writeFileSync(capture, pcapFile(conv.packets()));
      const r = labreport(['build', capture, '--format', 'docx', '--out', dir]);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      const doc = inspectDocx(join(dir, 'hostile.docx'));
      expect(doc.problems).toEqual([]);
      expect(doc.hyperlinks.every((h) => h.rid === null)).toBe(true);
      expect(doc.fields.every((f) => /^(TOC|PAGE|NUMPAGES)\b/.test(f))).toBe(true);
      const text = Object.values(doc.texts).join('\n');
      for (const p of payloads) expect(text).toContain(p);
      expect(hits).toEqual([]);
    });
  });
});
