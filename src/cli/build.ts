import { CaptureError } from '../capture/frame.js';
import { captureInput } from '../capture/open.js';
import { onInterrupt } from '../interrupt.js';
import { MODEL_SCHEMA_URL } from '../report/model-version.js';
import { labFor } from '../labs/blocks.js';
import type { Limits } from '../limits.js';
import { buildModel } from '../pipeline.js';
import type { ReportConfig } from '../report/config.js';
import type { ReportModel } from '../report/schema.js';

export interface BuildOptions {
  limits: Limits;
  config: Pick<ReportConfig, 'frames' | 'revealSecrets' | 'lab' | 'language' | 'keylog'>;
  /** Bytes read so far, now and then (for a progress bar). */
  onProgress?: (bytesRead: number) => void;
  /** --export DIR: the capture's objects are written there. */
  exportDir?: string;
}

/** Read one capture file into its ReportModel (pipeline.ts, read to detail), with the config's choices; the model names its JSON Schema. */
export async function buildOne(capturePath: string, options: BuildOptions): Promise<ReportModel> {
  const model = await buildModel(capturePath, {
    limits: options.limits,
    choices: options.config.frames,
    revealSecrets: options.config.revealSecrets,
    ...(options.config.keylog ? { keylog: options.config.keylog } : {}),
    lab: labFor(options.config.lab),
    language: options.config.language,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.exportDir !== undefined ? { exportDir: options.exportDir } : {}),
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
