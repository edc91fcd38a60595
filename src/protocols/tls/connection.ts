import { tlsName, tlsVersionName } from '../../knowledge/tls/index.js';
import type { Limits } from '../../limits.js';
import type { Endpoint, StreamHandler, TcpConnection } from '../../reassembly/tcp-stream.js';
import { warning, type Warning, type Warnings } from '../../warnings.js';
import { SegmentList, type SegmentRef } from '../segments.js';
import { Tls12Decrypter, Tls13Decrypter, type Decrypted, type RecordDecrypter } from './decrypt.js';
import {
  HANDSHAKE,
  HandshakeError,
  HandshakeReader,
  keyUpdateRequested,
  parseCertificate,
  parseClientHello,
  parseEncryptedExtensions,
  parseServerHello,
  serverKeyExchangeGroup,
  type CertificateInfo,
  type ClientHelloInfo,
  type ExtensionRef,
  type HandshakeMessage,
  type Listed,
  type ServerHelloInfo,
} from './handshake.js';
import type { KeyLog, SessionSecrets } from './keylog.js';
import { tls12KeyBlock } from './keys.js';
import { CONTENT, MAX_RECORD_BYTES, RECORD_HEADER_BYTES, RecordReader, type TlsRecord } from './record.js';
import { suiteCrypto, type SuiteCrypto } from './suites.js';

/** One record as the model may cite it. */
export interface TlsRecordRef {
  frame: number;
  fromClient: boolean;
  /** The record header's content type (TLS 1.3: 23 for everything encrypted). */
  contentType: number;
  version: number;
  /** Bytes of the fragment (after the 5-byte header). */
  length: number;
  /** Protected by the session keys. */
  encrypted: boolean;
  /** Decrypted and authenticated with the key log. */
  decrypted: boolean;
  /** The content type inside a decrypted TLS 1.3 record. */
  innerType?: number;
  /** The frames the record spans, when more than one. */
  segments?: SegmentRef[];
}

export interface TlsAlertRef {
  frame: number;
  fromClient: boolean;
  /** 1 warning, 2 fatal; null when the alert is encrypted and could not be read. */
  level: number | null;
  description: number | null;
  /** The registry name ("close_notify"), or null. */
  name: string | null;
  /** It was sent encrypted (read only if decrypted is true). */
  encrypted: boolean;
}

export interface TlsHandshakeRef {
  frame: number;
  fromClient: boolean;
  type: number;
  /** The registry name ("client_hello"), or null for a type we do not know. */
  name: string | null;
  length: number;
  /** It travelled encrypted and was decrypted with the key log. */
  encrypted: boolean;
}

/** Per direction: what it sent. */
export interface TlsDirectionSummary {
  records: number;
  /** Application data records and their bytes on the wire (fragments). */
  applicationRecords: number;
  applicationBytes: number;
  /** Plaintext bytes recovered from them and handed on. */
  decryptedBytes: number;
  /** Protected records that failed authentication, and those never tried (no keys, unsupported suite, after a lost sequence). */
  failedRecords: number;
  unreadableRecords: number;
  /** Bytes the capture lost (TCP gaps), and bytes skipped until a segment started a record again. */
  lostBytes: number;
  skippedBytes: number;
}

/** How far decryption got on a connection. */
export type TlsDecryption =
  /** No key log was given. */
  | 'no-key-log'
  /** The key log has no secrets for this session's client random. */
  | 'not-in-log'
  /** The session's secrets are logged but its suite is one labreport cannot decrypt. */
  | 'unsupported-suite'
  /** The logged secrets do not authenticate the records (another capture's, or damaged). */
  | 'wrong-keys'
  /** Some protected records decrypted, others not (a gap, a missing secret, a damaged record). */
  | 'partial'
  /** Every protected record decrypted. */
  | 'decrypted'
  /** Nothing was protected (a handshake that failed, or the capture ends before it completed). */
  | 'nothing-encrypted'
  /** Encrypted records, but the handshake that set their keys was not captured (the capture began mid-session). */
  | 'no-handshake';

/**
 * Everything one TLS connection showed, for the model: the handshake, the record and
 * alert lists (frames kept, so the report can cite them), and whether it decrypted.
 * No key, secret or key-log line is ever put here.
 */
export interface TlsConnectionRecord {
  stream: number;
  client: Endpoint;
  server: Endpoint;
  /** "tls" when TLS began with the connection; else the protocol whose command started it ("smtp", "pop3", "imap"). */
  startedBy: string;
  /** Frame of the first TLS byte (normally the ClientHello). */
  startFrame: number;
  sni: string | null;
  alpnOffered: string[];
  /** ALPN protocol chosen ("h2", "http/1.1"), or null (none, or in an encrypted EncryptedExtensions not decrypted). */
  alpn: string | null;
  /** "TLS 1.3", or null before a ServerHello. */
  version: string | null;
  versionCode: number | null;
  /** IANA name of the chosen suite ("TLS_AES_128_GCM_SHA256"), or its hex code when unknown. */
  cipherSuite: string | null;
  cipherSuiteCode: number | null;
  /** The first ClientHello and the ServerHello that answered (after a HelloRetryRequest, the second one), each with its frame. */
  clientHello: (ClientHelloInfo & { frame: number }) | null;
  serverHello: (ServerHelloInfo & { frame: number }) | null;
  /** A HelloRetryRequest (RFC 8446 section 4.1.4): the server's request, and the ClientHello sent again in answer. */
  retry: { request: ServerHelloInfo & { frame: number }; clientHello: (ClientHelloInfo & { frame: number }) | null } | null;
  /** TLS 1.3: the extensions of the server's EncryptedExtensions, once decrypted (null if not read). */
  encryptedExtensions: Listed<ExtensionRef> | null;
  helloRetryRequest: boolean;
  /** TLS 1.2 session ID or ticket resumption, TLS 1.3 pre-shared key. */
  resumed: boolean;
  encryptThenMac: boolean;
  /** The key exchange group: TLS 1.3 key share or TLS 1.2 ECDHE ServerKeyExchange. */
  keyExchangeGroup: number | null;
  /** The server's certificate chain (read in TLS 1.2, or in TLS 1.3 once decrypted); null if not seen. */
  certificates: Listed<CertificateInfo> | null;
  handshakeMessages: Listed<TlsHandshakeRef>;
  keyUpdates: { frame: number; fromClient: boolean; updateRequested: boolean }[];
  decryption: TlsDecryption;
  /** Every protected record was decrypted (decryption is "decrypted"). */
  decrypted: boolean;
  /** Frames that carried this connection's TLS records. */
  frames: number[];
  framesUnlisted: number;
  records: Listed<TlsRecordRef>;
  alerts: Listed<TlsAlertRef>;
  fromClient: TlsDirectionSummary;
  fromServer: TlsDirectionSummary;
  /** This connection's warnings (also in the capture's warnings). */
  warnings: Warning[];
}

/** What the factory of the inner handler learns about the session it will read. */
export interface TlsSession {
  conn: TcpConnection;
  tls: TlsConnectionRecord;
}

/** Where a capture's TLS connections are gathered, up to maxConnectionsListed. */
export class TlsCollector {
  readonly connections: TlsConnectionRecord[] = [];
  unlisted = 0;
  constructor(private readonly limit: number) {}
  add(c: TlsConnectionRecord): void {
    if (this.connections.length < this.limit) this.connections.push(c);
    else this.unlisted++;
  }
}

export interface TlsOptions {
  limits: Limits;
  warnings: Warnings;
  collector: TlsCollector;
  /** The key log (from --keylog, SSLKEYLOGFILE, the capture's DSB), or null: nothing is decrypted. */
  keyLog: KeyLog | null;
  /** Makes the handler of the decrypted bytes (a protocol router), called at the first decrypted application data; null: not dissected. */
  inner?: (session: TlsSession) => StreamHandler | null;
  /** "tls" (default), or the protocol that started TLS mid-connection. */
  startedBy?: string;
}

/**
 * After a gap the sequence number of the next record is unknown: it is searched for, from
 * the expected one up by as many records as the lost bytes could have held, at most this
 * many (each try is one decryption of one record).
 */
const MAX_SEQUENCE_SEARCH = 4096;

/** The smallest record a gap can have swallowed: a header and an AEAD tag (TLS 1.3 adds one content-type byte). */
const MIN_PROTECTED_RECORD = RECORD_HEADER_BYTES + 8;

const emptySummary = (): TlsDirectionSummary => ({
  records: 0,
  applicationRecords: 0,
  applicationBytes: 0,
  decryptedBytes: 0,
  failedRecords: 0,
  unreadableRecords: 0,
  lostBytes: 0,
  skippedBytes: 0,
});

class Side {
  readonly records: RecordReader;
  readonly handshake: HandshakeReader;
  /** The keys in force, or null (cleartext, or no keys). */
  decrypter: RecordDecrypter | null = null;
  /** TLS 1.2: the keys that take over at this side's ChangeCipherSpec. */
  pending: RecordDecrypter | null = null;
  /** Records from this side are protected from now on. */
  protected = false;
  /** The keys failed on this side's first protected record: it stays encrypted. */
  failed = false;
  /** Bytes lost since the last record decrypted: the sequence number must be searched for. */
  lostBytes = 0;
  decryptedRecords = 0;
  /** Frame of a protected record that failed before any decrypted (0: none). */
  firstFailure = 0;
  readonly summary: TlsDirectionSummary = emptySummary();
  constructor(records: RecordReader, handshake: HandshakeReader) {
    this.records = records;
    this.handshake = handshake;
  }
}

/**
 * One TLS connection, fed the TCP bytes of both directions (from the first byte, or from
 * where a STARTTLS handed them over): records found and reassembled, the handshake
 * decoded, records decrypted with the key log's secrets for this session, and the
 * decrypted application data of each direction handed to an inner handler, each piece
 * cited at the frame of the record that carried it (as Wireshark cites decrypted data).
 */
export class TlsDissector implements StreamHandler {
  readonly record: TlsConnectionRecord;
  private readonly client: Side;
  private readonly server: Side;
  private readonly frames: SegmentList;
  private suite: SuiteCrypto | null = null;
  private secrets: SessionSecrets | undefined;
  private inner: StreamHandler | null | undefined = undefined;
  /** Why the session's records cannot be decrypted, told at the first protected record (a failed handshake has none). */
  private keyNote: { decryption: TlsDecryption; message: string } | null = null;
  /** The wrong-keys warning was given (once per connection). */
  private wrongKeysSaid = false;
  private ended = { client: false, server: false };
  private readonly maxListed: number;

  constructor(
    private readonly conn: TcpConnection,
    private readonly options: TlsOptions,
  ) {
    const { limits } = options;
    this.maxListed = limits.maxTlsListed;
    this.frames = new SegmentList(limits.maxFramesPerMessage);
    const side = (fromClient: boolean) =>
      new Side(
        new RecordReader(
          (r) => this.onRecord(fromClient, r),
          (frame) =>
            this.warn(frame, `bytes from the ${fromClient ? 'client' : 'server'} at frame ${frame} are not a TLS record; skipped until a segment starts one`),
          limits.maxFramesPerMessage,
        ),
        new HandshakeReader((m) => this.onHandshake(fromClient, m), limits.maxTlsHandshakeBytes, limits.maxFramesPerMessage),
      );
    this.client = side(true);
    this.server = side(false);
    this.record = {
      stream: conn.stream,
      client: conn.client,
      server: conn.server,
      startedBy: options.startedBy ?? 'tls',
      startFrame: 0,
      sni: null,
      alpnOffered: [],
      alpn: null,
      version: null,
      versionCode: null,
      cipherSuite: null,
      cipherSuiteCode: null,
      clientHello: null,
      serverHello: null,
      retry: null,
      encryptedExtensions: null,
      helloRetryRequest: false,
      resumed: false,
      encryptThenMac: false,
      keyExchangeGroup: null,
      certificates: null,
      handshakeMessages: { items: [], unlisted: 0 },
      keyUpdates: [],
      // An empty key log (a pcapng without decryption secrets) is no key log.
      decryption: options.keyLog?.size ? 'nothing-encrypted' : 'no-key-log',
      decrypted: false,
      frames: [],
      framesUnlisted: 0,
      records: { items: [], unlisted: 0 },
      alerts: { items: [], unlisted: 0 },
      fromClient: this.client.summary,
      fromServer: this.server.summary,
      warnings: [],
    };
    options.collector.add(this.record);
  }

  private side(fromClient: boolean): Side {
    return fromClient ? this.client : this.server;
  }

  private warn(frame: number | undefined, message: string): void {
    const w = warning({ id: 'tls.problem', frame, stream: this.conn.stream, params: { detail: message } });
    this.options.warnings.push(w);
    if (this.record.warnings.length < this.maxListed) this.record.warnings.push(w);
  }

  // --- StreamHandler ---------------------------------------------------------------------

  data(fromClient: boolean, bytes: Uint8Array, frame: number, time: number): void {
    if (this.record.startFrame === 0) this.record.startFrame = frame;
    this.frames.add(frame, bytes.length, time);
    this.side(fromClient).records.data(bytes, frame, time);
  }

  gap(fromClient: boolean, length: number, frame: number, time: number): void {
    const side = this.side(fromClient);
    side.records.gap();
    side.handshake.reset();
    side.summary.lostBytes += length;
    if (side.decrypter) side.lostBytes += length;
    // The plaintext lost is the ciphertext lost less each record's overhead: an estimate (the records' sizes are unknown).
    const overhead = side.decrypter?.overhead ?? MIN_PROTECTED_RECORD;
    if (this.inner) this.inner.gap(fromClient, Math.max(1, length - overhead * Math.ceil(length / (MAX_RECORD_BYTES + overhead))), frame, time);
  }

  end(fromClient: boolean): void {
    const side = this.side(fromClient);
    if (side.records.pendingBytes > 0)
      this.warn(
        this.conn.lastFrame,
        `the last TLS record from the ${fromClient ? 'client' : 'server'} is cut off (${side.records.pendingBytes} bytes of it were captured)`,
      );
    if (fromClient) this.ended.client = true;
    else this.ended.server = true;
    this.inner?.end(fromClient);
    if (this.ended.client && this.ended.server) this.finish();
  }

  // --- records ---------------------------------------------------------------------------

  private onRecord(fromClient: boolean, rec: TlsRecord): void {
    const side = this.side(fromClient);
    side.summary.records++;
    const tls13 = this.record.versionCode === 0x0304;
    const isProtected = side.protected && (!tls13 || rec.contentType === CONTENT.APPLICATION_DATA);
    const ref: TlsRecordRef = {
      frame: rec.frame,
      fromClient,
      contentType: rec.contentType,
      version: rec.version,
      length: rec.fragment.length,
      encrypted: isProtected,
      decrypted: false,
    };
    if (rec.segments.length > 1) ref.segments = rec.segments;
    this.list(this.record.records, ref);
    if (rec.contentType === CONTENT.APPLICATION_DATA) {
      side.summary.applicationRecords++;
      side.summary.applicationBytes += rec.fragment.length;
    }
    if (!isProtected) return this.onCleartext(fromClient, rec);
    const plain = this.decrypt(side, fromClient, rec);
    if (!plain) return this.onUnreadable(fromClient, rec, ref);
    ref.decrypted = true;
    if (tls13) ref.innerType = plain.contentType;
    this.onContent(fromClient, rec, plain);
    this.updateDecryption();
  }

  private onCleartext(fromClient: boolean, rec: TlsRecord): void {
    const side = this.side(fromClient);
    switch (rec.contentType) {
      case CONTENT.HANDSHAKE:
        return this.feedHandshake(side, rec, rec.fragment, false);
      case CONTENT.ALERT:
        return this.alert(fromClient, rec.frame, rec.fragment, false);
      case CONTENT.CHANGE_CIPHER_SPEC:
        // TLS 1.3 sends it for middleboxes only; before TLS 1.3 it switches this side to its new keys.
        if (this.record.versionCode !== null && this.record.versionCode !== 0x0304) {
          side.protected = true;
          side.decrypter = side.pending;
          side.pending = null;
          side.failed = false;
        }
        return;
      case CONTENT.APPLICATION_DATA:
        // Application data before the handshake we saw protected it: the capture began mid-session, or 0-RTT data.
        side.summary.unreadableRecords++;
        return;
      default:
        return; // heartbeat
    }
  }

  /** A protected record we cannot read: counted, and an alert or handshake message noted as encrypted. */
  private onUnreadable(fromClient: boolean, rec: TlsRecord, ref: TlsRecordRef): void {
    const side = this.side(fromClient);
    if (rec.contentType === CONTENT.ALERT)
      this.list(this.record.alerts, { frame: rec.frame, fromClient, level: null, description: null, name: null, encrypted: true });
    ref.decrypted = false;
    if (this.inner && rec.contentType === CONTENT.APPLICATION_DATA)
      this.inner.gap(fromClient, Math.max(1, rec.fragment.length + RECORD_HEADER_BYTES - (side.decrypter?.overhead ?? 0)), rec.frame, rec.time);
    this.updateDecryption();
  }

  private decrypt(side: Side, fromClient: boolean, rec: TlsRecord): Decrypted | null {
    const who = fromClient ? 'client' : 'server';
    if (!side.decrypter || side.failed) {
      side.summary.unreadableRecords++;
      if (this.keyNote) {
        this.record.decryption = this.keyNote.decryption;
        this.warn(rec.frame, this.keyNote.message);
        this.keyNote = null;
      }
      return null;
    }
    const d = side.decrypter;
    if (side.lostBytes > 0) {
      // Bytes were lost: find the sequence number that authenticates this record.
      const first = d.sequence;
      const tries = Math.min(MAX_SEQUENCE_SEARCH, Math.ceil(side.lostBytes / MIN_PROTECTED_RECORD) + 1);
      side.lostBytes = 0;
      for (let i = 0; i < tries; i++) {
        d.seek(first + i);
        const plain = d.decrypt(rec);
        if (plain) {
          side.decryptedRecords++;
          return plain;
        }
      }
      side.failed = true;
      side.summary.unreadableRecords++;
      this.warn(
        rec.frame,
        `after the bytes lost from the ${who}, no record sequence number decrypts the record at frame ${rec.frame}: the rest of that direction stays encrypted`,
      );
      return null;
    }
    const plain = d.decrypt(rec);
    if (plain) {
      if (side.decryptedRecords++ === 0 && side.firstFailure > 0) this.damaged(side.firstFailure, who);
      return plain;
    }
    side.summary.failedRecords++;
    if (side.decryptedRecords === 0) {
      // Before any record has decrypted, a failure may be a damaged record or the wrong keys: a second failure decides.
      if (side.firstFailure === 0) side.firstFailure = rec.frame;
      else this.wrongKeys(side, fromClient);
    } else this.damaged(rec.frame, who);
    return null;
  }

  private damaged(frame: number, who: string): void {
    this.warn(
      frame,
      `the TLS record at frame ${frame} (from the ${who}) fails authentication with the session keys: it was damaged or altered, and is skipped`,
    );
  }

  /** The keys fail on this side's records: stop trying, and say so once for the connection (the other side's keys come from the same log). */
  private wrongKeys(side: Side, fromClient: boolean): void {
    side.failed = true;
    if (this.wrongKeysSaid) return;
    this.wrongKeysSaid = true;
    this.warn(
      side.firstFailure,
      `the key log's secrets for this session do not decrypt the ${fromClient ? 'client' : 'server'}'s records (the record at frame ${side.firstFailure} fails authentication): the key log is damaged or belongs to another capture; the connection stays encrypted`,
    );
  }

  /** A record's content after decryption, by its (inner) content type. */
  private onContent(fromClient: boolean, rec: TlsRecord, plain: Decrypted): void {
    const side = this.side(fromClient);
    switch (plain.contentType) {
      case CONTENT.HANDSHAKE:
        return this.feedHandshake(side, rec, plain.content, true);
      case CONTENT.ALERT:
        return this.alert(fromClient, rec.frame, plain.content, true);
      case CONTENT.CHANGE_CIPHER_SPEC:
        // A TLS 1.2 renegotiation: its ChangeCipherSpec comes under the old keys.
        if (side.pending) {
          side.decrypter = side.pending;
          side.pending = null;
        }
        return;
      case CONTENT.APPLICATION_DATA:
        side.summary.decryptedBytes += plain.content.length;
        if (this.inner === undefined) {
          this.inner = this.options.inner?.({ conn: this.conn, tls: this.record }) ?? null;
          // A side that ended before the first decrypted data ends for the inner handler too.
          if (this.ended.client) this.inner?.end(true);
          if (this.ended.server) this.inner?.end(false);
        }
        if (this.inner && plain.content.length > 0) this.inner.data(fromClient, plain.content, rec.frame, rec.time);
        return;
      default:
        return;
    }
  }

  private feedHandshake(side: Side, rec: TlsRecord, bytes: Buffer, encrypted: boolean): void {
    side.handshake.data(bytes, rec.segments, rec.frame, rec.time, encrypted);
  }

  private alert(fromClient: boolean, frame: number, body: Buffer, encrypted: boolean): void {
    if (body.length !== 2) {
      // TLS 1.2 alerts after ChangeCipherSpec without keys are longer: encrypted, unreadable.
      this.list(this.record.alerts, { frame, fromClient, level: null, description: null, name: null, encrypted: true });
      return;
    }
    this.list(this.record.alerts, { frame, fromClient, level: body[0]!, description: body[1]!, name: tlsName('alerts', body[1]!), encrypted });
  }

  // --- handshake -------------------------------------------------------------------------

  private onHandshake(fromClient: boolean, m: HandshakeMessage): void {
    this.list(this.record.handshakeMessages, {
      frame: m.frame,
      fromClient,
      type: m.type,
      name: tlsName('handshakeTypes', m.type),
      length: m.length,
      encrypted: m.encrypted,
    });
    if (m.truncated) {
      this.warn(m.frame, `a handshake message of ${m.length} bytes (type ${m.type}) is longer than maxTlsHandshakeBytes and was not decoded`);
      return;
    }
    try {
      this.handshakeMessage(fromClient, m);
    } catch (e) {
      if (!(e instanceof HandshakeError)) throw e;
      this.warn(
        m.frame,
        `malformed ${tlsName('handshakeTypes', m.type) ?? `handshake message ${m.type}`} from the ${fromClient ? 'client' : 'server'}: ${e.message}`,
      );
    }
  }

  private handshakeMessage(fromClient: boolean, m: HandshakeMessage): void {
    const r = this.record;
    const limit = this.maxListed;
    switch (m.type) {
      case HANDSHAKE.CLIENT_HELLO: {
        if (!fromClient) return;
        const hello = { ...parseClientHello(m.body, limit), frame: m.frame };
        // The ClientHello sent again after a HelloRetryRequest repeats the random; a renegotiation's is a new session.
        if (r.retry && !r.retry.clientHello && !r.serverHello) r.retry.clientHello = hello;
        else r.clientHello = hello;
        r.sni ??= hello.sni;
        if (r.alpnOffered.length === 0) r.alpnOffered = hello.alpn;
        return;
      }
      case HANDSHAKE.SERVER_HELLO: {
        if (fromClient) return;
        const hello = { ...parseServerHello(m.body, limit), frame: m.frame };
        if (hello.helloRetryRequest) {
          r.helloRetryRequest = true;
          r.retry = { request: hello, clientHello: null };
          return;
        }
        this.serverHello(hello);
        return;
      }
      case HANDSHAKE.ENCRYPTED_EXTENSIONS: {
        if (fromClient) return;
        const ee = parseEncryptedExtensions(m.body, limit);
        r.encryptedExtensions = ee.extensions;
        r.alpn = ee.alpn ?? r.alpn;
        return;
      }
      case HANDSHAKE.CERTIFICATE:
        if (!fromClient) r.certificates = parseCertificate(m.body, r.versionCode === 0x0304, limit);
        return;
      case HANDSHAKE.SERVER_KEY_EXCHANGE:
        if (!fromClient) r.keyExchangeGroup = serverKeyExchangeGroup(m.body, this.suite?.parts.keyExchange === 'ECDHE') ?? r.keyExchangeGroup;
        return;
      case HANDSHAKE.FINISHED:
        // TLS 1.3: after its Finished, a side's records are under its application traffic secret.
        if (r.versionCode === 0x0304 && m.encrypted) this.install(fromClient, 'traffic');
        return;
      case HANDSHAKE.KEY_UPDATE: {
        const requested = keyUpdateRequested(m.body);
        if (r.keyUpdates.length < limit) r.keyUpdates.push({ frame: m.frame, fromClient, updateRequested: requested });
        const d = this.side(fromClient).decrypter;
        if (d instanceof Tls13Decrypter) d.keyUpdate();
        return;
      }
      default:
        return;
    }
  }

  private serverHello(hello: ServerHelloInfo & { frame: number }): void {
    const r = this.record;
    const ch = r.retry?.clientHello ?? r.clientHello;
    r.serverHello = hello;
    r.versionCode = hello.version;
    r.version = tlsVersionName(hello.version);
    r.cipherSuiteCode = hello.cipherSuite;
    this.suite = suiteCrypto(hello.cipherSuite);
    r.cipherSuite = this.suite?.name ?? `0x${hello.cipherSuite.toString(16).padStart(4, '0')}`;
    r.alpn = hello.alpn;
    r.encryptThenMac = hello.encryptThenMac && !!ch?.encryptThenMac && this.suite?.cipher?.mode === 'cbc';
    r.keyExchangeGroup = hello.keyShareGroup;
    const tls13 = hello.version === 0x0304;
    r.resumed = tls13 ? hello.pskAccepted : hello.sessionId !== '' && hello.sessionId === ch?.sessionId;
    if (tls13) {
      // Everything after the ServerHello is protected, in both directions.
      this.client.protected = true;
      this.server.protected = true;
    }
    this.findKeys(hello);
    if (tls13) {
      this.install(true, 'handshake');
      this.install(false, 'handshake');
    }
  }

  /** Look the session up in the key log and prepare its keys (TLS 1.2: for each side's ChangeCipherSpec). */
  private findKeys(hello: ServerHelloInfo): void {
    const r = this.record;
    const keyLog = this.options.keyLog;
    const ch = r.retry?.clientHello ?? r.clientHello;
    if (!keyLog || r.decryption === 'no-key-log') return;
    const missing = (decryption: TlsDecryption, message: string) => {
      this.keyNote = { decryption, message };
    };
    if (!ch) return missing('not-in-log', 'the ClientHello was not captured, so the session cannot be found in the key log: its contents stay encrypted');
    this.secrets = keyLog.lookup(ch.random);
    if (!this.secrets)
      return missing(
        'not-in-log',
        `the key log holds no secrets for this session (ClientHello random ${ch.random.slice(0, 16)}…${r.sni ? `, server ${r.sni}` : ''}): its contents stay encrypted`,
      );
    if (!this.suite?.cipher)
      return missing(
        'unsupported-suite',
        `the session's cipher suite ${r.cipherSuite} is not one labreport decrypts (it decrypts AES-GCM, AES-CCM, ChaCha20-Poly1305 and AES-CBC): its contents stay encrypted`,
      );
    if (hello.version === 0x0304) {
      if (!this.secrets.clientHandshake || !this.secrets.serverHandshake)
        missing('not-in-log', 'the key log has secrets for this TLS 1.3 session but not its handshake traffic secrets: its contents stay encrypted');
      return;
    }
    const master = this.secrets.masterSecret;
    if (!master) return missing('not-in-log', 'the key log has no CLIENT_RANDOM line (master secret) for this TLS 1.2 session: its contents stay encrypted');
    const keys = tls12KeyBlock(this.suite, hello.version, master, Buffer.from(ch.random, 'hex'), Buffer.from(hello.random, 'hex'));
    this.client.pending = new Tls12Decrypter(this.suite, hello.version, keys.client, r.encryptThenMac);
    this.server.pending = new Tls12Decrypter(this.suite, hello.version, keys.server, r.encryptThenMac);
  }

  /** TLS 1.3: put a side under its handshake or application traffic secret. */
  private install(fromClient: boolean, stage: 'handshake' | 'traffic'): void {
    const side = this.side(fromClient);
    if (!this.secrets || !this.suite?.cipher || side.failed) {
      side.decrypter = null;
      return;
    }
    const s = this.secrets;
    const secret = stage === 'handshake' ? (fromClient ? s.clientHandshake : s.serverHandshake) : fromClient ? s.clientTraffic0 : s.serverTraffic0;
    if (!secret) {
      if (stage === 'traffic' && side.decrypter)
        this.keyNote = {
          decryption: 'partial',
          message: `the key log has no ${fromClient ? 'CLIENT' : 'SERVER'}_TRAFFIC_SECRET_0 for this session: its application data from the ${fromClient ? 'client' : 'server'} stays encrypted`,
        };
      side.decrypter = null;
      return;
    }
    side.decrypter = new Tls13Decrypter(this.suite, secret);
  }

  // --- summary ---------------------------------------------------------------------------

  private list<T>(l: Listed<T>, item: T): void {
    if (l.items.length < this.maxListed) l.items.push(item);
    else l.unlisted++;
  }

  private updateDecryption(): void {
    const r = this.record;
    if (r.decryption === 'no-key-log') return;
    if (r.serverHello === null) {
      if (this.client.summary.unreadableRecords + this.server.summary.unreadableRecords > 0) r.decryption = 'no-handshake';
      return;
    }
    if (r.decryption === 'not-in-log' || r.decryption === 'unsupported-suite') return;
    if (this.keyNote && this.keyNote.decryption !== 'partial') return; // nothing protected has come yet
    const sides = [this.client, this.server];
    const decrypted = sides.reduce((n, s) => n + s.decryptedRecords, 0);
    // Bytes lost or skipped on a protected direction held records that were never decrypted.
    const missed = sides.reduce(
      (n, s) => n + s.summary.failedRecords + s.summary.unreadableRecords + (s.protected && s.summary.lostBytes + s.records.skippedBytes > 0 ? 1 : 0),
      0,
    );
    if (decrypted === 0) r.decryption = missed > 0 ? 'wrong-keys' : 'nothing-encrypted';
    else r.decryption = missed > 0 ? 'partial' : 'decrypted';
    r.decrypted = r.decryption === 'decrypted';
  }

  private finish(): void {
    // A direction whose only protected record failed: the keys, most likely.
    for (const [side, fromClient] of [
      [this.client, true],
      [this.server, false],
    ] as const)
      if (side.firstFailure > 0 && side.decryptedRecords === 0 && !side.failed) this.wrongKeys(side, fromClient);
    this.client.summary.skippedBytes = this.client.records.skippedBytes;
    this.server.summary.skippedBytes = this.server.records.skippedBytes;
    this.updateDecryption();
    this.record.frames = this.frames.list.map((s) => s.frame);
    this.record.framesUnlisted = this.frames.unlisted;
  }
}
