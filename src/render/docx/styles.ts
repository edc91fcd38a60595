import { AlignmentType, BorderStyle, type INumberingOptions, type IStylesOptions, LevelFormat, LineRuleType, ShadingType } from 'docx';

/*
 * How the Word report looks: fonts, the styles its paragraphs and runs name, the list
 * numbering, the page. Styles rather than direct formatting, so Word's navigation pane,
 * a table of contents and a school's own styles (see school-template.ts) all work on the
 * same names. The look follows templates/style.css: sans text, shaded monospace code,
 * shaded table heads.
 */

/**
 * Fonts per script. Word draws CJK characters in the eastAsia font and Latin ones in
 * ascii/hAnsi, so each run gets both: Chinese in SimSun (宋体) and SimHei (黑体) as Chinese
 * Word and WPS have them, Latin text in Calibri and code in Consolas. Where those are
 * missing (LibreOffice on Linux) the font table names Noto CJK as the substitute.
 */
export const FONTS = {
  text: { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'SimSun', cs: 'Calibri' },
  heading: { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'SimHei', cs: 'Calibri' },
  code: { ascii: 'Consolas', hAnsi: 'Consolas', eastAsia: 'SimSun', cs: 'Consolas' },
} as const;

/** The CJK fonts' Chinese names and their free substitutes, for the font table (w:altName). */
export const CJK_FONT_ALTERNATES: Record<string, string> = { SimSun: '宋体', SimHei: '黑体' };

export const COLORS = { text: '1F2328', muted: '59636E', rule: 'D1D9E0', accent: '0B5CAD', codeBg: 'F3F5F7', headBg: 'EEF2F6', quoteBg: 'F6F9FC' } as const;

/** Style ids the converter names. Word's built-in ones (Heading1…, Hyperlink, Quote) keep their ids so a template's own definitions apply. */
export const STYLE = {
  code: 'SourceCode',
  inlineCode: 'VerbatimChar',
  tableText: 'TableText',
  tableHead: 'TableHeading',
  quote: 'Quote',
  hyperlink: 'Hyperlink',
  tocHeading: 'TOCHeading',
  imageAlt: 'ImageAlt',
} as const;

/** Paper sizes and margins in twips (1/1440 inch), as the PDF prints them: 16 mm left and right, 18 mm top and bottom. */
export const PAGES = {
  A4: { width: 11906, height: 16838 },
  Letter: { width: 12240, height: 15840 },
} as const;
const mm = (n: number) => Math.round((n * 1440) / 25.4);
export const MARGINS = { top: mm(18), bottom: mm(18), left: mm(16), right: mm(16), header: mm(8), footer: mm(8), gutter: 0 } as const;

/** Width of the text on a page, in twips. */
export function textWidth(paper: keyof typeof PAGES): number {
  return PAGES[paper].width - MARGINS.left - MARGINS.right;
}

const pt = (n: number) => n * 2; // docx sizes are half-points

const codeBorder = { style: BorderStyle.SINGLE, size: 4, color: COLORS.rule, space: 4 } as const;

/** The document's styles; `lang` sets the proofing language of all text (en-US or zh-CN), Chinese text is always zh-CN. */
export function documentStyles(lang: 'en' | 'zh'): IStylesOptions {
  const language = { value: lang === 'zh' ? 'zh-CN' : 'en-US', eastAsia: 'zh-CN' };
  const heading = (size: number, before: number, color: string = COLORS.text) => ({
    run: { font: FONTS.heading, size: pt(size), bold: true, color },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        run: { font: FONTS.text, size: pt(10.5), color: COLORS.text, language },
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
      },
      heading1: {
        ...heading(20, 0),
        paragraph: {
          ...heading(20, 0).paragraph,
          spacing: { after: 240 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: COLORS.accent, space: 4 } },
        },
      },
      heading2: {
        ...heading(15, 360, COLORS.accent),
        paragraph: { ...heading(15, 360).paragraph, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLORS.rule, space: 2 } } },
      },
      heading3: heading(12.5, 240),
      heading4: heading(11, 200),
      heading5: heading(10.5, 160),
      heading6: heading(10.5, 160, COLORS.muted),
      hyperlink: { run: { color: COLORS.accent, underline: {} } },
      listParagraph: { paragraph: { spacing: { after: 60 } } },
    },
    paragraphStyles: [
      {
        id: STYLE.code,
        name: 'Source Code',
        basedOn: 'Normal',
        quickFormat: true,
        run: { font: FONTS.code, size: pt(8.5) },
        paragraph: {
          spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.codeBg },
          border: { top: codeBorder, bottom: codeBorder, left: codeBorder, right: codeBorder },
        },
      },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: pt(9) },
        paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.tableHead,
        name: 'Table Heading',
        basedOn: STYLE.tableText,
        run: { bold: true },
        paragraph: { keepNext: true },
      },
      {
        id: STYLE.quote,
        name: 'Quote',
        basedOn: 'Normal',
        run: { color: COLORS.muted },
        paragraph: {
          indent: { left: 360 },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.quoteBg },
          border: { left: { style: BorderStyle.SINGLE, size: 24, color: COLORS.accent, space: 8 } },
        },
      },
      {
        id: STYLE.tocHeading,
        name: 'TOC Heading',
        basedOn: 'Normal',
        run: { font: FONTS.heading, size: pt(13), bold: true },
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
      },
      { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', paragraph: { spacing: { before: 60, after: 20 }, keepNext: true } },
      { id: 'TOC3', name: 'toc 3', basedOn: 'Normal', run: { size: pt(9.5) }, paragraph: { indent: { left: 360 }, spacing: { after: 20 } } },
      {
        id: 'Header',
        name: 'header',
        basedOn: 'Normal',
        run: { size: pt(8), color: COLORS.muted },
        paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } },
      },
      {
        id: 'Footer',
        name: 'footer',
        basedOn: 'Normal',
        run: { size: pt(8), color: COLORS.muted },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
      },
    ],
    characterStyles: [
      {
        id: STYLE.inlineCode,
        name: 'Verbatim Char',
        basedOn: 'DefaultParagraphFont',
        run: { font: FONTS.code, size: pt(9), shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.codeBg } },
      },
      { id: STYLE.imageAlt, name: 'Image Alt Text', basedOn: 'DefaultParagraphFont', run: { italics: true, color: COLORS.muted } },
      // The links of the contents' entries (docx names this style for them), coloured as the HTML's links.
      { id: 'IndexLink', name: 'Index Link', basedOn: 'DefaultParagraphFont', run: { color: COLORS.accent } },
    ],
  };
}

/** Markdown list depth Word numbers; deeper items stay at the last level. */
export const LIST_LEVELS = 9;
const BULLETS = ['•', '◦', '▪'];

/** Bullet lists, and ordered lists for every start number the Markdown uses ("ordered-3" starts at 3). */
export function numbering(orderedStarts: Iterable<number>): INumberingOptions {
  const indent = (level: number) => ({ indent: { left: 360 * (level + 1), hanging: 360 } });
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (l: number) => string, start = 1) =>
    Array.from({ length: LIST_LEVELS }, (_, level) => ({
      level,
      format,
      text: text(level),
      start,
      alignment: AlignmentType.LEFT,
      style: { paragraph: indent(level) },
    }));
  return {
    config: [
      { reference: 'bullet', levels: levels(LevelFormat.BULLET, (l) => BULLETS[l % BULLETS.length]!) },
      ...[...new Set(orderedStarts)]
        .sort((a, b) => a - b)
        .map((start) => ({ reference: `ordered-${start}`, levels: levels(LevelFormat.DECIMAL, (l) => `%${l + 1}.`, start) })),
    ],
  };
}

/** Left indent of a list level's text, in twips (as `numbering` sets it), for the item's later paragraphs and code. */
export const listIndent = (level: number) => 360 * (level + 1);

/**
 * word/fontTable.xml: the fonts the styles name, with what a reader needs to substitute
 * one it lacks: the character set (GB2312 for the Chinese fonts, so a substitute with
 * Chinese glyphs is chosen) and the family; the Chinese fonts also under their Chinese names.
 */
export function fontTable(): string {
  const font = (name: string, charset: string, family: string, pitch: string) =>
    `<w:font w:name="${name}">${CJK_FONT_ALTERNATES[name] ? `<w:altName w:val="${CJK_FONT_ALTERNATES[name]}"/>` : ''}<w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    font('Calibri', '00', 'swiss', 'variable') +
    font('Consolas', '00', 'modern', 'fixed') +
    font('SimSun', '86', 'auto', 'variable') +
    font('SimHei', '86', 'modern', 'variable') +
    '</w:fonts>'
  );
}
