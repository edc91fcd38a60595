import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWN_FIXTURES, tempDir } from './helpers/files.js';

/*
 * Clean pages: in the PDF of every shipped capture (and of a damaged one), in English and
 * Chinese, no text crosses the right margin of the page, and no table row is split across
 * two pages. (scripts/render-pages.sh draws the same PDFs as PNG pages for a person to look at.)
 */

const root = join(import.meta.dirname, '..');
/** The page margins the PDF is printed with (src/render/pdf.ts): 18 mm top and bottom, 16 mm left and right. */
const MARGIN = { x: (16 / 25.4) * 72, y: (18 / 25.4) * 72 };

interface Word {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

function words(pdf: string): { pages: { width: number; height: number }[]; words: Word[] } {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages: { width: number; height: number }[] = [];
  const found: Word[] = [];
  for (const [, w, h, body] of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    pages.push({ width: Number(w), height: Number(h) });
    for (const m of body!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g))
      found.push({ page: pages.length, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! });
  }
  return { pages, words: found };
}

/** Each table row of the Markdown as its cells' words (Markdown marks removed). */
function tableRows(md: string): string[][][] {
  const rows: string[][][] = [];
  for (const line of md.split('\n')) {
    if (!/^\|.*\|$/.test(line) || /^\|[-:| ]+\|$/.test(line)) continue;
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.replace(/[`*\\]/g, ' ').trim().split(/\s+/).filter(Boolean));
    rows.push(cells.filter((c) => c.length));
  }
  return rows;
}

function build(capture: string, lang: string): { md: string; pdf: string } {
  const out = tempDir();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), 'build', capture, '--lang', lang, '--format', 'md,pdf', '--out', out], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const name = capture.split('/').pop()!.replace(/\.[^.]+$/, '');
  return { md: readFileSync(join(out, `${name}.md`), 'utf8'), pdf: join(out, `${name}.pdf`) };
}

/** The shipped capture cut off in the middle of its mail: messages and the session lose their end. */
function damaged(): string {
  const bytes = readFileSync(join(OWN_FIXTURES, 'lab.pcapng'));
  const path = join(tempDir(), 'lab-cut.pcapng');
  writeFileSync(path, bytes.subarray(0, 47_000));
  return path;
}

const CAPTURES = [join(OWN_FIXTURES, 'lab.pcapng'), join(OWN_FIXTURES, 'kurose-ross.pcapng'), 'damaged'];

describe('clean pages', () => {
  for (const capture of CAPTURES)
    for (const lang of ['en', 'zh'])
      it(`${capture.split('/').pop()} (${lang}): no text past the right margin, no table row split across pages`, () => {
        const { md, pdf } = build(capture === 'damaged' ? damaged() : capture, lang);
        const { pages, words: all } = words(pdf);
        // The page header and footer (the title, the page number) sit in the top and bottom margins on purpose.
        const body = all.filter((w) => w.yMin > MARGIN.y - 2 && w.yMax < pages[w.page - 1]!.height - MARGIN.y + 2);
        const beyond = body.filter((w) => w.xMax > pages[w.page - 1]!.width - MARGIN.x + 1);
        expect(beyond.map((w) => `p${w.page} ${w.text}`)).toEqual([]);
        // Each table row found in the PDF in reading order (the words sorted by page, line and column): a Latin token of its
        // first cell and one of its last cell must be on one page. Tokens shorter than 3 characters (C, S, frame numbers) would match
        // anywhere, and pdftotext joins Chinese text to its punctuation and wraps it anywhere, so both are passed over.
        const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
        body.sort((x, y) => x.page - y.page || Math.round(x.yMin) - Math.round(y.yMin) || x.xMin - y.xMin);
        // Words compared without the punctuation around them; words with hyphens or slashes may wrap at them, and are not used.
        const norm = (t: string) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
        for (const w of body) w.text = norm(w.text);
        const count = new Map<string, number>();
        for (const w of body) count.set(w.text, (count.get(w.text) ?? 0) + 1);
        const split: string[] = [];
        let checked = 0;
        let cursor = 0;
        const find = (token: string, from: number, to = body.length) => {
          for (let i = from; i < Math.min(body.length, to); i++) if (body[i]!.text === token) return i;
          return -1;
        };
        for (const cells of tableRows(md)) {
          if (cells.length < 2) continue;
          // The rarest usable token of the first cell that has one (a short cell, at the row's top), and the last usable token
          // of the last cell that has one (the row's end).
          const usable = cells.map((c) => c.map(norm).filter((t) => t.length >= 3 && t.length <= 20 && !CJK.test(t) && !/[-/]/.test(t)));
          const firstCell = usable.findIndex((c) => c.length);
          const lastCell = usable.findLastIndex((c) => c.length);
          if (firstCell < 0 || firstCell === lastCell) continue;
          const rarest = (c: string[]) => c.reduce((x, y) => ((count.get(y) ?? 0) < (count.get(x) ?? 0) ? y : x));
          const tokens = [rarest(usable[firstCell]!), usable[lastCell]!.at(-1)!];
          // A row's words are one band of the page, so its last token follows its first within about as many words as
          // the row holds; a first token met elsewhere (in a code block, in the text) leaves too long a gap and is passed.
          const span = 2 * cells.flat().length + 6;
          for (let a = find(tokens[0]!, cursor, cursor + 2000); a >= 0; a = find(tokens[0]!, a + 1, cursor + 2000)) {
            const b = find(tokens.at(-1)!, a, a + span);
            if (b < 0) continue;
            checked++;
            cursor = b + 1;
            if (body[a]!.page !== body[b]!.page) split.push(`${cells[0]!.join(' ')} (page ${body[a]!.page}) … ${cells.at(-1)!.join(' ').slice(-60)} (page ${body[b]!.page})`);
            break;
          }
        }
        // Enough rows checked for the test to mean something.
        expect(checked).toBeGreaterThan(10);
        expect(split).toEqual([]);
      });
});
