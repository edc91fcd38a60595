import { statSync } from 'node:fs';
import { ChunkedFile, READ_CHUNK_BYTES } from './chunked-file.js';
import { CaptureError, type CaptureReader } from './frame.js';
import { PCAP_HEADER_BYTES, PCAP_MAGIC, PcapReader } from './pcap.js';
import { PCAPNG_SHB_MAGIC, PcapngReader } from './pcapng.js';

/**
 * Open a capture file, telling pcap from pcapng by its first bytes. `chunkBytes` is the
 * read buffer's size (the tests make it tiny, to check that nothing keeps a view of it).
 */
export function openCapture(path: string, chunkBytes = READ_CHUNK_BYTES): CaptureReader {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new CaptureError(path, 'is a directory, not a capture file');
    size = st.size;
  } catch (e) {
    if (e instanceof CaptureError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CaptureError(path, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`);
  }
  if (size === 0) throw new CaptureError(path, 'is empty (0 bytes), not a capture file');
  let file: ChunkedFile;
  try {
    file = new ChunkedFile(path, chunkBytes);
  } catch (e) {
    throw new CaptureError(path, `cannot be opened (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    if (!file.ensure(4)) throw new CaptureError(path, `is too short (${size} bytes) to be a capture file`);
    const b = file.buf;
    const magic = b.readUInt32LE(0);
    if (magic === PCAPNG_SHB_MAGIC) {
      if (!file.ensure(28)) throw new CaptureError(path, 'is cut off inside its pcapng section header');
      return new PcapngReader(file);
    }
    if ((Object.values(PCAP_MAGIC) as number[]).includes(magic)) {
      if (!file.ensure(PCAP_HEADER_BYTES)) throw new CaptureError(path, 'is cut off inside its pcap file header');
      return new PcapReader(file, magic);
    }
    throw new CaptureError(path, describeUnknown(b.subarray(0, Math.min(file.available, 16))));
  } catch (e) {
    file.close();
    throw e;
  }
}

/** Say what a non-capture file looks like, so the user knows what they gave us. */
function describeUnknown(head: Buffer): string {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'is gzip-compressed: decompress it first (gunzip), then build from the .pcap/.pcapng inside';
  if (head.readUInt32LE(0) === 0xa1b2cd34 || head.readUInt32BE(0) === 0xa1b2cd34)
    return 'is a modified (Kuznetzov) pcap, which is not supported: convert it with `editcap -F pcap IN OUT`';
  const text = head.toString('latin1');
  if (/^(\s*[{<]|%PDF|PK)/.test(text)) return 'is not a capture file (it looks like a text, PDF or ZIP document); expected pcap or pcapng';
  const hex = [...head.subarray(0, 4)].map((x) => x.toString(16).padStart(2, '0')).join(' ');
  return `is not a pcap or pcapng capture (it starts with bytes ${hex}; Wireshark's "Save As" pcapng or pcap gives a readable file)`;
}
