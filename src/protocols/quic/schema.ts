import { z } from 'zod';
import { Endpoint, frameNumber } from '../schema.js';

/** The QUIC part of the ReportModel (model.quic): one entry per QUIC connection on UDP, what its Initial packets showed. */

const count = z.number().int().nonnegative();

export const QuicConnection = z.object({
  client: Endpoint,
  server: Endpoint,
  /** "QUIC v1", "QUIC v2", or the version in hex. */
  version: z.string(),
  /** The ClientHello's server name. */
  sni: z.string().nullable(),
  /** ALPN protocols the client offered ("h3" is HTTP/3). */
  alpn: z.array(z.string()),
  /** Frame of the datagram that completed the ClientHello, or null. */
  clientHelloFrame: frameNumber.nullable(),
  firstFrame: frameNumber,
  lastFrame: frameNumber,
  datagrams: count,
  bytes: count,
  /** Initial packets, and how many of them were decrypted. */
  initials: count,
  initialsDecrypted: count,
  /** Handshake, 0-RTT and 1-RTT packets: counted, not read. */
  encryptedPackets: count,
});

export const Quic = z.object({
  connections: z.array(QuicConnection),
  connectionsUnlisted: count,
});

export type QuicConnection = z.infer<typeof QuicConnection>;
export type Quic = z.infer<typeof Quic>;
