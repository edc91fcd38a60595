import { dissectCapture } from '../../src/dissect.js';
import { UI, type Language } from '../../src/knowledge/index.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/limits.js';
import type { SliceView } from '../../src/protocols/slice.js';
import { ViewContext } from '../../src/render/context.js';
import { analyse } from '../../src/report/analyse.js';
import { ReportConfig } from '../../src/report/config.js';
import { ReportModel } from '../../src/report/schema.js';
import { tempFile } from './files.js';
import { Conversation, pcapFile, type Host } from './packets.js';

/*
 * For the slice tests (test/slice-*.test.ts): small sessions synthesised as a capture, the
 * capture run through the stages up to the model (dissect, analyse, detail), and a view
 * context to build a slice's blocks from that model.
 */

/** One side's turn: the client's (true) or the server's (false) bytes, cut into segments of at most `mss`. */
export type Turn = [fromClient: boolean, text: string | Uint8Array, mss?: number];

/** A capture of one TCP connection per session: handshake, the turns in order, close. */
export function sessionsCapture(name: string, sessions: { client: Host; server: Host; turns: Turn[] }[]): string {
  const frames = sessions.flatMap(({ client, server, turns }) => {
    const c = new Conversation(client, server).handshake();
    for (const [fromClient, text, mss] of turns) c.send(fromClient, typeof text === 'string' ? Buffer.from(text, 'utf8') : text, mss ? { mss } : {});
    return c.close().frames;
  });
  return tempFile(name, pcapFile(frames.map((data, i) => ({ tsSec: 1_700_000_000 + Math.floor(i / 100), tsNsec: (i % 100) * 10_000_000, data }))));
}

/** The capture's model, checked against the schema, as `labreport build --format json` gives it. */
export async function modelOf(path: string, options: { reveal?: boolean; limits?: Limits } = {}): Promise<ReportModel> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const records = dissectCapture(path, { limits });
  return ReportModel.parse(await analyse(records, { limits, fileSize: 0, generator: 'test', revealSecrets: options.reveal ?? false }));
}

/** A view context on the model, its packet list filled from the slice's rows (as render/view.ts fills it). */
export function viewContext<M>(model: ReportModel, view: SliceView<M>, part: M, lang: Language = 'en'): ViewContext {
  const ctx = new ViewContext(model, ReportConfig.parse({ timeZone: 'UTC' }), lang, UI[lang]);
  ctx.packets = view.packets?.(part, ctx) ?? [];
  return ctx;
}
