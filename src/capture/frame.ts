import type { Warning } from '../report/schema.js';
/** One captured frame, as a capture reader hands it on. */
export interface Frame {
  /** 1-based number in file order, exactly as Wireshark numbers frames. */
  number: number;
  /** Absolute time: whole seconds since the Unix epoch, and nanoseconds within that second. */
  tsSec: number;
  tsNsec: number;
  /** False for records that carry no timestamp (pcapng Simple Packet and custom blocks). */
  hasTime: boolean;
  /** pcap LINKTYPE_* value of the interface the frame was captured on. */
  linkType: number;
  /** pcapng: the interface's id within its section; -1 in a pcap file (which has no interfaces) and for records without one. */
  interfaceId: number;
  /** pcapng: the interface's if_name, when its IDB names it. */
  interfaceName: string | null;
  /** Bytes present in the file for this frame. */
  capturedLength: number;
  /** Bytes the frame had on the wire (more than capturedLength when cut by snaplen). */
  originalLength: number;
  /** The reader's buffer, and where this frame's bytes start in it (the hot path reads them in place). */
  buffer: Uint8Array;
  offset: number;
  /** The captured bytes, as a view of `buffer`. */
  readonly data: Uint8Array;
}

/**
 * The frame object a reader hands out: one per reader, refilled by every `next()`, so
 * reading allocates nothing per frame. Valid only until the next call; copy what must
 * outlive it.
 */
export class ReusedFrame implements Frame {
  number = 0;
  tsSec = 0;
  tsNsec = 0;
  hasTime = true;
  linkType = 0;
  interfaceId = -1;
  interfaceName: string | null = null;
  capturedLength = 0;
  originalLength = 0;
  buffer: Uint8Array = new Uint8Array(0);
  offset = 0;

  get data(): Uint8Array {
    return this.buffer.subarray(this.offset, this.offset + this.capturedLength);
  }
}

export type CaptureFormat = 'pcap' | 'pcapng';

/** Interfaces described per capture, beyond which they are counted (a pcapng file may declare thousands). */
export const MAX_INTERFACES_DESCRIBED = 16;
/** Characters kept of a descriptive option (an OS name, an application's name and version). */
export const MAX_DESCRIPTION_CHARS = 200;

/** The first section header's shb_os, shb_hardware and shb_userappl, and the interfaces' if_name and if_description (pcapng §4.1, §4.2). */
export interface CaptureOrigin {
  os: string | null;
  hardware: string | null;
  application: string | null;
  interfaces: { name: string | null; description: string | null; linkType: number }[];
  /** Interfaces past MAX_INTERFACES_DESCRIBED: counted, not described. */
  interfacesUnlisted: number;
}

/** Something wrong found while reading; reading may or may not have gone on. Its frame is the one it concerns, or the last frame read before it. */
export type ReadWarning = Warning;

/** A capture reader: frames in file order, one at a time, in bounded memory. */
export interface CaptureReader {
  readonly format: CaptureFormat;
  /** The next frame, or null at the end of the file (or where reading had to stop). */
  next(): Frame | null;
  /** Problems found so far (damage, skipped blocks). */
  readonly warnings: ReadWarning[];
  /** Link types of the interfaces seen so far (pcap: the one in the file header). */
  readonly linkTypes: number[];
  /** What a pcapng file says about where it was made (null for pcap, which says nothing). */
  readonly origin: CaptureOrigin | null;
  /** Decimal digits of timestamp precision: 6 (microseconds) or 9 (nanoseconds). */
  readonly timestampDigits: number;
  /** Bytes consumed so far, for progress reporting. */
  readonly bytesRead: number;
  close(): void;
}

/** A file that is not a capture we can read at all: reported as one line, exit code 2. */
export class CaptureError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'CaptureError';
  }
}
