import type { Limits } from '../../limits.js';
import type { Endpoint } from '../../reassembly/tcp-stream.js';
import type { Warnings } from '../../warnings.js';
import { parseInitialFrames, type CryptoPiece } from './frames.js';
import { handshakeHeader, parseHello, type HelloSummary } from './hello.js';
import { initialKeys, type PacketKeys } from './keys.js';
import { openLongPacket, parseLongHeader, type LongHeaderPacket } from './packet.js';
import { quicVersion, versionLabel, type QuicVersion } from './versions.js';

/*
 * QUIC on UDP, any port: each datagram's long-header packets are read (several may be
 * coalesced in one), Initial packets are decrypted with the keys anyone can derive from the
 * client's first Destination Connection ID (RFC 9001 section 5.2), their CRYPTO frames are
 * put back in order, and the TLS ClientHello they carry tells the server name and "h3".
 * Everything after the Initials is encrypted with keys only the endpoints have: Handshake,
 * 0-RTT and 1-RTT packets are counted, not read.
 */

/** A ClientHello or ServerHello read from Initial packets. */
export interface QuicHelloRecord extends HelloSummary {
  /** Frame of the datagram that completed it (where tshark shows it). */
  frame: number;
  /** Frames whose CRYPTO data it was put together from, in order. */
  frames: number[];
}

/** One Initial packet. */
export interface QuicInitialRecord {
  frame: number;
  fromClient: boolean;
  /** Null when it could not be decrypted. */
  packetNumber: number | null;
  /** Bytes of the packet (header and protected payload). */
  length: number;
  dcid: string;
  scid: string;
  tokenLength: number;
  /** Frame types in the decrypted payload (runs of PADDING once). */
  frames: string[];
  decrypted: boolean;
}

export interface QuicConnectionRecord {
  client: Endpoint;
  server: Endpoint;
  /** The version of the client's first Initial. */
  version: number;
  versionName: string;
  /** The client's first Destination Connection ID (hex): the Initial keys come from it. */
  originalDcid: string;
  /** The connection IDs each side chose (hex; the server's once its Initial was seen). */
  clientCid: string;
  serverCid: string | null;
  firstFrame: number;
  lastFrame: number;
  firstTime: number;
  lastTime: number;
  datagrams: number;
  /** UDP payload bytes, both directions. */
  bytes: number;
  packets: { initial: number; zeroRtt: number; handshake: number; retry: number; versionNegotiation: number; oneRtt: number };
  /** The Initial packets (up to maxPacketRows; further ones counted). */
  initials: QuicInitialRecord[];
  initialsUnlisted: number;
  clientHello: QuicHelloRecord | null;
  serverHello: QuicHelloRecord | null;
  /** Versions a Version Negotiation packet offered, if one came. */
  offeredVersions: number[] | null;
  /** CONNECTION_CLOSE in an Initial packet. */
  close: { frame: number; fromClient: boolean; errorCode: number; reason: string } | null;
  problems: string[];
}

/** CRYPTO data of one direction's Initial packets, put back in order up to the first handshake message. */
class CryptoStream {
  private pieces: (CryptoPiece & { frame: number })[] = [];
  private kept = 0;
  done = false;
  overflow = false;

  constructor(private readonly limit: number) {}

  add(piece: CryptoPiece, frame: number): void {
    if (this.done) return;
    const end = Math.min(piece.offset + piece.data.length, this.limit);
    if (end < piece.offset + piece.data.length) this.overflow = true;
    if (end <= piece.offset) return;
    if (this.kept + (end - piece.offset) > this.limit) {
      this.overflow = true; // retransmitted pieces count too: the bound holds whatever is sent
      return;
    }
    this.pieces.push({ offset: piece.offset, data: Buffer.from(piece.data.subarray(0, end - piece.offset)), frame });
    this.kept += end - piece.offset;
  }

  /** The first handshake message, once the bytes from offset 0 hold it whole. */
  message(): { bytes: Uint8Array; frames: number[] } | null {
    const sorted = [...this.pieces].sort((a, b) => a.offset - b.offset);
    const parts: Uint8Array[] = [];
    const frames = new Set<number>();
    let have = 0;
    for (const p of sorted) {
      if (p.offset > have) break;
      const end = p.offset + p.data.length;
      if (end <= have) continue;
      parts.push(p.data.subarray(have - p.offset));
      frames.add(p.frame);
      have = end;
    }
    const bytes = Buffer.concat(parts, have);
    const header = handshakeHeader(bytes);
    if (!header || have < header.length) return null;
    this.done = true;
    this.pieces = [];
    return { bytes: bytes.subarray(0, header.length), frames: [...frames].sort((a, b) => a - b) };
  }
}

interface ConnectionState {
  record: QuicConnectionRecord;
  version: QuicVersion | null;
  /** The DCID the Initial keys are derived from (the client's first, or the one a Retry gave). */
  keyDcid: string;
  keys: { client: PacketKeys; server: PacketKeys } | null;
  largest: { client: number; server: number };
  crypto: { client: CryptoStream; server: CryptoStream };
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** HTTP/3's usual UDP port (RFC 9114 section 3.1). */
const HTTP3_PORT = 443;

export class QuicCollector {
  readonly connections: QuicConnectionRecord[] = [];
  /** Connections past maxQuicConnections: counted, not decrypted. */
  connectionsUnlisted = 0;
  /** Datagrams recognised as QUIC. */
  datagrams = 0;
  private readonly byPair = new Map<string, ConnectionState>();

  constructor(
    private readonly limits: Limits,
    private readonly warnings: Warnings,
  ) {}

  /** One UDP datagram's payload; returns whether it was QUIC. */
  datagram(src: Endpoint, dst: Endpoint, payload: Uint8Array, frame: number, time: number): boolean {
    if (payload.length === 0) return false;
    const key = pairKey(src, dst);
    let state = this.byPair.get(key);
    if ((payload[0]! & 0x80) === 0) {
      // A short header (1-RTT): only a connection already seen on these addresses tells it is QUIC.
      if (!state) return false;
      this.count(state, payload, frame, time).packets.oneRtt++;
      return true;
    }
    const first = parseLongHeader(payload, 0, null);
    if (typeof first === 'string' || !looksLikeQuic(first.version)) return false;
    if (!state || this.isNewConnection(state, src, first)) {
      // The client speaks first; a capture that begins later may show the server first (from port 443).
      const serverFirst = !state && src.port === HTTP3_PORT && dst.port !== HTTP3_PORT;
      const made = serverFirst ? this.open(dst, src, null, frame, time) : this.open(src, dst, first, frame, time);
      if (!made) return true;
      state = made;
    }
    this.datagrams++;
    this.count(state, payload, frame, time);
    const fromClient = src.ip === state.record.client.ip && src.port === state.record.client.port;
    // Coalesced packets (RFC 9000 section 12.2): one after another to the datagram's end.
    for (let o = 0; o < payload.length;) {
      if ((payload[o]! & 0x80) === 0) {
        state.record.packets.oneRtt++;
        break; // a short header runs to the end of the datagram
      }
      const types = quicVersion(readVersion(payload, o))?.types ?? null;
      const packet = parseLongHeader(payload, o, types);
      if (typeof packet === 'string') {
        this.problem(state, frame, `a QUIC packet in frame ${frame} could not be read: ${packet}`);
        break;
      }
      this.packet(state, payload, packet, fromClient, frame);
      if (packet.end <= o) break;
      o = packet.end;
      while (o < payload.length && payload[o] === 0) o++; // padding after the last packet
    }
    return true;
  }

  private isNewConnection(state: ConnectionState, src: Endpoint, packet: LongHeaderPacket): boolean {
    const fromClient = src.ip === state.record.client.ip && src.port === state.record.client.port;
    if (!fromClient || packet.version === 0) return false;
    const v = quicVersion(packet.version);
    if (!v || packet.typeBits !== v.types.initial) return false;
    const dcid = hex(packet.dcid);
    // The client's Initials go to its first DCID, then to the ID the server chose: another one starts anew.
    return dcid !== state.keyDcid && dcid !== state.record.serverCid && dcid !== state.record.originalDcid;
  }

  /** A new connection from `client` to `server`; `packet` is the client's first Initial, null when the server's came first. */
  private open(client: Endpoint, server: Endpoint, packet: LongHeaderPacket | null, frame: number, time: number): ConnectionState | null {
    if (this.connections.length >= this.limits.maxQuicConnections) {
      if (this.connectionsUnlisted++ === 0)
        this.warnings.add({ id: 'quic.tooManyConnections', frame, params: { max: this.limits.maxQuicConnections, limit: 'maxQuicConnections' } });
      return null;
    }
    const record: QuicConnectionRecord = {
      client,
      server,
      version: packet?.version ?? 0,
      versionName: packet ? versionLabel(packet.version) : '',
      originalDcid: packet ? hex(packet.dcid) : '',
      clientCid: packet ? hex(packet.scid) : '',
      serverCid: null,
      firstFrame: frame,
      lastFrame: frame,
      firstTime: time,
      lastTime: time,
      datagrams: 0,
      bytes: 0,
      packets: { initial: 0, zeroRtt: 0, handshake: 0, retry: 0, versionNegotiation: 0, oneRtt: 0 },
      initials: [],
      initialsUnlisted: 0,
      clientHello: null,
      serverHello: null,
      offeredVersions: null,
      close: null,
      problems: [],
    };
    this.connections.push(record);
    const limit = this.limits.maxQuicCryptoBytes;
    if (!packet)
      record.problems.push(
        "the capture holds no Initial from the client before the server's: the Initial keys (from the client's first Destination Connection ID) are unknown",
      );
    const state: ConnectionState = {
      record,
      version: packet ? quicVersion(packet.version) : null,
      keyDcid: record.originalDcid,
      keys: null,
      largest: { client: -1, server: -1 },
      crypto: { client: new CryptoStream(limit), server: new CryptoStream(limit) },
    };
    this.byPair.set(pairKey(client, server), state);
    return state;
  }

  private count(state: ConnectionState, payload: Uint8Array, frame: number, time: number): QuicConnectionRecord {
    const r = state.record;
    r.datagrams++;
    r.bytes += payload.length;
    r.lastFrame = frame;
    r.lastTime = time;
    return r;
  }

  private packet(state: ConnectionState, d: Uint8Array, packet: LongHeaderPacket, fromClient: boolean, frame: number): void {
    const r = state.record;
    if (packet.version === 0) {
      r.packets.versionNegotiation++;
      r.offeredVersions = packet.supportedVersions ?? [];
      return;
    }
    const version = quicVersion(packet.version);
    if (!version) return;
    if (version !== state.version) {
      // The first packet of a version (after Version Negotiation the client starts again in another one): new keys.
      state.version = version;
      state.keys = null;
      r.version = packet.version;
      r.versionName = version.name;
    }
    const types = version.types;
    if (!fromClient && packet.scid.length > 0 && packet.typeBits !== types.retry) r.serverCid ??= hex(packet.scid);
    if (packet.typeBits === types.retry) {
      // Retry (RFC 9000 section 17.2.5): the client's next Initial goes to this SCID, and its keys come from it.
      r.packets.retry++;
      state.keyDcid = hex(packet.scid);
      state.keys = null;
      state.crypto.client = new CryptoStream(this.limits.maxQuicCryptoBytes);
      state.largest.client = -1;
      return;
    }
    if (packet.typeBits === types.handshake) return void r.packets.handshake++;
    if (packet.typeBits === types.zeroRtt) return void r.packets.zeroRtt++;
    r.packets.initial++;
    const side = fromClient ? 'client' : 'server';
    const entry: QuicInitialRecord = {
      frame,
      fromClient,
      packetNumber: null,
      length: packet.end - packet.start,
      dcid: hex(packet.dcid),
      scid: hex(packet.scid),
      tokenLength: packet.token?.length ?? 0,
      frames: [],
      decrypted: false,
    };
    if (r.initials.length < this.limits.maxPacketRows) r.initials.push(entry);
    else r.initialsUnlisted++;
    if (state.keyDcid === '') return; // the client's first Initial was not captured: no keys (said once, at the start)
    state.keys ??= initialKeys(version, Buffer.from(state.keyDcid, 'hex'));
    const opened = openLongPacket(d, packet, state.keys[side], state.largest[side]);
    if (typeof opened === 'string') {
      const why =
        fromClient || r.clientHello || r.initials.some((i) => i.fromClient && i.decrypted)
          ? opened
          : `${opened} (the client's first Initial, whose DCID gives the keys, may not be in the capture)`;
      return this.problem(state, frame, `the ${side}'s Initial packet in frame ${frame} was not decrypted: ${why}`);
    }
    entry.packetNumber = opened.packetNumber;
    entry.decrypted = true;
    state.largest[side] = Math.max(state.largest[side], opened.packetNumber);
    const frames = parseInitialFrames(opened.payload);
    entry.frames = frames.frames;
    if (frames.error) this.problem(state, frame, `the ${side}'s Initial packet in frame ${frame}: ${frames.error}`);
    if (frames.close) r.close = { frame, fromClient, ...frames.close };
    const crypto = state.crypto[side];
    if (crypto.done) return;
    for (const piece of frames.crypto) crypto.add(piece, frame);
    const message = crypto.message();
    if (!message) {
      if (crypto.overflow) {
        crypto.done = true;
        this.problem(state, frame, `the ${side}'s TLS handshake message is longer than ${this.limits.maxQuicCryptoBytes} bytes (maxQuicCryptoBytes): not read`);
      }
      return;
    }
    const hello = parseHello(message.bytes);
    if (typeof hello === 'string') return this.problem(state, frame, `the TLS message in the ${side}'s Initial packets could not be read: ${hello}`);
    const record: QuicHelloRecord = { ...hello, frame, frames: message.frames };
    if (hello.kind === 'client-hello' && fromClient) r.clientHello = record;
    else if (hello.kind === 'server-hello' && !fromClient) r.serverHello = record;
    else this.problem(state, frame, `the ${side}'s Initial packets carry a ${hello.kind === 'client-hello' ? 'ClientHello' : 'ServerHello'}`);
  }

  private problem(state: ConnectionState, frame: number, message: string): void {
    if (state.record.problems.length < this.limits.maxWarnings) state.record.problems.push(message);
    this.warnings.add({ id: 'quic.problem', frame, params: { client: endpoint(state.record.client), server: endpoint(state.record.server), detail: message } });
  }
}

/** Versions 1 and 2, Version Negotiation, IETF drafts and reserved (greasing) versions are taken as QUIC. */
function looksLikeQuic(version: number): boolean {
  return quicVersion(version) !== null || version === 0 || version >>> 8 === 0xff0000 || (version & 0x0f0f0f0f) === 0x0a0a0a0a;
}

function readVersion(d: Uint8Array, o: number): number {
  return o + 5 <= d.length ? ((d[o + 1]! << 24) | (d[o + 2]! << 16) | (d[o + 3]! << 8) | d[o + 4]!) >>> 0 : -1;
}

function endpoint(e: Endpoint): string {
  return e.ip.includes(':') ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`;
}

/** The same key for both directions. */
function pairKey(a: Endpoint, b: Endpoint): string {
  const x = `${a.ip}/${a.port}`;
  const y = `${b.ip}/${b.port}`;
  return x < y ? `${x} ${y}` : `${y} ${x}`;
}
