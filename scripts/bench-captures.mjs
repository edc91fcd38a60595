#!/usr/bin/env node
// The bench's captures, made from the lab traffic recorded in fixtures/ (never from
// invented payloads): each recorded connection is replayed with new addresses, ports,
// MACs, initial sequence numbers and timestamps, many at once and interleaved, so a
// capture of any size is real lab traffic, the same bytes for the same seed.
//
//   lab-mixed         whole lab sessions, one student after another, 16 at once: each a
//                     replay of lab-session.pcapng (HTTP, SMTP, POP3; with imap-session.pcapng
//                     after it: IMAP), lab.pcapng or kurose-ross.pcapng. SIZE is in MiB: the
//                     capture stops there, in the middle of what was going on (as dumpcap's
//                     -a filesize: does).
//   encrypted-bulk    what a student's own capture mostly is: long TLS connections (the
//                     application-data records of recorded sessions, repeated) and QUIC
//                     over UDP (a recorded Chromium Initial, then 1-RTT packets), 95% of the
//                     bytes, with lab sessions among them (5%). SIZE is in MiB.
//   many-connections  short recorded connections (a GET and its answer, a conditional GET,
//                     a browser's unused preconnection), 256 open at once. SIZE is the
//                     number of connections.
//   lab-sized         one student's capture of the lab, the sessions one after the other
//                     with their recorded timing: lab-session ×2, lab ×3, kurose-ross ×3,
//                     imap-session, imap-auth (about 4,000 packets). SIZE is ignored.
//
// The output is pcapng (as Wireshark saves), link type Ethernet, microsecond timestamps.
// Usage: node scripts/bench-captures.mjs KIND SIZE SEED OUT.pcapng
//    or: import { makeCapture } from './bench-captures.mjs'
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name) => join(root, 'fixtures', name);

/** The recorded captures the bench's traffic is made of. */
export const SOURCES = {
  labSession: fixture('lab-session.pcapng'),
  lab: fixture('lab.pcapng'),
  kuroseRoss: fixture('kurose-ross.pcapng'),
  imapSession: fixture('imap/imap-session.pcapng'),
  imapAuth: fixture('imap/imap-auth.pcapng'),
  tls13: fixture('tls/http1-tls13.pcap'),
  tls12: fixture('tls/http1-tls12-aead.pcap'),
  h2Chromium: fixture('tls/h2-chromium.pcap'),
  quic: fixture('quic/quic-chromium-v1.pcapng'),
};

// ---------------------------------------------------------------------------------------
// Reading the recordings (small files, read whole): classic pcap and pcapng, Ethernet.

/** Packets of a recorded capture: time in microseconds since its first packet, and the frame bytes. */
export function readRecording(path) {
  const b = readFileSync(path);
  const packets = [];
  const magic = b.readUInt32LE(0);
  if (magic === 0xa1b2c3d4 || magic === 0xa1b23c4d) {
    const nano = magic === 0xa1b23c4d;
    if (b.readUInt32LE(20) !== 1) throw new Error(`${path}: not Ethernet`);
    for (let o = 24; o + 16 <= b.length;) {
      const caplen = b.readUInt32LE(o + 8);
      const us = b.readUInt32LE(o) * 1e6 + (nano ? Math.floor(b.readUInt32LE(o + 4) / 1000) : b.readUInt32LE(o + 4));
      packets.push({ us, frame: Buffer.from(b.subarray(o + 16, o + 16 + caplen)) });
      o += 16 + caplen;
    }
  } else if (magic === 0x0a0d0d0a) {
    const resolution = []; // per interface: ticks per microsecond
    for (let o = 0; o + 12 <= b.length;) {
      const type = b.readUInt32LE(o);
      const len = b.readUInt32LE(o + 4);
      if (type === 1) {
        if (b.readUInt16LE(o + 8) !== 1) throw new Error(`${path}: not Ethernet`);
        let tsresol = 6;
        for (let p = o + 16; p + 4 <= o + len - 4;) {
          const code = b.readUInt16LE(p);
          const olen = b.readUInt16LE(p + 2);
          if (code === 0) break;
          if (code === 9) tsresol = b[p + 4];
          p += 4 + ((olen + 3) & ~3);
        }
        resolution.push(10 ** tsresol / 1e6);
      } else if (type === 6) {
        const ticks = b.readUInt32LE(o + 12) * 2 ** 32 + b.readUInt32LE(o + 16);
        const caplen = b.readUInt32LE(o + 20);
        packets.push({ us: Math.floor(ticks / resolution[b.readUInt32LE(o + 8)]), frame: Buffer.from(b.subarray(o + 28, o + 28 + caplen)) });
      }
      o += len;
    }
  } else throw new Error(`${path}: not a capture`);
  const t0 = packets[0]?.us ?? 0;
  for (const p of packets) p.us -= t0;
  return packets;
}

/** Where the headers of an Ethernet/IPv4 TCP or UDP frame are, or null for anything else. */
function layout(frame) {
  if (frame.length < 34 || frame.readUInt16BE(12) !== 0x0800 || frame[14] >> 4 !== 4) return null;
  const ip = 14;
  const ihl = (frame[ip] & 0x0f) * 4;
  const protocol = frame[ip + 9];
  const l4 = ip + ihl;
  const ipEnd = Math.min(frame.length, ip + frame.readUInt16BE(ip + 2));
  if (protocol === 6) {
    const payload = l4 + (frame[l4 + 12] >> 4) * 4;
    return { protocol, l4, payload, payloadLength: ipEnd - payload };
  }
  if (protocol === 17) return { protocol, l4, payload: l4 + 8, payloadLength: ipEnd - l4 - 8 };
  return null;
}

const endpointKey = (f, ipAt, portAt) => `${f[ipAt]}.${f[ipAt + 1]}.${f[ipAt + 2]}.${f[ipAt + 3]}:${f.readUInt16BE(portAt)}`;

/**
 * A recording as conversations (TCP connections and UDP flows), each knowing its client
 * (the sender of the SYN, else of the first packet) and its server, and every packet as
 * the conversation's: direction, time, frame.
 */
export function conversationsOf(path) {
  const conversations = [];
  const byKey = new Map();
  const packets = readRecording(path);
  packets.forEach((p, index) => {
    const at = layout(p.frame);
    if (!at) return;
    const f = p.frame;
    const src = endpointKey(f, 26, at.l4);
    const dst = endpointKey(f, 30, at.l4 + 2);
    const key = `${at.protocol} ${src < dst ? `${src} ${dst}` : `${dst} ${src}`}`;
    let c = byKey.get(key);
    const syn = at.protocol === 6 && (f[at.l4 + 13] & 0x12) === 0x02;
    if (!c || (syn && c.packets.length > 0 && c.closed)) {
      c = {
        protocol: at.protocol,
        client: src,
        server: dst,
        serverIp: f.readUInt32BE(30),
        serverPort: f.readUInt16BE(at.l4 + 2),
        packets: [],
        isn: [null, null],
      };
      byKey.set(key, c);
      conversations.push(c);
    }
    const fromClient = src === c.client;
    if (at.protocol === 6) {
      const flags = f[at.l4 + 13];
      const dir = fromClient ? 0 : 1;
      c.isn[dir] ??= f.readUInt32BE(at.l4 + 4);
      if (flags & 0x05) c.closed = true;
    }
    c.packets.push({ index, us: p.us, fromClient, frame: f, at });
  });
  return { packets: packets.length, conversations };
}

// ---------------------------------------------------------------------------------------
// Seeded randomness: the same capture for the same seed.

export function randomSource(seed) {
  let s = seed | 0;
  const random = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  return { random, between, u32: () => Math.floor(random() * 2 ** 32) };
}

// ---------------------------------------------------------------------------------------
// Writing pcapng, in 8 MiB writes. Frames are patched in the output buffer, in place.

class PcapngWriter {
  constructor(path) {
    this.fd = openSync(path, 'w');
    this.buf = Buffer.alloc(8 << 20);
    this.used = 0;
    this.written = 0;
    this.packets = 0;
    const shb = Buffer.alloc(28);
    shb.writeUInt32LE(0x0a0d0d0a, 0);
    shb.writeUInt32LE(28, 4);
    shb.writeUInt32LE(0x1a2b3c4d, 8);
    shb.writeUInt16LE(1, 12);
    shb.writeBigInt64LE(-1n, 16);
    shb.writeUInt32LE(28, 24);
    const idb = Buffer.alloc(20);
    idb.writeUInt32LE(1, 0);
    idb.writeUInt32LE(20, 4);
    idb.writeUInt16LE(1, 8); // Ethernet
    idb.writeUInt32LE(262144, 12);
    idb.writeUInt32LE(20, 16);
    this.raw(shb);
    this.raw(idb);
  }

  get size() {
    return this.written + this.used;
  }

  raw(b) {
    if (this.used + b.length > this.buf.length) this.flush();
    b.copy(this.buf, this.used);
    this.used += b.length;
  }

  /** Room for one Enhanced Packet Block of `caplen` frame bytes at time `us`; returns where the frame goes. */
  packet(us, caplen) {
    const total = 32 + ((caplen + 3) & ~3);
    if (this.used + total > this.buf.length) this.flush();
    const b = this.buf;
    const o = this.used;
    b.writeUInt32LE(6, o);
    b.writeUInt32LE(total, o + 4);
    b.writeUInt32LE(0, o + 8);
    b.writeUInt32LE(Math.floor(us / 2 ** 32), o + 12);
    b.writeUInt32LE(us % 2 ** 32, o + 16);
    b.writeUInt32LE(caplen, o + 20);
    b.writeUInt32LE(caplen, o + 24);
    b.fill(0, o + 28 + caplen, o + total - 4);
    b.writeUInt32LE(total, o + total - 4);
    this.used += total;
    this.packets++;
    return o + 28;
  }

  flush() {
    for (let done = 0; done < this.used;) done += writeSync(this.fd, this.buf, done, this.used - done);
    this.written += this.used;
    this.used = 0;
  }

  close() {
    this.flush();
    closeSync(this.fd);
  }
}

function ipChecksum(b, o) {
  b.writeUInt16BE(0, o + 10);
  let sum = 0;
  for (let i = 0; i < 20; i += 2) sum += b.readUInt16BE(o + i);
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  b.writeUInt16BE(~sum & 0xffff, o + 10);
}

/**
 * A conversation's new identity: client and server addresses, MACs, the client's port,
 * and how far each direction's sequence numbers move (new ISN − recorded ISN).
 */
function identity(rng, conversation, host, servers) {
  const clientIp = (10 << 24) | (host & 0xffffff);
  const serverIp = servers(conversation.serverIp);
  return {
    clientIp,
    serverIp,
    clientMac: [0x02, 0x1b, (host >>> 16) & 0xff, (host >>> 8) & 0xff, host & 0xff, 0x01],
    serverMac: [0x00, 0x50, 0x56, 0xc0, (serverIp >>> 8) & 0xff, serverIp & 0xff],
    clientPort: Number(conversation.client.split(':')[1]),
    serverPort: conversation.serverPort,
    seqDelta: [rng.u32(), rng.u32()],
    isn: conversation.isn,
  };
}

/** Servers of the recordings (127.0.0.x) as the bench's lab servers: 198.18.0.x. */
const labServers = (ip) => (198 << 24) | (18 << 16) | (ip & 0xffff);

/**
 * Write one frame of a conversation: its headers copied from `frame[0, headerEnd)` with the
 * identity applied (MACs, IPs, ports, sequence and acknowledgment numbers moved, SACK
 * blocks too, IP length and checksum), then `payload`.
 */
function writeFrame(out, us, id, fromClient, frame, at, payload, seqOverride, ackOverride, flagsOverride, ipId) {
  const headerEnd = at.payload;
  const caplen = headerEnd + payload.length;
  const o = out.packet(us, caplen);
  const b = out.buf;
  frame.copy(b, o, 0, headerEnd);
  payload.copy(b, o + headerEnd);
  const [dstMac, srcMac] = fromClient ? [id.serverMac, id.clientMac] : [id.clientMac, id.serverMac];
  for (let i = 0; i < 6; i++) {
    b[o + i] = dstMac[i];
    b[o + 6 + i] = srcMac[i];
  }
  const ip = o + 14;
  b.writeUInt32BE((fromClient ? id.clientIp : id.serverIp) >>> 0, ip + 12);
  b.writeUInt32BE((fromClient ? id.serverIp : id.clientIp) >>> 0, ip + 16);
  b.writeUInt16BE(caplen - 14, ip + 2);
  if (ipId !== undefined) b.writeUInt16BE(ipId & 0xffff, ip + 4);
  ipChecksum(b, ip);
  const l4 = o + at.l4;
  b.writeUInt16BE(fromClient ? id.clientPort : id.serverPort, l4);
  b.writeUInt16BE(fromClient ? id.serverPort : id.clientPort, l4 + 2);
  if (at.protocol === 17) {
    b.writeUInt16BE(8 + payload.length, l4 + 4);
    b.writeUInt16BE(0, l4 + 6); // no UDP checksum (allowed over IPv4)
    return;
  }
  const dir = fromClient ? 0 : 1;
  const flags = flagsOverride ?? b[l4 + 13];
  b[l4 + 13] = flags;
  const seq = seqOverride ?? (b.readUInt32BE(l4 + 4) - id.isn[dir]) >>> 0;
  b.writeUInt32BE((seq + id.isn[dir] + id.seqDelta[dir]) >>> 0, l4 + 4);
  if (flags & 0x10) {
    const ack = ackOverride ?? (b.readUInt32BE(l4 + 8) - (id.isn[1 - dir] ?? 0)) >>> 0;
    b.writeUInt32BE((ack + (id.isn[1 - dir] ?? 0) + id.seqDelta[1 - dir]) >>> 0, l4 + 8);
  }
  // SACK blocks name the peer's sequence numbers.
  for (let p = l4 + 20; p < o + headerEnd;) {
    const kind = b[p];
    if (kind === 0) break;
    if (kind === 1) {
      p++;
      continue;
    }
    const len = b[p + 1];
    if (len < 2) break;
    if (kind === 5) for (let q = p + 2; q + 8 <= p + len; q += 4) b.writeUInt32BE((b.readUInt32BE(q) + id.seqDelta[1 - dir]) >>> 0, q);
    p += len;
  }
  b.writeUInt16BE(0, l4 + 16); // checksum: not computed (loopback recordings carry none either)
}

/** A recorded conversation replayed packet by packet under a new identity. */
function* replay(conversation, id) {
  for (const p of conversation.packets)
    yield (out, us) => writeFrame(out, us, id, p.fromClient, p.frame, p.at, p.frame.subarray(p.at.payload, p.at.payload + p.at.payloadLength));
}

/** A recording (all its conversations, in their recorded order) replayed as one host's traffic. */
function* replayRecording(recording, rng, host, servers = labServers) {
  const ids = new Map(recording.conversations.map((c, i) => [c, identity(rng, c, host + i, servers)]));
  const order = recording.conversations.flatMap((c) => c.packets.map((p) => ({ c, p }))).sort((a, b) => a.p.index - b.p.index);
  for (const { c, p } of order) {
    const id = ids.get(c);
    yield (out, us) => writeFrame(out, us, id, p.fromClient, p.frame, p.at, p.frame.subarray(p.at.payload, p.at.payload + p.at.payloadLength));
  }
}

// ---------------------------------------------------------------------------------------
// Long TLS connections: a recorded TLS session whose server application-data records are
// repeated until the connection carries `bytes`, in full-sized segments, ACKed every other one.

/** A direction's bytes in order, as turns: [fromClient, Buffer] each time the sender changes. */
function turnsOf(conversation) {
  const turns = [];
  for (const p of conversation.packets) {
    if (p.at.payloadLength === 0) continue;
    const data = p.frame.subarray(p.at.payload, p.at.payload + p.at.payloadLength);
    const last = turns.at(-1);
    if (last && last.fromClient === p.fromClient) last.parts.push(data);
    else turns.push({ fromClient: p.fromClient, parts: [data] });
  }
  return turns.map((t) => ({ fromClient: t.fromClient, bytes: Buffer.concat(t.parts) }));
}

/** TLS records of a byte string: [start, end, contentType]. */
function tlsRecords(bytes) {
  const records = [];
  for (let o = 0; o + 5 <= bytes.length;) {
    const end = o + 5 + bytes.readUInt16BE(o + 3);
    if (end > bytes.length) break;
    records.push([o, end, bytes[o]]);
    o = end;
  }
  return records;
}

/** What a long TLS connection is made of: a recorded one, and the run of application-data records in its largest server turn. */
function tlsTemplate(path) {
  const { conversations } = conversationsOf(path);
  const conversation = conversations.filter((c) => c.protocol === 6).sort((a, b) => b.packets.length - a.packets.length)[0];
  const turns = turnsOf(conversation);
  // Records are found over the server's whole stream, then each turn's run of application data within it.
  const serverTurns = turns.map((t, i) => [t, i]).filter(([t]) => !t.fromClient);
  const starts = [];
  let at = 0;
  for (const [t] of serverTurns) {
    starts.push(at);
    at += t.bytes.length;
  }
  const records = tlsRecords(Buffer.concat(serverTurns.map(([t]) => t.bytes)));
  let best = null;
  serverTurns.forEach(([t, i], k) => {
    const inTurn = records.filter((r) => r[2] === 23 && r[0] >= starts[k] && r[1] <= starts[k] + t.bytes.length);
    if (inTurn.length === 0) return;
    const [start, end] = [inTurn[0][0] - starts[k], inTurn.at(-1)[1] - starts[k]];
    if (!best || end - start > best.end - best.start) best = { turn: i, start, end };
  });
  if (!best) throw new Error(`${path}: no application data from the server`);
  const headers = [true, false].map((fromClient) => {
    const p = conversation.packets.find((q) => q.fromClient === fromClient && q.at.payloadLength > 0 && (q.frame[q.at.l4 + 13] & 0x07) === 0);
    return { frame: p.frame, at: p.at };
  });
  const handshake = conversation.packets.filter((p) => p.frame[p.at.l4 + 13] & 0x02);
  const closing = conversation.packets.slice(conversation.packets.findIndex((p) => p.frame[p.at.l4 + 13] & 0x01));
  return { conversation, turns, best, headers, handshake, closing };
}

const MSS = 1448;

/** A long TLS connection of about `bytes`, under a new identity. */
function* longTls(template, id, bytes) {
  const { turns, best, headers, handshake, closing } = template;
  for (const p of handshake)
    yield (out, us) => writeFrame(out, us, id, p.fromClient, p.frame, p.at, p.frame.subarray(p.at.payload, p.at.payload + p.at.payloadLength));
  const next = [1, 1]; // relative sequence number each side sends next (after the SYN)
  let unacked = 0;
  const segment = (fromClient, data) => (out, us) => {
    const dir = fromClient ? 0 : 1;
    const h = headers[dir];
    writeFrame(out, us, id, fromClient, h.frame, h.at, data, next[dir], next[1 - dir], 0x18);
    next[dir] += data.length;
  };
  const ack = (fromClient) => (out, us) => {
    const dir = fromClient ? 0 : 1;
    const h = headers[dir];
    writeFrame(out, us, id, fromClient, h.frame, h.at, EMPTY, next[dir], next[1 - dir], 0x10);
  };
  // The receiver ACKs every other segment, and the last one of a turn.
  function* send(fromClient, data, last = true) {
    for (let o = 0; o < data.length; o += MSS) {
      yield segment(fromClient, data.subarray(o, o + MSS));
      if (++unacked % 2 === 0) yield ack(!fromClient);
    }
    if (last && unacked % 2 === 1) {
      unacked++;
      yield ack(!fromClient);
    }
  }
  for (const [i, t] of turns.entries()) {
    if (i !== best.turn) {
      yield* send(t.fromClient, t.bytes);
      continue;
    }
    yield* send(false, t.bytes.subarray(0, best.start), false);
    // The run of records repeated to whole records of about `bytes`, in full segments as any download.
    const records = t.bytes.subarray(best.start, best.end);
    const total = records.length * Math.ceil(bytes / records.length);
    const scratch = Buffer.alloc(MSS); // each segment is copied out before the next is made
    for (let o = 0; o < total; o += MSS) {
      const n = Math.min(MSS, total - o);
      for (let f = 0, r = o % records.length; f < n; r = 0) f += records.copy(scratch, f, r, r + n - f);
      yield segment(false, scratch.subarray(0, n));
      if (++unacked % 2 === 0) yield ack(true);
    }
    yield* send(false, t.bytes.subarray(best.end));
  }
  // The recorded close, its numbers moved to where this connection ended.
  const end = [next[0], next[1]];
  for (const p of closing) {
    const dir = p.fromClient ? 0 : 1;
    const seq = end[dir];
    const ackNumber = end[1 - dir];
    const flags = p.frame[p.at.l4 + 13];
    const payload = p.frame.subarray(p.at.payload, p.at.payload + p.at.payloadLength);
    yield (out, us) => writeFrame(out, us, id, p.fromClient, p.frame, p.at, payload, seq, ackNumber, flags);
    end[dir] += payload.length + (flags & 0x01 ? 1 : 0);
  }
}

const EMPTY = Buffer.alloc(0);

// ---------------------------------------------------------------------------------------
// QUIC over UDP: Chromium's recorded Initial, then a download in 1-RTT (short header)
// packets to the client and ACK-sized ones from it, the payload bytes taken from the
// recorded (encrypted) Initial.

function quicTemplate(path) {
  const { conversations } = conversationsOf(path);
  const flow = conversations.find((c) => c.protocol === 17);
  const first = flow.packets[0];
  const d = first.frame.subarray(first.at.payload, first.at.payload + first.at.payloadLength);
  const dcid = d.subarray(6, 6 + d[5]);
  const scidAt = 6 + d[5];
  const scid = d.subarray(scidAt + 1, scidAt + 1 + d[scidAt]);
  return { flow, dcid, scid, filler: Buffer.from(d.subarray(scidAt + 1 + d[scidAt])) };
}

/** A short-header QUIC packet: 0x43 (fixed bit, 4-byte packet number), the connection ID, the number, then `size` bytes in all. */
function quicShort(cid, pn, filler, size) {
  const b = Buffer.alloc(size);
  b[0] = 0x43;
  cid.copy(b, 1);
  b.writeUInt32BE(pn >>> 0, 1 + cid.length);
  for (let o = 5 + cid.length, f = pn % filler.length; o < size;) {
    const n = filler.copy(b, o, f);
    o += n;
    f = 0;
  }
  return b;
}

function* quicDownload(template, id, bytes, rng) {
  const { flow, dcid, scid, filler } = template;
  const [initial] = flow.packets;
  yield (out, us) =>
    writeFrame(out, us, id, true, initial.frame, initial.at, initial.frame.subarray(initial.at.payload, initial.at.payload + initial.at.payloadLength));
  const h = { frame: initial.frame, at: initial.at };
  // Packets of one size share one buffer per direction (their numbers are written afresh).
  const down = quicShort(scid, 0, filler, 1252);
  const up = quicShort(dcid, 0, filler, 48);
  let pnDown = rng.u32() >>> 8;
  let pnUp = 1;
  for (let sent = 0, n = 0; sent < bytes; sent += down.length, n++) {
    const pn = pnDown++;
    yield (out, us) => {
      down.writeUInt32BE(pn >>> 0, 1 + scid.length);
      writeFrame(out, us, id, false, h.frame, h.at, down, undefined, undefined, undefined, pn);
    };
    if (n % 10 === 9) {
      const pu = pnUp++;
      yield (out, us) => {
        up.writeUInt32BE(pu >>> 0, 1 + dcid.length);
        writeFrame(out, us, id, true, h.frame, h.at, up, undefined, undefined, undefined, pu);
      };
    }
  }
}

// ---------------------------------------------------------------------------------------
// The scheduler: streams of frames played at once, a few frames of one, then of another.

/**
 * Play `start()`'s frame streams, `concurrency` at once, until `done(out)`: each turn a
 * random stream sends 1–`burst` frames, 5–40 µs apart, and a finished stream is replaced.
 */
function interleave(out, rng, { concurrency, burst, start, done, cut = false }) {
  let us = 1_756_713_600 * 1e6; // 2025-09-01T08:00:00Z, as the recordings' Date headers
  const active = [];
  for (;;) {
    while (active.length < concurrency && !done(out)) {
      const s = start();
      if (!s) break;
      active.push(s);
    }
    // A capture of a given size stops there, as dumpcap's filesize: does, in the middle of what was going on.
    if (active.length === 0 || (cut && done(out))) return;
    const k = Math.floor(rng.random() * active.length);
    const stream = active[k];
    for (let n = rng.between(1, burst); n > 0; n--) {
      const r = stream.next();
      if (r.done) {
        active.splice(k, 1);
        break;
      }
      us += rng.between(5, 40);
      r.value(out, us);
    }
  }
}

// ---------------------------------------------------------------------------------------
// The captures.

const MiB = 1024 * 1024;

function labMixed(out, rng, megabytes) {
  const labSession = conversationsOf(SOURCES.labSession);
  const imap = conversationsOf(SOURCES.imapSession);
  const lab = conversationsOf(SOURCES.lab);
  const kr = conversationsOf(SOURCES.kuroseRoss);
  let host = 1;
  const target = megabytes * MiB;
  // A student: 70% the whole lab session (then an IMAP session), 15% lab.pcapng, 15% kurose-ross.
  function* student() {
    const r = rng.random();
    const h = host;
    host += 32;
    if (r < 0.7) {
      yield* replayRecording(labSession, rng, h);
      yield* replayRecording(imap, rng, h + 16);
    } else yield* replayRecording(r < 0.85 ? lab : kr, rng, h);
  }
  interleave(out, rng, { concurrency: 16, burst: 6, start: student, done: (o) => o.size >= target, cut: true });
  return `${Math.floor((host - 1) / 32)} students`;
}

function encryptedBulk(out, rng, megabytes) {
  const labSession = conversationsOf(SOURCES.labSession);
  const tls = [tlsTemplate(SOURCES.tls13), tlsTemplate(SOURCES.h2Chromium), tlsTemplate(SOURCES.tls12)];
  const quic = quicTemplate(SOURCES.quic);
  const target = megabytes * MiB;
  const servers = (offset) => (ip) => (203 << 24) | (113 << 8) | ((ip & 0xff) + offset);
  let host = 1;
  const hostOf = () => (host += 32) - 32;
  // Each kind keeps `slots` streams going; the next frame comes from the kind furthest behind its share of the bytes.
  const kinds = [
    {
      name: 'TLS connections',
      share: 0.7,
      slots: 4,
      bytes: 0,
      n: 0,
      active: [],
      start: () => {
        const t = tls[rng.between(0, tls.length - 1)];
        return longTls(t, identity(rng, t.conversation, hostOf(), servers(10)), rng.between(32, 192) * MiB);
      },
    },
    {
      name: 'QUIC flows',
      share: 0.25,
      slots: 2,
      bytes: 0,
      n: 0,
      active: [],
      start: () => quicDownload(quic, identity(rng, quic.flow, hostOf(), servers(100)), rng.between(24, 96) * MiB, rng),
    },
    { name: 'lab sessions', share: 0.05, slots: 2, bytes: 0, n: 0, active: [], start: () => replayRecording(labSession, rng, hostOf()) },
  ];
  let us = 1_756_713_600 * 1e6;
  let written = 0;
  while (out.size < target) {
    const kind = kinds.reduce((a, b) => (b.bytes - b.share * written < a.bytes - a.share * written ? b : a));
    while (kind.active.length < kind.slots) {
      kind.active.push(kind.start());
      kind.n++;
    }
    const k = Math.floor(rng.random() * kind.active.length);
    for (let n = rng.between(1, 12); n > 0; n--) {
      const r = kind.active[k].next();
      if (r.done) {
        kind.active.splice(k, 1);
        break;
      }
      const before = out.size;
      r.value(out, (us += rng.between(5, 40)));
      kind.bytes += out.size - before;
      written += out.size - before;
    }
  }
  // The streams still open end here, as a capture stopped in the middle of a download.
  return kinds.map((k) => `${k.name} ${k.n} (${((100 * k.bytes) / written).toFixed(1)}% of the bytes)`).join(', ');
}

function manyConnections(out, rng, count) {
  const short = [SOURCES.lab, SOURCES.kuroseRoss].flatMap((p) => conversationsOf(p).conversations.filter((c) => c.protocol === 6 && c.packets.length <= 16));
  let made = 0;
  const start = () => {
    if (made >= count) return null;
    made++;
    const c = short[Math.floor(rng.random() * short.length)];
    return replay(c, identity(rng, c, made, labServers));
  };
  interleave(out, rng, { concurrency: 256, burst: 3, start, done: () => made >= count });
  return `${made} connections (${short.length} recorded ones, each a GET and its answer or a browser's unused preconnection)`;
}

function labSized(out, rng) {
  const r = (p) => conversationsOf(p);
  const [labSession, lab, kr] = [r(SOURCES.labSession), r(SOURCES.lab), r(SOURCES.kuroseRoss)];
  const units = [labSession, labSession, lab, kr, lab, kr, lab, kr, r(SOURCES.imapSession), r(SOURCES.imapAuth)];
  // One after the other, each with its recorded timing, a second apart: one student's afternoon.
  let us = 1_756_713_600 * 1e6;
  let host = 1 + rng.between(0, 250) * 256;
  for (const unit of units) {
    const frames = replayRecording(unit, rng, host);
    host += 16;
    const times = unit.conversations.flatMap((c) => c.packets.map((p) => [p.index, p.us])).sort((a, b) => a[0] - b[0]);
    let i = 0;
    for (const f of frames) f(out, us + times[i++][1]);
    us += times.at(-1)[1] + 1e6;
  }
  return `${units.length} recorded sessions`;
}

export const KINDS = { 'lab-mixed': labMixed, 'encrypted-bulk': encryptedBulk, 'many-connections': manyConnections, 'lab-sized': labSized };

/** Write the capture KIND of SIZE (MiB, or connections) with SEED to PATH; returns a line describing it. */
export function makeCapture(kind, size, seed, path) {
  const make = KINDS[kind];
  if (!make) throw new Error(`unknown capture kind ${kind} (${Object.keys(KINDS).join(', ')})`);
  const out = new PcapngWriter(path);
  const rng = randomSource(seed);
  const what = make(out, rng, size);
  out.close();
  return { packets: out.packets, bytes: out.written, what };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [kind, size, seed, path] = process.argv.slice(2);
  if (!path) {
    console.error(`usage: bench-captures.mjs ${Object.keys(KINDS).join('|')} SIZE SEED OUT.pcapng`);
    process.exit(2);
  }
  const t0 = Date.now();
  const r = makeCapture(kind, Number(size), Number(seed), path);
  console.log(`${path}: ${(r.bytes / MiB).toFixed(0)} MiB, ${r.packets} packets, ${r.what} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
