import type { Arrival, StreamHandler } from '../../reassembly/tcp-stream.js';
import { detectHttp2 } from './index.js';

/** Client bytes looked at before a connection that has not shown the HTTP/2 preface or an h2c Upgrade is taken for HTTP/1.x. */
const MAX_SWITCH_BYTES = 4096;

type Held =
  | { kind: 'data'; fromClient: boolean; bytes: Uint8Array; frame: number; time: number; completedIn: Arrival | undefined }
  | { kind: 'gap'; fromClient: boolean; length: number; frame: number; time: number }
  | { kind: 'end'; fromClient: boolean; closedIn: Arrival | undefined };

/** HTTP/1.x or HTTP/2 (preface, or Upgrade: h2c), chosen by the client's first bytes; what came before is replayed. */
export class HttpVersionSwitch implements StreamHandler {
  private target: StreamHandler | null = null;
  private held: Held[] = [];
  private client = Buffer.alloc(0);
  private ended = { client: false, server: false };

  constructor(
    private readonly http1: () => StreamHandler,
    private readonly http2: () => StreamHandler,
  ) {}

  data(fromClient: boolean, bytes: Uint8Array, frame: number, time: number, completedIn?: Arrival): void {
    if (this.target) return this.target.data(fromClient, bytes, frame, time, completedIn);
    this.held.push({ kind: 'data', fromClient, bytes: Buffer.from(bytes), frame, time, completedIn });
    if (!fromClient) return;
    this.client = Buffer.concat([this.client, bytes.subarray(0, Math.max(0, MAX_SWITCH_BYTES - this.client.length))]);
    const verdict = detectHttp2(this.client, new Uint8Array(0));
    if (verdict === 'yes') this.choose(this.http2());
    else if (verdict === 'no' || this.client.length >= MAX_SWITCH_BYTES) this.choose(this.http1());
  }

  gap(fromClient: boolean, length: number, frame: number, time: number): void {
    if (this.target) return this.target.gap(fromClient, length, frame, time);
    this.held.push({ kind: 'gap', fromClient, length, frame, time });
    // Bytes lost before the choice: what follows cannot be told apart, HTTP/1.x reads it as continuation.
    if (fromClient) this.choose(this.http1());
  }

  end(fromClient: boolean, closedIn?: Arrival): void {
    if (this.target) return this.target.end(fromClient, closedIn);
    this.held.push({ kind: 'end', fromClient, closedIn });
    this.ended[fromClient ? 'client' : 'server'] = true;
    if (this.ended.client && this.ended.server) this.choose(this.http1());
  }

  private choose(target: StreamHandler): void {
    this.target = target;
    const held = this.held;
    this.held = [];
    this.client = Buffer.alloc(0);
    for (const h of held) {
      if (h.kind === 'data') target.data(h.fromClient, h.bytes, h.frame, h.time, h.completedIn);
      else if (h.kind === 'gap') target.gap(h.fromClient, h.length, h.frame, h.time);
      else target.end(h.fromClient, h.closedIn);
    }
  }
}
