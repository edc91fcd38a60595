import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkTypeName } from '../src/capture/link-types.js';
import { openCapture } from '../src/capture/open.js';
import { dissectCapture } from '../src/dissect.js';
import { PcapWriter, TCP_ACK, TCP_PSH, TcpFlow } from '../src/fuzz/forge.js';
import { HOSTILE_CASES } from '../src/fuzz/hostile.js';
import { OWN_FIXTURES, tempFile } from './helpers/files.js';
import { pcapFile, type Packet } from './helpers/packets.js';

/*
 * Wireshark's answers on captures from the wild (issue 9): the cases real-world files
 * showed we got wrong, each checked against tshark on a capture made to have it.
 */

/** tshark 4.0 leaves out-of-order segments unreassembled by default; in its out-of-order mode it cites a message at the frame that completed it. */
const OUT_OF_ORDER = ['-o', 'tcp.reassemble_out_of_order:TRUE'];

/** tshark's rows for `filter`, fields tab-separated (empty fields dropped), with extra options. */
function tsharkRows(file: string, filter: string, fields: string[], extra: string[] = []): string[] {
  const args = ['-r', file, '-2', ...extra, '-Y', filter, '-T', 'fields', '-E', 'occurrence=a', '-E', 'aggregator=,', ...fields.flatMap((f) => ['-e', f])];
  const out = execFileSync('tshark', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 << 20 });
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t').filter(Boolean).join(' '));
}

const tsharkHttp = (file: string, extra: string[] = []) => tsharkRows(file, 'http', ['frame.number', 'http.request.method', 'http.response.code'], extra);

function ourHttp(file: string): string[] {
  const records = dissectCapture(file);
  const rows = records.http.exchanges.flatMap((e) => [
    ...(e.request ? [{ frame: e.request.frame, text: `${e.request.frame} ${e.request.method}` }] : []),
    ...(e.response ? [{ frame: e.response.frame, text: `${e.response.frame} ${e.response.status}` }] : []),
  ]);
  return rows.sort((a, b) => a.frame - b.frame).map((r) => r.text);
}

describe('an out-of-order request resolved by an overlap is cited where tshark cites it', () => {
  // 95 bytes, sent in pieces [start, end) in capture order, some overlapping, some out of order.
  const request = Buffer.from('GET /a-fairly-long-uri-to-split-across-segments HTTP/1.1\r\nHost: example.test\r\nUser-Agent: x\r\n\r\n');
  const scenarios: Record<string, [number, number][]> = {
    'in order': [
      [0, 40],
      [40, 95],
    ],
    'second piece first': [
      [40, 95],
      [0, 40],
    ],
    'second piece first, then a retransmission overlapping it': [
      [40, 95],
      [0, 60],
    ],
    'last piece first': [
      [60, 95],
      [0, 30],
      [30, 60],
    ],
    'middle piece late, overlapping the last': [
      [0, 30],
      [60, 95],
      [30, 80],
    ],
    'a hole filled by two overlapping retransmissions': [
      [0, 30],
      [50, 95],
      [40, 70],
      [30, 50],
    ],
    'an overlap that brings nothing new': [
      [0, 60],
      [40, 95],
    ],
  };

  it.each(Object.entries(scenarios))('%s', (name, pieces) => {
    const out = new PcapWriter();
    const flow = new TcpFlow(out).handshake();
    for (const [s, e] of pieces) out.add(flow.frame(true, TCP_ACK | TCP_PSH, request.subarray(s, e), 1001 + s));
    flow.segmentsOf(true, request); // the client's sequence number moves past the request
    out.add(flow.frame(false, TCP_ACK));
    flow.send(false, 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok').close();
    const file = tempFile(`ooo-${name.replace(/\W+/g, '-')}.pcap`, out.bytes());
    // The request at the frame whose arrival completed it: the frame of its last byte when that came in order, else the later frame that filled the hole.
    expect(ourHttp(file)).toEqual(tsharkHttp(file, OUT_OF_ORDER));
  });

  it('200,000 one-byte segments in descending order: one request, completed (and cited) at the frame of its first byte', () => {
    const file = tempFile('descending.pcap', HOSTILE_CASES.find((c) => c.name === 'descending-segments')!.build(2000));
    expect(ourHttp(file)).toEqual(tsharkHttp(file, OUT_OF_ORDER));
    const big = dissectCapture(tempFile('descending-big.pcap', HOSTILE_CASES.find((c) => c.name === 'descending-segments')!.build(200_000)));
    const request = big.http.exchanges[0]!.request!;
    expect(request).toMatchObject({ frame: 200_003, method: 'POST', complete: true });
    expect(request.body!.length + request.headerBytes).toBe(200_000);
    expect(request.segments.length).toBe(10_000); // maxFramesPerMessage
    expect(request.unlistedFrames).toBe(190_000);
  }, 60_000);
});

describe('classic pcap of link type 12 or 14 (DLT_RAW as BSD, older libpcap and OpenBSD write it) reads as raw IP, as Wireshark reads it', () => {
  // The lab capture re-encapsulated: each Ethernet frame's IP packet alone, under link type 101, 12 and 14.
  const reader = openCapture(join(OWN_FIXTURES, 'lab.pcapng'));
  const packets: Packet[] = [];
  for (let f = reader.next(); f; f = reader.next()) packets.push({ tsSec: f.tsSec, tsNsec: f.tsNsec, data: Buffer.from(f.data.subarray(14)) });
  reader.close();
  const original = ourHttp(join(OWN_FIXTURES, 'lab.pcapng'));

  it.each([101, 12, 14])('link type %i', (linkType) => {
    const file = tempFile(`lab-raw-${linkType}.pcap`, pcapFile(packets, { linkType, nanosecond: true }));
    const theirs = tsharkRows(file, 'tcp', ['frame.number', 'ip.src', 'tcp.stream']);
    const records = dissectCapture(file);
    expect(records.counts).toMatchObject({ ipv4: packets.length, tcp: packets.length, otherLinkType: 0 });
    expect(records.connectionCount).toBe(new Set(theirs.map((r) => r.split(' ')[2])).size);
    expect(ourHttp(file)).toEqual(tsharkHttp(file, ['-d', 'tcp.port==8000,http']));
    expect(ourHttp(file)).toEqual(original);
    expect(records.linkTypes.map(linkTypeName)).toEqual(['rawip']);
  });
});
