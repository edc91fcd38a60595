import { statSync } from 'node:fs';
import { dissectCapture } from '../dissect.js';
import type { Limits } from '../limits.js';
import { writeFileAtomic, reportBaseName } from '../output.js';
import { analyse } from '../report/analyse.js';
import { ReportModel } from '../report/schema.js';
import { VERSION } from '../version.js';

export interface BuildOptions {
  outDir: string;
  formats: string[];
  limits: Limits;
}

/** Read one capture and write its report files; returns the paths written. */
export async function buildOne(capturePath: string, options: BuildOptions): Promise<{ written: string[]; model: ReportModel }> {
  const records = dissectCapture(capturePath, { limits: options.limits });
  const model = ReportModel.parse(
    await analyse(records, { limits: options.limits, fileSize: statSync(capturePath).size, generator: `labreport ${VERSION}` }),
  );
  const base = reportBaseName(capturePath);
  const written: string[] = [];
  if (options.formats.includes('json')) written.push(writeFileAtomic(options.outDir, `${base}.json`, `${JSON.stringify(model, null, 2)}\n`));
  return { written, model };
}
