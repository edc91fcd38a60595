import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { QuicVersion } from './versions.js';

/*
 * Initial packet protection (RFC 9001 section 5): secrets from the client's Destination
 * Connection ID and the version's salt, then AEAD_AES_128_GCM for the payload and AES-128
 * in ECB mode for the header protection mask. Node's crypto has every primitive; TLS 1.3's
 * HKDF-Expand-Label (RFC 8446 section 7.1) is HKDF-Expand with a structured label, built
 * here on HMAC because crypto.hkdfSync always runs Extract first.
 */

/** HKDF-Extract (RFC 5869 section 2.2) with SHA-256. */
export function hkdfExtract(salt: Uint8Array, ikm: Uint8Array): Buffer {
  return createHmac('sha256', salt).update(ikm).digest();
}

/** HKDF-Expand-Label (RFC 8446 section 7.1) with SHA-256 and an empty context. */
export function hkdfExpandLabel(secret: Uint8Array, label: string, length: number): Buffer {
  const full = Buffer.from(`tls13 ${label}`, 'latin1');
  const info = Buffer.concat([Buffer.from([length >> 8, length & 0xff, full.length]), full, Buffer.from([0])]);
  const out: Buffer[] = [];
  let previous = Buffer.alloc(0);
  for (let i = 1, have = 0; have < length; i++) {
    previous = createHmac('sha256', secret)
      .update(Buffer.concat([previous, info, Buffer.from([i])]))
      .digest();
    out.push(previous);
    have += previous.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

/** One direction's Initial keys. */
export interface PacketKeys {
  secret: Buffer;
  key: Buffer;
  iv: Buffer;
  hp: Buffer;
}

export function initialKeys(version: QuicVersion, dcid: Uint8Array): { client: PacketKeys; server: PacketKeys } {
  const initial = hkdfExtract(version.salt, dcid);
  const keysOf = (label: string): PacketKeys => {
    const secret = hkdfExpandLabel(initial, label, 32);
    return {
      secret,
      key: hkdfExpandLabel(secret, version.labels.key, 16),
      iv: hkdfExpandLabel(secret, version.labels.iv, 12),
      hp: hkdfExpandLabel(secret, version.labels.hp, 16),
    };
  };
  return { client: keysOf('client in'), server: keysOf('server in') };
}

/** The header protection mask for a 16-byte sample of the ciphertext (RFC 9001 section 5.4.3). */
export function headerMask(hp: Buffer, sample: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-128-ecb', hp, null);
  cipher.setAutoPadding(false);
  return cipher.update(sample);
}

/** AEAD_AES_128_GCM open; null when the tag does not authenticate (wrong keys, or damage). */
export function openPayload(keys: PacketKeys, packetNumber: number, header: Uint8Array, sealed: Uint8Array): Buffer | null {
  if (sealed.length < 16) return null;
  const nonce = Buffer.from(keys.iv);
  // The packet number, left-padded to the IV's length, XORed into the IV (RFC 9001 section 5.3).
  let pn = packetNumber;
  for (let i = nonce.length - 1; i >= nonce.length - 8 && pn > 0; i--) {
    nonce[i]! ^= pn % 256;
    pn = Math.floor(pn / 256);
  }
  const decipher = createDecipheriv('aes-128-gcm', keys.key, nonce);
  decipher.setAAD(header);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}
