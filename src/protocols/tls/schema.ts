import { z } from 'zod';
import { Endpoint, frameNumber } from '../schema.js';

/* model.tls: one entry per TLS connection (a projection of connection.ts's record); never a key or secret. */

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
  /** "tls", or the protocol whose STARTTLS began it. */
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
  /** What ran inside, once decrypted ("http", "smtp", …). */
  application: z.string().nullable(),
  /** Frames that carried its TLS records (up to maxFramesPerMessage). */
  frames: z.array(frameNumber),
  framesUnlisted: count,
  handshake: z.array(z.object({ frame: frameNumber, fromClient: z.boolean(), type: count, name: z.string().nullable(), encrypted: z.boolean() })),
  handshakeUnlisted: count,
  alerts: z.array(z.object({ frame: frameNumber, fromClient: z.boolean(), level: count.nullable(), name: z.string().nullable(), encrypted: z.boolean() })),
  /** The certificate chain, when readable. */
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
  /** Frame of the first record not decrypted. */
  encryptedFrom: frameNumber.nullable(),
  warnings: count,
});

export const Tls = z.object({
  connections: z.array(TlsConnection),
  connectionsUnlisted: count,
  /** Whether a key log was given, and its sessions. */
  keyLog: z.object({ given: z.boolean(), sessions: count }),
});

export type TlsConnection = z.infer<typeof TlsConnection>;
export type Tls = z.infer<typeof Tls>;
