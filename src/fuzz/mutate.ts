import { READ_CHUNK_BYTES } from '../capture/chunked-file.js';
import { fileLayout, packetLayout, EPB, IDB, SPB, type FileLayout, type PacketLayout, type RecordLayout } from './layout.js';

/*
 * Seeded mutations of a capture file, aimed at every layer labreport reads: the file
 * structure (record lengths, truncation, link types), the packet headers (IP, TCP and
 * its options), TCP's order and framing, and the application text (HTTP, SMTP and POP3
 * lines, chunk sizes, gzip and base64 bodies). Same seed and case number, same bytes.
 */

/** A small, fast, seedable PRNG (mulberry32): cases must be reproducible from their number. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** 0 ≤ n < max. */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  bytes(n: number, palette?: readonly number[]): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = palette ? this.pick(palette) : this.int(256);
    return b;
  }
}

/** The RNG of case `index` under `seed`. */
export function caseRng(seed: number, index: number): Rng {
  return new Rng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
}

export interface Mutation {
  bytes: Buffer;
  /** What was done, for the report: "truncate inside record 17 (frame 12) at byte 31". */
  what: string;
}

type Mutator = (buf: Buffer, layout: FileLayout, r: Rng) => Mutation | null;

const ASCII = (s: string) => [...s].map((c) => c.charCodeAt(0));
/** Bytes that break text protocols in interesting ways. */
const NASTY = [...ASCII('\r\n\0 :;=?%&-+.0123456789abcdefxyzGHTPOK\t"\'<>\\/'), 0x7f, 0x80, 0xc3, 0xe4, 0xfe, 0xff];
const BASE64_BREAKERS = ASCII('!*~ =.-_\0\r\n');
const HUGE_LENGTHS = [0, 1, 3, 7, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffff0, 0xffffffff];

function writeU32(buf: Buffer, at: number, value: number, le: boolean): void {
  if (le) buf.writeUInt32LE(value >>> 0, at);
  else buf.writeUInt32BE(value >>> 0, at);
}
function writeU16(buf: Buffer, at: number, value: number, le: boolean): void {
  if (le) buf.writeUInt16LE(value & 0xffff, at);
  else buf.writeUInt16BE(value & 0xffff, at);
}
const pad4 = (n: number) => (n + 3) & ~3;

const packetRecords = (layout: FileLayout) => layout.records.filter((rec) => rec.dataStart >= 0);

/** One packet record like `rec` (its timestamp and interface) around other packet bytes, with its lengths made consistent. */
function recordBytes(buf: Buffer, layout: FileLayout, rec: RecordLayout, data: Uint8Array, originalLength?: number): Buffer {
  const le = layout.littleEndian;
  let record: Buffer;
  if (layout.format === 'pcap') {
    record = Buffer.concat([buf.subarray(rec.start, rec.start + 16), data]);
    writeU32(record, 8, data.length, le);
    writeU32(record, 12, originalLength ?? data.length, le);
  } else if (rec.blockType === EPB) {
    const options = buf.subarray(rec.dataStart + pad4(rec.dataLength), rec.start + rec.length - 4);
    const length = 28 + pad4(data.length) + options.length + 4;
    record = Buffer.alloc(length);
    buf.copy(record, 0, rec.start, rec.start + 28);
    Buffer.from(data).copy(record, 28);
    options.copy(record, 28 + pad4(data.length));
    writeU32(record, 4, length, le);
    writeU32(record, 20, data.length, le);
    writeU32(record, 24, originalLength ?? data.length, le);
    writeU32(record, length - 4, length, le);
  } else {
    const length = 12 + pad4(data.length) + 4;
    record = Buffer.alloc(length);
    writeU32(record, 0, SPB, le);
    writeU32(record, 4, length, le);
    writeU32(record, 8, originalLength ?? data.length, le);
    Buffer.from(data).copy(record, 12);
    writeU32(record, length - 4, length, le);
  }
  return record;
}

/** Rebuild one packet record around new packet bytes, with its lengths made consistent. */
export function withRecordData(buf: Buffer, layout: FileLayout, rec: RecordLayout, data: Uint8Array, originalLength?: number): Buffer {
  const original = originalLength ?? (layout.format === 'pcap' || rec.blockType === EPB ? undefined : data.length);
  const record = recordBytes(buf, layout, rec, data, original);
  if (originalLength === undefined && layout.format === 'pcap') record.set(buf.subarray(rec.start + 12, rec.start + 16), 12); // keep the original length as it was
  if (originalLength === undefined && rec.blockType === EPB) record.set(buf.subarray(rec.start + 24, rec.start + 28), 24);
  return replaceRecord(buf, rec, record);
}

/** The file with `rec` replaced by other record bytes (several records, or none). */
function replaceRecord(buf: Buffer, rec: RecordLayout, records: Buffer): Buffer {
  return Buffer.concat([buf.subarray(0, rec.start), records, buf.subarray(rec.start + rec.length)]);
}

/** The same packet with other TCP payload and sequence number: IP lengths made consistent, checksums left as they are (nothing checks them). */
function tcpPacketWith(data: Uint8Array, p: PacketLayout, seq: number, payload: Uint8Array): Buffer {
  const out = Buffer.concat([data.subarray(0, p.payload), payload]);
  out.writeUInt32BE(seq >>> 0, p.tcp + 4);
  if (p.ipVersion === 4) out.writeUInt16BE(out.length - p.ip, p.ip + 2);
  else out.writeUInt16BE(out.length - p.ip - 40, p.ip + 4);
  return out;
}

/** Move the sequence numbers of one direction of a connection (and the other side's acknowledgements) by `delta`, from record `from` on. */
function shiftSequence(buf: Buffer, layout: FileLayout, from: number, tuple: string, delta: number): void {
  for (const rec of layout.records.slice(from)) {
    if (rec.dataStart < 0) continue;
    const data = buf.subarray(rec.dataStart, rec.dataStart + rec.dataLength);
    const p = packetLayout(data, rec.linkType);
    if (!p) continue;
    const t = tcpTuple(data, p);
    if (t === tuple) data.writeUInt32BE((data.readUInt32BE(p.tcp + 4) + delta) >>> 0, p.tcp + 4);
    else if (t === reverseTuple(tuple)) data.writeUInt32BE((data.readUInt32BE(p.tcp + 8) + delta) >>> 0, p.tcp + 8);
  }
}

/** A direction of a TCP connection, as text: addresses and ports, source first. */
function tcpTuple(data: Uint8Array, p: PacketLayout): string {
  const n = p.ipVersion === 4 ? 4 : 16;
  const src = Buffer.from(data.subarray(p.ip + (p.ipVersion === 4 ? 12 : 8), p.ip + (p.ipVersion === 4 ? 12 : 8) + n)).toString('hex');
  const dst = Buffer.from(data.subarray(p.ip + (p.ipVersion === 4 ? 16 : 24), p.ip + (p.ipVersion === 4 ? 16 : 24) + n)).toString('hex');
  const ports = Buffer.from(data.subarray(p.tcp, p.tcp + 4)).toString('hex');
  return `${src}:${ports.slice(0, 4)}>${dst}:${ports.slice(4)}`;
}

const reverseTuple = (t: string) => {
  const [a, b] = t.split('>') as [string, string];
  return `${b}>${a}`;
};

const recordName = (layout: FileLayout, rec: RecordLayout) => {
  const i = layout.records.indexOf(rec);
  const frame = packetRecords(layout).indexOf(rec);
  return frame >= 0 ? `record ${i + 1} (packet ${frame + 1})` : `record ${i + 1} (block type 0x${rec.blockType.toString(16)})`;
};

/** A TCP packet record, with the layout of its headers. */
function tcpPacket(layout: FileLayout, buf: Buffer, r: Rng, want: (p: NonNullable<ReturnType<typeof packetLayout>>, data: Buffer) => boolean = () => true) {
  const candidates = packetRecords(layout).flatMap((rec) => {
    const data = buf.subarray(rec.dataStart, rec.dataStart + rec.dataLength);
    const p = packetLayout(data, rec.linkType);
    return p && want(p, data) ? [{ rec, p, data }] : [];
  });
  return candidates.length ? r.pick(candidates) : null;
}

const MUTATORS: Record<string, Mutator> = {
  'flip bytes': (buf, layout, r) => {
    const out = Buffer.from(buf);
    const n = r.between(1, 16);
    const packets = packetRecords(layout);
    const where: number[] = [];
    for (let i = 0; i < n; i++) {
      // Mostly in packet headers, where a flipped bit changes the most.
      const rec = packets.length && r.chance(0.7) ? r.pick(packets) : null;
      const at = rec ? rec.dataStart + r.int(Math.min(rec.dataLength, 80) || 1) : r.int(out.length);
      out[at] = r.chance(0.5) ? out[at]! ^ (1 << r.int(8)) : r.int(256);
      where.push(at);
    }
    return { bytes: out, what: `change ${n} byte(s) at offsets ${where.slice(0, 6).join(', ')}${n > 6 ? ', …' : ''}` };
  },

  'truncate at record': (buf, layout, r) => {
    if (!layout.records.length) return null;
    const rec = r.pick(layout.records);
    const at = r.chance(0.5) ? rec.start : rec.start + rec.length;
    return { bytes: buf.subarray(0, at), what: `cut the file at the ${at === rec.start ? 'start' : 'end'} of ${recordName(layout, rec)} (byte ${at})` };
  },

  'truncate inside record': (buf, layout, r) => {
    if (!layout.records.length) return null;
    const rec = r.pick(layout.records);
    const at = rec.start + r.between(1, rec.length - 1);
    return { bytes: buf.subarray(0, at), what: `cut the file inside ${recordName(layout, rec)} at byte ${at}` };
  },

  'absurd record length': (buf, layout, r) => {
    const out = Buffer.from(buf);
    if (!layout.records.length) return null;
    const rec = r.pick(layout.records);
    const value = r.chance(0.7) ? r.pick(HUGE_LENGTHS) : rec.length + r.between(-9, 9);
    let field: string;
    if (layout.format === 'pcap') {
      const which = r.int(2);
      writeU32(out, rec.start + 8 + 4 * which, value, layout.littleEndian);
      field = which ? 'original length' : 'captured length';
    } else {
      const which = rec.capLenField >= 0 ? r.int(4) : r.int(2);
      const at = [rec.start + 4, rec.start + rec.length - 4, rec.capLenField, rec.capLenField + 4][which]!;
      writeU32(out, at, value, layout.littleEndian);
      field = ['block length', 'trailing block length', 'captured length', 'original length'][which]!;
    }
    return { bytes: out, what: `set the ${field} of ${recordName(layout, rec)} to ${value}` };
  },

  'absurd header length': (buf, layout, r) => {
    const pkt = tcpPacket(layout, buf, r);
    if (!pkt) return null;
    const out = Buffer.from(buf);
    const base = pkt.rec.dataStart;
    const { ip, tcp, ipVersion } = pkt.p;
    const choice = r.int(4);
    if (choice === 0 && ipVersion === 4) {
      const ihl = r.int(16);
      out[base + ip] = 0x40 | ihl;
      return { bytes: out, what: `set the IPv4 header length of ${recordName(layout, pkt.rec)} to ${ihl * 4}` };
    }
    if (choice <= 1) {
      const value = r.pick([0, 1, 19, 20, 39, 40, 0xffff, pkt.data.length - ip + r.between(-40, 40)]);
      writeU16(out, base + ip + (ipVersion === 4 ? 2 : 4), value, false);
      return { bytes: out, what: `set the IP${ipVersion === 4 ? 'v4 total' : 'v6 payload'} length of ${recordName(layout, pkt.rec)} to ${value}` };
    }
    if (choice === 2) {
      const offset = r.int(16);
      out[base + tcp + 12] = (offset << 4) | (out[base + tcp + 12]! & 0x0f);
      return { bytes: out, what: `set the TCP data offset of ${recordName(layout, pkt.rec)} to ${offset * 4}` };
    }
    // The capture's own lengths: pcap snaplen, or a pcapng section length.
    const value = r.pick(HUGE_LENGTHS);
    if (layout.format === 'pcap') writeU32(out, 16, value, layout.littleEndian);
    else {
      writeU32(out, 16, value, layout.littleEndian);
      writeU32(out, 20, r.pick(HUGE_LENGTHS), layout.littleEndian);
    }
    return { bytes: out, what: `set the ${layout.format === 'pcap' ? 'snapshot length' : 'section length'} to ${value}` };
  },

  'wrong link type': (buf, layout, r) => {
    if (layout.linkTypeFields.length === 0) return null;
    const out = Buffer.from(buf);
    const at = r.pick(layout.linkTypeFields);
    const value = r.chance(0.8) ? r.pick([0, 1, 9, 101, 105, 108, 113, 127, 147, 228, 229, 276, 0xffff]) : r.int(0x10000);
    if (layout.format === 'pcap') writeU32(out, at, value, layout.littleEndian);
    else writeU16(out, at, value, layout.littleEndian);
    return { bytes: out, what: `set the link type at byte ${at} to ${value}` };
  },

  'zero-length packet': (buf, layout, r) => {
    const packets = packetRecords(layout);
    if (!packets.length) return null;
    const rec = r.pick(packets);
    return { bytes: withRecordData(buf, layout, rec, new Uint8Array(0), r.chance(0.5) ? 0 : undefined), what: `empty ${recordName(layout, rec)}` };
  },

  'oversized packet': (buf, layout, r) => {
    const packets = packetRecords(layout);
    if (!packets.length) return null;
    const rec = r.pick(packets);
    const size = r.pick([65536, 65600, 262144, 262145, 300000, 1 << 20]);
    const data = Buffer.alloc(size);
    const original = buf.subarray(rec.dataStart, rec.dataStart + rec.dataLength);
    for (let at = 0; at < size; at += Math.max(1, original.length)) original.copy(data, at);
    const originalLength = r.chance(0.5) ? r.int(size) : size;
    return {
      bytes: withRecordData(buf, layout, rec, data, originalLength),
      what: `grow ${recordName(layout, rec)} to ${size} bytes (on the wire: ${originalLength})`,
    };
  },

  'broken TCP options': (buf, layout, r) => {
    const pkt = tcpPacket(layout, buf, r, (p) => p.tcpHeaderLength > 20);
    if (!pkt) return null;
    const out = Buffer.from(buf);
    const optionsAt = pkt.rec.dataStart + pkt.p.tcp + 20;
    const optionsLength = pkt.p.tcpHeaderLength - 20;
    const at = optionsAt + r.int(optionsLength);
    const kind = r.pick([0, 1, 2, 3, 4, 5, 8, 28, 30, 34, 253, 254, 255]);
    const length = r.pick([0, 1, 2, 3, 40, 255]);
    out[at] = kind;
    if (at + 1 < optionsAt + optionsLength) out[at + 1] = length;
    return { bytes: out, what: `TCP option kind ${kind} length ${length} in ${recordName(layout, pkt.rec)}` };
  },

  'TCP flags and numbers': (buf, layout, r) => {
    const pkt = tcpPacket(layout, buf, r);
    if (!pkt) return null;
    const out = Buffer.from(buf);
    const tcp = pkt.rec.dataStart + pkt.p.tcp;
    const choice = r.int(3);
    if (choice === 0) {
      out[tcp + 13] = r.pick([0x02, 0x12, 0x01, 0x04, 0x03, 0x07, 0x3f, 0xff, 0x00]);
      return { bytes: out, what: `TCP flags 0x${out[tcp + 13]!.toString(16)} in ${recordName(layout, pkt.rec)}` };
    }
    const field = choice === 1 ? 'sequence' : 'acknowledgement';
    const at = tcp + (choice === 1 ? 4 : 8);
    const value = r.chance(0.5) ? r.pick([0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffff0]) : (out.readUInt32BE(at) + r.between(-3000, 3000)) >>> 0;
    out.writeUInt32BE(value >>> 0, at);
    return { bytes: out, what: `TCP ${field} number ${value} in ${recordName(layout, pkt.rec)}` };
  },

  'IP fragment': (buf, layout, r) => {
    const pkt = tcpPacket(layout, buf, r, (p) => p.ipVersion === 4);
    if (!pkt) return null;
    const out = Buffer.from(buf);
    const at = pkt.rec.dataStart + pkt.p.ip + 6;
    const value = r.pick([0x2000, 0x2001, 0x0001, 0x1fff, 0x3fff, r.int(0x10000)]);
    out.writeUInt16BE(value, at);
    return { bytes: out, what: `IPv4 flags and fragment offset 0x${value.toString(16)} in ${recordName(layout, pkt.rec)}` };
  },

  'resize payload': (buf, layout, r) => {
    const pkt = tcpPacket(layout, buf, r, (p, data) => data.length > p.payload);
    if (!pkt) return null;
    const { data, p } = pkt;
    const at = p.payload + r.int(data.length - p.payload + 1);
    const grow = r.chance(0.5);
    const n = r.between(1, 64);
    const next = grow
      ? Buffer.concat([data.subarray(0, at), r.bytes(n, NASTY), data.subarray(at)])
      : Buffer.concat([data.subarray(0, at), data.subarray(Math.min(data.length, at + n))]);
    return {
      bytes: withRecordData(buf, layout, pkt.rec, next),
      what: `${grow ? 'insert' : 'delete'} ${n} payload byte(s) at ${at} in ${recordName(layout, pkt.rec)}`,
    };
  },

  'reorder records': (buf, layout, r) => {
    const packets = packetRecords(layout);
    if (packets.length < 2) return null;
    const a = r.pick(packets);
    const b = r.pick(packets);
    const piece = (rec: RecordLayout) => buf.subarray(rec.start, rec.start + rec.length);
    if (r.chance(0.5)) {
      // Duplicate a record further on: a retransmission, or an old segment arriving late.
      const after = a.start <= b.start ? b : a;
      const copy = a.start <= b.start ? a : b;
      const at = after.start + after.length;
      return {
        bytes: Buffer.concat([buf.subarray(0, at), piece(copy), buf.subarray(at)]),
        what: `repeat ${recordName(layout, copy)} after ${recordName(layout, after)}`,
      };
    }
    const [first, second] = a.start <= b.start ? [a, b] : [b, a];
    if (first === second) return null;
    const bytes = Buffer.concat([
      buf.subarray(0, first.start),
      piece(second),
      buf.subarray(first.start + first.length, second.start),
      piece(first),
      buf.subarray(second.start + second.length),
    ]);
    return { bytes, what: `swap ${recordName(layout, first)} and ${recordName(layout, second)}` };
  },

  'pcapng blocks': (buf, layout, r) => {
    if (layout.format !== 'pcapng') return null;
    const out = Buffer.from(buf);
    if (!layout.records.length) return null;
    const rec = r.pick(layout.records);
    if (rec.blockType === IDB && rec.length > 20 && r.chance(0.6)) {
      // Interface options, where if_tsresol and if_tsoffset live.
      const at = rec.start + 16 + r.int(rec.length - 20);
      out[at] = r.pick([9, 14, 0, 1, 0x7f, 0x80, 0xff, 64]);
      return { bytes: out, what: `byte ${out[at]} in the options of ${recordName(layout, rec)}` };
    }
    const type = r.pick([0, 1, 2, 3, 4, 5, 6, 9, 0xbad, 0x40000bad, 0x0a0d0d0a, 0x80000001, r.int(0x100000000)]);
    writeU32(out, rec.start, type, layout.littleEndian);
    return { bytes: out, what: `block type 0x${type.toString(16)} for ${recordName(layout, rec)}` };
  },

  'record at a read-chunk edge': (buf, layout, r) => {
    // A skipped block (pcapng) or a junk frame (pcap) put before a record, so that the record starts a few bytes
    // before, at or after the end of the reader's first chunks; often with a length field too short for its fields.
    const candidates = layout.format === 'pcapng' ? layout.records.slice(1) : layout.records; // not before the first section header
    if (!candidates.length) return null;
    const rec = r.pick(candidates);
    const header = layout.format === 'pcapng' ? 12 : 16;
    let target = READ_CHUNK_BYTES * r.between(1, 2) + r.pick([-32, -28, -16, -12, -8, -4, 0, 4, 8]);
    while (target - rec.start < header) target += READ_CHUNK_BYTES;
    const filler = Buffer.alloc(target - rec.start);
    const le = layout.littleEndian;
    if (layout.format === 'pcapng') {
      writeU32(filler, 0, 0x0bad0000 | r.int(0x10000), le); // an unknown block type: skipped by its length
      writeU32(filler, 4, filler.length, le);
      writeU32(filler, filler.length - 4, filler.length, le);
    } else {
      writeU32(filler, 8, filler.length - 16, le);
      writeU32(filler, 12, filler.length - 16, le);
    }
    const out = Buffer.concat([buf.subarray(0, rec.start), filler, buf.subarray(rec.start)]);
    let what = `a ${filler.length}-byte ${layout.format === 'pcapng' ? 'unknown block' : 'junk frame'} before ${recordName(layout, rec)}, which now starts at byte ${target}`;
    if (r.chance(0.6)) {
      const value = r.pick([0, 4, 8, 12, 16, 20, 24, 28, 32]);
      if (layout.format === 'pcapng') writeU32(out, target + 4, value, le);
      else writeU32(out, target + 8, value, le);
      what += ` with a length of ${value}`;
    }
    return { bytes: out, what };
  },

  'descending segments': (buf, layout, r) => {
    // One TCP segment's payload sent again as tiny segments, last first: reassembly must place them all.
    const pkt = tcpPacket(layout, buf, r, (p, data) => p.tcpHeaderLength >= 20 && data.length - p.payload >= 2);
    if (!pkt) return null;
    const { rec, p, data } = pkt;
    const payload = data.subarray(p.payload);
    const size = r.pick([1, 1, 2, 3, 7]);
    const seq = data.readUInt32BE(p.tcp + 4);
    const pieces: Buffer[] = [];
    for (let o = 0; o < payload.length; o += size) pieces.push(recordBytes(buf, layout, rec, tcpPacketWith(data, p, seq + o, payload.subarray(o, o + size))));
    pieces.reverse();
    return {
      bytes: replaceRecord(buf, rec, Buffer.concat(pieces)),
      what: `${recordName(layout, rec)} split into ${pieces.length} segments of ${size} byte(s), last first`,
    };
  },

  'fragment train': (buf, layout, r) => {
    // One IPv4 packet as a train of 8-byte fragments: the last first, then back to front with duplicates and overlaps.
    const pkt = tcpPacket(layout, buf, r, (p, data) => p.ipVersion === 4 && (data[p.ip]! & 0x0f) >= 5);
    if (!pkt) return null;
    const { rec, p, data } = pkt;
    const ihl = (data[p.ip]! & 0x0f) * 4;
    const body = data.subarray(p.ip + ihl, p.ip + Math.min(data.readUInt16BE(p.ip + 2) || data.length - p.ip, data.length - p.ip));
    const units = Math.ceil(body.length / 8);
    if (units < 2) return null;
    const fragment = (unit: number, span: number) => {
      const more = unit + span < units;
      const piece = body.subarray(unit * 8, more ? (unit + span) * 8 : body.length);
      const frag = Buffer.concat([data.subarray(0, p.ip + ihl), piece]);
      frag.writeUInt16BE(ihl + piece.length, p.ip + 2);
      frag.writeUInt16BE((more ? 0x2000 : 0) | unit, p.ip + 6);
      return recordBytes(buf, layout, rec, frag);
    };
    const count = r.pick([units, 2 * units, 5 * units, 2000]);
    const train = [fragment(units - 1, 1)];
    for (let i = 0; i < count - 2; i++) train.push(fragment(units - 2 - (i % Math.max(1, units - 1)) || 1, r.pick([1, 1, 2, 3])));
    train.push(fragment(0, 1));
    return {
      bytes: replaceRecord(buf, rec, Buffer.concat(train)),
      what: `${recordName(layout, rec)} as ${train.length} IPv4 fragments, last first, overlapping`,
    };
  },

  'pipelining flood': (buf, layout, r) => {
    // A client segment that ends a line (a command, a request) sent again and again right after it, before any answer;
    // the connection's later sequence numbers are moved on to match.
    const pkt = tcpPacket(
      layout,
      buf,
      r,
      (p, data) =>
        p.tcpHeaderLength >= 20 && data.length > p.payload && data[data.length - 1] === 10 && /^[A-Za-z]/.test(String.fromCharCode(data[p.payload]!)),
    );
    if (!pkt) return null;
    const { rec, p, data } = pkt;
    const payload = data.subarray(p.payload);
    const times = r.pick([50, 500, 3000]);
    const flood = Buffer.concat(Array(times).fill(payload));
    const seq = data.readUInt32BE(p.tcp + 4) + payload.length;
    const mss = 1400;
    const segments: Buffer[] = [];
    for (let o = 0; o < flood.length; o += mss) segments.push(recordBytes(buf, layout, rec, tcpPacketWith(data, p, seq + o, flood.subarray(o, o + mss))));
    const out = Buffer.concat([buf.subarray(0, rec.start + rec.length), ...segments, buf.subarray(rec.start + rec.length)]);
    const shifted = fileLayout(out)!;
    shiftSequence(out, shifted, layout.records.indexOf(rec) + 1 + segments.length, tcpTuple(data, p), flood.length);
    const line = Buffer.from(payload.subarray(0, 30)).toString('latin1').split('\r')[0];
    return { bytes: out, what: `${JSON.stringify(line)} (${payload.length} bytes, ${recordName(layout, rec)}) sent ${times} more times before any answer` };
  },

  'protocol text': (buf, _layout, r) => {
    const text = buf.toString('latin1');
    const targets = TEXT_TARGETS.flatMap((t) => [...text.matchAll(t.pattern)].map((m) => ({ target: t, at: m.index, length: m[0].length, match: m[0] })));
    if (!targets.length) return null;
    const { target, at, length, match } = r.pick(targets);
    const replacement = Buffer.from(target.replace ? target.replace(match, r) : garble(match, r), 'latin1');
    const out = Buffer.from(buf);
    replacement.copy(out, at, 0, length); // same length: TCP sequence numbers stay right
    return {
      bytes: out,
      what: `${target.name} ${JSON.stringify(match.slice(0, 40))} → ${JSON.stringify(replacement.toString('latin1').slice(0, 40))} at byte ${at}`,
    };
  },

  'gzip garbage': (buf, _layout, r) => {
    const starts: number[] = [];
    for (let at = buf.indexOf('\x1f\x8b\x08', 0, 'latin1'); at >= 0; at = buf.indexOf('\x1f\x8b\x08', at + 1, 'latin1')) starts.push(at);
    if (!starts.length) return null;
    const out = Buffer.from(buf);
    const start = r.pick(starts);
    const n = r.between(1, 24);
    for (let i = 0; i < n; i++) {
      const at = start + 3 + r.int(200);
      if (at < out.length) out[at] = r.int(256);
    }
    return { bytes: out, what: `${n} random byte(s) in the gzip stream at byte ${start}` };
  },

  'base64 garbage': (buf, _layout, r) => {
    const text = buf.toString('latin1');
    const runs = [...text.matchAll(/[A-Za-z0-9+/]{12,}={0,2}\r\n/g)];
    if (!runs.length) return null;
    const m = r.pick(runs);
    const out = Buffer.from(buf);
    const n = r.between(1, 8);
    for (let i = 0; i < n; i++) out[m.index + r.int(m[0].length - 2)] = r.pick(BASE64_BREAKERS);
    return { bytes: out, what: `${n} non-base64 byte(s) in the base64 line at byte ${m.index}` };
  },
};

/** Same-length garbage for a piece of protocol text: random nasty bytes at a few places, or everywhere. */
function garble(match: string, r: Rng): string {
  const chars = [...match].map((c) => c.charCodeAt(0));
  if (r.chance(0.25)) return String.fromCharCode(...chars.map(() => r.pick(NASTY)));
  const n = r.between(1, Math.min(4, chars.length));
  for (let i = 0; i < n; i++) chars[r.int(chars.length)] = r.pick(NASTY);
  return String.fromCharCode(...chars);
}

/** Replace every run of the characters in `set` with bytes drawn from `palette`. */
const fillRuns = (set: RegExp, palette: string) => (match: string, r: Rng) => match.replace(set, (run) => [...run].map(() => r.pick([...palette])).join(''));

interface TextTarget {
  name: string;
  pattern: RegExp;
  replace?: (match: string, r: Rng) => string;
}

/** The protocol text the fuzzer aims at, found in the capture bytes themselves. */
const TEXT_TARGETS: TextTarget[] = [
  { name: 'HTTP request line', pattern: /(?:GET|POST|HEAD|PUT|DELETE|OPTIONS) [^\r\n]{1,200} HTTP\/1\.[01]\r\n/g },
  { name: 'HTTP status line', pattern: /HTTP\/1\.[01] \d{3}[^\r\n]{0,80}\r\n/g },
  { name: 'HTTP header line', pattern: /\r\n[A-Za-z-]{2,40}: [^\r\n]{0,200}/g },
  { name: 'Content-Length', pattern: /Content-Length: \d+/gi, replace: fillRuns(/\d+/g, '0123456789999999') },
  { name: 'HTTP framing header', pattern: /(?:Transfer-Encoding: chunked|Content-Encoding: (?:gzip|deflate|br)|Connection: (?:close|keep-alive))/gi },
  { name: 'chunk size', pattern: /\r\n[0-9a-fA-F]{1,8}(?:;[^\r\n]*)?\r\n/g, replace: fillRuns(/[0-9a-fA-F]+/g, 'fffffff0g- ') },
  { name: 'end of header', pattern: /\r\n\r\n/g },
  { name: 'mail reply', pattern: /(?:^|\r\n)(?:\d{3}[ -]|\+OK|-ERR|\+ )[^\r\n]{0,80}/g },
  {
    name: 'mail command',
    pattern: /(?:EHLO|HELO|MAIL FROM:|RCPT TO:|DATA|BDAT|AUTH|USER|PASS|APOP|RETR|TOP|LIST|UIDL|STAT|QUIT|STARTTLS|STLS|CAPA)[^\r\n]{0,80}\r\n/g,
  },
  { name: 'end of mail data', pattern: /\r\n\.\r\n/g },
  { name: 'encoded word', pattern: /=\?[^?\s]{1,40}\?[BbQq]\?[^?\s]{0,200}\?=/g },
  { name: 'charset', pattern: /charset="?[A-Za-z0-9_-]{2,20}"?/gi },
  { name: 'MIME boundary', pattern: /boundary="?[^"\r\n;]{1,70}"?/gi },
  { name: 'quoted-printable', pattern: /(?:=[0-9A-F]{2}){1,8}/g, replace: fillRuns(/[0-9A-F]/g, 'GZ=\r\n0F') },
  { name: 'form field', pattern: /[A-Za-z_]{1,20}=[^&\s]{0,60}&/g },
];

export const MUTATOR_NAMES = Object.keys(MUTATORS);

/**
 * Case `index` of a fuzzing run: one fixture, one to three mutations. The same seed,
 * index and corpus give the same bytes on every machine.
 */
export function mutateCase(
  seed: number,
  index: number,
  corpus: readonly { name: string; bytes: Buffer }[],
): { fixture: string; mutations: string[]; bytes: Buffer } {
  const r = caseRng(seed, index);
  const fixture = r.pick(corpus);
  let bytes = fixture.bytes;
  const mutations: string[] = [];
  const rounds = r.chance(0.7) ? 1 : r.between(2, 3);
  for (let tries = 0; mutations.length < rounds && tries < 20; tries++) {
    const layout = fileLayout(bytes);
    const name = r.pick(MUTATOR_NAMES);
    const mutation = layout
      ? MUTATORS[name]!(bytes, layout, r)
      : MUTATORS['flip bytes']!(bytes, { format: 'pcap', littleEndian: true, linkTypeFields: [], records: [] }, r);
    if (!mutation) continue;
    bytes = mutation.bytes;
    mutations.push(`${layout ? name : 'flip bytes'}: ${mutation.what}`);
  }
  return { fixture: fixture.name, mutations, bytes };
}
