import type { Limits } from '../../limits.js';
import type { StreamHandler, TcpConnection } from '../../reassembly/tcp-stream.js';
import type { Warnings } from '../../warnings.js';
import type { Detection, DissectorContext, Protocol } from '../protocol.js';
import { TlsCollector, TlsDissector, type TlsSession } from './connection.js';
import type { KeyLog } from './keylog.js';
import { CONTENT, RECORD_HEADER_BYTES, isRecordHeader } from './record.js';

export { TlsCollector, TlsDissector, type TlsConnectionRecord, type TlsSession, type TlsOptions } from './connection.js';
export { KeyLog, DSB_TLS_KEY_LOG, readKeyLogFile, keyLogFileFromEnvironment } from './keylog.js';
export { isRecordHeader } from './record.js';

/** Ports IANA assigns to protocols over implicit TLS (HTTPS, SMTPS submission, LDAPS, DNS over TLS, FTPS, IMAPS, POP3S, SIP-TLS) and the usual alternative HTTPS port. */
export const TLS_PORTS = [443, 465, 563, 636, 853, 989, 990, 992, 993, 994, 995, 5061, 8443];

const HANDSHAKE_CLIENT_HELLO = 1;
const HANDSHAKE_SERVER_HELLO = 2;

/** Whether bytes begin with a handshake record whose first message is of type `type`: 'unsure' while too few bytes have come. */
function startsHandshake(b: Uint8Array, type: number): Detection {
  if (b.length === 0) return 'unsure';
  if (b[0] !== CONTENT.HANDSHAKE) return 'no';
  if (b.length >= RECORD_HEADER_BYTES && !isRecordHeader(b)) return 'no';
  if (b.length < RECORD_HEADER_BYTES + 1) return b.length < 2 || b[1] === 3 ? 'unsure' : 'no';
  return b[RECORD_HEADER_BYTES] === type ? 'yes' : 'no';
}

/**
 * TLS by content, on any port: the client opens with a handshake record holding a
 * ClientHello, or (when the client's first bytes were not captured) the server answers
 * with one holding a ServerHello.
 */
export function detectTls(client: Uint8Array, server: Uint8Array): Detection {
  const c = startsHandshake(client, HANDSHAKE_CLIENT_HELLO);
  if (c === 'yes') return 'yes';
  const s = client.length === 0 ? startsHandshake(server, HANDSHAKE_SERVER_HELLO) : 'no';
  if (s === 'yes') return 'yes';
  return c === 'no' && (s === 'no' || server.length > 0) ? 'no' : 'unsure';
}

export interface TlsModuleOptions {
  /** The key log, or null: handshakes are decoded, nothing is decrypted. */
  keyLog: KeyLog | null;
  /**
   * Makes the handler of a connection's decrypted bytes (the caller's protocol router, so
   * HTTP, SMTP, POP3 and IMAP inside TLS are dissected as in clear text); null or absent:
   * the decrypted bytes are counted, not dissected.
   */
  inner?: (session: TlsSession) => StreamHandler | null;
}

/** TLS for one capture: the protocol for the router, the collector of its connections, and `start` for STARTTLS. */
export function tlsModule(limits: Limits, options: TlsModuleOptions) {
  const collector = new TlsCollector(limits.maxConnectionsListed);
  const open = (conn: TcpConnection, warnings: Warnings, startedBy: string, inner = options.inner): TlsDissector =>
    new TlsDissector(conn, { limits, warnings, collector, keyLog: options.keyLog, inner, startedBy });
  const protocol: Protocol = {
    name: 'tls',
    ports: TLS_PORTS,
    detect: detectTls,
    open: (ctx: DissectorContext) => open(ctx.conn, ctx.warnings, 'tls'),
  };
  return {
    protocol,
    collector,
    /**
     * TLS starting in the middle of a connection: after SMTP STARTTLS, POP3 STLS or IMAP
     * STARTTLS, the mail dissector hands every later byte of both directions to the handler
     * this returns. `startedBy` names that protocol ("smtp", "pop3", "imap"). The decrypted
     * bytes go to `inner` when given (the mail dissector's own reader, so the session's
     * transcript goes on), else to the module's inner factory.
     */
    start: (ctx: DissectorContext, startedBy: string, inner?: StreamHandler): StreamHandler =>
      open(ctx.conn, ctx.warnings, startedBy, inner ? () => inner : options.inner),
  };
}
