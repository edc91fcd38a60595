import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openCapture } from '../capture/open.js';
import { describeFrame } from '../decode/describe.js';
import type { Timestamp } from '../dissect.js';
import type { FrameLookup as SliceFrameLookup } from '../protocols/slice.js';
import type { FrameDetail } from './schema.js';

/*
 * A second, short pass over the capture for the few frames the report shows header by
 * header (and the lengths of the packet-list rows). It stops at the last frame wanted,
 * and tracks each TCP direction's first sequence number on the way, so sequence numbers
 * can be shown relative, as Wireshark shows them.
 */

let oui: string | null = null;

/**
 * The IEEE registry name of a MAC address's vendor; none for all-zero, multicast or
 * locally administered addresses. oui-data is the IEEE MA-L registry as a 5 MB JSON object:
 * a report needs one or two entries, so the text is searched rather than parsed whole.
 */
export function macVendor(mac: string): string | undefined {
  const bytes = mac.split(':').map((x) => parseInt(x, 16));
  if (bytes.length !== 6 || bytes.every((b) => b === 0) || bytes[0]! & 0x03) return undefined;
  oui ??= readFileSync(createRequire(import.meta.url).resolve('oui-data'), 'utf8');
  const key = `"${mac.replaceAll(':', '').slice(0, 6).toUpperCase()}": `;
  const at = oui.indexOf(key);
  if (at < 0) return undefined;
  // The value is a JSON string: scan to its closing quote (skipping escapes) and let JSON.parse decode it.
  const start = at + key.length;
  let end = start + 1;
  while (end < oui.length && oui[end] !== '"') end += oui[end] === '\\' ? 2 : 1;
  return (JSON.parse(oui.slice(start, end + 1)) as string).split('\n')[0];
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
      const layers = describeFrame(f);
      const tcp = layers.tcp;
      let relativeSeq: number | null = null;
      let relativeAck: number | null = null;
      if (tcp && layers.ip) {
        const fwd = `${layers.ip.src} ${tcp.srcPort} ${layers.ip.dst} ${tcp.dstPort}`;
        const rev = `${layers.ip.dst} ${tcp.dstPort} ${layers.ip.src} ${tcp.srcPort}`;
        // Wireshark's relative numbers: the SYN is 0; without a SYN, the first segment seen is 1.
        if (tcp.flags.includes('SYN') || !base.has(fwd)) base.set(fwd, tcp.flags.includes('SYN') ? tcp.seq : (tcp.seq - 1) >>> 0);
        relativeSeq = (tcp.seq - base.get(fwd)!) >>> 0;
        const peer = base.get(rev);
        if (tcp.flags.includes('ACK') && peer !== undefined) relativeAck = (tcp.ack - peer) >>> 0;
      }
      if (!wantDetail) continue;
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
        tcp: tcp ? { ...tcp, relativeSeq, relativeAck, stream: streams.get(f.number) ?? null } : null,
      });
    }
  } finally {
    reader.close();
  }
  return { details, basics };
}
