/*
 * Where things are in a capture file, for the fuzzer to aim its mutations: the file
 * header, each record (pcap record, pcapng block) with its length fields and packet
 * bytes, and inside a packet its IP and TCP headers and payload. Deliberately separate
 * from the readers under test: it indexes only well-formed input (the fixtures), and a
 * bug in a reader must not steer the fuzzer away from it.
 */

export interface RecordLayout {
  /** Offset of the record (pcap record header, pcapng block) and its total length. */
  start: number;
  length: number;
  /** pcapng block type; 0 for a pcap record. */
  blockType: number;
  /** Packet bytes, for records that carry a packet. */
  dataStart: number;
  dataLength: number;
  /** Offset of the captured-length field (pcap incl_len, EPB caplen), or -1. */
  capLenField: number;
  /** Link type of the interface the packet was captured on (pcap: the file's). */
  linkType: number;
}

export interface FileLayout {
  format: 'pcap' | 'pcapng';
  littleEndian: boolean;
  /** pcap: the link-type field in the file header; pcapng: the link-type field of each IDB. */
  linkTypeFields: number[];
  records: RecordLayout[];
}

export const EPB = 6;
export const SPB = 3;
export const IDB = 1;

export function fileLayout(buf: Buffer): FileLayout | null {
  if (buf.length < 24) return null;
  const magicLe = buf.readUInt32LE(0);
  if (magicLe === 0x0a0d0d0a) return pcapngLayout(buf);
  const le = magicLe === 0xa1b2c3d4 || magicLe === 0xa1b23c4d;
  const be = buf.readUInt32BE(0) === 0xa1b2c3d4 || buf.readUInt32BE(0) === 0xa1b23c4d;
  if (!le && !be) return null;
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const linkType = u32(20) & 0xffff;
  const records: RecordLayout[] = [];
  for (let at = 24; at + 16 <= buf.length;) {
    const incl = u32(at + 8);
    if (at + 16 + incl > buf.length) break;
    records.push({ start: at, length: 16 + incl, blockType: 0, dataStart: at + 16, dataLength: incl, capLenField: at + 8, linkType });
    at += 16 + incl;
  }
  return { format: 'pcap', littleEndian: le, linkTypeFields: [20], records };
}

function pcapngLayout(buf: Buffer): FileLayout | null {
  const le = buf.readUInt32LE(8) === 0x1a2b3c4d;
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const records: RecordLayout[] = [];
  const linkTypeFields: number[] = [];
  let interfaces: number[] = [];
  for (let at = 0; at + 12 <= buf.length;) {
    const type = u32(at);
    const length = u32(at + 4);
    if (length < 12 || length % 4 !== 0 || at + length > buf.length) break;
    const record: RecordLayout = { start: at, length, blockType: type, dataStart: -1, dataLength: 0, capLenField: -1, linkType: -1 };
    if (type === 0x0a0d0d0a) interfaces = [];
    else if (type === IDB) {
      linkTypeFields.push(at + 8);
      interfaces.push(u16(at + 8));
    } else if (type === EPB && length >= 32) {
      Object.assign(record, { dataStart: at + 28, dataLength: u32(at + 20), capLenField: at + 20, linkType: interfaces[u32(at + 8)] ?? -1 });
    } else if (type === SPB && length >= 16) {
      Object.assign(record, { dataStart: at + 12, dataLength: Math.min(u32(at + 8), length - 16), linkType: interfaces[0] ?? -1 });
    }
    records.push(record);
    at += length;
  }
  return { format: 'pcapng', littleEndian: le, linkTypeFields, records };
}

export interface PacketLayout {
  /** Offsets within the packet bytes. */
  ip: number;
  ipVersion: 4 | 6;
  tcp: number;
  /** TCP header length (data offset × 4). */
  tcpHeaderLength: number;
  payload: number;
}

/** Link-layer header lengths to try, by link type (Ethernet may carry VLAN tags). */
const LINK_OFFSETS: Record<number, number[]> = { 0: [4], 1: [14, 18, 22], 12: [0], 14: [0], 101: [0], 108: [4], 113: [16], 228: [0], 229: [0], 276: [20] };

/** The IP and TCP headers in one packet's bytes, or null when it is not TCP over IP. */
export function packetLayout(data: Uint8Array, linkType: number): PacketLayout | null {
  for (const ip of LINK_OFFSETS[linkType] ?? []) {
    const version = data[ip]! >> 4;
    if (version === 4 && data[ip + 9] === 6) {
      const tcp = ip + (data[ip]! & 0x0f) * 4;
      if (tcp + 20 > data.length) return null;
      const tcpHeaderLength = (data[tcp + 12]! >> 4) * 4;
      return { ip, ipVersion: 4, tcp, tcpHeaderLength, payload: tcp + tcpHeaderLength };
    }
    if (version === 6 && data[ip + 6] === 6) {
      const tcp = ip + 40;
      if (tcp + 20 > data.length) return null;
      const tcpHeaderLength = (data[tcp + 12]! >> 4) * 4;
      return { ip, ipVersion: 6, tcp, tcpHeaderLength, payload: tcp + tcpHeaderLength };
    }
  }
  return null;
}
