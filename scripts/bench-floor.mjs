#!/usr/bin/env node
// The floor of `npm run bench`: the least any reader of a capture must do, as fast as Node
// does it. One loop over the file through one reused 1 MiB buffer (fs.readSync, no stream,
// no allocation per packet), each packet's Ethernet (and 802.1Q), IPv4 or IPv6 and TCP or
// UDP header decoded in place, and its connection looked up in a table (counting its
// packets and bytes), nothing else. labreport's throughput on encrypted bulk is measured
// against this.
//
// Usage: node scripts/bench-floor.mjs CAPTURE   (classic pcap or pcapng; prints one JSON line)
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 20;

/**
 * The connection table: open addressing over the canonical 5-tuple (the smaller endpoint
 * first), addresses folded to 32 bits (IPv6 by XOR of its words; equal folds are then
 * told apart by the ports, which is enough for a floor).
 */
class ConnectionTable {
  constructor() {
    this.grow(1 << 16);
    this.count = 0;
  }

  grow(size) {
    const old = this.keys;
    const oldPackets = this.packets;
    const oldBytes = this.bytes;
    this.size = size;
    this.keys = new Int32Array(size * 4);
    this.used = new Uint8Array(size);
    this.packets = new Float64Array(size);
    this.bytes = new Float64Array(size);
    if (!old) return;
    const oldUsed = this.oldUsed;
    for (let i = 0; i < oldPackets.length; i++) {
      if (!oldUsed[i]) continue;
      const s = this.slot(old[i * 4], old[i * 4 + 1], old[i * 4 + 2], old[i * 4 + 3]);
      this.packets[s] = oldPackets[i];
      this.bytes[s] = oldBytes[i];
    }
  }

  /** The slot of a connection, claimed if new. */
  slot(a, b, ports, proto) {
    let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(ports, 0x85ebca6b) ^ proto, 0xc2b2ae35);
    const mask = this.size - 1;
    for (let i = (h ^ (h >>> 15)) & mask; ; i = (i + 1) & mask) {
      if (!this.used[i]) {
        this.used[i] = 1;
        const k = i * 4;
        this.keys[k] = a;
        this.keys[k + 1] = b;
        this.keys[k + 2] = ports;
        this.keys[k + 3] = proto;
        return i;
      }
      const k = i * 4;
      if (this.keys[k] === a && this.keys[k + 1] === b && this.keys[k + 2] === ports && this.keys[k + 3] === proto) return i;
    }
  }

  add(src, dst, sport, dport, proto, length) {
    // Canonical order: the same connection both ways.
    const swap = src > dst || (src === dst && sport > dport);
    const a = swap ? dst : src;
    const b = swap ? src : dst;
    const ports = swap ? (dport << 16) | sport : (sport << 16) | dport;
    const before = this.used;
    let s = this.slot(a, b, ports, proto);
    if (this.packets[s] === 0) {
      this.count++;
      if (this.count * 2 > this.size) {
        this.oldUsed = before;
        this.grow(this.size * 2);
        s = this.slot(a, b, ports, proto);
      }
    }
    this.packets[s]++;
    this.bytes[s] += length;
  }
}

const table = new ConnectionTable();
let packets = 0;
let transport = 0;

/** Decode one frame in place: link, IP, TCP/UDP; look up its connection. */
function frame(b, start, caplen, linkType) {
  packets++;
  const end = start + caplen;
  let o = start;
  let type;
  if (linkType === 1) {
    if (caplen < 14) return;
    type = (b[o + 12] << 8) | b[o + 13];
    o += 14;
    while ((type === 0x8100 || type === 0x88a8) && o + 4 <= end) {
      type = (b[o + 2] << 8) | b[o + 3];
      o += 4;
    }
  } else if (linkType === 101 || linkType === 12 || linkType === 14) {
    type = b[o] >> 4 === 6 ? 0x86dd : 0x0800;
  } else return;
  let src;
  let dst;
  let proto;
  if (type === 0x0800 && o + 20 <= end) {
    const ihl = (b[o] & 0x0f) * 4;
    if ((((b[o + 6] & 0x1f) << 8) | b[o + 7]) !== 0) return; // a later fragment: no ports
    proto = b[o + 9];
    src = (b[o + 12] << 24) | (b[o + 13] << 16) | (b[o + 14] << 8) | b[o + 15] | 0;
    dst = (b[o + 16] << 24) | (b[o + 17] << 16) | (b[o + 18] << 8) | b[o + 19] | 0;
    o += ihl;
  } else if (type === 0x86dd && o + 40 <= end) {
    proto = b[o + 6];
    src = 0;
    dst = 0;
    for (let i = 0; i < 16; i += 4) {
      src ^= (b[o + 8 + i] << 24) | (b[o + 9 + i] << 16) | (b[o + 10 + i] << 8) | b[o + 11 + i];
      dst ^= (b[o + 24 + i] << 24) | (b[o + 25 + i] << 16) | (b[o + 26 + i] << 8) | b[o + 27 + i];
    }
    o += 40;
  } else return;
  if ((proto !== 6 && proto !== 17) || o + 8 > end) return;
  if (proto === 6 && o + 20 > end) return;
  transport++;
  table.add(src, dst, (b[o] << 8) | b[o + 1], (b[o + 2] << 8) | b[o + 3], proto, caplen);
}

function run(path) {
  const fd = openSync(path, 'r');
  let buf = Buffer.allocUnsafe(CHUNK);
  let have = 0; // bytes in buf
  let at = 0; // parse position
  let eof = false;
  let read = 0;
  /** Make `n` bytes from `at` available; false at the end of the file. */
  const ensure = (n) => {
    if (at + n <= have) return true;
    if (eof) return false;
    buf.copyWithin(0, at, have);
    have -= at;
    at = 0;
    if (n > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(n, buf.length * 2));
      buf.copy(bigger, 0, 0, have);
      buf = bigger;
    }
    while (have < n && !eof) {
      const got = readSync(fd, buf, have, buf.length - have, null);
      if (got === 0) eof = true;
      have += got;
      read += got;
    }
    return at + n <= have;
  };
  try {
    if (!ensure(24)) throw new Error('too short');
    const magic = buf.readUInt32LE(0);
    if (magic === 0xa1b2c3d4 || magic === 0xa1b23c4d || magic === 0xd4c3b2a1 || magic === 0x4d3cb2a1) {
      const le = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
      const u32 = le ? (o) => buf.readUInt32LE(o) : (o) => buf.readUInt32BE(o);
      const linkType = u32(20) & 0x0fffffff;
      at = 24;
      while (ensure(16)) {
        const caplen = u32(at + 8);
        if (!ensure(16 + caplen)) break;
        frame(buf, at + 16, caplen, linkType);
        at += 16 + caplen;
      }
    } else if (magic === 0x0a0d0d0a) {
      let le = true;
      const linkTypes = [];
      while (ensure(12)) {
        if (buf.readUInt32LE(at) === 0x0a0d0d0a) le = buf.readUInt32LE(at + 8) === 0x1a2b3c4d;
        const u32 = le ? (o) => buf.readUInt32LE(o) : (o) => buf.readUInt32BE(o);
        const type = u32(at);
        const length = u32(at + 4);
        if (length < 12 || !ensure(length)) break;
        if (type === 6) frame(buf, at + 28, u32(at + 20), linkTypes[u32(at + 8)]);
        else if (type === 3) frame(buf, at + 16, Math.min(u32(at + 8), length - 16), linkTypes[0]);
        else if (type === 1) linkTypes.push(le ? buf.readUInt16LE(at + 8) : buf.readUInt16BE(at + 8));
        else if (type === 0x0a0d0d0a) linkTypes.length = 0;
        at += length;
      }
    } else throw new Error('not a pcap or pcapng file');
  } finally {
    closeSync(fd);
  }
  return read;
}

const path = process.argv[2];
if (!path) {
  console.error('usage: bench-floor.mjs CAPTURE');
  process.exit(2);
}
const t0 = process.hrtime.bigint();
const bytes = run(path);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ bytes, packets, transport, connections: table.count, seconds }));
