import type { Browser } from 'puppeteer';
import { writeFileAtomic } from '../output.js';
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
): Promise<string[]> {
  const written: string[] = [];
  if (config.formats.includes('json')) written.push(writeFileAtomic(outDir, `${baseName}.json`, jsonPieces(model, '\n')));
  if (config.formats.some((f) => f !== 'json')) {
    const { writeReport } = await import('../render/report.js');
    written.push(...(await writeReport(model, { formats: config.formats, config, outDir, baseName, chrome, browser })));
  }
  return written;
}
