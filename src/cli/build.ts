import { labFor } from '../labs/blocks.js';
import type { Limits } from '../limits.js';
import { buildModel } from '../pipeline.js';
import type { ReportConfig } from '../report/config.js';
import type { ReportModel } from '../report/schema.js';

export interface BuildOptions {
  limits: Limits;
  config: ReportConfig;
  /** Bytes read so far, now and then (for a progress bar). */
  onProgress?: (bytesRead: number) => void;
}

/** Read one capture into its ReportModel (pipeline.ts, read to detail), with the config's choices. */
export async function buildOne(capturePath: string, options: BuildOptions): Promise<ReportModel> {
  return buildModel(capturePath, {
    limits: options.limits,
    choices: options.config.frames,
    revealSecrets: options.config.revealSecrets,
    lab: labFor(options.config.lab),
    language: options.config.language,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
