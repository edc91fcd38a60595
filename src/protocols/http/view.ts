import { explainHeader, explainMethod, explainStatus, explainStatusClass, format, type Language } from '../../knowledge/index.js';
import { HTTP_STATUS } from '../../knowledge/http/facts.js';
import { httpUiEn, type HttpUiKey } from '../../knowledge/http/ui-en.js';
import { httpUiZh } from '../../knowledge/http/ui-zh.js';
import type { Block, PacketListRow, ViewContext } from '../../render/context.js';
import { DAMAGE_MARK, damageNotes, warningsOn } from '../../render/damage.js';
import { detailText, layerLines, reassemblyLine, type DetailLine } from '../../render/details.js';
import type { SliceView } from '../slice.js';
import { answerBlocks } from './answers.js';
import type { Body, Http, HttpExchange, HttpRequest, HttpResponse } from './schema.js';
import { userAgentText } from './user-agent.js';
import { explainValue } from './values.js';

/*
 * The HTTP part of the report: model.http → the data of its blocks (templates/partials/http/).
 * The request and its response are shown as Wireshark shows them (the packet list around
 * them, the packet details), then part by part, each header field and value explained;
 * GET and POST compared; the conditional GET; a summary of the capture's HTTP.
 */

const UI: Record<Language, Record<HttpUiKey, string>> = { en: httpUiEn, zh: httpUiZh };
type Words = Record<HttpUiKey, string>;

/** Lines of a body shown in the report (the model keeps more). */
const PREVIEW_LINES = 8;
/** Characters of a body shown in the report, however few its lines. */
const PREVIEW_CHARS = 1200;
/** Characters of a URI in the all-exchanges table before it is cut. */
const URI_CHARS = 80;

const header = (m: { headers: { name: string; value: string }[] } | null | undefined, name: string): string | undefined =>
  m?.headers.find((h) => h.name.toLowerCase() === name)?.value;
const endpoint = (e: { ip: string; port: number }) => (e.ip.includes(':') ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`);
const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function exchangeAt(http: Http, frame: number | undefined): HttpExchange | null {
  return frame === undefined ? null : (http.exchanges.find((e) => e.request?.frame === frame) ?? null);
}

/** The exchanges on the same connection, in order: for Wireshark's [Prev request in frame] and its kin. */
function neighbours(http: Http, e: HttpExchange) {
  const same = http.exchanges.filter((x) => x.stream === e.stream);
  const at = same.indexOf(e);
  return { prev: same[at - 1] ?? null, next: same[at + 1] ?? null };
}

function versionText(v: string, h: Words): string {
  return v === 'HTTP/1.1' ? h.http11 : v === 'HTTP/1.0' ? h.http10 : format(h.httpOther, v);
}

/** The body's own dissector line in Wireshark, after the HTTP tree: "Line-based text data: text/html (75 lines)". */
function mediaLine(body: Body): DetailLine | null {
  const type = body.mediaType;
  if (!type) return null;
  if (type === 'application/x-www-form-urlencoded') return { depth: 0, text: 'HTML Form URL Encoded: application/x-www-form-urlencoded' };
  if (type === 'application/json') return { depth: 0, text: 'JavaScript Object Notation: application/json' };
  if (type === 'image/png') return { depth: 0, text: 'Portable Network Graphics' };
  if (type === 'image/gif') return { depth: 0, text: 'Compuserve GIF' };
  if (type === 'image/jpeg') return { depth: 0, text: 'JPEG File Interchange Format' };
  if (type.startsWith('text/') && body.text !== null && !body.textTruncated && !body.truncated && body.missingBytes === 0) {
    const lines = body.text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    return { depth: 0, text: `Line-based text data: ${type} (${lines.length} lines)` };
  }
  return null;
}

function headerLines(headers: { name: string; value: string }[]): DetailLine[] {
  const out: DetailLine[] = [];
  for (const hd of headers) {
    out.push({ depth: 1, text: `${hd.name}: ${hd.value}\\r\\n` });
    if (hd.name.toLowerCase() === 'content-length' && /^\d+$/.test(hd.value.trim())) out.push({ depth: 2, text: `[Content length: ${hd.value.trim()}]` });
  }
  return out;
}

/** Wireshark's packet details of the frame ending a request: the layers, the reassembly, the HTTP tree, the form. */
function requestDetails(http: Http, e: HttpExchange, ctx: ViewContext): string | null {
  const q = e.request!;
  const f = ctx.detail(q.frame);
  if (!f) return null;
  const { prev, next } = neighbours(http, e);
  const lines: DetailLine[] = [...layerLines(f)];
  const reassembled = reassemblyLine(q.segments);
  if (reassembled) lines.push(reassembled);
  lines.push({ depth: 0, text: 'Hypertext Transfer Protocol' }, { depth: 1, text: `${q.method} ${q.uri} ${q.version}\\r\\n` });
  lines.push({ depth: 2, text: `Request Method: ${q.method}` }, { depth: 2, text: `Request URI: ${q.uri}` });
  const query = q.uri.indexOf('?');
  if (query >= 0) {
    lines.push({ depth: 3, text: `Request URI Path: ${q.uri.slice(0, query)}` }, { depth: 3, text: `Request URI Query: ${q.uri.slice(query + 1)}` });
    for (const p of q.uri.slice(query + 1).split('&')) lines.push({ depth: 4, text: `Request URI Query Parameter: ${p}` });
  }
  lines.push({ depth: 2, text: `Request Version: ${q.version}` }, ...headerLines(q.headers), { depth: 1, text: '\\r\\n' });
  lines.push({ depth: 1, text: `[Full request URI: ${q.fullUri}]` }, { depth: 1, text: `[HTTP request ${e.index}/${e.ofConnection}]` });
  if (prev?.request) lines.push({ depth: 1, text: `[Prev request in frame: ${prev.request.frame}]` });
  if (e.response) lines.push({ depth: 1, text: `[Response in frame: ${e.response.frame}]` });
  if (next?.request) lines.push({ depth: 1, text: `[Next request in frame: ${next.request.frame}]` });
  if (q.body) {
    lines.push({ depth: 1, text: `File Data: ${q.body.length} bytes` });
    const media = mediaLine(q.body);
    if (media) lines.push(media);
    if (q.body.mediaType === 'application/x-www-form-urlencoded')
      for (const field of q.body.form ?? [])
        lines.push({ depth: 1, text: `Form item: "${field.name}" = "${field.masked ? UI[ctx.lang].httpMasked : (field.value ?? '')}"` });
  }
  return detailText(lines);
}

/** Wireshark's packet details of the frame ending a response. */
function responseDetails(http: Http, e: HttpExchange, ctx: ViewContext): string | null {
  const r = e.response!;
  const f = ctx.detail(r.frame);
  if (!f) return null;
  const { prev, next } = neighbours(http, e);
  const lines: DetailLine[] = [...layerLines(f)];
  const reassembled = reassemblyLine(r.segments);
  if (reassembled) lines.push(reassembled);
  const description = (HTTP_STATUS as Record<number, { reason: string } | undefined>)[r.status]?.reason;
  lines.push({ depth: 0, text: 'Hypertext Transfer Protocol' }, { depth: 1, text: `${r.version} ${r.status} ${r.reason}\\r\\n` });
  lines.push({ depth: 2, text: `Response Version: ${r.version}` }, { depth: 2, text: `Status Code: ${r.status}` });
  if (description) lines.push({ depth: 2, text: `[Status Code Description: ${description}]` });
  lines.push({ depth: 2, text: `Response Phrase: ${r.reason}` }, ...headerLines(r.headers), { depth: 1, text: '\\r\\n' });
  lines.push({ depth: 1, text: `[HTTP response ${e.index}/${e.ofConnection}]` });
  if (r.timeSinceRequest !== null) lines.push({ depth: 1, text: `[Time since request: ${r.timeSinceRequest.toFixed(9)} seconds]` });
  if (prev?.request) lines.push({ depth: 1, text: `[Prev request in frame: ${prev.request.frame}]` });
  if (prev?.response) lines.push({ depth: 1, text: `[Prev response in frame: ${prev.response.frame}]` });
  if (e.request) lines.push({ depth: 1, text: `[Request in frame: ${e.request.frame}]` });
  if (next?.request) lines.push({ depth: 1, text: `[Next request in frame: ${next.request.frame}]` });
  if (next?.response) lines.push({ depth: 1, text: `[Next response in frame: ${next.response.frame}]` });
  if (e.request) lines.push({ depth: 1, text: `[Request URI: ${e.request.fullUri}]` });
  const b = r.body;
  if (b) {
    if (b.framing === 'chunked') lines.push({ depth: 1, text: 'HTTP chunked response' });
    if (b.contentEncoding.length && b.decodedLength !== null)
      lines.push({ depth: 1, text: `Content-encoded entity body (${b.contentEncoding.join(', ')}): ${b.length} bytes -> ${b.decodedLength} bytes` });
    lines.push({ depth: 1, text: `File Data: ${b.decodedLength ?? b.length} bytes` });
    const media = mediaLine(b);
    if (media) lines.push(media);
  }
  return detailText(lines);
}

interface HeaderRow {
  n: number;
  name: string;
  value: string;
  known: boolean;
  title: string;
  text: string;
  ref: string;
  /** What this value says (the q-values, the duration, the charset…), or empty. */
  says: string;
  /** "see Task 1" when the field was explained at an earlier place. */
  again: string;
}

/** The message's header fields, up to maxReportRows (headersMore counts the rest). */
function headerRows(headers: { name: string; value: string }[], ctx: ViewContext): HeaderRow[] {
  return ctx.rows(headers).shown.map((hd, i) => {
    const e = explainHeader(hd.name, ctx.lang);
    const again = e ? ctx.seen(`http.header.${hd.name.toLowerCase()}`) : null;
    return {
      n: i + 1,
      name: hd.name,
      value: hd.value,
      known: e !== null,
      title: e?.title ?? '',
      text: e?.text ?? '',
      ref: e?.ref ?? '',
      says: explainValue(hd.name, hd.value, ctx.lang, headers) ?? '',
      again: again ?? '',
    };
  });
}

function framingText(body: Body, ctx: ViewContext, h: Words): string {
  if (body.framing === 'chunked')
    return format(body.chunks === 1 ? h.httpFramingChunkedOne : h.httpFramingChunked, body.chunks ?? 0, ctx.bytes(body.wireBytes));
  return body.framing === 'content-length' ? format(h.httpFramingLength, ctx.bytes(body.length)) : h.httpFramingClose;
}

function bodyView(body: Body | null, ctx: ViewContext, h: Words) {
  if (!body) return null;
  const coding = body.contentEncoding.join(', ');
  const text = body.text ?? '';
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let preview = lines.slice(0, PREVIEW_LINES).join('\n');
  if (preview.length > PREVIEW_CHARS) preview = `${preview.slice(0, PREVIEW_CHARS)}…`;
  const whole = lines.length <= PREVIEW_LINES && text.length <= PREVIEW_CHARS && !body.textTruncated;
  return {
    mediaType: body.mediaType ? `${body.mediaType}${body.charset ? `; charset=${body.charset}` : ''}` : h.httpUnstated,
    framing: framingText(body, ctx, h),
    coding: body.contentEncoding.length ? format(h.httpCodingApplied, coding) : h.httpCodingNone,
    size:
      body.contentEncoding.length === 0
        ? ctx.bytes(body.length)
        : body.decodedLength !== null
          ? format(h.httpSizeDecoded, coding, ctx.bytes(body.length), ctx.bytes(body.decodedLength))
          : format(h.httpSizeNotDecoded, ctx.bytes(body.length), body.decodeError ?? h.httpNotKept),
    missing: body.missingBytes > 0 ? format(h.httpMissingBytes, ctx.bytes(body.missingBytes)) : '',
    sha256: body.sha256,
    formMore: ctx.rows(body.form ?? [], body.formUnlisted).more,
    form: ctx.rows(body.form ?? []).shown.map((f) => ({
      name: f.name,
      value: f.masked ? h.httpMasked : f.filename ? format(h.httpFile, f.filename, f.contentType ?? h.httpUnstated, ctx.bytes(f.size ?? 0)) : (f.value ?? ''),
      verbatim: !f.masked && !f.filename,
    })),
    preview: text && body.form === null ? preview : '',
    previewIntro: whole ? h.httpPreviewWhole : format(h.httpPreviewIntro, Math.min(PREVIEW_LINES, lines.length), lines.length),
  };
}

function segmentsText(m: HttpRequest | HttpResponse, ctx: ViewContext, h: Words): string {
  if (m.segments.length <= 1) return format(h.httpSegmentsOne, m.frame);
  const list = m.segments.map((s) => `#${s.frame}(${s.bytes})`).join(', ');
  return format(h.httpSegmentsMany, m.segments.length, list) + (m.framesUnlisted ? format(h.httpFramesUnlisted, m.framesUnlisted) : '');
}

function why(q: HttpRequest, r: HttpResponse | null, h: Words): string {
  const html = r?.body?.mediaType === 'text/html';
  if (html && header(q, 'user-agent')?.includes('Mozilla')) return h.httpWhyBrowserPage;
  return html ? h.httpWhyPage : h.httpWhyOther;
}

function requestBlock(http: Http, ctx: ViewContext): Block {
  const h = UI[ctx.lang];
  const e = exchangeAt(http, http.selection.request?.frame);
  if (!e?.request) return ctx.missing(http.exchanges.some((x) => x.version === 'HTTP/2') ? h.httpOnlyHttp2 : h.httpMissingText);
  const q = e.request;
  const method = explainMethod(q.method, ctx.lang);
  const query = q.uri.indexOf('?');
  const target = query >= 0 ? format(h.httpRequestTargetQuery, q.uri.slice(0, query), q.query.length) : h.httpRequestTargetMeaning;
  const context = `${format(ctx.t.streamN, e.stream)}`;
  const reason = `${why(q, e.response, h)}${ctx.lang === 'zh' ? '，' : ', '}${format(h.httpNofM, e.index, e.ofConnection)}`;
  return {
    partial: 'http/request',
    data: {
      intro: withDamage(
        e.response
          ? format(h.httpRequestIntro, q.frame, `${q.method} ${q.uri}`, endpoint(e.client), endpoint(e.server), context, reason, e.response.frame)
          : format(h.httpRequestIntroNoResponse, q.frame, `${q.method} ${q.uri}`, endpoint(e.client), endpoint(e.server), context, reason),
        q,
        e.stream,
        ctx,
      ),
      excerpt: ctx.excerpt([q.frame, ...(e.response ? [e.response.frame] : [])]),
      details: requestDetails(http, e, ctx),
      frame: q.frame,
      parts: [
        { part: h.httpPartMethod, value: q.method, meaning: method ? `${method.text}${ctx.paren(method.ref)}` : h.httpUnknownMethod },
        { part: h.httpPartUri, value: q.uri, meaning: target },
        { part: h.httpPartVersion, value: q.version, meaning: versionText(q.version, h) },
        {
          part: h.httpPartHeaders,
          value: format(h.httpPartHeadersValue, q.headers.length, ctx.bytes(q.headerBytes)),
          meaning: h.httpPartHeadersMeaning,
          plain: true,
        },
        { part: h.httpPartBlank, value: 'CR LF', meaning: h.httpPartBlankMeaning },
        q.body
          ? {
              part: h.httpPartBody,
              value: format(h.httpPartBodyValue, ctx.bytes(q.body.length), q.body.mediaType ?? h.httpUnstated),
              meaning: format(h.httpPartBodyMeaning, framingText(q.body, ctx, h)),
              plain: true,
            }
          : { part: h.httpPartBody, value: h.httpPartBodyNone, meaning: q.method === 'GET' ? h.httpPartBodyNoneGet : h.httpPartBodyNoneMeaning, plain: true },
      ],
      headers: headerRows(q.headers, ctx),
      headersMore: ctx.rows(q.headers).more,
      body: bodyView(q.body, ctx, h),
      credentialsMore: ctx.rows(q.credentials).more,
      credentials: ctx
        .rows(q.credentials)
        .shown.map((c) =>
          format(
            h.httpCredentials,
            c.source,
            c.scheme,
            c.encoding,
            c.user !== null ? format(h.httpCredentialUser, c.user) : '',
            c.secret !== null ? format(h.httpCredentialShown, c.secret) : format(h.httpCredentialMasked, c.secretLength),
          ),
        ),
    },
  };
}

function responseBlock(http: Http, ctx: ViewContext): Block {
  const h = UI[ctx.lang];
  const e = exchangeAt(http, http.selection.request?.frame);
  if (!e?.request) return ctx.missing(http.exchanges.some((x) => x.version === 'HTTP/2') ? h.httpOnlyHttp2 : h.httpMissingText);
  const r = e.response;
  if (!r) return ctx.missing(h.httpResponseMissing);
  const s = explainStatus(r.status, ctx.lang);
  const cls = explainStatusClass(r.status, ctx.lang);
  return {
    partial: 'http/response',
    data: {
      intro: withDamage(
        format(h.httpResponseIntro, r.frame, endpoint(e.server), endpoint(e.client), format(ctx.t.secondsN, (r.timeSinceRequest ?? 0).toFixed(6))),
        r,
        e.stream,
        ctx,
      ),
      details: responseDetails(http, e, ctx),
      frame: r.frame,
      parts: [
        { part: h.httpPartStatusVersion, value: r.version, meaning: versionText(r.version, h) },
        {
          part: h.httpPartStatus,
          value: String(r.status),
          meaning: `${s ? ctx.explained(s) : h.httpUnknownStatus}${cls ? ctx.paren(format(h.httpStatusClass, `${Math.floor(r.status / 100)}xx`, cls.title)) : ''}`,
        },
        { part: h.httpPartReason, value: r.reason, meaning: h.httpReasonMeaning },
        {
          part: h.httpPartHeaders,
          value: format(h.httpPartHeadersValue, r.headers.length, ctx.bytes(r.headerBytes)),
          meaning: h.httpPartHeadersMeaning,
          plain: true,
        },
        { part: h.httpPartBlank, value: 'CR LF', meaning: h.httpPartBlankMeaning },
        r.body
          ? {
              part: h.httpPartBody,
              value: format(h.httpPartBodyValue, ctx.bytes(r.body.decodedLength ?? r.body.length), r.body.mediaType ?? h.httpUnstated),
              meaning: format(h.httpPartBodyMeaning, framingText(r.body, ctx, h)),
              plain: true,
            }
          : { part: h.httpPartBody, value: h.httpPartBodyNone, meaning: h.httpPartBodyNoneMeaning, plain: true },
      ],
      headers: headerRows(r.headers, ctx),
      headersMore: ctx.rows(r.headers).more,
      body: bodyView(r.body, ctx, h),
      segments: segmentsText(r, ctx, h),
    },
  };
}

function compareBlock(http: Http, ctx: ViewContext): Block {
  const h = UI[ctx.lang];
  const e = exchangeAt(http, http.selection.request?.frame);
  if (!e?.request || !e.response) return ctx.missing(h.httpNoPair);
  const q = e.request;
  const r = e.response;
  const names = (m: { headers: { name: string }[] }, role: string) =>
    ctx.list(m.headers.filter((hd) => (explainHeader(hd.name, ctx.lang)?.role ?? 'unknown') === role).map((hd) => hd.name)) || '—';
  const bodyText = (m: HttpRequest | HttpResponse) =>
    m.body
      ? ctx.list([ctx.bytes(m.body.length), m.body.mediaType ?? h.httpUnstated, ...m.body.contentEncoding, ...(m.body.framing === 'chunked' ? [h.httpChunked] : [])])
      : h.httpBodyAbsent;
  return {
    partial: 'http/compare',
    data: {
      intro: format(h.httpCompareIntro, q.frame, r.frame),
      rows: [
        { aspect: h.httpAspectDirection, left: h.httpClientToServer, right: h.httpServerToClient },
        { aspect: h.httpAspectStartLine, left: `${q.method} ${q.uri} ${q.version}`, right: `${r.version} ${r.status} ${r.reason}`, verbatim: true },
        { aspect: '', left: h.httpRequestLineParts, right: h.httpStatusLineParts },
        { aspect: h.httpAspectOwnHeaders, left: names(q, 'request'), right: names(r, 'response') },
        { aspect: h.httpAspectSharedHeaders, left: names(q, 'both'), right: names(r, 'both') },
        { aspect: h.httpAspectHeaderBytes, left: ctx.bytes(q.headerBytes), right: ctx.bytes(r.headerBytes) },
        { aspect: h.httpAspectBody, left: bodyText(q), right: bodyText(r) },
        { aspect: h.httpAspectSegments, left: segmentsText(q, ctx, h), right: segmentsText(r, ctx, h) },
        {
          aspect: h.httpAspectTime,
          left: format(h.httpSecondsAfterFirst, q.time.toFixed(6)),
          right: format(h.httpSecondsAfterRequest, (r.timeSinceRequest ?? 0).toFixed(6)),
        },
      ],
      conclusion: h.httpCompareConclusion,
    },
  };
}

function fieldsText(fields: { name: string; value: string | null; masked?: boolean | undefined }[], h: Words): string {
  return fields.map((f) => `${f.name}=${f.masked ? h.httpMasked : (f.value ?? '')}`).join(', ') || '—';
}

/** The header fields that tell a GET from a POST: where the data is and how it is described. */
const GET_POST_FIELDS = /^(content-type|content-length|transfer-encoding|host)$/i;

/** Wireshark's HTTP lines of a request without the layers, and of its header fields only those that tell GET from POST. */
function httpLinesOnly(http: Http, e: HttpExchange, ctx: ViewContext): string | null {
  const all = requestDetails(http, e, ctx);
  if (!all) return null;
  const lines = all.split('\n');
  const at = lines.indexOf('Hypertext Transfer Protocol');
  const headerLine = /^ {4}([!#$%&'*+.^_`|~0-9A-Za-z-]+): .*\\r\\n$/;
  const kept: string[] = [];
  let skipping = false;
  for (const line of lines.slice(at)) {
    const field = headerLine.exec(line)?.[1];
    if (field !== undefined) skipping = !GET_POST_FIELDS.test(field);
    else if (!line.startsWith('        ')) skipping = false;
    if (!skipping) kept.push(line);
  }
  return kept.join('\n');
}

function getPostBlock(http: Http, ctx: ViewContext): Block {
  const h = UI[ctx.lang];
  const get = exchangeAt(http, http.selection.get?.frame);
  const post = exchangeAt(http, http.selection.post?.frame);
  if (!get?.request && !post?.request) return ctx.missing(`${h.httpNoGet} ${h.httpNoPost}`);
  const g = get?.request ?? undefined;
  const p = post?.request ?? undefined;
  const none = '—';
  const yesNo = (b: boolean | undefined) => (b === undefined ? none : b ? ctx.t.yes : ctx.t.no);
  const where = (q: HttpRequest | undefined) => {
    if (!q) return none;
    if (q.body?.form?.length || q.body) return format(h.httpParamsInBody, q.body?.mediaType ?? h.httpUnstated);
    return q.query.length ? h.httpParamsInQuery : h.httpParamsNone;
  };
  const fields = (q: HttpRequest | undefined) => (q ? fieldsText(q.body?.form?.length ? q.body.form : q.query, h) : none);
  const response = (e: HttpExchange | null) => {
    const r = e?.response;
    if (!r) return none;
    const location = header(r, 'location');
    const b = r.body;
    const body = b
      ? `${ctx.t.clauseSeparator}${ctx.list([b.mediaType ?? h.httpUnstated, ...b.contentEncoding, ...(b.framing === 'chunked' ? [h.httpChunked] : []), ctx.bytes(b.decodedLength ?? b.length)])}`
      : '';
    return `${ctx.frame(r.frame)}${ctx.colon}${r.status} ${r.reason}${location ? ` → ${location}` : ''}${body}`;
  };
  const m = (name: string) => explainMethod(name, ctx.lang);
  return {
    partial: 'http/get-post',
    data: {
      intro:
        g && p
          ? format(h.httpGetPostIntro, g.frame, p.frame)
          : g
            ? `${format(h.httpGetIntro, g.frame)} ${h.httpNoPost}`
            : `${h.httpNoGet} ${format(h.httpPostIntro, p!.frame)}`,
      get: get?.request ? { frame: get.request.frame, details: httpLinesOnly(http, get, ctx) } : null,
      post: post?.request ? { frame: post.request.frame, details: httpLinesOnly(http, post, ctx), body: bodyView(post.request.body, ctx, h) } : null,
      rows: [
        {
          aspect: h.httpAspectStartLine,
          left: g ? `${g.method} ${g.uri} ${g.version}` : none,
          right: p ? `${p.method} ${p.uri} ${p.version}` : none,
          verbatim: true,
        },
        { aspect: h.httpAspectParamsWhere, left: where(g), right: where(p) },
        { aspect: h.httpAspectParams, left: fields(g), right: fields(p) },
        { aspect: 'Content-Type', left: header(g, 'content-type') ?? none, right: header(p, 'content-type') ?? none },
        { aspect: 'Content-Length', left: header(g, 'content-length') ?? none, right: header(p, 'content-length') ?? none },
        { aspect: h.httpAspectVisible, left: h.httpVisibleInUrl, right: h.httpNotVisibleInUrl },
        { aspect: h.httpAspectSafe, left: yesNo(m('GET')?.safe), right: yesNo(m('POST')?.safe) },
        { aspect: h.httpAspectIdempotent, left: yesNo(m('GET')?.idempotent), right: yesNo(m('POST')?.idempotent) },
        { aspect: h.httpAspectCacheable, left: h.httpGetCacheable, right: h.httpPostCacheable },
        { aspect: h.httpAspectResponse, left: response(get), right: response(post) },
      ],
      conclusion: h.httpGetPostConclusion,
    },
  };
}

function conditionalBlock(http: Http, ctx: ViewContext): Block {
  const h = UI[ctx.lang];
  const cond = exchangeAt(http, http.selection.conditional?.frame);
  if (!cond?.request) return ctx.missing(h.httpNoConditional);
  const q = cond.request;
  const origin = http.exchanges.find(
    (e) =>
      e.request?.uri === q.uri &&
      e.response?.status === 200 &&
      e.request.frame < q.frame &&
      e.response.headers.some((x) => /^(etag|last-modified)$/i.test(x.name)),
  );
  return {
    partial: 'http/conditional',
    data: {
      intro: format(h.httpConditionalIntro, q.frame),
      validators: q.headers.filter((x) => /^if-(none-match|modified-since|match|unmodified-since|range)$/i.test(x.name)),
      response: cond.response ? { frame: cond.response.frame, startLine: `${cond.response.version} ${cond.response.status} ${cond.response.reason}` } : null,
      origin: origin?.response
        ? { frame: origin.response.frame, startLine: `${origin.response.version} ${origin.response.status} ${origin.response.reason}` }
        : null,
      conclusion: cond.response?.status === 304 ? h.httpConditional304 : h.httpConditionalNot304,
    },
  };
}

/** Count the values of a list: "GET × 13, POST × 2". */
function tally(values: readonly string[], h: Words, ctx: ViewContext): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return ctx.list([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v, n]) => (n > 1 ? format(h.httpTimes, v, n) : v)));
}

function summaryBlock(http: Http, ctx: ViewContext): Block {
  const h = UI[ctx.lang];
  if (http.exchanges.length === 0) return ctx.missing(h.httpMissingText);
  const requests = http.exchanges.flatMap((e) => (e.request ? [e.request] : []));
  const responses = http.exchanges.flatMap((e) => (e.response ? [e.response] : []));
  const bodies = [...requests, ...responses].flatMap((m) => (m.body ? [{ frame: m.frame, body: m.body }] : []));
  const codings = bodies.flatMap((b) => b.body.contentEncoding);
  const chunked = bodies.filter((b) => b.body.framing === 'chunked').length;
  const largest = bodies.reduce<(typeof bodies)[number] | null>(
    (top, b) => (top === null || (b.body.decodedLength ?? b.body.length) > (top.body.decodedLength ?? top.body.length) ? b : top),
    null,
  );
  const streams = new Set(http.exchanges.map((e) => e.stream));
  const maxPerConnection = Math.max(...http.exchanges.map((e) => e.ofConnection));
  const text = format(
    h.httpSummary,
    ctx.num(http.requests),
    ctx.num(http.responses),
    streams.size,
    new Set(requests.map((q) => q.version)).size === 1
      ? format(h.httpAllVersion, requests[0]!.version)
      : tally(
          requests.map((q) => q.version),
          h,
          ctx,
        ),
    tally(
      requests.map((q) => q.method),
      h,
      ctx,
    ),
    tally(
      responses.map((r) => String(r.status)),
      h,
      ctx,
    ),
    (codings.length || chunked ? format(h.httpSummaryCodings, tally(codings, h, ctx) || '—', chunked) : h.httpSummaryNoCodings) +
      (maxPerConnection > 1 ? `${ctx.t.sentenceJoin}${format(h.httpSummaryPersistent, maxPerConnection)}` : ''),
    largest ? ctx.bytes(largest.body.decodedLength ?? largest.body.length) : '—',
    largest?.frame ?? '—',
  );
  return { partial: 'summary-point', data: { text } };
}

function exchangesBlock(http: Http, ctx: ViewContext): Block {
  const h = UI[ctx.lang];
  return {
    partial: 'http/exchanges',
    data: {
      intro: format(h.httpExchangesIntro, ctx.num(http.requests), ctx.num(http.responses)),
      more: ctx.rows(http.exchanges).more,
      rows: ctx.rows(http.exchanges).shown.map((e, i) => {
        const r = e.response;
        return {
          n: i + 1,
          stream: e.stream,
          requestFrame: e.request?.frame ?? '—',
          method: e.request?.method ?? '—',
          uri: e.request ? cut(e.request.uri, URI_CHARS) : '—',
          responseFrame: r?.frame ?? '—',
          status: r ? `${r.status} ${r.reason}` : e.informational.length ? e.informational.map((x) => x.status).join(', ') : '—',
          mediaType: r?.body?.mediaType ?? '—',
          size: r?.body ? ctx.num(r.body.decodedLength ?? r.body.length) : '—',
          elapsed:
            r?.timeSinceRequest !== null && r?.timeSinceRequest !== undefined ? format(ctx.t.millisecondsN, (r.timeSinceRequest * 1000).toFixed(1)) : '—',
          incomplete: (e.request && !e.request.complete) || (r && !r.complete) ? `${DAMAGE_MARK} ${ctx.t.incomplete}` : '',
        };
      }),
      unlisted: http.exchangesUnlisted ? format(h.httpExchangesUnlisted, ctx.num(http.exchangesUnlisted)) : '',
    },
  };
}

export const httpView: SliceView<Http> = {
  ui: { en: httpUiEn, zh: httpUiZh },
  filter: 'http',
  present: (http) => http.exchanges.length > 0,
  blocks: {
    request: requestBlock,
    response: responseBlock,
    compare: compareBlock,
    'get-post': getPostBlock,
    conditional: conditionalBlock,
    summary: summaryBlock,
    ...answerBlocks,
  },
  packets: (http): PacketListRow[] =>
    http.packets.map((p) => ({
      frame: p.frame,
      time: p.time,
      source: p.source,
      destination: p.destination,
      protocol: p.protocol,
      length: p.length,
      info: p.info,
      stream: p.stream,
    })),
  environment(http, ctx) {
    const h = UI[ctx.lang];
    const agents = new Set<string>();
    const servers = new Set<string>();
    for (const e of http.exchanges) {
      const ua = header(e.request, 'user-agent');
      if (ua) agents.add(userAgentText(ua, ctx.lang) ?? ua);
      const server = header(e.response, 'server');
      if (server) servers.add(server);
    }
    return [
      ...(agents.size ? [{ label: h.httpEnvBrowser, value: ctx.list([...agents]) }] : []),
      ...(servers.size ? [{ label: h.httpEnvWebServer, value: ctx.list([...servers]) }] : []),
    ];
  },
  cleartext(http, ctx) {
    const h = UI[ctx.lang];
    const seen = new Set<string>();
    const out: string[] = [];
    for (const e of http.exchanges) {
      for (const c of e.request?.credentials ?? []) {
        const what = c.scheme === 'form' || c.scheme === 'query' ? format(h.httpSecretField, c.source) : h.httpSecretAuthorization;
        if (seen.has(what)) continue;
        seen.add(what);
        out.push(format(ctx.t.cleartextHttp, e.request!.method, what, e.request!.frame));
      }
    }
    return out;
  },
  appendix: (http, ctx) => (http.exchanges.length ? [{ title: UI[ctx.lang].httpAppendixTitle, block: exchangesBlock(http, ctx) }] : []),
  compare: {
    Purpose: 'cmpHttpPurpose',
    Opener: 'cmpHttpOpener',
    Port: 'cmpHttpPort',
    Direction: 'cmpHttpDirection',
    FirstWord: 'cmpHttpFirstWord',
    Requests: 'cmpHttpRequests',
    Replies: 'cmpHttpReplies',
    PerExchange: 'cmpHttpPerExchange',
    End: 'cmpHttpEnd',
    Data: 'cmpHttpData',
    State: 'cmpHttpState',
    Secure: 'cmpHttpSecure',
  },
};

/** A sentence about a message, followed by what damaged it (the warnings on its connection from its first frame to its last), if it is incomplete. */
function withDamage(sentence: string, m: HttpRequest | HttpResponse, stream: number, ctx: ViewContext): string {
  if (m.complete) return sentence;
  const notes = damageNotes(warningsOn(ctx.model, stream, Math.min(m.frame, ...m.frames), m.frame), ctx.lang);
  return `${sentence} ${notes.length ? notes.join(' ') : `${DAMAGE_MARK} ${ctx.t.incomplete}`}`;
}
