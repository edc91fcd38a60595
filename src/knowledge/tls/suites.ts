/*
 * What a cipher suite is made of, read from its IANA name: every name follows one of
 * two patterns, so the parts are data already and need no table of their own.
 *   TLS 1.2 and earlier:  TLS_<key exchange>[_<authentication>]_WITH_<cipher>_<MAC hash>
 *                         (AEAD suites end in the cipher, or in the PRF hash)
 *   TLS 1.3:              TLS_<AEAD cipher>_<HKDF hash>   (key exchange and authentication
 *                         are negotiated apart, by key_share and the certificate)
 */

import { isGrease } from './grease.js';
import { CIPHER_SUITES, type AuthenticationId, type BulkCipherId, type KeyExchangeId, type SuiteHashId } from './facts.js';

export interface SuiteParts {
  /** The IANA name. */
  name: string;
  /** A TLS 1.3 suite (cipher and hash only). */
  tls13: boolean;
  keyExchange: KeyExchangeId;
  authentication: AuthenticationId;
  /** An export-grade suite (40- or 56-bit keys, broken since the 1990s). */
  export: boolean;
  /** The cipher as named, e.g. "AES_128_GCM", "3DES_EDE_CBC", "RC4_128". */
  cipher: string;
  cipherFamily: BulkCipherId;
  /** Key size in bits when the name says it (AES_128 → 128; 3DES → 168), else null. */
  keyBits: number | null;
  /** AEAD cipher (GCM, CCM, ChaCha20-Poly1305): no separate MAC. */
  aead: boolean;
  /** The record MAC's hash (CBC and stream ciphers), or null for AEAD and NULL suites. */
  mac: SuiteHashId | null;
  /** The hash of the PRF (TLS 1.2) or HKDF (TLS 1.3): SHA384 when the name ends in it, SHA256 otherwise. */
  prfHash: SuiteHashId;
}

/** Suite code points that are signals, not suites (RFC 5746, RFC 7507). */
const SIGNALLING = new Set([0x00ff, 0x5600]);

const AEAD_FAMILIES = new Set<BulkCipherId>(['AES_GCM', 'AES_CCM', 'CHACHA20_POLY1305', 'CAMELLIA_GCM', 'ARIA_GCM', 'SM4_GCM', 'SM4_CCM']);

function cipherFamily(cipher: string): BulkCipherId | null {
  const rules: [RegExp, BulkCipherId][] = [
    [/^AES_\d+_GCM$/, 'AES_GCM'],
    [/^AES_\d+_CCM(_8)?$/, 'AES_CCM'],
    [/^CHACHA20_POLY1305$/, 'CHACHA20_POLY1305'],
    [/^AES_\d+_CBC$/, 'AES_CBC'],
    [/^CAMELLIA_\d+_GCM$/, 'CAMELLIA_GCM'],
    [/^CAMELLIA_\d+_CBC$/, 'CAMELLIA_CBC'],
    [/^ARIA_\d+_GCM$/, 'ARIA_GCM'],
    [/^ARIA_\d+_CBC$/, 'ARIA_CBC'],
    [/^SEED_CBC$/, 'SEED_CBC'],
    [/^3DES_EDE_CBC$/, '3DES_EDE_CBC'],
    [/^DES(40)?_CBC(_40)?$/, 'DES_CBC'],
    [/^IDEA_CBC$/, 'IDEA_CBC'],
    [/^RC2_CBC_(40|56)$/, 'RC2_CBC'],
    [/^RC4_(40|56|128)$/, 'RC4'],
    [/^SM4_GCM$/, 'SM4_GCM'],
    [/^SM4_CCM$/, 'SM4_CCM'],
    [/^(KUZNYECHIK|MAGMA|28147)_/, 'GOST'],
    [/^NULL$/, 'NULL'],
  ];
  return rules.find(([re]) => re.test(cipher))?.[1] ?? null;
}

function keyBits(cipher: string): number | null {
  if (cipher.startsWith('3DES')) return 168;
  if (cipher === 'CHACHA20_POLY1305') return 256;
  if (/^(DES40|RC4_40|RC2_CBC_40)|_40$/.test(cipher)) return 40;
  if (/^DES_CBC$/.test(cipher)) return 56;
  const m = /^[A-Z0-9]+?_(\d{2,3})(_|$)/.exec(cipher);
  return m ? Number(m[1]) : cipher === 'SEED_CBC' || cipher === 'IDEA_CBC' || cipher.startsWith('SM4') ? 128 : null;
}

/** The key exchange and authentication a "TLS_<here>_WITH_" part names. */
function exchange(part: string): { keyExchange: KeyExchangeId; authentication: AuthenticationId; export: boolean } | null {
  const exp = /_EXPORT(1024)?$/.test(part);
  const p = part.replace(/_EXPORT(1024)?$/, '');
  const table: Record<string, [KeyExchangeId, AuthenticationId]> = {
    NULL: ['NULL', 'NULL'],
    RSA: ['RSA', 'RSA'],
    DH_DSS: ['DH', 'DSS'],
    DH_RSA: ['DH', 'RSA'],
    DHE_DSS: ['DHE', 'DSS'],
    DHE_RSA: ['DHE', 'RSA'],
    DH_anon: ['DH', 'anon'],
    ECDH_ECDSA: ['ECDH', 'ECDSA'],
    ECDH_RSA: ['ECDH', 'RSA'],
    ECDHE_ECDSA: ['ECDHE', 'ECDSA'],
    ECDHE_RSA: ['ECDHE', 'RSA'],
    ECDH_anon: ['ECDH', 'anon'],
    PSK: ['PSK', 'PSK'],
    DHE_PSK: ['DHE', 'PSK'],
    PSK_DHE: ['DHE', 'PSK'],
    RSA_PSK: ['RSA', 'PSK'],
    ECDHE_PSK: ['ECDHE', 'PSK'],
    SRP_SHA: ['SRP', 'SRP'],
    SRP_SHA_RSA: ['SRP', 'RSA'],
    SRP_SHA_DSS: ['SRP', 'DSS'],
    KRB5: ['KRB5', 'KRB5'],
    ECCPWD: ['ECCPWD', 'ECCPWD'],
    GOSTR341112_256: ['GOST', 'GOST'],
  };
  const found = table[p];
  return found ? { keyExchange: found[0], authentication: found[1], export: exp } : null;
}

/** The parts of a suite's name, or null for names that follow neither pattern (SCSVs, unknown). */
export function parseSuiteName(name: string): SuiteParts | null {
  const legacy = /^TLS_(.+?)_WITH_(.+)$/.exec(name);
  if (legacy) {
    const ex = exchange(legacy[1]!);
    if (!ex) return null;
    let rest = legacy[2]!;
    let hash: SuiteHashId | null = null;
    const h = /_(MD5|SHA|SHA256|SHA384|SM3)$/.exec(rest);
    if (rest === 'NULL_NULL')
      rest = 'NULL'; // TLS_NULL_WITH_NULL_NULL: the state before the first handshake
    else if (h) {
      hash = h[1] as SuiteHashId;
      rest = rest.slice(0, -h[0].length);
    } else if (/_(CTR_OMAC|MGM_[LS]|CNT_IMIT)$/.test(rest)) hash = 'GOST';
    const family = cipherFamily(rest);
    if (!family) return null;
    const aead = AEAD_FAMILIES.has(family);
    return {
      name,
      tls13: false,
      ...ex,
      cipher: rest,
      cipherFamily: family,
      keyBits: family === 'NULL' ? 0 : keyBits(rest),
      aead,
      mac: aead ? null : hash,
      prfHash: hash === 'SHA384' ? 'SHA384' : hash === 'SM3' || hash === 'GOST' ? hash : 'SHA256',
    };
  }
  const tls13 = /^TLS_(AES_128_GCM|AES_256_GCM|CHACHA20_POLY1305|AES_128_CCM(?:_8)?|SM4_GCM|SM4_CCM)_(SHA256|SHA384|SM3)$/.exec(name);
  if (tls13) {
    const family = cipherFamily(tls13[1]!)!;
    return {
      name,
      tls13: true,
      keyExchange: 'TLS13',
      authentication: 'CERTIFICATE',
      export: false,
      cipher: tls13[1]!,
      cipherFamily: family,
      keyBits: keyBits(tls13[1]!),
      aead: true,
      mac: null,
      prfHash: tls13[2] as SuiteHashId,
    };
  }
  return null;
}

/** A suite code point's IANA name, "GREASE" for the reserved GREASE values, or null if unknown. */
export function suiteName(code: number): string | null {
  if (isGrease(code)) return 'GREASE';
  return CIPHER_SUITES[code]?.name ?? null;
}

/** Whether a code point is a signalling value rather than a suite (renegotiation info SCSV, fallback SCSV). */
export function isSignallingSuite(code: number): boolean {
  return SIGNALLING.has(code);
}
