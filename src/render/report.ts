import type { Limits } from '../limits.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { format, UI, type Language } from '../knowledge/index.js';
import type { LabProfile } from '../labs/profile.js';
import { writeFileAtomic } from '../output.js';
import type { ReportConfig } from '../report/config.js';
import type { ReportModel } from '../report/schema.js';
import { SUMMARY_COLUMNS, summaryCsv, type SummaryRow } from '../report/summary.js';
import { findBrowser, type BrowserChoice } from './browser.js';
import { templateHelpers } from './helpers.js';
import { frontMatter, renderHtml, splitFrontMatter, type PictureLookup } from './html.js';
import { loadTemplates } from './markdown.js';
import type { Notes } from './notes.js';
import { closeBrowser, launchBrowser, renderPdf, type PdfBudget, type PdfResult } from './pdf.js';
import { DEFAULT_TEMPLATES } from './templates-dir.js';
import { buildView, loadViews, reportWords } from './view.js';

/*
 * The render stage, in its own steps: the view (model → template data), Markdown
 * (Handlebars templates), HTML (markdown-it), PDF (Chromium). It sees only the model, the
 * config, the lab profile and the student's notes, so a saved model renders again with
 * other templates or in another language; and a report's Markdown, once the student has
 * edited it, renders to HTML and PDF with the same styles (renderMarkdownFile).
 */

export interface RenderOptions {
  formats: readonly string[];
  config: ReportConfig;
  lab: LabProfile;
  notes?: Notes | null;
  outDir: string;
  /** File name without extension: output/<baseName>.md, .html, .pdf, .json; pictures in <baseName>.files/. */
  baseName: string;
  /** --chrome PATH, or the browser already chosen. */
  chrome?: string | BrowserChoice | undefined;
  /** A browser already running, to print many reports with one launch. */
  browser?: Browser | undefined;
  /** What printing may cost (maxPdfHtmlBytes, maxPdfSeconds, maxPdfMemoryBytes). */
  pdfBudget?: PdfBudget | undefined;
  /** How much of each list the report shows (maxReportRows, maxDialogueLines). */
  limits?: Limits | undefined;
  /** Told when the report was too long for the PDF budget and the PDF stops early. */
  onPdfCut?: ((path: string, cut: NonNullable<PdfResult['cut']>) => void) | undefined;
}

export interface Rendered {
  /** The report's Markdown, front matter included. */
  markdown: string;
  html: string;
  title: string;
  /** Files beside the report, in <baseName>.files/: name → content. */
  pictures: Map<string, string | Uint8Array>;
}

const PICTURE_TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

/** The style sheet: the user's templates folder's style.css, or the default. */
function css(config: ReportConfig): string {
  const own = config.templates && join(config.templates, 'style.css');
  return readFileSync(own && existsSync(own) ? own : join(DEFAULT_TEMPLATES, 'style.css'), 'utf8');
}

const htmlLang = (lang: string) => (lang === 'zh' ? 'zh-CN' : 'en');

/** Model → Markdown and HTML strings, and the pictures they link to (no files written). */
export async function renderDocuments(
  model: ReportModel,
  config: ReportConfig,
  lab: LabProfile,
  notes: Notes | null,
  baseName: string,
  limits?: Limits,
): Promise<Rendered> {
  const lang = config.language;
  const filesDir = `${baseName}.files`;
  const view = buildView({ model, config, lang, lab, notes, filesDir, limits }, await loadViews());
  const templates = loadTemplates(config.templates, templateHelpers(lang));
  const markdown = frontMatter({ title: view.title, lang, paper: config.paper }) + templates.render(view);
  const pictures = new Map<string, string | Uint8Array>(view.pictures);
  for (const [name, path] of notes?.pictures ?? []) pictures.set(name, readFileSync(path));
  const lookup: PictureLookup = (src) => {
    if (!src.startsWith(`${filesDir}/`)) return null;
    const name = src.slice(filesDir.length + 1);
    const content = pictures.get(name);
    const type = PICTURE_TYPES[extname(name).toLowerCase()];
    return content === undefined || !type ? null : { type, bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content };
  };
  const html = renderHtml(markdown, { title: view.title, lang: htmlLang(lang), css: css(config), pictures: lookup });
  return { markdown, html, title: view.title, pictures };
}

/** Write md (with its pictures), html, docx and pdf as requested; returns the paths written. PDF comes last, so the others exist even when no browser can be found. */
export async function writeReport(model: ReportModel, options: RenderOptions): Promise<string[]> {
  const { config, outDir, baseName } = options;
  const rendered = await renderDocuments(model, config, options.lab, options.notes ?? null, baseName, options.limits);
  return writeRendered(rendered, options, model.capture.firstTime);
}

async function writeRendered(
  rendered: Rendered,
  options: Omit<RenderOptions, 'lab' | 'notes'>,
  date: string | null,
  picturesDir = options.outDir,
): Promise<string[]> {
  const { formats, config, outDir, baseName } = options;
  const written: string[] = [];
  if (formats.includes('md')) written.push(writeFileAtomic(outDir, `${baseName}.md`, rendered.markdown));
  // The pictures beside the Markdown, which the Word document takes its own from.
  if (formats.includes('md') || formats.includes('docx'))
    for (const [name, content] of rendered.pictures) writeFileAtomic(join(outDir, `${baseName}.files`), name, content);
  if (formats.includes('html')) written.push(writeFileAtomic(outDir, `${baseName}.html`, rendered.html));
  if (formats.includes('docx')) {
    const { reportDocx } = await import('./docx/index.js'); // loaded only when asked for, as puppeteer is
    const body = splitFrontMatter(rendered.markdown).body;
    written.push(writeFileAtomic(outDir, `${baseName}.docx`, await reportDocx(body, config, { date, baseDir: picturesDir, title: rendered.title })));
  }
  if (formats.includes('pdf')) {
    const t = UI[config.language];
    const chosen = typeof options.chrome === 'object' ? options.chrome : undefined;
    const browser = options.browser ?? (await launchBrowser(chosen ?? (await findBrowser(options.chrome as string | undefined))));
    try {
      const { pdf, cut } = await renderPdf(
        rendered.html,
        {
          paper: config.paper,
          title: rendered.title,
          pageLabel: (p, n) => format(t.pageOf, p, n),
          budget: options.pdfBudget,
          cutNote: (a, b, c) => format(t.pdfCut, a, b, c),
        },
        browser,
      );
      const path = writeFileAtomic(outDir, `${baseName}.pdf`, pdf);
      written.push(path);
      if (cut) options.onPdfCut?.(path, cut);
    } finally {
      if (!options.browser) await closeBrowser(browser);
    }
  }
  return written;
}

/**
 * A report's Markdown (written by `build`, then edited by the student) → HTML and PDF with
 * the same styles, header and page set-up. Its pictures are read from the files folder beside it.
 */
export async function renderMarkdownFile(path: string, options: Omit<RenderOptions, 'lab' | 'notes' | 'baseName'>): Promise<string[]> {
  const source = readFileSync(path, 'utf8');
  const { meta } = splitFrontMatter(source);
  const lang: Language = meta.lang === 'zh' || meta.lang === 'en' ? meta.lang : options.config.language;
  const paper = meta.paper === 'Letter' || meta.paper === 'A4' ? meta.paper : options.config.paper;
  const baseName = basename(path, extname(path));
  const folder = resolve(dirname(path));
  const lookup: PictureLookup = (src) => {
    const type = PICTURE_TYPES[extname(src).toLowerCase()];
    const file = resolve(folder, src);
    const inside = relative(folder, file);
    if (!type || inside.startsWith('..') || isAbsolute(inside) || !existsSync(file) || !statSync(file).isFile()) return null;
    return { type, bytes: readFileSync(file) };
  };
  const title = meta.title ?? baseName;
  const html = renderHtml(source, { title, lang: htmlLang(lang), css: css(options.config), pictures: lookup });
  const config = { ...options.config, language: lang, paper };
  return writeRendered(
    { markdown: source, html, title, pictures: new Map() },
    { ...options, config, baseName, formats: options.formats.filter((f) => f !== 'md') },
    null,
    folder,
  );
}

/** The class summary of a batch build: summary.md, summary.html and summary.csv in outDir. Returns the paths written. */
export async function writeSummary(rows: SummaryRow[], config: ReportConfig, outDir: string): Promise<string[]> {
  const lang = config.language;
  const t = reportWords(await loadViews(), lang);
  const mark = (v: boolean | number | null | undefined) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : v ? '✓' : '✗');
  const view = {
    t,
    lang,
    counts: { total: rows.length, ok: rows.filter((r) => r.status === 'ok').length, failed: rows.filter((r) => r.status !== 'ok').length },
    columns: SUMMARY_COLUMNS.map((key) => t[`class${key[0]!.toUpperCase()}${key.slice(1)}`] ?? key),
    rows: rows.map((r, i) => ({
      n: i + 1,
      capture: r.capture,
      failed: r.status !== 'ok',
      status: r.status,
      packets: r.packets ?? '',
      cells: SUMMARY_COLUMNS.map((key) => mark(r.columns[key])),
      warnings: r.warnings ?? '',
      duplicates: r.duplicates.map((name) => format(r.identical.includes(name) ? t.duplicateFile! : t.duplicateConversations!, name)).join(', '),
    })),
  };
  const markdown = loadTemplates(config.templates, templateHelpers(lang), 'summary.md.hbs').render(view);
  const html = renderHtml(markdown, { title: t.classSummaryTitle!, lang: htmlLang(lang), css: css(config), pictures: () => null });
  return [
    writeFileAtomic(outDir, 'summary.md', markdown),
    writeFileAtomic(outDir, 'summary.html', html),
    writeFileAtomic(outDir, 'summary.csv', summaryCsv(rows)),
  ];
}
