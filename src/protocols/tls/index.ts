import type { Limits } from '../../limits.js';
import type { Arrival, StreamHandler } from '../../reassembly/tcp-stream.js';
import type { Detection, DissectorContext, Protocol } from '../protocol.js';
import { ProtocolRouter } from '../router.js';
import { defineSlice } from '../slice.js';
import { analyseTls } from './analyse.js';
import { TlsCollector, TlsDissector, type TlsConnectionRecord, type TlsSession } from './connection.js';
import type { KeyLog } from './keylog.js';
import type { Tls } from './schema.js';
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
  inner?: (session: TlsSession, ctx: DissectorContext) => StreamHandler | null;
}

/** TLS for one capture: the protocol for the router, the collector of its connections, and `start` for STARTTLS. */
export function tlsModule(limits: Limits, options: TlsModuleOptions) {
  const collector = new TlsCollector(limits.maxConnectionsListed);
  const open = (ctx: DissectorContext, startedBy: string, own?: StreamHandler): TlsDissector =>
    new TlsDissector(ctx.conn, {
      limits,
      warnings: ctx.warnings,
      collector,
      keyLog: options.keyLog,
      inner: own ? () => own : (session) => options.inner?.(session, ctx) ?? null,
      startedBy,
    });
  const protocol: Protocol = {
    name: 'tls',
    ports: TLS_PORTS,
    detect: detectTls,
    open: (ctx: DissectorContext) => open(ctx, 'tls'),
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
    start: (ctx: DissectorContext, startedBy: string, own?: StreamHandler): StreamHandler => open(ctx, startedBy, own),
  };
}

/** What the TLS slice gathers from one capture: its connections, the key log they were read with, and what ran inside each. */
export interface TlsRecords {
  collector: TlsCollector;
  keyLog: KeyLog | null;
  /** The protocol the inner router chose for a decrypted connection ("http", "smtp", …). */
  applications: Map<TlsConnectionRecord, string>;
}

/** TLS as a slice: by content on any TCP connection; decrypted bytes routed to the other slices' protocols. */
export const tlsSlice = defineSlice<'tls', TlsRecords, Tls>({
  name: 'tls',
  label: 'TLS',
  start(limits, env) {
    const applications = new Map<TlsConnectionRecord, string>();
    const readInside = new WeakSet<object>();
    const keyLog = env?.keyLog ?? null;
    const tls = tlsModule(limits, {
      keyLog,
      inner: (session, ctx) => {
        const protocols = env?.protocols() ?? [];
        if (protocols.length === 0) return null;
        // Inside TLS there is no STARTTLS to hand off again.
        const { startTls: _none, conn: _conn, ...context } = ctx;
        return new ProtocolRouter(session.conn, protocols, { ...context, decryptedFrom: session.tls.startFrame }, (p) => {
          if (!p) return;
          applications.set(session.tls, p.name);
          readInside.add(session.conn);
        });
      },
    });
    const protocol: Protocol = {
      ...tls.protocol,
      open: (ctx) => {
        const handler = tls.protocol.open(ctx);
        // On a port of its own (IMAPS 993, POP3S 995, SMTPS 465) the protocol inside is known: a connection that is not
        // decrypted is still that protocol's session, encrypted from its first byte, as its dissector records it.
        const port = env?.protocols().find((p) => p.ports.includes(ctx.conn.server.port));
        if (!port) return handler;
        const open = () => port.open({ ...ctx, ...(ctx.startTls ? { startTls: undefined } : {}) });
        return keyLog?.size ? implicitWhenUnread(handler, open, () => readInside.has(ctx.conn)) : tee(handler, open());
      },
    };
    return { protocol, records: { collector: tls.collector, keyLog, applications }, startTls: tls.start };
  },
  schema: async () => (await import('./schema.js')).Tls,
  analyse: analyseTls,
  blocks: ['connections', 'web', 'mail'],
  view: async () => (await import('./view.js')).tlsView,
});

/** A handler passing every event to both. */
function tee(a: StreamHandler, b: StreamHandler): StreamHandler {
  return {
    data: (f, bytes, frame, time, completedIn) => (a.data(f, bytes, frame, time, completedIn), b.data(f, bytes, frame, time, completedIn)),
    gap: (f, n, frame, time) => (a.gap(f, n, frame, time), b.gap(f, n, frame, time)),
    end: (f, closedIn) => (a.end(f, closedIn), b.end(f, closedIn)),
  };
}

/** The first bytes of a TLS record: what an implicit-TLS session's dissector is shown when nothing inside could be read. */
const TLS_RECORD_START = Uint8Array.of(0x16, 0x03, 0x01);

/** With a key log: if nothing was decrypted, the port's dissector is told at the end that the connection was TLS. */
function implicitWhenUnread(tls: StreamHandler, open: () => StreamHandler, read: () => boolean): StreamHandler {
  let first: { fromClient: boolean; frame: number; time: number } | null = null;
  const closed: { client?: Arrival | undefined; server?: Arrival | undefined; ended: number } = { ended: 0 };
  return {
    data(fromClient, bytes, frame, time, completedIn) {
      first ??= { fromClient, frame, time };
      tls.data(fromClient, bytes, frame, time, completedIn);
    },
    gap: (fromClient, length, frame, time) => tls.gap(fromClient, length, frame, time),
    end(fromClient, closedIn) {
      tls.end(fromClient, closedIn);
      closed[fromClient ? 'client' : 'server'] = closedIn;
      if (++closed.ended !== 2 || read() || !first) return;
      const port = open();
      port.data(first.fromClient, TLS_RECORD_START, first.frame, first.time);
      port.end(true, closed.client);
      port.end(false, closed.server);
    },
  };
}
