import { openCapture } from '../src/capture/open.js';
import { IpDecoder } from '../src/decode/ip.js';
import { DECODED_LINK_TYPES, decodeLink } from '../src/decode/link.js';
import { decodeUdp, IPPROTO_UDP } from '../src/decode/udp.js';
import { DEFAULT_LIMITS, type Limits } from '../src/limits.js';
import { QuicCollector } from '../src/protocols/quic/index.js';
import { Warnings } from '../src/warnings.js';

/** A capture's UDP datagrams through the UDP decoder into the QUIC collector, as the pipeline will run them. */
export function dissectQuic(path: string, limits: Limits = DEFAULT_LIMITS) {
  const warnings = new Warnings(limits.maxWarnings);
  const quic = new QuicCollector(limits, warnings);
  const datagrams: { frame: number; srcPort: number; dstPort: number; length: number; quic: boolean }[] = [];
  const reader = openCapture(path);
  const ip = new IpDecoder();
  let first: number | null = null;
  for (let f = reader.next(); f; f = reader.next()) {
    if (!DECODED_LINK_TYPES.has(f.linkType)) continue;
    const end = f.offset + f.capturedLength;
    const link = decodeLink(f.linkType, f.buffer, f.offset, end);
    if (link.ipVersion === 0) continue;
    const packet = ip.decode(link.ipVersion, f.buffer, f.offset + link.offset, f.number, end);
    if (!packet || packet.protocol !== IPPROTO_UDP) continue;
    const udp = decodeUdp(packet.bytes, packet.payloadLength, packet.payloadStart, packet.payloadEnd);
    if (!udp) continue;
    const t = f.tsSec + f.tsNsec / 1e9;
    first ??= t;
    const isQuic = quic.datagram({ ip: packet.src, port: udp.srcPort }, { ip: packet.dst, port: udp.dstPort }, udp.payload, f.number, t - first);
    datagrams.push({ frame: f.number, srcPort: udp.srcPort, dstPort: udp.dstPort, length: udp.length, quic: isQuic });
  }
  reader.close();
  return { quic, warnings, datagrams };
}
