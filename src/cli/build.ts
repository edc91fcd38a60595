import { statSync } from 'node:fs';
import { dissectCapture } from '../dissect.js';
import type { Limits } from '../limits.js';
import { analyse } from '../report/analyse.js';
import type { ReportConfig } from '../report/config.js';
import type { ReportModel } from '../report/schema.js';
import { VERSION } from '../version.js';

export interface BuildOptions {
  limits: Limits;
  config: ReportConfig;
  /** Bytes read so far, now and then (for a progress bar). */
  onProgress?: (bytesRead: number) => void;
}

/** Read one capture into its ReportModel: dissect, then analyse. */
export async function buildOne(capturePath: string, options: BuildOptions): Promise<ReportModel> {
  const records = dissectCapture(capturePath, { limits: options.limits, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  // The model's shape is checked against the schema by the tests, not on every build: large models are costly to copy.
  return analyse(records, {
    limits: options.limits,
    fileSize: statSync(capturePath).size,
    generator: `labreport ${VERSION}`,
    frames: options.config.frames,
    revealSecrets: options.config.revealSecrets,
  });
}
