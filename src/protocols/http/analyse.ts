import type { Limits } from '../../limits.js';
import type { WarningInput } from '../../warnings.js';
import { mapLimit } from '../../util/map-limit.js';
import type { AnalyseContext, FrameLookup, FramesWanted } from '../slice.js';
import { isSecretName, MASK, maskAll, maskCookies, maskJson, maskParameters, maskSetCookie, maskUserinfo, type Redactor } from '../secrets.js';
import { describeBody } from './body.js';
import { fieldCredentials, headerCredentials } from './credentials.js';
import type { HttpCollector, HttpExchangeRecord } from './dissector.js';
import { headerValue, type HttpHeader, type HttpMessageRecord } from './parser.js';
import type { Http, HttpExchange, HttpRequest, HttpResponse } from './schema.js';
import { packetRows, selectExchanges } from './select.js';

/*
 * HTTP records → model.http: each exchange with its bodies decoded, credentials found
 * (and registered for masking), the packet list and the exchanges the report dissects.
 */

/** Bodies decoded at once: enough to keep zlib's threads busy, few enough that bodies expanding to maxDecodedBytes together stay far under the memory bound. */
const DECODE_CONCURRENCY = 2;

type Warn = (w: WarningInput) => void;

export async function analyseHttp(records: HttpCollector, ctx: AnalyseContext): Promise<Http> {
  const { limits, redactor, warnings } = ctx;
  const warn: Warn = (w) => warnings.add(w);
  const exchanges = await mapLimit(records.exchanges, DECODE_CONCURRENCY, (e) => exchangeModel(e, limits, redactor, warn));
  exchanges.sort((a, b) => citedFrame(a) - citedFrame(b) || a.stream - b.stream);
  numberOnConnection(exchanges);
  continuationWarnings(records, warn);
  if (records.unlisted > 0)
    warnings.add({ id: 'http.exchangesUnlisted', params: { count: records.unlisted, limit: 'maxExchanges', max: limits.maxExchanges } });
  const rows = packetRows(exchanges, records, ctx.connections);
  return {
    exchanges,
    requests: records.requests,
    responses: records.responses,
    exchangesUnlisted: records.unlisted,
    // Lengths (and the times of continuation and gap rows) come from the detail stage.
    packets: rows.slice(0, limits.maxPacketRows).map((r) => ({ ...r, length: 0 })),
    packetsUnlisted: Math.max(0, rows.length - limits.maxPacketRows) + records.continuationsUnlisted,
    selection: selectExchanges(exchanges, ctx.choices),
  };
}

/** The selected requests and their responses are shown in detail; every packet-list row needs its length. */
export function httpFrames(http: Http): FramesWanted {
  const detailed = new Map<number, number>();
  for (const s of Object.values(http.selection)) {
    const e = s && http.exchanges.find((x) => x.request?.frame === s.frame);
    if (!e) continue;
    detailed.set(e.request!.frame, e.stream);
    if (e.response) detailed.set(e.response.frame, e.stream);
  }
  return { detailed, listed: http.packets.map((p) => p.frame) };
}

export function httpDetailed(http: Http, lookup: FrameLookup): void {
  for (const p of http.packets) {
    const basic = lookup.basics.get(p.frame);
    p.length = basic?.length ?? 0;
    if (Number.isNaN(p.time)) p.time = basic?.time ?? 0;
  }
}

async function exchangeModel(e: HttpExchangeRecord, limits: Limits, redactor: Redactor, warnAnywhere: Warn): Promise<HttpExchange> {
  const warn: Warn = (w) => warnAnywhere({ ...w, stream: e.stream });
  const request = e.request ? await requestModel(e.request, limits, redactor, warn) : null;
  const responseOf = (r: HttpMessageRecord) => responseModel(r, request, limits, redactor, warn);
  return {
    stream: e.stream,
    client: e.client,
    server: e.server,
    request,
    response: e.response ? await responseOf(e.response) : null,
    informational: await Promise.all(e.informational.map(responseOf)),
    informationalUnlisted: e.informationalUnlisted ?? 0,
    index: 1,
    ofConnection: 1,
    // An HTTP/2 stream (http2/records.ts): the exchange says so, with its stream id.
    ...('streamId' in e && typeof e.streamId === 'number' ? { version: 'HTTP/2' as const, streamId: e.streamId } : {}),
  };
}

async function common(m: HttpMessageRecord, limits: Limits, redactor: Redactor, warn: Warn) {
  const mask = (text: string) => maskAll(text, redactor, maskParameters, maskJson, maskUserinfo).text;
  const body = m.body
    ? await describeBody(m.body, m.headers, limits, mask, (problem) => warn({ id: 'http.decodeError', frame: m.frame, params: { ...problem, kind: m.kind } }))
    : null;
  return {
    frame: m.frame,
    frames: m.segments.map((s) => s.frame),
    segments: m.segments,
    framesUnlisted: m.unlistedFrames,
    time: round(m.time),
    version: m.version,
    ...('pseudoHeaders' in m && Array.isArray(m.pseudoHeaders) ? { pseudoHeaders: m.pseudoHeaders as HttpHeader[] } : {}),
    headers: m.headers,
    headerBytes: m.headerBytes,
    body,
    complete: m.complete,
    problems: m.problems,
  };
}

async function requestModel(m: HttpMessageRecord, limits: Limits, redactor: Redactor, warn: Warn): Promise<HttpRequest> {
  const base = await common(m, limits, redactor, warn);
  const query = queryFields(m.uri);
  const credentials = [
    ...m.headers.filter((h) => /^(proxy-)?authorization$/i.test(h.name)).map((h) => headerCredentials(h.name, h.value, redactor)),
    ...fieldCredentials('query', query, redactor),
    ...fieldCredentials('form', base.body?.form ?? [], redactor),
  ];
  // Mask by position: the query's and the form's password-like values, the URI's, the headers', the body text's.
  const secret = (f: { name: string; value: string | null }) => f.value !== null && f.value !== '' && isSecretName(f.name);
  for (const field of query) if (secret(field)) field.value = redactor.masked(field.value);
  for (const field of base.body?.form ?? []) {
    if (!secret(field)) continue;
    field.value = redactor.masked(field.value!);
    field.masked = !redactor.reveal;
  }
  const uri = maskAll(m.uri, redactor, maskParameters, maskUserinfo).text;
  maskMessage(base, redactor, true);
  return { ...base, method: m.method, uri, fullUri: maskAll(fullUri(m), redactor, maskParameters, maskUserinfo).text, query, credentials };
}

/** The secrets in a message's header values and body text, masked where they stand (and registered for the raw text views). */
function maskMessage(base: { headers: { name: string; value: string }[]; body: HttpRequest['body'] }, redactor: Redactor, request: boolean): void {
  base.headers = base.headers.map((h) => {
    const name = h.name.toLowerCase();
    if (request && (name === 'authorization' || name === 'proxy-authorization')) {
      const scheme = /^\s*\S+/.exec(h.value)?.[0] ?? '';
      return { name: h.name, value: redactor.reveal ? h.value : `${scheme} ${MASK}`.trim() };
    }
    if (name === 'cookie') return { name: h.name, value: maskAll(h.value, redactor, maskCookies).text };
    if (name === 'set-cookie') return { name: h.name, value: maskAll(h.value, redactor, maskSetCookie).text };
    if (name === 'referer' || name === 'location' || name === 'content-location' || name === 'origin')
      return { name: h.name, value: maskAll(h.value, redactor, maskParameters, maskUserinfo).text };
    return h;
  });
}

async function responseModel(m: HttpMessageRecord, request: HttpRequest | null, limits: Limits, redactor: Redactor, warn: Warn): Promise<HttpResponse> {
  const base = await common(m, limits, redactor, warn);
  maskMessage(base, redactor, false);
  return {
    ...base,
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
  // HTTP/2 names the scheme and the host in :scheme and :authority (RFC 9113 section 8.3.1).
  if ('authority' in m && typeof m.authority === 'string' && m.authority)
    return `${'scheme' in m && m.scheme ? String(m.scheme) : 'https'}://${m.authority}${m.uri}`;
  const host = headerValue(m.headers, 'host') ?? '';
  return `http://${host}${m.uri === '*' ? '' : m.uri.startsWith('/') ? m.uri : `/${m.uri}`}`;
}

/** One warning per connection whose messages began before the capture did (or in a hole). */
function continuationWarnings(records: HttpCollector, warn: Warn): void {
  const seen = new Map<string, { first: number; frames: number; bytes: number }>();
  for (const c of records.continuations) {
    const key = `${c.stream} ${c.fromClient}`;
    const s = seen.get(key) ?? { first: c.frame, frames: 0, bytes: 0 };
    s.frames++;
    s.bytes += c.bytes;
    seen.set(key, s);
  }
  for (const [key, s] of seen) {
    const [stream, fromClient] = key.split(' ');
    warn({
      id: 'http.continuation',
      frame: s.first,
      stream: Number(stream),
      params: { bytes: s.bytes, kind: fromClient === 'true' ? 'request' : 'response', frames: s.frames, first: s.first },
    });
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
export function round(seconds: number): number {
  return Math.round(seconds * 1e9) / 1e9;
}
