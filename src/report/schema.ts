import { z } from 'zod';
import { FrameLayers, LinkLayer, TcpLayer } from '../decode/schema.js';
import { ExportedObject } from '../export/schema.js';
import { SLICES, type SliceModels } from '../protocols/registry.js';
import { Endpoint, frameNumber } from '../protocols/schema.js';
import { MODEL_VERSION } from './model-version.js';

/*
 * The ReportModel: everything a report says, as JSON. A public interface: scripts and
 * graders read `labreport build CAPTURE --format json`, and the README documents it.
 * Frame numbers are Wireshark's (numbered from 1 in file order). A message is cited at
 * the frame carrying its last byte, and lists every frame it spans.
 * Add fields freely; never rename or remove one.
 *
 * The core (the capture, its TCP connections, the frames shown in detail, the warnings)
 * is defined here; each protocol slice adds its own part under its name (model.http,
 * model.smtp, …) from its schema.ts.
 */

export { MODEL_VERSION };

export const Connection = z.object({
  /** Wireshark's tcp.stream index. */
  stream: z.number().int().nonnegative(),
  client: Endpoint,
  server: Endpoint,
  /** Application protocol found on it ("http", …), or null. */
  protocol: z.string().nullable(),
  firstFrame: frameNumber,
  lastFrame: frameNumber,
  packets: z.number().int().nonnegative(),
  /** TCP payload bytes, both directions. */
  bytes: z.number().int().nonnegative(),
  /** Whether the SYN of the three-way handshake was captured. */
  handshake: z.boolean(),
  /** Whether the connection was reset (RST). */
  reset: z.boolean(),
  /** Payload bytes never captured, both directions. */
  lostBytes: z.number().int().nonnegative(),
  /** Segments dropped as retransmissions or duplicates. */
  retransmissions: z.number().int().nonnegative(),
});

// The layers as decode/describe.ts reads them (decode/schema.ts), with what the report adds, each in its place. Every
// field is named, not spread, so that scripts/model-schema.mjs finds these objects and their comments for the JSON Schema.
const layer = { frame: FrameLayers.shape, link: LinkLayer.shape, tcp: TcpLayer.shape };

const LinkDetail = z.object({
  kind: layer.link.kind,
  src: layer.link.src,
  dst: layer.link.dst,
  /** Vendor of the source and destination addresses, from the IEEE OUI registry; or what the address is (broadcast, locally administered, all zeros). */
  srcVendor: z.string().optional(),
  dstVendor: z.string().optional(),
  type: layer.link.type,
  vlans: layer.link.vlans,
  packetType: layer.link.packetType,
  family: layer.link.family,
  headerLength: layer.link.headerLength,
});

const TcpDetail = z.object({
  srcPort: layer.tcp.srcPort,
  dstPort: layer.tcp.dstPort,
  /** Raw sequence and acknowledgment numbers. */
  seq: layer.tcp.seq,
  ack: layer.tcp.ack,
  /** Relative to the connection's first sequence number, as Wireshark shows them; null when not known. */
  relativeSeq: z.number().nullable(),
  relativeAck: z.number().nullable(),
  headerLength: layer.tcp.headerLength,
  flags: layer.tcp.flags,
  window: layer.tcp.window,
  checksum: layer.tcp.checksum,
  urgentPointer: layer.tcp.urgentPointer,
  options: layer.tcp.options,
  payloadLength: layer.tcp.payloadLength,
  stream: z.number().int().nonnegative().nullable(),
});

/** The link, IP and TCP headers of one frame, field by field, for the anatomy sections. */
export const FrameDetail = z.object({
  number: frameNumber,
  time: z.number(),
  wireLength: layer.frame.wireLength,
  capturedLength: layer.frame.capturedLength,
  linkType: layer.frame.linkType,
  /** pcapng: the interface the frame was captured on, by its id in the section and its if_name; null in a pcap file. */
  interface: z.object({ id: z.number().int().nonnegative(), name: z.string().nullable() }).nullable().default(null),
  link: LinkDetail.nullable(),
  ip: layer.frame.ip,
  tcp: TcpDetail.nullable(),
});

/** A number or a text from the capture that a warning's words are filled with. */
export const WarningParam = z.union([z.string(), z.number()]);

/**
 * A problem worth telling the reader: damage, gaps, malformed messages, bounds reached. A
 * coded entry: `id` names the problem and `params` fill its words, which live in
 * src/knowledge per language, so a report words it in its own language (and a model built
 * in one language renders in another); `message` is the English sentence, for scripts.
 */
export const Warning = z.object({
  /** The frame the problem was found at, when there is one. */
  frame: frameNumber.optional(),
  /** The connection (tcp.stream) it concerns, when it concerns one. */
  stream: z.number().int().nonnegative().optional(),
  /** A stable dotted code: "tcp.gap", "http.incomplete", "smtp.notReply", "capture.cutOff", … (empty in a model written before warnings had codes: its message is shown). */
  id: z.string().default(''),
  /** What fills the words: byte counts, frames, the captured text quoted (secrets masked), a limit's name and value. */
  params: z.record(z.string(), WarningParam).default({}),
  /** The warning in English, as one sentence. */
  message: z.string(),
});

export const CoreModel = z.object({
  /** The JSON Schema of this model (the file the package ships; `labreport schema` prints it). */
  $schema: z.string().optional(),
  /** Version of this schema; raised only for a change that could break a reader. */
  modelVersion: z.literal(MODEL_VERSION),
  /** labreport version that wrote the model. */
  generator: z.string(),
  capture: z.object({
    /** The capture's file name (no directory). */
    file: z.string(),
    format: z.enum(['pcap', 'pcapng']),
    /** File size in bytes. */
    size: z.number().int().nonnegative(),
    packets: z.number().int().nonnegative(),
    /** Link types, with Wireshark's encapsulation names ("ether", "linux-sll", …). */
    linkTypes: z.array(z.string()),
    /** Time of the first and last frame, ISO 8601 UTC with the file's precision; null for an empty capture. */
    firstTime: z.string().nullable(),
    lastTime: z.string().nullable(),
    /** Seconds from the first frame to the last. */
    duration: z.number().nonnegative(),
    /** What a pcapng file's first section header says of where it was made (shb_os, shb_hardware, shb_userappl); null when it does not say (and always for pcap). */
    os: z.string().nullable().default(null),
    hardware: z.string().nullable().default(null),
    application: z.string().nullable().default(null),
    /** The interfaces a pcapng file describes (if_name, if_description, link type); none for pcap. */
    interfaces: z.array(z.object({ name: z.string().nullable(), description: z.string().nullable(), linkType: z.string() })).default([]),
    /** Interfaces past the first 16: counted, not described. */
    interfacesUnlisted: z.number().int().nonnegative().default(0),
    /** Frames by what they carried. */
    counts: z.object({
      ipv4: z.number().int().nonnegative(),
      ipv6: z.number().int().nonnegative(),
      tcp: z.number().int().nonnegative(),
      notTcp: z.number().int().nonnegative(),
      notIp: z.number().int().nonnegative(),
      otherLinkType: z.number().int().nonnegative(),
    }),
  }),
  tcp: z.object({
    /** TCP connections in the capture. */
    connections: z.number().int().nonnegative(),
    /** The connections that carry a protocol labreport dissects, in tcp.stream order. */
    listed: z.array(Connection),
  }),
  /** The lab the report follows (its profile), its tasks, and the answers to its numbered questions. */
  lab: z.object({
    /** The profile's id: "http-smtp-pop3", "kurose-ross-http", or a profile file's own id. */
    profile: z.string(),
    /** The lab's title, in the model's language. */
    title: z.string(),
    /** The language of the titles and answers here ("en" or "zh"); a report in another language words them anew. */
    language: z.enum(['en', 'zh']),
    tasks: z.array(z.object({ id: z.string(), title: z.string() })),
    /** One per numbered question of the profile (1–19 for kurose-ross-http): the answer in one sentence and the frames cited as evidence. */
    answers: z.array(z.object({ question: z.number().int().positive(), task: z.string(), answer: z.string(), frames: z.array(frameNumber) })),
  }),
  /** Header-by-header detail of the frames the report dissects (the selected requests and responses). */
  frames: z.array(FrameDetail),
  /** The objects File › Export Objects would list (HTTP bodies, mail messages), in frame order; `--export DIR` writes them. Absent in models written before it. */
  objects: z.array(ExportedObject).optional(),
  /** Objects past maxObjects: counted, not listed or written. */
  objectsUnlisted: z.number().int().nonnegative().optional(),
  warnings: z.array(Warning),
  /** Warnings past the maxWarnings limit: counted, not listed. */
  warningsUnlisted: z.number().int().nonnegative(),
});

/** The whole model's schema: the core and every registered slice's part. */
export const ReportModel = CoreModel.extend(
  Object.fromEntries(await Promise.all(SLICES.map(async (s) => [s.name, await s.schema()] as const))) as Record<keyof SliceModels, z.ZodType>,
) as unknown as z.ZodType<ReportModel>;

export type CoreModel = z.infer<typeof CoreModel>;
export type ReportModel = CoreModel & SliceModels;
export type Connection = z.infer<typeof Connection>;
export type FrameDetail = z.infer<typeof FrameDetail>;
export type Warning = z.infer<typeof Warning>;
export type WarningParams = Warning['params'];
