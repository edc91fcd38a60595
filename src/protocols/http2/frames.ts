/*
 * HTTP/2 framing (RFC 9113 section 4 and 6): the frame header, the frame types, their
 * flags, and the fixed layouts of the small control frames.
 */

/** The frame types of RFC 9113 section 6 (other types are skipped, section 5.5). */
export const FRAME_TYPE = {
  DATA: 0x0,
  HEADERS: 0x1,
  PRIORITY: 0x2,
  RST_STREAM: 0x3,
  SETTINGS: 0x4,
  PUSH_PROMISE: 0x5,
  PING: 0x6,
  GOAWAY: 0x7,
  WINDOW_UPDATE: 0x8,
  CONTINUATION: 0x9,
} as const;

export type FrameTypeName = keyof typeof FRAME_TYPE;

const TYPE_NAMES = Object.fromEntries(Object.entries(FRAME_TYPE).map(([name, code]) => [code, name])) as Record<number, FrameTypeName>;

/** The name of a frame type, or null for a type RFC 9113 does not define. */
export function frameTypeName(type: number): FrameTypeName | null {
  return TYPE_NAMES[type] ?? null;
}

/** Frame flags (RFC 9113 section 6); which apply depends on the type. */
export const FLAG = { END_STREAM: 0x01, ACK: 0x01, END_HEADERS: 0x04, PADDED: 0x08, PRIORITY: 0x20 } as const;

/** The flags each type defines; others must be ignored (RFC 9113 section 4.1). */
const DEFINED_FLAGS: Record<number, number> = {
  [FRAME_TYPE.DATA]: FLAG.END_STREAM | FLAG.PADDED,
  [FRAME_TYPE.HEADERS]: FLAG.END_STREAM | FLAG.END_HEADERS | FLAG.PADDED | FLAG.PRIORITY,
  [FRAME_TYPE.PRIORITY]: 0,
  [FRAME_TYPE.RST_STREAM]: 0,
  [FRAME_TYPE.SETTINGS]: FLAG.ACK,
  [FRAME_TYPE.PUSH_PROMISE]: FLAG.END_HEADERS | FLAG.PADDED,
  [FRAME_TYPE.PING]: FLAG.ACK,
  [FRAME_TYPE.GOAWAY]: 0,
  [FRAME_TYPE.WINDOW_UPDATE]: 0,
  [FRAME_TYPE.CONTINUATION]: FLAG.END_HEADERS,
};

/** The names of the flags set on a frame, as Wireshark labels them. */
export function flagNames(type: number, flags: number): string[] {
  const names: string[] = [];
  const defined = DEFINED_FLAGS[type] ?? 0;
  if (defined & FLAG.END_STREAM & flags) names.push(type === FRAME_TYPE.SETTINGS || type === FRAME_TYPE.PING ? 'ACK' : 'END_STREAM');
  if (defined & FLAG.END_HEADERS & flags) names.push('END_HEADERS');
  if (defined & FLAG.PADDED & flags) names.push('PADDED');
  if (defined & FLAG.PRIORITY & flags) names.push('PRIORITY');
  return names;
}

/** "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n": what a client sends first (RFC 9113 section 3.4). */
export const CONNECTION_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

export const FRAME_HEADER_BYTES = 9;
/** The largest frame payload before SETTINGS_MAX_FRAME_SIZE raises it (RFC 9113 section 4.2). */
export const DEFAULT_MAX_FRAME_SIZE = 16_384;
/** The largest SETTINGS_MAX_FRAME_SIZE may allow (2^24 - 1). */
export const LARGEST_MAX_FRAME_SIZE = 16_777_215;

export interface FrameHeader {
  /** Payload length (24 bits). */
  length: number;
  type: number;
  flags: number;
  /** Stream identifier (31 bits; the reserved bit dropped). */
  streamId: number;
  /** Whether the reserved bit was set (it must be 0). */
  reserved: boolean;
}

export function parseFrameHeader(b: Uint8Array, o = 0): FrameHeader {
  return {
    length: (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!,
    type: b[o + 3]!,
    flags: b[o + 4]!,
    streamId: (((b[o + 5]! & 0x7f) << 24) | (b[o + 6]! << 16) | (b[o + 7]! << 8) | b[o + 8]!) >>> 0,
    reserved: (b[o + 5]! & 0x80) !== 0,
  };
}

/** Payload lengths the fixed-size frames must have (RFC 9113 sections 6.3, 6.4, 6.7, 6.9). */
const FIXED_LENGTH: Record<number, number> = {
  [FRAME_TYPE.PRIORITY]: 5,
  [FRAME_TYPE.RST_STREAM]: 4,
  [FRAME_TYPE.PING]: 8,
  [FRAME_TYPE.WINDOW_UPDATE]: 4,
};

/** Frames that belong to the connection (stream 0) rather than to a stream. */
const CONNECTION_FRAMES = new Set<number>([FRAME_TYPE.SETTINGS, FRAME_TYPE.PING, FRAME_TYPE.GOAWAY]);

/**
 * Could these 9 bytes start a frame a correct peer sends? Used only to find the next
 * frame after a capture gap (HTTP/2 frames carry no marker), so it is strict: a known
 * type, only defined flags, the right stream for the type, a length the type allows.
 */
export function plausibleFrameHeader(h: FrameHeader, maxFrameSize: number): boolean {
  const defined = DEFINED_FLAGS[h.type];
  if (defined === undefined || h.reserved || (h.flags & ~defined) !== 0 || h.length > maxFrameSize) return false;
  if (CONNECTION_FRAMES.has(h.type) !== (h.streamId === 0) && h.type !== FRAME_TYPE.WINDOW_UPDATE) return false;
  const fixed = FIXED_LENGTH[h.type];
  if (fixed !== undefined && h.length !== fixed) return false;
  if (h.type === FRAME_TYPE.SETTINGS && (h.length % 6 !== 0 || (h.flags & FLAG.ACK && h.length !== 0))) return false;
  return true;
}

/** SETTINGS parameters (RFC 9113 section 6.5.2, RFC 8441, RFC 9218). */
export const SETTING = {
  HEADER_TABLE_SIZE: 0x1,
  ENABLE_PUSH: 0x2,
  MAX_CONCURRENT_STREAMS: 0x3,
  INITIAL_WINDOW_SIZE: 0x4,
  MAX_FRAME_SIZE: 0x5,
  MAX_HEADER_LIST_SIZE: 0x6,
  ENABLE_CONNECT_PROTOCOL: 0x8,
  NO_RFC7540_PRIORITIES: 0x9,
} as const;

export interface Setting {
  id: number;
  value: number;
}

/** A SETTINGS payload: 6 bytes per parameter (a trailing partial one is ignored: it is a FRAME_SIZE_ERROR). */
export function parseSettings(payload: Uint8Array): Setting[] {
  const out: Setting[] = [];
  for (let o = 0; o + 6 <= payload.length; o += 6)
    out.push({
      id: (payload[o]! << 8) | payload[o + 1]!,
      value: ((payload[o + 2]! << 24) | (payload[o + 3]! << 16) | (payload[o + 4]! << 8) | payload[o + 5]!) >>> 0,
    });
  return out;
}

/** The priority fields of PRIORITY and of HEADERS with the PRIORITY flag (RFC 9113 sections 5.3.2 and 6.3; deprecated). */
export interface PriorityFields {
  exclusive: boolean;
  dependsOn: number;
  /** 1–256 (the wire value plus one). */
  weight: number;
}

export function parsePriority(b: Uint8Array, o: number): PriorityFields {
  return { exclusive: (b[o]! & 0x80) !== 0, dependsOn: u31(b, o), weight: b[o + 4]! + 1 };
}

/** The error codes of RFC 9113 section 7. */
export const ERROR_CODE = {
  NO_ERROR: 0x0,
  PROTOCOL_ERROR: 0x1,
  INTERNAL_ERROR: 0x2,
  FLOW_CONTROL_ERROR: 0x3,
  SETTINGS_TIMEOUT: 0x4,
  STREAM_CLOSED: 0x5,
  FRAME_SIZE_ERROR: 0x6,
  REFUSED_STREAM: 0x7,
  CANCEL: 0x8,
  COMPRESSION_ERROR: 0x9,
  CONNECT_ERROR: 0xa,
  ENHANCE_YOUR_CALM: 0xb,
  INADEQUATE_SECURITY: 0xc,
  HTTP_1_1_REQUIRED: 0xd,
} as const;

export type ErrorCodeName = keyof typeof ERROR_CODE;

const ERROR_NAMES = Object.fromEntries(Object.entries(ERROR_CODE).map(([name, code]) => [code, name])) as Record<number, ErrorCodeName>;

export function errorCodeName(code: number): ErrorCodeName | null {
  return ERROR_NAMES[code] ?? null;
}

export function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

/** A 31-bit field after a reserved (or flag) bit. */
export function u31(b: Uint8Array, o: number): number {
  return u32(b, o) & 0x7fffffff;
}
