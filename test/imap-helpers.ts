import { dissectCapture } from '../src/dissect.js';
import { DEFAULT_LIMITS, type Limits } from '../src/limits.js';
import { analyseImap } from '../src/protocols/imap/analyse.js';
import type { ImapCollector } from '../src/protocols/imap/dissector.js';
import { ImapModel } from '../src/protocols/imap/schema.js';
import { Redactor } from '../src/report/secrets.js';

/** The capture's IMAP model, checked against its schema, and the records it came from. */
export async function imapModel(path: string, options: { reveal?: boolean; limits?: Limits } = {}) {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const records = dissectCapture(path, { limits });
  const collector = (records as unknown as { imap?: ImapCollector }).imap;
  if (!collector) throw new Error('the IMAP slice is not registered: vi.mock the registry with withImap (see imap-registry.ts)');
  const model = ImapModel.parse(await analyseImap(collector.sessions, limits, new Redactor(options.reveal ?? true)));
  return { records, model };
}
