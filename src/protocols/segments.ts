import type { Arrival } from '../reassembly/tcp-stream.js';
import type { Segment } from './schema.js';

/** The frames one message's bytes came in, with how many bytes each gave: the model's Segment. */
export type SegmentRef = Segment;

/**
 * Builds a message's segment list as its bytes arrive, as Wireshark's
 * "N Reassembled TCP Segments (X bytes): #f1(b1), #f2(b2)…". Bounded: a message
 * spanning more frames than `limit` keeps the first ones and counts the rest.
 */
export class SegmentList {
  readonly list: SegmentRef[] = [];
  /** Frames past the limit, not listed. */
  unlisted = 0;
  totalBytes = 0;
  lastFrame = 0;
  lastTime = 0;
  /**
   * Where Wireshark shows the message: the frame whose arrival completed it. The frame of
   * its last byte, unless that byte came out of order and a later frame filled the hole.
   */
  shownFrame = 0;
  shownTime = 0;
  private lastListed = false;

  constructor(private readonly limit: number) {}

  add(frame: number, bytes: number, time: number, completedIn?: Arrival): void {
    this.totalBytes += bytes;
    this.lastTime = time;
    this.shownFrame = completedIn?.frame ?? frame;
    this.shownTime = completedIn?.time ?? time;
    if (frame === this.lastFrame) {
      if (this.lastListed) this.list[this.list.length - 1]!.bytes += bytes;
    } else if (this.list.length < this.limit) {
      this.list.push({ frame, bytes });
      this.lastListed = true;
    } else {
      this.unlisted++;
      this.lastListed = false;
    }
    this.lastFrame = frame;
  }

  get firstFrame(): number {
    return this.list[0]?.frame ?? this.lastFrame;
  }
}
