import { Warnings } from '../../warnings.js';
import type { Protocol } from '../protocol.js';
import { defineSlice } from '../slice.js';
import { QuicCollector } from './dissector.js';
import type { Quic } from './schema.js';

export { QuicCollector } from './dissector.js';
export type { QuicConnectionRecord, QuicHelloRecord, QuicInitialRecord } from './dissector.js';
export { QUIC_V1, QUIC_V2, quicVersion, versionLabel } from './versions.js';

/** QUIC runs on UDP: on TCP it claims nothing (no port, never detected). */
const NO_TCP: Protocol = { name: 'quic', ports: [], detect: () => 'no', open: () => ({ data() {}, gap() {}, end() {} }) };

/** QUIC as a slice: the UDP datagrams of the capture pass; Initial packets decrypted with the public salt. */
export const quicSlice = defineSlice<'quic', QuicCollector, Quic>({
  name: 'quic',
  label: 'QUIC',
  start(limits, env) {
    const records = new QuicCollector(limits, env?.warnings ?? new Warnings(limits.maxWarnings));
    return { protocol: NO_TCP, records, datagram: (src, dst, payload, frame, time) => records.datagram(src, dst, payload, frame, time) };
  },
  schema: async () => (await import('./schema.js')).Quic,
  analyse: async (records) => ({
    connections: records.connections.map((c) => ({
      client: c.client,
      server: c.server,
      version: c.versionName,
      sni: c.clientHello?.sni ?? null,
      alpn: c.clientHello?.alpn ?? [],
      clientHelloFrame: c.clientHello?.frame ?? null,
      firstFrame: c.firstFrame,
      lastFrame: c.lastFrame,
      datagrams: c.datagrams,
      bytes: c.bytes,
      initials: c.packets.initial,
      initialsDecrypted: c.initials.filter((i) => i.decrypted).length,
      encryptedPackets: c.packets.handshake + c.packets.zeroRtt + c.packets.oneRtt,
    })),
    connectionsUnlisted: records.connectionsUnlisted,
  }),
  blocks: ['web'],
  view: async () => (await import('./view.js')).quicView,
});
