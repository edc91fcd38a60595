import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../src/capture/open.js';
import { describeFrame } from '../src/decode/describe.js';
import { FrameLayers, LinkLayer, TcpLayer } from '../src/decode/schema.js';
import { FrameDetail } from '../src/report/schema.js';
import { OWN_FIXTURES } from './helpers/files.js';
import { ethernet, ipv4, ipv6, nullLink, pcapFile, sll, tcp, TCP } from './helpers/packets.js';
import { tempFile } from './helpers/files.js';

/*
 * The frame layers have one source (src/decode/schema.ts): what describeFrame reads is
 * exactly what the schema says, field for field, and the model's FrameDetail holds every
 * field of every layer (adding one to a layer without the model is caught here).
 */

function frames(path: string, limit = Infinity) {
  const out: ReturnType<typeof describeFrame>[] = [];
  const reader = openCapture(path);
  try {
    for (let f = reader.next(); f && out.length < limit; f = reader.next()) out.push(describeFrame(f));
  } finally {
    reader.close();
  }
  return out;
}

/** Parsed by the schema and unchanged: no field the schema lacks (zod drops unknown keys), none of another type. */
const exactly = (layers: ReturnType<typeof describeFrame>) => expect(FrameLayers.parse(layers)).toEqual(layers);

describe('the frame layers', () => {
  it('of the recorded captures are what the schema says, field for field', () => {
    const all = [
      ...frames(join(OWN_FIXTURES, 'lab.pcapng'), 200),
      ...frames(join(OWN_FIXTURES, 'imap', 'imap-session.pcapng'), 50),
      ...frames(join(OWN_FIXTURES, 'kurose-ross.pcapng'), 50),
    ];
    expect(all.filter((l) => l.tcp).length).toBeGreaterThan(200);
    for (const l of all) exactly(l);
  });

  it('of synthesised frames on every link type, IPv4 and IPv6, with TCP options', () => {
    const segment = tcp({ sport: 40000, dport: 80, seq: 1, flags: TCP.SYN, options: [2, 4, 5, 0xb4, 1, 3, 3, 7, 4, 2] });
    const v4 = ipv4({ src: '10.0.0.1', dst: '10.0.0.2', payload: segment });
    const v6 = ipv6({ src: 'fe80::1', dst: 'fe80::2', payload: segment });
    const links: [number, Uint8Array[]][] = [
      [1, [ethernet(v4), ethernet(v6, { vlans: [7, 9] })]],
      [113, [sll(v4)]],
      [0, [nullLink(v6)]],
    ];
    const described = links.flatMap(([linkType, data], i) =>
      frames(
        tempFile(
          `layers-${i}.pcap`,
          pcapFile(
            data.map((d, j) => ({ tsSec: 1_700_000_000, tsNsec: j, data: d })),
            { linkType },
          ),
        ),
      ),
    );
    expect(described.map((l) => [l.link?.kind, l.ip?.version, l.tcp?.options])).toEqual([
      ['ethernet', 4, ['MSS=1460', 'NOP', 'WS=128', 'SACK_PERM']],
      ['ethernet', 6, ['MSS=1460', 'NOP', 'WS=128', 'SACK_PERM']],
      ['linux-sll', 4, ['MSS=1460', 'NOP', 'WS=128', 'SACK_PERM']],
      ['loopback', 6, ['MSS=1460', 'NOP', 'WS=128', 'SACK_PERM']],
    ]);
    expect(described[1]!.link?.vlans).toEqual([7, 9]);
    for (const l of described) exactly(l);
  });

  it('are all in the model’s FrameDetail, with what the report adds', () => {
    const link = Object.keys(FrameDetail.shape.link.unwrap().shape);
    const tcpKeys = Object.keys(FrameDetail.shape.tcp.unwrap().shape);
    for (const k of Object.keys(LinkLayer.shape)) expect(link, k).toContain(k);
    for (const k of Object.keys(TcpLayer.shape)) expect(tcpKeys, k).toContain(k);
    expect(link.filter((k) => !(k in LinkLayer.shape))).toEqual(['srcVendor', 'dstVendor']);
    expect(tcpKeys.filter((k) => !(k in TcpLayer.shape))).toEqual(['relativeSeq', 'relativeAck', 'stream']);
    expect(FrameDetail.shape.ip).toBe(FrameLayers.shape.ip);
  });
});
