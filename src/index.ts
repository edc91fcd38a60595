/*
 * labreport as a library, for graders' scripts:
 *
 *   import { build, validate, render, ReportModel } from 'labreport';
 *   const model = await build('capture.pcapng');          // dissect a capture to its model
 *   const same = validate(JSON.parse(text));              // check a saved model (throws ModelError)
 *   const { markdown, html, pdf } = await render(model, { formats: ['md', 'html', 'pdf'] });
 *
 * The model is the public interface the README documents; its JSON Schema is
 * `labreport/report-model.schema.json` (and reportModelJsonSchema()).
 */
import type { Browser } from 'puppeteer-core';
import type { z } from 'zod';
import { captureInput } from './capture/open.js';
import { buildOne } from './cli/build.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { ReportConfig } from './report/config.js';
import { ReportModel } from './report/schema.js';
import type { BrowserChoice } from './render/browser.js';
import type { PdfBudget } from './render/pdf.js';

export { ReportModel } from './report/schema.js';
export type { HttpExchange, HttpRequest } from './protocols/http/schema.js';
export type { MailMessage } from './protocols/mail/schema.js';
export type { SmtpSession } from './protocols/smtp/schema.js';
export type { Pop3Session } from './protocols/pop3/schema.js';
export { ReportConfig } from './report/config.js';
export { DEFAULT_LIMITS, LIMIT_OPTIONS, type LimitName, type Limits } from './limits.js';
export { CaptureError } from './capture/frame.js';
export { UsageError } from './errors.js';
export { NoBrowserError, chooseBrowser, findBrowser, type BrowserChoice, type BrowserEnvironment } from './render/browser.js';
export { MODEL_SCHEMA_URL, reportModelJsonSchema } from './json-schema.js';
export { VERSION } from './version.js';

/** The report's configuration as the library takes it: any part of labreport.config.json. */
export type ConfigInput = z.input<typeof ReportConfig>;

export interface BuildOptions {
  /** Bounds against hostile or huge captures; the rest keep their defaults. */
  limits?: Partial<Limits>;
  /** The exchanges to dissect, as labreport.config.json's `frames`. */
  frames?: ReportConfig['frames'];
  /** Show passwords and other secrets in the model instead of masking them. */
  revealSecrets?: boolean;
  /** The lab the model answers: a built-in profile's name or a profile file (default http-smtp-pop3). */
  lab?: string;
  /** The language of the model's titles and answers (default en). */
  language?: 'en' | 'zh';
}

/** Dissect a capture file (pcap or pcapng, also gzip- or zstd-compressed) to its ReportModel. Throws CaptureError for a file that is not a readable capture. */
export async function build(capture: string, options: BuildOptions = {}): Promise<ReportModel> {
  const input = await captureInput(capture);
  try {
    return await buildOne(input.path, {
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      config: { frames: options.frames ?? {}, revealSecrets: options.revealSecrets ?? false, lab: options.lab, language: options.language ?? 'en' },
    });
  } finally {
    input.dispose();
  }
}

/** A value that is not a ReportModel: `path` names the first wrong field ("http.exchanges.0.request.frame"). */
export class ModelError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path || '(top level)'}: ${message}`);
    this.name = 'ModelError';
  }
}

/** Check a value (e.g. a parsed JSON file from `build --format json`) against the model's schema; returns it typed, or throws ModelError. */
export function validate(value: unknown): ReportModel {
  const parsed = ReportModel.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ModelError(issue.path.join('.'), issue.message);
}

export interface RenderOptions {
  /** What to make (default md and html; pdf needs a Chrome, Chromium or Edge). */
  formats?: ('md' | 'html' | 'pdf')[];
  /** The report header, language, paper and templates, as in labreport.config.json. */
  config?: ConfigInput;
  /** The browser to print with (a path, or one chosen with findBrowser); default: found as the CLI finds it. */
  chrome?: string | BrowserChoice;
  /** A browser already running (from puppeteer-core), to print many reports with one. */
  browser?: Browser;
  /** What printing may cost (default: the maxPdf… limits). */
  pdfBudget?: Partial<PdfBudget>;
  /** How much of each list the report shows (maxReportRows, maxDialogueLines; default: their defaults). */
  limits?: Partial<Limits>;
  /** The name the Markdown gives the folder of its pictures: <baseName>.files/ (default "report"). */
  baseName?: string;
}

export interface RenderedReport {
  markdown: string;
  html: string;
  /** The files the Markdown links to, to put in <baseName>.files/ beside it: name → content (the HTML and PDF carry them inside). */
  pictures: Map<string, string | Uint8Array>;
  /** Only when asked for. */
  pdf?: Uint8Array;
}

/** Render a model to Markdown, HTML and, when asked, PDF, in memory. */
export async function render(model: ReportModel, options: RenderOptions = {}): Promise<RenderedReport> {
  const config = ReportConfig.parse(options.config ?? {});
  const { renderDocuments } = await import('./render/report.js');
  const { labFor } = await import('./labs/blocks.js');
  // The lab the model was built for, unless the config names another.
  const { markdown, html, title, pictures } = await renderDocuments(
    model,
    config,
    labFor(config.lab ?? model.lab?.profile),
    null,
    options.baseName ?? 'report',
    { ...DEFAULT_LIMITS, ...options.limits },
  );
  if (!options.formats?.includes('pdf')) return { markdown, html, pictures };
  const { format, UI } = await import('./knowledge/index.js');
  const { closeBrowser, DEFAULT_PDF_BUDGET, launchBrowser, renderPdf } = await import('./render/pdf.js');
  const { findBrowser } = await import('./render/browser.js');
  const browser = options.browser ?? (await launchBrowser(typeof options.chrome === 'object' ? options.chrome : await findBrowser(options.chrome)));
  try {
    const t = UI[config.language];
    const { pdf } = await renderPdf(
      html,
      {
        paper: config.paper,
        title,
        pageLabel: (p, n) => format(t.pageOf, p, n),
        budget: { ...DEFAULT_PDF_BUDGET, ...options.pdfBudget },
        cutNote: (a, b, c) => format(t.pdfCut, a, b, c),
      },
      browser,
    );
    return { markdown, html, pictures, pdf };
  } finally {
    if (!options.browser) await closeBrowser(browser);
  }
}
