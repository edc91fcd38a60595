import { describe, expect, it } from 'vitest';
import { HpackDecoder, STATIC_TABLE } from '../src/protocols/http2/hpack.js';
import { HUFFMAN_CODE_LENGTHS, huffmanCode, huffmanDecode } from '../src/protocols/http2/huffman.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const pairs = (d: ReturnType<HpackDecoder['decode']>) => d.fields.map((f) => [f.name, f.value]);
const table = (d: HpackDecoder) => d.dynamicTable().map((e) => [e.name, e.value, e.size]);

/* The wire bytes, header lists and dynamic tables below are RFC 7541 Appendix C's, as published. */

const REQUESTS = [
  [
    [':method', 'GET'],
    [':scheme', 'http'],
    [':path', '/'],
    [':authority', 'www.example.com'],
  ],
  [
    [':method', 'GET'],
    [':scheme', 'http'],
    [':path', '/'],
    [':authority', 'www.example.com'],
    ['cache-control', 'no-cache'],
  ],
  [
    [':method', 'GET'],
    [':scheme', 'https'],
    [':path', '/index.html'],
    [':authority', 'www.example.com'],
    ['custom-key', 'custom-value'],
  ],
];
const REQUEST_TABLES = [
  [[':authority', 'www.example.com', 57]],
  [
    ['cache-control', 'no-cache', 53],
    [':authority', 'www.example.com', 57],
  ],
  [
    ['custom-key', 'custom-value', 54],
    ['cache-control', 'no-cache', 53],
    [':authority', 'www.example.com', 57],
  ],
];
const REQUEST_SIZES = [57, 110, 164];

const DATE1 = 'Mon, 21 Oct 2013 20:13:21 GMT';
const DATE2 = 'Mon, 21 Oct 2013 20:13:22 GMT';
const COOKIE = 'foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1';
const RESPONSES = [
  [
    [':status', '302'],
    ['cache-control', 'private'],
    ['date', DATE1],
    ['location', 'https://www.example.com'],
  ],
  [
    [':status', '307'],
    ['cache-control', 'private'],
    ['date', DATE1],
    ['location', 'https://www.example.com'],
  ],
  [
    [':status', '200'],
    ['cache-control', 'private'],
    ['date', DATE2],
    ['location', 'https://www.example.com'],
    ['content-encoding', 'gzip'],
    ['set-cookie', COOKIE],
  ],
];
const RESPONSE_TABLES = [
  [
    ['location', 'https://www.example.com', 63],
    ['date', DATE1, 65],
    ['cache-control', 'private', 52],
    [':status', '302', 42],
  ],
  [
    [':status', '307', 42],
    ['location', 'https://www.example.com', 63],
    ['date', DATE1, 65],
    ['cache-control', 'private', 52],
  ],
  [
    ['set-cookie', COOKIE, 98],
    ['content-encoding', 'gzip', 52],
    ['date', DATE2, 65],
  ],
];
const RESPONSE_SIZES = [222, 222, 215];

const SEQUENCES = [
  {
    name: 'C.3 requests without Huffman coding',
    tableSize: 4096,
    blocks: ['828684410f7777772e6578616d706c652e636f6d', '828684be58086e6f2d6361636865', '828785bf400a637573746f6d2d6b65790c637573746f6d2d76616c7565'],
    lists: REQUESTS,
    tables: REQUEST_TABLES,
    sizes: REQUEST_SIZES,
    huffman: false,
  },
  {
    name: 'C.4 requests with Huffman coding',
    tableSize: 4096,
    blocks: ['828684418cf1e3c2e5f23a6ba0ab90f4ff', '828684be5886a8eb10649cbf', '828785bf408825a849e95ba97d7f8925a849e95bb8e8b4bf'],
    lists: REQUESTS,
    tables: REQUEST_TABLES,
    sizes: REQUEST_SIZES,
    huffman: true,
  },
  {
    name: 'C.5 responses without Huffman coding (table size 256, with eviction)',
    tableSize: 256,
    blocks: [
      '4803333032580770726976617465611d4d6f6e2c203231204f637420323031332032303a31333a323120474d546e1768747470733a2f2f7777772e6578616d706c652e636f6d',
      '4803333037c1c0bf',
      '88c1611d4d6f6e2c203231204f637420323031332032303a31333a323220474d54c05a04677a69707738666f6f3d4153444a4b48514b425a584f5157454f50495541585157454f49553b206d61782d6167653d333630303b2076657273696f6e3d31',
    ],
    lists: RESPONSES,
    tables: RESPONSE_TABLES,
    sizes: RESPONSE_SIZES,
    huffman: false,
  },
  {
    name: 'C.6 responses with Huffman coding (table size 256, with eviction)',
    tableSize: 256,
    blocks: [
      '488264025885aec3771a4b6196d07abe941054d444a8200595040b8166e082a62d1bff6e919d29ad171863c78f0b97c8e9ae82ae43d3',
      '4883640effc1c0bf',
      '88c16196d07abe941054d444a8200595040b8166e084a62d1bffc05a839bd9ab77ad94e7821dd7f2e6c7b335dfdfcd5b3960d5af27087f3672c1ab270fb5291f9587316065c003ed4ee5b1063d5007',
    ],
    lists: RESPONSES,
    tables: RESPONSE_TABLES,
    sizes: RESPONSE_SIZES,
    huffman: true,
  },
];

/** A decoder whose table starts at `size` bytes, as the RFC's examples assume (a size update says so on the wire). */
function decoderOf(size: number): HpackDecoder {
  const d = new HpackDecoder(64 * 1024);
  d.decode(Buffer.from([0x20 | 31, size - 31 >= 128 ? 0x80 | ((size - 31) & 0x7f) : size - 31, ...(size - 31 >= 128 ? [(size - 31) >> 7] : [])]), 1 << 20);
  return d;
}

describe('HPACK: RFC 7541 Appendix C', () => {
  it('C.2.1 literal header field with indexing', () => {
    const d = new HpackDecoder(65536);
    const r = d.decode(hex('400a637573746f6d2d6b65790d637573746f6d2d686561646572'), 65536);
    expect(pairs(r)).toEqual([['custom-key', 'custom-header']]);
    expect(r.fields[0]).toMatchObject({ representation: 'incremental', index: null, huffman: false, bytes: 26 });
    expect(table(d)).toEqual([['custom-key', 'custom-header', 55]]);
    expect(d.size).toBe(55);
  });

  it('C.2.2 literal header field without indexing', () => {
    const d = new HpackDecoder(65536);
    const r = d.decode(hex('040c2f73616d706c652f70617468'), 65536);
    expect(pairs(r)).toEqual([[':path', '/sample/path']]);
    expect(r.fields[0]).toMatchObject({ representation: 'without-indexing', index: 4 });
    expect(table(d)).toEqual([]);
  });

  it('C.2.3 literal header field never indexed', () => {
    const d = new HpackDecoder(65536);
    const r = d.decode(hex('100870617373776f726406736563726574'), 65536);
    expect(pairs(r)).toEqual([['password', 'secret']]);
    expect(r.fields[0]).toMatchObject({ representation: 'never-indexed', index: null });
    expect(table(d)).toEqual([]);
  });

  it('C.2.4 indexed header field', () => {
    const d = new HpackDecoder(65536);
    const r = d.decode(hex('82'), 65536);
    expect(pairs(r)).toEqual([[':method', 'GET']]);
    expect(r.fields[0]).toMatchObject({ representation: 'indexed', index: 2, bytes: 1 });
    expect(table(d)).toEqual([]);
  });

  for (const seq of SEQUENCES) {
    it(seq.name, () => {
      const d = seq.tableSize === 4096 ? new HpackDecoder(65536) : decoderOf(seq.tableSize);
      expect(d.maxSize).toBe(seq.tableSize);
      seq.blocks.forEach((block, i) => {
        const r = d.decode(hex(block), 65536);
        expect(r.error).toBeUndefined();
        expect(pairs(r), `block ${i + 1}`).toEqual(seq.lists[i]);
        expect(table(d), `table after block ${i + 1}`).toEqual(seq.tables[i]);
        expect(d.size).toBe(seq.sizes[i]);
        expect(r.fields.some((f) => f.huffman)).toBe(seq.huffman);
        expect(r.fields.reduce((n, f) => n + f.bytes, 0)).toBe(hex(block).length);
      });
    });
  }
});

describe('HPACK: the Huffman code (RFC 7541 Appendix B)', () => {
  it('is a complete prefix code of 257 symbols', () => {
    expect(HUFFMAN_CODE_LENGTHS).toHaveLength(257);
    expect(HUFFMAN_CODE_LENGTHS.reduce((s, l) => s + 2 ** -l, 0)).toBe(1);
  });

  it('rebuilds the codes Appendix B prints', () => {
    // A sample of rows of Appendix B: symbol, code as hex, length in bits.
    const rows: [number, number, number][] = [
      [0, 0x1ff8, 13],
      [10, 0x3ffffffc, 30],
      [32, 0x14, 6],
      [48, 0x0, 5],
      [65, 0x21, 6],
      [97, 0x3, 5],
      [127, 0xffffffc, 28],
      [226, 0xfffed, 20],
      [255, 0x3ffffee, 26],
      [256, 0x3fffffff, 30],
    ];
    for (const [symbol, code, bits] of rows) expect(huffmanCode(symbol), `symbol ${symbol}`).toEqual({ code, bits });
  });

  it('decodes "www.example.com" (C.4.1) and rejects bad padding and EOS', () => {
    expect(Buffer.from(huffmanDecode(hex('f1e3c2e5f23a6ba0ab90f4ff'))).toString()).toBe('www.example.com');
    expect(Buffer.from(huffmanDecode(hex('1f'))).toString()).toBe('a'); // "a" is 00011, then 111 of padding
    expect(() => huffmanDecode(hex('18'))).toThrow(/padding that is not all ones/); // "a", then 000
    expect(() => huffmanDecode(hex('1fff'))).toThrow(/more than 7 bits of padding/); // "a", then 11 ones
    expect(() => huffmanDecode(hex('fffffffc'))).toThrow(/EOS/); // 30 ones: EOS itself
  });
});

describe('HPACK: hostile and damaged header blocks', () => {
  it('reports an index past the table, a size update after a field, and a cut-off block as errors', () => {
    expect(new HpackDecoder(65536).decode(hex('be'), 65536).error).toMatch(/index 62 is past the end of the dynamic table/);
    expect(new HpackDecoder(65536).decode(hex('80'), 65536).error).toMatch(/index 0/);
    expect(new HpackDecoder(65536).decode(hex('8220'), 65536).error).toMatch(/size update comes after a header field/);
    const cut = new HpackDecoder(65536).decode(hex('82410f7777'), 65536);
    expect(cut.error).toMatch(/runs past the end/);
    expect(pairs(cut)).toEqual([[':method', 'GET']]);
    expect(new HpackDecoder(65536).decode(hex('7fffffffffff7f'), 65536).error).toMatch(/larger than 2\^32/);
  });

  it('keeps the dynamic table within maxHpackTableBytes whatever a size update asks', () => {
    const d = new HpackDecoder(1024);
    d.setAllowedSize(1 << 20);
    const r = d.decode(hex('3fe1ff3f'), 65536); // size update to 1,048,576 (31 + 0x3f ff e1 continuation)
    expect(r.error).toBeUndefined();
    expect(r.sizeUpdates).toEqual([31 + 0x61 + (0x7f << 7) + (0x3f << 14)]);
    expect(d.maxSize).toBe(1024);
    expect(d.notes.join(' ')).toMatch(/maxHpackTableBytes/);
  });

  it('decodes past the header list bound to stay in step, keeping only what fits', () => {
    const d = new HpackDecoder(65536);
    // C.3.1's block: the fields cost 42 + 43 + 38 + 57 = 180 bytes of header list.
    const r = d.decode(hex('828684410f7777772e6578616d706c652e636f6d'), 100);
    expect(pairs(r)).toEqual([
      [':method', 'GET'],
      [':scheme', 'http'],
    ]);
    expect(r.fieldsUnlisted).toBe(2);
    expect(r.listSize).toBe(180);
    expect(table(d)).toEqual([[':authority', 'www.example.com', 57]]);
  });

  it('after a lost header block, references to older entries are reported lost, newer ones still resolve', () => {
    const d = new HpackDecoder(65536);
    d.decode(hex('828684410f7777772e6578616d706c652e636f6d'), 65536); // adds :authority at 62
    d.lose(17);
    // C.3.3's block refers to 63 (lost) and adds custom-key: custom-value; then 62 is that new entry.
    const r = d.decode(hex('828785bf400a637573746f6d2d6b65790c637573746f6d2d76616c7565'), 65536);
    expect(r.error).toBeUndefined();
    expect(r.fields[3]).toMatchObject({ name: '', value: '', lost: true, index: 63 });
    expect(pairs(d.decode(hex('be'), 65536))).toEqual([['custom-key', 'custom-value']]);
  });
});
