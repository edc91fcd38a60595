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

export type Endpoint = z.infer<typeof Endpoint>;
export type Header = z.infer<typeof Header>;
export type Segment = z.infer<typeof Segment>;
