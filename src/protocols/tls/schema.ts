import { z } from 'zod';
import { Endpoint, frameNumber } from '../schema.js';

/*
 * The TLS part of the ReportModel (model.tls): one entry per TLS connection, a projection
 * of TlsConnectionRecord (connection.ts). No key, secret or key-log line is ever in it:
 * the ClientHello random and certificate fingerprints are public values from the wire.
 */

const count = z.number().int().nonnegative();

export const TlsDecryption = z.enum([
  'no-key-log',
  'not-in-log',
  'unsupported-suite',
  'wrong-keys',
  'partial',
  'decrypted',
  'nothing-encrypted',
  'no-handshake',
]);

export const TlsConnection = z.object({
  stream: count,
  client: Endpoint,
  server: Endpoint,
  /** "tls" when TLS began with the connection; else the protocol whose STARTTLS/STLS started it ("smtp", "pop3", "imap"). */
  startedBy: z.string(),
  /** Frame of the first TLS byte (normally the ClientHello). */
  startFrame: frameNumber,
  sni: z.string().nullable(),
  alpnOffered: z.array(z.string()),
  /** ALPN protocol chosen ("h2", "http/1.1"), or null. */
  alpn: z.string().nullable(),
  /** "TLS 1.3", or null before a ServerHello. */
  version: z.string().nullable(),
  /** IANA name of the chosen suite, or null. */
  cipherSuite: z.string().nullable(),
  /** The key exchange group's name ("x25519"), or null. */
  keyExchangeGroup: z.string().nullable(),
  /** Why it did or did not decrypt (connection.ts's TlsDecryption). */
  decryption: TlsDecryption,
  /** Every protected record was decrypted. */
  decrypted: z.boolean(),
  /** What ran inside, once decrypted ("http", "http2", "smtp", …), or null (not decrypted, or not recognised). */
  application: z.string().nullable(),
  /** Frames that carried its TLS records (up to maxFramesPerMessage). */
  frames: z.array(frameNumber),
  framesUnlisted: count,
  handshake: z.array(z.object({ frame: frameNumber, fromClient: z.boolean(), type: count, name: z.string().nullable(), encrypted: z.boolean() })),
  handshakeUnlisted: count,
  alerts: z.array(z.object({ frame: frameNumber, fromClient: z.boolean(), level: count.nullable(), name: z.string().nullable(), encrypted: z.boolean() })),
  /** The server's certificate chain when it could be read (TLS 1.2, or TLS 1.3 decrypted); null otherwise. */
  certificates: z
    .array(
      z.object({
        subject: z.string(),
        issuer: z.string(),
        validFrom: z.string().nullable(),
        validTo: z.string().nullable(),
        subjectAltName: z.string().nullable(),
      }),
    )
    .nullable(),
  /** Records of application data each way, and how many of their bytes were decrypted. */
  applicationRecords: z.object({ fromClient: count, fromServer: count }),
  decryptedBytes: z.object({ fromClient: count, fromServer: count }),
  /** Frame of the first record that could not be decrypted (what the report says is "encrypted from frame N"), or null. */
  encryptedFrom: frameNumber.nullable(),
  warnings: count,
});

export const Tls = z.object({
  connections: z.array(TlsConnection),
  connectionsUnlisted: count,
  /** Whether any key log was given (--keylog, SSLKEYLOGFILE, the capture's decryption secrets), and how many sessions it named. */
  keyLog: z.object({ given: z.boolean(), sessions: count }),
});

export type TlsConnection = z.infer<typeof TlsConnection>;
export type Tls = z.infer<typeof Tls>;
