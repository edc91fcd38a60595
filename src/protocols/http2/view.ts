import { format } from '../../knowledge/index.js';
import { explainHttp2 } from '../../knowledge/http2/index.js';
import { http2UiEn } from '../../knowledge/http2/ui-en.js';
import { http2UiZh } from '../../knowledge/http2/ui-zh.js';
import type { Block, ViewContext } from '../../render/context.js';
import type { Http, HttpExchange } from '../http/schema.js';

/* Block http.http2: the anatomy of one HTTP/2 exchange, and HTTP/1.1 beside HTTP/2 when both are present. */

export const HTTP2_UI = { en: http2UiEn, zh: http2UiZh };

const isH2 = (e: HttpExchange) => e.version === 'HTTP/2';

/** The exchange to show: a complete, client-opened one, a page (GET /) first. */
function chosen(h2: HttpExchange[]): HttpExchange | undefined {
  const score = (e: HttpExchange) =>
    (e.request?.version === 'HTTP/2' ? 4 : 0) + (e.response ? 2 : 0) + (e.request?.method === 'GET' ? 1 : 0) + (e.request?.uri === '/' ? 1 : 0);
  return [...h2].sort((a, b) => score(b) - score(a) || (a.request?.frame ?? 0) - (b.request?.frame ?? 0))[0];
}

const CONCEPTS = ['binary-framing', 'streams', 'multiplexing', 'stream-ids', 'header-compression', 'lower-case-names', 'no-reason-phrase'] as const;

export function http2Block(http: Http, ctx: ViewContext): Block {
  const w = HTTP2_UI[ctx.lang];
  const h2 = http.exchanges.filter(isH2);
  const e = chosen(h2);
  if (!e || !e.request) return { partial: 'http2/exchange', data: null };
  const q = e.request;
  const r = e.response;
  const connections = new Set(h2.map((x) => x.stream)).size;
  const meaning = (name: string) => explainHttp2('pseudoHeaders', name, ctx.lang);
  const row = (name: string, value: string) => {
    const m = meaning(name);
    return { field: name, value, meaning: m ? ctx.explained(m) : w.h2None };
  };
  const names = (headers: readonly { name: string }[]) => headers.map((h) => h.name).join(', ') || w.h2None;
  const bodyRow = (b: HttpExchange['request'] extends infer M ? (M extends { body: infer B } ? B : null) : null) => ({
    field: w.h2Body,
    value: b ? format(w.h2BodyValue, ctx.bytes(b.length)) : w.h2BodyNone,
    meaning: w.h2BodyMeaning,
  });
  const request = [
    ...(q.pseudoHeaders ?? []).map((p) => row(p.name, p.value)),
    { field: w.h2HeaderFields, value: format(w.h2HeaderFieldsValue, q.headers.length, names(q.headers)), meaning: w.h2HeaderFieldsMeaning },
    bodyRow(q.body),
  ];
  const response = r
    ? [
        ...(r.pseudoHeaders ?? [{ name: ':status', value: String(r.status) }]).map((p) => row(p.name, p.value)),
        { field: w.h2HeaderFields, value: format(w.h2HeaderFieldsValue, r.headers.length, names(r.headers)), meaning: w.h2HeaderFieldsMeaning },
        bodyRow(r.body),
      ]
    : [];
  const onConnection = h2.filter((x) => x.stream === e.stream);
  const concepts = CONCEPTS.flatMap((id) => {
    const c = explainHttp2('concepts', id, ctx.lang);
    return c ? [ctx.explained(c)] : [];
  });
  if (onConnection.length > 1)
    concepts.push(
      format(
        w.h2StreamsHere,
        e.stream,
        onConnection.length,
        ctx.list(onConnection.map((x) => `${x.streamId}: ${x.request?.method ?? ''} ${x.request?.uri ?? ''}`.trim())),
      ),
    );
  return {
    partial: 'http2/exchange',
    data: {
      intro: r
        ? format(w.h2Intro, h2.length, connections, e.streamId, e.stream, `${q.method} ${q.uri}`, q.frame, String(r.status), r.frame)
        : format(w.h2IntroNoResponse, h2.length, connections, e.streamId, e.stream, `${q.method} ${q.uri}`, q.frame),
      requestIntro: w.h2RequestIntro,
      request,
      responseIntro: r ? w.h2ResponseIntro : '',
      response,
      conceptsIntro: w.h2ConceptsIntro,
      concepts,
      compare: compare(http, e, ctx),
    },
  };
}

/** HTTP/1.1 and HTTP/2 side by side, from an exchange of each; null when the capture lacks either. */
function compare(http: Http, h2: HttpExchange, ctx: ViewContext) {
  const w = HTTP2_UI[ctx.lang];
  const h1s = http.exchanges.filter((e) => !isH2(e) && e.request);
  const h1 = h1s.find((e) => e.response) ?? h1s[0];
  if (!h1?.request || !h2.request) return null;
  const all2 = http.exchanges.filter(isH2);
  const q1 = h1.request;
  const q2 = h2.request;
  const pseudo = (q2.pseudoHeaders ?? []).map((p) => `${p.name} ${p.value}`).join(', ');
  const someNames = (hs: readonly { name: string }[]) =>
    hs
      .slice(0, 3)
      .map((h) => h.name)
      .join(', ') || w.h2None;
  return {
    rows: [
      { aspect: w.h2CmpStart, http1: format(w.h2CmpStart1, `${q1.method} ${q1.uri} ${q1.version}`), http2: format(w.h2CmpStart2, pseudo || w.h2None) },
      { aspect: w.h2CmpNames, http1: format(w.h2CmpNames1, someNames(q1.headers)), http2: format(w.h2CmpNames2, someNames(q2.headers)) },
      {
        aspect: w.h2CmpStatus,
        http1: format(w.h2CmpStatus1, h1.response ? `${h1.response.version} ${h1.response.status} ${h1.response.reason}`.trim() : w.h2None),
        http2: format(w.h2CmpStatus2, h2.response ? `:status ${h2.response.status}` : w.h2None),
      },
      { aspect: w.h2CmpFraming, http1: w.h2CmpFraming1, http2: w.h2CmpFraming2 },
      {
        aspect: w.h2CmpConnections,
        http1: format(w.h2CmpConnections1, h1s.length, new Set(h1s.map((e) => e.stream)).size),
        http2: format(w.h2CmpConnections2, all2.length, new Set(all2.map((e) => e.stream)).size),
      },
    ],
  };
}
