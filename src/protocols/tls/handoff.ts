import type { Arrival, StreamHandler } from '../../reassembly/tcp-stream.js';
import type { DissectorContext } from '../protocol.js';

/** A mail dissector's STARTTLS: later bytes go to TLS; what decrypts comes back to `own`, so one session goes on. */
export class StartTlsHandoff {
  private tls: StreamHandler | null = null;
  /** Decrypted bytes have come back: the session goes on inside TLS. */
  decrypting = false;

  /** The server accepted STARTTLS: hand the connection over. */
  start(ctx: DissectorContext, startedBy: string, own: StreamHandler): void {
    if (!ctx.startTls || this.tls) return;
    this.tls = ctx.startTls(ctx, startedBy, {
      data: (fromClient, bytes, frame, time, completedIn) => {
        this.decrypting = true;
        own.data(fromClient, bytes, frame, time, completedIn);
      },
      gap: (fromClient, length, frame, time) => own.gap(fromClient, length, frame, time),
      end: () => {}, // the dissector's own end follows the connection's
    });
  }

  data(fromClient: boolean, bytes: Uint8Array, frame: number, time: number, completedIn?: Arrival): void {
    this.tls?.data(fromClient, bytes, frame, time, completedIn);
  }

  gap(fromClient: boolean, length: number, frame: number, time: number): void {
    this.tls?.gap(fromClient, length, frame, time);
  }

  end(fromClient: boolean, closedIn?: Arrival): void {
    this.tls?.end(fromClient, closedIn);
  }
}
