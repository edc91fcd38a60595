import { z } from 'zod';

/*
 * The pieces of the ReportModel that several protocol slices share. Each slice's own
 * part of the model is its schema.ts; src/report/schema.ts puts them together.
 */

/** A frame number as Wireshark numbers them: from 1, in file order. */
export const frameNumber = z.number().int().positive();

export const Endpoint = z.object({
  /** IPv4 dotted quad or RFC 5952 IPv6 text. */
  ip: z.string(),
  port: z.number().int().min(0).max(65535),
});

export const Header = z.object({
  name: z.string(),
  value: z.string(),
});

/** One of the frames a message came in, and how many of the message's bytes it carried. */
export const Segment = z.object({
  frame: frameNumber,
  bytes: z.number().int().nonnegative(),
});

/** One row of the packet list, as Wireshark shows it with the display filter of its protocol ("http", "smtp", "pop"). */
export const PacketRow = z.object({
  frame: frameNumber,
  /** Seconds since the first frame. */
  time: z.number(),
  source: z.string(),
  destination: z.string(),
  protocol: z.string(),
  /** Frame length on the wire. */
  length: z.number().int().nonnegative(),
  /** Wireshark-style summary: "GET / HTTP/1.1", "HTTP/1.1 200 OK  (text/html)", "Continuation", … */
  info: z.string(),
  kind: z.enum(['request', 'response', 'continuation', 'gap']),
  stream: z.number().int().nonnegative(),
});

export type Endpoint = z.infer<typeof Endpoint>;
export type Header = z.infer<typeof Header>;
export type Segment = z.infer<typeof Segment>;
export type PacketRow = z.infer<typeof PacketRow>;
