import type { Browser } from 'puppeteer';
import { labFor } from '../labs/blocks.js';
import { writeFileAtomic } from '../output.js';
import type { Notes } from '../render/notes.js';
import type { ReportConfig } from '../report/config.js';
import { jsonPieces } from '../report/json.js';
import type { ReportModel } from '../report/schema.js';

/** Write a model's files: JSON here; md, html and pdf by the render stage, loaded only when asked for. Returns the paths written. */
export async function writeOutputs(
  model: ReportModel,
  config: ReportConfig,
  outDir: string,
  baseName: string,
  chrome?: string,
  browser?: Browser,
  notes?: Notes | null,
): Promise<string[]> {
  const written: string[] = [];
  if (config.formats.includes('json')) written.push(writeFileAtomic(outDir, `${baseName}.json`, jsonPieces(model, '\n')));
  if (config.formats.some((f) => f !== 'json')) {
    const { writeReport } = await import('../render/report.js');
    // The lab the model was built for, unless the config names another.
    const lab = labFor(config.lab ?? model.lab?.profile);
    written.push(...(await writeReport(model, { formats: config.formats, config, lab, notes: notes ?? null, outDir, baseName, chrome, browser })));
  }
  return written;
}
