import { readVarint } from './packet.js';

/*
 * The frames an Initial packet may carry (RFC 9000 section 17.2.2 and 12.4): PADDING,
 * PING, ACK, CRYPTO and CONNECTION_CLOSE. Any other type in an Initial is a protocol
 * violation; reading stops there.
 */

export const QUIC_FRAME = {
  PADDING: 0x00,
  PING: 0x01,
  ACK: 0x02,
  ACK_ECN: 0x03,
  CRYPTO: 0x06,
  CONNECTION_CLOSE: 0x1c,
  CONNECTION_CLOSE_APPLICATION: 0x1d,
} as const;

export type QuicFrameName = keyof typeof QUIC_FRAME;

export interface CryptoPiece {
  offset: number;
  data: Uint8Array;
}

export interface InitialFrames {
  /** Frame type names in order; runs of PADDING count once. */
  frames: QuicFrameName[];
  crypto: CryptoPiece[];
  /** CONNECTION_CLOSE's error code and reason, if one came. */
  close: { errorCode: number; reason: string } | null;
  /** Why reading stopped early, if it did. */
  error?: string;
}

export function parseInitialFrames(p: Uint8Array): InitialFrames {
  const out: InitialFrames = { frames: [], crypto: [], close: null };
  let o = 0;
  const need = (v: ReturnType<typeof readVarint>): { value: number; next: number } => {
    if (!v) throw new Error('a frame is cut off');
    return v;
  };
  try {
    while (o < p.length) {
      const type = need(readVarint(p, o));
      o = type.next;
      switch (type.value) {
        case QUIC_FRAME.PADDING:
          while (o < p.length && p[o] === 0) o++;
          if (out.frames[out.frames.length - 1] !== 'PADDING') out.frames.push('PADDING');
          break;
        case QUIC_FRAME.PING:
          out.frames.push('PING');
          break;
        case QUIC_FRAME.ACK:
        case QUIC_FRAME.ACK_ECN: {
          let v = need(readVarint(p, o)); // largest acknowledged
          v = need(readVarint(p, v.next)); // ack delay
          const ranges = need(readVarint(p, v.next));
          v = need(readVarint(p, ranges.next)); // first range
          for (let i = 0; i < ranges.value; i++) v = need(readVarint(p, need(readVarint(p, v.next)).next)); // gap, range length
          if (type.value === QUIC_FRAME.ACK_ECN) for (let i = 0; i < 3; i++) v = need(readVarint(p, v.next));
          o = v.next;
          out.frames.push(type.value === QUIC_FRAME.ACK ? 'ACK' : 'ACK_ECN');
          break;
        }
        case QUIC_FRAME.CRYPTO: {
          const offset = need(readVarint(p, o));
          const length = need(readVarint(p, offset.next));
          if (length.next + length.value > p.length) throw new Error('a CRYPTO frame runs past the end of the packet');
          out.crypto.push({ offset: offset.value, data: p.subarray(length.next, length.next + length.value) });
          o = length.next + length.value;
          out.frames.push('CRYPTO');
          break;
        }
        case QUIC_FRAME.CONNECTION_CLOSE:
        case QUIC_FRAME.CONNECTION_CLOSE_APPLICATION: {
          const code = need(readVarint(p, o));
          let v = code;
          if (type.value === QUIC_FRAME.CONNECTION_CLOSE) v = need(readVarint(p, v.next)); // the frame type that caused it
          const length = need(readVarint(p, v.next));
          if (length.next + length.value > p.length) throw new Error('a CONNECTION_CLOSE frame runs past the end of the packet');
          out.close = { errorCode: code.value, reason: Buffer.from(p.subarray(length.next, length.next + length.value)).toString('utf8') };
          o = length.next + length.value;
          out.frames.push(type.value === QUIC_FRAME.CONNECTION_CLOSE ? 'CONNECTION_CLOSE' : 'CONNECTION_CLOSE_APPLICATION');
          break;
        }
        default:
          throw new Error(`a frame of type 0x${type.value.toString(16)} may not appear in an Initial packet (RFC 9000 section 12.4)`);
      }
    }
  } catch (e) {
    out.error = (e as Error).message;
  }
  return out;
}
