import { X509Certificate } from 'node:crypto';
import { SegmentList, type SegmentRef } from '../segments.js';

/** Handshake message types (RFC 8446 section 4). */
export const HANDSHAKE = {
  CLIENT_HELLO: 1,
  SERVER_HELLO: 2,
  NEW_SESSION_TICKET: 4,
  END_OF_EARLY_DATA: 5,
  ENCRYPTED_EXTENSIONS: 8,
  CERTIFICATE: 11,
  SERVER_KEY_EXCHANGE: 12,
  CERTIFICATE_REQUEST: 13,
  SERVER_HELLO_DONE: 14,
  CERTIFICATE_VERIFY: 15,
  CLIENT_KEY_EXCHANGE: 16,
  FINISHED: 20,
  KEY_UPDATE: 24,
} as const;

/** Extension code points read here. */
export const EXT = {
  SERVER_NAME: 0,
  SUPPORTED_GROUPS: 10,
  SIGNATURE_ALGORITHMS: 13,
  ALPN: 16,
  ENCRYPT_THEN_MAC: 22,
  EXTENDED_MASTER_SECRET: 23,
  SESSION_TICKET: 35,
  PRE_SHARED_KEY: 41,
  EARLY_DATA: 42,
  SUPPORTED_VERSIONS: 43,
  KEY_SHARE: 51,
} as const;

/** The ServerHello random that marks a HelloRetryRequest: SHA-256("HelloRetryRequest") (RFC 8446 section 4.1.3). */
const HELLO_RETRY_RANDOM = 'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c';

/** A bounded list: the first `limit` items, and how many more there were. */
export interface Listed<T> {
  items: T[];
  unlisted: number;
}

function listed<T>(all: T[], limit: number): Listed<T> {
  return { items: all.slice(0, limit), unlisted: Math.max(0, all.length - limit) };
}

/** A malformed handshake message: what is wrong, for a warning. */
export class HandshakeError extends Error {}

/** Reads big-endian fields of a handshake message, refusing to read past its end. */
class Fields {
  o = 0;
  constructor(
    readonly b: Buffer,
    readonly end = b.length,
  ) {}
  need(n: number, what: string): void {
    if (this.o + n > this.end) throw new HandshakeError(`${what} runs past the end of the message`);
  }
  u8(what: string): number {
    this.need(1, what);
    return this.b[this.o++]!;
  }
  u16(what: string): number {
    this.need(2, what);
    const v = this.b.readUInt16BE(this.o);
    this.o += 2;
    return v;
  }
  u24(what: string): number {
    this.need(3, what);
    const v = (this.b[this.o]! << 16) | this.b.readUInt16BE(this.o + 1);
    this.o += 3;
    return v;
  }
  bytes(n: number, what: string): Buffer {
    this.need(n, what);
    const v = this.b.subarray(this.o, this.o + n);
    this.o += n;
    return v;
  }
  /** A vector with a length prefix of 1, 2 or 3 bytes, as its own reader. */
  vector(lengthBytes: 1 | 2 | 3, what: string): Fields {
    const n = lengthBytes === 1 ? this.u8(what) : lengthBytes === 2 ? this.u16(what) : this.u24(what);
    this.need(n, what);
    const inner = new Fields(this.b, this.o + n);
    inner.o = this.o;
    this.o += n;
    return inner;
  }
  get left(): number {
    return this.end - this.o;
  }
}

/** One extension of a hello, as listed: its code point and length. */
export interface ExtensionRef {
  type: number;
  length: number;
}

interface Extensions {
  list: ExtensionRef[];
  body: Map<number, Buffer>;
}

function readExtensions(f: Fields): Extensions {
  const list: ExtensionRef[] = [];
  const body = new Map<number, Buffer>();
  if (f.left === 0) return { list, body }; // TLS 1.2 hellos may omit the extensions block
  const v = f.vector(2, 'the extensions');
  while (v.left > 0) {
    const type = v.u16('an extension type');
    const data = v.vector(2, `extension ${type}`);
    list.push({ type, length: data.left });
    if (!body.has(type)) body.set(type, data.bytes(data.left, `extension ${type}`));
  }
  return { list, body };
}

function u16List(data: Buffer | undefined, lengthBytes: 1 | 2, what: string): number[] {
  if (!data) return [];
  const v = new Fields(data).vector(lengthBytes, what);
  const out: number[] = [];
  while (v.left >= 2) out.push(v.u16(what));
  return out;
}

function serverName(data: Buffer | undefined): string | null {
  if (!data || data.length === 0) return null;
  const v = new Fields(data).vector(2, 'the server name list');
  while (v.left > 0) {
    const kind = v.u8('a server name type');
    const name = v.vector(2, 'a server name');
    // host_name (0) is the only type defined; it is ASCII (RFC 6066 section 3).
    if (kind === 0) return name.bytes(name.left, 'a server name').toString('latin1');
  }
  return null;
}

function protocolNames(data: Buffer | undefined): string[] {
  if (!data) return [];
  const v = new Fields(data).vector(2, 'the ALPN list');
  const out: string[] = [];
  while (v.left > 0) {
    const p = v.vector(1, 'an ALPN protocol');
    out.push(p.bytes(p.left, 'an ALPN protocol').toString('latin1'));
  }
  return out;
}

function keyShareGroups(data: Buffer | undefined): number[] {
  if (!data) return [];
  const v = new Fields(data).vector(2, 'the key shares');
  const out: number[] = [];
  while (v.left > 0) {
    out.push(v.u16('a key share group'));
    v.vector(2, 'a key share');
  }
  return out;
}

const hex = (b: Buffer) => b.toString('hex');

export interface ClientHelloInfo {
  /** legacy_version: 0x0303 even for TLS 1.3 (the real versions are in supportedVersions). */
  legacyVersion: number;
  /** The 32-byte client random, in hex: how the key log names this session. */
  random: string;
  /** The legacy session ID, in hex ("" when empty). */
  sessionId: string;
  cipherSuites: Listed<number>;
  compressionMethods: number[];
  extensions: Listed<ExtensionRef>;
  /** Server Name Indication: the host name asked for, or null. */
  sni: string | null;
  /** ALPN protocols offered, in order. */
  alpn: string[];
  /** supported_versions, in order (empty when the extension is absent: TLS 1.2 and earlier). */
  supportedVersions: number[];
  supportedGroups: Listed<number>;
  /** Groups of the key shares sent (TLS 1.3). */
  keyShareGroups: number[];
  signatureAlgorithms: Listed<number>;
  encryptThenMac: boolean;
  extendedMasterSecret: boolean;
  /** TLS 1.3 0-RTT data offered. */
  earlyData: boolean;
  /** A pre_shared_key (TLS 1.3 resumption) or a non-empty session ticket (TLS 1.2) offered. */
  resumptionOffered: boolean;
}

export function parseClientHello(body: Buffer, maxListed: number): ClientHelloInfo {
  const f = new Fields(body);
  const legacyVersion = f.u16('the version');
  const random = hex(f.bytes(32, 'the random'));
  const sid = f.vector(1, 'the session ID');
  const sessionId = hex(sid.bytes(sid.left, 'the session ID'));
  const cipherSuites = u16FromFields(f.vector(2, 'the cipher suites'), 'a cipher suite');
  const comp = f.vector(1, 'the compression methods');
  const compressionMethods = [...comp.bytes(comp.left, 'the compression methods')];
  const ext = readExtensions(f);
  const ticket = ext.body.get(EXT.SESSION_TICKET);
  return {
    legacyVersion,
    random,
    sessionId,
    cipherSuites: listed(cipherSuites, maxListed),
    compressionMethods,
    extensions: listed(ext.list, maxListed),
    sni: serverName(ext.body.get(EXT.SERVER_NAME)),
    alpn: protocolNames(ext.body.get(EXT.ALPN)).slice(0, maxListed),
    supportedVersions: u16List(ext.body.get(EXT.SUPPORTED_VERSIONS), 1, 'the supported versions').slice(0, maxListed),
    supportedGroups: listed(u16List(ext.body.get(EXT.SUPPORTED_GROUPS), 2, 'the supported groups'), maxListed),
    keyShareGroups: keyShareGroups(ext.body.get(EXT.KEY_SHARE)).slice(0, maxListed),
    signatureAlgorithms: listed(u16List(ext.body.get(EXT.SIGNATURE_ALGORITHMS), 2, 'the signature algorithms'), maxListed),
    encryptThenMac: ext.body.has(EXT.ENCRYPT_THEN_MAC),
    extendedMasterSecret: ext.body.has(EXT.EXTENDED_MASTER_SECRET),
    earlyData: ext.body.has(EXT.EARLY_DATA),
    resumptionOffered: ext.body.has(EXT.PRE_SHARED_KEY) || (ticket !== undefined && ticket.length > 0),
  };
}

function u16FromFields(v: Fields, what: string): number[] {
  const out: number[] = [];
  while (v.left >= 2) out.push(v.u16(what));
  return out;
}

export interface ServerHelloInfo {
  legacyVersion: number;
  random: string;
  sessionId: string;
  cipherSuite: number;
  compressionMethod: number;
  extensions: Listed<ExtensionRef>;
  /** The version from supported_versions (TLS 1.3), or null. */
  selectedVersion: number | null;
  /** The version in force: selectedVersion, else legacyVersion. */
  version: number;
  /** The group of the server's key share (TLS 1.3), or the group a HelloRetryRequest asks for. */
  keyShareGroup: number | null;
  /** ALPN in the ServerHello (TLS 1.2; TLS 1.3 sends it in EncryptedExtensions). */
  alpn: string | null;
  helloRetryRequest: boolean;
  encryptThenMac: boolean;
  extendedMasterSecret: boolean;
  /** TLS 1.3: the server accepted a pre-shared key (a resumed session). */
  pskAccepted: boolean;
}

export function parseServerHello(body: Buffer, maxListed: number): ServerHelloInfo {
  const f = new Fields(body);
  const legacyVersion = f.u16('the version');
  const random = hex(f.bytes(32, 'the random'));
  const sid = f.vector(1, 'the session ID');
  const sessionId = hex(sid.bytes(sid.left, 'the session ID'));
  const cipherSuite = f.u16('the cipher suite');
  const compressionMethod = f.u8('the compression method');
  const ext = readExtensions(f);
  const sv = ext.body.get(EXT.SUPPORTED_VERSIONS);
  const selectedVersion = sv && sv.length >= 2 ? sv.readUInt16BE(0) : null;
  const helloRetryRequest = random === HELLO_RETRY_RANDOM;
  const ks = ext.body.get(EXT.KEY_SHARE);
  const alpn = protocolNames(ext.body.get(EXT.ALPN))[0] ?? null;
  return {
    legacyVersion,
    random,
    sessionId,
    cipherSuite,
    compressionMethod,
    extensions: listed(ext.list, maxListed),
    selectedVersion,
    version: selectedVersion ?? legacyVersion,
    keyShareGroup: ks && ks.length >= 2 ? ks.readUInt16BE(0) : null,
    alpn,
    helloRetryRequest,
    encryptThenMac: ext.body.has(EXT.ENCRYPT_THEN_MAC),
    extendedMasterSecret: ext.body.has(EXT.EXTENDED_MASTER_SECRET),
    pskAccepted: ext.body.has(EXT.PRE_SHARED_KEY),
  };
}

/** TLS 1.3 EncryptedExtensions: the list, and the ALPN protocol chosen. */
export function parseEncryptedExtensions(body: Buffer, maxListed: number): { extensions: Listed<ExtensionRef>; alpn: string | null } {
  const ext = readExtensions(new Fields(body));
  return { extensions: listed(ext.list, maxListed), alpn: protocolNames(ext.body.get(EXT.ALPN))[0] ?? null };
}

/** What the report shows of one certificate of a chain. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** Validity as Node prints it ("Sep  1 08:00:00 2025 GMT") and as ISO 8601. */
  validFrom: string;
  validTo: string;
  validFromIso: string | null;
  validToIso: string | null;
  serialNumber: string;
  /** subjectAltName as Node prints it ("DNS:lab.test, DNS:mail.lab.test"), or null. */
  subjectAltName: string | null;
  /** The certificate's own SHA-256 fingerprint (colon-separated hex): public, identifies it. */
  fingerprint256: string;
  /** Bytes of the DER encoding. */
  size: number;
  /** Whether issuer and subject are the same (a root or a self-signed certificate). */
  selfIssued: boolean;
  /** Node could not parse it: the error, and nothing else is known. */
  error?: string;
}

function describeCertificate(der: Buffer): CertificateInfo {
  try {
    const c = new X509Certificate(der);
    const iso = (s: string) => {
      const t = Date.parse(s);
      return Number.isNaN(t) ? null : new Date(t).toISOString();
    };
    const oneLine = (dn: string) => dn.split('\n').filter(Boolean).join(', ');
    return {
      subject: oneLine(c.subject),
      issuer: oneLine(c.issuer),
      validFrom: c.validFrom,
      validTo: c.validTo,
      validFromIso: iso(c.validFrom),
      validToIso: iso(c.validTo),
      serialNumber: c.serialNumber,
      subjectAltName: c.subjectAltName ?? null,
      fingerprint256: c.fingerprint256,
      size: der.length,
      selfIssued: c.subject === c.issuer,
    };
  } catch (e) {
    return {
      subject: '',
      issuer: '',
      validFrom: '',
      validTo: '',
      validFromIso: null,
      validToIso: null,
      serialNumber: '',
      subjectAltName: null,
      fingerprint256: '',
      size: der.length,
      selfIssued: false,
      error: e instanceof Error ? e.message : String(e),
    };
  }
}

/** A Certificate message's chain (TLS 1.3 adds a request context and per-certificate extensions). */
export function parseCertificate(body: Buffer, tls13: boolean, maxListed: number): Listed<CertificateInfo> {
  const f = new Fields(body);
  if (tls13) f.vector(1, 'the certificate request context');
  const list = f.vector(3, 'the certificate list');
  const out: CertificateInfo[] = [];
  let unlisted = 0;
  while (list.left > 0) {
    const cert = list.vector(3, 'a certificate');
    if (tls13) list.vector(2, 'the certificate extensions');
    if (out.length < maxListed) out.push(describeCertificate(Buffer.from(cert.bytes(cert.left, 'a certificate'))));
    else unlisted++;
  }
  return { items: out, unlisted };
}

/** TLS 1.2 ServerKeyExchange: the named group of an ECDHE exchange (curve_type named_curve), else null. */
export function serverKeyExchangeGroup(body: Buffer, ecdhe: boolean): number | null {
  if (!ecdhe || body.length < 3 || body[0] !== 3) return null;
  return body.readUInt16BE(1);
}

/** TLS 1.3 KeyUpdate: whether the sender asks the peer to update its keys too. */
export function keyUpdateRequested(body: Buffer): boolean {
  return body[0] === 1;
}

/** One handshake message, whole, with where it was carried. */
export interface HandshakeMessage {
  type: number;
  /** Length from the message header (the body may be cut at the bound, see `truncated`). */
  length: number;
  body: Buffer;
  /** The body was longer than maxTlsHandshakeBytes: only its front was kept (not parsed). */
  truncated: boolean;
  /** Frame carrying the message's last byte. */
  frame: number;
  time: number;
  segments: SegmentRef[];
  /** It came in encrypted records (decrypted with the key log). */
  encrypted: boolean;
}

/**
 * Joins one direction's handshake records into messages: several messages may share a
 * record, and one may span records (a certificate chain often does). A message longer
 * than `maxBytes` is counted and skipped, never buffered whole.
 */
export class HandshakeReader {
  private head = Buffer.alloc(4);
  private headFill = 0;
  private body: Buffer | null = null;
  private bodyFill = 0;
  private length = 0;
  private segments: SegmentList;

  constructor(
    private readonly onMessage: (m: HandshakeMessage) => void,
    private readonly maxBytes: number,
    private readonly maxFrames: number,
  ) {
    this.segments = new SegmentList(maxFrames);
  }

  /** A record's handshake bytes (its fragment, or its decrypted content); a message lists the frames of the records it spans. */
  data(bytes: Buffer, frames: SegmentRef[], frame: number, time: number, encrypted: boolean): void {
    let o = 0;
    for (const s of frames) this.segments.add(s.frame, s.bytes, time);
    while (o < bytes.length) {
      if (this.headFill < 4) {
        const take = Math.min(4 - this.headFill, bytes.length - o);
        bytes.copy(this.head, this.headFill, o, o + take);
        this.headFill += take;
        o += take;
        if (this.headFill < 4) return;
        this.length = (this.head[1]! << 16) | this.head.readUInt16BE(2);
        this.body = Buffer.allocUnsafe(Math.min(this.length, this.maxBytes));
        this.bodyFill = 0;
      }
      const want = this.length - this.bodyFill;
      const take = Math.min(want, bytes.length - o);
      const keep = Math.min(take, this.body!.length - Math.min(this.bodyFill, this.body!.length));
      if (keep > 0) bytes.copy(this.body!, this.bodyFill, o, o + keep);
      this.bodyFill += take;
      o += take;
      if (this.bodyFill === this.length) {
        const message: HandshakeMessage = {
          type: this.head[0]!,
          length: this.length,
          body: this.body!,
          truncated: this.length > this.maxBytes,
          frame,
          time,
          segments: this.segments.list,
          encrypted,
        };
        this.headFill = 0;
        this.body = null;
        this.segments = new SegmentList(this.maxFrames);
        if (o < bytes.length) for (const s of frames) this.segments.add(s.frame, s.bytes, time);
        this.onMessage(message);
      }
    }
  }

  /** Bytes were lost: a message in progress cannot be completed. */
  reset(): void {
    this.headFill = 0;
    this.body = null;
    this.segments = new SegmentList(this.maxFrames);
  }

  /** A partial message is held. */
  get pending(): boolean {
    return this.headFill > 0;
  }
}
