import { readFileSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { UI } from '../../knowledge/index.js';
import type { ReportConfig } from '../../report/config.js';
import { type DocxOptions, markdownToDocx } from './document.js';
import { fillSchoolTemplate } from './school-template.js';

/*
 * The Word output of the render stage: the report Markdown as a .docx of its own, or
 * filled into the school's template when the config names one (`docxTemplate`,
 * `--docx-template FILE`).
 */

export { markdownToDocx, type DocxOptions } from './document.js';
export { fillSchoolTemplate, headerPlaceholders } from './school-template.js';

export interface ReportDocxOptions {
  /** The document's date, e.g. the capture's first packet (ISO 8601); SOURCE_DATE_EPOCH overrides it. */
  date?: string | null | undefined;
  /** Where pictures the Markdown names by relative path are (the folder the Markdown is written to). */
  baseDir?: string | undefined;
  /** The report's title, in the page headers as in the PDF's. */
  title: string;
}

/** The report Markdown as .docx bytes, in the config's language and paper, in the school's template if it names one. */
export async function reportDocx(markdown: string, config: ReportConfig, o: ReportDocxOptions): Promise<Uint8Array> {
  const t = UI[config.language];
  const options: DocxOptions = {
    title: o.title,
    lang: config.language,
    paper: config.paper,
    pageLabel: t.pageOf,
    tocTitle: t.contents,
    baseDir: o.baseDir,
    date: o.date,
  };
  if (!config.docxTemplate) return markdownToDocx(markdown, options);
  let template: Uint8Array;
  try {
    template = readFileSync(config.docxTemplate);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(
      `${config.docxTemplate}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a folder, not a .docx' : err.message}`,
    );
  }
  return fillSchoolTemplate(template, markdown, config.header, { ...options, templateName: config.docxTemplate });
}
