import { statSync } from 'node:fs';
import { CaptureError } from '../capture/frame.js';
import { captureInput } from '../capture/open.js';
import { dissectCapture } from '../dissect.js';
import { onInterrupt } from '../interrupt.js';
import { MODEL_SCHEMA_URL } from '../json-schema.js';
import type { Limits } from '../limits.js';
import { analyse } from '../report/analyse.js';
import type { ReportConfig } from '../report/config.js';
import type { ReportModel } from '../report/schema.js';
import { VERSION } from '../version.js';

export interface BuildOptions {
  limits: Limits;
  config: Pick<ReportConfig, 'frames' | 'revealSecrets'>;
  /** Bytes read so far, now and then (for a progress bar). */
  onProgress?: (bytesRead: number) => void;
}

/** Read one capture file into its ReportModel: dissect, then analyse. */
export async function buildOne(capturePath: string, options: BuildOptions): Promise<ReportModel> {
  const records = dissectCapture(capturePath, { limits: options.limits, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  // The model's shape is checked against the schema by the tests, not on every build: large models are costly to copy.
  const model = await analyse(records, {
    limits: options.limits,
    fileSize: statSync(capturePath).size,
    generator: `labreport ${VERSION}`,
    frames: options.config.frames,
    revealSecrets: options.config.revealSecrets,
  });
  return { $schema: MODEL_SCHEMA_URL, ...model };
}

/** A capture as the user names it: a file, or `-` for standard input (copied aside first, and removed after). */
export async function buildCapture(arg: string, options: BuildOptions): Promise<ReportModel> {
  const input = await captureInput(arg);
  const forget = onInterrupt(input.dispose);
  try {
    return await buildOne(input.path, options);
  } catch (e) {
    // Name the capture as the user did, not as the copy of standard input.
    if (e instanceof CaptureError && e.file === input.path && input.path !== input.name) throw new CaptureError(input.name, e.message);
    throw e;
  } finally {
    forget();
    input.dispose();
  }
}
