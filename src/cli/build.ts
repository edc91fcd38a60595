import { statSync } from 'node:fs';
import { dissectCapture } from '../dissect.js';
import type { Limits } from '../limits.js';
import { writeFileAtomic, reportBaseName } from '../output.js';
import { analyse } from '../report/analyse.js';
import { jsonPieces } from '../report/json.js';
import type { ReportModel } from '../report/schema.js';
import { VERSION } from '../version.js';

export interface BuildOptions {
  outDir: string;
  formats: string[];
  limits: Limits;
}

/** Read one capture and write its report files; returns the paths written. */
export async function buildOne(capturePath: string, options: BuildOptions): Promise<{ written: string[]; model: ReportModel }> {
  const records = dissectCapture(capturePath, { limits: options.limits });
  // The model's shape is checked against the schema by the tests, not on every build: large models are costly to copy.
  const model = await analyse(records, { limits: options.limits, fileSize: statSync(capturePath).size, generator: `labreport ${VERSION}` });
  const base = reportBaseName(capturePath);
  const written: string[] = [];
  if (options.formats.includes('json')) written.push(writeFileAtomic(options.outDir, `${base}.json`, jsonPieces(model, '\n')));
  return { written, model };
}
