import { basename } from 'node:path';
import { linkTypeName } from '../capture/link-types.js';
import type { CaptureRecords, Timestamp } from '../dissect.js';
import type { Limits } from '../limits.js';
import { describeBody } from '../protocols/http/body.js';
import type { HttpExchangeRecord } from '../protocols/http/dissector.js';
import { headerValue, type HttpMessageRecord } from '../protocols/http/parser.js';
import { MODEL_VERSION, type Connection, type HttpExchange, type HttpRequest, type HttpResponse, type ReportModel } from './schema.js';

export interface AnalyseOptions {
  limits: Limits;
  /** Size of the capture file in bytes. */
  fileSize: number;
  /** "labreport x.y.z". */
  generator: string;
}

/** Turn what one pass over the capture found into the ReportModel. */
export async function analyse(records: CaptureRecords, options: AnalyseOptions): Promise<ReportModel> {
  const { limits } = options;
  const warnings = records.warnings;
  const exchanges = await Promise.all(records.http.exchanges.map((e) => exchangeModel(e, limits, (frame, m) => warnings.add(frame, m))));
  exchanges.sort((a, b) => citedFrame(a) - citedFrame(b) || a.stream - b.stream);
  numberOnConnection(exchanges);
  const listed: Connection[] = [];
  for (const conn of records.connections) {
    const protocol = records.connectionProtocols.get(conn.stream) ?? null;
    if (protocol === null || listed.length >= limits.maxConnectionsListed) continue;
    listed.push({
      stream: conn.stream,
      client: conn.client,
      server: conn.server,
      protocol,
      firstFrame: conn.firstFrame,
      lastFrame: conn.lastFrame,
      packets: conn.packets,
      bytes: conn.bytes,
      handshake: conn.synSeen,
      reset: conn.reset,
      lostBytes: conn.toServer.lostBytes + conn.toClient.lostBytes,
      retransmissions: conn.toServer.retransmissions + conn.toClient.retransmissions,
    });
  }
  if (records.http.unlisted > 0)
    warnings.add(undefined, `${records.http.unlisted} HTTP exchanges past the maxExchanges limit (${limits.maxExchanges}) are counted but not listed`);
  const { first, last } = { first: records.firstTime, last: records.lastTime };
  return {
    modelVersion: MODEL_VERSION,
    generator: options.generator,
    capture: {
      file: basename(records.file),
      format: records.format,
      size: options.fileSize,
      packets: records.packets,
      linkTypes: records.linkTypes.map(linkTypeName),
      firstTime: first ? isoTime(first, records.timestampDigits) : null,
      lastTime: last ? isoTime(last, records.timestampDigits) : null,
      duration: first && last ? Math.max(0, round(last.sec - first.sec + (last.nsec - first.nsec) / 1e9)) : 0,
      counts: {
        ipv4: records.counts.ipv4,
        ipv6: records.counts.ipv6,
        tcp: records.counts.tcp,
        notTcp: records.counts.notTcp,
        notIp: records.counts.notIp,
        otherLinkType: records.counts.otherLinkType,
      },
    },
    tcp: { connections: records.connections.length, listed },
    http: {
      exchanges,
      requests: records.http.requests,
      responses: records.http.responses,
      exchangesUnlisted: records.http.unlisted,
    },
    warnings: [...warnings.list].sort((a, b) => (a.frame ?? 0) - (b.frame ?? 0)),
    warningsUnlisted: warnings.unlisted,
  };
}

type Warn = (frame: number, message: string) => void;

async function exchangeModel(e: HttpExchangeRecord, limits: Limits, warn: Warn): Promise<HttpExchange> {
  const request = e.request ? await requestModel(e.request, limits, warn) : null;
  const responseOf = (r: HttpMessageRecord) => responseModel(r, request, limits, warn);
  return {
    stream: e.stream,
    request,
    response: e.response ? await responseOf(e.response) : null,
    informational: await Promise.all(e.informational.map(responseOf)),
    index: 1,
    ofConnection: 1,
  };
}

async function common(m: HttpMessageRecord, limits: Limits, warn: Warn) {
  const body = m.body ? await describeBody(m.body, m.headers, limits) : null;
  if (body?.decodeError) warn(m.frame, `HTTP ${m.kind} in frame ${m.frame}: ${body.decodeError}`);
  return {
    frame: m.frame,
    frames: m.segments.map((s) => s.frame),
    segments: m.segments,
    framesUnlisted: m.unlistedFrames,
    time: round(m.time),
    version: m.version,
    headers: m.headers,
    headerBytes: m.headerBytes,
    body,
    complete: m.complete,
    problems: m.problems,
  };
}

async function requestModel(m: HttpMessageRecord, limits: Limits, warn: Warn): Promise<HttpRequest> {
  return { ...(await common(m, limits, warn)), method: m.method, uri: m.uri, fullUri: fullUri(m) };
}

async function responseModel(m: HttpMessageRecord, request: HttpRequest | null, limits: Limits, warn: Warn): Promise<HttpResponse> {
  return {
    ...(await common(m, limits, warn)),
    status: m.status,
    reason: m.reason,
    timeSinceRequest: request ? round(m.time - request.time) : null,
  };
}

/** Wireshark's "Full request URI": scheme, Host and target. */
function fullUri(m: HttpMessageRecord): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(m.uri)) return m.uri;
  const host = headerValue(m.headers, 'host') ?? '';
  if (m.method === 'CONNECT') return m.uri;
  return `http://${host}${m.uri.startsWith('/') || m.uri === '*' ? '' : '/'}${m.uri === '*' ? '' : m.uri}`;
}

/** The frame an exchange is listed at: its request's, or its first response's. */
function citedFrame(e: HttpExchange): number {
  return e.request?.frame ?? e.informational[0]?.frame ?? e.response?.frame ?? 0;
}

/** Request n of m on its connection, for "request 2 of 5 on this connection". */
function numberOnConnection(exchanges: HttpExchange[]): void {
  const totals = new Map<number, number>();
  for (const e of exchanges) totals.set(e.stream, (totals.get(e.stream) ?? 0) + 1);
  const seen = new Map<number, number>();
  for (const e of exchanges) {
    const n = (seen.get(e.stream) ?? 0) + 1;
    seen.set(e.stream, n);
    e.index = n;
    e.ofConnection = totals.get(e.stream)!;
  }
}

/** Round to nanoseconds, so floating-point noise never reaches the JSON. */
function round(seconds: number): number {
  return Math.round(seconds * 1e9) / 1e9;
}

/** ISO 8601 UTC with as many fractional digits as the capture's clock had. */
export function isoTime(t: Timestamp, digits: number): string {
  const date = new Date(t.sec * 1000);
  const fraction = String(t.nsec).padStart(9, '0').slice(0, digits);
  // A damaged timestamp can lie outside what Date represents: show the raw seconds then.
  if (Number.isNaN(date.getTime())) return `@${t.sec}.${fraction}`;
  return `${date.toISOString().slice(0, 19)}.${fraction}Z`;
}
