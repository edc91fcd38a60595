import type { Arrival, StreamHandler, TcpConnection } from '../reassembly/tcp-stream.js';
import type { DissectorContext, Protocol } from './protocol.js';

/** Bytes each side may send before a connection no protocol claims is given up on. */
const MAX_DETECTION_BYTES = 4096;

type Held =
  | { kind: 'data'; fromClient: boolean; bytes: Uint8Array; frame: number; time: number; completedIn: Arrival | undefined }
  | { kind: 'gap'; fromClient: boolean; length: number; frame: number; time: number }
  | { kind: 'end'; fromClient: boolean; closedIn: Arrival | undefined };

/**
 * Sits in front of a new connection until its protocol is known: by content (an HTTP
 * request line, an SMTP banner answered by EHLO, a POP3 +OK), or, failing that, by port.
 * Then it replays what it held to that protocol's dissector and steps aside.
 */
export class ProtocolRouter implements StreamHandler {
  private held: Held[] = [];
  private client: Uint8Array = new Uint8Array(0);
  private server: Uint8Array = new Uint8Array(0);
  private target: StreamHandler | null = null;
  private decided = false;
  private ended = { client: false, server: false };

  constructor(
    private readonly conn: TcpConnection,
    private readonly protocols: readonly Protocol[],
    private readonly context: Omit<DissectorContext, 'conn'>,
    private readonly onChosen: (protocol: Protocol | null) => void,
  ) {}

  data(fromClient: boolean, bytes: Uint8Array, frame: number, time: number, completedIn?: Arrival): void {
    if (this.decided) return this.target?.data(fromClient, bytes, frame, time, completedIn);
    this.held.push({ kind: 'data', fromClient, bytes: Buffer.from(bytes), frame, time, completedIn });
    if (fromClient && this.client.length < MAX_DETECTION_BYTES) this.client = concat(this.client, bytes);
    if (!fromClient && this.server.length < MAX_DETECTION_BYTES) this.server = concat(this.server, bytes);
    this.decide(false);
  }

  gap(fromClient: boolean, length: number, frame: number, time: number): void {
    if (this.decided) return this.target?.gap(fromClient, length, frame, time);
    this.held.push({ kind: 'gap', fromClient, length, frame, time });
  }

  end(fromClient: boolean, closedIn?: Arrival): void {
    if (this.decided) return this.target?.end(fromClient, closedIn);
    this.held.push({ kind: 'end', fromClient, closedIn });
    if (fromClient) this.ended.client = true;
    else this.ended.server = true;
    this.decide(this.ended.client && this.ended.server);
  }

  private decide(final: boolean): void {
    const answers = this.protocols.map((p) => ({ p, answer: p.detect(this.client, this.server) }));
    const byPort = (p: Protocol) => p.ports.includes(this.conn.server.port) || p.ports.includes(this.conn.client.port);
    const yes = answers.filter((a) => a.answer === 'yes').sort((a, b) => Number(byPort(b.p)) - Number(byPort(a.p)));
    const unsure = answers.some((a) => a.answer === 'unsure');
    const exhausted = final || this.client.length >= MAX_DETECTION_BYTES || this.server.length >= MAX_DETECTION_BYTES;
    let chosen: Protocol | null | undefined;
    if (yes[0]) chosen = yes[0].p;
    else if (!unsure || exhausted) {
      // No content match: a registered port still claims the connection (it may have begun mid-message).
      const onPort = this.protocols.find(byPort);
      chosen = onPort && (this.client.length > 0 || this.server.length > 0) ? onPort : exhausted || !unsure ? null : undefined;
    }
    if (chosen === undefined) return;
    this.decided = true;
    this.onChosen(chosen);
    this.target = chosen ? chosen.open({ ...this.context, conn: this.conn }) : null;
    const held = this.held;
    this.held = [];
    this.client = this.server = new Uint8Array(0);
    if (!this.target) return;
    for (const h of held) {
      if (h.kind === 'data') this.target.data(h.fromClient, h.bytes, h.frame, h.time, h.completedIn);
      else if (h.kind === 'gap') this.target.gap(h.fromClient, h.length, h.frame, h.time);
      else this.target.end(h.fromClient, h.closedIn);
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.min(a.length + b.length, MAX_DETECTION_BYTES));
  out.set(a.subarray(0, out.length));
  if (a.length < out.length) out.set(b.subarray(0, out.length - a.length), a.length);
  return out;
}
