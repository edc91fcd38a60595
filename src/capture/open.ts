import { createWriteStream, closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import zlib from 'node:zlib';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Gunzip } from 'fflate';
import { Decompress as ZstdDecompress } from 'fzstd';
import { ChunkedFile, FileSource, READ_CHUNK_BYTES, type ByteSource } from './chunked-file.js';
import { CaptureError, type CaptureReader, type Frame, type ReadWarning } from './frame.js';
import { PCAP_HEADER_BYTES, PCAP_MAGIC, PcapReader } from './pcap.js';
import { PCAPNG_SHB_MAGIC, PcapngReader } from './pcapng.js';
import { warning } from '../warnings.js';

/*
 * Opening a capture as Wireshark does: a pcap or pcapng file, also gzip- or
 * zstd-compressed (told by the first bytes, not the name), or standard input (`-`).
 * The readers pull bytes synchronously (one pass, bounded memory), and Node's zlib has no
 * synchronous streaming API, so the decompressors are fflate (gzip) and fzstd (zstd):
 * both push-based, synchronous, pure JS and without dependencies.
 */

/** Compressed bytes handed to a decompressor at a time: one step's output stays a few MiB even for a 1000:1 bomb. */
const COMPRESSED_STEP_BYTES = 4096;

type Compression = 'gzip' | 'zstd';

/** A push decompressor: pieces of output come to `ondata`, `final` with the last one of a whole stream. */
interface Decoder {
  push(chunk: Uint8Array, final?: boolean): unknown;
}

/**
 * What the gzip trailer says against what came out: fflate checks neither the CRC nor that
 * the stream ended, so a cut-off or damaged .gz would otherwise go unnoticed. The last
 * member's CRC-32 (zlib.crc32, Node 20.15 and later) and length are compared with its trailer.
 */
class GzipCheck {
  private crc = 0;
  private size = 0;
  private ended = false;
  private readonly tail = Buffer.alloc(8);
  private tailLength = 0;
  private readonly crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

  input(chunk: Uint8Array): void {
    // Keep the last 8 compressed bytes: the trailer, CRC-32 then length mod 2^32, little-endian.
    const keep = Math.min(8, chunk.length);
    this.tail.copyWithin(0, keep, 8);
    this.tail.set(chunk.subarray(chunk.length - keep), 8 - keep);
    this.tailLength = Math.min(8, this.tailLength + keep);
  }

  output(chunk: Uint8Array, final: boolean): void {
    if (this.crc32) this.crc = this.crc32(chunk, this.crc);
    this.size = (this.size + chunk.length) % 2 ** 32;
    if (final) this.ended = true;
  }

  member(): void {
    this.crc = 0;
    this.size = 0;
    this.ended = false;
  }

  /** What is wrong, once all the input was pushed; null when nothing is. */
  verdict(): ReadWarning | null {
    if (!this.ended) return warning({ id: 'capture.compressedCutOff', params: { compression: 'gzip' } });
    if (this.tailLength < 8) return null;
    const sizeOk = this.tail.readUInt32LE(4) === this.size;
    const crcOk = !this.crc32 || this.tail.readUInt32LE(0) === this.crc >>> 0;
    return sizeOk && crcOk ? null : warning({ id: 'capture.compressedCheck', params: { compression: 'gzip' } });
  }
}

/** The decompressed bytes of a compressed file. Damage ends the stream early and is kept in `problem`. */
class DecompressingSource implements ByteSource {
  problem: ReadWarning | null = null;
  private readonly decoder: Decoder;
  private readonly gzip: GzipCheck | null;
  private readonly input = Buffer.allocUnsafe(COMPRESSED_STEP_BYTES);
  private pending: Uint8Array[] = [];
  private head = 0;
  private ended = false;
  private compressedBytes = 0;

  constructor(
    private readonly inner: ByteSource,
    private readonly compression: Compression,
  ) {
    // Copy each piece: a decompressor may hand out a view of a window it goes on to reuse.
    const take = (chunk: Uint8Array) => {
      if (chunk.length > 0) this.pending.push(Uint8Array.prototype.slice.call(chunk));
    };
    if (compression === 'gzip') {
      const check = new GzipCheck();
      const gunzip = new Gunzip((chunk, final) => {
        check.output(chunk, final);
        take(chunk);
      });
      gunzip.onmember = () => check.member();
      this.gzip = check;
      this.decoder = gunzip;
    } else {
      this.gzip = null;
      this.decoder = new ZstdDecompress(take);
    }
  }

  read(buf: Buffer, offset: number, length: number): number {
    while (this.pending.length === 0 && !this.ended) this.step();
    let done = 0;
    while (done < length && this.pending.length > 0) {
      const piece = this.pending[0]!;
      const n = Math.min(length - done, piece.length - this.head);
      buf.set(piece.subarray(this.head, this.head + n), offset + done);
      done += n;
      this.head += n;
      if (this.head === piece.length) {
        this.pending.shift();
        this.head = 0;
      }
    }
    return done;
  }

  private step(): void {
    const got = this.inner.read(this.input, 0, this.input.length);
    // A copy: a decompressor may keep the input it has not finished with (fzstd does), and the buffer is reused.
    const chunk = Uint8Array.prototype.slice.call(this.input, 0, got);
    try {
      this.gzip?.input(chunk);
      this.decoder.push(chunk, got === 0);
      if (got === 0) this.problem = this.gzip?.verdict() ?? null;
    } catch (e) {
      // The decompressor's own words ("unexpected end of file") add nothing a reader can use.
      this.problem =
        got === 0
          ? warning({ id: 'capture.compressedCutOff', params: { compression: this.compression } })
          : warning({ id: 'capture.compressedDamaged', params: { compression: this.compression, bytes: this.compressedBytes } });
      this.ended = true;
    }
    this.compressedBytes += got;
    if (got === 0) this.ended = true;
  }

  close(): void {
    this.inner.close();
    this.pending = [];
  }
}

/** A reader over decompressed bytes, whose warnings include the decompressor's. */
function withDecompressionWarning(reader: CaptureReader, source: DecompressingSource): CaptureReader {
  return {
    get format() {
      return reader.format;
    },
    next: (): Frame | null => reader.next(),
    get warnings(): ReadWarning[] {
      return source.problem ? [...reader.warnings, source.problem] : reader.warnings;
    },
    get linkTypes() {
      return reader.linkTypes;
    },
    get origin() {
      return reader.origin;
    },
    get timestampDigits() {
      return reader.timestampDigits;
    },
    get bytesRead() {
      return reader.bytesRead;
    },
    close: () => reader.close(),
  };
}

/** The compression a file's first bytes show, or what to say about one we cannot read. */
function compressionOf(head: Buffer): Compression | { unsupported: string } | null {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  if (head.length >= 4 && head.readUInt32LE(0) === 0x184d2204)
    return { unsupported: 'is lz4-compressed: decompress it first (`lz4 -d FILE`), then build from the capture inside' };
  if (head.subarray(0, 5).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a])))
    return { unsupported: 'is xz-compressed: decompress it first (`unxz FILE`), then build from the capture inside' };
  if (head.subarray(0, 3).toString('latin1') === 'BZh')
    return { unsupported: 'is bzip2-compressed: decompress it first (`bunzip2 FILE`), then build from the capture inside' };
  return null;
}

function firstBytes(path: string, n: number): Buffer {
  const head = Buffer.alloc(n);
  const fd = openSync(path, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Open a capture file, telling pcap from pcapng (and gzip or zstd around either) by its
 * first bytes. `chunkBytes` is the read buffer's size (the tests make it tiny, to check
 * that nothing keeps a view of it).
 */
export function openCapture(path: string, chunkBytes = READ_CHUNK_BYTES): CaptureReader {
  let size: number;
  let compression: ReturnType<typeof compressionOf>;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new CaptureError(path, 'is a directory, not a capture file');
    size = st.size;
    compression = size > 0 ? compressionOf(firstBytes(path, 8)) : null;
  } catch (e) {
    if (e instanceof CaptureError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CaptureError(path, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`);
  }
  if (size === 0) throw new CaptureError(path, 'is empty (0 bytes), not a capture file');
  if (compression !== null && typeof compression === 'object') throw new CaptureError(path, compression.unsupported);
  let file: ChunkedFile;
  let decompressing: DecompressingSource | null = null;
  try {
    const raw = new FileSource(path);
    decompressing = compression ? new DecompressingSource(raw, compression) : null;
    file = new ChunkedFile(decompressing ?? raw, chunkBytes);
  } catch (e) {
    throw new CaptureError(path, `cannot be opened (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const inside = compression ? `is ${compression}-compressed, and what it holds ` : '';
  try {
    if (!file.ensure(4)) {
      if (decompressing?.problem) throw new CaptureError(path, `is ${compression}-compressed, and ${decompressing.problem}`);
      throw new CaptureError(path, `${inside || ''}is too short (${compression ? file.available : size} bytes) to be a capture file`);
    }
    const b = file.buf;
    const magic = b.readUInt32LE(0);
    let reader: CaptureReader;
    if (magic === PCAPNG_SHB_MAGIC) {
      if (!file.ensure(28)) throw new CaptureError(path, `${inside}is cut off inside its pcapng section header`);
      reader = new PcapngReader(file);
    } else if ((Object.values(PCAP_MAGIC) as number[]).includes(magic)) {
      if (!file.ensure(PCAP_HEADER_BYTES)) throw new CaptureError(path, `${inside}is cut off inside its pcap file header`);
      reader = new PcapReader(file, magic);
    } else {
      throw new CaptureError(path, `${inside}${describeUnknown(b.subarray(0, Math.min(file.available, 16)))}`);
    }
    return decompressing ? withDecompressionWarning(reader, decompressing) : reader;
  } catch (e) {
    file.close();
    throw e;
  }
}

/** Say what a non-capture file looks like, so the user knows what they gave us. */
function describeUnknown(head: Buffer): string {
  if (head.length < 4) return `is too short (${head.length} bytes) to be a capture file`;
  if (head.readUInt32LE(0) === 0xa1b2cd34 || head.readUInt32BE(0) === 0xa1b2cd34)
    return 'is a modified (Kuznetzov) pcap, which is not supported: convert it with `editcap -F pcap IN OUT`';
  const text = head.toString('latin1');
  if (/^(\s*[{<]|%PDF|PK)/.test(text)) return 'is not a capture file (it looks like a text, PDF or ZIP document); expected pcap or pcapng';
  const hex = [...head.subarray(0, 4)].map((x) => x.toString(16).padStart(2, '0')).join(' ');
  return `is not a pcap or pcapng capture (it starts with bytes ${hex}; Wireshark's "Save As" pcapng or pcap gives a readable file)`;
}

/** What the user named as the capture, and the file labreport reads for it. */
export interface CaptureInput {
  /** A file that can be read more than once (the report reads the frames it details in a second pass). */
  path: string;
  /** How messages name it: the path given, or "standard input". */
  name: string;
  /** Remove what was made for it (the copy of standard input). Safe to call twice. */
  dispose(): void;
}

/** The name `-` stands for in messages. */
export const STDIN_NAME = 'standard input';

/**
 * The capture a command-line argument names: a path as it is, or `-` for standard input,
 * which is copied to a private temporary file first (the report reads a capture twice).
 */
export async function captureInput(arg: string, stdin: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin): Promise<CaptureInput> {
  if (arg !== '-') return { path: arg, name: arg, dispose: () => {} };
  if (stdin.isTTY)
    throw new CaptureError(
      STDIN_NAME,
      'is a terminal: `-` reads a capture piped in, e.g. `tcpdump -w - … | labreport build -` or `labreport build - < capture.pcapng`',
    );
  const dir = mkdtempSync(join(tmpdir(), 'labreport-stdin-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  // Named "stdin" because the model names the capture by its file name.
  const path = join(dir, 'stdin');
  try {
    await pipeline(stdin, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (e) {
    dispose();
    throw new CaptureError(STDIN_NAME, `could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return { path, name: STDIN_NAME, dispose };
}
