import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { IpDecoder } from '../src/decode/ip.js';
import { decodeLink } from '../src/decode/link.js';
import { decodeTcp } from '../src/decode/tcp.js';
import { dissectCapture } from '../src/dissect.js';
import type { ReassemblyLimits, TcpConnection } from '../src/reassembly/tcp-stream.js';
import { TcpTracker } from '../src/reassembly/tcp-tracker.js';
import { tempFile, tshark } from './helpers/files.js';
import { Conversation, TCP, bytes, pcapFile, type Host, type Packet } from './helpers/packets.js';

/*
 * TCP reassembly driven frame by frame through the real decoders into TcpTracker, with a
 * handler that records every call and the frame being processed when it came (`at`; 0 for
 * calls made by finish() at the end of the capture). Most cases share one capture, so that
 * one tshark run checks the stream number of every frame and one "follow" run the bytes of
 * every connection.
 */

type Event =
  | { kind: 'data'; fromClient: boolean; text: string; frame: number; at: number }
  | { kind: 'gap'; fromClient: boolean; length: number; frame: number; at: number }
  | { kind: 'end'; fromClient: boolean; at: number };

const END = 0;

interface Run {
  tracker: TcpTracker;
  /** Handler calls, by stream index. */
  events: Event[][];
  /** The stream each frame went to, by frame number - 1. */
  streamOf: number[];
  /** Every connection, by tcp.stream index. */
  connections: TcpConnection[];
}

function track(packets: Packet[], limits?: ReassemblyLimits): Run {
  const decoder = new IpDecoder();
  const events: Event[][] = [];
  let at = 0;
  const connections: TcpConnection[] = [];
  const tracker = new TcpTracker((conn) => {
    connections.push(conn);
    const list: Event[] = (events[conn.stream] = []);
    return {
      data: (fromClient, b, frame) => void list.push({ kind: 'data', fromClient, text: Buffer.from(b).toString('latin1'), frame, at }),
      gap: (fromClient, length, frame) => void list.push({ kind: 'gap', fromClient, length, frame, at }),
      end: (fromClient) => void list.push({ kind: 'end', fromClient, at }),
    };
  }, limits);
  const streamOf: number[] = [];
  packets.forEach((p, i) => {
    at = i + 1;
    const link = decodeLink(1, p.data);
    const ip = link.ipVersion === 0 ? null : decoder.decode(link.ipVersion, p.data, link.offset, at);
    const segment = ip && decodeTcp(ip.payload, ip.payloadLength);
    streamOf.push(ip && segment ? tracker.segment(ip.src, ip.dst, segment, at, i / 1000).stream : -1);
  });
  at = END;
  tracker.finish();
  return { tracker, events, streamOf, connections };
}

type Chunk = { data: string } | { missing: number };

/** tshark's "follow,tcp,raw" of each stream: each side's chunks, gaps as "[n bytes missing in capture file]". */
function follow(path: string, streams: number[]): Map<number, { node0: string; chunks: [0 | 1, Chunk][] }> {
  const args = ['-r', path, '-q'];
  for (const s of streams) args.push('-z', `follow,tcp,raw,${s}`);
  const out = execFileSync('tshark', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  const result = new Map<number, { node0: string; chunks: [0 | 1, Chunk][] }>();
  for (const block of out.split(/^=+$/m)) {
    const filter = /^Filter: tcp\.stream eq (\d+)$/m.exec(block);
    if (!filter) continue;
    const chunks: [0 | 1, Chunk][] = [];
    for (const line of block.split('\n')) {
      const m = /^(\t?)([0-9a-f]+)$/.exec(line);
      if (!m) continue;
      const text = Buffer.from(m[2]!, 'hex').toString('latin1');
      const missing = /^\[(\d+) bytes missing in capture file\]\0?$/.exec(text);
      chunks.push([m[1] ? 1 : 0, missing ? { missing: Number(missing[1]) } : { data: text }]);
    }
    result.set(Number(filter[1]), { node0: /^Node 0: (.*)$/m.exec(block)![1]!, chunks });
  }
  return result;
}

/** Deterministic filler text, different for each seed. */
function text(length: number, seed: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(0x21 + ((i * 31 + seed * 17 + ((i * seed) >> 3)) % 90));
  return s;
}

const server: Host = { ip: '10.7.0.254', port: 80 };
const client = (n: number): Host => ({ ip: `10.7.0.${n}`, port: 41_000 + n });
const conversation = (n: number, opts: { isnClient?: number; isnServer?: number; server?: Host } = {}) =>
  new Conversation(client(n), opts.server ?? server, opts);

/** The shared capture: cases appended one after another; `add` returns the frame number of a case's first frame. */
const captured: Packet[] = [];
function add(frames: (Uint8Array | { data: Uint8Array; originalLength: number })[]): number {
  const first = captured.length + 1;
  for (const f of frames) {
    const i = captured.length;
    captured.push({ tsSec: 1_700_000_000 + Math.floor(i / 1000), tsNsec: (i % 1000) * 1_000_000, ...(f instanceof Uint8Array ? { data: f } : f) });
  }
  return first;
}

// 1. In order: handshake (1-3), request in three segments (4-6) and its ACK (7), response in two (8-9) and its ACK (10), FINs (11-13).
const request = text(2500, 1);
const response = text(1200, 2);
const inOrder = add(conversation(1).handshake().send(true, request, { mss: 1000 }).send(false, response, { mss: 1000 }).close().frames);

// 2. Retransmissions: three segments (4-6), ACK (7), then frames 5 and 4 again (8, 9).
const retransmitted = (() => {
  const c = conversation(2).handshake().send(true, text(30, 3), { mss: 10 });
  c.frames.push(c.frames[4]!, c.frames[3]!);
  return add(c.close().frames);
})();

// 3. Partial overlap: bytes 0-99 (4), then 50-149 (5), ACK (6).
const overlapData = text(150, 4);
const overlap = (() => {
  const c = conversation(3, { isnClient: 2000 })
    .handshake()
    .send(true, overlapData, { mss: 100, drop: [1], ackAfter: false });
  c.segment(true, TCP.ACK | TCP.PSH, bytes(overlapData.slice(50)), 2001 + 50);
  c.segment(false, TCP.ACK);
  return add(c.close().frames);
})();

// 4. Out of order: segments 1, 0, 3, 2 (frames 4-7), ACK (8).
const reorderedData = text(40, 5);
const reordered = add(
  conversation(4)
    .handshake()
    .send(true, reorderedData, { mss: 10, order: [1, 0, 3, 2] })
    .close().frames,
);

// 5. A lost segment, then the peer's ACK of everything: 4 (bytes 0-9), 5 (20-29), ACK (6).
const lostData = text(30, 6);
const lostAcked = add(
  conversation(5)
    .handshake()
    .send(true, lostData, { mss: 10, drop: [1] })
    .close().frames,
);

// 6. The same, acknowledged exactly up to the end of the hole (ack = first byte of frame 5).
const lostAckedExactly = (() => {
  const c = conversation(6, { isnClient: 7000 })
    .handshake()
    .send(true, lostData, { mss: 10, drop: [1], ackAfter: false });
  c.segment(false, TCP.ACK, undefined, undefined, true, 7001 + 20);
  return add(c.close().frames);
})();

// 7. The last segment before a FIN lost: 4, 5, then FIN (6), the server's FIN acknowledging it (7), ACK (8).
const lostBeforeFin = add(
  conversation(7)
    .handshake()
    .send(true, lostData, { mss: 10, drop: [2], ackAfter: false })
    .close().frames,
);

// 8. A hole with data after it and a FIN, nothing acknowledged, then the capture ends: 4 (0-9), 5 (20-29), FIN (6).
const holeThenFin = (() => {
  const c = conversation(8)
    .handshake()
    .send(true, lostData, { mss: 10, drop: [1], ackAfter: false });
  c.segment(true, TCP.FIN | TCP.ACK);
  return add(c.frames);
})();

// 9. The first segment lost, nothing acknowledged, no FIN: 4 (10-19), 5 (20-29).
const lostAtEnd = add(
  conversation(9)
    .handshake()
    .send(true, lostData, { mss: 10, drop: [0], ackAfter: false }).frames,
);

// 10. Frame 5 cut by the snapshot length to 40 of its 100 payload bytes.
const snapData = text(300, 7);
const snapped = (() => {
  const c = conversation(10).handshake().send(true, snapData, { mss: 100 }).close();
  return add(c.frames.map((f, i) => (i === 4 ? { data: f.subarray(0, 14 + 20 + 20 + 40), originalLength: f.length } : f)));
})();

// 11. Mid-connection: the capture starts with the server's response (no handshake, no request).
const midResponse = text(50, 8);
const midStream = add(conversation(11).handshake().send(true, 'GET / HTTP/1.1\r\n\r\n', { ackAfter: false }).send(false, midResponse).close().frames.slice(4));

// 12. Mid-connection between two ephemeral ports, first seen from the lower one.
const ephemeralServer: Host = { ip: '10.7.0.253', port: 8080 };
const midEphemeral = add(conversation(12, { server: ephemeralServer }).handshake().send(false, 'from 8080').send(true, 'from 41012').frames.slice(3));

// 13. The client's SYN not captured: the capture starts with the SYN/ACK.
const synAckFirst = add(conversation(13).handshake().send(true, 'after a SYN/ACK').close().frames.slice(1));

// 14. Sequence numbers wrapping around 2^32 on both sides, with reordering across the wrap.
const wrapRequest = text(100, 9);
const wrapResponse = text(30, 10);
const wrapped = add(
  conversation(14, { isnClient: 0xfffffff0, isnServer: 0xffffffff })
    .handshake()
    .send(true, wrapRequest, { mss: 10, order: [0, 2, 1, 3, 4, 5, 6, 7, 8, 9] })
    .send(false, wrapResponse, { mss: 10 })
    .close().frames,
);

// 15. A SYN carrying data (TCP Fast Open style).
const synData = (() => {
  const c = conversation(15);
  c.segment(true, TCP.SYN, bytes('early data'));
  c.advance(true, 1 + 10);
  c.segment(false, TCP.SYN | TCP.ACK);
  c.advance(false, 1).segment(true, TCP.ACK);
  return add(c.send(false, 'reply').close().frames);
})();

// 16. A reset: request (4), its ACK (5), RST from the server (6), data after it (7).
const reset = (() => {
  const c = conversation(16).handshake().send(true, 'before the reset');
  c.segment(false, TCP.RST | TCP.ACK);
  return add(c.send(true, 'after the reset', { ackAfter: false }).frames);
})();

// 17-19. Port reuse: after a finished connection; after an unfinished one; a same-ISN SYN after a finished one.
const reuse = {
  first: add(conversation(17, { isnClient: 100 }).handshake().send(true, 'first').close().frames),
  second: add(conversation(17, { isnClient: 90_000 }).handshake().send(true, 'second').close().frames),
  unfinished: add(conversation(18, { isnClient: 100 }).handshake().send(true, 'never closed').frames),
  afterUnfinished: add(conversation(18, { isnClient: 50_000 }).handshake().send(true, 'new connection, same ports').close().frames),
  finished: add(conversation(19, { isnClient: 300 }).handshake().send(true, 'done').close().frames),
  sameIsn: add([conversation(19, { isnClient: 300 }).segment(true, TCP.SYN)]),
};

// 20. Three connections interleaved frame by frame.
const interleavedData = [text(64, 11), text(64, 12), text(64, 13)];
const interleaved = (() => {
  const convs = [20, 21, 22].map((n, i) => conversation(n).handshake().send(true, interleavedData[i]!, { mss: 16 }).send(false, `reply ${n}`).close().frames);
  const merged: Uint8Array[] = [];
  for (let i = 0; i < Math.max(...convs.map((c) => c.length)); i++) for (const c of convs) if (c[i]) merged.push(c[i]!);
  return add(merged);
})();

const path = tempFile('reassembly.pcap', pcapFile(captured));
const run = track(captured);
const rows = tshark(path, ['frame.number', 'tcp.stream', 'tcp.len', 'tcp.seq_raw', '_ws.expert.message']);
const streamAt = (frame: number) => run.streamOf[frame - 1]!;
const eventsAt = (frame: number) => run.events[streamAt(frame)]!;
const connAt = (frame: number) => run.connections[streamAt(frame)]!;
const side = (events: Event[], fromClient: boolean) => events.filter((e) => e.fromClient === fromClient);
const data = (fromClient: boolean, t: string, frame: number, at = frame): Event => ({ kind: 'data', fromClient, text: t, frame, at });
const gap = (fromClient: boolean, length: number, frame: number, at: number): Event => ({ kind: 'gap', fromClient, length, frame, at });
const end = (fromClient: boolean, at: number): Event => ({ kind: 'end', fromClient, at });

describe('connections and stream numbers, against tshark', () => {
  it('puts every frame in the stream tshark puts it in', () => {
    expect(rows).toHaveLength(captured.length);
    expect(run.streamOf).toEqual(rows.map((r) => Number(r[1])));
  });

  it('dissectCapture numbers connections by first frame as tshark does', () => {
    const all: TcpConnection[] = [];
    const records = dissectCapture(path, { onConnection: (c) => all.push(c) });
    const firsts = new Map<number, number>();
    for (const r of rows) if (!firsts.has(Number(r[1]))) firsts.set(Number(r[1]), Number(r[0]));
    expect(all.map((c) => [c.stream, c.firstFrame])).toEqual([...firsts]);
    expect(records.counts.tcp).toBe(captured.length);
  });

  it('delivers each side of every connection as tshark follows it', () => {
    // Left out, where tshark's follow is not the reference: lostBeforeFin (it reports no hole just
    // before a FIN), holeThenFin and lostAtEnd (it drops the bytes still behind a hole when the
    // capture ends), snapped (it reports no hole for bytes a snapshot length cut off) and reset
    // (it follows data sent after a RST, which reassembly ignores).
    const cases = [
      inOrder,
      retransmitted,
      overlap,
      reordered,
      lostAcked,
      lostAckedExactly,
      midStream,
      midEphemeral,
      synAckFirst,
      wrapped,
      synData,
      reuse.second,
      reuse.afterUnfinished,
      interleaved,
      interleaved + 1,
      interleaved + 2,
    ];
    const theirs = follow(
      path,
      cases.map((f) => streamAt(f)),
    );
    for (const frame of cases) {
      const stream = streamAt(frame);
      const conn = run.connections[stream]!;
      const followed = theirs.get(stream)!;
      const clientNode = followed.node0 === `${conn.client.ip}:${conn.client.port}` ? 0 : 1;
      for (const fromClient of [true, false]) {
        const ours = side(run.events[stream]!, fromClient).flatMap((e): Chunk[] =>
          e.kind === 'data' ? [{ data: e.text }] : e.kind === 'gap' ? [{ missing: e.length }] : [],
        );
        const node = fromClient ? clientNode : 1 - clientNode;
        expect.soft(ours, `stream ${stream}, ${fromClient ? 'client' : 'server'} side`).toEqual(followed.chunks.filter(([n]) => n === node).map(([, c]) => c));
      }
    }
  });
});

describe('TcpTracker delivery', () => {
  it('delivers in-order segments with their frames, and ends each side at its FIN', () => {
    const f = inOrder - 1;
    expect(eventsAt(inOrder)).toEqual([
      data(true, request.slice(0, 1000), f + 4),
      data(true, request.slice(1000, 2000), f + 5),
      data(true, request.slice(2000), f + 6),
      data(false, response.slice(0, 1000), f + 8),
      data(false, response.slice(1000), f + 9),
      end(true, f + 11),
      end(false, f + 12),
    ]);
    // tshark agrees on which frames carry data.
    const carrying = rows.filter((r) => Number(r[1]) === streamAt(inOrder) && Number(r[2]) > 0).map((r) => Number(r[0]));
    expect(eventsAt(inOrder).flatMap((e) => (e.kind === 'data' ? [e.frame] : []))).toEqual(carrying);
  });

  it('drops exact retransmissions and counts them, where tshark sees retransmissions', () => {
    const f = retransmitted - 1;
    expect(side(eventsAt(retransmitted), true).map((e) => e.kind === 'data' && e.frame)).toEqual([f + 4, f + 5, f + 6, false]);
    const flagged = rows.filter((r) => Number(r[1]) === streamAt(retransmitted) && /retransmission/.test(r[4]!)).map((r) => Number(r[0]));
    expect(flagged).toEqual([f + 8, f + 9]);
    expect(connAt(retransmitted).toServer.retransmissions).toBe(flagged.length);
    expect(connAt(retransmitted).toClient.retransmissions).toBe(0);
  });

  it('delivers only the new tail of a segment overlapping delivered bytes', () => {
    const f = overlap - 1;
    expect(side(eventsAt(overlap), true)).toEqual([data(true, overlapData.slice(0, 100), f + 4), data(true, overlapData.slice(100), f + 5), end(true, f + 7)]);
    expect(connAt(overlap).toServer.retransmissions).toBe(0);
  });

  it('holds out-of-order segments until the hole before them fills', () => {
    const f = reordered - 1;
    const piece = (i: number) => reorderedData.slice(i * 10, i * 10 + 10);
    expect(side(eventsAt(reordered), true).slice(0, 4)).toEqual([
      data(true, piece(0), f + 5),
      data(true, piece(1), f + 4, f + 5),
      data(true, piece(2), f + 7),
      data(true, piece(3), f + 6, f + 7),
    ]);
  });

  it('declares a hole lost when the peer acknowledges past it, and delivers what follows', () => {
    const f = lostAcked - 1;
    expect(side(eventsAt(lostAcked), true)).toEqual([
      data(true, lostData.slice(0, 10), f + 4),
      gap(true, 10, f + 5, f + 6),
      data(true, lostData.slice(20), f + 5, f + 6),
      end(true, f + 7),
    ]);
    expect(connAt(lostAcked).gaps).toEqual([{ fromClient: true, length: 10, beforeFrame: f + 4, afterFrame: f + 5, why: expect.any(String) }]);
    expect(connAt(lostAcked).toServer.lostBytes).toBe(10);
  });

  it('declares a hole lost on an ACK that covers exactly the hole', () => {
    const f = lostAckedExactly - 1;
    expect(side(eventsAt(lostAckedExactly), true).slice(0, 3)).toEqual([
      data(true, lostData.slice(0, 10), f + 4),
      gap(true, 10, f + 5, f + 6),
      data(true, lostData.slice(20), f + 5, f + 6),
    ]);
  });

  it('reports bytes lost just before a FIN when the FIN is acknowledged', () => {
    const f = lostBeforeFin - 1;
    expect(side(eventsAt(lostBeforeFin), true)).toEqual([
      data(true, lostData.slice(0, 10), f + 4),
      data(true, lostData.slice(10, 20), f + 5),
      gap(true, 10, f + 6, f + 7),
      end(true, f + 7),
    ]);
    expect(connAt(lostBeforeFin).toServer.lostBytes).toBe(10);
  });

  it('at the end of the capture, reports a hole before buffered data and a FIN, and ends each side once', () => {
    const f = holeThenFin - 1;
    expect(side(eventsAt(holeThenFin), true)).toEqual([
      data(true, lostData.slice(0, 10), f + 4),
      gap(true, 10, f + 5, END),
      data(true, lostData.slice(20), f + 5, END),
      end(true, END),
    ]);
    expect(side(eventsAt(holeThenFin), false)).toEqual([end(false, END)]);
  });

  it('at the end of the capture, reports a hole at the start of the data and delivers the rest', () => {
    const f = lostAtEnd - 1;
    expect(side(eventsAt(lostAtEnd), true)).toEqual([
      gap(true, 10, f + 4, END),
      data(true, lostData.slice(10, 20), f + 4, END),
      data(true, lostData.slice(20), f + 5, END),
      end(true, END),
    ]);
    expect(connAt(lostAtEnd).gaps).toEqual([{ fromClient: true, length: 10, beforeFrame: 0, afterFrame: f + 4, why: expect.any(String) }]);
  });

  it('reports the bytes a snapshot length cut off as a gap in that frame', () => {
    const f = snapped - 1;
    expect(side(eventsAt(snapped), true)).toEqual([
      data(true, snapData.slice(0, 100), f + 4),
      data(true, snapData.slice(100, 140), f + 5),
      gap(true, 60, f + 5, f + 5),
      data(true, snapData.slice(200), f + 6),
      end(true, f + 8),
    ]);
    expect(Number(rows[f + 5 - 1]![2])).toBe(100); // tshark: 100 bytes on the wire
    const all: TcpConnection[] = [];
    dissectCapture(path, { onConnection: (c) => all.push(c) });
    const conn = all[streamAt(snapped)]!;
    expect(conn.gaps).toEqual([{ fromClient: true, length: 60, beforeFrame: f + 5, afterFrame: f + 5, why: 'snaplen' }]);
    expect(conn.toServer.lostBytes).toBe(60);
  });

  it('bounds buffered out-of-order bytes: beyond maxOutOfOrderBytes the hole is declared lost', () => {
    const c = conversation(30)
      .handshake()
      .send(true, text(50, 14), { mss: 10, drop: [0], ackAfter: false });
    const bounded = track(
      c.frames.map((data) => ({ tsSec: 0, data })),
      { maxOutOfOrderBytes: 25, maxStreams: 100 },
    );
    const t = text(50, 14);
    // Frames 4-7 carry bytes 10-49; buffered bytes reach 30 > 25 with frame 6.
    expect(side(bounded.events[0]!, true)).toEqual([
      gap(true, 10, 4, 6),
      data(true, t.slice(10, 20), 4, 6),
      data(true, t.slice(20, 30), 5, 6),
      data(true, t.slice(30, 40), 6, 6),
      data(true, t.slice(40), 7),
      end(true, END),
    ]);
  });
});

describe('TcpTracker connections', () => {
  it('follows a capture that starts mid-connection, taking the well-known port as the server', () => {
    const conn = connAt(midStream);
    expect(conn).toMatchObject({ client: client(11), server, synSeen: false, firstFrame: midStream });
    expect(side(eventsAt(midStream), false)[0]).toEqual(data(false, midResponse, midStream));
  });

  it('takes the higher of two ephemeral ports as the client mid-connection', () => {
    expect(connAt(midEphemeral)).toMatchObject({ client: client(12), server: ephemeralServer, synSeen: false });
  });

  it('takes the receiver of a SYN/ACK as the client when the SYN was not captured', () => {
    expect(connAt(synAckFirst)).toMatchObject({ client: client(13), server, synSeen: false });
    expect(side(eventsAt(synAckFirst), true)[0]).toEqual(data(true, 'after a SYN/ACK', synAckFirst + 2));
  });

  it('takes the SYN sender as the client', () => {
    expect(connAt(inOrder)).toMatchObject({ client: client(1), server, synSeen: true });
  });

  it('unwraps sequence numbers across 2^32', () => {
    const seqs = rows.filter((r) => Number(r[1]) === streamAt(wrapped) && Number(r[2]) > 0).map((r) => Number(r[3]));
    expect(seqs.some((s) => s > 0xffffff00) && seqs.some((s) => s < 0x100)).toBe(true);
    const events = eventsAt(wrapped);
    const joined = (fromClient: boolean) =>
      side(events, fromClient)
        .flatMap((e) => (e.kind === 'data' ? [e.text] : []))
        .join('');
    expect(joined(true)).toBe(wrapRequest);
    expect(joined(false)).toBe(wrapResponse);
    expect(events.filter((e) => e.kind === 'gap')).toEqual([]);
  });

  it('delivers the data of a SYN', () => {
    expect(side(eventsAt(synData), true)[0]).toEqual(data(true, 'early data', synData));
    expect(side(eventsAt(synData), false)[0]).toEqual(data(false, 'reply', synData + 3));
  });

  it('ends both sides at a RST, once, and ignores data after it', () => {
    const f = reset - 1;
    expect(eventsAt(reset)).toEqual([data(true, 'before the reset', f + 4), end(false, f + 6), end(true, f + 6)]);
    expect(connAt(reset).reset).toBe(true);
  });

  it('opens a new stream for a SYN with a new ISN on used ports, finished or not, as tshark does', () => {
    expect(streamAt(reuse.second)).not.toBe(streamAt(reuse.first));
    expect(streamAt(reuse.afterUnfinished)).not.toBe(streamAt(reuse.unfinished));
    expect(streamAt(reuse.sameIsn)).toBe(streamAt(reuse.finished));
    expect(side(eventsAt(reuse.afterUnfinished), true)[0]).toEqual(data(true, 'new connection, same ports', reuse.afterUnfinished + 3));
    // The unfinished connection ends when the SYN that reuses its ports arrives, not at the end of the capture.
    expect(side(eventsAt(reuse.unfinished), true)).toEqual([data(true, 'never closed', reuse.unfinished + 3), end(true, reuse.afterUnfinished)]);
  });

  it('keeps interleaved connections apart', () => {
    for (const [i, n] of [20, 21, 22].entries()) {
      const conn = run.connections.find((c) => c.client.port === client(n).port)!;
      const events = run.events[conn.stream]!;
      expect(
        side(events, true)
          .flatMap((e) => (e.kind === 'data' ? [e.text] : []))
          .join(''),
      ).toBe(interleavedData[i]);
      expect(side(events, false).flatMap((e) => (e.kind === 'data' ? [e.text] : []))).toEqual([`reply ${n}`]);
      expect(events.filter((e) => e.kind === 'end')).toHaveLength(2);
    }
    expect([0, 1, 2].map((i) => streamAt(interleaved + i))).toEqual([0, 1, 2].map((i) => Number(rows[interleaved + i - 1]![1])));
  });

  it('ends every side of every connection exactly once', () => {
    for (const events of run.events) {
      expect(events.filter((e) => e.kind === 'end' && e.fromClient)).toHaveLength(1);
      expect(events.filter((e) => e.kind === 'end' && !e.fromClient)).toHaveLength(1);
    }
  });
});

describe('bounded tracking (maxStreams)', () => {
  it('closes and forgets the oldest connection past the bound; a late packet of it opens a new stream', () => {
    const convs = [0, 1, 2, 3].map((i) =>
      conversation(40 + i)
        .handshake()
        .send(true, text(20, 20 + i), { ackAfter: false }),
    );
    // Frames: each connection's 4 frames in turn, then one more segment of the first connection.
    const frames = convs.flatMap((c) => c.frames);
    frames.push(convs[0]!.segment(true, TCP.ACK | TCP.PSH, bytes('late'), undefined, false));
    const run = track(
      frames.map((data) => ({ tsSec: 0, data })),
      { maxOutOfOrderBytes: 1 << 20, maxStreams: 3 },
    );
    expect(run.tracker.evicted).toBe(2); // the 4th connection pushed out the 1st; the late packet pushed out the 2nd
    expect(run.connections.map((c) => c.client.port)).toEqual([...convs.map((c) => c.client.port), convs[0]!.client.port]);
    // The evicted connection was flushed: its dissector saw both sides end when the 4th connection arrived.
    expect(run.events[0]!.filter((e) => e.kind === 'end').map((e) => e.at)).toEqual([13, 13]);
    expect(run.streamOf.at(-1)).toBe(4);
  });
});
