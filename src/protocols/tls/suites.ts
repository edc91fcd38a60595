import { parseSuiteName, suiteName, type SuiteParts } from '../../knowledge/tls/suites.js';

/** How records of a cipher suite are protected, as Node's crypto needs it. */
export interface RecordCipher {
  /** gcm, ccm and chacha are AEAD; cbc is a block cipher with an HMAC. */
  mode: 'gcm' | 'ccm' | 'chacha' | 'cbc';
  /** Node's cipher name ("aes-128-gcm"). */
  algorithm: string;
  keyLength: number;
  /** TLS 1.2: implicit IV bytes from the key block (the GCM/CCM salt, ChaCha20's whole nonce); TLS 1.3: 12. */
  fixedIvLength: number;
  /** TLS 1.2: explicit per-record nonce (GCM, CCM) or IV (CBC) bytes at the front of each record. */
  recordIvLength: number;
  /** AEAD tag bytes (16, or 8 for CCM_8). */
  tagLength: number;
  blockSize: number;
}

export interface SuiteCrypto {
  code: number;
  name: string;
  parts: SuiteParts;
  /** null when labreport cannot decrypt this suite (RC4, 3DES, Camellia, GOST…). */
  cipher: RecordCipher | null;
  /** Node's name of the record MAC's hash ("sha1"), or null for AEAD suites. */
  macHash: 'md5' | 'sha1' | 'sha256' | 'sha384' | null;
  macLength: number;
  /** Node's name of the PRF (TLS 1.2) or HKDF (TLS 1.3) hash. */
  prfHash: 'sha256' | 'sha384';
}

const HASHES = { MD5: ['md5', 16], SHA: ['sha1', 20], SHA256: ['sha256', 32], SHA384: ['sha384', 48] } as const;

function recordCipher(parts: SuiteParts): RecordCipher | null {
  const m = /^AES_(128|256)_(GCM|CCM(_8)?|CBC)$/.exec(parts.cipher);
  const tls13 = parts.tls13;
  if (m) {
    const keyLength = Number(m[1]) / 8;
    const bits = m[1];
    if (m[2] === 'GCM')
      return {
        mode: 'gcm',
        algorithm: `aes-${bits}-gcm`,
        keyLength,
        fixedIvLength: tls13 ? 12 : 4,
        recordIvLength: tls13 ? 0 : 8,
        tagLength: 16,
        blockSize: 16,
      };
    if (m[2] === 'CBC') return { mode: 'cbc', algorithm: `aes-${bits}-cbc`, keyLength, fixedIvLength: 16, recordIvLength: 16, tagLength: 0, blockSize: 16 };
    return {
      mode: 'ccm',
      algorithm: `aes-${bits}-ccm`,
      keyLength,
      fixedIvLength: tls13 ? 12 : 4,
      recordIvLength: tls13 ? 0 : 8,
      tagLength: m[3] ? 8 : 16,
      blockSize: 16,
    };
  }
  if (parts.cipher === 'CHACHA20_POLY1305')
    return { mode: 'chacha', algorithm: 'chacha20-poly1305', keyLength: 32, fixedIvLength: 12, recordIvLength: 0, tagLength: 16, blockSize: 1 };
  return null;
}

/** A cipher suite by code point, with what decrypting its records takes; null for unknown code points. */
export function suiteCrypto(code: number): SuiteCrypto | null {
  const name = suiteName(code);
  const parts = name ? parseSuiteName(name) : null;
  if (!name || !parts) return null;
  const mac = parts.mac && parts.mac in HASHES ? HASHES[parts.mac as keyof typeof HASHES] : null;
  return {
    code,
    name,
    parts,
    cipher: recordCipher(parts),
    macHash: mac ? mac[0] : null,
    macLength: mac ? mac[1] : 0,
    prfHash: parts.prfHash === 'SHA384' ? 'sha384' : 'sha256',
  };
}
