import type { Segment } from '../protocols/schema.js';
import type { FrameDetail } from '../report/schema.js';
import { ethernetName } from './manuf.js';

/*
 * Wireshark's packet details pane as text, the way "Copy › All Visible Items" gives it:
 * one summary line per layer (Frame, Ethernet II, IP, TCP), the reassembly line, then the
 * application protocol's lines, which each slice writes (its detailLines). The wording is
 * Wireshark's own, in English in every report language, and agrees line by line with
 * `tshark -V` for the lines both show (test/details.test.ts).
 */

/** One line of the details pane: its depth (0 = a layer's summary) and its text. */
export interface DetailLine {
  depth: number;
  text: string;
}

/** The frame, link, IP and TCP summary lines of a frame. */
export function layerLines(f: FrameDetail): DetailLine[] {
  const bits = (n: number) => n * 8;
  // pcapng frames name their interface as Wireshark does ("on interface lo, id 0", "unknown" without an if_name); pcap frames have none.
  const onInterface = f.interface ? ` on interface ${f.interface.name ?? 'unknown'}, id ${f.interface.id}` : '';
  const lines: DetailLine[] = [
    {
      depth: 0,
      text: `Frame ${f.number}: ${f.wireLength} bytes on wire (${bits(f.wireLength)} bits), ${f.capturedLength} bytes captured (${bits(f.capturedLength)} bits)${onInterface}`,
    },
  ];
  const l = f.link;
  if (l?.kind === 'ethernet') lines.push({ depth: 0, text: `Ethernet II, Src: ${ethernetName(l.src!)} (${l.src}), Dst: ${ethernetName(l.dst!)} (${l.dst})` });
  else if (l?.kind === 'linux-sll') lines.push({ depth: 0, text: 'Linux cooked capture v1' });
  else if (l?.kind === 'linux-sll2') lines.push({ depth: 0, text: 'Linux cooked capture v2' });
  else if (l?.kind === 'loopback') lines.push({ depth: 0, text: 'Null/Loopback' });
  else if (l?.kind === 'raw-ip') lines.push({ depth: 0, text: 'Raw packet data' });
  for (const v of l?.vlans ?? []) lines.push({ depth: 0, text: `802.1Q Virtual LAN, PRI: 0, DEI: 0, ID: ${v}` });
  const ip = f.ip;
  if (ip) lines.push({ depth: 0, text: `Internet Protocol Version ${ip.version}, Src: ${ip.src}, Dst: ${ip.dst}` });
  const tcp = f.tcp;
  if (tcp) {
    const seq = tcp.relativeSeq ?? tcp.seq;
    const ack = tcp.flags.includes('ACK') ? `, Ack: ${tcp.relativeAck ?? tcp.ack}` : '';
    lines.push({
      depth: 0,
      text: `Transmission Control Protocol, Src Port: ${tcp.srcPort}, Dst Port: ${tcp.dstPort}, Seq: ${seq}${ack}, Len: ${tcp.payloadLength}`,
    });
  }
  return lines;
}

/** Wireshark's "[N Reassembled TCP Segments (X bytes): #f1(b1), #f2(b2)]", for a message spanning more than one segment. */
export function reassemblyLine(segments: readonly Segment[]): DetailLine | null {
  if (segments.length < 2) return null;
  const total = segments.reduce((s, x) => s + x.bytes, 0);
  return { depth: 0, text: `[${segments.length} Reassembled TCP Segments (${total} bytes): ${segments.map((s) => `#${s.frame}(${s.bytes})`).join(', ')}]` };
}

/** The lines as text, indented four spaces a level, as Wireshark copies them. */
export function detailText(lines: readonly DetailLine[]): string {
  return lines.map((l) => `${'    '.repeat(l.depth)}${l.text}`).join('\n');
}

/** A line of captured text as Wireshark shows it in the tree: CR and LF written as \r and \n. */
export function wiresharkLine(text: string, ending = '\\r\\n'): string {
  return `${text}${ending}`;
}
