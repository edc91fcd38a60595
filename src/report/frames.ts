import { fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openCapture } from '../capture/open.js';
import type { Frame } from '../capture/frame.js';
import { describeFrame } from '../decode/describe.js';
import type { FrameLayers } from '../decode/schema.js';
import { ipv4String, ipv6String } from '../decode/ip.js';
import { decodeLink } from '../decode/link.js';
import type { Timestamp } from '../dissect.js';
import type { FrameLookup as SliceFrameLookup } from '../protocols/slice.js';
import type { FrameDetail } from './schema.js';

/*
 * A second, short pass over the capture for the few frames the report shows header by
 * header (and the lengths of the packet-list rows). It stops at the last frame wanted,
 * and tracks each TCP direction's first sequence number on the way, so sequence numbers
 * can be shown relative, as Wireshark shows them.
 */

/** The IEEE registry of oui-data: a JSON object of one entry per line, `"OUI": "name\\naddress…",`. */
let ouiFile: { fd: number; size: number } | null = null;
const vendors = new Map<string, string | undefined>();

/**
 * The IEEE registry name of a MAC address's vendor; none for all-zero, multicast or
 * locally administered addresses. oui-data's registry is a 5 MB JSON object; a report needs
 * one or two entries, and its MA-L lines come first in order of their keys, so an entry is found
 * by a binary search over the file (some twenty reads of a few hundred bytes) rather than by
 * reading it all (that took a lab-sized report 50 ms).
 */
export function macVendor(mac: string): string | undefined {
  const bytes = mac.split(':').map((x) => parseInt(x, 16));
  if (bytes.length !== 6 || bytes.every((b) => b === 0) || bytes[0]! & 0x03) return undefined;
  const oui = mac.replaceAll(':', '').slice(0, 6).toUpperCase();
  if (!vendors.has(oui)) vendors.set(oui, registryEntry(oui)?.split('\n')[0]);
  return vendors.get(oui);
}

/** Read up to `length` bytes at `position` of the registry. */
function readAt(position: number, length: number): Buffer {
  const buf = Buffer.alloc(Math.max(0, Math.min(length, ouiFile!.size - position)));
  const got = readSync(ouiFile!.fd, buf, 0, buf.length, position);
  return buf.subarray(0, got);
}

/** The line starting at or after `position`: its start, and the key and JSON value it holds (null past the last entry). */
function lineAfter(position: number): { start: number; key: string; value: string } | null {
  let start = position;
  if (position > 0) {
    // Skip to the start of the next line.
    for (;;) {
      const chunk = readAt(start, 512);
      if (chunk.length === 0) return null;
      const nl = chunk.indexOf(10);
      if (nl >= 0) {
        start += nl + 1;
        break;
      }
      start += chunk.length;
    }
  }
  let line = readAt(start, 512);
  for (let nl = line.indexOf(10); nl < 0 && start + line.length < ouiFile!.size; nl = line.indexOf(10)) line = readAt(start, line.length * 2);
  const m = /^ "([0-9A-F]+)": (".*"),?\r?$/.exec(line.toString('utf8').split('\n')[0]!);
  return m ? { start, key: m[1]!, value: m[2]! } : line.length === 0 || line[0] === 0x7d ? null : { start, key: '', value: '""' };
}

function registryEntry(oui: string): string | undefined {
  ouiFile ??= (() => {
    const path = createRequire(import.meta.url).resolve('oui-data');
    const fd = openSync(path, 'r');
    return { fd, size: fstatSync(fd).size };
  })();
  // The MA-L entries (six-digit keys) come first, in order; the MA-M and MA-S ones (seven and
  // nine digits) follow them, each block in its own order. Search the first block for the last
  // line whose key is ≤ the OUI.
  let lo = 0;
  let hi = ouiFile.size;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const line = lineAfter(mid);
    if (line === null || line.key.length !== oui.length || line.key > oui) hi = mid;
    else lo = mid;
  }
  const found = lineAfter(lo);
  const next = found && found.key < oui ? lineAfter(found.start + 1) : found;
  return next?.key === oui ? (JSON.parse(next.value) as string) : undefined;
}

/**
 * What the relative sequence numbers need of a frame that is not shown: its TCP endpoints
 * (as describeFrame gives them), flags and numbers, read straight from the headers rather
 * than by describing every field of every frame before the last one shown. Null when
 * describeFrame would find no TCP header.
 */
interface TcpNumbers {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  syn: boolean;
  hasAck: boolean;
}

function tcpNumbers(f: Frame): TcpNumbers | null {
  const b = f.data;
  const l = decodeLink(f.linkType, b);
  const o = l.offset;
  let at = -1;
  let src = '';
  let dst = '';
  if (l.ipVersion === 4 && b.length >= o + 20) {
    if (b[o + 9] !== 6 || (((b[o + 6]! << 8) | b[o + 7]!) & 0x1fff) !== 0) return null;
    at = o + (b[o]! & 0x0f) * 4;
    src = ipv4String(b, o + 12);
    dst = ipv4String(b, o + 16);
  } else if (l.ipVersion === 6 && b.length >= o + 40) {
    if (b[o + 6] !== 6) return null;
    at = o + 40;
    src = ipv6String(b, o + 8);
    dst = ipv6String(b, o + 24);
  }
  if (at < 0 || b.length < at + 20) return null;
  const u32 = (i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
  return {
    src,
    dst,
    srcPort: (b[at]! << 8) | b[at + 1]!,
    dstPort: (b[at + 2]! << 8) | b[at + 3]!,
    seq: u32(at + 4),
    ack: u32(at + 8),
    syn: (b[at + 13]! & 0x02) !== 0,
    hasAck: (b[at + 13]! & 0x10) !== 0,
  };
}

/** The same of a frame described in full. */
function describedNumbers({ ip, tcp }: FrameLayers): TcpNumbers | null {
  if (!tcp || !ip) return null;
  return {
    src: ip.src,
    dst: ip.dst,
    srcPort: tcp.srcPort,
    dstPort: tcp.dstPort,
    seq: tcp.seq,
    ack: tcp.ack,
    syn: tcp.flags.includes('SYN'),
    hasAck: tcp.flags.includes('ACK'),
  };
}

export interface FrameLookup extends SliceFrameLookup {
  details: Map<number, FrameDetail>;
  /** Wire length and time of every wanted frame. */
  basics: Map<number, { length: number; time: number }>;
}

/**
 * Read the frames numbered in `detailed` (full header detail) and `basicOnly` (only
 * their wire length and time). `streams` gives the tcp.stream of detailed frames when known.
 */
export function lookUpFrames(path: string, detailed: Set<number>, basicOnly: Set<number>, first: Timestamp | null, streams: Map<number, number>): FrameLookup {
  const details = new Map<number, FrameDetail>();
  const basics = new Map<number, { length: number; time: number }>();
  const lastDetailed = Math.max(0, ...detailed);
  const last = Math.max(lastDetailed, ...basicOnly);
  if (last === 0) return { details, basics };
  const base = new Map<string, number>(); // "src sport dst dport" → sequence number of byte 0
  const reader = openCapture(path);
  try {
    for (let f = reader.next(); f && f.number <= last; f = reader.next()) {
      const wantDetail = detailed.has(f.number);
      const time = first && f.hasTime ? Math.round((f.tsSec - first.sec + (f.tsNsec - first.nsec) / 1e9) * 1e9) / 1e9 : 0;
      if (wantDetail || basicOnly.has(f.number)) basics.set(f.number, { length: f.originalLength, time });
      if (!wantDetail && f.number > lastDetailed) continue;
      const layers = wantDetail ? describeFrame(f) : null;
      const tcp = layers ? describedNumbers(layers) : tcpNumbers(f);
      let relativeSeq: number | null = null;
      let relativeAck: number | null = null;
      if (tcp) {
        const fwd = `${tcp.src} ${tcp.srcPort} ${tcp.dst} ${tcp.dstPort}`;
        const rev = `${tcp.dst} ${tcp.dstPort} ${tcp.src} ${tcp.srcPort}`;
        // Wireshark's relative numbers: the SYN is 0; without a SYN, the first segment seen is 1.
        if (tcp.syn || !base.has(fwd)) base.set(fwd, tcp.syn ? tcp.seq : (tcp.seq - 1) >>> 0);
        relativeSeq = (tcp.seq - base.get(fwd)!) >>> 0;
        const peer = base.get(rev);
        if (tcp.hasAck && peer !== undefined) relativeAck = (tcp.ack - peer) >>> 0;
      }
      if (!layers) continue;
      const link: FrameDetail['link'] = layers.link ? { ...layers.link } : null;
      if (link?.kind === 'ethernet') {
        const [srcVendor, dstVendor] = [macVendor(link.src!), macVendor(link.dst!)];
        if (srcVendor) link.srcVendor = srcVendor;
        if (dstVendor) link.dstVendor = dstVendor;
      }
      details.set(f.number, {
        number: f.number,
        time,
        wireLength: layers.wireLength,
        capturedLength: layers.capturedLength,
        linkType: layers.linkType,
        interface: f.interfaceId >= 0 ? { id: f.interfaceId, name: f.interfaceName } : null,
        link,
        ip: layers.ip,
        tcp: layers.tcp ? { ...layers.tcp, relativeSeq, relativeAck, stream: streams.get(f.number) ?? null } : null,
      });
    }
  } finally {
    reader.close();
  }
  return { details, basics };
}
