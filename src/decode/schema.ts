import { z } from 'zod';

/*
 * The headers of one frame, field by field, as decode/describe.ts reads them: one zod
 * schema per layer, so the model's FrameDetail (report/schema.ts) is these plus what the
 * report adds (vendors, relative sequence numbers, the stream), and the two never drift.
 */

export const LinkLayer = z.object({
  kind: z.enum(['ethernet', 'linux-sll', 'linux-sll2', 'raw-ip', 'loopback']),
  /** Ethernet or cooked-capture source address (colon hex), when the link has one. */
  src: z.string().optional(),
  dst: z.string().optional(),
  /** EtherType (or cooked protocol type) of the payload, hex, e.g. "0x0800". */
  type: z.string().optional(),
  /** 802.1Q/802.1ad VLAN IDs, outermost first. */
  vlans: z.array(z.number()).optional(),
  /** Linux cooked capture packet type: 0 to us, 4 sent by us, … */
  packetType: z.number().optional(),
  /** BSD loopback address family. */
  family: z.number().optional(),
  headerLength: z.number().int().nonnegative(),
});

export const Ipv4Layer = z.object({
  version: z.literal(4),
  src: z.string(),
  dst: z.string(),
  headerLength: z.number(),
  dscp: z.number(),
  ecn: z.number(),
  totalLength: z.number(),
  identification: z.number(),
  flags: z.array(z.string()),
  fragmentOffset: z.number(),
  ttl: z.number(),
  protocol: z.number(),
  checksum: z.string(),
});

export const Ipv6Layer = z.object({
  version: z.literal(6),
  src: z.string(),
  dst: z.string(),
  trafficClass: z.number(),
  flowLabel: z.string(),
  payloadLength: z.number(),
  nextHeader: z.number(),
  hopLimit: z.number(),
});

export const TcpLayer = z.object({
  srcPort: z.number(),
  dstPort: z.number(),
  /** Raw sequence and acknowledgment numbers. */
  seq: z.number(),
  ack: z.number(),
  headerLength: z.number(),
  flags: z.array(z.string()),
  window: z.number(),
  checksum: z.string(),
  urgentPointer: z.number(),
  /** Options as Wireshark names them: "MSS=1460", "SACK_PERM", "WS=128", "TSval=…,TSecr=…", "NOP". */
  options: z.array(z.string()),
  /** TCP payload bytes on the wire. */
  payloadLength: z.number(),
});

export type LinkLayer = z.infer<typeof LinkLayer>;
export type Ipv4Layer = z.infer<typeof Ipv4Layer>;
export type Ipv6Layer = z.infer<typeof Ipv6Layer>;
export type TcpLayer = z.infer<typeof TcpLayer>;

/** A frame's layers as describeFrame reads them. */
export const FrameLayers = z.object({
  number: z.number().int().positive(),
  wireLength: z.number().int().nonnegative(),
  capturedLength: z.number().int().nonnegative(),
  linkType: z.string(),
  link: LinkLayer.nullable(),
  ip: z.union([Ipv4Layer, Ipv6Layer]).nullable(),
  tcp: TcpLayer.nullable(),
});

export type FrameLayers = z.infer<typeof FrameLayers>;
