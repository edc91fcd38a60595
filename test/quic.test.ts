import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { parseInitialFrames } from '../src/protocols/quic/frames.js';
import { parseHello } from '../src/protocols/quic/hello.js';
import { hkdfExpandLabel, hkdfExtract, initialKeys } from '../src/protocols/quic/keys.js';
import { decodePacketNumber, openLongPacket, parseLongHeader, readVarint } from '../src/protocols/quic/packet.js';
import { QUIC_V1, QUIC_V2, QuicCollector } from '../src/protocols/quic/index.js';
import { Warnings } from '../src/warnings.js';
import { CLIENT_PADDING, CLIENT_PAYLOAD, RFC_DCID, SERVER_PAYLOAD, V1, V2 } from './quic-vectors.js';
import { dissectQuic } from './quic-harness.js';
import { tshark } from './helpers/files.js';

const hex = (s: string) => Buffer.from(s, 'hex');
const keysHex = (k: { key: Buffer; iv: Buffer; hp: Buffer }) => ({ key: k.key.toString('hex'), iv: k.iv.toString('hex'), hp: k.hp.toString('hex') });
const CLIENT = { ip: '192.0.2.1', port: 50000 };
const SERVER = { ip: '192.0.2.2', port: 443 };

describe('QUIC Initial protection: RFC 9001 Appendix A (version 1) and RFC 9369 Appendix A (version 2)', () => {
  it('HKDF-Expand-Label gives the RFC 8446 / RFC 9001 A.1 client secret', () => {
    const initial = hkdfExtract(QUIC_V1.salt, hex(RFC_DCID));
    expect(initial.toString('hex')).toBe('7db5df06e7a69e432496adedb00851923595221596ae2ae9fb8115c1e9ed0a44');
    expect(hkdfExpandLabel(initial, 'client in', 32).toString('hex')).toBe('c00cf151ca5be075ed0ebfb5c80323c42d6b7db67881289af4008f1f6c357aea');
  });

  it('derives the keys of A.1 for both versions', () => {
    const v1 = initialKeys(QUIC_V1, hex(RFC_DCID));
    expect(keysHex(v1.client)).toEqual(V1.clientKeys);
    expect(keysHex(v1.server)).toEqual(V1.serverKeys);
    const v2 = initialKeys(QUIC_V2, hex(RFC_DCID));
    expect(v2.client.secret.toString('hex')).toBe(V2.clientSecret);
    expect(v2.server.secret.toString('hex')).toBe(V2.serverSecret);
    expect(keysHex(v2.client)).toEqual(V2.clientKeys);
    expect(keysHex(v2.server)).toEqual(V2.serverKeys);
  });

  for (const [name, version, v] of [
    ['version 1', QUIC_V1, V1],
    ['version 2', QUIC_V2, V2],
  ] as const) {
    it(`${name}: opens the client Initial of A.2 (header protection, AES-128-GCM) to the published ClientHello`, () => {
      const d = hex(v.clientPacket);
      expect(d.length).toBe(1200);
      const packet = parseLongHeader(d, 0, version.types);
      if (typeof packet === 'string') throw new Error(packet);
      expect(packet).toMatchObject({ version: version.version, typeBits: version.types.initial, end: 1200 });
      expect(Buffer.from(packet.dcid).toString('hex')).toBe(RFC_DCID);
      const opened = openLongPacket(d, packet, initialKeys(version, packet.dcid).client, -1);
      if (typeof opened === 'string') throw new Error(opened);
      expect(opened.packetNumber).toBe(2);
      expect(opened.header.toString('hex')).toBe(v.clientHeader);
      expect(opened.payload.toString('hex')).toBe(CLIENT_PAYLOAD + '00'.repeat(CLIENT_PADDING));
    });

    it(`${name}: opens the server Initial of A.3 to its ACK and ServerHello`, () => {
      const d = hex(v.serverPacket);
      const packet = parseLongHeader(d, 0, version.types);
      if (typeof packet === 'string') throw new Error(packet);
      const opened = openLongPacket(d, packet, initialKeys(version, hex(RFC_DCID)).server, -1);
      if (typeof opened === 'string') throw new Error(opened);
      expect(opened.packetNumber).toBe(1);
      expect(opened.header.toString('hex')).toBe(v.serverHeader);
      expect(opened.payload.toString('hex')).toBe(SERVER_PAYLOAD);
    });

    it(`${name}: the collector reads SNI, ALPN and versions from the client Initial, and the server's choice`, () => {
      const quic = new QuicCollector(DEFAULT_LIMITS, new Warnings(100));
      expect(quic.datagram(CLIENT, SERVER, hex(v.clientPacket), 1, 0)).toBe(true);
      expect(quic.datagram(SERVER, CLIENT, hex(v.serverPacket), 2, 0.01)).toBe(true);
      const [c] = quic.connections;
      expect(c).toMatchObject({ version: version.version, versionName: version.name, originalDcid: RFC_DCID, serverCid: 'f067a5502a4262b5', problems: [] });
      expect(c!.clientHello).toMatchObject({ frame: 1, frames: [1], sni: 'example.com', alpn: ['alpn'], versions: [0x0304], cipherSuites: [0x1301, 0x1302] });
      expect(c!.serverHello).toMatchObject({ frame: 2, versions: [0x0304], cipherSuites: [0x1301] });
      expect(c!.initials.map((i) => [i.frame, i.fromClient, i.packetNumber, i.frames])).toEqual([
        [1, true, 2, ['CRYPTO', 'PADDING']],
        [2, false, 1, ['ACK', 'CRYPTO']],
      ]);
    });
  }

  it('reads the Retry packet of RFC 9001 A.4 and derives the next Initial keys from its Source Connection ID', () => {
    const d = hex(V1.retryPacket);
    const packet = parseLongHeader(d, 0, QUIC_V1.types);
    if (typeof packet === 'string') throw new Error(packet);
    expect(packet.typeBits).toBe(QUIC_V1.types.retry);
    expect(Buffer.from(packet.scid).toString('hex')).toBe('f067a5502a4262b5');
    expect(Buffer.from(packet.token!).toString()).toBe('token');
    const quic = new QuicCollector(DEFAULT_LIMITS, new Warnings(100));
    quic.datagram(CLIENT, SERVER, hex(V1.clientPacket), 1, 0);
    quic.datagram(SERVER, CLIENT, d, 2, 0.01);
    expect(quic.connections[0]!.packets).toMatchObject({ initial: 1, retry: 1 });
  });

  it('recovers full packet numbers (RFC 9000 appendix A.3 example)', () => {
    expect(decodePacketNumber(0xa82f30ea, 0x9b32, 16)).toBe(0xa82f9b32);
    expect(readVarint(hex('c2197c5eff14e88c'), 0)).toEqual({ value: 151288809941952652, next: 8 });
    expect(readVarint(hex('9d7f3e7d'), 0)).toEqual({ value: 494878333, next: 4 });
    expect(readVarint(hex('7bbd'), 0)).toEqual({ value: 15293, next: 2 });
  });
});

describe('QUIC: damaged and hostile datagrams', () => {
  it('a flipped payload byte fails authentication: a problem, no ClientHello, no garbage', () => {
    const d = hex(V1.clientPacket);
    d[600] = d[600]! ^ 1;
    const warnings = new Warnings(100);
    const quic = new QuicCollector(DEFAULT_LIMITS, warnings);
    expect(quic.datagram(CLIENT, SERVER, d, 7, 0)).toBe(true);
    expect(quic.connections[0]!.clientHello).toBeNull();
    expect(quic.connections[0]!.initials[0]!.decrypted).toBe(false);
    expect(warnings.list[0]).toMatchObject({ frame: 7 });
    expect(warnings.list[0]!.message).toMatch(/not decrypted: its payload did not authenticate/);
  });

  it('cut-off datagrams, absurd connection IDs and non-QUIC UDP are told apart without throwing', () => {
    const quic = new QuicCollector(DEFAULT_LIMITS, new Warnings(100));
    const full = hex(V1.clientPacket);
    for (let n = 0; n < full.length; n += 37) quic.datagram(CLIENT, { ...SERVER, port: 1000 + n }, full.subarray(0, n), 1, 0);
    expect(quic.datagram(CLIENT, SERVER, hex('c00000000115' + '00'.repeat(40)), 2, 0)).toBe(false); // a 21-byte DCID
    expect(quic.datagram(CLIENT, SERVER, Buffer.from('GET / HTTP/1.1\r\n'), 3, 0)).toBe(false);
    expect(quic.datagram({ ip: '10.9.9.9', port: 53 }, SERVER, hex('4c' + '00'.repeat(30)), 4, 0)).toBe(false); // a short header nobody opened
    expect(quic.connections.every((c) => c.clientHello === null)).toBe(true);
  });

  it('stops tracking at maxQuicConnections and reading at maxQuicCryptoBytes', () => {
    const warnings = new Warnings(100);
    const quic = new QuicCollector({ ...DEFAULT_LIMITS, maxQuicConnections: 1, maxQuicCryptoBytes: 100 }, warnings);
    quic.datagram(CLIENT, SERVER, hex(V1.clientPacket), 1, 0);
    quic.datagram({ ...CLIENT, port: 50001 }, SERVER, hex(V1.clientPacket), 2, 0);
    expect(quic.connections).toHaveLength(1);
    expect(quic.connectionsUnlisted).toBe(1);
    expect(quic.connections[0]!.clientHello).toBeNull();
    expect(warnings.list.map((w) => w.message).join('\n')).toMatch(/maxQuicCryptoBytes[\s\S]*maxQuicConnections|maxQuicConnections[\s\S]*maxQuicCryptoBytes/);
  });

  it("a capture that begins with the server's Initial (from port 443): the connection is the client's, with no keys", () => {
    const quic = new QuicCollector(DEFAULT_LIMITS, new Warnings(100));
    expect(quic.datagram(SERVER, CLIENT, hex(V1.serverPacket), 1, 0)).toBe(true);
    const [c] = quic.connections;
    expect(c).toMatchObject({ client: CLIENT, server: SERVER, originalDcid: '', serverCid: 'f067a5502a4262b5', serverHello: null });
    expect(c!.initials).toMatchObject([{ frame: 1, fromClient: false, decrypted: false }]);
    expect(c!.problems.join(' ')).toMatch(/no Initial from the client/);
  });

  it('stops reading Initial frames at a type an Initial may not carry', () => {
    const frames = parseInitialFrames(hex('0100000801'));
    expect(frames.frames).toEqual(['PING', 'PADDING']);
    expect(frames.error).toMatch(/type 0x8 may not appear in an Initial/);
    expect(parseHello(hex('010000ff0303'))).toBe('the handshake message is cut off');
  });
});

describe('QUIC against tshark: Chromium Initials recorded on loopback (fixtures/quic/record.sh)', () => {
  for (const file of ['fixtures/quic/quic-chromium-v1.pcapng', 'fixtures/quic/quic-chromium-v2.pcapng']) {
    it(file, () => {
      const { quic, warnings } = dissectQuic(file);
      expect(warnings.list).toEqual([]);
      const fields = [
        'frame.number',
        'quic.version',
        'quic.packet_number',
        'tls.handshake.extensions_server_name',
        'tls.handshake.extensions_alpn_str',
        'quic.dcid',
        'quic.scid',
      ];
      const truth = tshark(file, fields, { filter: 'quic' });
      expect(quic.connections).toHaveLength(1);
      const c = quic.connections[0]!;
      expect(c.initials.map((i) => [i.dcid, i.scid])).toEqual(truth.map((t) => [t[5], t[6]]));
      expect(c.initials.map((i) => [String(i.frame), `0x${c.version.toString(16).padStart(8, '0')}`, String(i.packetNumber)])).toEqual(
        truth.map((t) => t.slice(0, 3)),
      );
      const hello = truth.filter((t) => t[3] !== '');
      expect(hello).toHaveLength(1);
      expect([String(c.clientHello!.frame), c.clientHello!.sni, c.clientHello!.alpn.join(',')]).toEqual([hello[0]![0], hello[0]![3], hello[0]![4]]);
      expect(c.clientHello!.frames.length).toBeGreaterThan(1); // Chromium's ClientHello spans two Initial packets
    });
  }
});
