import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { headerPlaceholders } from '../src/render/docx/school-template.js';
import { ReportConfig } from '../src/report/config.js';
import { inspectDocx, type InspectedDocx } from './helpers/docx.js';
import { splitFrontMatter } from '../src/render/html.js';
import { OWN_FIXTURES, PUBLIC_FIXTURES, tempDir } from './helpers/files.js';

/*
 * The school's own Word template filled with the report (--docx-template): the sample in
 * templates/ with a full header, in Chinese, read back by python-docx; a template without
 * {report}; and the templates that must be refused with one line and exit 2.
 */

const root = join(import.meta.dirname, '..');
const LAB = join(OWN_FIXTURES, 'lab.pcapng');
const SAMPLE = join(root, 'templates', 'school-report-template.docx');
/** A five-packet capture (read in place): the refusals need a report, not a long one. */
const TINY = join(PUBLIC_FIXTURES, 'http-sll2-tiny.pcap');

function labreport(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const HEADER = {
  course: '计算机网络',
  grade: '计科 2023-2',
  teacher: 'Prof. <Li> & "Zhang"',
  student: { name: '王小明', number: '20240001' },
  experiment: { name: 'HTTP、SMTP、POP3 协议分析', number: '3' },
  date: '2026-11-27',
  time: '14:00–16:00',
  group: '{report}',
};

function config(extra: object = {}): string {
  const path = join(tempDir(), 'labreport.config.json');
  writeFileSync(path, JSON.stringify({ header: HEADER, language: 'zh', ...extra }));
  return path;
}

/** Every placeholder of a template's parts, as Word shows their text. */
const placeholders = (texts: Record<string, string>) => Object.values(texts).flatMap((t) => [...t.matchAll(/\{[\w.]+\}/g)].map((m) => m[0]));

describe('the sample school template, filled', () => {
  const out = tempDir();
  let doc: InspectedDocx;
  let md = '';
  let template: InspectedDocx;
  beforeAll(() => {
    const r = labreport(['build', LAB, '--format', 'md,docx', '--config', config({ docxTemplate: SAMPLE }), '--out', out]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    doc = inspectDocx(join(out, 'lab.docx'));
    template = inspectDocx(SAMPLE);
    md = splitFrontMatter(readFileSync(join(out, 'lab.md'), 'utf8')).body;
  });

  it('is a sound package', () => {
    expect(doc.problems).toEqual([]);
    expect(template.problems).toEqual([]);
  });

  it('the sample has a placeholder for every key of the header, and {report}', () => {
    const header = ReportConfig.parse({}).header;
    expect(new Set(placeholders(template.texts))).toEqual(new Set([...headerPlaceholders(header).map((k) => `{${k}}`), '{report}']));
  });

  it('fills every placeholder with the header, as text', () => {
    const form = doc.tables[0]!.cells.flat();
    for (const value of [
      '计算机网络',
      '计科 2023-2',
      'Prof. <Li> & "Zhang"',
      '王小明',
      '20240001',
      'HTTP、SMTP、POP3 协议分析',
      '3',
      '2026-11-27',
      '14:00–16:00',
    ]) {
      expect(form).toContain(value);
    }
    // The group is "{report}": a value is text, never a placeholder filled again.
    expect(form).toContain('{report}');
    expect(placeholders({ form: form.join('\n') })).toEqual(['{report}']);
    expect(placeholders(Object.fromEntries(Object.entries(doc.texts).filter(([k]) => k !== 'word/document.xml')))).toEqual([]);
  });

  it('puts the report at {report}: its sections, tables and transcripts, between the form and the comments box', () => {
    const headings = md.split('\n').filter((l) => /^#{2,6} /.test(l));
    expect(doc.headings.map((h) => h.text)).toEqual(headings.map((l) => l.replace(/^#+ /, '')));
    expect(doc.headings.every((h) => h.level >= 2)).toBe(true); // the title block is the template's, not the report's
    expect(doc.code).toContain('  140  S: 334 VXNlcm5hbWU6');
    expect(doc.drawings).toBe(1 + 1); // the diagram and the template's logo
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts.indexOf('一、实验目的')).toBeGreaterThan(texts.indexOf('Student Lab Report'));
    const comments = doc.texts['word/document.xml']!.indexOf('教师评语');
    expect(comments).toBeGreaterThan(doc.texts['word/document.xml']!.indexOf('本报告的生成方式'));
  });

  it("keeps the template's page, header, logo and styles", () => {
    expect(doc.sections).toEqual(template.sections);
    expect(doc.sections[0]).toMatchObject({ left: 1803, right: 1803, headerImages: 1 });
    const styles = new TextDecoder().decode(unzipSync(readFileSync(join(out, 'lab.docx')))['word/styles.xml']);
    const heading2 = styles.match(/<w:style [^>]*w:styleId="Heading2"[\s\S]*?<\/w:style>/g)!;
    expect(heading2).toHaveLength(1);
    expect(heading2[0]).toContain('w:eastAsia="SimHei"'); // the school's heading font, not the report's
    expect(styles).toContain('w:styleId="SourceCode"'); // what the template lacks comes with the report
  });

  it('gives the same bytes twice', () => {
    const again = tempDir();
    expect(labreport(['build', LAB, '--format', 'docx', '--config', config(), '--docx-template', SAMPLE, '--out', again]).code).toBe(0);
    expect(Buffer.compare(readFileSync(join(out, 'lab.docx')), readFileSync(join(again, 'lab.docx')))).toBe(0);
  });
});

async function templateWith(paragraphs: string[]): Promise<string> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] });
  const path = join(tempDir(), 'template.docx');
  writeFileSync(path, await Packer.toBuffer(doc));
  return path;
}

describe('other templates', () => {
  it('without {report}: the report follows the template’s own content', async () => {
    const path = await templateWith(['Name: {student.name} ({student.number})', 'End of the form.']);
    const out = tempDir();
    expect(labreport(['build', LAB, '--format', 'docx', '--config', config(), '--docx-template', path, '--out', out])).toMatchObject({ code: 0, stderr: '' });
    const doc = inspectDocx(join(out, 'lab.docx'));
    expect(doc.problems).toEqual([]);
    expect(doc.paragraphs[0]!.text).toBe('Name: 王小明 (20240001)');
    expect(doc.paragraphs[1]!.text).toBe('End of the form.');
    expect(doc.paragraphs[2]!.text).toBe('一、实验目的');
    expect(doc.headings.length).toBeGreaterThan(15);
    // A template without styles for the report's headings gets the report's own.
    expect(doc.headings[0]).toEqual({ level: 2, text: '一、实验目的' });
  });

  it('with {report} in a table cell, as many forms have it: the report fills the cell', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
    const doc = new Document({
      sections: [
        { children: [new Table({ rows: [new TableRow({ children: [cell('实验过程 {course}')] }), new TableRow({ children: [cell('{report}')] })] })] },
      ],
    });
    const path = join(tempDir(), 'form.docx');
    writeFileSync(path, await Packer.toBuffer(doc));
    const out = tempDir();
    expect(labreport(['build', LAB, '--format', 'docx', '--config', config(), '--docx-template', path, '--out', out])).toMatchObject({ code: 0, stderr: '' });
    const filled = inspectDocx(join(out, 'lab.docx'));
    expect(filled.problems).toEqual([]);
    expect(filled.tables[0]!.rows).toBe(2);
    expect(filled.tables[0]!.cells[0]).toEqual(['实验过程 计算机网络']);
    expect(filled.tables[0]!.cells[1]![0]).toContain('一、实验目的');
    // The report's own tables sit inside the cell; every cell still ends with a paragraph, as Word requires.
    const xml = new TextDecoder().decode(unzipSync(readFileSync(join(out, 'lab.docx')))['word/document.xml']);
    expect(xml).not.toMatch(/<\/w:tbl><\/w:tc>/);
  });

  it.each([
    [
      'an unknown placeholder',
      ['{student.name} {nosuchfield}'],
      /template\.docx: unknown placeholder \{nosuchfield\} \(known: \{school\}, \{college\}, \{course\}, \{grade\}/,
    ],
    ['{report} sharing its paragraph', ['Report: {report}'], /template\.docx: The raw tag "report" should be the only text in this paragraph/],
    ['an unclosed placeholder', ['{course'], /template\.docx: The tag beginning with "\{course" is unclosed/],
  ])('refuses %s with one line and exit 2', async (_what, paragraphs, message) => {
    const r = labreport(['build', TINY, '--format', 'docx', '--docx-template', await templateWith(paragraphs), '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a file that is no Word document, or none at all', () => {
    const notDocx = join(tempDir(), 'notes.docx');
    writeFileSync(notDocx, 'just text');
    for (const [path, message] of [
      [notDocx, /notes\.docx: is not a Word document \(\.docx\)/],
      [join(tempDir(), 'missing.docx'), /missing\.docx: no such file/],
    ] as const) {
      const r = labreport(['build', TINY, '--format', 'docx', '--docx-template', path, '--out', tempDir()]);
      expect(r).toMatchObject({ code: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
