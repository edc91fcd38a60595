import { createDecipheriv, createHmac, timingSafeEqual, type CipherCCMOptions } from 'node:crypto';
import type { DirectionKeys } from './keys.js';
import { tls13NextSecret, tls13TrafficKeys } from './keys.js';
import { CONTENT, type TlsRecord } from './record.js';
import type { RecordCipher, SuiteCrypto } from './suites.js';

/*
 * Record protection, undone: TLS 1.3 AEAD (RFC 8446 section 5.2), TLS 1.2 AEAD (RFC 5288,
 * RFC 6655, RFC 7905) and CBC with HMAC, MAC-then-encrypt (RFC 5246 section 6.2.3.2) or
 * encrypt-then-MAC (RFC 7366). Written on Node's crypto: no npm package decrypts recorded
 * TLS sessions. A record that fails its integrity check yields null, never bytes.
 */

/** A record's protected content, recovered and authenticated. */
export interface Decrypted {
  /** The real content type (TLS 1.3 hides it inside the encrypted record). */
  contentType: number;
  content: Buffer;
}

/** One direction's decryption state. */
export interface RecordDecrypter {
  /** The next record's sequence number (records decrypted or failed since the keys changed). */
  readonly sequence: number;
  /** Decrypt and authenticate a record; null if it fails (the sequence number moves on either way). */
  decrypt(record: TlsRecord): Decrypted | null;
  /** Bytes a record adds to its content (header, nonce, tag, MAC): for estimating what a gap lost. */
  readonly overhead: number;
  /** Set the sequence number (resynchronising after a gap). */
  seek(sequence: number): void;
}

/** The 8-byte big-endian sequence number. */
function seqBytes(seq: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt32BE(Math.floor(seq / 0x100000000), 0);
  b.writeUInt32BE(seq >>> 0, 4);
  return b;
}

/** The per-record nonce of TLS 1.3 and TLS 1.2 ChaCha20: the IV XOR the sequence number. */
function xorNonce(iv: Buffer, seq: number): Buffer {
  const nonce = Buffer.from(iv);
  const s = seqBytes(seq);
  for (let i = 0; i < 8; i++) nonce[nonce.length - 8 + i]! ^= s[i]!;
  return nonce;
}

/** AEAD open: the plaintext, or null when the tag does not verify. */
function aeadOpen(c: RecordCipher, key: Buffer, nonce: Buffer, aad: Buffer, ciphertext: Buffer, tag: Buffer): Buffer | null {
  try {
    if (c.mode === 'ccm') {
      const d = createDecipheriv(c.algorithm as 'aes-128-ccm', key, nonce, { authTagLength: c.tagLength } as CipherCCMOptions);
      d.setAuthTag(tag);
      d.setAAD(aad, { plaintextLength: ciphertext.length });
      const out = d.update(ciphertext);
      d.final();
      return out;
    }
    const d =
      c.mode === 'chacha'
        ? createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 })
        : createDecipheriv(c.algorithm as 'aes-128-gcm', key, nonce);
    d.setAAD(aad, { plaintextLength: ciphertext.length });
    d.setAuthTag(tag);
    return Buffer.concat([d.update(ciphertext), d.final()]);
  } catch {
    return null;
  }
}

/** TLS 1.3: one traffic secret's keys, renewed at each KeyUpdate. */
export class Tls13Decrypter implements RecordDecrypter {
  sequence = 0;
  private key: Buffer;
  private iv: Buffer;
  readonly overhead: number;

  constructor(
    private readonly suite: SuiteCrypto,
    private secret: Buffer,
  ) {
    ({ key: this.key, iv: this.iv } = tls13TrafficKeys(suite, secret));
    this.overhead = 5 + suite.cipher!.tagLength + 1;
  }

  /** The sender sent a KeyUpdate: its next records use the next generation of its secret. */
  keyUpdate(): void {
    this.secret = tls13NextSecret(this.suite, this.secret);
    ({ key: this.key, iv: this.iv } = tls13TrafficKeys(this.suite, this.secret));
    this.sequence = 0;
  }

  seek(sequence: number): void {
    this.sequence = sequence;
  }

  decrypt(record: TlsRecord): Decrypted | null {
    const c = this.suite.cipher!;
    const f = record.fragment;
    const seq = this.sequence++;
    if (f.length < c.tagLength + 1) return null;
    const plain = aeadOpen(c, this.key, xorNonce(this.iv, seq), record.header, f.subarray(0, f.length - c.tagLength), f.subarray(f.length - c.tagLength));
    if (!plain) return null;
    // TLSInnerPlaintext: content, the real content type, then zero padding (RFC 8446 section 5.2).
    let end = plain.length;
    while (end > 0 && plain[end - 1] === 0) end--;
    if (end === 0) return null;
    return { contentType: plain[end - 1]!, content: plain.subarray(0, end - 1) };
  }
}

/** TLS 1.0–1.2: one direction's keys from the key block. */
export class Tls12Decrypter implements RecordDecrypter {
  sequence = 0;
  readonly overhead: number;
  /** TLS 1.0 CBC: the IV of the next record is the last ciphertext block of the previous one. */
  private chainedIv: Buffer;

  constructor(
    private readonly suite: SuiteCrypto,
    private readonly version: number,
    private readonly keys: DirectionKeys,
    private readonly encryptThenMac: boolean,
  ) {
    const c = suite.cipher!;
    this.chainedIv = keys.iv;
    const explicitIv = c.mode === 'cbc' ? (version >= 0x0302 ? c.blockSize : 0) : c.recordIvLength;
    // A CBC record pads at least one byte; the estimate assumes the usual single block of padding or less.
    this.overhead = 5 + explicitIv + c.tagLength + suite.macLength + (c.mode === 'cbc' ? 1 : 0);
  }

  seek(sequence: number): void {
    this.sequence = sequence;
  }

  decrypt(record: TlsRecord): Decrypted | null {
    const seq = this.sequence++;
    return this.suite.cipher!.mode === 'cbc' ? this.cbc(record, seq) : this.aead(record, seq);
  }

  private additionalData(seq: number, type: number, length: number): Buffer {
    const ad = Buffer.alloc(13);
    seqBytes(seq).copy(ad, 0);
    ad[8] = type;
    ad.writeUInt16BE(this.version, 9);
    ad.writeUInt16BE(length, 11);
    return ad;
  }

  private aead(record: TlsRecord, seq: number): Decrypted | null {
    const c = this.suite.cipher!;
    const f = record.fragment;
    if (f.length < c.recordIvLength + c.tagLength) return null;
    const nonce = c.mode === 'chacha' ? xorNonce(this.keys.iv, seq) : Buffer.concat([this.keys.iv, f.subarray(0, c.recordIvLength)]);
    const ciphertext = f.subarray(c.recordIvLength, f.length - c.tagLength);
    const plain = aeadOpen(
      c,
      this.keys.key,
      nonce,
      this.additionalData(seq, record.contentType, ciphertext.length),
      ciphertext,
      f.subarray(f.length - c.tagLength),
    );
    return plain ? { contentType: record.contentType, content: plain } : null;
  }

  private mac(seq: number, type: number, data: Buffer): Buffer {
    return createHmac(this.suite.macHash!, this.keys.macKey)
      .update(this.additionalData(seq, type, data.length))
      .update(data)
      .digest();
  }

  private cbc(record: TlsRecord, seq: number): Decrypted | null {
    const c = this.suite.cipher!;
    const macLength = this.suite.macLength;
    let f = record.fragment;
    if (this.encryptThenMac) {
      if (f.length < macLength + c.blockSize) return null;
      const body = f.subarray(0, f.length - macLength);
      if (!equal(this.mac(seq, record.contentType, body), f.subarray(f.length - macLength))) {
        this.chain(body);
        return null;
      }
      f = body;
    }
    const explicit = this.version >= 0x0302;
    const iv = explicit ? f.subarray(0, c.blockSize) : this.chainedIv;
    const ciphertext = explicit ? f.subarray(c.blockSize) : f;
    if (ciphertext.length === 0 || ciphertext.length % c.blockSize !== 0 || iv.length !== c.blockSize) return null;
    this.chain(ciphertext);
    let plain: Buffer;
    try {
      const d = createDecipheriv(c.algorithm as 'aes-128-cbc', this.keys.key, iv).setAutoPadding(false);
      plain = Buffer.concat([d.update(ciphertext), d.final()]);
    } catch {
      return null;
    }
    // Padding: padLength + 1 bytes, each holding padLength (RFC 5246 section 6.2.3.2).
    const padLength = plain[plain.length - 1]!;
    const contentEnd = plain.length - padLength - 1 - (this.encryptThenMac ? 0 : macLength);
    if (contentEnd < 0) return null;
    for (let i = plain.length - padLength - 1; i < plain.length; i++) if (plain[i] !== padLength) return null;
    const content = plain.subarray(0, contentEnd);
    if (!this.encryptThenMac && !equal(this.mac(seq, record.contentType, content), plain.subarray(contentEnd, contentEnd + macLength))) return null;
    return { contentType: record.contentType, content };
  }

  private chain(ciphertext: Buffer): void {
    const c = this.suite.cipher!;
    if (this.version < 0x0302 && ciphertext.length >= c.blockSize) this.chainedIv = Buffer.from(ciphertext.subarray(ciphertext.length - c.blockSize));
  }
}

function equal(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a TLS 1.3 record is one the traffic keys protect (not the compatibility ChangeCipherSpec). */
export function isProtected13(record: TlsRecord): boolean {
  return record.contentType === CONTENT.APPLICATION_DATA;
}
