import { isUtf8 } from 'node:buffer';
import { huffmanDecode } from './huffman.js';

/*
 * HPACK, the header compression of HTTP/2 (RFC 7541), decoding side, written here rather
 * than taken from npm: hpack.js 2.1.6 (the one maintained-looking package) decodes RFC 7541
 * Appendix C correctly, but it is an unmaintained stream wrapper on readable-stream 2
 * (13 packages), untyped, and it does not tell how each field was represented (indexed,
 * literal, Huffman, never indexed), which the report's anatomy shows as Wireshark does.
 * A passive decoder also needs what an endpoint never does: to go on, honestly, after a
 * header block was lost in a capture gap (see `lose`).
 */

/** The static table (RFC 7541 Appendix A): index 1 is the first entry. */
export const STATIC_TABLE: readonly (readonly [string, string])[] = [
  [':authority', ''],
  [':method', 'GET'],
  [':method', 'POST'],
  [':path', '/'],
  [':path', '/index.html'],
  [':scheme', 'http'],
  [':scheme', 'https'],
  [':status', '200'],
  [':status', '204'],
  [':status', '206'],
  [':status', '304'],
  [':status', '400'],
  [':status', '404'],
  [':status', '500'],
  ['accept-charset', ''],
  ['accept-encoding', 'gzip, deflate'],
  ['accept-language', ''],
  ['accept-ranges', ''],
  ['accept', ''],
  ['access-control-allow-origin', ''],
  ['age', ''],
  ['allow', ''],
  ['authorization', ''],
  ['cache-control', ''],
  ['content-disposition', ''],
  ['content-encoding', ''],
  ['content-language', ''],
  ['content-length', ''],
  ['content-location', ''],
  ['content-range', ''],
  ['content-type', ''],
  ['cookie', ''],
  ['date', ''],
  ['etag', ''],
  ['expect', ''],
  ['expires', ''],
  ['from', ''],
  ['host', ''],
  ['if-match', ''],
  ['if-modified-since', ''],
  ['if-none-match', ''],
  ['if-range', ''],
  ['if-unmodified-since', ''],
  ['last-modified', ''],
  ['link', ''],
  ['location', ''],
  ['max-forwards', ''],
  ['proxy-authenticate', ''],
  ['proxy-authorization', ''],
  ['range', ''],
  ['referer', ''],
  ['refresh', ''],
  ['retry-after', ''],
  ['server', ''],
  ['set-cookie', ''],
  ['strict-transport-security', ''],
  ['transfer-encoding', ''],
  ['user-agent', ''],
  ['vary', ''],
  ['via', ''],
  ['www-authenticate', ''],
];

/** How a field was represented in the header block (RFC 7541 section 6). */
export type HpackRepresentation =
  /** Section 6.1: the whole field is a table entry. */
  | 'indexed'
  /** Section 6.2.1: a literal, added to the dynamic table. */
  | 'incremental'
  /** Section 6.2.2: a literal, not added. */
  | 'without-indexing'
  /** Section 6.2.3: a literal that intermediaries must never index (a secret, often). */
  | 'never-indexed';

export interface HpackField {
  name: string;
  value: string;
  representation: HpackRepresentation;
  /** The table index of the field (indexed) or of its name (literal with an indexed name); null for a literal name. */
  index: number | null;
  /** Whether the name or the value was sent Huffman-coded. */
  huffman: boolean;
  /** Bytes of this representation in the header block. */
  bytes: number;
  /** The field refers to a dynamic table entry that was lost in a capture gap: name and/or value are unknown (empty). */
  lost?: true;
}

export interface HpackBlock {
  /** The decoded fields, in order (up to the header list bound; see `fieldsUnlisted`). */
  fields: HpackField[];
  /** Fields past the header list bound: decoded to keep the table in step, not kept. */
  fieldsUnlisted: number;
  /** The header list size as RFC 9113 section 6.5.2 counts it: name + value + 32 per field. */
  listSize: number;
  /** Dynamic table size updates at the start of the block (RFC 7541 section 6.3). */
  sizeUpdates: number[];
  /** Why decoding stopped, if it did: the rest of the block and the table are then unknown. */
  error?: string;
}

interface Entry {
  name: string;
  value: string;
  nameOctets: number;
  valueOctets: number;
  /** RFC 7541 section 4.1: name octets + value octets + 32. */
  size: number;
}

/** A name or value as decoded, with its length in octets (the table counts octets, not characters). */
interface Text {
  text: string;
  octets: number;
}

/** Entries of the dynamic table cost name + value + 32 bytes each (RFC 7541 section 4.1). */
const ENTRY_OVERHEAD = 32;
/** The dynamic table's size before any SETTINGS_HEADER_TABLE_SIZE (RFC 9113 section 6.5.2). */
export const DEFAULT_HEADER_TABLE_SIZE = 4096;

class HpackError extends Error {}

/** The static table as entries, made once. */
const STATIC_ENTRIES: readonly Entry[] = STATIC_TABLE.map(([name, value]) => ({
  name,
  value,
  nameOctets: name.length,
  valueOctets: value.length,
  size: name.length + value.length + ENTRY_OVERHEAD,
}));

/** What a reference to an entry lost in a capture gap resolves to: its size is unknown (0: see insert for why any guess is safe). */
const LOST_ENTRY: Entry = { name: '', value: '', nameOctets: 0, valueOctets: 0, size: 0 };

/**
 * One direction's decoding context: the static table and that direction's dynamic table.
 * An HTTP/2 connection has two, one for the header blocks each side sends.
 */
export class HpackDecoder {
  /** Newest entry last (dynamic index 1 is the last element). */
  private entries: Entry[] = [];
  private tableSize = 0;
  private capacity = DEFAULT_HEADER_TABLE_SIZE;
  /** The largest size the decoder side allowed (SETTINGS_HEADER_TABLE_SIZE); updates beyond it are noted. */
  private allowed = DEFAULT_HEADER_TABLE_SIZE;
  /** Set once a header block was lost: older entries are then unknown, and references to them say so. */
  private lostSince: number | null = null;
  /** Problems found, for the dissector to report once each. */
  readonly notes: string[] = [];

  /** `maxTableBytes` bounds the dynamic table whatever a capture asks for (maxHpackTableBytes). */
  constructor(private readonly maxTableBytes: number) {}

  /** The receiver announced SETTINGS_HEADER_TABLE_SIZE: the most a table size update may ask for. */
  setAllowedSize(size: number): void {
    this.allowed = size;
  }

  /** Size of the dynamic table now (RFC 7541 section 4.1), and its maximum. */
  get size(): number {
    return this.tableSize;
  }

  get maxSize(): number {
    return this.capacity;
  }

  /** The dynamic table, newest first (index 62 first), as Wireshark lists it. */
  dynamicTable(): { name: string; value: string; size: number }[] {
    return [...this.entries].reverse().map((e) => ({ name: e.name, value: e.value, size: e.size }));
  }

  /**
   * A header block of this direction was lost (a gap in the capture, or one that could not be
   * decoded), frame `frame` being the first after it. The entries it may have added are
   * unknown, so every entry already in the table may now sit at another index: they are
   * dropped, and a later reference past the entries added since is reported as lost
   * rather than resolved to a wrong field.
   */
  lose(frame: number): void {
    this.entries = [];
    this.tableSize = 0;
    this.lostSince ??= frame;
  }

  /** Decode one complete header block; bounded by `maxListSize` bytes of header list kept. */
  decode(block: Uint8Array, maxListSize: number): HpackBlock {
    const result: HpackBlock = { fields: [], fieldsUnlisted: 0, listSize: 0, sizeUpdates: [] };
    const reader = { b: block, o: 0 };
    let sawField = false;
    try {
      while (reader.o < block.length) {
        const start = reader.o;
        const first = block[reader.o]!;
        if ((first & 0xe0) === 0x20) {
          // Dynamic table size update: only at the start of a block (RFC 7541 section 4.2).
          const size = readInteger(reader, 5);
          if (sawField) throw new HpackError('a dynamic table size update comes after a header field (RFC 7541 section 4.2)');
          result.sizeUpdates.push(size);
          this.resize(size);
          continue;
        }
        sawField = true;
        let field: HpackField;
        let nameOctets: number;
        let valueOctets: number;
        if (first & 0x80) {
          const index = readInteger(reader, 7);
          const entry = this.lookup(index);
          nameOctets = entry.nameOctets;
          valueOctets = entry.valueOctets;
          field = { name: entry.name, value: entry.value, representation: 'indexed', index, huffman: false, bytes: 0 };
          if (entry === LOST_ENTRY) field.lost = true;
        } else {
          const incremental = (first & 0xc0) === 0x40;
          const representation: HpackRepresentation = incremental ? 'incremental' : first & 0x10 ? 'never-indexed' : 'without-indexing';
          const index = readInteger(reader, incremental ? 6 : 4);
          let name: Text;
          let lost = false;
          let huffman = false;
          if (index === 0) {
            const literal = readString(reader);
            name = literal;
            huffman = literal.huffman;
          } else {
            const entry = this.lookup(index);
            name = { text: entry.name, octets: entry.nameOctets };
            lost = entry === LOST_ENTRY;
          }
          const value = readString(reader);
          huffman ||= value.huffman;
          nameOctets = name.octets;
          valueOctets = value.octets;
          field = { name: name.text, value: value.text, representation, index: index === 0 ? null : index, huffman, bytes: 0, ...(lost ? { lost: true } : {}) };
          if (incremental) this.insert(name, value);
        }
        field.bytes = reader.o - start;
        result.listSize += nameOctets + valueOctets + ENTRY_OVERHEAD;
        // Past the bound the fields are still decoded (the table must stay in step), only not kept.
        if (result.listSize <= maxListSize) result.fields.push(field);
        else result.fieldsUnlisted++;
      }
    } catch (e) {
      if (!(e instanceof HpackError)) throw e;
      result.error = e.message;
    }
    return result;
  }

  /** The entry at `index`; LOST_ENTRY for one lost with a header block in a capture gap. */
  private lookup(index: number): Entry {
    if (index === 0) throw new HpackError('index 0 is not a table entry (RFC 7541 section 6.1)');
    if (index <= STATIC_ENTRIES.length) return STATIC_ENTRIES[index - 1]!;
    const entry = this.entries[this.entries.length - (index - STATIC_ENTRIES.length)];
    if (entry) return entry;
    if (this.lostSince !== null) return LOST_ENTRY;
    throw new HpackError(`index ${index} is past the end of the dynamic table (${this.entries.length} entries)`);
  }

  /**
   * Add an entry. After a loss an entry's size may be unknown (its name came from a lost
   * entry); any guess is safe: eviction only ever drops the oldest entries, so indexes up
   * to our table's length stay right, and one past it is reported as lost, never guessed.
   */
  private insert(name: Text, value: Text): void {
    const entry: Entry = {
      name: name.text,
      value: value.text,
      nameOctets: name.octets,
      valueOctets: value.octets,
      size: name.octets + value.octets + ENTRY_OVERHEAD,
    };
    if (entry.size > this.capacity) {
      // RFC 7541 section 4.4: an entry larger than the table empties it and is not added.
      this.entries = [];
      this.tableSize = 0;
      return;
    }
    this.entries.push(entry);
    this.tableSize += entry.size;
    this.evict();
  }

  private resize(size: number): void {
    if (size > this.allowed) this.note(`a dynamic table size update asks for ${size} bytes, more than the ${this.allowed} the receiver allowed`);
    if (size > this.maxTableBytes) {
      this.note(`a dynamic table size update asks for ${size} bytes; labreport keeps at most ${this.maxTableBytes} (maxHpackTableBytes)`);
      size = this.maxTableBytes;
    }
    this.capacity = size;
    this.evict();
  }

  private evict(): void {
    while (this.tableSize > this.capacity) this.tableSize -= this.entries.shift()!.size;
  }

  private note(message: string): void {
    if (!this.notes.includes(message)) this.notes.push(message);
  }
}

/** An integer with an N-bit prefix (RFC 7541 section 5.1), bounded so hostile input cannot overflow. */
function readInteger(r: { b: Uint8Array; o: number }, prefixBits: number): number {
  if (r.o >= r.b.length) throw new HpackError('the header block ends inside an integer');
  const mask = (1 << prefixBits) - 1;
  let value = r.b[r.o++]! & mask;
  if (value < mask) return value;
  let shift = 0;
  for (;;) {
    if (r.o >= r.b.length) throw new HpackError('the header block ends inside an integer');
    const byte = r.b[r.o++]!;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (value > 0xffffffff) throw new HpackError('an integer is larger than 2^32');
    if ((byte & 0x80) === 0) return value;
  }
}

/** A string literal (RFC 7541 section 5.2), Huffman-coded or not. */
function readString(r: { b: Uint8Array; o: number }): Text & { huffman: boolean } {
  if (r.o >= r.b.length) throw new HpackError('the header block ends before a string literal');
  const huffman = (r.b[r.o]! & 0x80) !== 0;
  const length = readInteger(r, 7);
  if (r.o + length > r.b.length) throw new HpackError(`a string literal of ${length} bytes runs past the end of the header block`);
  const start = r.o;
  r.o += length;
  if (!huffman) return { text: fieldText(r.b, start, r.o), octets: length, huffman };
  let bytes: Uint8Array;
  try {
    bytes = huffmanDecode(r.b.subarray(start, r.o));
  } catch (e) {
    throw new HpackError((e as Error).message);
  }
  return { text: fieldText(bytes, 0, bytes.length), octets: bytes.length, huffman };
}

/** Field bytes as text: ASCII (the usual case) or valid UTF-8 as such, else one character per byte. */
function fieldText(b: Uint8Array, start: number, end: number): string {
  const buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  let ascii = true;
  for (let i = start; i < end && ascii; i++) ascii = buf[i]! < 0x80;
  if (ascii) return buf.toString('latin1', start, end);
  return isUtf8(buf.subarray(start, end)) ? buf.toString('utf8', start, end) : buf.toString('latin1', start, end);
}
