import { ChunkedFile } from './chunked-file.js';
import { MAX_PACKET_BYTES } from './link-types.js';
import { MAX_DESCRIPTION_CHARS, MAX_INTERFACES_DESCRIBED, ReusedFrame, type CaptureOrigin, type CaptureReader, type Frame, type ReadWarning } from './frame.js';
import type { WarningValues } from '../knowledge/warnings.js';
import { warning, type WarningId } from '../warnings.js';

/** Block types (draft-ietf-opsawg-pcapng). */
const BLOCK = {
  SHB: 0x0a0d0d0a,
  IDB: 0x00000001,
  OPB: 0x00000002, // obsolete Packet Block, still read by Wireshark
  SPB: 0x00000003,
  EPB: 0x00000006,
  JOURNAL: 0x00000009, // systemd Journal Export Block
  DSB: 0x0000000a, // Decryption Secrets Block (TLS key logs, as editcap --inject-secrets writes them)
  CUSTOM: 0x00000bad,
  CUSTOM_NOCOPY: 0x40000bad,
} as const;

/** Link type given to frames that are pcapng records rather than packets (custom and journal blocks). */
export const LINKTYPE_RECORD = -1;
export const PCAPNG_SHB_MAGIC = BLOCK.SHB;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const OPT_ENDOFOPT = 0;
const OPT_SHB_HARDWARE = 2;
const OPT_SHB_OS = 3;
const OPT_SHB_USERAPPL = 4;
const OPT_IF_NAME = 2;
const OPT_IF_DESCRIPTION = 3;
const OPT_IF_TSRESOL = 9;
const OPT_IF_TSOFFSET = 14;

/** The largest block we accept: the largest packet plus generous room for options. */
const MAX_BLOCK_BYTES = MAX_PACKET_BYTES + 128 * 1024;

/** The shortest block of each type that holds its fixed fields (header, body, trailing length); shorter is damage, as Wireshark says. */
const MIN_BLOCK_BYTES: Record<number, number> = {
  [BLOCK.SHB]: 28,
  [BLOCK.IDB]: 20,
  [BLOCK.OPB]: 32,
  [BLOCK.SPB]: 16,
  [BLOCK.EPB]: 32,
  [BLOCK.CUSTOM]: 16,
  [BLOCK.CUSTOM_NOCOPY]: 16,
};

interface Interface {
  /** if_name, when the IDB names it (Wireshark's "on interface lo, id 0"). */
  name: string | null;
  linkType: number;
  snaplen: number;
  /** Timestamp units per second (10^n or 2^n from if_tsresol). */
  unitsPerSecond: number;
  /** if_tsoffset: seconds added to every timestamp. */
  offsetSeconds: number;
}

/**
 * pcapng: several sections per file, each in its own byte order; interfaces (IDB) with
 * their own link type, snaplen and timestamp resolution; packets in EPB, SPB and the
 * obsolete PB; custom and journal blocks as frames without a link layer (Wireshark numbers
 * them as frames too); every other block (NRB, ISB, DSB, unknown) skipped by its length.
 * Hand-written: the one npm reader (pcap-ng-parser) crashes on an IDB without options.
 */
export class PcapngReader implements CaptureReader {
  readonly format = 'pcapng' as const;
  readonly warnings: ReadWarning[] = [];
  private readonly seenLinkTypes = new Set<number>();
  /** The finest timestamp resolution of any interface, in decimal digits. */
  timestampDigits = 6;
  private le = true;
  private interfaces: Interface[] = [];
  private frameNumber = 0;
  private done = false;
  private sections = 0;
  /**
   * Called with each Decryption Secrets Block as it is read (its secrets type, e.g. TLSK
   * 0x544c534b, and data); the data is a view of the read buffer, valid during the call.
   */
  onDecryptionSecrets: ((secretsType: number, data: Uint8Array) => void) | null = null;
  private malformedSecrets = 0;
  /** Filled from the first section's header and every interface description block. */
  readonly origin: CaptureOrigin = { os: null, hardware: null, application: null, interfaces: [], interfacesUnlisted: 0 };

  constructor(private readonly file: ChunkedFile) {}

  get linkTypes(): number[] {
    return [...this.seenLinkTypes];
  }

  get bytesRead(): number {
    return this.file.consumed;
  }

  private u16(b: Buffer, o: number): number {
    return this.le ? b.readUInt16LE(o) : b.readUInt16BE(o);
  }

  private u32(b: Buffer, o: number): number {
    return this.le ? b.readUInt32LE(o) : b.readUInt32BE(o);
  }

  next(): Frame | null {
    const file = this.file;
    while (!this.done) {
      if (!file.ensure(12)) {
        if (file.available > 0) this.stop('capture.cutOffBlockHeader', { present: file.available });
        this.done = true;
        return null;
      }
      let b = file.buf;
      let p = file.pos;
      const type = b.readUInt32LE(p); // the SHB type reads the same in both byte orders
      if (type === BLOCK.SHB) {
        const bom = b.readUInt32LE(p + 8);
        if (bom === BYTE_ORDER_MAGIC) this.le = true;
        else if (bom === 0x4d3c2b1a) this.le = false;
        else {
          this.stop('capture.byteOrder', { section: this.sections + 1, magic: `0x${bom.toString(16)}` });
          return null;
        }
      }
      const blockType = this.u32(b, p);
      const length = this.u32(b, p + 4);
      if (length < 12 || length % 4 !== 0 || length > MAX_BLOCK_BYTES) {
        this.stop('capture.blockLength', { length });
        return null;
      }
      const shortest = MIN_BLOCK_BYTES[blockType] ?? 12;
      if (length < shortest) {
        // Its fixed fields would be read past its end (at a read-chunk edge, past the buffer).
        this.stop('capture.blockTooShort', { type: `0x${blockType.toString(16)}`, length, shortest });
        return null;
      }
      if (!file.ensure(length)) {
        const present = { present: file.available, length };
        if (blockType === BLOCK.EPB || blockType === BLOCK.SPB) this.stop('capture.cutOff', { next: this.frameNumber + 1, ...present });
        else this.stop('capture.cutOffBlock', present);
        return null;
      }
      b = file.buf;
      p = file.pos;
      if (this.u32(b, p + length - 4) !== length) {
        this.stop('capture.blockLengths', {});
        return null;
      }
      let frame: Frame | null = null;
      switch (blockType) {
        case BLOCK.SHB:
          this.sections++;
          this.interfaces = [];
          if (this.sections === 1) this.readSectionOptions(b, p, length);
          break;
        case BLOCK.IDB:
          this.readInterface(b, p, length);
          break;
        case BLOCK.EPB:
          frame = this.packet(b, p, length, this.u32(b, p + 8), p + 12, p + 28, this.u32(b, p + 20), this.u32(b, p + 24));
          break;
        case BLOCK.OPB:
          frame = this.packet(b, p, length, this.u16(b, p + 8), p + 12, p + 28, this.u32(b, p + 20), this.u32(b, p + 24));
          break;
        case BLOCK.SPB: {
          const originalLength = this.u32(b, p + 8);
          const iface = this.interfaces[0];
          let captured = Math.min(originalLength, length - 16);
          if (iface && iface.snaplen > 0) captured = Math.min(captured, iface.snaplen);
          frame = this.packet(b, p, length, 0, -1, p + 12, captured, originalLength);
          break;
        }
        // Wireshark shows these as frames of their own, so they take a frame number.
        case BLOCK.CUSTOM:
        case BLOCK.CUSTOM_NOCOPY:
          frame = this.record(b, p + 12, p + length - 4); // the data after the Private Enterprise Number
          break;
        case BLOCK.JOURNAL:
          frame = this.record(b, p + 8, p + length - 4);
          break;
        case BLOCK.DSB:
          this.decryptionSecrets(b, p, length);
          break;
        default:
          break; // NRB, ISB and unknown blocks: skipped by their length.
      }
      if (this.done) return null;
      file.consume(length);
      if (frame) return frame;
    }
    return null;
  }

  private decryptionSecrets(b: Buffer, p: number, length: number): void {
    const secretsLength = length >= 20 ? this.u32(b, p + 12) : -1;
    if (secretsLength < 0 || 16 + secretsLength > length - 4) {
      // Said once: a hostile file could hold a million of them.
      if (this.malformedSecrets++ === 0)
        this.warnings.push(warning({ id: 'capture.secretsBlock', frame: this.frameNumber, params: { last: this.frameNumber } }));
      return;
    }
    this.onDecryptionSecrets?.(this.u32(b, p + 8), b.subarray(p + 16, p + 16 + secretsLength));
  }

  /** The options of a block from `o` to the block's trailing length: each code with its value's bytes. */
  private *options(b: Buffer, o: number, end: number): Generator<[code: number, at: number, length: number]> {
    while (o + 4 <= end) {
      const code = this.u16(b, o);
      const len = this.u16(b, o + 2);
      const value = o + 4;
      if (code === OPT_ENDOFOPT || value + len > end) return;
      yield [code, value, len];
      o = value + ((len + 3) & ~3);
    }
  }

  /** A UTF-8 option, as the program that wrote it put it (cut to MAX_DESCRIPTION_CHARS). */
  private text(b: Buffer, at: number, len: number): string | null {
    const s = b
      .toString('utf8', at, at + len)
      .replace(/\u0000+$/, '')
      .trim();
    return s === '' ? null : [...s].slice(0, MAX_DESCRIPTION_CHARS).join('');
  }

  private readSectionOptions(b: Buffer, p: number, length: number): void {
    for (const [code, at, len] of this.options(b, p + 24, p + length - 4)) {
      if (code === OPT_SHB_HARDWARE) this.origin.hardware ??= this.text(b, at, len);
      else if (code === OPT_SHB_OS) this.origin.os ??= this.text(b, at, len);
      else if (code === OPT_SHB_USERAPPL) this.origin.application ??= this.text(b, at, len);
    }
  }

  private readInterface(b: Buffer, p: number, length: number): void {
    const iface: Interface = {
      name: null,
      linkType: this.u16(b, p + 8),
      snaplen: this.u32(b, p + 12),
      unitsPerSecond: 1e6,
      offsetSeconds: 0,
    };
    let description: string | null = null;
    for (const [code, value, len] of this.options(b, p + 16, p + length - 4)) {
      if (code === OPT_IF_TSRESOL && len >= 1) {
        const r = b[value]!;
        const exp = r & 0x7f;
        iface.unitsPerSecond = r & 0x80 ? 2 ** exp : 10 ** exp;
      } else if (code === OPT_IF_TSOFFSET && len >= 8) {
        iface.offsetSeconds = Number(this.le ? b.readBigInt64LE(value) : b.readBigInt64BE(value));
      } else if (code === OPT_IF_NAME) iface.name = this.text(b, value, len);
      else if (code === OPT_IF_DESCRIPTION) description = this.text(b, value, len);
    }
    if (this.origin.interfaces.length < MAX_INTERFACES_DESCRIBED) this.origin.interfaces.push({ name: iface.name, description, linkType: iface.linkType });
    else this.origin.interfacesUnlisted++;
    this.interfaces.push(iface);
    this.seenLinkTypes.add(iface.linkType);
    this.timestampDigits = Math.max(this.timestampDigits, Math.min(9, Math.ceil(Math.log10(iface.unitsPerSecond))));
  }

  private packet(
    b: Buffer,
    p: number,
    length: number,
    interfaceId: number,
    tsAt: number,
    dataAt: number,
    capturedLength: number,
    originalLength: number,
  ): Frame | null {
    const number = this.frameNumber + 1;
    const iface = this.interfaces[interfaceId];
    if (!iface) {
      this.stop('capture.unknownInterface', { next: number, interface: interfaceId });
      return null;
    }
    if (capturedLength > MAX_PACKET_BYTES || dataAt + capturedLength > p + length - 4) {
      this.stop('capture.frameTooLong', { next: number, length: capturedLength });
      return null;
    }
    let tsSec = 0;
    let tsNsec = 0;
    const hasTime = tsAt >= 0;
    if (hasTime) [tsSec, tsNsec] = splitTimestamp(this.u32(b, tsAt), this.u32(b, tsAt + 4), iface.unitsPerSecond);
    this.frameNumber = number;
    return this.fill(number, tsSec + iface.offsetSeconds, tsNsec, hasTime, iface.linkType, interfaceId, b, dataAt, capturedLength, originalLength);
  }

  private readonly frame = new ReusedFrame();

  private fill(
    number: number,
    tsSec: number,
    tsNsec: number,
    hasTime: boolean,
    linkType: number,
    interfaceId: number,
    buffer: Uint8Array,
    offset: number,
    captured: number,
    original: number,
  ): Frame {
    const f = this.frame;
    f.number = number;
    f.tsSec = tsSec;
    f.tsNsec = tsNsec;
    f.hasTime = hasTime;
    f.linkType = linkType;
    f.interfaceId = interfaceId;
    f.interfaceName = this.interfaces[interfaceId]?.name ?? null;
    f.buffer = buffer;
    f.offset = offset;
    f.capturedLength = captured;
    f.originalLength = original;
    return f;
  }

  private record(b: Buffer, start: number, end: number): Frame {
    this.frameNumber++;
    return this.fill(this.frameNumber, 0, 0, false, LINKTYPE_RECORD, -1, b, start, end - start, end - start);
  }

  private stop(id: WarningId, params: WarningValues): void {
    this.warnings.push(warning({ id, frame: this.frameNumber, params: { ...params, last: this.frameNumber } }));
    this.done = true;
  }

  close(): void {
    this.file.close();
  }
}

/** A 64-bit timestamp in the given units, as whole seconds and nanoseconds, exactly. */
export function splitTimestamp(high: number, low: number, unitsPerSecond: number): [number, number] {
  const units = high * 4294967296 + low;
  if (units <= Number.MAX_SAFE_INTEGER && Number.isInteger(unitsPerSecond)) {
    const sec = Math.floor(units / unitsPerSecond);
    const rest = units - sec * unitsPerSecond;
    return [sec, Math.round((rest * 1e9) / unitsPerSecond)];
  }
  // Nanosecond (or finer) clocks pass 2^53 units: BigInt keeps them exact.
  const big = (BigInt(high) << 32n) | BigInt(low);
  const per = BigInt(unitsPerSecond);
  const sec = big / per;
  return [Number(sec), Number(((big - sec * per) * 1_000_000_000n) / per)];
}
