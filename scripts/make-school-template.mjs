#!/usr/bin/env node
// Writes templates/school-report-template.docx: a sample of the Word template a school hands out
// (实验报告模板.docx), for `labreport build --format docx --docx-template FILE`. A page header with a
// logo placeholder and the school's name, a title, the header form (Chinese and English labels, one
// placeholder per key of the config's `header`, so a key added there appears here when this is rerun),
// a score box, {report} where the report goes, and a box for the teacher's comments after it. Its
// own styles (headings in SimHei, body in SimSun, wider margins) show that a filled report keeps the
// school's look. Run after `npm run build`:  node scripts/make-school-template.mjs [OUT.docx]
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'templates', 'school-report-template.docx');
const { UI } = await import(join(root, 'dist', 'knowledge', 'index.js'));
const { ReportConfig } = await import(join(root, 'dist', 'report', 'config.js'));
const { headerPlaceholders } = await import(join(root, 'dist', 'render', 'docx', 'school-template.js'));
const { readPackage, writePackage, setText, coreProperties } = await import(join(root, 'dist', 'render', 'docx', 'package.js'));
const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js');

// The logo placeholder: shapes only (no text), so the PNG is the same whatever fonts the machine has;
// small and plain (96 px, no dashes), as a placeholder is: it is most of the sample's bytes.
const logoSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<circle cx="48" cy="48" r="45" fill="#f3f5f7" stroke="#0b5cad" stroke-width="4"/>
<circle cx="48" cy="48" r="33" fill="none" stroke="#0b5cad" stroke-width="2"/>
<path d="M28 62 L48 24 L68 62 Z" fill="#0b5cad"/><rect x="36" y="62" width="24" height="8" fill="#0b5cad"/></svg>`;
const logo = new Resvg(logoSvg, { fitTo: { mode: 'width', value: 96 }, font: { loadSystemFonts: false } }).render().asPng();

const CJK = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };
const HEI = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimHei', cs: 'Arial' };
const mm = (n) => Math.round((n * 1440) / 25.4);
const page = { width: 11906, height: 16838 };
const margin = { top: mm(25.4), bottom: mm(25.4), left: mm(31.8), right: mm(31.8), header: mm(15), footer: mm(17.5), gutter: 0 };
const width = page.width - margin.left - margin.right;

// One row of the form per two header fields: label (Chinese and English), placeholder, label, placeholder.
const header = ReportConfig.parse({}).header;
const uiKey = (path) => path.replace(/\.(\w)/g, (_m, c) => c.toUpperCase()); // student.name → studentName
const label = (path) => ({ zh: UI.zh[uiKey(path)] ?? path, en: UI.en[uiKey(path)] ?? path });
const fields = headerPlaceholders(header).map((path) => ({ ...label(path), value: `{${path}}` }));
fields.push({ zh: '成绩', en: 'Score', value: '' }); // for the teacher: no placeholder

const rule = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule };
const columns = [0.17, 0.33, 0.17, 0.33].map((f) => Math.floor(f * width));
const cell = (children, i, shaded) =>
  new TableCell({
    width: { size: columns[i], type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    ...(shaded ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } } : {}),
    children,
  });
const labelCell = (f, i) =>
  cell(
    [
      new Paragraph({ style: 'FormLabel', children: [new TextRun(f?.zh ?? '')] }),
      new Paragraph({ style: 'FormLabelEn', children: [new TextRun(f?.en ?? '')] }),
    ],
    i,
    true,
  );
const valueCell = (f, i) => cell([new Paragraph({ style: 'FormValue', children: [new TextRun(f?.value ?? '')] })], i, false);
const rows = [];
for (let i = 0; i < fields.length; i += 2) {
  const [a, b] = [fields[i], fields[i + 1]];
  rows.push(
    new TableRow({
      height: { value: mm(11), rule: HeightRule.ATLEAST },
      cantSplit: true,
      children: [labelCell(a, 0), valueCell(a, 1), labelCell(b, 2), valueCell(b, 3)],
    }),
  );
}
const form = new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: columns, layout: TableLayoutType.FIXED, borders, rows });

const box = (title, height) =>
  new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    borders,
    rows: [
      new TableRow({
        height: { value: height, rule: HeightRule.ATLEAST },
        children: [
          new TableCell({ width: { size: width, type: WidthType.DXA }, children: [new Paragraph({ style: 'FormLabel', children: [new TextRun(title)] })] }),
        ],
      }),
    ],
  });

const doc = new Document({
  creator: 'labreport',
  title: '实验报告模板',
  styles: {
    default: {
      document: {
        run: { font: CJK, size: 21, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO, after: 0 } },
      },
      title: { run: { font: HEI, size: 36, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 } } },
      heading1: { run: { font: HEI, size: 30, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
      heading2: { run: { font: HEI, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
      heading3: { run: { font: HEI, size: 24, bold: true, color: '000000' }, paragraph: { spacing: { before: 180, after: 60 }, keepNext: true } },
      heading4: { run: { font: HEI, size: 21, bold: true, color: '000000' }, paragraph: { spacing: { before: 120, after: 60 }, keepNext: true } },
    },
    paragraphStyles: [
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        run: { font: CJK, size: 24 },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
      },
      {
        id: 'FormLabel',
        name: 'Form Label',
        basedOn: 'Normal',
        run: { font: HEI, size: 21 },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'FormLabelEn',
        name: 'Form Label English',
        basedOn: 'Normal',
        run: { size: 16, color: '595959' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'FormValue',
        name: 'Form Value',
        basedOn: 'Normal',
        run: { size: 21 },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'Header',
        name: 'header',
        basedOn: 'Normal',
        run: { size: 18 },
        paragraph: { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } } },
      },
      { id: 'Footer', name: 'footer', basedOn: 'Normal', run: { size: 18 }, paragraph: { alignment: AlignmentType.CENTER } },
    ],
  },
  sections: [
    {
      properties: { page: { size: page, margin } },
      headers: {
        default: new Header({
          children: [
            new Paragraph({
              style: 'Header',
              tabStops: [{ type: TabStopType.RIGHT, position: width }],
              children: [
                new ImageRun({
                  type: 'png',
                  data: logo,
                  transformation: { width: 36, height: 36 },
                  altText: { id: '1', name: 'Logo', title: 'Logo', description: '校徽 (school logo placeholder)' },
                }),
                new TextRun({ text: '\t××大学 计算机学院 · 实验报告 Lab Report' }),
              ],
            }),
          ],
        }),
      },
      footers: {
        default: new Footer({
          children: [
            new Paragraph({ style: 'Footer', children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'] })] }),
          ],
        }),
      },
      children: [
        new Paragraph({ style: 'Title', children: [new TextRun('××大学学生实验报告')] }),
        new Paragraph({ style: 'Subtitle', children: [new TextRun('Student Lab Report')] }),
        form,
        new Paragraph({ children: [] }),
        new Paragraph({ children: [new TextRun('{report}')] }),
        new Paragraph({ children: [] }),
        box('教师评语 Teacher’s comments', mm(40)),
      ],
    },
  ],
});

// As labreport writes its own .docx: fixed dates and entry order, so rerunning gives the same bytes.
const parts = readPackage(await Packer.toBuffer(doc));
setText(parts, 'docProps/core.xml', coreProperties({ title: '实验报告模板', language: 'zh-CN', date: '2026-01-01T00:00:00Z' }));
writeFileSync(out, writePackage(parts));
console.log(out);
