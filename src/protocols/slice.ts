import type { z } from 'zod';
import type { Language } from '../knowledge/types.js';
import type { LabTask } from '../labs/profile.js';
import type { Limits } from '../limits.js';
import type { Block, PacketListRow, ViewContext } from '../render/context.js';
import type { Endpoint, TcpConnection } from '../reassembly/tcp-stream.js';
import type { Warnings } from '../warnings.js';
import type { KeyLog } from './tls/keylog.js';
import type { Protocol, StartTls } from './protocol.js';
import type { Redactor } from './secrets.js';

/*
 * A protocol is one vertical slice, registered once in registry.ts. Its folder holds its
 * detection and dissector (stream bytes → records), schema.ts (its part of the zod
 * ReportModel), its analysis (records → model) and its view (model → template data);
 * the pipeline, the model, the report and the class summary loop over the registered slices.
 */

/** What analysis may use besides the slice's own records. */
export interface AnalyseContext {
  limits: Limits;
  /** Secrets found are registered here, to be masked in every output. */
  redactor: Redactor;
  warnings: Warnings;
  /** Frames and streams the user chose for the report's examples (config `frames`, --request, …). */
  choices: FrameChoices;
  /** The connections a protocol was dissected on (up to maxConnectionsListed). */
  connections: readonly DissectedConnection[];
}

/** What a slice's start may use besides the limits (TLS needs them; the others ignore them). */
export interface StartEnvironment {
  /** The key log (--keylog, SSLKEYLOGFILE, the capture's decryption secrets blocks), or null. */
  keyLog: KeyLog | null;
  /** The other slices' protocols, for what runs inside TLS (ask only once a connection opens: all slices have started by then). */
  protocols(): readonly Protocol[];
  /** The capture's warnings. */
  warnings: Warnings;
}

/** A started slice: its protocol for the router, its records, TLS's hand-off for STARTTLS, QUIC's reader of UDP datagrams. */
export interface StartedSlice<Records> {
  protocol: Protocol;
  records: Records;
  startTls?: StartTls;
  /** One UDP datagram's payload; returns whether the slice recognised it. */
  datagram?: (src: Endpoint, dst: Endpoint, payload: Uint8Array, frame: number, time: number) => boolean;
}

export interface DissectedConnection {
  conn: TcpConnection;
  /** The slice that dissected it ("http", "smtp", …). */
  protocol: string;
}

/** The user's choice of examples: by the frame of a request, or by tcp.stream for a session. */
export type FrameChoices = Partial<Record<string, number>>;

/** What the detail stage read for the frames a slice asked for. */
export interface FrameLookup {
  /** Wire length and time of each frame asked for. */
  basics: Map<number, { length: number; time: number }>;
}

/** Frames a slice's part of the report shows: in full detail (frame → tcp.stream), or only listed (length and time). */
export interface FramesWanted {
  detailed: Map<number, number>;
  listed: Iterable<number>;
}

export interface ProtocolSlice<Name extends string = string, Records = unknown, Model = unknown> {
  /** The model's key and the registry's: "http". */
  readonly name: Name;
  /** As a reader writes it: "HTTP". */
  readonly label: string;
  /** Detection and dissector for one capture, and the records it gathers. */
  start(limits: Limits, env?: StartEnvironment): StartedSlice<Records>;
  /** Its part of the ReportModel's zod schema; loaded only to validate (zod takes a while to load). */
  schema(): Promise<z.ZodType<Model>>;
  /** Records → its part of the model. */
  analyse(records: Records, ctx: AnalyseContext): Promise<Model>;
  /** The frames its part of the report shows, for the detail stage to read. */
  frames?(model: Model): FramesWanted;
  /** Complete the model with what the detail stage read. */
  detailed?(model: Model, lookup: FrameLookup): void;
  /** The blocks it offers lab profiles ("request" for "http.request"); view() builds them. */
  readonly blocks: readonly string[];
  /**
   * The answer to a lab's numbered question that one of its blocks answers ("kr-versions" in `task`), in `lang`:
   * one sentence and the frames it cites (the model's `lab.answers`); null for a block that answers no question.
   */
  answer?(model: Model, block: string, task: LabTask, lang: Language): { answer: string; frames: number[] } | null;
  /** Its columns in the class summary (summary.csv): what a teacher checks in each capture. Each column's heading is the word `class<Column>` of its view's ui ("classHasGet"). */
  summary?: { columns: readonly string[]; values(model: Model): Record<string, boolean | number | null> };
  /** Its view (model → template data), loaded only when a report is rendered. */
  view?(): Promise<SliceView<Model>>;
}

/** The comparison table's aspects (one row each; a slice fills its column). */
export const COMPARE_ASPECTS = [
  'Purpose',
  'Opener',
  'Port',
  'Direction',
  'FirstWord',
  'Requests',
  'Replies',
  'PerExchange',
  'End',
  'Data',
  'State',
  'Secure',
] as const;
export type CompareAspect = (typeof COMPARE_ASPECTS)[number];

/** A slice's view: its words, the blocks lab profiles place, and what it adds to the report's common sections. */
export interface SliceView<Model> {
  /** Its words in each language (merged into the report's `t`; a test keeps the languages alike and the keys unique). */
  ui: Record<Language, Record<string, string>>;
  /** Wireshark's display filter for it: "http", "smtp", "pop". */
  filter: string;
  /** Whether the capture holds it at all. */
  present(model: Model): boolean;
  /** The blocks, by id. */
  blocks: Record<string, (model: Model, ctx: ViewContext) => Block>;
  /** Its rows of the packet list (lengths and times from the model's detail stage). */
  packets?(model: Model, ctx: ViewContext): PacketListRow[];
  /** Lines of the environment section: the browser, the servers, the mail client. */
  environment?(model: Model, ctx: ViewContext): { label: string; value: string }[];
  /** Secrets it saw travel in clear text, as phrases ("an SMTP login (AUTH LOGIN, frames 141–143)"). */
  cleartext?(model: Model, ctx: ViewContext): string[];
  /** Its sections of the appendix. */
  appendix?(model: Model, ctx: ViewContext): { title: string; block: Block }[];
  /** Its column of the protocols-compared table, by aspect (the words come from its `ui`). */
  compare?: Record<CompareAspect, string>;
}

/** A slice, with its name kept as a literal type (so the ReportModel type can be composed from the registry). */
export function defineSlice<Name extends string, Records, Model>(slice: ProtocolSlice<Name, Records, Model>): ProtocolSlice<Name, Records, Model> {
  return slice;
}
