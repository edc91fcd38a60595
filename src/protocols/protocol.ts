import type { Limits } from '../limits.js';
import type { StreamHandler, TcpConnection } from '../reassembly/tcp-stream.js';
import type { Spooler } from '../export/spool.js';
import type { Warnings } from '../warnings.js';

/** What a dissector may use: its connection, the limits, a place for warnings. */
export interface DissectorContext {
  conn: TcpConnection;
  limits: Limits;
  warnings: Warnings;
  /** With --export: where bodies and messages are spooled as they arrive (export/spool.ts). */
  spooler?: Spooler;
  /** TLS begun mid-connection (SMTP STARTTLS, POP3 STLS, IMAP STARTTLS): absent inside TLS itself. */
  startTls?: StartTls;
  /** Set when the dissector reads bytes decrypted from TLS begun with the connection (465, 993, 995…): TLS's first frame. */
  decryptedFrom?: number;
}

/**
 * Hands a connection over to TLS after a STARTTLS-like command was accepted: every later
 * `data`, `gap` and `end` of both directions goes to the handler returned. `startedBy`
 * names the protocol ("smtp"); with `own`, the decrypted bytes go back to it (one session
 * across the upgrade), else to a new protocol router.
 */
export type StartTls = (ctx: DissectorContext, startedBy: string, own?: StreamHandler) => StreamHandler;

/** A detector's answer from the first bytes of each side. */
export type Detection = 'yes' | 'no' | 'unsure';

/**
 * One application protocol: the ports it usually runs on, how to recognise it from
 * content (so it is found on any port), and how to dissect a connection carrying it.
 */
export interface Protocol {
  name: string;
  /** Ports the protocol is registered on; a connection on one of these is tried first. */
  ports: readonly number[];
  /** Look at the first bytes the client and the server sent (either may be empty). */
  detect(client: Uint8Array, server: Uint8Array): Detection;
  open(ctx: DissectorContext): StreamHandler;
}
