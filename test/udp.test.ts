import { describe, expect, it } from 'vitest';
import { decodeUdp } from '../src/decode/udp.js';
import { bytes } from './helpers/packets.js';
import { dissectQuic } from './quic-harness.js';
import { tshark } from './helpers/files.js';

const header = (src: number, dst: number, length: number, checksum = 0) => [
  src >> 8,
  src & 255,
  dst >> 8,
  dst & 255,
  length >> 8,
  length & 255,
  checksum >> 8,
  checksum & 255,
];

describe('UDP decoder (RFC 768)', () => {
  it('reads ports, length, checksum and the payload', () => {
    const b = bytes(header(53000, 443, 13, 0xbeef), 'hello');
    const u = decodeUdp(b, b.length)!;
    expect(u).toMatchObject({ srcPort: 53000, dstPort: 443, length: 13, checksum: 0xbeef, payloadLength: 5 });
    expect(Buffer.from(u.payload).toString()).toBe('hello');
  });

  it('reads in place from an offset, and stops at the length field, not at trailing bytes', () => {
    const b = bytes([9, 9, 9], header(1, 2, 10), 'ab', 'ETHERNET-PADDING');
    const u = decodeUdp(b, 10, 3, b.length)!;
    expect(Buffer.from(u.payload).toString()).toBe('ab');
  });

  it('keeps what the capture holds of a datagram cut by the snapshot length', () => {
    const b = bytes(header(1, 2, 108), 'x'.repeat(20));
    const u = decodeUdp(b, 108)!;
    expect(u.payload.length).toBe(20);
    expect(u.payloadLength).toBe(100);
  });

  it('rejects a cut-off header and impossible lengths; a zero length is a jumbogram', () => {
    expect(decodeUdp(bytes([0, 1, 0, 2, 0]), 5)).toBeNull();
    expect(decodeUdp(bytes(header(1, 2, 7)), 8)).toBeNull();
    expect(decodeUdp(bytes(header(1, 2, 30), 'x'), 9)).toBeNull();
    expect(decodeUdp(bytes(header(1, 2, 0), 'jumbo'), 13)).toMatchObject({ length: 13, payloadLength: 5 });
  });

  it('agrees with tshark on the datagrams of a recorded capture', () => {
    const file = 'fixtures/quic/quic-chromium-v1.pcapng';
    const ours = dissectQuic(file).datagrams.map((d) => [String(d.frame), String(d.srcPort), String(d.dstPort), String(d.length)]);
    expect(ours).toEqual(tshark(file, ['frame.number', 'udp.srcport', 'udp.dstport', 'udp.length'], { filter: 'udp' }));
  });
});
