import { statSync } from 'node:fs';
import { dissectCapture } from './dissect.js';
import { Spooler } from './export/spool.js';
import type { Language } from './knowledge/index.js';
import type { LabProfile } from './labs/profile.js';
import type { Limits } from './limits.js';
import type { FrameChoices } from './protocols/slice.js';
import { analyse } from './report/analyse.js';
import { ensureOutputDir, lockOutputSet } from './output.js';
import type { ReportModel } from './report/schema.js';
import { VERSION } from './version.js';

/*
 * The pipeline, stage by stage, and what flows between the stages:
 *
 *   stage        from                         to                           where
 *   read         the capture file             Frame (number, time, bytes)  capture/open.ts, pcap.ts, pcapng.ts
 *   decode       Frame                        Packet (link, IP, TCP)       decode/link.ts, ip.ts, tcp.ts
 *   reassemble   Packet                       each side's bytes, in order  reassembly/tcp-tracker.ts, tcp-stream.ts
 *   dissect      a connection's bytes         records (per protocol)       protocols/router.ts → each slice's dissector
 *   analyse      records                      each slice's part of the     each slice's analyse (protocols/registry.ts)
 *                                             model
 *   detail       the frames the model shows   FrameDetail, lengths, times  report/frames.ts (a second, short read)
 *   export       records, spooled bodies      the model's objects; files   export/objects.ts (with --export: written
 *                                             in the export folder         from what dissect spooled, export/spool.ts)
 *   render       ReportModel                  Markdown → HTML → PDF        render/report.ts (its own stages)
 *
 * read, decode, reassemble and dissect run together, frame by frame, in one pass over the
 * file in bounded memory (dissect.ts). detail follows analyse, because which frames the
 * report shows in detail is a choice made on the analysed content (the best example of a
 * GET, say); it reads only up to the last frame wanted.
 */

export interface BuildOptions {
  limits: Limits;
  /** The user's choice of examples (config `frames`). */
  choices?: FrameChoices;
  /** Show secrets instead of masking them. */
  revealSecrets?: boolean;
  /** Bytes read so far, now and then (for a progress bar). */
  onProgress?: (bytesRead: number) => void;
  /** The lab the report follows, and the language of the model's titles and answers. */
  lab: LabProfile;
  language: Language;
  /** --export DIR: write the capture's objects (HTTP bodies, mail messages) there. */
  exportDir?: string;
  /** --keylog FILE (config `keylog`): the TLS key log. */
  keylog?: string;
}

/** A capture → its ReportModel: the stages from read to detail. */
export async function buildModel(capturePath: string, options: BuildOptions): Promise<ReportModel> {
  let spooler: Spooler | undefined;
  let release = () => {};
  if (options.exportDir !== undefined) {
    ensureOutputDir(options.exportDir);
    release = lockOutputSet(options.exportDir, '--export'); // two exports into one folder would number each other's names
    spooler = new Spooler(options.exportDir, options.limits.maxObjects);
  }
  try {
    const records = dissectCapture(capturePath, {
      limits: options.limits,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(spooler ? { spooler } : {}),
      ...(options.keylog ? { keylog: options.keylog } : {}),
    });
    // The model's shape is checked against the schema by the tests, not on every build: large models are costly to copy.
    return await analyse(records, {
      limits: options.limits,
      fileSize: statSync(capturePath).size,
      generator: `labreport ${VERSION}`,
      frames: options.choices ?? {},
      revealSecrets: options.revealSecrets ?? false,
      lab: options.lab,
      language: options.language,
      ...(spooler ? { spooler } : {}),
    });
  } finally {
    spooler?.dispose();
    release();
  }
}
