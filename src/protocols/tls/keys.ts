import { createHmac } from 'node:crypto';
import type { SuiteCrypto } from './suites.js';

/*
 * The key schedules, on Node's HMAC: TLS 1.3's HKDF-Expand-Label (RFC 8446 section 7.1;
 * Node's hkdfSync always extracts first, and TLS 1.3 needs the expand step alone) and the
 * TLS 1.0–1.2 PRF (RFC 5246 section 5, RFC 2246 section 5). Nothing derived here leaves
 * the decryption layer.
 */

type Hash = 'md5' | 'sha1' | 'sha256' | 'sha384';
const HASH_LENGTH: Record<Hash, number> = { md5: 16, sha1: 20, sha256: 32, sha384: 48 };

/** HKDF-Expand (RFC 5869 section 2.3). */
export function hkdfExpand(hash: Hash, prk: Buffer, info: Buffer, length: number): Buffer {
  const out: Buffer[] = [];
  let previous = Buffer.alloc(0);
  let total = 0;
  for (let i = 1; total < length; i++) {
    previous = createHmac(hash, prk).update(previous).update(info).update(Buffer.of(i)).digest();
    out.push(previous);
    total += previous.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

/** HKDF-Expand-Label(Secret, Label, Context, Length), with the "tls13 " prefix. */
export function hkdfExpandLabel(hash: Hash, secret: Buffer, label: string, context: Buffer, length: number): Buffer {
  const full = Buffer.from(`tls13 ${label}`, 'latin1');
  const info = Buffer.concat([Buffer.of(length >> 8, length & 0xff, full.length), full, Buffer.of(context.length), context]);
  return hkdfExpand(hash, secret, info, length);
}

/** The write key and IV of a TLS 1.3 traffic secret (RFC 8446 section 7.3). */
export function tls13TrafficKeys(suite: SuiteCrypto, secret: Buffer): { key: Buffer; iv: Buffer } {
  const c = suite.cipher!;
  return {
    key: hkdfExpandLabel(suite.prfHash, secret, 'key', Buffer.alloc(0), c.keyLength),
    iv: hkdfExpandLabel(suite.prfHash, secret, 'iv', Buffer.alloc(0), 12),
  };
}

/** The traffic secret after a KeyUpdate (RFC 8446 section 7.2). */
export function tls13NextSecret(suite: SuiteCrypto, secret: Buffer): Buffer {
  return hkdfExpandLabel(suite.prfHash, secret, 'traffic upd', Buffer.alloc(0), HASH_LENGTH[suite.prfHash]);
}

/** P_hash (RFC 5246 section 5). */
function pHash(hash: Hash, secret: Buffer, seed: Buffer, length: number): Buffer {
  const out: Buffer[] = [];
  let a = seed;
  let total = 0;
  while (total < length) {
    a = createHmac(hash, secret).update(a).digest();
    const block = createHmac(hash, secret).update(a).update(seed).digest();
    out.push(block);
    total += block.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

/** The PRF: TLS 1.2 uses the suite's hash; TLS 1.0 and 1.1 XOR P_MD5 and P_SHA1 over the two halves of the secret. */
export function prf(version: number, hash: 'sha256' | 'sha384', secret: Buffer, label: string, seed: Buffer, length: number): Buffer {
  const labelled = Buffer.concat([Buffer.from(label, 'latin1'), seed]);
  if (version >= 0x0303) return pHash(hash, secret, labelled, length);
  const half = Math.ceil(secret.length / 2);
  const md5 = pHash('md5', secret.subarray(0, half), labelled, length);
  const sha1 = pHash('sha1', secret.subarray(secret.length - half), labelled, length);
  for (let i = 0; i < length; i++) md5[i]! ^= sha1[i]!;
  return md5;
}

/** One direction's keys of a TLS 1.0–1.2 session. */
export interface DirectionKeys {
  macKey: Buffer;
  key: Buffer;
  /** The implicit IV: the GCM/CCM salt, ChaCha20's nonce base, or (TLS 1.0) the first CBC IV. */
  iv: Buffer;
}

/** The key block (RFC 5246 section 6.3): client_write_MAC, server_write_MAC, client_write_key, server_write_key, client_write_IV, server_write_IV. */
export function tls12KeyBlock(
  suite: SuiteCrypto,
  version: number,
  masterSecret: Buffer,
  clientRandom: Buffer,
  serverRandom: Buffer,
): { client: DirectionKeys; server: DirectionKeys } {
  const c = suite.cipher!;
  const mac = suite.macLength;
  const key = c.keyLength;
  // CBC in TLS 1.1 and 1.2 carries its IV in every record; the key block has IVs only for TLS 1.0 CBC and the AEAD salts.
  const iv = c.mode === 'cbc' ? (version <= 0x0301 ? c.blockSize : 0) : c.fixedIvLength;
  const block = prf(version, suite.prfHash, masterSecret, 'key expansion', Buffer.concat([serverRandom, clientRandom]), 2 * (mac + key + iv));
  let o = 0;
  const take = (n: number) => block.subarray(o, (o += n));
  const clientMac = take(mac);
  const serverMac = take(mac);
  const clientKey = take(key);
  const serverKey = take(key);
  return { client: { macKey: clientMac, key: clientKey, iv: take(iv) }, server: { macKey: serverMac, key: serverKey, iv: take(iv) } };
}
