import type { Limits } from '../limits.js';
import type { Browser } from 'puppeteer-core';
import { labFor } from '../labs/blocks.js';
import { lockOutputSet, writeFileAtomic } from '../output.js';
import type { Notes } from '../render/notes.js';
import type { ReportConfig } from '../report/config.js';
import { jsonPieces } from '../report/json.js';
import type { ReportModel } from '../report/schema.js';
import type { BrowserChoice } from '../render/browser.js';
import type { PdfBudget, PdfResult } from '../render/pdf.js';

export interface OutputTarget {
  outDir: string;
  /** File name without extension: <outDir>/<baseName>.md, .html, .pdf, .json; pictures in <baseName>.files/. */
  baseName: string;
  /** The student's notes, placed by the lab's place ids. */
  notes?: Notes | null | undefined;
  /** --chrome PATH, or the browser already chosen. */
  chrome?: string | BrowserChoice | undefined;
  /** A browser already running (class builds print every report with one). */
  browser?: Browser | undefined;
  pdfBudget?: PdfBudget | undefined;
  /** How much of each list the report shows (maxReportRows, maxDialogueLines). */
  limits?: Limits | undefined;
  onPdfCut?: ((path: string, cut: NonNullable<PdfResult['cut']>) => void) | undefined;
}

/**
 * Write a model's files, holding the lock on their set while doing so: JSON here; md, html
 * and pdf by the render stage, loaded only when asked for (pdf last, so md and html exist
 * even when no browser can be found). Returns the paths written.
 */
export async function writeOutputs(model: ReportModel, config: ReportConfig, target: OutputTarget): Promise<string[]> {
  const { outDir, baseName } = target;
  const release = lockOutputSet(outDir, baseName);
  try {
    const written: string[] = [];
    if (config.formats.includes('json')) written.push(writeFileAtomic(outDir, `${baseName}.json`, jsonPieces(model, '\n')));
    if (config.formats.some((f) => f !== 'json')) {
      const { writeReport } = await import('../render/report.js');
      // The lab the model was built for, unless the config names another.
      const lab = labFor(config.lab ?? model.lab?.profile);
      written.push(...(await writeReport(model, { formats: config.formats, config, lab, ...target, notes: target.notes ?? null })));
    }
    return written;
  } finally {
    release();
  }
}
