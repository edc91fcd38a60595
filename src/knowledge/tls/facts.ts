/*
 * TLS knowledge, the language-neutral half: protocol versions, record content types,
 * handshake message types, extensions, alerts, named groups, cipher suites (by IANA code
 * point), the parts a cipher suite name is made of, the NSS key-log labels and the
 * "how to get the keys" recipes, each with the document that defines it. The words live in
 * `en.ts` and `zh.ts`, keyed by the same ids and checked against `TlsTexts` (types.ts), so
 * a missing or stray translation fails to compile.
 *
 * Code points and names follow the IANA "TLS Parameters" registries; the cipher suite
 * names were checked against Wireshark 4.0's table (test/tls-knowledge.test.ts compares
 * them with `tshark -G values`). Suites Wireshark knows that IANA never registered (SSL 2
 * era FIPS suites, Chinese SM1 national suites, GOST drafts, eSTREAM) are left out and
 * shown as unknown.
 */

import type { Reference } from '../types.js';

const rfc = (number: number, section?: string): Reference => (section ? { rfc: number, section } : { rfc: number });
const spec = (source: string): Reference => ({ rfc: 0, source });


// ---------------------------------------------------------------------------------------
// Versions
// ---------------------------------------------------------------------------------------

export interface TlsVersionFact {
  name: string;
  ref: Reference;
  /** Prohibited or deprecated (SSL 3.0 by RFC 7568, TLS 1.0 and 1.1 by RFC 8996). */
  deprecated: boolean;
}

export const TLS_VERSIONS = {
  0x0300: { name: 'SSL 3.0', ref: rfc(6101), deprecated: true },
  0x0301: { name: 'TLS 1.0', ref: rfc(2246), deprecated: true },
  0x0302: { name: 'TLS 1.1', ref: rfc(4346), deprecated: true },
  0x0303: { name: 'TLS 1.2', ref: rfc(5246), deprecated: false },
  0x0304: { name: 'TLS 1.3', ref: rfc(8446), deprecated: false },
} as const satisfies Record<number, TlsVersionFact>;
export type TlsVersionId = keyof typeof TLS_VERSIONS;

// ---------------------------------------------------------------------------------------
// Record content types (RFC 8446 section 5.1, RFC 5246 section 6.2.1)
// ---------------------------------------------------------------------------------------

export interface TlsNamedFact {
  /** The name as the registry spells it. */
  name: string;
  ref: Reference;
}

export const CONTENT_TYPES = {
  20: { name: 'change_cipher_spec', ref: rfc(5246, '7.1') },
  21: { name: 'alert', ref: rfc(8446, '6') },
  22: { name: 'handshake', ref: rfc(8446, '4') },
  23: { name: 'application_data', ref: rfc(8446, '5.1') },
  24: { name: 'heartbeat', ref: rfc(6520, '3') },
} as const satisfies Record<number, TlsNamedFact>;
export type ContentTypeId = keyof typeof CONTENT_TYPES;

// ---------------------------------------------------------------------------------------
// Handshake message types (TLS HandshakeType registry)
// ---------------------------------------------------------------------------------------

export const HANDSHAKE_TYPES = {
  0: { name: 'hello_request', ref: rfc(5246, '7.4.1.1') },
  1: { name: 'client_hello', ref: rfc(8446, '4.1.2') },
  2: { name: 'server_hello', ref: rfc(8446, '4.1.3') },
  3: { name: 'hello_verify_request', ref: rfc(6347, '4.2.1') },
  4: { name: 'new_session_ticket', ref: rfc(8446, '4.6.1') },
  5: { name: 'end_of_early_data', ref: rfc(8446, '4.5') },
  8: { name: 'encrypted_extensions', ref: rfc(8446, '4.3.1') },
  11: { name: 'certificate', ref: rfc(8446, '4.4.2') },
  12: { name: 'server_key_exchange', ref: rfc(5246, '7.4.3') },
  13: { name: 'certificate_request', ref: rfc(8446, '4.3.2') },
  14: { name: 'server_hello_done', ref: rfc(5246, '7.4.5') },
  15: { name: 'certificate_verify', ref: rfc(8446, '4.4.3') },
  16: { name: 'client_key_exchange', ref: rfc(5246, '7.4.7') },
  20: { name: 'finished', ref: rfc(8446, '4.4.4') },
  21: { name: 'certificate_url', ref: rfc(6066, '5') },
  22: { name: 'certificate_status', ref: rfc(6066, '8') },
  23: { name: 'supplemental_data', ref: rfc(4680) },
  24: { name: 'key_update', ref: rfc(8446, '4.6.3') },
  25: { name: 'compressed_certificate', ref: rfc(8879, '4') },
  254: { name: 'message_hash', ref: rfc(8446, '4.4.1') },
} as const satisfies Record<number, TlsNamedFact>;
export type HandshakeTypeId = keyof typeof HANDSHAKE_TYPES;

// ---------------------------------------------------------------------------------------
// Extensions (TLS ExtensionType Values registry)
// ---------------------------------------------------------------------------------------

export const EXTENSIONS = {
  0: { name: 'server_name', ref: rfc(6066, '3') },
  1: { name: 'max_fragment_length', ref: rfc(6066, '4') },
  2: { name: 'client_certificate_url', ref: rfc(6066, '5') },
  3: { name: 'trusted_ca_keys', ref: rfc(6066, '6') },
  4: { name: 'truncated_hmac', ref: rfc(6066, '7') },
  5: { name: 'status_request', ref: rfc(6066, '8') },
  9: { name: 'cert_type', ref: rfc(6091) },
  10: { name: 'supported_groups', ref: rfc(8446, '4.2.7') },
  11: { name: 'ec_point_formats', ref: rfc(8422, '5.1.2') },
  12: { name: 'srp', ref: rfc(5054) },
  13: { name: 'signature_algorithms', ref: rfc(8446, '4.2.3') },
  14: { name: 'use_srtp', ref: rfc(5764, '4.1.1') },
  15: { name: 'heartbeat', ref: rfc(6520, '2') },
  16: { name: 'application_layer_protocol_negotiation', ref: rfc(7301, '3.1') },
  17: { name: 'status_request_v2', ref: rfc(6961) },
  18: { name: 'signed_certificate_timestamp', ref: rfc(6962, '3.3.1') },
  19: { name: 'client_certificate_type', ref: rfc(7250) },
  20: { name: 'server_certificate_type', ref: rfc(7250) },
  21: { name: 'padding', ref: rfc(7685) },
  22: { name: 'encrypt_then_mac', ref: rfc(7366, '2') },
  23: { name: 'extended_master_secret', ref: rfc(7627, '5.1') },
  24: { name: 'token_binding', ref: rfc(8472) },
  25: { name: 'cached_info', ref: rfc(7924) },
  27: { name: 'compress_certificate', ref: rfc(8879, '3') },
  28: { name: 'record_size_limit', ref: rfc(8449, '4') },
  34: { name: 'delegated_credential', ref: rfc(9345) },
  35: { name: 'session_ticket', ref: rfc(5077, '3.2') },
  41: { name: 'pre_shared_key', ref: rfc(8446, '4.2.11') },
  42: { name: 'early_data', ref: rfc(8446, '4.2.10') },
  43: { name: 'supported_versions', ref: rfc(8446, '4.2.1') },
  44: { name: 'cookie', ref: rfc(8446, '4.2.2') },
  45: { name: 'psk_key_exchange_modes', ref: rfc(8446, '4.2.9') },
  47: { name: 'certificate_authorities', ref: rfc(8446, '4.2.4') },
  48: { name: 'oid_filters', ref: rfc(8446, '4.2.5') },
  49: { name: 'post_handshake_auth', ref: rfc(8446, '4.2.6') },
  50: { name: 'signature_algorithms_cert', ref: rfc(8446, '4.2.3') },
  51: { name: 'key_share', ref: rfc(8446, '4.2.8') },
  57: { name: 'quic_transport_parameters', ref: rfc(9001, '8.2') },
  13172: { name: 'next_protocol_negotiation', ref: spec('draft-agl-tls-nextprotoneg') },
  17513: { name: 'application_settings', ref: spec('draft-vvv-tls-alps') },
  17613: { name: 'application_settings', ref: spec('draft-vvv-tls-alps') },
  65037: { name: 'encrypted_client_hello', ref: spec('draft-ietf-tls-esni (Encrypted Client Hello)') },
  65281: { name: 'renegotiation_info', ref: rfc(5746, '3.2') },
} as const satisfies Record<number, TlsNamedFact>;
/** GREASE values (isGrease) are not listed: they share the note "grease". */
export type ExtensionId = keyof typeof EXTENSIONS;

// ---------------------------------------------------------------------------------------
// Alerts (TLS Alerts registry; RFC 8446 section 6)
// ---------------------------------------------------------------------------------------

export const ALERT_LEVELS = {
  1: { name: 'warning', ref: rfc(5246, '7.2') },
  2: { name: 'fatal', ref: rfc(5246, '7.2') },
} as const satisfies Record<number, TlsNamedFact>;
export type AlertLevelId = keyof typeof ALERT_LEVELS;

export const ALERTS = {
  0: { name: 'close_notify', ref: rfc(8446, '6.1') },
  10: { name: 'unexpected_message', ref: rfc(8446, '6.2') },
  20: { name: 'bad_record_mac', ref: rfc(8446, '6.2') },
  21: { name: 'decryption_failed', ref: rfc(5246, '7.2.2') },
  22: { name: 'record_overflow', ref: rfc(8446, '6.2') },
  30: { name: 'decompression_failure', ref: rfc(5246, '7.2.2') },
  40: { name: 'handshake_failure', ref: rfc(8446, '6.2') },
  41: { name: 'no_certificate', ref: rfc(6101, '5.4.2') },
  42: { name: 'bad_certificate', ref: rfc(8446, '6.2') },
  43: { name: 'unsupported_certificate', ref: rfc(8446, '6.2') },
  44: { name: 'certificate_revoked', ref: rfc(8446, '6.2') },
  45: { name: 'certificate_expired', ref: rfc(8446, '6.2') },
  46: { name: 'certificate_unknown', ref: rfc(8446, '6.2') },
  47: { name: 'illegal_parameter', ref: rfc(8446, '6.2') },
  48: { name: 'unknown_ca', ref: rfc(8446, '6.2') },
  49: { name: 'access_denied', ref: rfc(8446, '6.2') },
  50: { name: 'decode_error', ref: rfc(8446, '6.2') },
  51: { name: 'decrypt_error', ref: rfc(8446, '6.2') },
  60: { name: 'export_restriction', ref: rfc(4346, '7.2.2') },
  70: { name: 'protocol_version', ref: rfc(8446, '6.2') },
  71: { name: 'insufficient_security', ref: rfc(8446, '6.2') },
  80: { name: 'internal_error', ref: rfc(8446, '6.2') },
  86: { name: 'inappropriate_fallback', ref: rfc(7507, '3') },
  90: { name: 'user_canceled', ref: rfc(8446, '6.1') },
  100: { name: 'no_renegotiation', ref: rfc(5246, '7.2.2') },
  109: { name: 'missing_extension', ref: rfc(8446, '6.2') },
  110: { name: 'unsupported_extension', ref: rfc(8446, '6.2') },
  111: { name: 'certificate_unobtainable', ref: rfc(6066, '9') },
  112: { name: 'unrecognized_name', ref: rfc(8446, '6.2') },
  113: { name: 'bad_certificate_status_response', ref: rfc(8446, '6.2') },
  114: { name: 'bad_certificate_hash_value', ref: rfc(6066, '9') },
  115: { name: 'unknown_psk_identity', ref: rfc(8446, '6.2') },
  116: { name: 'certificate_required', ref: rfc(8446, '6.2') },
  120: { name: 'no_application_protocol', ref: rfc(7301, '3.2') },
  121: { name: 'ech_required', ref: spec('draft-ietf-tls-esni (Encrypted Client Hello)') },
} as const satisfies Record<number, TlsNamedFact>;
export type AlertId = keyof typeof ALERTS;

// ---------------------------------------------------------------------------------------
// Named groups (key exchange groups of key_share and supported_groups)
// ---------------------------------------------------------------------------------------

const MLKEM = spec('draft-ietf-tls-ecdhe-mlkem');

export const NAMED_GROUPS = {
  23: { name: 'secp256r1', ref: rfc(8422, '5.1.1') },
  24: { name: 'secp384r1', ref: rfc(8422, '5.1.1') },
  25: { name: 'secp521r1', ref: rfc(8422, '5.1.1') },
  26: { name: 'brainpoolP256r1', ref: rfc(7027) },
  27: { name: 'brainpoolP384r1', ref: rfc(7027) },
  28: { name: 'brainpoolP512r1', ref: rfc(7027) },
  29: { name: 'x25519', ref: rfc(8422, '5.1.1') },
  30: { name: 'x448', ref: rfc(8422, '5.1.1') },
  256: { name: 'ffdhe2048', ref: rfc(7919, '2') },
  257: { name: 'ffdhe3072', ref: rfc(7919, '2') },
  258: { name: 'ffdhe4096', ref: rfc(7919, '2') },
  259: { name: 'ffdhe6144', ref: rfc(7919, '2') },
  260: { name: 'ffdhe8192', ref: rfc(7919, '2') },
  0x11eb: { name: 'SecP256r1MLKEM768', ref: MLKEM },
  0x11ec: { name: 'X25519MLKEM768', ref: MLKEM },
  0x6399: { name: 'X25519Kyber768Draft00', ref: spec('draft-tls-westerbaan-xyber768d00') },
} as const satisfies Record<number, TlsNamedFact>;
export type NamedGroupId = keyof typeof NAMED_GROUPS;

// ---------------------------------------------------------------------------------------
// Cipher suites (TLS Cipher Suites registry), by code point
// ---------------------------------------------------------------------------------------

/** ChaCha20-Poly1305 as Chrome first shipped it, before RFC 7905 gave it new code points. */
const PRE_STANDARD_CHACHA = spec('draft-agl-tls-chacha20poly1305');

/** GREASE values (isGrease) are not listed: they share the note "grease". */
export const CIPHER_SUITES: Record<number, TlsNamedFact> = {
  0x0000: { name: 'TLS_NULL_WITH_NULL_NULL', ref: rfc(5246, 'A.5') },
  0x0001: { name: 'TLS_RSA_WITH_NULL_MD5', ref: rfc(5246, 'A.5') },
  0x0002: { name: 'TLS_RSA_WITH_NULL_SHA', ref: rfc(5246, 'A.5') },
  0x0003: { name: 'TLS_RSA_EXPORT_WITH_RC4_40_MD5', ref: rfc(4346, 'A.5') },
  0x0004: { name: 'TLS_RSA_WITH_RC4_128_MD5', ref: rfc(5246, 'A.5') },
  0x0005: { name: 'TLS_RSA_WITH_RC4_128_SHA', ref: rfc(5246, 'A.5') },
  0x0006: { name: 'TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5', ref: rfc(4346, 'A.5') },
  0x0007: { name: 'TLS_RSA_WITH_IDEA_CBC_SHA', ref: rfc(5469) },
  0x0008: { name: 'TLS_RSA_EXPORT_WITH_DES40_CBC_SHA', ref: rfc(4346, 'A.5') },
  0x0009: { name: 'TLS_RSA_WITH_DES_CBC_SHA', ref: rfc(5469) },
  0x000a: { name: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x000b: { name: 'TLS_DH_DSS_EXPORT_WITH_DES40_CBC_SHA', ref: rfc(4346, 'A.5') },
  0x000c: { name: 'TLS_DH_DSS_WITH_DES_CBC_SHA', ref: rfc(5469) },
  0x000d: { name: 'TLS_DH_DSS_WITH_3DES_EDE_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x000e: { name: 'TLS_DH_RSA_EXPORT_WITH_DES40_CBC_SHA', ref: rfc(4346, 'A.5') },
  0x000f: { name: 'TLS_DH_RSA_WITH_DES_CBC_SHA', ref: rfc(5469) },
  0x0010: { name: 'TLS_DH_RSA_WITH_3DES_EDE_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x0011: { name: 'TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA', ref: rfc(4346, 'A.5') },
  0x0012: { name: 'TLS_DHE_DSS_WITH_DES_CBC_SHA', ref: rfc(5469) },
  0x0013: { name: 'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x0014: { name: 'TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA', ref: rfc(4346, 'A.5') },
  0x0015: { name: 'TLS_DHE_RSA_WITH_DES_CBC_SHA', ref: rfc(5469) },
  0x0016: { name: 'TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x0017: { name: 'TLS_DH_anon_EXPORT_WITH_RC4_40_MD5', ref: rfc(4346, 'A.5') },
  0x0018: { name: 'TLS_DH_anon_WITH_RC4_128_MD5', ref: rfc(5246, 'A.5') },
  0x0019: { name: 'TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA', ref: rfc(4346, 'A.5') },
  0x001a: { name: 'TLS_DH_anon_WITH_DES_CBC_SHA', ref: rfc(5469) },
  0x001b: { name: 'TLS_DH_anon_WITH_3DES_EDE_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x001e: { name: 'TLS_KRB5_WITH_DES_CBC_SHA', ref: rfc(2712) },
  0x001f: { name: 'TLS_KRB5_WITH_3DES_EDE_CBC_SHA', ref: rfc(2712) },
  0x0020: { name: 'TLS_KRB5_WITH_RC4_128_SHA', ref: rfc(2712) },
  0x0021: { name: 'TLS_KRB5_WITH_IDEA_CBC_SHA', ref: rfc(2712) },
  0x0022: { name: 'TLS_KRB5_WITH_DES_CBC_MD5', ref: rfc(2712) },
  0x0023: { name: 'TLS_KRB5_WITH_3DES_EDE_CBC_MD5', ref: rfc(2712) },
  0x0024: { name: 'TLS_KRB5_WITH_RC4_128_MD5', ref: rfc(2712) },
  0x0025: { name: 'TLS_KRB5_WITH_IDEA_CBC_MD5', ref: rfc(2712) },
  0x0026: { name: 'TLS_KRB5_EXPORT_WITH_DES_CBC_40_SHA', ref: rfc(2712) },
  0x0027: { name: 'TLS_KRB5_EXPORT_WITH_RC2_CBC_40_SHA', ref: rfc(2712) },
  0x0028: { name: 'TLS_KRB5_EXPORT_WITH_RC4_40_SHA', ref: rfc(2712) },
  0x0029: { name: 'TLS_KRB5_EXPORT_WITH_DES_CBC_40_MD5', ref: rfc(2712) },
  0x002a: { name: 'TLS_KRB5_EXPORT_WITH_RC2_CBC_40_MD5', ref: rfc(2712) },
  0x002b: { name: 'TLS_KRB5_EXPORT_WITH_RC4_40_MD5', ref: rfc(2712) },
  0x002c: { name: 'TLS_PSK_WITH_NULL_SHA', ref: rfc(4785) },
  0x002d: { name: 'TLS_DHE_PSK_WITH_NULL_SHA', ref: rfc(4785) },
  0x002e: { name: 'TLS_RSA_PSK_WITH_NULL_SHA', ref: rfc(4785) },
  0x002f: { name: 'TLS_RSA_WITH_AES_128_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x0030: { name: 'TLS_DH_DSS_WITH_AES_128_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x0031: { name: 'TLS_DH_RSA_WITH_AES_128_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x0032: { name: 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x0033: { name: 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x0034: { name: 'TLS_DH_anon_WITH_AES_128_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x0035: { name: 'TLS_RSA_WITH_AES_256_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x0036: { name: 'TLS_DH_DSS_WITH_AES_256_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x0037: { name: 'TLS_DH_RSA_WITH_AES_256_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x0038: { name: 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x0039: { name: 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x003a: { name: 'TLS_DH_anon_WITH_AES_256_CBC_SHA', ref: rfc(5246, 'A.5') },
  0x003b: { name: 'TLS_RSA_WITH_NULL_SHA256', ref: rfc(5246, 'A.5') },
  0x003c: { name: 'TLS_RSA_WITH_AES_128_CBC_SHA256', ref: rfc(5246, 'A.5') },
  0x003d: { name: 'TLS_RSA_WITH_AES_256_CBC_SHA256', ref: rfc(5246, 'A.5') },
  0x003e: { name: 'TLS_DH_DSS_WITH_AES_128_CBC_SHA256', ref: rfc(5246, 'A.5') },
  0x003f: { name: 'TLS_DH_RSA_WITH_AES_128_CBC_SHA256', ref: rfc(5246, 'A.5') },
  0x0040: { name: 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', ref: rfc(5246, 'A.5') },
  0x0041: { name: 'TLS_RSA_WITH_CAMELLIA_128_CBC_SHA', ref: rfc(5932) },
  0x0042: { name: 'TLS_DH_DSS_WITH_CAMELLIA_128_CBC_SHA', ref: rfc(5932) },
  0x0043: { name: 'TLS_DH_RSA_WITH_CAMELLIA_128_CBC_SHA', ref: rfc(5932) },
  0x0044: { name: 'TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA', ref: rfc(5932) },
  0x0045: { name: 'TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA', ref: rfc(5932) },
  0x0046: { name: 'TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA', ref: rfc(5932) },
  0x0067: { name: 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256', ref: rfc(5246, 'A.5') },
  0x0068: { name: 'TLS_DH_DSS_WITH_AES_256_CBC_SHA256', ref: rfc(5246, 'A.5') },
  0x0069: { name: 'TLS_DH_RSA_WITH_AES_256_CBC_SHA256', ref: rfc(5246, 'A.5') },
  0x006a: { name: 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', ref: rfc(5246, 'A.5') },
  0x006b: { name: 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA256', ref: rfc(5246, 'A.5') },
  0x006c: { name: 'TLS_DH_anon_WITH_AES_128_CBC_SHA256', ref: rfc(5246, 'A.5') },
  0x006d: { name: 'TLS_DH_anon_WITH_AES_256_CBC_SHA256', ref: rfc(5246, 'A.5') },
  0x0084: { name: 'TLS_RSA_WITH_CAMELLIA_256_CBC_SHA', ref: rfc(5932) },
  0x0085: { name: 'TLS_DH_DSS_WITH_CAMELLIA_256_CBC_SHA', ref: rfc(5932) },
  0x0086: { name: 'TLS_DH_RSA_WITH_CAMELLIA_256_CBC_SHA', ref: rfc(5932) },
  0x0087: { name: 'TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA', ref: rfc(5932) },
  0x0088: { name: 'TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA', ref: rfc(5932) },
  0x0089: { name: 'TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA', ref: rfc(5932) },
  0x008a: { name: 'TLS_PSK_WITH_RC4_128_SHA', ref: rfc(4279) },
  0x008b: { name: 'TLS_PSK_WITH_3DES_EDE_CBC_SHA', ref: rfc(4279) },
  0x008c: { name: 'TLS_PSK_WITH_AES_128_CBC_SHA', ref: rfc(4279) },
  0x008d: { name: 'TLS_PSK_WITH_AES_256_CBC_SHA', ref: rfc(4279) },
  0x008e: { name: 'TLS_DHE_PSK_WITH_RC4_128_SHA', ref: rfc(4279) },
  0x008f: { name: 'TLS_DHE_PSK_WITH_3DES_EDE_CBC_SHA', ref: rfc(4279) },
  0x0090: { name: 'TLS_DHE_PSK_WITH_AES_128_CBC_SHA', ref: rfc(4279) },
  0x0091: { name: 'TLS_DHE_PSK_WITH_AES_256_CBC_SHA', ref: rfc(4279) },
  0x0092: { name: 'TLS_RSA_PSK_WITH_RC4_128_SHA', ref: rfc(4279) },
  0x0093: { name: 'TLS_RSA_PSK_WITH_3DES_EDE_CBC_SHA', ref: rfc(4279) },
  0x0094: { name: 'TLS_RSA_PSK_WITH_AES_128_CBC_SHA', ref: rfc(4279) },
  0x0095: { name: 'TLS_RSA_PSK_WITH_AES_256_CBC_SHA', ref: rfc(4279) },
  0x0096: { name: 'TLS_RSA_WITH_SEED_CBC_SHA', ref: rfc(4162) },
  0x0097: { name: 'TLS_DH_DSS_WITH_SEED_CBC_SHA', ref: rfc(4162) },
  0x0098: { name: 'TLS_DH_RSA_WITH_SEED_CBC_SHA', ref: rfc(4162) },
  0x0099: { name: 'TLS_DHE_DSS_WITH_SEED_CBC_SHA', ref: rfc(4162) },
  0x009a: { name: 'TLS_DHE_RSA_WITH_SEED_CBC_SHA', ref: rfc(4162) },
  0x009b: { name: 'TLS_DH_anon_WITH_SEED_CBC_SHA', ref: rfc(4162) },
  0x009c: { name: 'TLS_RSA_WITH_AES_128_GCM_SHA256', ref: rfc(5288, '3') },
  0x009d: { name: 'TLS_RSA_WITH_AES_256_GCM_SHA384', ref: rfc(5288, '3') },
  0x009e: { name: 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', ref: rfc(5288, '3') },
  0x009f: { name: 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', ref: rfc(5288, '3') },
  0x00a0: { name: 'TLS_DH_RSA_WITH_AES_128_GCM_SHA256', ref: rfc(5288, '3') },
  0x00a1: { name: 'TLS_DH_RSA_WITH_AES_256_GCM_SHA384', ref: rfc(5288, '3') },
  0x00a2: { name: 'TLS_DHE_DSS_WITH_AES_128_GCM_SHA256', ref: rfc(5288, '3') },
  0x00a3: { name: 'TLS_DHE_DSS_WITH_AES_256_GCM_SHA384', ref: rfc(5288, '3') },
  0x00a4: { name: 'TLS_DH_DSS_WITH_AES_128_GCM_SHA256', ref: rfc(5288, '3') },
  0x00a5: { name: 'TLS_DH_DSS_WITH_AES_256_GCM_SHA384', ref: rfc(5288, '3') },
  0x00a6: { name: 'TLS_DH_anon_WITH_AES_128_GCM_SHA256', ref: rfc(5288, '3') },
  0x00a7: { name: 'TLS_DH_anon_WITH_AES_256_GCM_SHA384', ref: rfc(5288, '3') },
  0x00a8: { name: 'TLS_PSK_WITH_AES_128_GCM_SHA256', ref: rfc(5487) },
  0x00a9: { name: 'TLS_PSK_WITH_AES_256_GCM_SHA384', ref: rfc(5487) },
  0x00aa: { name: 'TLS_DHE_PSK_WITH_AES_128_GCM_SHA256', ref: rfc(5487) },
  0x00ab: { name: 'TLS_DHE_PSK_WITH_AES_256_GCM_SHA384', ref: rfc(5487) },
  0x00ac: { name: 'TLS_RSA_PSK_WITH_AES_128_GCM_SHA256', ref: rfc(5487) },
  0x00ad: { name: 'TLS_RSA_PSK_WITH_AES_256_GCM_SHA384', ref: rfc(5487) },
  0x00ae: { name: 'TLS_PSK_WITH_AES_128_CBC_SHA256', ref: rfc(5487) },
  0x00af: { name: 'TLS_PSK_WITH_AES_256_CBC_SHA384', ref: rfc(5487) },
  0x00b0: { name: 'TLS_PSK_WITH_NULL_SHA256', ref: rfc(5487) },
  0x00b1: { name: 'TLS_PSK_WITH_NULL_SHA384', ref: rfc(5487) },
  0x00b2: { name: 'TLS_DHE_PSK_WITH_AES_128_CBC_SHA256', ref: rfc(5487) },
  0x00b3: { name: 'TLS_DHE_PSK_WITH_AES_256_CBC_SHA384', ref: rfc(5487) },
  0x00b4: { name: 'TLS_DHE_PSK_WITH_NULL_SHA256', ref: rfc(5487) },
  0x00b5: { name: 'TLS_DHE_PSK_WITH_NULL_SHA384', ref: rfc(5487) },
  0x00b6: { name: 'TLS_RSA_PSK_WITH_AES_128_CBC_SHA256', ref: rfc(5487) },
  0x00b7: { name: 'TLS_RSA_PSK_WITH_AES_256_CBC_SHA384', ref: rfc(5487) },
  0x00b8: { name: 'TLS_RSA_PSK_WITH_NULL_SHA256', ref: rfc(5487) },
  0x00b9: { name: 'TLS_RSA_PSK_WITH_NULL_SHA384', ref: rfc(5487) },
  0x00ba: { name: 'TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256', ref: rfc(5932) },
  0x00bb: { name: 'TLS_DH_DSS_WITH_CAMELLIA_128_CBC_SHA256', ref: rfc(5932) },
  0x00bc: { name: 'TLS_DH_RSA_WITH_CAMELLIA_128_CBC_SHA256', ref: rfc(5932) },
  0x00bd: { name: 'TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA256', ref: rfc(5932) },
  0x00be: { name: 'TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256', ref: rfc(5932) },
  0x00bf: { name: 'TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA256', ref: rfc(5932) },
  0x00c0: { name: 'TLS_RSA_WITH_CAMELLIA_256_CBC_SHA256', ref: rfc(5932) },
  0x00c1: { name: 'TLS_DH_DSS_WITH_CAMELLIA_256_CBC_SHA256', ref: rfc(5932) },
  0x00c2: { name: 'TLS_DH_RSA_WITH_CAMELLIA_256_CBC_SHA256', ref: rfc(5932) },
  0x00c3: { name: 'TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA256', ref: rfc(5932) },
  0x00c4: { name: 'TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256', ref: rfc(5932) },
  0x00c5: { name: 'TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA256', ref: rfc(5932) },
  0x00c6: { name: 'TLS_SM4_GCM_SM3', ref: rfc(8998) },
  0x00c7: { name: 'TLS_SM4_CCM_SM3', ref: rfc(8998) },
  0x00ff: { name: 'TLS_EMPTY_RENEGOTIATION_INFO_SCSV', ref: rfc(5746, '3.3') },
  0x1301: { name: 'TLS_AES_128_GCM_SHA256', ref: rfc(8446, 'B.4') },
  0x1302: { name: 'TLS_AES_256_GCM_SHA384', ref: rfc(8446, 'B.4') },
  0x1303: { name: 'TLS_CHACHA20_POLY1305_SHA256', ref: rfc(8446, 'B.4') },
  0x1304: { name: 'TLS_AES_128_CCM_SHA256', ref: rfc(8446, 'B.4') },
  0x1305: { name: 'TLS_AES_128_CCM_8_SHA256', ref: rfc(8446, 'B.4') },
  0x5600: { name: 'TLS_FALLBACK_SCSV', ref: rfc(7507) },
  0xc001: { name: 'TLS_ECDH_ECDSA_WITH_NULL_SHA', ref: rfc(4492, '6') },
  0xc002: { name: 'TLS_ECDH_ECDSA_WITH_RC4_128_SHA', ref: rfc(4492, '6') },
  0xc003: { name: 'TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA', ref: rfc(4492, '6') },
  0xc004: { name: 'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA', ref: rfc(4492, '6') },
  0xc005: { name: 'TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA', ref: rfc(4492, '6') },
  0xc006: { name: 'TLS_ECDHE_ECDSA_WITH_NULL_SHA', ref: rfc(8422, '6') },
  0xc007: { name: 'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA', ref: rfc(4492, '6') },
  0xc008: { name: 'TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA', ref: rfc(8422, '6') },
  0xc009: { name: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', ref: rfc(8422, '6') },
  0xc00a: { name: 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', ref: rfc(8422, '6') },
  0xc00b: { name: 'TLS_ECDH_RSA_WITH_NULL_SHA', ref: rfc(4492, '6') },
  0xc00c: { name: 'TLS_ECDH_RSA_WITH_RC4_128_SHA', ref: rfc(4492, '6') },
  0xc00d: { name: 'TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA', ref: rfc(4492, '6') },
  0xc00e: { name: 'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA', ref: rfc(4492, '6') },
  0xc00f: { name: 'TLS_ECDH_RSA_WITH_AES_256_CBC_SHA', ref: rfc(4492, '6') },
  0xc010: { name: 'TLS_ECDHE_RSA_WITH_NULL_SHA', ref: rfc(8422, '6') },
  0xc011: { name: 'TLS_ECDHE_RSA_WITH_RC4_128_SHA', ref: rfc(4492, '6') },
  0xc012: { name: 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', ref: rfc(8422, '6') },
  0xc013: { name: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', ref: rfc(8422, '6') },
  0xc014: { name: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', ref: rfc(8422, '6') },
  0xc015: { name: 'TLS_ECDH_anon_WITH_NULL_SHA', ref: rfc(4492, '6') },
  0xc016: { name: 'TLS_ECDH_anon_WITH_RC4_128_SHA', ref: rfc(4492, '6') },
  0xc017: { name: 'TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA', ref: rfc(4492, '6') },
  0xc018: { name: 'TLS_ECDH_anon_WITH_AES_128_CBC_SHA', ref: rfc(4492, '6') },
  0xc019: { name: 'TLS_ECDH_anon_WITH_AES_256_CBC_SHA', ref: rfc(4492, '6') },
  0xc01a: { name: 'TLS_SRP_SHA_WITH_3DES_EDE_CBC_SHA', ref: rfc(5054) },
  0xc01b: { name: 'TLS_SRP_SHA_RSA_WITH_3DES_EDE_CBC_SHA', ref: rfc(5054) },
  0xc01c: { name: 'TLS_SRP_SHA_DSS_WITH_3DES_EDE_CBC_SHA', ref: rfc(5054) },
  0xc01d: { name: 'TLS_SRP_SHA_WITH_AES_128_CBC_SHA', ref: rfc(5054) },
  0xc01e: { name: 'TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA', ref: rfc(5054) },
  0xc01f: { name: 'TLS_SRP_SHA_DSS_WITH_AES_128_CBC_SHA', ref: rfc(5054) },
  0xc020: { name: 'TLS_SRP_SHA_WITH_AES_256_CBC_SHA', ref: rfc(5054) },
  0xc021: { name: 'TLS_SRP_SHA_RSA_WITH_AES_256_CBC_SHA', ref: rfc(5054) },
  0xc022: { name: 'TLS_SRP_SHA_DSS_WITH_AES_256_CBC_SHA', ref: rfc(5054) },
  0xc023: { name: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', ref: rfc(5289, '3') },
  0xc024: { name: 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', ref: rfc(5289, '3') },
  0xc025: { name: 'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256', ref: rfc(5289, '3') },
  0xc026: { name: 'TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384', ref: rfc(5289, '3') },
  0xc027: { name: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', ref: rfc(5289, '3') },
  0xc028: { name: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', ref: rfc(5289, '3') },
  0xc029: { name: 'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256', ref: rfc(5289, '3') },
  0xc02a: { name: 'TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384', ref: rfc(5289, '3') },
  0xc02b: { name: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', ref: rfc(5289, '3') },
  0xc02c: { name: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', ref: rfc(5289, '3') },
  0xc02d: { name: 'TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256', ref: rfc(5289, '3') },
  0xc02e: { name: 'TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384', ref: rfc(5289, '3') },
  0xc02f: { name: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', ref: rfc(5289, '3') },
  0xc030: { name: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', ref: rfc(5289, '3') },
  0xc031: { name: 'TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256', ref: rfc(5289, '3') },
  0xc032: { name: 'TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384', ref: rfc(5289, '3') },
  0xc033: { name: 'TLS_ECDHE_PSK_WITH_RC4_128_SHA', ref: rfc(5489) },
  0xc034: { name: 'TLS_ECDHE_PSK_WITH_3DES_EDE_CBC_SHA', ref: rfc(5489) },
  0xc035: { name: 'TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA', ref: rfc(5489) },
  0xc036: { name: 'TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA', ref: rfc(5489) },
  0xc037: { name: 'TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256', ref: rfc(5489) },
  0xc038: { name: 'TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA384', ref: rfc(5489) },
  0xc039: { name: 'TLS_ECDHE_PSK_WITH_NULL_SHA', ref: rfc(5489) },
  0xc03a: { name: 'TLS_ECDHE_PSK_WITH_NULL_SHA256', ref: rfc(5489) },
  0xc03b: { name: 'TLS_ECDHE_PSK_WITH_NULL_SHA384', ref: rfc(5489) },
  0xc03c: { name: 'TLS_RSA_WITH_ARIA_128_CBC_SHA256', ref: rfc(6209) },
  0xc03d: { name: 'TLS_RSA_WITH_ARIA_256_CBC_SHA384', ref: rfc(6209) },
  0xc03e: { name: 'TLS_DH_DSS_WITH_ARIA_128_CBC_SHA256', ref: rfc(6209) },
  0xc03f: { name: 'TLS_DH_DSS_WITH_ARIA_256_CBC_SHA384', ref: rfc(6209) },
  0xc040: { name: 'TLS_DH_RSA_WITH_ARIA_128_CBC_SHA256', ref: rfc(6209) },
  0xc041: { name: 'TLS_DH_RSA_WITH_ARIA_256_CBC_SHA384', ref: rfc(6209) },
  0xc042: { name: 'TLS_DHE_DSS_WITH_ARIA_128_CBC_SHA256', ref: rfc(6209) },
  0xc043: { name: 'TLS_DHE_DSS_WITH_ARIA_256_CBC_SHA384', ref: rfc(6209) },
  0xc044: { name: 'TLS_DHE_RSA_WITH_ARIA_128_CBC_SHA256', ref: rfc(6209) },
  0xc045: { name: 'TLS_DHE_RSA_WITH_ARIA_256_CBC_SHA384', ref: rfc(6209) },
  0xc046: { name: 'TLS_DH_anon_WITH_ARIA_128_CBC_SHA256', ref: rfc(6209) },
  0xc047: { name: 'TLS_DH_anon_WITH_ARIA_256_CBC_SHA384', ref: rfc(6209) },
  0xc048: { name: 'TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256', ref: rfc(6209) },
  0xc049: { name: 'TLS_ECDHE_ECDSA_WITH_ARIA_256_CBC_SHA384', ref: rfc(6209) },
  0xc04a: { name: 'TLS_ECDH_ECDSA_WITH_ARIA_128_CBC_SHA256', ref: rfc(6209) },
  0xc04b: { name: 'TLS_ECDH_ECDSA_WITH_ARIA_256_CBC_SHA384', ref: rfc(6209) },
  0xc04c: { name: 'TLS_ECDHE_RSA_WITH_ARIA_128_CBC_SHA256', ref: rfc(6209) },
  0xc04d: { name: 'TLS_ECDHE_RSA_WITH_ARIA_256_CBC_SHA384', ref: rfc(6209) },
  0xc04e: { name: 'TLS_ECDH_RSA_WITH_ARIA_128_CBC_SHA256', ref: rfc(6209) },
  0xc04f: { name: 'TLS_ECDH_RSA_WITH_ARIA_256_CBC_SHA384', ref: rfc(6209) },
  0xc050: { name: 'TLS_RSA_WITH_ARIA_128_GCM_SHA256', ref: rfc(6209) },
  0xc051: { name: 'TLS_RSA_WITH_ARIA_256_GCM_SHA384', ref: rfc(6209) },
  0xc052: { name: 'TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256', ref: rfc(6209) },
  0xc053: { name: 'TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384', ref: rfc(6209) },
  0xc054: { name: 'TLS_DH_RSA_WITH_ARIA_128_GCM_SHA256', ref: rfc(6209) },
  0xc055: { name: 'TLS_DH_RSA_WITH_ARIA_256_GCM_SHA384', ref: rfc(6209) },
  0xc056: { name: 'TLS_DHE_DSS_WITH_ARIA_128_GCM_SHA256', ref: rfc(6209) },
  0xc057: { name: 'TLS_DHE_DSS_WITH_ARIA_256_GCM_SHA384', ref: rfc(6209) },
  0xc058: { name: 'TLS_DH_DSS_WITH_ARIA_128_GCM_SHA256', ref: rfc(6209) },
  0xc059: { name: 'TLS_DH_DSS_WITH_ARIA_256_GCM_SHA384', ref: rfc(6209) },
  0xc05a: { name: 'TLS_DH_anon_WITH_ARIA_128_GCM_SHA256', ref: rfc(6209) },
  0xc05b: { name: 'TLS_DH_anon_WITH_ARIA_256_GCM_SHA384', ref: rfc(6209) },
  0xc05c: { name: 'TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256', ref: rfc(6209) },
  0xc05d: { name: 'TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384', ref: rfc(6209) },
  0xc05e: { name: 'TLS_ECDH_ECDSA_WITH_ARIA_128_GCM_SHA256', ref: rfc(6209) },
  0xc05f: { name: 'TLS_ECDH_ECDSA_WITH_ARIA_256_GCM_SHA384', ref: rfc(6209) },
  0xc060: { name: 'TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256', ref: rfc(6209) },
  0xc061: { name: 'TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384', ref: rfc(6209) },
  0xc062: { name: 'TLS_ECDH_RSA_WITH_ARIA_128_GCM_SHA256', ref: rfc(6209) },
  0xc063: { name: 'TLS_ECDH_RSA_WITH_ARIA_256_GCM_SHA384', ref: rfc(6209) },
  0xc064: { name: 'TLS_PSK_WITH_ARIA_128_CBC_SHA256', ref: rfc(6209) },
  0xc065: { name: 'TLS_PSK_WITH_ARIA_256_CBC_SHA384', ref: rfc(6209) },
  0xc066: { name: 'TLS_DHE_PSK_WITH_ARIA_128_CBC_SHA256', ref: rfc(6209) },
  0xc067: { name: 'TLS_DHE_PSK_WITH_ARIA_256_CBC_SHA384', ref: rfc(6209) },
  0xc068: { name: 'TLS_RSA_PSK_WITH_ARIA_128_CBC_SHA256', ref: rfc(6209) },
  0xc069: { name: 'TLS_RSA_PSK_WITH_ARIA_256_CBC_SHA384', ref: rfc(6209) },
  0xc06a: { name: 'TLS_PSK_WITH_ARIA_128_GCM_SHA256', ref: rfc(6209) },
  0xc06b: { name: 'TLS_PSK_WITH_ARIA_256_GCM_SHA384', ref: rfc(6209) },
  0xc06c: { name: 'TLS_DHE_PSK_WITH_ARIA_128_GCM_SHA256', ref: rfc(6209) },
  0xc06d: { name: 'TLS_DHE_PSK_WITH_ARIA_256_GCM_SHA384', ref: rfc(6209) },
  0xc06e: { name: 'TLS_RSA_PSK_WITH_ARIA_128_GCM_SHA256', ref: rfc(6209) },
  0xc06f: { name: 'TLS_RSA_PSK_WITH_ARIA_256_GCM_SHA384', ref: rfc(6209) },
  0xc070: { name: 'TLS_ECDHE_PSK_WITH_ARIA_128_CBC_SHA256', ref: rfc(6209) },
  0xc071: { name: 'TLS_ECDHE_PSK_WITH_ARIA_256_CBC_SHA384', ref: rfc(6209) },
  0xc072: { name: 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256', ref: rfc(6367) },
  0xc073: { name: 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384', ref: rfc(6367) },
  0xc074: { name: 'TLS_ECDH_ECDSA_WITH_CAMELLIA_128_CBC_SHA256', ref: rfc(6367) },
  0xc075: { name: 'TLS_ECDH_ECDSA_WITH_CAMELLIA_256_CBC_SHA384', ref: rfc(6367) },
  0xc076: { name: 'TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256', ref: rfc(6367) },
  0xc077: { name: 'TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384', ref: rfc(6367) },
  0xc078: { name: 'TLS_ECDH_RSA_WITH_CAMELLIA_128_CBC_SHA256', ref: rfc(6367) },
  0xc079: { name: 'TLS_ECDH_RSA_WITH_CAMELLIA_256_CBC_SHA384', ref: rfc(6367) },
  0xc07a: { name: 'TLS_RSA_WITH_CAMELLIA_128_GCM_SHA256', ref: rfc(6367) },
  0xc07b: { name: 'TLS_RSA_WITH_CAMELLIA_256_GCM_SHA384', ref: rfc(6367) },
  0xc07c: { name: 'TLS_DHE_RSA_WITH_CAMELLIA_128_GCM_SHA256', ref: rfc(6367) },
  0xc07d: { name: 'TLS_DHE_RSA_WITH_CAMELLIA_256_GCM_SHA384', ref: rfc(6367) },
  0xc07e: { name: 'TLS_DH_RSA_WITH_CAMELLIA_128_GCM_SHA256', ref: rfc(6367) },
  0xc07f: { name: 'TLS_DH_RSA_WITH_CAMELLIA_256_GCM_SHA384', ref: rfc(6367) },
  0xc080: { name: 'TLS_DHE_DSS_WITH_CAMELLIA_128_GCM_SHA256', ref: rfc(6367) },
  0xc081: { name: 'TLS_DHE_DSS_WITH_CAMELLIA_256_GCM_SHA384', ref: rfc(6367) },
  0xc082: { name: 'TLS_DH_DSS_WITH_CAMELLIA_128_GCM_SHA256', ref: rfc(6367) },
  0xc083: { name: 'TLS_DH_DSS_WITH_CAMELLIA_256_GCM_SHA384', ref: rfc(6367) },
  0xc084: { name: 'TLS_DH_anon_WITH_CAMELLIA_128_GCM_SHA256', ref: rfc(6367) },
  0xc085: { name: 'TLS_DH_anon_WITH_CAMELLIA_256_GCM_SHA384', ref: rfc(6367) },
  0xc086: { name: 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256', ref: rfc(6367) },
  0xc087: { name: 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384', ref: rfc(6367) },
  0xc088: { name: 'TLS_ECDH_ECDSA_WITH_CAMELLIA_128_GCM_SHA256', ref: rfc(6367) },
  0xc089: { name: 'TLS_ECDH_ECDSA_WITH_CAMELLIA_256_GCM_SHA384', ref: rfc(6367) },
  0xc08a: { name: 'TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256', ref: rfc(6367) },
  0xc08b: { name: 'TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384', ref: rfc(6367) },
  0xc08c: { name: 'TLS_ECDH_RSA_WITH_CAMELLIA_128_GCM_SHA256', ref: rfc(6367) },
  0xc08d: { name: 'TLS_ECDH_RSA_WITH_CAMELLIA_256_GCM_SHA384', ref: rfc(6367) },
  0xc08e: { name: 'TLS_PSK_WITH_CAMELLIA_128_GCM_SHA256', ref: rfc(6367) },
  0xc08f: { name: 'TLS_PSK_WITH_CAMELLIA_256_GCM_SHA384', ref: rfc(6367) },
  0xc090: { name: 'TLS_DHE_PSK_WITH_CAMELLIA_128_GCM_SHA256', ref: rfc(6367) },
  0xc091: { name: 'TLS_DHE_PSK_WITH_CAMELLIA_256_GCM_SHA384', ref: rfc(6367) },
  0xc092: { name: 'TLS_RSA_PSK_WITH_CAMELLIA_128_GCM_SHA256', ref: rfc(6367) },
  0xc093: { name: 'TLS_RSA_PSK_WITH_CAMELLIA_256_GCM_SHA384', ref: rfc(6367) },
  0xc094: { name: 'TLS_PSK_WITH_CAMELLIA_128_CBC_SHA256', ref: rfc(6367) },
  0xc095: { name: 'TLS_PSK_WITH_CAMELLIA_256_CBC_SHA384', ref: rfc(6367) },
  0xc096: { name: 'TLS_DHE_PSK_WITH_CAMELLIA_128_CBC_SHA256', ref: rfc(6367) },
  0xc097: { name: 'TLS_DHE_PSK_WITH_CAMELLIA_256_CBC_SHA384', ref: rfc(6367) },
  0xc098: { name: 'TLS_RSA_PSK_WITH_CAMELLIA_128_CBC_SHA256', ref: rfc(6367) },
  0xc099: { name: 'TLS_RSA_PSK_WITH_CAMELLIA_256_CBC_SHA384', ref: rfc(6367) },
  0xc09a: { name: 'TLS_ECDHE_PSK_WITH_CAMELLIA_128_CBC_SHA256', ref: rfc(6367) },
  0xc09b: { name: 'TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384', ref: rfc(6367) },
  0xc09c: { name: 'TLS_RSA_WITH_AES_128_CCM', ref: rfc(6655) },
  0xc09d: { name: 'TLS_RSA_WITH_AES_256_CCM', ref: rfc(6655) },
  0xc09e: { name: 'TLS_DHE_RSA_WITH_AES_128_CCM', ref: rfc(6655) },
  0xc09f: { name: 'TLS_DHE_RSA_WITH_AES_256_CCM', ref: rfc(6655) },
  0xc0a0: { name: 'TLS_RSA_WITH_AES_128_CCM_8', ref: rfc(6655) },
  0xc0a1: { name: 'TLS_RSA_WITH_AES_256_CCM_8', ref: rfc(6655) },
  0xc0a2: { name: 'TLS_DHE_RSA_WITH_AES_128_CCM_8', ref: rfc(6655) },
  0xc0a3: { name: 'TLS_DHE_RSA_WITH_AES_256_CCM_8', ref: rfc(6655) },
  0xc0a4: { name: 'TLS_PSK_WITH_AES_128_CCM', ref: rfc(6655) },
  0xc0a5: { name: 'TLS_PSK_WITH_AES_256_CCM', ref: rfc(6655) },
  0xc0a6: { name: 'TLS_DHE_PSK_WITH_AES_128_CCM', ref: rfc(6655) },
  0xc0a7: { name: 'TLS_DHE_PSK_WITH_AES_256_CCM', ref: rfc(6655) },
  0xc0a8: { name: 'TLS_PSK_WITH_AES_128_CCM_8', ref: rfc(6655) },
  0xc0a9: { name: 'TLS_PSK_WITH_AES_256_CCM_8', ref: rfc(6655) },
  0xc0aa: { name: 'TLS_PSK_DHE_WITH_AES_128_CCM_8', ref: rfc(6655) },
  0xc0ab: { name: 'TLS_PSK_DHE_WITH_AES_256_CCM_8', ref: rfc(6655) },
  0xc0ac: { name: 'TLS_ECDHE_ECDSA_WITH_AES_128_CCM', ref: rfc(7251) },
  0xc0ad: { name: 'TLS_ECDHE_ECDSA_WITH_AES_256_CCM', ref: rfc(7251) },
  0xc0ae: { name: 'TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8', ref: rfc(7251) },
  0xc0af: { name: 'TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8', ref: rfc(7251) },
  0xc0b0: { name: 'TLS_ECCPWD_WITH_AES_128_GCM_SHA256', ref: rfc(8492) },
  0xc0b1: { name: 'TLS_ECCPWD_WITH_AES_256_GCM_SHA384', ref: rfc(8492) },
  0xc0b2: { name: 'TLS_ECCPWD_WITH_AES_128_CCM_SHA256', ref: rfc(8492) },
  0xc0b3: { name: 'TLS_ECCPWD_WITH_AES_256_CCM_SHA384', ref: rfc(8492) },
  0xc0b4: { name: 'TLS_SHA256_SHA256', ref: rfc(9150) },
  0xc0b5: { name: 'TLS_SHA384_SHA384', ref: rfc(9150) },
  0xc100: { name: 'TLS_GOSTR341112_256_WITH_KUZNYECHIK_CTR_OMAC', ref: rfc(9189) },
  0xc101: { name: 'TLS_GOSTR341112_256_WITH_MAGMA_CTR_OMAC', ref: rfc(9189) },
  0xc102: { name: 'TLS_GOSTR341112_256_WITH_28147_CNT_IMIT', ref: rfc(9189) },
  0xc103: { name: 'TLS_GOSTR341112_256_WITH_KUZNYECHIK_MGM_L', ref: rfc(9367) },
  0xc104: { name: 'TLS_GOSTR341112_256_WITH_MAGMA_MGM_L', ref: rfc(9367) },
  0xc105: { name: 'TLS_GOSTR341112_256_WITH_KUZNYECHIK_MGM_S', ref: rfc(9367) },
  0xc106: { name: 'TLS_GOSTR341112_256_WITH_MAGMA_MGM_S', ref: rfc(9367) },
  0xcc13: { name: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', ref: PRE_STANDARD_CHACHA },
  0xcc14: { name: 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', ref: PRE_STANDARD_CHACHA },
  0xcc15: { name: 'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256', ref: PRE_STANDARD_CHACHA },
  0xcca8: { name: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', ref: rfc(7905) },
  0xcca9: { name: 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', ref: rfc(7905) },
  0xccaa: { name: 'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256', ref: rfc(7905) },
  0xccab: { name: 'TLS_PSK_WITH_CHACHA20_POLY1305_SHA256', ref: rfc(7905) },
  0xccac: { name: 'TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256', ref: rfc(7905) },
  0xccad: { name: 'TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256', ref: rfc(7905) },
  0xccae: { name: 'TLS_RSA_PSK_WITH_CHACHA20_POLY1305_SHA256', ref: rfc(7905) },
  0xd001: { name: 'TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256', ref: rfc(8442) },
  0xd002: { name: 'TLS_ECDHE_PSK_WITH_AES_256_GCM_SHA384', ref: rfc(8442) },
  0xd003: { name: 'TLS_ECDHE_PSK_WITH_AES_128_CCM_8_SHA256', ref: rfc(8442) },
  0xd005: { name: 'TLS_ECDHE_PSK_WITH_AES_128_CCM_SHA256', ref: rfc(8442) },
};

// ---------------------------------------------------------------------------------------
// The parts a cipher suite is named after (see suites.ts): explained once each
// ---------------------------------------------------------------------------------------

/** How the two sides agree on the keys. */
export const KEY_EXCHANGES = {
  RSA: { ref: rfc(5246, '7.4.7.1') },
  DHE: { ref: rfc(5246, '7.4.3') },
  DH: { ref: rfc(5246, '7.4.7.2') },
  ECDHE: { ref: rfc(8422, '2') },
  ECDH: { ref: rfc(4492, '2') },
  PSK: { ref: rfc(4279, '2') },
  SRP: { ref: rfc(5054, '2') },
  KRB5: { ref: rfc(2712) },
  ECCPWD: { ref: rfc(8492) },
  GOST: { ref: rfc(9189) },
  NULL: { ref: rfc(5246, 'A.5') },
  TLS13: { ref: rfc(8446, '4.2.8') },
} as const satisfies Record<string, { ref: Reference }>;
export type KeyExchangeId = keyof typeof KEY_EXCHANGES;

/** How the server (and the key exchange) is authenticated. */
export const AUTHENTICATIONS = {
  RSA: { ref: rfc(8446, '4.4.3') },
  ECDSA: { ref: rfc(8422, '2') },
  DSS: { ref: rfc(5246, '7.4.3') },
  anon: { ref: rfc(5246, 'F.1.1.1') },
  PSK: { ref: rfc(4279, '2') },
  SRP: { ref: rfc(5054, '2') },
  KRB5: { ref: rfc(2712) },
  ECCPWD: { ref: rfc(8492) },
  GOST: { ref: rfc(9189) },
  NULL: { ref: rfc(5246, 'A.5') },
  CERTIFICATE: { ref: rfc(8446, '4.4.2') },
} as const satisfies Record<string, { ref: Reference }>;
export type AuthenticationId = keyof typeof AUTHENTICATIONS;

/** The record cipher's family (the key size is in the suite's name). */
export const BULK_CIPHERS = {
  AES_GCM: { ref: rfc(5288, '3'), aead: true },
  AES_CCM: { ref: rfc(6655, '3'), aead: true },
  CHACHA20_POLY1305: { ref: rfc(7905, '2'), aead: true },
  AES_CBC: { ref: rfc(5246, '6.2.3.2'), aead: false },
  CAMELLIA_GCM: { ref: rfc(6367), aead: true },
  CAMELLIA_CBC: { ref: rfc(5932), aead: false },
  ARIA_GCM: { ref: rfc(6209), aead: true },
  ARIA_CBC: { ref: rfc(6209), aead: false },
  SEED_CBC: { ref: rfc(4162), aead: false },
  '3DES_EDE_CBC': { ref: rfc(5246, '6.2.3.2'), aead: false },
  DES_CBC: { ref: rfc(5469), aead: false },
  IDEA_CBC: { ref: rfc(5469), aead: false },
  RC2_CBC: { ref: rfc(4346, 'A.5'), aead: false },
  RC4: { ref: rfc(7465), aead: false },
  SM4_GCM: { ref: rfc(8998), aead: true },
  SM4_CCM: { ref: rfc(8998), aead: true },
  GOST: { ref: rfc(9189), aead: false },
  NULL: { ref: rfc(5246, '6.2.3.1'), aead: false },
} as const satisfies Record<string, { ref: Reference; aead: boolean }>;
export type BulkCipherId = keyof typeof BULK_CIPHERS;

/** The hash of the record MAC (CBC and stream suites) or of the key derivation (AEAD suites). */
export const SUITE_HASHES = {
  MD5: { ref: rfc(6151) },
  SHA: { ref: rfc(6194) },
  SHA256: { ref: rfc(6234) },
  SHA384: { ref: rfc(6234) },
  SM3: { ref: rfc(8998) },
  GOST: { ref: rfc(9189) },
} as const satisfies Record<string, { ref: Reference }>;
export type SuiteHashId = keyof typeof SUITE_HASHES;

// ---------------------------------------------------------------------------------------
// Key logs: the NSS key-log labels, and how to make a program write one
// ---------------------------------------------------------------------------------------

const KEYLOG_FORMAT = spec('NSS Key Log Format, draft-ietf-tls-keylogfile');

/** The key-log labels: those decryption needs, and those known but not needed. */
export const KEYLOG_LABELS = {
  CLIENT_RANDOM: { ref: KEYLOG_FORMAT, used: true },
  CLIENT_HANDSHAKE_TRAFFIC_SECRET: { ref: KEYLOG_FORMAT, used: true },
  SERVER_HANDSHAKE_TRAFFIC_SECRET: { ref: KEYLOG_FORMAT, used: true },
  CLIENT_TRAFFIC_SECRET_0: { ref: KEYLOG_FORMAT, used: true },
  SERVER_TRAFFIC_SECRET_0: { ref: KEYLOG_FORMAT, used: true },
  CLIENT_EARLY_TRAFFIC_SECRET: { ref: KEYLOG_FORMAT, used: false },
  EXPORTER_SECRET: { ref: KEYLOG_FORMAT, used: false },
  EARLY_EXPORTER_SECRET: { ref: KEYLOG_FORMAT, used: false },
} as const satisfies Record<string, { ref: Reference; used: boolean }>;
export type KeylogLabelId = keyof typeof KEYLOG_LABELS;

/** Ways to get the session keys of a capture (or to avoid needing them), each with its source. */
export const KEYLOG_RECIPES = {
  browserWindows: { ref: KEYLOG_FORMAT },
  browserMacos: { ref: KEYLOG_FORMAT },
  browserLinux: { ref: KEYLOG_FORMAT },
  curl: { ref: spec('curl SSLKEYLOGFILE') },
  python: { ref: spec('Python ssl.SSLContext.keylog_filename') },
  node: { ref: spec('Node.js --tls-keylog') },
  mailClients: { ref: spec('Mozilla NSS SSLKEYLOGFILE') },
  wireshark: { ref: spec('Wireshark User’s Guide') },
  plainHttp: { ref: rfc(9110, '4.2.1') },
  keepSecret: { ref: KEYLOG_FORMAT },
} as const satisfies Record<string, { ref: Reference }>;
export type KeylogRecipeId = keyof typeof KEYLOG_RECIPES;

/** Facts about one connection the report states in a sentence of its own. */
export const TLS_NOTES = {
  decryptedWithKeyLog: { ref: KEYLOG_FORMAT },
  noKeyLog: { ref: KEYLOG_FORMAT },
  keyNotInLog: { ref: KEYLOG_FORMAT },
  wrongKeys: { ref: rfc(8446, '5.2') },
  encryptedHandshake13: { ref: rfc(8446, '2') },
  helloRetryRequest: { ref: rfc(8446, '4.1.4') },
  resumed: { ref: rfc(5246, '7.3') },
  encryptThenMac: { ref: rfc(7366, '3') },
  keyUpdate: { ref: rfc(8446, '4.6.3') },
  sni: { ref: rfc(6066, '3') },
  alpn: { ref: rfc(7301, '3.1') },
  middleboxCcs: { ref: rfc(8446, 'D.4') },
  legacyVersion: { ref: rfc(8446, '4.1.2') },
  startTls: { ref: rfc(3207, '4') },
  grease: { ref: rfc(8701, '2') },
  implicitTls: { ref: rfc(8314, '3.3') },
} as const satisfies Record<string, { ref: Reference }>;
export type TlsNoteId = keyof typeof TLS_NOTES;
