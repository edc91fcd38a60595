import { tlsName } from '../../knowledge/tls/index.js';
import type { AnalyseContext } from '../slice.js';
import type { TlsConnectionRecord } from './connection.js';
import type { TlsRecords } from './index.js';
import type { Tls, TlsConnection } from './schema.js';

/** The capture's TLS connections → model.tls: each connection's handshake in brief, whether it decrypted, and what ran inside. */
export async function analyseTls(records: TlsRecords, _ctx: AnalyseContext): Promise<Tls> {
  return {
    connections: records.collector.connections.map((c) =>
      // After STARTTLS the decrypted bytes went back to the protocol that started TLS.
      connection(
        c,
        records.applications.get(c) ?? (c.startedBy !== 'tls' && c.fromClient.decryptedBytes + c.fromServer.decryptedBytes > 0 ? c.startedBy : null),
      ),
    ),
    connectionsUnlisted: records.collector.unlisted,
    keyLog: { given: records.keyLog !== null && records.keyLog.size > 0, sessions: records.keyLog?.size ?? 0 },
  };
}

function connection(c: TlsConnectionRecord, application: string | null): TlsConnection {
  const unread = c.records.items.find((r) => r.encrypted && !r.decrypted);
  return {
    stream: c.stream,
    client: c.client,
    server: c.server,
    startedBy: c.startedBy,
    startFrame: c.startFrame,
    sni: c.sni,
    alpnOffered: c.alpnOffered,
    alpn: c.alpn,
    version: c.version,
    cipherSuite: c.cipherSuite,
    keyExchangeGroup:
      c.keyExchangeGroup === null ? null : (tlsName('namedGroups', c.keyExchangeGroup) ?? `0x${c.keyExchangeGroup.toString(16).padStart(4, '0')}`),
    decryption: c.decryption,
    decrypted: c.decrypted,
    application,
    frames: c.frames,
    framesUnlisted: c.framesUnlisted,
    handshake: c.handshakeMessages.items.map((m) => ({ frame: m.frame, fromClient: m.fromClient, type: m.type, name: m.name, encrypted: m.encrypted })),
    handshakeUnlisted: c.handshakeMessages.unlisted,
    alerts: c.alerts.items.map((a) => ({ frame: a.frame, fromClient: a.fromClient, level: a.level, name: a.name, encrypted: a.encrypted })),
    certificates:
      c.certificates?.items.map((x) => ({
        subject: x.subject,
        issuer: x.issuer,
        validFrom: x.validFromIso ?? (x.validFrom || null),
        validTo: x.validToIso ?? (x.validTo || null),
        subjectAltName: x.subjectAltName,
      })) ?? null,
    applicationRecords: { fromClient: c.fromClient.applicationRecords, fromServer: c.fromServer.applicationRecords },
    decryptedBytes: { fromClient: c.fromClient.decryptedBytes, fromServer: c.fromServer.decryptedBytes },
    encryptedFrom: unread?.frame ?? null,
    warnings: c.warnings.length,
  };
}
