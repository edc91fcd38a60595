import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAGMENT_LIMITS, IpDecoder, ipv6String, type IpPacket } from '../src/decode/ip.js';
import { decodeLink } from '../src/decode/link.js';
import { decodeTcp } from '../src/decode/tcp.js';
import { dissectCapture } from '../src/dissect.js';
import type { TcpConnection } from '../src/reassembly/tcp-stream.js';
import { HOSTILE_CASES } from '../src/fuzz/hostile.js';
import { tempFile, tshark } from './helpers/files.js';
import {
  bytes,
  ethernet,
  ipv4,
  ipv6,
  ipv6Fragment,
  nullLink,
  packetsOf,
  pcapFile,
  pcapngFile,
  sll,
  sll2,
  tcp,
  TCP,
  type PcapngBlock,
} from './helpers/packets.js';

/*
 * Link, IP and TCP decoding, checked on synthetic frames against tshark wherever tshark can
 * say: each frame below opens its own connection (a SYN, or a segment on its own ports), so
 * the connections dissectCapture finds line up one to one with tshark's tcp.stream values.
 */

const isV6 = (addr: string) => addr.includes(':');
/** Bytes as hex, so that Buffers and Uint8Arrays compare by content. */
const hex = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString('hex') : b);
/** A tshark list of frame numbers (ip.fragment lists them in offset order), in frame order. */
const frameList = (field: string | undefined) =>
  field
    ? field
        .split(',')
        .map(Number)
        .sort((x, y) => x - y)
    : undefined;

/** An IP packet (v4 or v6 by the address form) carrying one TCP segment. */
function packet(
  src: string,
  dst: string,
  sport: number,
  dport: number,
  opts: { flags?: number; payload?: Uint8Array | string; seq?: number } = {},
): Uint8Array {
  const payload = typeof opts.payload === 'string' ? bytes(opts.payload) : opts.payload;
  const segment = tcp({ sport, dport, seq: opts.seq ?? 1000, flags: opts.flags ?? TCP.SYN, ...(payload ? { payload } : {}) });
  return isV6(src) ? ipv6({ src, dst, payload: segment }) : ipv4({ src, dst, payload: segment });
}

const TSHARK_TCP_FIELDS = ['frame.number', 'ip.src', 'ipv6.src', 'tcp.srcport', 'tcp.dstport', 'tcp.stream', 'tcp.len'];

interface StreamView {
  stream: number;
  frame: number;
  client: string;
  clientPort: number;
  serverPort: number;
  bytes: number;
}

/** tshark's view of a capture where every TCP frame opens a connection from its source. */
function tsharkStreams(rows: string[][]): StreamView[] {
  return rows
    .filter((r) => r[5] !== '')
    .map((r) => ({
      stream: Number(r[5]),
      frame: Number(r[0]),
      client: r[2] || r[1]!,
      clientPort: Number(r[3]),
      serverPort: Number(r[4]),
      bytes: Number(r[6]),
    }));
}

/** Every TCP connection of a capture, dissected or not, in tcp.stream order. */
function connectionsOf(path: string): TcpConnection[] {
  const all: TcpConnection[] = [];
  dissectCapture(path, { onConnection: (c) => all.push(c) });
  return all;
}

function ourStreams(path: string): StreamView[] {
  return connectionsOf(path).map((c) => ({
    stream: c.stream,
    frame: c.firstFrame,
    client: c.client.ip,
    clientPort: c.client.port,
    serverPort: c.server.port,
    bytes: c.bytes,
  }));
}

describe('link layers, against tshark', () => {
  // One pcapng, one interface per link type, so a single tshark run checks them all.
  const LINK_TYPES = [1, 113, 276, 101, 228, 229, 0, 108, 147] as const;
  const frames: { linkType: number; data: Uint8Array; what: string }[] = [];
  let n = 0;
  /** A fresh pair of addresses and ports for each frame: 10.1.n.1 → 10.1.n.2 or 2001:db8:n::1 → 2001:db8:n::2. */
  const add = (linkType: number, what: string, v6: boolean, wrap: (ip: Uint8Array) => Uint8Array, payload?: string) => {
    n++;
    const [src, dst] = v6 ? [`2001:db8:${n.toString(16)}::1`, `2001:db8:${n.toString(16)}::2`] : [`10.1.${n}.1`, `10.1.${n}.2`];
    const opts = payload === undefined ? {} : { flags: TCP.ACK | TCP.PSH, payload };
    frames.push({ linkType, data: wrap(packet(src, dst, 10_000 + n, 80, opts)), what });
  };
  add(1, 'Ethernet II, IPv4', false, (ip) => ethernet(ip));
  add(1, 'Ethernet II, IPv6', true, (ip) => ethernet(ip));
  add(1, '802.1Q', false, (ip) => ethernet(ip, { vlans: [100] }));
  add(1, '802.1Q, IPv6', true, (ip) => ethernet(ip, { vlans: [101] }));
  add(1, 'QinQ 0x88a8 + 0x8100', false, (ip) => ethernet(ip, { vlans: [200, 100], tpids: [0x88a8, 0x8100] }));
  add(1, 'QinQ 0x9100 + 0x8100', true, (ip) => ethernet(ip, { vlans: [300, 100], tpids: [0x9100, 0x8100] }));
  add(1, 'short frame padded to 60 bytes', false, (ip) => ethernet(ip), 'hi');
  frames.push({ linkType: 1, data: ethernet(bytes(new Array(28).fill(1)), { type: 0x0806 }), what: 'ARP: not IP' });
  add(113, 'SLL, IPv4', false, (ip) => sll(ip));
  add(113, 'SLL, IPv6', true, (ip) => sll(ip));
  add(276, 'SLL2, IPv4', false, (ip) => sll2(ip));
  add(276, 'SLL2, IPv6', true, (ip) => sll2(ip));
  add(101, 'raw IPv4', false, (ip) => ip);
  add(101, 'raw IPv6', true, (ip) => ip);
  add(228, 'LINKTYPE_IPV4', false, (ip) => ip);
  add(229, 'LINKTYPE_IPV6', true, (ip) => ip);
  add(0, 'BSD null AF_INET little-endian', false, (ip) => nullLink(ip, 2));
  add(0, 'BSD null AF_INET big-endian', false, (ip) => nullLink(ip, 2, true));
  for (const af of [24, 28, 30]) {
    add(0, `BSD null AF ${af} little-endian`, true, (ip) => nullLink(ip, af));
    add(0, `BSD null AF ${af} big-endian`, true, (ip) => nullLink(ip, af, true));
  }
  add(108, 'OpenBSD loop AF_INET', false, (ip) => nullLink(ip, 2, true));
  add(108, 'OpenBSD loop AF 24', true, (ip) => nullLink(ip, 24, true));
  add(108, 'OpenBSD loop, AF in little-endian: not network order, so not IP', false, (ip) => nullLink(ip, 2));
  add(147, 'an undecoded link type (USER0)', false, (ip) => ip);

  const path = tempFile(
    'links.pcapng',
    pcapngFile([
      {
        blocks: [
          ...LINK_TYPES.map((linkType): PcapngBlock => ({ kind: 'idb', linkType })),
          ...frames.map((f, i): PcapngBlock => ({
            kind: 'epb',
            iface: LINK_TYPES.indexOf(f.linkType as (typeof LINK_TYPES)[number]),
            units: 1_700_000_000_000_000n + BigInt(i),
            data: f.data,
          })),
        ],
      },
    ]),
  );
  const rows = tshark(path, TSHARK_TCP_FIELDS);
  const records = dissectCapture(path);

  it('finds the same TCP connections as tshark, with the same stream numbers, endpoints and lengths', () => {
    expect(rows).toHaveLength(frames.length);
    const theirs = tsharkStreams(rows);
    expect(theirs.length).toBe(frames.filter((f) => !/not IP|undecoded/.test(f.what)).length);
    expect(ourStreams(records.file)).toEqual(theirs);
  });

  it('counts IPv4, IPv6, non-IP frames and the undecoded link type as tshark sees them', () => {
    const v4 = rows.filter((r) => r[1] !== '').length;
    const v6 = rows.filter((r) => r[2] !== '').length;
    expect(records.counts).toMatchObject({ ipv4: v4, ipv6: v6, tcp: tsharkStreams(rows).length, otherLinkType: 1, notIp: frames.length - v4 - v6 - 1 });
    expect(records.counts.notIp).toBe(2); // the ARP frame and the little-endian loop frame
    expect(records.warnings.list.some((w) => /link type 147 are not decoded/.test(w.message))).toBe(true);
  });

  it('bounds a padded Ethernet frame by the IP total length', () => {
    const i = frames.findIndex((f) => f.what.startsWith('short frame'));
    expect(frames[i]!.data.length).toBe(60); // 14 + 20 + 20 + 2, padded with 4 zero bytes
    const conn = connectionsOf(records.file).find((c) => c.firstFrame === i + 1)!;
    expect(conn.bytes).toBe(2);
    const link = decodeLink(1, frames[i]!.data);
    const ip = new IpDecoder().decode(4, frames[i]!.data, link.offset, 1)!;
    expect(ip.payload.length).toBe(22);
    expect(Buffer.from(decodeTcp(ip.payload, ip.payloadLength)!.payload).toString('latin1')).toBe('hi');
  });
});

describe('decodeLink', () => {
  const v4 = packet('192.0.2.1', '192.0.2.2', 1, 2);
  const v6 = packet('2001:db8::1', '2001:db8::2', 1, 2);

  it.each([
    ['Ethernet II', 1, ethernet(v4), 14, 4],
    ['802.1Q', 1, ethernet(v6, { vlans: [5] }), 18, 6],
    ['QinQ 0x88a8/0x8100', 1, ethernet(v4, { vlans: [5, 6], tpids: [0x88a8, 0x8100] }), 22, 4],
    ['QinQ 0x9100/0x8100', 1, ethernet(v4, { vlans: [5, 6], tpids: [0x9100, 0x8100] }), 22, 4],
    ['three tags', 1, ethernet(v6, { vlans: [5, 6, 7], tpids: [0x88a8, 0x8100, 0x8100] }), 26, 6],
    ['SLL', 113, sll(v6), 16, 6],
    ['SLL2', 276, sll2(v4), 20, 4],
    ['raw, v4', 101, v4, 0, 4],
    ['raw, v6', 101, v6, 0, 6],
    ['IPv4 link type', 228, v4, 0, 4],
    ['IPv6 link type', 229, v6, 0, 6],
    ['null, Linux AF_INET6 (10) little-endian', 0, nullLink(v6, 10), 4, 6],
    ['null, Linux AF_INET6 (10) big-endian', 0, nullLink(v6, 10, true), 4, 6],
    ['null, AF 28 big-endian', 0, nullLink(v6, 28, true), 4, 6],
    ['loop, AF 24', 108, nullLink(v6, 24, true), 4, 6],
  ])('%s', (_what, linkType, frame, offset, ipVersion) => {
    expect(decodeLink(linkType, frame)).toEqual({ offset, ipVersion });
  });

  it.each([
    ['IPv6 link type carrying IPv4', 229, v4],
    ['IPv4 link type carrying IPv6', 228, v6],
    ['raw, neither version', 101, bytes([0x50], v4.subarray(1))],
    ['null, AF 7', 0, nullLink(v4, 7)],
    ['SLL, ARP', 113, sll(v4, 0x0806)],
    ['an unknown link type', 147, v4],
    ['Ethernet cut inside the header', 1, ethernet(v4).subarray(0, 13)],
    ['802.1Q cut inside the tag', 1, ethernet(v4, { vlans: [5] }).subarray(0, 16)],
    ['SLL2 cut', 276, sll2(v4).subarray(0, 19)],
    ['null cut', 0, bytes([2, 0, 0])],
    ['raw, empty', 101, new Uint8Array(0)],
  ])('not IP: %s', (_what, linkType, frame) => {
    expect(decodeLink(linkType, frame).ipVersion).toBe(0);
  });

  it('reads a capture of Linux AF_INET6 (10) null frames in both byte orders (tshark does not decode these)', () => {
    const frames = [nullLink(v6, 10), nullLink(packet('2001:db8::3', '2001:db8::4', 7, 8), 10, true)];
    const records = dissectCapture(tempFile('null-linux.pcap', pcapFile(packetsOf(frames), { linkType: 0 })));
    expect(records.counts).toMatchObject({ ipv6: 2, tcp: 2, notIp: 0 });
    expect(connectionsOf(records.file).map((c) => c.client.ip)).toEqual(['2001:db8::1', '2001:db8::3']);
  });
});

describe('IPv4 and TCP headers, against tshark', () => {
  const payload = 'options do not move the payload';
  const frames = [
    // IHL 6: Router Alert.
    ethernet(
      ipv4({
        src: '10.2.0.1',
        dst: '10.2.0.2',
        options: [0x94, 4, 0, 0],
        payload: tcp({ sport: 20001, dport: 80, seq: 1, flags: TCP.SYN, payload: bytes(payload) }),
      }),
    ),
    // IHL 9: NOPs and a 12-byte timestamp option shell.
    ethernet(
      ipv4({
        src: '10.2.0.3',
        dst: '10.2.0.4',
        options: [1, 1, 1, 1, 0x44, 12, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0],
        payload: tcp({ sport: 20002, dport: 80, seq: 1, flags: TCP.SYN, payload: bytes(payload) }),
      }),
    ),
    // TCP data offset 10: MSS, SACK permitted, timestamps, NOP, window scale.
    ethernet(
      ipv4({
        src: '10.2.0.5',
        dst: '10.2.0.6',
        payload: tcp({
          sport: 20003,
          dport: 80,
          seq: 1,
          flags: TCP.SYN,
          options: [2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7],
          payload: bytes(payload),
        }),
      }),
    ),
    // TSO: total length 0, the frame says how long the datagram is.
    ethernet(
      ipv4({
        src: '10.2.0.7',
        dst: '10.2.0.8',
        totalLength: 0,
        payload: tcp({ sport: 20004, dport: 80, seq: 1, flags: TCP.SYN, payload: new Uint8Array(1400).fill(0x41) }),
      }),
    ),
  ];
  const path = tempFile('headers.pcap', pcapFile(packetsOf(frames)));
  const rows = tshark(path, [...TSHARK_TCP_FIELDS, 'ip.hdr_len', 'tcp.hdr_len']);
  const records = dissectCapture(path);

  it('finds the same connections and payload lengths as tshark', () => {
    expect(ourStreams(records.file)).toEqual(tsharkStreams(rows));
    expect(rows.map((r) => [Number(r[7]), Number(r[8]), Number(r[6])])).toEqual([
      [24, 20, payload.length],
      [40, 20, payload.length],
      [20, 40, payload.length],
      [20, 20, 1400],
    ]);
  });

  it('skips IPv4 and TCP options to the exact payload', () => {
    const decoder = new IpDecoder();
    for (const [i, frame] of frames.slice(0, 3).entries()) {
      const ip = decoder.decode(4, frame, 14, i + 1)!;
      const segment = decodeTcp(ip.payload, ip.payloadLength)!;
      expect(segment.headerLength).toBe(Number(rows[i]![8]));
      expect(Buffer.from(segment.payload).toString('latin1')).toBe(payload);
      expect(segment.payloadLength).toBe(payload.length);
    }
  });

  it('reads the TSO datagram to the end of the frame', () => {
    const ip = new IpDecoder().decode(4, frames[3]!, 14, 4)!;
    expect(ip.payloadLength).toBe(1420);
    const segment = decodeTcp(ip.payload, ip.payloadLength)!;
    expect(hex(segment.payload)).toBe(hex(new Uint8Array(1400).fill(0x41)));
  });

  it('decodes TCP header fields', () => {
    const raw = tcp({ sport: 0xfedc, dport: 443, seq: 0xfffffffe, ack: 0x80000001, flags: TCP.SYN | TCP.ACK, window: 1234, payload: bytes('xyz') });
    expect(decodeTcp(raw, raw.length)).toMatchObject({
      srcPort: 0xfedc,
      dstPort: 443,
      seq: 0xfffffffe,
      ack: 0x80000001,
      flags: TCP.SYN | TCP.ACK,
      window: 1234,
      headerLength: 20,
      payloadLength: 3,
    });
  });
});

describe('damaged headers give null, never an exception', () => {
  const segment = tcp({ sport: 1, dport: 2, seq: 1, flags: TCP.ACK, payload: bytes('data') });
  const withByte = (b: Uint8Array, at: number, value: number) => {
    const copy = Uint8Array.from(b);
    copy[at] = value;
    return copy;
  };

  it.each([
    ['IHL 4', withByte(ipv4({ src: '10.0.0.1', dst: '10.0.0.2', payload: segment }), 0, 0x44)],
    ['IHL 0', withByte(ipv4({ src: '10.0.0.1', dst: '10.0.0.2', payload: segment }), 0, 0x40)],
    ['total length below the header length', ipv4({ src: '10.0.0.1', dst: '10.0.0.2', payload: segment, totalLength: 19 })],
    ['header cut off', ipv4({ src: '10.0.0.1', dst: '10.0.0.2', payload: segment }).subarray(0, 19)],
    ['version 6 nibble in an IPv4 slot', withByte(ipv4({ src: '10.0.0.1', dst: '10.0.0.2', payload: segment }), 0, 0x65)],
  ])('IPv4: %s', (_what, datagram) => {
    expect(new IpDecoder().decode(4, datagram, 0, 1)).toBeNull();
  });

  it.each([
    ['header cut off', ipv6({ src: '::1', dst: '::2', payload: segment }).subarray(0, 39)],
    [
      'extension header running past the payload',
      ipv6({ src: '::1', dst: '::2', extensions: [{ type: 60, data: bytes([200], new Array(6).fill(0)) }], payload: segment }),
    ],
    [
      'extension header cut after its first byte',
      ipv6({ src: '::1', dst: '::2', extensions: [{ type: 0, data: bytes([0, 1, 4, 0, 0, 0, 0]) }], payload: new Uint8Array(0) }).subarray(0, 41),
    ],
    ['No Next Header', ipv6({ src: '::1', dst: '::2', next: 59, payload: segment })],
  ])('IPv6: %s', (_what, datagram) => {
    expect(new IpDecoder().decode(6, datagram, 0, 1)).toBeNull();
  });

  it.each([
    ['data offset 4', withByte(segment, 12, 0x40), segment.length],
    ['data offset 0', withByte(segment, 12, 0x00), segment.length],
    ['data offset 15 beyond the 24-byte segment', withByte(segment, 12, 0xf0), segment.length],
    ['data offset 6 beyond an IP length of 22', withByte(segment, 12, 0x60), 22],
    ['fewer than 20 bytes', segment.subarray(0, 19), 19],
  ])('TCP: %s', (_what, raw, length) => {
    expect(decodeTcp(raw, length)).toBeNull();
  });

  it('a capture of damaged frames is counted and warned about, and the frames after them still decode', () => {
    const good = (port: number) => ethernet(ipv4({ src: '10.3.0.1', dst: '10.3.0.2', payload: tcp({ sport: port, dport: 80, seq: 1, flags: TCP.SYN }) }));
    const frames = [
      good(30001),
      ethernet(withByte(ipv4({ src: '10.3.0.1', dst: '10.3.0.2', payload: segment }), 0, 0x43)),
      ethernet(ipv4({ src: '10.3.0.1', dst: '10.3.0.2', payload: withByte(segment, 12, 0x30) })),
      ethernet(ipv4({ src: '10.3.0.1', dst: '10.3.0.2', payload: withByte(segment, 12, 0xf0) })),
      ethernet(ipv4({ src: '10.3.0.1', dst: '10.3.0.2', payload: segment.subarray(0, 12) })),
      good(30002),
    ];
    const records = dissectCapture(tempFile('damaged.pcap', pcapFile(packetsOf(frames))));
    // Frame 2's IP header is damaged (IHL 3), frames 3-5 their TCP headers: all four count as not decodable IP/TCP.
    expect(records.counts).toMatchObject({ tcp: 2, notIp: 4 });
    // As tshark numbers them (tcp.stream 0, 1, 2): frames 3-4 have a bogus data offset but readable ports, so they still open stream 1.
    const streams = tshark(records.file, ['frame.number', 'tcp.stream']).filter(([, s]) => s !== '');
    const firstFrames = [...new Map(streams.map(([f, s]) => [s, Number(f)] as const).reverse()).values()].reverse();
    expect(connectionsOf(records.file).map((c) => c.firstFrame)).toEqual(firstFrames.sort((a, b) => a - b));
    expect(connectionsOf(records.file).map((c) => c.firstFrame)).toEqual([1, 3, 6]);
    expect(records.warnings.list.filter((w) => /TCP header is damaged/.test(w.message)).map((w) => w.frame)).toEqual([3, 4, 5]);
  });
});

describe('IPv4 fragments', () => {
  /** A TCP segment of `size` payload bytes from sport, and its IPv4 fragments of `step` bytes (multiple of 8). */
  function fragments(src: string, sport: number, id: number, size: number, step: number) {
    const data = Uint8Array.from({ length: size }, (_, i) => (i * 7 + sport) & 0xff);
    const segment = tcp({ sport, dport: 80, seq: 1, flags: TCP.SYN, payload: data });
    const out: Uint8Array[] = [];
    for (let o = 0; o < segment.length; o += step) {
      out.push(
        ethernet(ipv4({ src, dst: '10.4.0.254', id, fragmentOffset: o, moreFragments: o + step < segment.length, payload: segment.subarray(o, o + step) })),
      );
    }
    return { segment, data, frames: out };
  }

  const a = fragments('10.4.0.1', 40001, 7, 100, 48); // 120 bytes: fragments at 0, 48, 96
  const b = fragments('10.4.0.2', 40002, 8, 100, 48); // never completes: its middle is lost
  const c = fragments('10.4.0.3', 40003, 9, 30, 24); // 50 bytes, in order
  const lone = ethernet(packet('10.4.0.4', '10.4.0.254', 40004, 80));
  // Frames: 1 a[2], 2 b[0], 3 a[0], 4 b[2], 5 c[0], 6 a[1] (completes a), 7 lone, 8 c[1], 9 c[2] (completes c)
  const frames = [a.frames[2]!, b.frames[0]!, a.frames[0]!, b.frames[2]!, c.frames[0]!, a.frames[1]!, lone, c.frames[1]!, c.frames[2]!];
  const path = tempFile('fragments.pcap', pcapFile(packetsOf(frames)));
  const rows = tshark(path, [...TSHARK_TCP_FIELDS, 'ip.fragment']);

  it('reassembles out-of-order fragments into one TCP segment in the frame that completes it, as tshark does', () => {
    const records = dissectCapture(path);
    expect(ourStreams(records.file)).toEqual(tsharkStreams(rows));
    expect(connectionsOf(records.file).map((x) => x.firstFrame)).toEqual([6, 7, 9]);
    expect(connectionsOf(records.file).some((x) => x.client.ip === '10.4.0.2')).toBe(false); // b never completes
    expect(records.counts).toMatchObject({ ipv4: 9, tcp: 3 });
  });

  it('gives the reassembled bytes and the frames of the fragments', () => {
    const decoder = new IpDecoder();
    const done: { frame: number; packet: IpPacket }[] = [];
    frames.forEach((f, i) => {
      const p = decoder.decode(4, f, 14, i + 1);
      if (p) done.push({ frame: i + 1, packet: p });
    });
    const theirs = rows.filter((r) => r[5] !== '').map((r) => ({ frame: Number(r[0]), fragments: frameList(r[7]) }));
    expect(done.map((d) => ({ frame: d.frame, fragments: d.packet.fragmentFrames }))).toEqual(theirs);
    expect(done[0]!.packet.fragmentFrames).toEqual([1, 3, 6]);
    expect(hex(done[0]!.packet.payload)).toBe(hex(a.segment));
    expect(done[0]!.packet.payloadLength).toBe(120);
    expect(hex(decodeTcp(done[0]!.packet.payload, done[0]!.packet.payloadLength)!.payload)).toBe(hex(a.data));
    expect(hex(done[2]!.packet.payload)).toBe(hex(c.segment));
  });

  it('drops the oldest pending datagram beyond maxPendingDatagrams', () => {
    const x = fragments('10.5.0.1', 1, 1, 60, 40);
    const y = fragments('10.5.0.2', 2, 2, 60, 40);
    const z = fragments('10.5.0.3', 3, 3, 60, 40);
    const decoder = new IpDecoder({ ...DEFAULT_FRAGMENT_LIMITS, maxPendingDatagrams: 2 });
    const feed = (f: Uint8Array, frame: number) => decoder.decode(4, f, 14, frame);
    expect(feed(x.frames[0]!, 1)).toBeNull();
    expect(feed(y.frames[0]!, 2)).toBeNull();
    expect(decoder.droppedFragments).toBe(0);
    expect(feed(z.frames[0]!, 3)).toBeNull(); // a third datagram: x, the oldest, goes
    expect(decoder.droppedFragments).toBe(1);
    expect(hex(feed(y.frames[1]!, 4)?.payload)).toBe(hex(y.segment));
    expect(hex(feed(z.frames[1]!, 5)?.payload)).toBe(hex(z.segment));
    expect(feed(x.frames[1]!, 6)).toBeNull(); // x's first half is gone
  });

  it('drops a fragment cut short by the snapshot length', () => {
    const decoder = new IpDecoder();
    expect(decoder.decode(4, a.frames[0]!.subarray(0, 40), 14, 1)).toBeNull();
    expect(decoder.droppedFragments).toBe(1);
  });

  it('survives fragments past the end of the datagram, and reassembles the datagram without them as tshark does', () => {
    const segment = tcp({ sport: 40010, dport: 80, seq: 1, flags: TCP.SYN, payload: bytes('B'.repeat(32)) }); // 52 bytes
    const mk = (offset: number, more: boolean, p: Uint8Array) =>
      ethernet(ipv4({ src: '10.6.0.1', dst: '10.6.0.2', id: 5, fragmentOffset: offset, moreFragments: more, payload: p }));
    const train = [mk(0, true, segment.subarray(0, 48)), mk(56, true, bytes('ZZZZZZZZ')), mk(48, false, segment.subarray(48))];
    // And one whose first fragment runs past the end set by the last: this used to throw a RangeError.
    const long = tcp({ sport: 40011, dport: 80, seq: 1, flags: TCP.SYN, payload: bytes('C'.repeat(40)) }); // 60 bytes
    const mk2 = (offset: number, more: boolean, p: Uint8Array) =>
      ethernet(ipv4({ src: '10.6.0.3', dst: '10.6.0.4', id: 6, fragmentOffset: offset, moreFragments: more, payload: p }));
    const overlong = [mk2(0, true, bytes(long, 'XXXXXXXXXXXX')), mk2(64, true, bytes('YYYYYYYY')), mk2(48, false, long.subarray(48))];
    const file = tempFile('fragments-past-end.pcap', pcapFile(packetsOf([...train, ...overlong])));
    const theirs = tshark(file, [...TSHARK_TCP_FIELDS, 'ip.fragment']).filter((r) => r[5] !== '');
    expect(theirs.map((r) => [Number(r[0]), Number(r[6])])).toEqual([
      [3, 32],
      [6, 40],
    ]);
    const decoder = new IpDecoder();
    const results = [...train, ...overlong].map((f, i) => decoder.decode(4, f, 14, i + 1));
    expect(hex(results[2]?.payload)).toBe(hex(segment));
    expect(results[2]!.fragmentFrames).toEqual(frameList(theirs[0]![7]));
    expect(results[2]!.fragmentFrames).toEqual([1, 3]);
    expect(hex(results[5]?.payload)).toBe(hex(long));
  });

  it('resolves overlapping fragments as tshark does: each byte from the lowest offset holding it, the first to arrive among equals', () => {
    const segment = tcp({ sport: 40020, dport: 80, seq: 1, flags: TCP.SYN, payload: bytes('0123456789abcdef0123456789abcdef!!!!!!!') }); // 59 bytes
    const mk = (id: number, offset: number, more: boolean, p: Uint8Array) =>
      ethernet(ipv4({ src: '10.7.0.1', dst: '10.7.0.2', id, fragmentOffset: offset, moreFragments: more, payload: p }));
    const fill = (p: Uint8Array, c: string) => bytes(c.repeat(p.length));
    const arrangements = [
      // 24..40 arrives first; then 16..40 (lower offset, other bytes) overlaps it
      (id: number) => [mk(id, 24, true, fill(segment.subarray(24, 40), 'A')), mk(id, 16, true, fill(segment.subarray(16, 40), 'B'))],
      // the same two, the other way round
      (id: number) => [mk(id, 16, true, fill(segment.subarray(16, 40), 'B')), mk(id, 24, true, fill(segment.subarray(24, 40), 'A'))],
      // two at one offset: the first to arrive wins
      (id: number) => [mk(id, 16, true, fill(segment.subarray(16, 40), 'A')), mk(id, 16, true, fill(segment.subarray(16, 40), 'C'))],
    ];
    const frames = arrangements.flatMap((make, i) => [...make(i + 1), mk(i + 1, 0, true, segment.subarray(0, 16)), mk(i + 1, 40, false, segment.subarray(40))]);
    const file = tempFile('fragments-overlap.pcap', pcapFile(packetsOf(frames)));
    const theirs = tshark(file, ['frame.number', 'tcp.payload'], { filter: 'tcp.payload' }).map(([frame, payload]) => `${frame} ${payload}`);
    const decoder = new IpDecoder();
    const ours = frames.flatMap((f, i) => {
      const p = decoder.decode(4, f, 14, i + 1);
      return p ? [`${i + 1} ${hex(decodeTcp(p.payload, p.payloadLength)!.payload)}`] : [];
    });
    expect(theirs).toHaveLength(3);
    expect(ours).toEqual(theirs);
  });

  it.each(HOSTILE_CASES.filter((c) => c.name.endsWith('fragments')).map((c) => [c.name, c] as const))(
    'reassembles a train of 4,000 overlapping fragments (%s), the last sent first, at the frame tshark does',
    (_name, train) => {
      const file = tempFile(`${train.name}.pcap`, train.build(4000));
      const theirs = tshark(file, ['frame.number', 'http.request.method'], { filter: 'http.request' });
      const records = dissectCapture(file);
      const ours = records.protocols.http.exchanges.map((e) => [String(e.request!.frame), e.request!.method]);
      expect(ours).toEqual(theirs);
      expect(ours[0]![0]).toBe(String(4000 + 3)); // the handshake, then the train: whole at its last fragment
      expect(records.counts.ipFragmentsDropped).toBe(0);
    },
  );

  it('holds at most maxFragmentBytes of fragments for one datagram, and counts the ones it drops', () => {
    const decoder = new IpDecoder({ ...DEFAULT_FRAGMENT_LIMITS, maxFragmentBytes: 100 });
    const piece = (offset: number, frame: number) => decoder.decode(4, a.frames[offset / 48]!, 14, frame);
    expect(piece(48, 1)).toBeNull(); // 48 bytes held
    expect(piece(48, 2)).toBeNull(); // 96
    expect(piece(0, 3)).toBeNull(); // would be 144: dropped
    expect(decoder.droppedFragments).toBe(1);
    expect(decoder.incompleteDatagrams).toBe(1);
  });

  it('counts each fragment as at least 8 bytes against maxFragmentBytes, so a train of empty fragments is bounded too', () => {
    const decoder = new IpDecoder({ ...DEFAULT_FRAGMENT_LIMITS, maxFragmentBytes: 80 });
    const empty = ethernet(ipv4({ src: '10.8.0.1', dst: '10.8.0.2', id: 9, fragmentOffset: 8, moreFragments: true, payload: new Uint8Array(0) }));
    for (let i = 1; i <= 12; i++) expect(decoder.decode(4, empty, 14, i)).toBeNull();
    expect(decoder.droppedFragments).toBe(2);
  });
});

describe('IPv6 extension headers and fragments, against tshark', () => {
  const hopByHop = { type: 0, data: bytes([0], [1, 4, 0, 0, 0, 0]) }; // 8 bytes: PadN
  const destination = {
    type: 60,
    data: bytes(
      [1],
      new Array(14).fill(0).map((_, i) => (i === 0 ? 1 : i === 1 ? 12 : 0)),
    ),
  }; // 16 bytes: PadN(12)
  const routing = {
    type: 43,
    data: bytes(
      [2, 0, 0],
      [0, 0, 0, 0],
      [0x20, 0x01, 0x0d, 0xb8],
      new Array(12).fill(0).map((_, i) => (i === 11 ? 9 : 0)),
    ),
  }; // type 0, segments left 0, one address: 24 bytes
  const v6 = (src: string, sport: number, opts: { payload?: Uint8Array; extensions?: { type: number; data: Uint8Array }[]; next?: number; flags?: number }) =>
    ethernet(
      ipv6({
        src,
        dst: '2001:db8:ffff::1',
        ...(opts.extensions ? { extensions: opts.extensions } : {}),
        ...(opts.next !== undefined ? { next: opts.next } : {}),
        payload: opts.payload ?? tcp({ sport, dport: 80, seq: 1, flags: opts.flags ?? TCP.SYN }),
      }),
    );

  const text = 'through hop-by-hop, destination and routing headers';
  const chained = tcp({ sport: 50001, dport: 80, seq: 1, flags: TCP.SYN, payload: bytes(text) });
  const big = tcp({ sport: 50002, dport: 80, seq: 1, flags: TCP.SYN, payload: Uint8Array.from({ length: 200 }, (_, i) => i) }); // 220 bytes
  // The fragmentable part starts with a destination options header (next header 60 in the Fragment header).
  const dstFirst = bytes([6], destination.data, tcp({ sport: 50003, dport: 80, seq: 1, flags: TCP.SYN, payload: bytes('after a destination header') }));
  const frames = [
    v6('2001:db8:1::1', 0, { payload: chained, extensions: [hopByHop, destination, routing] }),
    // big, in three fragments arriving last-first.
    v6('2001:db8:2::1', 0, { next: 6, extensions: [hopByHop, ipv6Fragment(208, false, 0x1234)], payload: big.subarray(208) }),
    v6('2001:db8:2::1', 0, { next: 6, extensions: [hopByHop, ipv6Fragment(0, true, 0x1234)], payload: big.subarray(0, 104) }),
    v6('2001:db8:2::1', 0, { next: 6, extensions: [hopByHop, ipv6Fragment(104, true, 0x1234)], payload: big.subarray(104, 208) }),
    v6('2001:db8:3::1', 0, { next: 60, extensions: [ipv6Fragment(0, true, 77)], payload: dstFirst.subarray(0, 40) }),
    v6('2001:db8:3::1', 0, { next: 60, extensions: [ipv6Fragment(40, false, 77)], payload: dstFirst.subarray(40) }),
    // An atomic fragment (offset 0, M = 0): the whole datagram.
    v6('2001:db8:4::1', 0, { next: 6, extensions: [ipv6Fragment(0, false, 78)], payload: tcp({ sport: 50004, dport: 80, seq: 1, flags: TCP.SYN }) }),
    // A fragment train that never completes.
    v6('2001:db8:5::1', 0, { next: 6, extensions: [ipv6Fragment(0, true, 79)], payload: big.subarray(0, 104) }),
    v6('2001:db8:6::1', 50006, {}),
  ];
  const path = tempFile('ipv6.pcap', pcapFile(packetsOf(frames)));
  const rows = tshark(path, [...TSHARK_TCP_FIELDS, 'ipv6.fragment']);

  it('finds the same connections, payload lengths and reassembling frames as tshark', () => {
    const records = dissectCapture(path);
    const theirs = tsharkStreams(rows);
    expect(theirs.map((t) => t.frame)).toEqual([1, 4, 6, 7, 9]);
    expect(ourStreams(records.file)).toEqual(theirs);
  });

  it('gives the bytes after the extension headers and the fragments that made them', () => {
    const decoder = new IpDecoder();
    const got = frames.map((f, i) => decoder.decode(6, f, 14, i + 1));
    expect(got.map((p, i) => (p ? i + 1 : 0)).filter(Boolean)).toEqual([1, 4, 6, 7, 9]);
    expect(got[0]).toMatchObject({ protocol: 6, payloadLength: chained.length });
    expect(hex(got[0]!.payload)).toBe(hex(chained));
    expect(got[3]).toMatchObject({ protocol: 6, payloadLength: 220, fragmentFrames: frameList(rows[3]![7]) });
    expect(hex(got[3]!.payload)).toBe(hex(big));
    expect(got[3]!.fragmentFrames).toEqual([2, 3, 4]);
    expect(Buffer.from(decodeTcp(got[5]!.payload, got[5]!.payloadLength)!.payload).toString('latin1')).toBe('after a destination header');
    expect(got[5]!.fragmentFrames).toEqual(frameList(rows[5]![7]));
    expect(got[5]!.fragmentFrames).toEqual([5, 6]);
  });
});

describe('ipv6String', () => {
  const parse = (text: string) => {
    const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
    return Uint8Array.from(groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
  };

  it.each([
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // the first of two equal runs
    ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'], // the longer run, not the first
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // a single zero group stays
    ['fe80:0:0:0:0:0:0:0', 'fe80::'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:FFFF', '2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff'],
    ['0:0:0:0:0:ffff:c000:0201', '::ffff:192.0.2.1'], // IPv4-mapped: dotted, as RFC 5952 section 5 and Wireshark
  ])('%s → %s', (full, text) => {
    expect(ipv6String(bytes([9, 9], parse(full)), 2)).toBe(text);
  });

  it('writes every address as tshark does', () => {
    const addresses = [
      '2001:db8::1',
      '::1',
      '::',
      '::2',
      '2001:db8:0:0:1:0:0:1',
      '2001:db8:0:1:0:0:0:1',
      'fe80::',
      '1:0:0:0:0:0:0:0',
      '::ffff:a00:1',
      '::a00:1',
      '::ffff:0:a00:1',
      '0:0:0:0:0:ffff:0:0',
      '0:0:0:0:0:0:ffff:1',
      '::1:0:0:0:1',
      '64:ff9b::a00:1',
      '::fffe:a00:1',
      'ff02::1:ff00:1',
      '1:2:3:4:5:6:7:8',
    ];
    const frames = addresses.map((a, i) =>
      ethernet(ipv6({ src: a, dst: '2001:db8::ffff', payload: tcp({ sport: 1000 + i, dport: 80, seq: 1, flags: TCP.SYN }) })),
    );
    const theirs = tshark(tempFile('ipv6-text.pcap', pcapFile(packetsOf(frames))), ['ipv6.src']).map((r) => r[0]);
    expect(frames.map((f) => ipv6String(f, 14 + 8))).toEqual(theirs);
  });
});

describe('MAC vendors', () => {
  it('come from the IEEE OUI registry, and none for special addresses', async () => {
    const { macVendor } = await import('../src/report/frames.js');
    expect(macVendor('00:1b:21:3a:00:01')).toBe('Intel Corporate');
    expect(macVendor('00:50:56:c0:00:08')).toBe('VMware, Inc.');
    expect(macVendor('00:00:00:00:00:00')).toBeUndefined(); // loopback captures: all zeros, not Xerox
    expect(macVendor('02:00:00:00:00:0a')).toBeUndefined(); // locally administered
    expect(macVendor('01:00:5e:00:00:01')).toBeUndefined(); // multicast
  });
});
