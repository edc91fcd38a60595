/*
 * HTTP/2 knowledge, the language-neutral half: the frame types, flags, SETTINGS
 * parameters, error codes and pseudo-header fields of RFC 9113, the HPACK field
 * representations of RFC 7541, and the concepts the report explains (binary framing,
 * streams, the preface, h2c), each with the section that defines it and its code on the
 * wire where it has one. The words live in `en.ts` and `zh.ts`, keyed by the same ids and
 * checked against `Http2Texts`, so a missing or stray translation fails to compile.
 */

import type { Explanation, Reference } from '../types.js';

const rfc = (number: number, section: string): Reference => ({ rfc: number, section });

export interface CodedFact {
  /** The value on the wire (frame type, flag bit, setting id, error code). */
  code: number;
  ref: Reference;
}

export interface RefFact {
  ref: Reference;
}

/** Frame types: RFC 9113 section 6, and the extensions registered since that a capture shows often. */
export const HTTP2_FRAME_TYPES = {
  DATA: { code: 0x0, ref: rfc(9113, '6.1') },
  HEADERS: { code: 0x1, ref: rfc(9113, '6.2') },
  PRIORITY: { code: 0x2, ref: rfc(9113, '6.3') },
  RST_STREAM: { code: 0x3, ref: rfc(9113, '6.4') },
  SETTINGS: { code: 0x4, ref: rfc(9113, '6.5') },
  PUSH_PROMISE: { code: 0x5, ref: rfc(9113, '6.6') },
  PING: { code: 0x6, ref: rfc(9113, '6.7') },
  GOAWAY: { code: 0x7, ref: rfc(9113, '6.8') },
  WINDOW_UPDATE: { code: 0x8, ref: rfc(9113, '6.9') },
  CONTINUATION: { code: 0x9, ref: rfc(9113, '6.10') },
  ALTSVC: { code: 0xa, ref: rfc(7838, '4') },
  ORIGIN: { code: 0xc, ref: rfc(8336, '2') },
  PRIORITY_UPDATE: { code: 0x10, ref: rfc(9218, '7.1') },
} as const satisfies Record<string, CodedFact>;

/** Frame flags (their bit; which frame types define each is in the RFC section). */
export const HTTP2_FLAGS = {
  END_STREAM: { code: 0x01, ref: rfc(9113, '6.1') },
  ACK: { code: 0x01, ref: rfc(9113, '6.5') },
  END_HEADERS: { code: 0x04, ref: rfc(9113, '6.2') },
  PADDED: { code: 0x08, ref: rfc(9113, '6.1') },
  PRIORITY: { code: 0x20, ref: rfc(9113, '6.2') },
} as const satisfies Record<string, CodedFact>;

/** SETTINGS parameters: RFC 9113 section 6.5.2, RFC 8441 section 3, RFC 9218 section 2.1. */
export const HTTP2_SETTINGS = {
  SETTINGS_HEADER_TABLE_SIZE: { code: 0x1, ref: rfc(9113, '6.5.2') },
  SETTINGS_ENABLE_PUSH: { code: 0x2, ref: rfc(9113, '6.5.2') },
  SETTINGS_MAX_CONCURRENT_STREAMS: { code: 0x3, ref: rfc(9113, '6.5.2') },
  SETTINGS_INITIAL_WINDOW_SIZE: { code: 0x4, ref: rfc(9113, '6.5.2') },
  SETTINGS_MAX_FRAME_SIZE: { code: 0x5, ref: rfc(9113, '6.5.2') },
  SETTINGS_MAX_HEADER_LIST_SIZE: { code: 0x6, ref: rfc(9113, '6.5.2') },
  SETTINGS_ENABLE_CONNECT_PROTOCOL: { code: 0x8, ref: rfc(8441, '3') },
  SETTINGS_NO_RFC7540_PRIORITIES: { code: 0x9, ref: rfc(9218, '2.1') },
} as const satisfies Record<string, CodedFact>;

/** Error codes of RST_STREAM and GOAWAY: RFC 9113 section 7. */
export const HTTP2_ERROR_CODES = {
  NO_ERROR: { code: 0x0, ref: rfc(9113, '7') },
  PROTOCOL_ERROR: { code: 0x1, ref: rfc(9113, '7') },
  INTERNAL_ERROR: { code: 0x2, ref: rfc(9113, '7') },
  FLOW_CONTROL_ERROR: { code: 0x3, ref: rfc(9113, '7') },
  SETTINGS_TIMEOUT: { code: 0x4, ref: rfc(9113, '7') },
  STREAM_CLOSED: { code: 0x5, ref: rfc(9113, '7') },
  FRAME_SIZE_ERROR: { code: 0x6, ref: rfc(9113, '7') },
  REFUSED_STREAM: { code: 0x7, ref: rfc(9113, '7') },
  CANCEL: { code: 0x8, ref: rfc(9113, '7') },
  COMPRESSION_ERROR: { code: 0x9, ref: rfc(9113, '7') },
  CONNECT_ERROR: { code: 0xa, ref: rfc(9113, '7') },
  ENHANCE_YOUR_CALM: { code: 0xb, ref: rfc(9113, '7') },
  INADEQUATE_SECURITY: { code: 0xc, ref: rfc(9113, '7') },
  HTTP_1_1_REQUIRED: { code: 0xd, ref: rfc(9113, '7') },
} as const satisfies Record<string, CodedFact>;

/** Pseudo-header fields: RFC 9113 sections 8.3.1 and 8.3.2, RFC 8441 section 4. */
export const HTTP2_PSEUDO_HEADERS = {
  ':method': { ref: rfc(9113, '8.3.1') },
  ':scheme': { ref: rfc(9113, '8.3.1') },
  ':authority': { ref: rfc(9113, '8.3.1') },
  ':path': { ref: rfc(9113, '8.3.1') },
  ':protocol': { ref: rfc(8441, '4') },
  ':status': { ref: rfc(9113, '8.3.2') },
} as const satisfies Record<string, RefFact>;

/** How HPACK sends a field (RFC 7541 section 6), keyed as the dissector names them. */
export const HPACK_REPRESENTATIONS = {
  indexed: { ref: rfc(7541, '6.1') },
  incremental: { ref: rfc(7541, '6.2.1') },
  'without-indexing': { ref: rfc(7541, '6.2.2') },
  'never-indexed': { ref: rfc(7541, '6.2.3') },
  'size-update': { ref: rfc(7541, '6.3') },
  huffman: { ref: rfc(7541, '5.2') },
  'static-table': { ref: rfc(7541, '2.3.1') },
  'dynamic-table': { ref: rfc(7541, '2.3.2') },
} as const satisfies Record<string, RefFact>;

/** What the report explains about HTTP/2 as a whole, and how it differs from HTTP/1.1. */
export const HTTP2_CONCEPTS = {
  'binary-framing': { ref: rfc(9113, '4.1') },
  streams: { ref: rfc(9113, '5') },
  multiplexing: { ref: rfc(9113, '5') },
  'stream-ids': { ref: rfc(9113, '5.1.1') },
  'connection-preface': { ref: rfc(9113, '3.4') },
  'prior-knowledge': { ref: rfc(9113, '3.3') },
  'h2c-upgrade': { ref: rfc(7540, '3.2') },
  alpn: { ref: rfc(9113, '3.2') },
  'header-compression': { ref: rfc(9113, '4.3') },
  'lower-case-names': { ref: rfc(9113, '8.2.1') },
  'connection-specific-fields': { ref: rfc(9113, '8.2.2') },
  'no-reason-phrase': { ref: rfc(9113, '8.3.2') },
  'flow-control': { ref: rfc(9113, '5.2') },
  'server-push': { ref: rfc(9113, '8.4') },
  trailers: { ref: rfc(9113, '8.1') },
  'http1-vs-http2': { ref: rfc(9113, '1') },
} as const satisfies Record<string, RefFact>;

export type Http2FrameTypeId = keyof typeof HTTP2_FRAME_TYPES;
export type Http2FlagId = keyof typeof HTTP2_FLAGS;
export type Http2SettingId = keyof typeof HTTP2_SETTINGS;
export type Http2ErrorCodeId = keyof typeof HTTP2_ERROR_CODES;
export type Http2PseudoHeaderId = keyof typeof HTTP2_PSEUDO_HEADERS;
export type HpackRepresentationId = keyof typeof HPACK_REPRESENTATIONS;
export type Http2ConceptId = keyof typeof HTTP2_CONCEPTS;

/** What every language file must hold: an explanation for every id of every table above. */
export interface Http2Texts {
  frameTypes: Record<Http2FrameTypeId, Explanation>;
  flags: Record<Http2FlagId, Explanation>;
  settings: Record<Http2SettingId, Explanation>;
  errorCodes: Record<Http2ErrorCodeId, Explanation>;
  pseudoHeaders: Record<Http2PseudoHeaderId, Explanation>;
  hpack: Record<HpackRepresentationId, Explanation>;
  concepts: Record<Http2ConceptId, Explanation>;
}
