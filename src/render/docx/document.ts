import { Document, type FileChild, Footer, Header, LeaderType, Packer, PageNumber, Paragraph, TableOfContents, TextRun } from 'docx';
import { tokensToBlocks } from './blocks.js';
import { parseMarkdown } from './markdown.js';
import { coreProperties, documentDate, readPackage, setText, writePackage } from './package.js';
import { documentStyles, fontTable, MARGINS, numbering, PAGES, STYLE, textWidth } from './styles.js';
import { xmlText } from './text.js';

/*
 * Report Markdown → a .docx: the same Markdown the HTML and PDF come from, so custom
 * templates and notes reach Word as they reach the PDF. The layout follows the PDF: the
 * title block, the contents (a real table-of-contents field, so Word can update it with
 * page numbers), the sections; the title in the page header, "Page N of M" in the footer.
 */

export interface DocxOptions {
  /** The report title: the page header and the document's properties. */
  title: string;
  lang: 'en' | 'zh';
  paper: 'A4' | 'Letter';
  /** The footer in the report's language, "{0}" for the page and "{1}" for the page count ("Page {0} of {1}"). */
  pageLabel: string;
  /** Heading of the table of contents; empty for none. */
  tocTitle: string;
  /** Folder relative picture paths are read in (never outside it). */
  baseDir?: string | undefined;
  /** The document's date (ISO 8601), e.g. the capture's first packet; SOURCE_DATE_EPOCH overrides it. */
  date?: string | null | undefined;
}

/** "Page {0} of {1}" → runs with the page number and page count fields in place of {0} and {1}. */
function pageLabelRun(label: string): TextRun {
  const children: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [];
  for (const piece of label.split(/(\{[01]\})/)) {
    if (piece === '{0}') children.push(PageNumber.CURRENT);
    else if (piece === '{1}') children.push(PageNumber.TOTAL_PAGES);
    else if (piece) children.push(xmlText(piece));
  }
  return new TextRun({ children });
}

/** The contents, as the HTML lists them (sections and their subsections), inside a TOC field Word can refresh. */
function contents(headings: { title: string; level: number; anchor: string }[], title: string): TableOfContents {
  return new TableOfContents(xmlText(title), {
    hyperlink: true,
    headingStyleRange: '2-3',
    beginDirty: false, // as written: Word does not ask to update fields on opening
    tabLeader: LeaderType.NONE,
    cachedEntries: headings.map((h) => ({ title: h.title, level: h.level, href: h.anchor })),
  });
}

/**
 * The Word document of a report's Markdown. With `bodyOnly`, the title block and the
 * contents are left out and no page header or footer is written: the body a school
 * template is filled with (see school-template.ts), fitted to `width` twips of text.
 */
export async function markdownToDocx(markdown: string, options: DocxOptions & { bodyOnly?: boolean; width?: number }): Promise<Uint8Array> {
  const width = options.width ?? textWidth(options.paper);
  const converted = tokensToBlocks(parseMarkdown(markdown), { textWidth: width, baseDir: options.baseDir });
  const front = converted.blocks.slice(0, converted.titleBlocks);
  const body = converted.blocks.slice(converted.titleBlocks);
  const language = options.lang === 'zh' ? 'zh-CN' : 'en-US';
  // The contents in one column (the HTML has two): LibreOffice 7.4 lays a contents field in a two-column section out wrong.
  const toc: FileChild[] =
    options.tocTitle && converted.headings.length > 0
      ? [new Paragraph({ style: STYLE.tocHeading, children: [new TextRun(xmlText(options.tocTitle))] }), contents(converted.headings, options.tocTitle)]
      : [];
  const children: FileChild[] = options.bodyOnly ? body : [...front, ...toc, ...body];
  const section = {
    properties: { page: { size: PAGES[options.paper], margin: MARGINS } },
    ...(options.bodyOnly
      ? {}
      : {
          headers: { default: new Header({ children: [new Paragraph({ style: 'Header', children: [new TextRun(xmlText(options.title))] })] }) },
          footers: { default: new Footer({ children: [new Paragraph({ style: 'Footer', children: [pageLabelRun(options.pageLabel)] })] }) },
        }),
    children: children.length ? children : [new Paragraph({})], // a section needs a paragraph at least
  };
  const doc = new Document({
    creator: 'labreport',
    lastModifiedBy: 'labreport',
    title: xmlText(options.title),
    styles: documentStyles(options.lang),
    numbering: numbering(converted.orderedStarts),
    sections: [section],
  });
  const parts = readPackage(await Packer.toBuffer(doc));
  setText(parts, 'docProps/core.xml', coreProperties({ title: xmlText(options.title), language, date: documentDate(options.date) }));
  setText(parts, 'word/fontTable.xml', fontTable());
  return writePackage(parts);
}
