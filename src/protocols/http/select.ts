import { UsageError } from '../../errors.js';
import { warningNote } from '../../knowledge/warnings.js';
import type { Endpoint } from '../../reassembly/tcp-stream.js';
import type { DissectedConnection, FrameChoices } from '../slice.js';
import type { HttpCollector } from './dissector.js';
import type { PacketRow } from '../schema.js';
import type { HttpExchange, HttpRequest, HttpResponse, Selection } from './schema.js';

/*
 * What the HTTP sections of the report dissect: a representative request, a GET and
 * a POST to compare, a conditional GET; chosen automatically, or by frame number from
 * the config (--request, --get, --post). And the packet list, as Wireshark shows it.
 */

const header = (m: HttpRequest | HttpResponse | null, name: string) => m?.headers.find((h) => h.name.toLowerCase() === name)?.value;

/** How well an exchange shows a typical browser request and its answer: a GET for a page, answered in several segments with a content coding. */
function typicalness(e: HttpExchange): number {
  const q = e.request!;
  const r = e.response;
  let score = 0;
  if (q.method === 'GET') score += 4;
  if (r?.status === 200) score += 3;
  if (r?.body?.mediaType === 'text/html') score += 3;
  if (header(q, 'user-agent') && header(q, 'accept')) score += 2;
  if ((r?.segments.length ?? 0) > 1) score += 2;
  if (r?.body?.contentEncoding.length) score += 2;
  if (q.complete && r?.complete) score += 1;
  return score + Math.min(q.headers.length, 20) / 10;
}

/** A POST's answer: success or redirect beats an error. */
function postOutcome(e: HttpExchange): number {
  const status = e.response?.status;
  if (status === undefined) return 0;
  return status < 400 ? 3 : -2;
}

const best = (candidates: HttpExchange[], score: (e: HttpExchange) => number) =>
  candidates.reduce<HttpExchange | null>((top, e) => (top === null || score(e) > score(top) ? e : top), null);

function byFrame(exchanges: HttpExchange[], frame: number, what: string, method?: string): HttpExchange {
  const found = exchanges.find((e) => e.request && (e.request.frame === frame || e.request.frames.includes(frame)));
  if (!found) {
    const frames = exchanges.filter((e) => e.request && (!method || e.request.method === method)).map((e) => e.request!.frame);
    const list = frames.length
      ? `${method ?? 'HTTP'} requests end in frames ${frames.slice(0, 12).join(', ')}${frames.length > 12 ? ', …' : ''}`
      : `the capture has no ${method ?? 'HTTP'} request`;
    throw new UsageError(`${what} ${frame}: no HTTP request in frame ${frame} (${list})`);
  }
  if (method && found.request!.method !== method)
    throw new UsageError(`${what} ${frame}: the request in frame ${frame} is a ${found.request!.method}, not a ${method}`);
  return found;
}

const chosen = (e: HttpExchange | null, by: Selection['chosenBy']): Selection | null => (e ? { frame: e.request!.frame, chosenBy: by } : null);

export function selectExchanges(exchanges: HttpExchange[], choices: FrameChoices) {
  // The examples are HTTP/1.x messages (request line, header lines, blank line): HTTP/2 has its own block (http2/view.ts).
  const withRequest = exchanges.filter((e) => e.request && e.version !== 'HTTP/2');
  const answered = withRequest.filter((e) => e.response);
  const pick = (frame: number | undefined, what: string, method: string | undefined, auto: () => HttpExchange | null) =>
    frame !== undefined ? chosen(byFrame(exchanges, frame, what, method), 'config') : chosen(auto(), 'auto');

  const request = pick(choices.request, '--request', undefined, () => best(answered.length ? answered : withRequest, typicalness));
  const representative = request && exchanges.find((e) => e.request?.frame === request.frame);
  const gets = withRequest.filter((e) => e.request!.method === 'GET');
  // A GET with a query string shows where a GET's parameters travel; else the representative request.
  const withQuery = gets.filter((e) => e.request!.query.length > 0);
  const get = pick(choices.get, '--get', 'GET', () =>
    withQuery.length
      ? best(withQuery, (e) => typicalness(e) + (e.response ? 2 : 0))
      : representative?.request?.method === 'GET'
        ? representative
        : best(gets, (e) => typicalness(e) + (e.response ? 2 : 0)),
  );
  const posts = withRequest.filter((e) => e.request!.method === 'POST');
  const post = pick(choices.post, '--post', 'POST', () =>
    best(
      posts,
      (e) =>
        (e.request!.body?.form ? 4 : 0) +
        (e.request!.body?.mediaType === 'application/x-www-form-urlencoded' ? 2 : 0) +
        (e.response ? 2 : 0) +
        postOutcome(e) -
        e.index / 1000,
    ),
  );
  const conditionals = withRequest.filter((e) => header(e.request, 'if-none-match') !== undefined || header(e.request, 'if-modified-since') !== undefined);
  const conditional = chosen(
    best(conditionals, (e) => (e.response?.status === 304 ? 2 : 0) + (e.response ? 1 : 0)),
    'auto',
  );
  return { request, get, post, conditional };
}

function mediaNote(m: HttpRequest | HttpResponse): string {
  return m.body?.mediaType ? `  (${m.body.mediaType})` : '';
}

/** The packet list with display filter "http": one row per frame that ends an HTTP message, plus continuations and holes. */
export function packetRows(exchanges: HttpExchange[], records: HttpCollector, connections: readonly DissectedConnection[]): Omit<PacketRow, 'length'>[] {
  // Continuation and gap rows get their time from the frame itself (see lookUpFrames); NaN until then.
  const rows: Omit<PacketRow, 'length'>[] = [];
  const ends = new Map<number, { client: Endpoint; server: Endpoint }>();
  for (const e of exchanges) ends.set(e.stream, e);
  for (const { conn, protocol } of connections) if (protocol === 'http') ends.set(conn.stream, conn);
  const row = (stream: number, fromClient: boolean, frame: number, time: number, info: string, kind: PacketRow['kind']) => {
    const c = ends.get(stream);
    if (!c) return;
    const [from, to] = fromClient ? [c.client, c.server] : [c.server, c.client];
    rows.push({ frame, time, source: from.ip, destination: to.ip, protocol: kind === 'gap' ? 'TCP' : 'HTTP', info, kind, stream });
  };
  for (const e of exchanges) {
    const q = e.request;
    if (q) row(e.stream, true, q.frame, q.time, `${q.method} ${q.uri} ${q.version}${mediaNote(q)}`, 'request');
    for (const r of [...e.informational, ...(e.response ? [e.response] : [])])
      row(e.stream, false, r.frame, r.time, `${r.version} ${r.status} ${r.reason}${mediaNote(r)}`, 'response');
  }
  for (const c of records.continuations) row(c.stream, c.fromClient, c.frame, NaN, 'Continuation', 'continuation');
  for (const { conn, protocol } of connections) {
    if (protocol !== 'http') continue;
    for (const g of conn.gaps)
      row(conn.stream, g.fromClient, g.afterFrame, NaN, warningNote({ id: 'note.gapRow', params: { bytes: g.length, why: g.why } }, 'en')!, 'gap');
  }
  // Several messages can end in one frame (pipelining): one row per frame, infos joined, as Wireshark does.
  rows.sort((a, b) => a.frame - b.frame);
  const merged: Omit<PacketRow, 'length'>[] = [];
  for (const r of rows) {
    const last = merged[merged.length - 1];
    if (last && last.frame === r.frame && last.kind === r.kind) last.info += ` , ${r.info}`;
    else merged.push(r);
  }
  return merged;
}
