import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import markdownIt, { type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { helperSafe, loadTemplates, markdownCode, markdownCodeSpan, markdownInline } from '../src/render/markdown.js';
import { visibleText } from '../src/util/visible.js';
import { tempDir } from './helpers/files.js';

/*
 * Markdown escaping (src/render/markdown.ts, src/util/visible.ts), context by context: each
 * function's output is parsed by markdown-it as the report's HTML stage parses it (raw HTML
 * off), and what a reader sees must be exactly the captured text, made visible: every
 * metacharacter alone, at the start, in the middle and at the end of a line, in a paragraph,
 * a table cell, a code span and a code block; with bidirectional, zero-width and control
 * characters shown by name or picture.
 */

const md = markdownIt({ html: false, linkify: false, typographer: false });

/** The characters Markdown (CommonMark and markdown-it's tables) gives a meaning to. */
const METACHARACTERS = [...'\\`*_{}[]()<>|~&!#+-.=:"\'$%^@/'];
/** Texts that become something other than text when not escaped. */
const CONSTRUCTS = [
  '![x](http://evil.example/a.png)',
  '[click](javascript:alert(1))',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<http://evil.example/>',
  '*em* **strong** _u_ ~~del~~',
  '`code`',
  '# heading',
  '> quote',
  '- item',
  '+ item',
  '1. item',
  '1) item',
  '===',
  '---',
  '***',
  '    indented code',
  '&amp; &#x41; &copy;',
  '\\*escaped\\*',
  'a | b | c',
  '[ref]: http://evil.example/',
  'line\\',
];
const INVISIBLE = ['\u202E', '\u202D', '\u2066', '\u2069', '\u200B', '\u200D', '\u2060', '\uFEFF', '\u2028', '\u061C'];
const CONTROLS = ['\u0000', '\u0007', '\u001B', '\u007F', '\u000B'];

const inlineTokens = (tokens: Token[]) => tokens.flatMap((t) => (t.type === 'inline' ? (t.children ?? []) : []));
/** What a reader sees of inline tokens: their text; any token that is not text (a link, an image, emphasis, HTML, code) is named. */
const seen = (children: Token[]) =>
  children.map((c) => (c.type === 'text' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? '⏎' : `<${c.type}>`)).join('');
/** The one-line visible form of captured text. */
const oneLine = (s: string) => visibleText(s.replace(/\r\n|\r|\n|\t/g, ' '));

function paragraphOf(markdown: string): string {
  const tokens = md.parse(markdown, {});
  expect(
    tokens.map((t) => t.type),
    markdown,
  ).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
  return seen(inlineTokens(tokens));
}

function cellsOf(markdown: string): Token[][] {
  const tokens = md.parse(markdown, {});
  const cells: Token[][] = [];
  let inBody = false;
  for (const t of tokens) {
    if (t.type === 'tbody_open') inBody = true;
    if (inBody && t.type === 'inline') cells.push(t.children ?? []);
  }
  return cells;
}

const samples = [
  ...METACHARACTERS.flatMap((c) => [c, `${c}x`, `x${c}`, `a${c}b${c}c`, `${c}${c}${c}`, `${c} x`]),
  ...CONSTRUCTS,
  ...INVISIBLE.map((c) => `left${c}right`),
  ...CONTROLS.map((c) => `a${c}b`),
  'multi\nline\r\ntext\twith tab',
];

describe('markdownInline: captured text in a paragraph', () => {
  it('renders as exactly the text, with nothing but text, for every metacharacter and construct', () => {
    for (const s of samples) expect(paragraphOf(`Seen: ${markdownInline(s)}`), JSON.stringify(s)).toBe(`Seen: ${oneLine(s)}`);
  });

  it('at the start of a line too (headings, lists, quotes, rules, setext underlines)', () => {
    for (const s of samples) {
      const text = oneLine(s);
      // Known: leading spaces are kept, so four of them at the very start of a line make an indented code block
      // (the text still shows, with its escapes); the templates put captured text after a label or in a cell.
      if (text.trim() === '' || /^ {4}/.test(text)) continue;
      // Leading and trailing spaces are a paragraph's own to drop.
      expect(paragraphOf(markdownInline(s)), JSON.stringify(s)).toBe(text.trim());
      // After a line of its own: no setext heading, no list continuing.
      const tokens = md.parse(`Title\n${markdownInline(s)}`, {});
      expect(
        tokens.map((t) => t.type),
        JSON.stringify(s),
      ).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
    }
  });

  it('renders no element in the HTML: no link, image, emphasis, code or raw HTML', () => {
    for (const s of CONSTRUCTS) {
      const html = md.render(`x ${markdownInline(s)}`);
      expect(html, s).not.toMatch(/<(a|img|em|strong|code|s|script|h\d|blockquote|li|hr|pre)\b/);
    }
  });

  it('is one line whatever line ends the text holds, and empty for null and undefined', () => {
    expect(markdownInline('a\nb\r\nc\rd\te')).toBe('a b c d e');
    expect(markdownInline(null)).toBe('');
    expect(markdownInline(undefined)).toBe('');
    expect(markdownInline(42)).toBe('42');
  });
});

describe('markdownInline in a table cell', () => {
  it('keeps the row to its cells: a | never opens another cell, and the cell shows the text', () => {
    for (const s of samples) {
      const text = oneLine(s).trim();
      const cells = cellsOf(`| a | b |\n|---|---|\n| ${markdownInline(s)} | end |`);
      expect(cells.length, JSON.stringify(s)).toBe(2);
      expect(seen(cells[0]!), JSON.stringify(s)).toBe(text);
      expect(seen(cells[1]!)).toBe('end');
    }
  });
});

describe('markdownCodeSpan: captured text as inline code', () => {
  it('shows the text verbatim in one code span, whatever backticks it holds', () => {
    for (const s of [...samples, '`', '``', 'a`b', '` x `', 'a ``` b', ' both ']) {
      const text = oneLine(s);
      if (text === '') continue;
      const children = inlineTokens(md.parse(`x ${markdownCodeSpan(s)} y`, {}));
      const code = children.filter((c) => c.type === 'code_inline');
      expect(code.length, JSON.stringify(s)).toBe(1);
      // CommonMark strips one space from each side when both are there: the padding the span added, or the text's own.
      const shown = code[0]!.content;
      expect(shown === text || ` ${shown} ` === text, `${JSON.stringify(s)} → ${JSON.stringify(shown)}`).toBe(true);
    }
  });

  it('in a table cell, its | are escaped so the row keeps its cells, and the span shows them', () => {
    for (const s of ['a|b', '|', 'x|![i](http://e/a.png)|y', '`|`']) {
      const cells = cellsOf(`| a | b |\n|---|---|\n| ${markdownCodeSpan(s, true)} | end |`);
      expect(cells.length, s).toBe(2);
      expect(cells[0]!.filter((c) => c.type === 'code_inline').map((c) => c.content)).toEqual([s]);
    }
    // Outside a table the | needs no escape, and a \ there would show.
    expect(markdownCodeSpan('a|b')).toBe('`a|b`');
  });

  it('is empty for an empty text (an empty span would show its backticks)', () => {
    expect(markdownCodeSpan('')).toBe('');
    expect(markdownCodeSpan(null)).toBe('');
  });
});

describe('markdownCode: captured text as a code block', () => {
  it('shows every line verbatim in one fence, whatever fences the text holds', () => {
    for (const s of [...samples, '```\nnot the end\n```', '````', 'ends with newline\n', '', '~~~\ninner\n~~~']) {
      const tokens = md.parse(`${markdownCode(s, 'text')}\n\nafter`, {});
      const fences = tokens.filter((t) => t.type === 'fence');
      expect(fences.length, JSON.stringify(s)).toBe(1);
      const text = visibleText(s.replace(/\r\n?/g, '\n'));
      expect(fences[0]!.content, JSON.stringify(s)).toBe(text === '' || text.endsWith('\n') ? text : `${text}\n`);
      expect(fences[0]!.info).toBe('text');
      // The paragraph after it is outside the fence.
      expect(tokens.at(-2)!.content).toBe('after');
    }
  });
});

describe('visibleText: characters that are not what they look like', () => {
  it('names bidirectional overrides and isolates, zero-width characters, the BOM and line separators by code point', () => {
    for (const c of INVISIBLE) {
      const name = `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`;
      expect(visibleText(`a${c}b`)).toBe(`a${name}b`);
    }
    expect(visibleText('\u202Etxt.exe')).toBe('⟨U+202E⟩txt.exe');
  });

  it('shows control characters as their pictures, and keeps tab, line feed and carriage return', () => {
    expect(visibleText('\u0000\u0001\u0007\u001B\u001F\u007F')).toBe('␀␁␇␛␟␡');
    expect(visibleText('a\tb\nc\rd')).toBe('a\tb\nc\rd');
  });

  it('leaves ordinary text alone: Chinese, accents, emoji, combining marks', () => {
    for (const s of ['中文邮件主题', 'café', 'naïve', '👍🏽', 'e\u0301', 'Ünïcödé ß']) expect(visibleText(s)).toBe(s);
  });

  it('turns any value into text, null and undefined into nothing', () => {
    expect(visibleText(null)).toBe('');
    expect(visibleText(undefined)).toBe('');
    expect(visibleText(12)).toBe('12');
  });
});

describe('templates: every {{value}} is escaped for Markdown, helpers that build Markdown are not', () => {
  function render(template: string, context: unknown): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'report.md.hbs'), template);
    // As the report's helpers (render/helpers.ts) build their Markdown; md and ttCell are loadTemplates' own.
    const helpers = {
      tt: (v: unknown) => helperSafe(markdownCodeSpan(v)),
      bold: (v: unknown) => helperSafe(`**${markdownInline(v)}**`),
    };
    return loadTemplates(dir, helpers).render(context);
  }
  const hostile = '![x](http://e/a.png) | *b* <i>';

  it('a value in a paragraph shows as its text', () => {
    const out = render('Value: {{v}}\n', { v: hostile });
    expect(paragraphOf(out)).toBe(`Value: ${hostile}`);
  });

  it('a helper’s argument is escaped by the helper; the helper’s own Markdown stays', () => {
    const out = render('{{bold v}}\n', { v: hostile });
    const children = inlineTokens(md.parse(out, {})).filter((c) => c.type !== 'text' || c.content !== '');
    expect(children.map((c) => c.type)).toEqual(['strong_open', 'text', 'strong_close']);
    expect(children[1]!.content).toBe(hostile);
  });

  it('a code span in a table row takes its cell variant, so the row keeps its cells', () => {
    const out = render('| a | b |\n|---|---|\n| {{tt v}} | {{w}} |\n', { v: 'x|y', w: 'p|q' });
    const cells = cellsOf(out);
    expect(cells.length).toBe(2);
    expect(cells[0]!.map((c) => c.content)).toEqual(['x|y']);
    expect(seen(cells[1]!)).toBe('p|q');
  });

  it('triple-stash {{{v}}} is the template author’s choice: raw, as Handlebars defines it', () => {
    expect(render('{{{v}}}', { v: '*raw*' })).toBe('*raw*');
  });
});
