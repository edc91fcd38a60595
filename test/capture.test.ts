import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ChunkedFile, READ_CHUNK_BYTES } from '../src/capture/chunked-file.js';
import { CaptureError, type CaptureReader } from '../src/capture/frame.js';
import { openCapture } from '../src/capture/open.js';
import { PcapReader } from '../src/capture/pcap.js';
import { PcapngReader, splitTimestamp } from '../src/capture/pcapng.js';
import { OWN_FIXTURES, PUBLIC_FIXTURES, captures, tempFile, tshark } from './helpers/files.js';
import { Conversation, bytes, ethernet, ipv4, pcapFile, pcapngFile, tcp, TCP, type PcapngBlock } from './helpers/packets.js';

interface ReadFrame {
  number: number;
  tsSec: number;
  tsNsec: number;
  linkType: number;
  capturedLength: number;
  originalLength: number;
  sha: string;
}

function readAll(reader: CaptureReader): ReadFrame[] {
  const frames: ReadFrame[] = [];
  try {
    for (let f = reader.next(); f; f = reader.next()) {
      const { number, tsSec, tsNsec, linkType, capturedLength, originalLength } = f;
      frames.push({ number, tsSec, tsNsec, linkType, capturedLength, originalLength, sha: createHash('sha1').update(f.data).digest('hex') });
    }
  } finally {
    reader.close();
  }
  return frames;
}

const read = (path: string) => {
  const reader = openCapture(path);
  const frames = readAll(reader);
  return { frames, warnings: reader.warnings, format: reader.format, linkTypes: reader.linkTypes };
};

/** pcap-parser (the design card's reader) as a differential oracle for classic pcap. */
function readWithPcapParser(path: string): Promise<Omit<ReadFrame, 'number' | 'linkType'>[]> {
  const pcapp = createRequire(import.meta.url)('pcap-parser') as { parse(p: string): NodeJS.EventEmitter };
  return new Promise((resolve, reject) => {
    const out: Omit<ReadFrame, 'number' | 'linkType'>[] = [];
    const parser = pcapp.parse(path);
    parser.on(
      'packet',
      (p: { header: { timestampSeconds: number; timestampMicroseconds: number; capturedLength: number; originalLength: number }; data: Buffer }) =>
        out.push({
          tsSec: p.header.timestampSeconds,
          tsNsec: p.header.timestampMicroseconds * 1000,
          capturedLength: p.header.capturedLength,
          originalLength: p.header.originalLength,
          sha: createHash('sha1').update(p.data).digest('hex'),
        }),
    );
    parser.on('end', () => resolve(out));
    parser.on('error', reject);
  });
}

const sample = new Conversation({ ip: '10.0.0.1', port: 40000 }, { ip: '10.0.0.2', port: 80 })
  .handshake()
  .send(true, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n')
  .send(false, 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello')
  .close();

const synthetic = {
  bigEndianMicro: tempFile('be-usec.pcap', pcapFile(sample.packets(), { bigEndian: true })),
  littleEndianNano: tempFile(
    'le-nsec.pcap',
    pcapFile(
      sample.packets().map((p, i) => ({ ...p, tsNsec: 123456789 + i })),
      { nanosecond: true },
    ),
  ),
  bigEndianNano: tempFile(
    'be-nsec.pcap',
    pcapFile(
      sample.packets().map((p, i) => ({ ...p, tsNsec: 987654321 - i })),
      { nanosecond: true, bigEndian: true },
    ),
  ),
  cutBySnaplen: tempFile(
    'snaplen.pcap',
    pcapFile(
      sample.packets().map((p) => ({ ...p, data: p.data.subarray(0, 54), originalLength: p.data.length })),
      { snaplen: 54 },
    ),
  ),
};

const epb = (data: Uint8Array, units: bigint, iface = 0): PcapngBlock => ({ kind: 'epb', iface, units, data });
const frames = sample.frames;
const pcapngSynthetic = {
  // Two sections, the second big-endian; interfaces reset per section.
  twoSections: tempFile(
    'two-sections.pcapng',
    pcapngFile([
      { blocks: [{ kind: 'idb', linkType: 1 }, epb(frames[0]!, 1_700_000_000_000_000n), epb(frames[1]!, 1_700_000_000_000_500n)] },
      {
        bigEndian: true,
        blocks: [{ kind: 'idb', linkType: 1, tsresol: 9 }, epb(frames[2]!, 1_700_000_001_123_456_789n), epb(frames[3]!, 1_700_000_001_223_456_789n)],
      },
    ]),
  ),
  // if_tsresol as a power of two, if_tsoffset, an IDB without options, SPB, OPB, and NRB/ISB/custom/unknown blocks to skip.
  mixedBlocks: tempFile(
    'mixed-blocks.pcapng',
    pcapngFile([
      {
        blocks: [
          { kind: 'idb', linkType: 1, noOptions: true },
          { kind: 'raw', type: 4, body: bytes([1, 0, 9, 0, 10, 0, 0, 1], 'host', [0, 0, 0, 0], [0, 0, 0, 0]) }, // NRB: one IPv4 record, end of records
          { kind: 'spb', data: frames[0]! },
          { kind: 'idb', linkType: 1, tsresol: 0x80 | 20, tsoffset: 100 },
          epb(frames[1]!, 1_700_000_000n * 1_048_576n + 524_288n, 1),
          { kind: 'opb', iface: 0, units: 1_700_000_002_000_001n, data: frames[2]! },
          { kind: 'raw', type: 5, body: bytes([0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]) }, // ISB
          { kind: 'raw', type: 0x40000bad, body: bytes([0, 0, 0, 0], 'custom data!') },
          { kind: 'raw', type: 0x0000_0123, body: bytes('unknown block') },
          epb(frames[3]!, 1_700_000_003_000_000n, 0),
        ],
      },
    ]),
  ),
  spbSnaplen: tempFile(
    'spb-snaplen.pcapng',
    pcapngFile([
      {
        blocks: [
          { kind: 'idb', linkType: 1, snaplen: 60 },
          { kind: 'spb', data: frames[3]!.subarray(0, 60), originalLength: frames[3]!.length },
        ],
      },
    ]),
  ),
};

const allCaptures = [...captures(PUBLIC_FIXTURES), ...captures(OWN_FIXTURES), ...Object.values(synthetic), ...Object.values(pcapngSynthetic)];

describe('capture readers agree with tshark on every frame', () => {
  it.each(allCaptures)('%s', (path) => {
    const ours = read(path).frames;
    const theirs = tshark(path, ['frame.number', 'frame.time_epoch', 'frame.len', 'frame.cap_len']);
    expect(ours.length).toBe(theirs.length);
    expect(ours.length).toBeGreaterThan(0);
    // tshark shows no time for a Simple Packet Block, which has none; we give it 0.
    const time = (f: ReadFrame, theirs: string) => (theirs === '' && f.tsSec === 0 && f.tsNsec === 0 ? '' : `${f.tsSec}.${String(f.tsNsec).padStart(9, '0')}`);
    const mine = ours.map((f, i) => [String(f.number), time(f, theirs[i]![1]!), String(f.originalLength), String(f.capturedLength)]);
    expect(mine).toEqual(theirs);
  });
});

describe('classic pcap reader agrees with pcap-parser', () => {
  const classic = allCaptures.filter((p) => p.endsWith('.pcap') && !p.includes('nsec'));
  it.each(classic)('%s', async (path) => {
    const ours = read(path).frames.map(({ number: _n, linkType: _l, ...rest }) => rest);
    expect(ours).toEqual(await readWithPcapParser(path));
  });
});

describe('pcap reader', () => {
  it('reads nanosecond timestamps in both byte orders exactly', () => {
    expect(read(synthetic.littleEndianNano).frames[2]).toMatchObject({ tsSec: 1_700_000_000, tsNsec: 123456791 });
    expect(read(synthetic.bigEndianNano).frames[1]).toMatchObject({ tsNsec: 987654320 });
  });

  it('keeps original and captured lengths of frames cut by the snaplen', () => {
    const f = read(synthetic.cutBySnaplen).frames[3]!;
    expect(f.capturedLength).toBe(54);
    expect(f.originalLength).toBe(frames[3]!.length);
  });

  it('reads records that straddle chunk boundaries, and records larger than a chunk', () => {
    const big = ethernet(
      ipv4({ src: '10.0.0.1', dst: '10.0.0.2', payload: tcp({ sport: 1, dport: 2, seq: 1, flags: TCP.ACK, payload: new Uint8Array(3000).fill(7) }) }),
    );
    const path = tempFile('chunks.pcap', pcapFile([...sample.packets(), { tsSec: 5, data: big }, ...sample.packets()]));
    const whole = read(path).frames;
    for (const chunk of [64, 100, 1000]) {
      const file = new ChunkedFile(path, chunk);
      file.ensure(24);
      const small = readAll(new PcapReader(file, file.buf.readUInt32LE(0)));
      expect(small).toEqual(whole);
    }
  });

  it('gives every readable frame of a file cut off inside a record, and says where it stopped', () => {
    const full = pcapFile(sample.packets());
    const path = tempFile('cut.pcap', full.subarray(0, full.length - 10));
    const { frames: got, warnings } = read(path);
    expect(got).toHaveLength(sample.frames.length - 1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(new RegExp(`cut off inside frame ${sample.frames.length}.*reading stopped after frame ${sample.frames.length - 1}`));
  });

  it('stops at an absurd record length instead of buffering the rest of the file', () => {
    const full = pcapFile(sample.packets());
    const damaged = Buffer.from(full);
    // Frame 3's captured length field: after the 24-byte header and two records.
    const third = 24 + 16 + sample.frames[0]!.length + 16 + sample.frames[1]!.length;
    damaged.writeUInt32LE(0x7fffffff, third + 8);
    const { frames: got, warnings } = read(tempFile('absurd.pcap', damaged));
    expect(got).toHaveLength(2);
    expect(warnings[0]!.message).toMatch(/frame 3's record claims 2147483647 captured bytes.*damaged/);
  });
});

describe('pcapng reader', () => {
  it('handles several sections with their own byte order and interfaces', () => {
    const { frames: got, linkTypes } = read(pcapngSynthetic.twoSections);
    expect(got.map((f) => [f.tsSec, f.tsNsec])).toEqual([
      [1_700_000_000, 0],
      [1_700_000_000, 500_000],
      [1_700_000_001, 123_456_789],
      [1_700_000_001, 223_456_789],
    ]);
    expect(linkTypes).toEqual([1]);
  });

  it('reads SPB, OPB, power-of-two resolution and if_tsoffset; numbers custom blocks as frames like Wireshark; skips NRB, ISB and unknown blocks', () => {
    const got = read(pcapngSynthetic.mixedBlocks).frames;
    expect(got.map((f) => f.linkType)).toEqual([1, 1, 1, -1, 1]);
    expect(got[3]).toMatchObject({ capturedLength: 12 });
    expect(got[1]).toMatchObject({ tsSec: 1_700_000_100, tsNsec: 500_000_000 });
    expect(got[2]).toMatchObject({ tsSec: 1_700_000_002, tsNsec: 1000 });
  });

  it('splits 64-bit timestamps exactly beyond 2^53 units', () => {
    expect(splitTimestamp(0x17979cfe, 0x79209715, 1e9)).toEqual([1_700_000_001, 123_456_789]);
    expect(splitTimestamp(0, 1_500_000, 1e6)).toEqual([1, 500_000_000]);
  });

  it('stops at a block whose trailing length does not match, keeping earlier frames', () => {
    const file = Buffer.from(pcapngFile([{ blocks: [{ kind: 'idb', linkType: 1 }, epb(frames[0]!, 1n), epb(frames[1]!, 2n), epb(frames[2]!, 3n)] }]));
    file.writeUInt32LE(999, file.length - 4); // the last block's trailing length
    const { frames: got, warnings } = read(tempFile('bad-trailer.pcapng', file));
    expect(got).toHaveLength(2);
    expect(warnings[0]!.message).toMatch(/mismatched leading and trailing lengths/);
  });

  it.each([
    ['EPB', 6, 12],
    ['EPB', 6, 28],
    ['SPB', 3, 12],
    ['OPB', 2, 24],
    ['IDB', 1, 16],
    ['custom block', 0xbad, 12],
  ])('stops at an %s (type %i) of %i bytes, too short for its fields, even where it ends a read chunk (was an internal error)', (_name, type, length) => {
    const head: PcapngBlock[] = [{ kind: 'idb', linkType: 1 }, epb(frames[0]!, 1n)];
    const before = pcapngFile([{ blocks: head }]).length;
    // A skipped block sized so that the short block's last byte is the read chunk's last.
    const filler: PcapngBlock = { kind: 'raw', type: 0x99, body: new Uint8Array(READ_CHUNK_BYTES - before - 12 - length) };
    const file = pcapngFile([{ blocks: [...head, filler, { kind: 'raw', type, body: new Uint8Array(length - 12) }, epb(frames[1]!, 2n)] }]);
    expect(file.indexOf(Buffer.from([type & 0xff, type >> 8, 0, 0, length, 0, 0, 0]), READ_CHUNK_BYTES - length)).toBe(READ_CHUNK_BYTES - length);
    const { frames: got, warnings } = read(tempFile(`short-${type}-${length}.pcapng`, file));
    expect(got).toHaveLength(1);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(new RegExp(`is ${length} bytes long, shorter than the \\d+ its fields need.*reading stopped after frame 1`)),
    ]);
  });

  it('reports a packet naming an interface no IDB declared', () => {
    const file = pcapngFile([{ blocks: [{ kind: 'idb', linkType: 1 }, epb(frames[0]!, 1n, 0), epb(frames[1]!, 2n, 3)] }]);
    const { frames: got, warnings } = read(tempFile('no-iface.pcapng', file));
    expect(got).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/frame 2 names interface 3/);
  });

  it('is what openCapture returns for a pcapng file', () => {
    expect(openCapture(pcapngSynthetic.twoSections)).toBeInstanceOf(PcapngReader);
  });
});

describe('files that are not captures', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['empty.pcap', '', /is empty/],
    ['notes.txt', 'Hello, this is not a capture at all.\n', /is not a pcap or pcapng capture/],
    ['page.html', '<html><body>hi</body></html>', /looks like a text, PDF or ZIP/],
    ['capture.pcap.gz', bytes([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), /gzip-compressed/],
    ['short.pcap', bytes([0xd4, 0xc3, 0xb2, 0xa1, 2, 0]), /cut off inside its pcap file header/],
  ];
  it.each(cases)('%s', (name, content, message) => {
    const path = tempFile(name, content);
    expect(() => openCapture(path)).toThrow(CaptureError);
    expect(() => openCapture(path)).toThrow(message);
  });

  it('a missing path', () => {
    expect(() => openCapture('/nonexistent/capture.pcap')).toThrow(/no such file/);
  });

  it('a directory', () => {
    expect(() => openCapture(OWN_FIXTURES)).toThrow(/is a directory/);
  });
});
