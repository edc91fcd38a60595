import {
  AlignmentType,
  BookmarkEnd,
  BookmarkStart,
  BorderStyle,
  HeadingLevel,
  HeightRule,
  ImageRun,
  InternalHyperlink,
  LineRuleType,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { loadPicture, type Picture } from './images.js';
import type { Token } from './markdown.js';
import { COLORS, LIST_LEVELS, listIndent, STYLE } from './styles.js';
import { xmlText } from './text.js';

/*
 * markdown-it tokens → Word paragraphs and tables, one token type at a time, as
 * markdown-it's own renderer does for HTML. Every construct CommonMark and GFM tables give
 * with raw HTML off is handled; any other token type is a bug to fix here, so it throws
 * rather than dropping text from a student's report.
 */

/** Block-level token types, and the inline ones inside an `inline` token's children. */
export const BLOCK_TOKENS = [
  'heading_open',
  'heading_close',
  'paragraph_open',
  'paragraph_close',
  'inline',
  'blockquote_open',
  'blockquote_close',
  'bullet_list_open',
  'bullet_list_close',
  'ordered_list_open',
  'ordered_list_close',
  'list_item_open',
  'list_item_close',
  'fence',
  'code_block',
  'hr',
  'table_open',
  'table_close',
  'thead_open',
  'thead_close',
  'tbody_open',
  'tbody_close',
  'tr_open',
  'tr_close',
  'th_open',
  'th_close',
  'td_open',
  'td_close',
] as const;
export const INLINE_TOKENS = [
  'text',
  'text_special',
  'softbreak',
  'hardbreak',
  'code_inline',
  'strong_open',
  'strong_close',
  'em_open',
  'em_close',
  's_open',
  's_close',
  'link_open',
  'link_close',
  'image',
] as const;

/** A token type the converter does not know: a bug in labreport, never a reason to lose text. */
export class UnhandledTokenError extends Error {
  constructor(readonly tokenType: string) {
    super(`the Word writer has no rule for the Markdown token "${tokenType}"`);
  }
}

export type Block = Paragraph | Table;

export interface HeadingEntry {
  title: string;
  level: number;
  /** Its bookmark: "s1", "s1-2", … as the HTML numbers its headings (so in-document links match). */
  anchor: string;
}

export interface ConvertOptions {
  /** Width of the text column, in twips: pictures and tables are fitted to it. */
  textWidth: number;
  /** Folder relative picture paths are read in (never outside it); without one they show their alternative text. */
  baseDir?: string | undefined;
}

export interface Converted {
  blocks: Block[];
  /** Headings of levels 2 and 3, for the table of contents. */
  headings: HeadingEntry[];
  /** Start numbers of the ordered lists, for the numbering definitions (see styles.ts). */
  orderedStarts: Set<number>;
  /** How many blocks come before the first level-2 heading: the title block (title, report header); 0 without one. */
  titleBlocks: number;
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

/** Twips per CSS pixel (1440 per inch, 96 pixels per inch). */
const TWIPS_PER_PX = 15;

interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  style?: string;
}

interface ListFrame {
  reference: string;
  instance: number;
}

/** The Markdown-level nesting a paragraph sits in. */
interface Nesting {
  lists: ListFrame[];
  quotes: number;
  /** The next paragraph is the first of a list item: it carries the bullet or number. */
  itemStart: boolean;
}

class Converter {
  readonly blocks: Block[] = [];
  readonly headings: HeadingEntry[] = [];
  readonly orderedStarts = new Set<number>();
  private readonly nesting: Nesting = { lists: [], quotes: 0, itemStart: false };
  private readonly anchors: Map<Token, string>;
  private readonly anchorNames: Set<string>;
  private bookmarkId = 0;
  private drawingId = 0;
  private listInstances = 0;
  private titleBlocks: number | undefined;
  private tables = 0;
  /** The heading whose text the next inline token is. */
  private heading: { level: number; token: Token } | null = null;

  constructor(
    private readonly tokens: Token[],
    private readonly options: ConvertOptions,
  ) {
    this.anchors = headingAnchors(tokens);
    this.anchorNames = new Set(this.anchors.values());
  }

  run(): Converted {
    const tokens = this.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      switch (t.type) {
        case 'heading_open':
          if (t.tag === 'h2') this.titleBlocks ??= this.blocks.length;
          this.heading = { level: Number(t.tag.slice(1)), token: t };
          break;
        case 'heading_close':
          this.heading = null;
          break;
        case 'paragraph_open':
        case 'paragraph_close':
          break;
        case 'inline':
          this.inlineBlock(t);
          break;
        case 'blockquote_open':
          this.nesting.quotes++;
          break;
        case 'blockquote_close':
          this.nesting.quotes--;
          break;
        case 'bullet_list_open':
          this.nesting.lists.push({ reference: 'bullet', instance: 0 });
          break;
        case 'ordered_list_open': {
          const start = Number(t.attrGet('start') ?? 1);
          this.orderedStarts.add(start);
          this.nesting.lists.push({ reference: `ordered-${start}`, instance: ++this.listInstances });
          break;
        }
        case 'bullet_list_close':
        case 'ordered_list_close':
          this.nesting.lists.pop();
          break;
        case 'list_item_open':
          this.nesting.itemStart = true;
          break;
        case 'list_item_close':
          if (this.nesting.itemStart) this.blocks.push(this.paragraph([], {})); // an empty item still shows its bullet
          this.nesting.itemStart = false;
          break;
        case 'fence':
        case 'code_block':
          this.codeBlock(t.content);
          break;
        case 'hr':
          this.blocks.push(
            new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLORS.rule, space: 1 } }, spacing: { after: 240 } }),
          );
          break;
        case 'table_open': {
          let end = i;
          while (tokens[end]!.type !== 'table_close') end++;
          // A short empty paragraph after each table: the space the HTML leaves below a table, and what keeps Word from
          // joining two tables that follow each other into one.
          this.blocks.push(this.table(tokens.slice(i + 1, end)), new Paragraph({ spacing: { before: 0, after: 0, line: 160, lineRule: LineRuleType.AUTO } }));
          i = end;
          break;
        }
        default:
          throw new UnhandledTokenError(t.type);
      }
    }
    return { blocks: this.blocks, headings: this.headings, orderedStarts: this.orderedStarts, titleBlocks: this.titleBlocks ?? 0 };
  }

  /** An inline token's paragraph: a heading (with its bookmark) or a body paragraph. */
  private inlineBlock(t: Token): void {
    const heading = this.heading;
    if (heading) {
      const anchor = this.anchors.get(heading.token);
      const runs = this.inline(t.children ?? [], {});
      const children: ParagraphChild[] = anchor ? this.bookmarked(anchor, runs) : runs;
      if (anchor) this.headings.push({ title: xmlText(inlineText(t.children ?? [])), level: heading.level, anchor });
      this.blocks.push(new Paragraph({ heading: HEADINGS[Math.min(heading.level, 6) - 1]!, children }));
      return;
    }
    const runs = this.inline(t.children ?? [], {});
    // A school's Normal style often has an exact line height (固定值), which would cut a picture to one line.
    const picture = runs.some((r) => r instanceof ImageRun);
    this.blocks.push(this.paragraph(runs, picture ? { spacing: { line: 240, lineRule: LineRuleType.AUTO } } : {}));
  }

  /** A body paragraph in its nesting: the first of a list item numbered, later ones indented like it, quotes in the quote style. */
  private paragraph(
    children: ParagraphChild[],
    extra: { style?: string; spacing?: { before?: number; after?: number; line?: number; lineRule?: (typeof LineRuleType)[keyof typeof LineRuleType] } },
  ): Paragraph {
    const { lists, quotes } = this.nesting;
    const list = lists[lists.length - 1];
    const level = Math.min(lists.length, LIST_LEVELS) - 1;
    const numbered = list !== undefined && this.nesting.itemStart && extra.style === undefined;
    if (numbered) this.nesting.itemStart = false;
    const left = (list ? listIndent(level) : 0) + quotes * 360;
    return new Paragraph({
      children,
      style: extra.style ?? (quotes > 0 ? STYLE.quote : undefined),
      ...(numbered ? { numbering: { reference: list.reference, level, instance: list.instance } } : {}),
      ...(left ? { indent: numbered ? { left, hanging: 360 } : { left } } : {}),
      ...(extra.spacing ? { spacing: extra.spacing } : {}),
    });
  }

  /** A code block or transcript: one shaded monospace paragraph per line, leading spaces and tabs kept. */
  private codeBlock(content: string): void {
    const lines = content.replace(/\n$/, '').split('\n');
    if (this.nesting.itemStart) this.blocks.push(this.paragraph([], {})); // the item's bullet, then its code
    lines.forEach((line, n) => {
      const spacing = { before: n === 0 ? 60 : 0, after: n === lines.length - 1 ? 180 : 0 };
      this.blocks.push(this.paragraph([codeRun(line, {})], { style: STYLE.code, spacing }));
    });
  }

  private bookmarked(name: string, children: ParagraphChild[]): ParagraphChild[] {
    const id = ++this.bookmarkId;
    return [new BookmarkStart(name, id) as unknown as ParagraphChild, ...children, new BookmarkEnd(id) as unknown as ParagraphChild];
  }

  /** Inline tokens → runs, with emphasis, code spans, in-document links and pictures. */
  private inline(children: Token[], base: RunFormat): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    const format: RunFormat = { ...base };
    /** The link being read: an in-document one (anchor), or the address of one that stays text (literal). */
    let link: { anchor: string | null; literal: string | null; runs: ParagraphChild[] } | null = null;
    const emit = (child: ParagraphChild) => (link ? link.runs.push(child) : out.push(child));
    for (const t of children) {
      switch (t.type) {
        case 'text':
        case 'text_special':
          if (t.content) emit(new TextRun({ text: xmlText(t.content), ...format, ...(link?.anchor ? { style: STYLE.hyperlink } : {}) }));
          break;
        case 'softbreak':
          emit(new TextRun({ text: ' ', ...format }));
          break;
        case 'hardbreak':
          emit(new TextRun({ break: 1 }));
          break;
        case 'code_inline':
          emit(new TextRun({ text: xmlText(t.content), ...format, style: STYLE.inlineCode }));
          break;
        case 'strong_open':
        case 'strong_close':
          format.bold = t.type === 'strong_open' || base.bold;
          break;
        case 'em_open':
        case 'em_close':
          format.italics = t.type === 'em_open' || base.italics;
          break;
        case 's_open':
        case 's_close':
          format.strike = t.type === 's_open' || base.strike;
          break;
        case 'link_open': {
          // A link to a heading of this document is a link; one to a heading it lacks, its text. A relative address
          // (which the Markdown stage lets through for pictures) stays the Markdown it was written as, as in the HTML.
          const href = String(t.attrGet('href') ?? '');
          const anchor = href.startsWith('#') && this.anchorNames.has(href.slice(1)) ? href.slice(1) : null;
          link = { anchor, literal: href.startsWith('#') ? null : href, runs: [] };
          if (link.literal !== null) link.runs.push(new TextRun({ text: '[', ...format }));
          break;
        }
        case 'link_close':
          if (link) {
            const done: { anchor: string | null; literal: string | null; runs: ParagraphChild[] } = link;
            link = null;
            if (done.literal !== null) done.runs.push(new TextRun({ text: xmlText(`](${done.literal})`), ...format }));
            if (done.anchor) out.push(new InternalHyperlink({ anchor: done.anchor, children: done.runs as TextRun[] }));
            else out.push(...done.runs);
          }
          break;
        case 'image':
          emit(this.image(String(t.attrGet('src') ?? ''), inlineText(t.children ?? []), format));
          break;
        default:
          throw new UnhandledTokenError(t.type);
      }
    }
    if (link) out.push(...link.runs);
    return out;
  }

  /** A picture fitted to the text width, or its alternative text when it cannot be embedded. */
  private image(src: string, alt: string, format: RunFormat): ParagraphChild {
    const picture = loadPicture(src, this.options.baseDir);
    if (!picture) return new TextRun({ text: xmlText(alt ? `[${alt}]` : '[ ]'), ...format, style: STYLE.imageAlt });
    return imageRun(picture, xmlText(alt), ++this.drawingId, this.options.textWidth / TWIPS_PER_PX);
  }

  /** A GFM table: the head row repeated on every page, no row split across pages, columns sized by their text. */
  private table(tokens: Token[]): Table {
    const rows: { header: boolean; cells: { inline: Token[]; align: string | null }[] }[] = [];
    let header = false;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      switch (t.type) {
        case 'thead_open':
          header = true;
          break;
        case 'thead_close':
          header = false;
          break;
        case 'tbody_open':
        case 'tbody_close':
        case 'tr_close':
          break;
        case 'tr_open':
          rows.push({ header, cells: [] });
          break;
        case 'th_open':
        case 'td_open': {
          const align = /text-align:(left|center|right)/.exec(String(t.attrGet('style') ?? ''))?.[1] ?? null;
          const inline = tokens[i + 1]?.type === 'inline' ? (tokens[++i]!.children ?? []) : [];
          rows[rows.length - 1]!.cells.push({ inline, align });
          break;
        }
        case 'th_close':
        case 'td_close':
          break;
        default:
          throw new UnhandledTokenError(t.type);
      }
    }
    const columns = Math.max(1, ...rows.map((r) => r.cells.length));
    // The report header is the first table of the title block: a form, as templates/style.css draws it
    // (labels shaded in the odd columns, room to write in the even ones), with no head row.
    const form = this.titleBlocks === undefined && this.tables++ === 0;
    const { lists, quotes } = this.nesting;
    const indent = (lists.length ? listIndent(Math.min(lists.length, LIST_LEVELS) - 1) : 0) + quotes * 360;
    const available = this.options.textWidth - indent;
    const widths = form
      ? columnShares(
          Array.from({ length: columns }, (_, c) => (c % 2 === 0 ? 16 : 34)),
          available,
        )
      : columnWidths(
          rows.map((r) => r.cells.map((c) => inlineText(c.inline))),
          columns,
          available,
        );
    const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
    const rule = { style: BorderStyle.SINGLE, size: 4, color: COLORS.rule } as const;
    const shaded = { shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.headBg } } as const;
    return new Table({
      width: { size: available, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      ...(indent ? { indent: { size: indent, type: WidthType.DXA } } : {}),
      borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
      rows: rows.map(
        (row) =>
          new TableRow({
            ...(row.header && !form ? { tableHeader: true } : {}),
            cantSplit: true,
            ...(form ? { height: { value: 400, rule: HeightRule.ATLEAST } } : {}),
            children: Array.from({ length: columns }, (_, c) => {
              const cell = row.cells[c];
              const head = form ? c % 2 === 0 : row.header;
              return new TableCell({
                width: { size: widths[c]!, type: WidthType.DXA },
                margins: { top: 40, bottom: 40, left: 80, right: 80 },
                ...(head ? shaded : {}),
                children: [
                  new Paragraph({
                    style: head ? STYLE.tableHead : STYLE.tableText,
                    ...(cell?.align ? { alignment: alignment[cell.align as keyof typeof alignment] } : {}),
                    children: cell ? this.inline(cell.inline, {}) : [],
                  }),
                ],
              });
            }),
          }),
      ),
    });
  }
}

/** A code line as runs: tabs become Word tabs, everything else is kept as written. */
function codeRun(line: string, format: RunFormat): TextRun {
  const parts = xmlText(line).split('\t');
  const children: (string | Tab)[] = [];
  parts.forEach((p, i) => {
    if (i > 0) children.push(new Tab());
    if (p) children.push(p);
  });
  return new TextRun({ ...format, children });
}

function imageRun(picture: Picture, alt: string, id: number, maxWidthPx: number): ImageRun {
  const scale = Math.min(1, maxWidthPx / picture.width);
  const transformation = { width: Math.round(picture.width * scale), height: Math.round(picture.height * scale) };
  const altText = { id: String(id), name: `Picture ${id}`, description: alt, title: alt };
  if (picture.type === 'svg') {
    return new ImageRun({ type: 'svg', data: picture.data, fallback: { type: 'png', data: picture.fallback! }, transformation, altText });
  }
  return new ImageRun({ type: picture.type, data: picture.data, transformation, altText });
}

/** The text of inline tokens, as a reader sees it (for alt text, headings' entries and column widths). */
export function inlineText(children: Token[]): string {
  return children
    .map((c) => {
      if (c.type === 'softbreak' || c.type === 'hardbreak') return ' ';
      if (c.type === 'image') return inlineText(c.children ?? []);
      return c.content;
    })
    .join('');
}

/** Widths in twips in the given proportions, summing to `available`. */
function columnShares(shares: number[], available: number): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((s / total) * available));
  widths[widths.length - 1]! += available - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** The width of a Latin character of table text (9 pt) in a wide font (LibreOffice draws Calibri as DejaVu Sans where Carlito is missing), and a cell's left and right margins, in twips. */
const CHAR_TWIPS = 120;
const CELL_MARGINS = 160;

/**
 * Column widths in twips, summing to the width available. Each column first gets room for
 * its longest word (where a line may break: spaces, and after - and /), so short columns
 * such as No. and Time do not wrap; then the rest of
 * the width is shared by how much more its longest cell wants; both are clamped, so one
 * long value does not squeeze the other columns to nothing.
 */
export function columnWidths(cells: string[][], columns: number, available: number): number[] {
  const need = Array.from({ length: columns }, (_, c) => {
    const texts = cells.map((row) => row[c] ?? '');
    const word = Math.max(3, ...texts.flatMap((t) => t.split(/\s+|(?<=[-/])/).map(displayWidth)));
    const min = Math.min(word, 16) * CHAR_TWIPS + CELL_MARGINS;
    const want = Math.max(min, Math.min(Math.max(...texts.map(displayWidth)), 400) * CHAR_TWIPS + CELL_MARGINS);
    return { min, want };
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const mins = sum(need.map((n) => n.min));
  const wants = sum(need.map((n) => n.want));
  let widths: number[];
  if (wants <= available) widths = need.map((n) => (n.want / wants) * available);
  else if (mins >= available) widths = need.map((n) => (n.min / mins) * available);
  else widths = need.map((n) => n.min + ((n.want - n.min) / (wants - mins)) * (available - mins));
  return columnShares(widths, available);
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Width of text in units of an average Latin character: CJK characters count double, capitals (HTTP, SMTP) a third more. */
function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += WIDE.test(ch) ? 2 : /[A-Z]/.test(ch) ? 1.3 : 1;
  return n;
}

/** Bookmark names for the level-2 and level-3 headings, numbered as src/render/html.ts numbers their ids. */
function headingAnchors(tokens: Token[]): Map<Token, string> {
  const anchors = new Map<Token, string>();
  const counters = [0, 0, 0, 0, 0, 0, 0];
  for (const t of tokens) {
    if (t.type !== 'heading_open') continue;
    const level = Number(t.tag.slice(1));
    if (level < 2 || level > 3) continue;
    counters[level]!++;
    for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
    anchors.set(t, `s${counters.slice(2, level + 1).join('-')}`);
  }
  return anchors;
}

/** Markdown tokens → Word blocks. Throws UnhandledTokenError on a token type it has no rule for. */
export function tokensToBlocks(tokens: Token[], options: ConvertOptions): Converted {
  return new Converter(tokens, options).run();
}
