import { basename } from 'node:path';
import { linkTypeName } from '../capture/link-types.js';
import type { CaptureRecords, Timestamp } from '../dissect.js';
import { exportObjects } from '../export/objects.js';
import type { Spooler } from '../export/spool.js';
import type { Language } from '../knowledge/index.js';
import { labFor } from '../labs/blocks.js';
import type { LabProfile } from '../labs/profile.js';
import type { Limits } from '../limits.js';
import { SLICES, type SliceModels } from '../protocols/registry.js';
import { maskAll, maskParameters, maskUserinfo, Redactor } from '../protocols/secrets.js';
import type { AnalyseContext, FrameChoices, ProtocolSlice } from '../protocols/slice.js';
import { lookUpFrames } from './frames.js';
import { MODEL_VERSION } from './model-version.js';
import type { Connection, ReportModel, Warning } from './schema.js';

export interface AnalyseOptions {
  limits: Limits;
  /** Size of the capture file in bytes. */
  fileSize: number;
  /** "labreport x.y.z". */
  generator: string;
  /** Frames the user chose for the detailed sections. */
  frames?: FrameChoices;
  /** Keep secrets (passwords, tokens) instead of masking them. */
  revealSecrets?: boolean;
  /** The lab the report follows (default: the default lab), and the language its titles and answers are given in (default English). */
  lab?: LabProfile;
  language?: Language;
  /** With --export: the spooler the capture pass wrote bodies to; the objects are written to its folder. */
  spooler?: Spooler;
}

type AnySlice = ProtocolSlice<string, unknown, unknown>;

/**
 * The analyse and detail stages (see pipeline.ts): each slice turns its records into its
 * part of the model; one short second read fetches the frames those parts show in detail;
 * the core (the capture, its connections, the warnings) joins them, and every secret
 * found is masked.
 */
export async function analyse(records: CaptureRecords, options: AnalyseOptions): Promise<ReportModel> {
  const { limits } = options;
  const lab = options.lab ?? labFor(undefined);
  const language = options.language ?? 'en';
  const warnings = records.warnings;
  const redactor = new Redactor(options.revealSecrets ?? false);
  const ctx: AnalyseContext = { limits, redactor, warnings, choices: options.frames ?? {}, connections: records.connections };

  // analyse: one slice at a time, in registry order (the warnings they add keep that order).
  const slices = SLICES as readonly AnySlice[];
  const models: Record<string, unknown> = {};
  for (const slice of slices) models[slice.name] = await slice.analyse((records.protocols as Record<string, unknown>)[slice.name], ctx);

  // detail: the frames the slices show header by header, and the lengths and times of the frames they list.
  const detailed = new Map<number, number>(); // frame → tcp.stream
  const listed = new Set<number>();
  for (const slice of slices) {
    const wanted = slice.frames?.(models[slice.name]);
    if (!wanted) continue;
    for (const [frame, stream] of wanted.detailed) detailed.set(frame, stream);
    for (const frame of wanted.listed) listed.add(frame);
  }
  const frames = lookUpFrames(records.file, new Set(detailed.keys()), listed, records.firstTime, detailed);
  for (const slice of slices) slice.detailed?.(models[slice.name], frames);

  // export: the objects (HTTP bodies, mail messages), named, and written with --export.
  const objects = await exportObjects(records, models as SliceModels, { limits, redactor, ...(options.spooler ? { spooler: options.spooler } : {}) });

  const first = records.firstTime;
  const last = records.lastTime;
  const model: ReportModel = {
    modelVersion: MODEL_VERSION,
    generator: options.generator,
    capture: {
      file: basename(records.file),
      format: records.format,
      size: options.fileSize,
      packets: records.packets,
      linkTypes: records.linkTypes.map(linkTypeName),
      firstTime: first ? isoTime(first, records.timestampDigits) : null,
      lastTime: last ? isoTime(last, records.timestampDigits) : null,
      duration: first && last ? Math.max(0, round(last.sec - first.sec + (last.nsec - first.nsec) / 1e9)) : 0,
      os: records.origin?.os ?? null,
      hardware: records.origin?.hardware ?? null,
      application: records.origin?.application ?? null,
      interfaces: (records.origin?.interfaces ?? []).map((i) => ({ name: i.name, description: i.description, linkType: linkTypeName(i.linkType) })),
      interfacesUnlisted: records.origin?.interfacesUnlisted ?? 0,
      counts: {
        ipv4: records.counts.ipv4,
        ipv6: records.counts.ipv6,
        tcp: records.counts.tcp,
        notTcp: records.counts.notTcp,
        notIp: records.counts.notIp,
        otherLinkType: records.counts.otherLinkType,
      },
    },
    tcp: { connections: records.connectionCount, listed: connections(records) },
    ...(models as SliceModels),
    lab: {
      profile: lab.id,
      title: lab.title[language],
      language,
      tasks: lab.tasks.map((t) => ({ id: t.id, title: t.title[language] })),
      answers: labAnswers(lab, slices, models, language),
    },
    frames: [...frames.details.values()].sort((a, b) => a.number - b.number),
    objects: objects.objects,
    objectsUnlisted: objects.unlisted,
    // A warning may quote captured text (a malformed request line): its password-like parameters are masked where they stand,
    // in its sentence and in its parameters, and so is every secret found (the last pass masks only the captured-text keys).
    warnings: [...warnings.list].sort((a, b) => (a.frame ?? 0) - (b.frame ?? 0)).map((w) => maskWarning(w, redactor)),
    warningsUnlisted: warnings.unlisted,
  };
  // Last: mask every secret found in the raw text views, however it was encoded.
  return redactor.redactModel(model);
}

function maskWarning(w: Warning, redactor: Redactor): Warning {
  const mask = (text: string) => redactor.redact(maskAll(text, redactor, maskParameters, maskUserinfo).text);
  const params = Object.fromEntries(Object.entries(w.params).map(([k, v]) => [k, typeof v === 'string' ? mask(v) : v]));
  return { ...w, params, message: mask(w.message) };
}

/** The answers to the lab's numbered questions, in the profile's order, each from the slice whose block answers it. */
function labAnswers(lab: LabProfile, slices: readonly AnySlice[], models: Record<string, unknown>, language: Language): ReportModel['lab']['answers'] {
  return lab.tasks.flatMap((task) =>
    task.questions.flatMap((q) => {
      const [owner = '', block = ''] = q.answer.split('.');
      const found = slices.find((s) => s.name === owner)?.answer?.(models[owner], block, task, language);
      return found ? [{ question: q.n, task: task.id, ...found }] : [];
    }),
  );
}

/** The dissected connections, in tcp.stream order, as Wireshark lists conversations. */
function connections(records: CaptureRecords): Connection[] {
  return [...records.connections]
    .sort((a, b) => a.conn.stream - b.conn.stream)
    .map(({ conn, protocol }) => ({
      stream: conn.stream,
      client: conn.client,
      server: conn.server,
      protocol,
      firstFrame: conn.firstFrame,
      lastFrame: conn.lastFrame,
      packets: conn.packets,
      bytes: conn.bytes,
      handshake: conn.synSeen,
      reset: conn.reset,
      lostBytes: conn.toServer.lostBytes + conn.toClient.lostBytes,
      retransmissions: conn.toServer.retransmissions + conn.toClient.retransmissions,
    }));
}

/** Round to nanoseconds, so floating-point noise never reaches the JSON. */
function round(seconds: number): number {
  return Math.round(seconds * 1e9) / 1e9;
}

/** ISO 8601 UTC with as many fractional digits as the capture's clock had. */
export function isoTime(t: Timestamp, digits: number): string {
  const date = new Date(t.sec * 1000);
  const fraction = String(t.nsec).padStart(9, '0').slice(0, digits);
  // A damaged timestamp can lie outside what Date represents: show the raw seconds then.
  if (Number.isNaN(date.getTime())) return `@${t.sec}.${fraction}`;
  return `${date.toISOString().slice(0, 19)}.${fraction}Z`;
}
