import { basename } from 'node:path';
import { linkTypeName } from '../capture/link-types.js';
import type { CaptureRecords, Timestamp } from '../dissect.js';
import type { Limits } from '../limits.js';
import { describeBody } from '../protocols/http/body.js';
import type { HttpExchangeRecord } from '../protocols/http/dissector.js';
import { headerValue, type HttpMessageRecord } from '../protocols/http/parser.js';
import { lookUpFrames } from './frames.js';
import { packetRows, selectExchanges, type FrameChoices } from './http-report.js';
import { MODEL_VERSION } from './model-version.js';
import type { Connection, HttpExchange, HttpRequest, HttpResponse, PacketRow, ReportModel } from './schema.js';
import { mapLimit } from '../util/map-limit.js';
import { pop3Sessions, smtpSessions } from './mail.js';
import { fieldCredentials, headerCredentials, Redactor } from './secrets.js';

/** Bodies decoded at once: enough to keep zlib's threads busy, few enough that bodies expanding to maxDecodedBytes together stay far under the memory bound. */
const DECODE_CONCURRENCY = 2;

export interface AnalyseOptions {
  limits: Limits;
  /** Size of the capture file in bytes. */
  fileSize: number;
  /** "labreport x.y.z". */
  generator: string;
  /** Frames the user chose for the detailed sections. */
  frames?: FrameChoices;
  /** Keep secrets (passwords, tokens) instead of masking them. */
  revealSecrets?: boolean;
}

/** Turn what one pass over the capture found into the ReportModel. */
export async function analyse(records: CaptureRecords, options: AnalyseOptions): Promise<ReportModel> {
  const { limits } = options;
  const warnings = records.warnings;
  const redactor = new Redactor(options.revealSecrets ?? false);
  const warn = (frame: number, m: string) => warnings.add(frame, m);
  const exchanges = await mapLimit(records.http.exchanges, DECODE_CONCURRENCY, (e) => exchangeModel(e, limits, redactor, warn));
  exchanges.sort((a, b) => citedFrame(a) - citedFrame(b) || a.stream - b.stream);
  numberOnConnection(exchanges);

  // In tcp.stream order, as Wireshark lists conversations.
  const listed: Connection[] = [...records.connections]
    .sort((a, b) => a.conn.stream - b.conn.stream)
    .map(({ conn, protocol }) => ({
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
    }));
  continuationWarnings(records, warn);
  if (records.http.unlisted > 0)
    warnings.add(undefined, `${records.http.unlisted} HTTP exchanges past the maxExchanges limit (${limits.maxExchanges}) are counted but not listed`);

  // The sections' choices, then one short second pass for the frames they show in detail and the packet list's lengths.
  const selection = selectExchanges(exchanges, options.frames ?? {});
  const rows = packetRows(exchanges, records);
  const shownRows = rows.slice(0, limits.maxPacketRows);
  const detailed = new Map<number, number>(); // frame → tcp.stream
  for (const s of Object.values(selection)) {
    const e = s && exchanges.find((x) => x.request?.frame === s.frame);
    if (!e) continue;
    detailed.set(e.request!.frame, e.stream);
    if (e.response) detailed.set(e.response.frame, e.stream);
  }
  const frames = lookUpFrames(records.file, new Set(detailed.keys()), new Set(shownRows.map((r) => r.frame)), records.firstTime, detailed);
  const packets: PacketRow[] = shownRows.map((r) => {
    const basic = frames.basics.get(r.frame);
    return { ...r, time: Number.isNaN(r.time) ? (basic?.time ?? 0) : r.time, length: basic?.length ?? 0 };
  });

  const smtp = await smtpSessions(records.smtp.sessions, limits, redactor);
  const pop3 = await pop3Sessions(records.pop3.sessions, limits, redactor);
  const first = records.firstTime;
  const last = records.lastTime;
  const model: ReportModel = {
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
    tcp: { connections: records.connectionCount, listed },
    http: {
      exchanges,
      requests: records.http.requests,
      responses: records.http.responses,
      exchangesUnlisted: records.http.unlisted,
      packets,
      packetsUnlisted: rows.length - shownRows.length + records.http.continuationsUnlisted,
      selection,
    },
    smtp: { sessions: smtp },
    pop3: { sessions: pop3 },
    frames: [...frames.details.values()].sort((a, b) => a.number - b.number),
    warnings: [...warnings.list].sort((a, b) => (a.frame ?? 0) - (b.frame ?? 0)),
    warningsUnlisted: warnings.unlisted,
  };
  // Last: mask every secret found, wherever it appears and however it was encoded.
  return redactor.redactDeep(model);
}

type Warn = (frame: number, message: string) => void;

async function exchangeModel(e: HttpExchangeRecord, limits: Limits, redactor: Redactor, warn: Warn): Promise<HttpExchange> {
  const request = e.request ? await requestModel(e.request, limits, redactor, warn) : null;
  const responseOf = (r: HttpMessageRecord) => responseModel(r, request, limits, warn);
  return {
    stream: e.stream,
    client: e.client,
    server: e.server,
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

async function requestModel(m: HttpMessageRecord, limits: Limits, redactor: Redactor, warn: Warn): Promise<HttpRequest> {
  const base = await common(m, limits, warn);
  const query = queryFields(m.uri);
  const credentials = [
    ...m.headers.filter((h) => /^(proxy-)?authorization$/i.test(h.name)).map((h) => headerCredentials(h.name, h.value, redactor)),
    ...fieldCredentials('query', query, redactor),
    ...fieldCredentials('form', base.body?.form ?? [], redactor),
  ];
  for (const field of base.body?.form ?? []) if (credentials.some((c) => c.scheme === 'form' && c.source === field.name)) field.masked = !redactor.reveal;
  return { ...base, method: m.method, uri: m.uri, fullUri: fullUri(m), query, credentials };
}

async function responseModel(m: HttpMessageRecord, request: HttpRequest | null, limits: Limits, warn: Warn): Promise<HttpResponse> {
  return {
    ...(await common(m, limits, warn)),
    status: m.status,
    reason: m.reason,
    timeSinceRequest: request ? round(m.time - request.time) : null,
  };
}

/** The query string's fields, decoded as a browser's form submission encodes them. */
function queryFields(uri: string): { name: string; value: string }[] {
  const q = uri.indexOf('?');
  if (q < 0) return [];
  try {
    return [...new URLSearchParams(uri.slice(q + 1).split('#')[0])].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** Wireshark's "Full request URI": scheme, Host and target. */
function fullUri(m: HttpMessageRecord): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(m.uri) || m.method === 'CONNECT') return m.uri;
  const host = headerValue(m.headers, 'host') ?? '';
  return `http://${host}${m.uri === '*' ? '' : m.uri.startsWith('/') ? m.uri : `/${m.uri}`}`;
}

/** One warning per connection whose messages began before the capture did (or in a hole). */
function continuationWarnings(records: CaptureRecords, warn: Warn): void {
  const seen = new Map<string, { first: number; frames: number; bytes: number }>();
  for (const c of records.http.continuations) {
    const key = `${c.stream} ${c.fromClient}`;
    const s = seen.get(key) ?? { first: c.frame, frames: 0, bytes: 0 };
    s.frames++;
    s.bytes += c.bytes;
    seen.set(key, s);
  }
  for (const [key, s] of seen) {
    const [stream, fromClient] = key.split(' ');
    warn(
      s.first,
      `TCP stream ${stream}: ${s.bytes} bytes of HTTP ${fromClient === 'true' ? 'request' : 'response'} data in ${s.frames} frame${s.frames > 1 ? 's' : ''} from frame ${s.first} continue a message whose start was not captured (Wireshark: "Continuation")`,
    );
  }
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
