export { QuicCollector } from './dissector.js';
export type { QuicConnectionRecord, QuicHelloRecord, QuicInitialRecord } from './dissector.js';
export { QUIC_V1, QUIC_V2, quicVersion, versionLabel } from './versions.js';
