/*
 * QUIC and HTTP/3 knowledge, the language-neutral half: the versions labreport reads, the
 * packet types, the frames of Initial packets, the concepts the report explains (why the
 * SNI can be read, why the rest cannot), and the steps to turn QUIC off in the browsers
 * the lab uses, each with where it is defined. The words live in `en.ts` and `zh.ts`.
 */

import type { Explanation, Reference } from '../types.js';

const rfc = (number: number, section: string): Reference => ({ rfc: number, section });
const doc = (source: string): Reference => ({ rfc: 0, source });

export interface RefFact {
  ref: Reference;
}

/** QUIC versions (the 32-bit version field of long headers). */
export const QUIC_VERSIONS = {
  v1: { code: 0x00000001, ref: rfc(9000, '15') },
  v2: { code: 0x6b3343cf, ref: rfc(9369, '3.1') },
  'version-negotiation': { code: 0x00000000, ref: rfc(9000, '17.2.1') },
} as const satisfies Record<string, RefFact & { code: number }>;

/** Packet types (RFC 9000 section 17). */
export const QUIC_PACKET_TYPES = {
  initial: { ref: rfc(9000, '17.2.2') },
  '0-rtt': { ref: rfc(9000, '17.2.3') },
  handshake: { ref: rfc(9000, '17.2.4') },
  retry: { ref: rfc(9000, '17.2.5') },
  'version-negotiation': { ref: rfc(9000, '17.2.1') },
  '1-rtt': { ref: rfc(9000, '17.3.1') },
} as const satisfies Record<string, RefFact>;

/** The frames an Initial packet carries (RFC 9000 section 19), by the dissector's names. */
export const QUIC_FRAMES = {
  PADDING: { code: 0x00, ref: rfc(9000, '19.1') },
  PING: { code: 0x01, ref: rfc(9000, '19.2') },
  ACK: { code: 0x02, ref: rfc(9000, '19.3') },
  ACK_ECN: { code: 0x03, ref: rfc(9000, '19.3') },
  CRYPTO: { code: 0x06, ref: rfc(9000, '19.6') },
  CONNECTION_CLOSE: { code: 0x1c, ref: rfc(9000, '19.19') },
  CONNECTION_CLOSE_APPLICATION: { code: 0x1d, ref: rfc(9000, '19.19') },
} as const satisfies Record<string, RefFact & { code: number }>;

/** What the report explains about QUIC, HTTP/3 and what a capture of them shows. */
export const QUIC_CONCEPTS = {
  quic: { ref: rfc(9000, '1') },
  http3: { ref: rfc(9114, '1') },
  'udp-443': { ref: rfc(9114, '3.1') },
  'alt-svc': { ref: rfc(7838, '3') },
  'connection-ids': { ref: rfc(9000, '5.1') },
  'coalesced-packets': { ref: rfc(9000, '12.2') },
  'initial-protection': { ref: rfc(9001, '5.2') },
  'header-protection': { ref: rfc(9001, '5.4') },
  'crypto-frames': { ref: rfc(9001, '4') },
  sni: { ref: rfc(6066, '3') },
  'alpn-h3': { ref: rfc(9114, '3.2') },
  'what-is-encrypted': { ref: rfc(9001, '5') },
  'why-no-http': { ref: rfc(9114, '3') },
} as const satisfies Record<string, RefFact>;

/** How to make the browser use TCP (HTTP/1.1 or HTTP/2) instead of QUIC for the lab. */
export const QUIC_LAB_STEPS = {
  chrome: { ref: doc('Chromium chrome://flags/#enable-quic, --disable-quic') },
  edge: { ref: doc('Microsoft Edge edge://flags/#enable-quic, --disable-quic') },
  firefox: { ref: doc('Mozilla Firefox about:config network.http.http3.enable') },
  'plain-http': { ref: rfc(9110, '4.2.1') },
  'check-capture': { ref: rfc(9000, '17.2') },
} as const satisfies Record<string, RefFact>;

export type QuicVersionId = keyof typeof QUIC_VERSIONS;
export type QuicPacketTypeId = keyof typeof QUIC_PACKET_TYPES;
export type QuicFrameId = keyof typeof QUIC_FRAMES;
export type QuicConceptId = keyof typeof QUIC_CONCEPTS;
export type QuicLabStepId = keyof typeof QUIC_LAB_STEPS;

export interface QuicTexts {
  versions: Record<QuicVersionId, Explanation>;
  packetTypes: Record<QuicPacketTypeId, Explanation>;
  frames: Record<QuicFrameId, Explanation>;
  concepts: Record<QuicConceptId, Explanation>;
  labSteps: Record<QuicLabStepId, Explanation>;
}
