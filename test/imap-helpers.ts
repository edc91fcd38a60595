import { dissectCapture } from '../src/dissect.js';
import { DEFAULT_LIMITS, type Limits } from '../src/limits.js';
import { ImapModel } from '../src/protocols/imap/schema.js';
import { analyse } from '../src/report/analyse.js';
import { ReportModel } from '../src/report/schema.js';

/**
 * A capture through the whole pipeline (dissect, analyse, the ReportModel's schema) with the
 * IMAP slice registered (see imap-registry.ts): its IMAP part, checked against its schema, the
 * whole model, and the records.
 */
export async function imapModel(path: string, options: { reveal?: boolean; limits?: Limits } = {}) {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const records = dissectCapture(path, { limits });
  if (!('imap' in records.protocols)) throw new Error('the IMAP slice is not registered: vi.mock the registry with withImap (see imap-registry.ts)');
  const report = ReportModel.parse(await analyse(records, { limits, fileSize: 0, generator: 'test', revealSecrets: options.reveal ?? true }));
  const model = ImapModel.parse((report as unknown as { imap: unknown }).imap);
  return { records, model, report };
}
