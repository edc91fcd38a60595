import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { format, UI } from '../knowledge/index.js';
import { writeFileAtomic } from '../output.js';
import type { ReportConfig } from '../report/config.js';
import type { ReportModel } from '../report/schema.js';
import { summaryCsv, type SummaryRow } from '../report/summary.js';
import { findBrowser, type BrowserChoice } from './browser.js';
import { templateHelpers } from './helpers.js';
import { renderHtml } from './html.js';
import { loadTemplates } from './markdown.js';
import { DEFAULT_TEMPLATES } from './templates-dir.js';
import { closeBrowser, launchBrowser, renderPdf, type PdfBudget, type PdfResult } from './pdf.js';
import { buildView } from './view.js';

/*
 * The render stage: ReportModel → Markdown (Handlebars templates) → HTML (markdown-it)
 * → PDF (Chromium). It sees only the model, the config and the language's strings, so a
 * saved model renders again with other templates or another language.
 */

export interface RenderOptions {
  formats: readonly string[];
  config: ReportConfig;
  outDir: string;
  /** File name without extension: output/<baseName>.md, .html, .pdf, .json. */
  baseName: string;
  /** --chrome PATH, or the browser already chosen. */
  chrome?: string | BrowserChoice | undefined;
  /** A browser already running, to print many reports with one launch. */
  browser?: Browser | undefined;
  /** What printing may cost (maxPdfHtmlBytes, maxPdfSeconds, maxPdfMemoryBytes). */
  pdfBudget?: PdfBudget | undefined;
  /** Told when the report was too long for the PDF budget and the PDF stops early. */
  onPdfCut?: ((path: string, cut: NonNullable<PdfResult['cut']>) => void) | undefined;
}

export interface Rendered {
  markdown: string;
  html: string;
}

/** The style sheet: the user's templates folder's style.css, or the default. */
function stylePath(config: ReportConfig): string {
  const own = config.templates && join(config.templates, 'style.css');
  return own && existsSync(own) ? own : join(DEFAULT_TEMPLATES, 'style.css');
}

/** Model → Markdown and HTML strings (no files). */
export function renderDocuments(model: ReportModel, config: ReportConfig): Rendered {
  const lang = config.language;
  const view = buildView(model, config, lang);
  const templates = loadTemplates(config.templates, templateHelpers(lang));
  const markdown = templates.render(view);
  const html = renderHtml(markdown, {
    title: view.title,
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    css: readFileSync(stylePath(config), 'utf8'),
    tocTitle: UI[lang].contents,
  });
  return { markdown, html };
}

/** Write md, html and pdf as requested; returns the paths written. PDF comes last, so md and html exist even when no browser can be found. */
export async function writeReport(model: ReportModel, options: RenderOptions): Promise<string[]> {
  const { formats, config, outDir, baseName } = options;
  const written: string[] = [];
  const { markdown, html } = renderDocuments(model, config);
  if (formats.includes('md')) written.push(writeFileAtomic(outDir, `${baseName}.md`, markdown));
  if (formats.includes('html')) written.push(writeFileAtomic(outDir, `${baseName}.html`, html));
  if (formats.includes('pdf')) {
    const t = UI[config.language];
    const chrome = typeof options.chrome === 'object' ? options.chrome : undefined;
    const browser = options.browser ?? (await launchBrowser(chrome ?? (await findBrowser(options.chrome as string | undefined))));
    try {
      const title = config.header.experiment.name ? format(t.titleWithExperiment, config.header.experiment.name) : t.title;
      const { pdf, cut } = await renderPdf(
        html,
        { paper: config.paper, title, pageLabel: (p, n) => format(t.pageOf, p, n), budget: options.pdfBudget, cutNote: (a, b, c) => format(t.pdfCut, a, b, c) },
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

/** The class summary of a batch build: summary.md, summary.html and summary.csv in outDir. Returns the paths written. */
export function writeSummary(rows: SummaryRow[], config: ReportConfig, outDir: string): string[] {
  const lang = config.language;
  const t = UI[lang];
  const mark = (v: boolean | null) => (v === null ? '' : v ? '✓' : '✗');
  const view = {
    t,
    lang,
    counts: { total: rows.length, ok: rows.filter((r) => r.status === 'ok').length, failed: rows.filter((r) => r.status !== 'ok').length },
    rows: rows.map((r, i) => ({
      n: i + 1,
      capture: r.capture,
      failed: r.status !== 'ok',
      status: r.status,
      packets: r.packets ?? '',
      httpExchanges: r.httpExchanges ?? '',
      hasGet: mark(r.hasGet),
      hasPost: mark(r.hasPost),
      hasSmtpAuth: mark(r.hasSmtpAuth),
      hasPop3Retr: mark(r.hasPop3Retr),
      warnings: r.warnings ?? '',
      duplicates: r.duplicates.map((name) => format(r.identical.includes(name) ? t.duplicateFile : t.duplicateConversations, name)).join(', '),
    })),
  };
  const markdown = loadTemplates(config.templates, templateHelpers(lang), 'summary.md.hbs').render(view);
  const html = renderHtml(markdown, {
    title: t.classSummaryTitle,
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    css: readFileSync(stylePath(config), 'utf8'),
    tocTitle: '',
  });
  return [
    writeFileAtomic(outDir, 'summary.md', markdown),
    writeFileAtomic(outDir, 'summary.html', html),
    writeFileAtomic(outDir, 'summary.csv', summaryCsv(rows)),
  ];
}
