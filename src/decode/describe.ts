import { linkTypeName } from '../capture/link-types.js';
import type { Frame } from '../capture/frame.js';
import { ipv4String, ipv6String } from './ip.js';
import type { FrameLayers, Ipv4Layer, Ipv6Layer, LinkLayer } from './schema.js';
import { decodeLink } from './link.js';

/*
 * One frame decoded for display, field by field, as Wireshark's packet details pane
 * shows it: the report's "anatomy" of a request cites these. The hot path (decode/ip.ts,
 * decode/tcp.ts) reads only what reassembly needs; this reads everything, for a handful of frames.
 */

const hex = (n: number, digits: number) => `0x${n.toString(16).padStart(digits, '0')}`;
export const macString = (b: Uint8Array, o: number) => [...b.subarray(o, o + 6)].map((x) => x.toString(16).padStart(2, '0')).join(':');

/** In Wireshark's order ("[SYN, ACK]", "[PSH, ACK]"): lowest bit first. */
const TCP_FLAG_NAMES: [number, string][] = [
  [0x01, 'FIN'],
  [0x02, 'SYN'],
  [0x04, 'RST'],
  [0x08, 'PSH'],
  [0x10, 'ACK'],
  [0x20, 'URG'],
  [0x40, 'ECE'],
  [0x80, 'CWR'],
  [0x100, 'AE'],
];

function tcpOptions(b: Uint8Array, start: number, end: number): string[] {
  const out: string[] = [];
  let o = start;
  while (o < end) {
    const kind = b[o]!;
    if (kind === 0) break; // End of Option List
    if (kind === 1) {
      out.push('NOP');
      o++;
      continue;
    }
    const len = b[o + 1] ?? 0;
    if (len < 2 || o + len > end) {
      out.push(`malformed option ${kind}`);
      break;
    }
    const v = (i: number) => b[o + i]!;
    const u16 = (i: number) => (v(i) << 8) | v(i + 1);
    const u32 = (i: number) => ((v(i) << 24) | (v(i + 1) << 16) | (v(i + 2) << 8) | v(i + 3)) >>> 0;
    if (kind === 2 && len === 4) out.push(`MSS=${u16(2)}`);
    else if (kind === 3 && len === 3) out.push(`WS=${2 ** v(2)}`);
    else if (kind === 4) out.push('SACK_PERM');
    else if (kind === 5) {
      const blocks: string[] = [];
      for (let i = 2; i + 8 <= len; i += 8) blocks.push(`${u32(i)}-${u32(i + 4)}`);
      out.push(`SACK=${blocks.join(',')}`);
    } else if (kind === 8 && len === 10) out.push(`TSval=${u32(2)},TSecr=${u32(6)}`);
    else if (kind === 34) out.push('TFO');
    else out.push(`option ${kind} (${len} bytes)`);
    o += len;
  }
  return out;
}

function link(linkType: number, b: Uint8Array, ipOffset: number): LinkLayer | null {
  switch (linkType) {
    case 1: {
      const vlans: number[] = [];
      for (let o = 12; o + 4 <= ipOffset - 2; o += 4) vlans.push(((b[o + 2]! << 8) | b[o + 3]!) & 0x0fff);
      return {
        kind: 'ethernet',
        dst: macString(b, 0),
        src: macString(b, 6),
        type: hex((b[ipOffset - 2]! << 8) | b[ipOffset - 1]!, 4),
        vlans,
        headerLength: ipOffset,
      };
    }
    case 113: {
      const addrLen = Math.min((b[4]! << 8) | b[5]!, 8);
      return {
        kind: 'linux-sll',
        packetType: (b[0]! << 8) | b[1]!,
        src: [...b.subarray(6, 6 + addrLen)].map((x) => x.toString(16).padStart(2, '0')).join(':'),
        type: hex((b[14]! << 8) | b[15]!, 4),
        headerLength: 16,
      };
    }
    case 276: {
      const addrLen = Math.min(b[11]!, 8);
      return {
        kind: 'linux-sll2',
        packetType: b[10]!,
        src: [...b.subarray(12, 12 + addrLen)].map((x) => x.toString(16).padStart(2, '0')).join(':'),
        type: hex((b[0]! << 8) | b[1]!, 4),
        headerLength: 20,
      };
    }
    case 0:
    case 108:
      return { kind: 'loopback', family: linkType === 108 ? (b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]! : b[0]! | (b[1]! << 8), headerLength: 4 };
    case 101:
    case 228:
    case 229:
      return { kind: 'raw-ip', headerLength: 0 };
    default:
      return null;
  }
}

/** Every field of a frame's link, IP and TCP headers (unfragmented datagrams; for a reassembled one, the last fragment). */
export function describeFrame(frame: Frame): FrameLayers {
  const b = frame.data;
  const result: FrameLayers = {
    number: frame.number,
    wireLength: frame.originalLength,
    capturedLength: frame.capturedLength,
    linkType: linkTypeName(frame.linkType),
    link: null,
    ip: null,
    tcp: null,
  };
  const l = decodeLink(frame.linkType, b);
  result.link = link(frame.linkType, b, l.offset);
  if (l.ipVersion === 0) return result;
  const o = l.offset;
  let tcpAt = -1;
  let tcpEnd = 0;
  if (l.ipVersion === 4 && b.length >= o + 20) {
    const headerLength = (b[o]! & 0x0f) * 4;
    const flagsField = (b[o + 6]! << 8) | b[o + 7]!;
    const ip: Ipv4Layer = {
      version: 4,
      src: ipv4String(b, o + 12),
      dst: ipv4String(b, o + 16),
      headerLength,
      dscp: b[o + 1]! >> 2,
      ecn: b[o + 1]! & 3,
      totalLength: (b[o + 2]! << 8) | b[o + 3]!,
      identification: (b[o + 4]! << 8) | b[o + 5]!,
      flags: [flagsField & 0x4000 ? 'DF' : '', flagsField & 0x2000 ? 'MF' : ''].filter(Boolean),
      fragmentOffset: (flagsField & 0x1fff) * 8,
      ttl: b[o + 8]!,
      protocol: b[o + 9]!,
      checksum: hex((b[o + 10]! << 8) | b[o + 11]!, 4),
    };
    result.ip = ip;
    if (ip.protocol === 6 && ip.fragmentOffset === 0) {
      tcpAt = o + headerLength;
      tcpEnd = o + (ip.totalLength || b.length - o);
    }
  } else if (l.ipVersion === 6 && b.length >= o + 40) {
    const ip: Ipv6Layer = {
      version: 6,
      src: ipv6String(b, o + 8),
      dst: ipv6String(b, o + 24),
      trafficClass: ((b[o]! & 0x0f) << 4) | (b[o + 1]! >> 4),
      flowLabel: hex(((b[o + 1]! & 0x0f) << 16) | (b[o + 2]! << 8) | b[o + 3]!, 5),
      payloadLength: (b[o + 4]! << 8) | b[o + 5]!,
      nextHeader: b[o + 6]!,
      hopLimit: b[o + 7]!,
    };
    result.ip = ip;
    if (ip.nextHeader === 6) {
      tcpAt = o + 40;
      tcpEnd = o + 40 + ip.payloadLength;
    }
  }
  if (tcpAt >= 0 && b.length >= tcpAt + 20) {
    const headerLength = (b[tcpAt + 12]! >> 4) * 4;
    const flags = ((b[tcpAt + 12]! & 1) << 8) | b[tcpAt + 13]!;
    result.tcp = {
      srcPort: (b[tcpAt]! << 8) | b[tcpAt + 1]!,
      dstPort: (b[tcpAt + 2]! << 8) | b[tcpAt + 3]!,
      seq: ((b[tcpAt + 4]! << 24) | (b[tcpAt + 5]! << 16) | (b[tcpAt + 6]! << 8) | b[tcpAt + 7]!) >>> 0,
      ack: ((b[tcpAt + 8]! << 24) | (b[tcpAt + 9]! << 16) | (b[tcpAt + 10]! << 8) | b[tcpAt + 11]!) >>> 0,
      headerLength,
      flags: TCP_FLAG_NAMES.filter(([bit]) => flags & bit).map(([, name]) => name),
      window: (b[tcpAt + 14]! << 8) | b[tcpAt + 15]!,
      checksum: hex((b[tcpAt + 16]! << 8) | b[tcpAt + 17]!, 4),
      urgentPointer: (b[tcpAt + 18]! << 8) | b[tcpAt + 19]!,
      options: tcpOptions(b, tcpAt + 20, Math.min(tcpAt + headerLength, b.length)),
      payloadLength: Math.max(0, tcpEnd - tcpAt - headerLength),
    };
  }
  return result;
}
