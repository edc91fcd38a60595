import Queue from 'yocto-queue';
import type { Limits } from '../../limits.js';
import type { Arrival, Endpoint, StreamHandler } from '../../reassembly/tcp-stream.js';
import type { DissectorContext } from '../protocol.js';
import type { WarningValues } from '../../knowledge/warnings.js';
import type { WarningId } from '../../warnings.js';
import { HttpParser, type BodyBudget, type HttpMessageRecord } from './parser.js';

/** A request and the response that answered it, as Wireshark pairs them (http.request_in / http.response_in). */
export interface HttpExchangeRecord {
  stream: number;
  client: Endpoint;
  server: Endpoint;
  request: HttpMessageRecord | null;
  /** The final (non-1xx) response; null if it was not captured. */
  response: HttpMessageRecord | null;
  /** Interim 1xx responses (100 Continue, 103 Early Hints) sent before the final one. */
  informational: HttpMessageRecord[];
  /** Interim responses past maxReplies: counted, not kept (set once there is one). */
  informationalUnlisted?: number;
  /** Whether the exchange is listed in the model (false past maxExchanges: counted only). */
  listed: boolean;
}

/** A frame whose HTTP bytes continue a message whose start was not captured (Wireshark's "Continuation"). */
export interface HttpContinuation {
  stream: number;
  frame: number;
  fromClient: boolean;
  bytes: number;
}

/** Where a capture's HTTP exchanges are gathered, bounded by maxExchanges (and continuations by maxPacketRows). */
export class HttpCollector {
  readonly exchanges: HttpExchangeRecord[] = [];
  readonly continuations: HttpContinuation[] = [];
  requests = 0;
  responses = 0;
  /** Exchanges past maxExchanges: counted, not kept. */
  unlisted = 0;
  continuationsUnlisted = 0;
  readonly budget: BodyBudget;

  constructor(private readonly limits: Limits) {
    this.budget = { remaining: limits.maxKeptBodyBytes };
  }

  /** Whether another exchange will still be listed. */
  get full(): boolean {
    return this.exchanges.length >= this.limits.maxExchanges;
  }

  add(exchange: HttpExchangeRecord): void {
    exchange.listed = !this.full;
    if (exchange.listed) this.exchanges.push(exchange);
    else this.unlisted++;
  }

  continuation(c: HttpContinuation): void {
    const last = this.continuations[this.continuations.length - 1];
    if (last && last.frame === c.frame && last.stream === c.stream) last.bytes += c.bytes;
    else if (this.continuations.length < this.limits.maxPacketRows) this.continuations.push(c);
    else this.continuationsUnlisted++;
  }
}

/**
 * One HTTP connection: a parser per direction, and the pairing of each final response
 * with the oldest request still waiting (HTTP/1.1 answers in order, pipelined or not).
 */
export class HttpDissector implements StreamHandler {
  private readonly requests: HttpParser;
  private readonly responses: HttpParser;
  /** The connection, as each exchange records it. */
  private readonly ends: { stream: number; client: Endpoint; server: Endpoint };
  /**
   * Requests whose head was seen and whose final response has not come, oldest first: a
   * queue, so a flood of pipelined requests pairs in linear time. A request past
   * maxExchanges keeps only its method (which frames its response); its exchange is null.
   */
  private readonly waiting = new Queue<{ method: string; exchange: HttpExchangeRecord | null }>();

  constructor(
    private readonly ctx: DissectorContext,
    private readonly collector: HttpCollector,
  ) {
    const stream = ctx.conn.stream;
    this.ends = { stream, client: ctx.conn.client, server: ctx.conn.server };
    const warn = (frame: number, id: WarningId, params: WarningValues) => ctx.warnings.add({ id, frame, stream, params });
    const opaque = (id: WarningId, params: WarningValues) => {
      ctx.warnings.add({ id, frame: ctx.conn.lastFrame, stream, params });
      this.requests.stop();
      this.responses.stop();
    };
    const continuation = (fromClient: boolean) => (frame: number, bytes: number) => collector.continuation({ stream, frame, fromClient, bytes });
    this.requests = new HttpParser(
      'request',
      {
        continuation: continuation(true),
        detail: () => !collector.full,
        head: (msg) => {
          collector.requests++;
          if (collector.full) {
            collector.unlisted++; // counted; its response is framed by its method alone
            this.waiting.enqueue({ method: msg.method, exchange: null });
            return;
          }
          const exchange: HttpExchangeRecord = { ...this.ends, request: msg, response: null, informational: [], listed: true };
          collector.add(exchange);
          this.waiting.enqueue({ method: msg.method, exchange });
        },
        message: () => {},
        opaque,
        warn,
      },
      ctx.limits,
      collector.budget,
      undefined,
      ctx.spooler,
    );
    this.responses = new HttpParser(
      'response',
      {
        continuation: continuation(false),
        detail: () => {
          const next = this.waiting.peek();
          return next ? next.exchange !== null : !collector.full;
        },
        head: () => {},
        message: (msg) => this.response(msg),
        opaque,
        warn,
      },
      ctx.limits,
      collector.budget,
      { pendingMethod: () => this.waiting.peek()?.method },
      ctx.spooler,
    );
  }

  private response(msg: HttpMessageRecord): void {
    this.collector.responses++;
    const interim = msg.status >= 100 && msg.status < 200 && msg.status !== 101;
    const waiting = this.waiting.peek();
    if (interim) {
      const exchange = waiting?.exchange;
      if (exchange && exchange.informational.length < this.ctx.limits.maxReplies) exchange.informational.push(msg);
      else if (exchange) exchange.informationalUnlisted = (exchange.informationalUnlisted ?? 0) + 1;
      else if (!waiting) this.collector.add({ ...this.ends, request: null, response: null, informational: [msg], listed: true });
      return;
    }
    if (waiting) {
      if (waiting.exchange) waiting.exchange.response = msg;
      this.waiting.dequeue();
    } else {
      // The request was not captured (the capture began mid-connection, or it fell in a gap).
      this.collector.add({ ...this.ends, request: null, response: msg, informational: [], listed: true });
    }
  }

  data(fromClient: boolean, bytes: Uint8Array, frame: number, time: number, completedIn?: Arrival): void {
    (fromClient ? this.requests : this.responses).data(bytes, frame, time, completedIn);
  }

  gap(fromClient: boolean, length: number): void {
    (fromClient ? this.requests : this.responses).gap(length);
  }

  end(fromClient: boolean, closedIn?: Arrival): void {
    (fromClient ? this.requests : this.responses).end(closedIn);
  }
}
