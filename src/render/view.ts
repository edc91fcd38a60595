import { explainHeader, explainMethod, explainStatus, explainStatusClass, format, UI, type Language, type UiStrings } from '../knowledge/index.js';
import type { ReportConfig } from '../report/config.js';
import { mailView } from './mail-view.js';
import type { Body, Credentials, HttpExchange, HttpRequest, HttpResponse } from '../protocols/http/schema.js';
import type { FrameDetail, ReportModel } from '../report/schema.js';

/*
 * The template context: the ReportModel, the config's header and the language's strings,
 * arranged the way the sections present them, with every explanation looked up in the
 * knowledge tables. A pure function of (model, config, language): the same inputs give
 * byte-identical reports. templates/README.md documents this shape.
 */

/** Characters of body text shown in the report (the model keeps more). */
const PREVIEW_CHARS = 2000;
/** Rows of the all-exchanges table's URI column before it is cut. */
const URI_CHARS = 80;

export function numberText(n: number, lang: Language): string {
  return n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
}

export function bytesText(n: number, t: UiStrings, lang: Language): string {
  return format(n === 1 ? t.byte : t.bytes, numberText(n, lang));
}

function cut(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

interface HeaderRow {
  n: number;
  name: string;
  value: string;
  known: boolean;
  title: string;
  text: string;
  ref: string;
  role: string;
}

function headerRows(headers: { name: string; value: string }[], lang: Language): HeaderRow[] {
  return headers.map((h, i) => {
    const e = explainHeader(h.name, lang);
    return { n: i + 1, name: h.name, value: h.value, known: e !== null, title: e?.title ?? '', text: e?.text ?? '', ref: e?.ref ?? '', role: e?.role ?? '' };
  });
}

function bodyView(body: Body | null, t: UiStrings, lang: Language) {
  if (!body) return null;
  const b = (n: number) => bytesText(n, t, lang);
  const framingText =
    body.framing === 'chunked'
      ? format(body.chunks === 1 ? t.framingChunkedOne : t.framingChunked, body.chunks ?? 0, b(body.wireBytes))
      : body.framing === 'content-length'
        ? format(t.framingLength, b(body.length))
        : t.framingClose;
  const encodingText = body.contentEncoding.length ? format(t.encodingApplied, body.contentEncoding.join(', ')) : t.encodingNone;
  const sizesText =
    body.contentEncoding.length === 0
      ? b(body.length)
      : body.decodedLength !== null
        ? format(t.sizesDecoded, body.contentEncoding.join(', '), b(body.length), b(body.decodedLength))
        : format(t.sizesNotDecoded, b(body.length), body.decodeError ?? t.notDecodedKept);
  const preview = body.text ?? null;
  return {
    ...body,
    mediaTypeText: body.mediaType ? `${body.mediaType}${body.charset ? `; charset=${body.charset}` : ''}` : t.unknownMediaType,
    framingText,
    encodingText,
    sizesText,
    missingText: body.missingBytes > 0 ? format(t.missingBytes, b(body.missingBytes)) : '',
    preview: preview === null || preview === '' ? null : preview.slice(0, PREVIEW_CHARS),
    previewCut: preview !== null && (preview.length > PREVIEW_CHARS || body.textTruncated),
    previewShown: numberText(Math.min(PREVIEW_CHARS, preview?.length ?? 0), lang),
  };
}

function segmentsText(m: HttpRequest | HttpResponse, t: UiStrings, lang: Language): string {
  const total = m.segments.reduce((s, x) => s + x.bytes, 0);
  const list = m.segments.map((s) => `#${s.frame}(${s.bytes})`).join(', ');
  const more = m.framesUnlisted ? format(t.framesUnlisted, m.framesUnlisted) : '';
  return format(m.segments.length === 1 ? t.segmentsOne : t.segmentsMany, m.segments.length, numberText(total, lang), list) + more;
}

function credentialText(c: Credentials, t: UiStrings): string {
  const who = c.user !== null ? format(t.credentialUser, c.user) : '';
  const secret = c.secret !== null ? format(t.credentialRevealed, c.secret) : format(t.credentialMasked, c.secretLength);
  return format(t.credential, c.source, c.scheme, c.encoding, who, secret);
}

function versionText(v: string, t: UiStrings): string {
  return v === 'HTTP/1.1' ? t.http11 : v === 'HTTP/1.0' ? t.http10 : format(t.httpOther, v);
}

function requestView(q: HttpRequest, t: UiStrings, lang: Language) {
  const m = explainMethod(q.method, lang);
  return {
    ...q,
    startLine: `${q.method} ${q.uri} ${q.version}`,
    methodText: m ? `${m.text} (${m.ref})` : t.unknownMethod,
    versionText: versionText(q.version, t),
    headers: headerRows(q.headers, lang),
    body: bodyView(q.body, t, lang),
    segmentsText: segmentsText(q, t, lang),
    credentials: q.credentials.map((c) => ({ ...c, credentialText: credentialText(c, t) })),
  };
}

function responseView(r: HttpResponse, t: UiStrings, lang: Language) {
  const s = explainStatus(r.status, lang);
  const cls = explainStatusClass(r.status, lang);
  return {
    ...r,
    startLine: `${r.version} ${r.status} ${r.reason}`,
    versionText: versionText(r.version, t),
    statusTitle: s?.title ?? t.unknownStatus,
    statusText: s?.text ?? '',
    statusRef: s?.ref ?? '',
    classCode: `${Math.floor(r.status / 100)}xx`,
    classText: cls ? `${cls.title}: ${cls.text}` : t.unknownStatus,
    headers: headerRows(r.headers, lang),
    body: bodyView(r.body, t, lang),
    segmentsText: segmentsText(r, t, lang),
  };
}

const mac = (addr: string | undefined, vendor: string | undefined, t: UiStrings) => {
  if (!addr) return '';
  if (/^(00:){5}00$/.test(addr)) return `${addr} (${t.macZero})`;
  if (/^(ff:){5}ff$/.test(addr)) return `${addr} (${t.macBroadcast})`;
  return vendor ? `${addr} (${vendor})` : addr;
};

/** Wireshark's packet-details lines for a frame, and a table of the fields a student labels. */
function frameView(f: FrameDetail | undefined, fromServer: boolean, t: UiStrings, lang: Language) {
  if (!f) return null;
  const bits = (n: number) => n * 8;
  const lines: { text: string }[] = [
    {
      text: `Frame ${f.number}: ${f.wireLength} bytes on wire (${bits(f.wireLength)} bits), ${f.capturedLength} bytes captured (${bits(f.capturedLength)} bits)`,
    },
  ];
  const fields: { layer: string; field: string; value: string; meaning: string }[] = [
    { layer: t.layerFrame, field: t.fieldWireLength, value: bytesText(f.wireLength, t, lang), meaning: t.meaningWireLength },
    { layer: t.layerFrame, field: t.fieldArrival, value: format(t.secondsAfterFirst, f.time.toFixed(6)), meaning: t.meaningArrival },
  ];
  const l = f.link;
  if (l?.kind === 'ethernet') {
    lines.push({ text: `Ethernet II, Src: ${l.src}, Dst: ${l.dst}` });
    fields.push(
      { layer: 'Ethernet II', field: t.fieldDstMac, value: mac(l.dst, l.dstVendor, t), meaning: t.meaningDstMac },
      { layer: 'Ethernet II', field: t.fieldSrcMac, value: mac(l.src, l.srcVendor, t), meaning: t.meaningSrcMac },
      {
        layer: 'Ethernet II',
        field: t.fieldEtherType,
        value: `${l.type}${l.type === '0x0800' ? ' (IPv4)' : l.type === '0x86dd' ? ' (IPv6)' : ''}`,
        meaning: t.meaningEtherType,
      },
    );
    if (l.vlans?.length) fields.push({ layer: '802.1Q', field: 'VLAN ID', value: l.vlans.join(', '), meaning: t.meaningVlan });
  } else if (l?.kind === 'linux-sll' || l?.kind === 'linux-sll2') {
    lines.push({ text: `Linux cooked capture ${l.kind === 'linux-sll' ? 'v1' : 'v2'}` });
    fields.push({ layer: 'SLL', field: t.fieldEtherType, value: l.type ?? '', meaning: t.meaningCooked });
  } else if (l?.kind === 'loopback') {
    lines.push({ text: `Null/Loopback` });
    fields.push({ layer: 'Loopback', field: t.fieldFamily, value: String(l.family), meaning: t.meaningLoopback });
  } else if (l?.kind === 'raw-ip') {
    fields.push({ layer: t.layerFrame, field: t.fieldLinkType, value: f.linkType, meaning: t.meaningRawIp });
  }
  const ip = f.ip;
  if (ip?.version === 4) {
    lines.push({ text: `Internet Protocol Version 4, Src: ${ip.src}, Dst: ${ip.dst}` });
    fields.push(
      { layer: 'IPv4', field: t.fieldIpHeaderLength, value: bytesText(ip.headerLength, t, lang), meaning: t.meaningIpHeaderLength },
      { layer: 'IPv4', field: t.fieldTotalLength, value: String(ip.totalLength), meaning: t.meaningTotalLength },
      {
        layer: 'IPv4',
        field: t.fieldIdentification,
        value: `0x${ip.identification.toString(16).padStart(4, '0')} (${ip.identification})`,
        meaning: t.meaningIdentification,
      },
      { layer: 'IPv4', field: t.fieldFlags, value: ip.flags.join(', ') || '—', meaning: t.meaningIpFlags },
      { layer: 'IPv4', field: 'TTL', value: String(ip.ttl), meaning: t.meaningTtl },
      { layer: 'IPv4', field: t.fieldProtocol, value: `${ip.protocol}${ip.protocol === 6 ? ' (TCP)' : ''}`, meaning: t.meaningIpProtocol },
      { layer: 'IPv4', field: t.fieldChecksum, value: ip.checksum, meaning: t.meaningChecksum },
      { layer: 'IPv4', field: t.fieldSrcIp, value: ip.src, meaning: t.meaningSrcIp },
      { layer: 'IPv4', field: t.fieldDstIp, value: ip.dst, meaning: t.meaningDstIp },
    );
  } else if (ip?.version === 6) {
    lines.push({ text: `Internet Protocol Version 6, Src: ${ip.src}, Dst: ${ip.dst}` });
    fields.push(
      { layer: 'IPv6', field: t.fieldPayloadLength, value: String(ip.payloadLength), meaning: t.meaningPayloadLength },
      { layer: 'IPv6', field: t.fieldNextHeader, value: `${ip.nextHeader}${ip.nextHeader === 6 ? ' (TCP)' : ''}`, meaning: t.meaningNextHeader },
      { layer: 'IPv6', field: t.fieldHopLimit, value: String(ip.hopLimit), meaning: t.meaningTtl },
      { layer: 'IPv6', field: t.fieldSrcIp, value: ip.src, meaning: t.meaningSrcIp },
      { layer: 'IPv6', field: t.fieldDstIp, value: ip.dst, meaning: t.meaningDstIp },
    );
  }
  const tcp = f.tcp;
  if (tcp) {
    const seq = tcp.relativeSeq ?? tcp.seq;
    const ack = tcp.flags.includes('ACK') ? `, Ack: ${tcp.relativeAck ?? tcp.ack}` : '';
    lines.push({ text: `Transmission Control Protocol, Src Port: ${tcp.srcPort}, Dst Port: ${tcp.dstPort}, Seq: ${seq}${ack}, Len: ${tcp.payloadLength}` });
    fields.push(
      { layer: 'TCP', field: t.fieldSrcPort, value: String(tcp.srcPort), meaning: fromServer ? t.meaningSrcPortServer : t.meaningSrcPort },
      { layer: 'TCP', field: t.fieldDstPort, value: String(tcp.dstPort), meaning: fromServer ? t.meaningDstPortClient : t.meaningDstPort },
      {
        layer: 'TCP',
        field: t.fieldSeq,
        value: tcp.relativeSeq !== null ? format(t.relativeRaw, tcp.relativeSeq, tcp.seq) : String(tcp.seq),
        meaning: t.meaningSeq,
      },
      {
        layer: 'TCP',
        field: t.fieldAck,
        value: tcp.flags.includes('ACK') ? (tcp.relativeAck !== null ? format(t.relativeRaw, tcp.relativeAck, tcp.ack) : String(tcp.ack)) : '—',
        meaning: t.meaningAck,
      },
      { layer: 'TCP', field: t.fieldTcpHeaderLength, value: bytesText(tcp.headerLength, t, lang), meaning: t.meaningTcpHeaderLength },
      { layer: 'TCP', field: t.fieldFlags, value: tcp.flags.join(', '), meaning: t.meaningTcpFlags },
      { layer: 'TCP', field: t.fieldWindow, value: String(tcp.window), meaning: t.meaningWindow },
      { layer: 'TCP', field: t.fieldOptions, value: tcp.options.join(', ') || '—', meaning: t.meaningOptions },
      { layer: 'TCP', field: t.fieldTcpLen, value: bytesText(tcp.payloadLength, t, lang), meaning: t.meaningTcpLen },
    );
    if (tcp.stream !== null) fields.push({ layer: 'TCP', field: t.fieldStream, value: String(tcp.stream), meaning: t.meaningStream });
  }
  lines.push({ text: 'Hypertext Transfer Protocol' });
  return { number: f.number, lines, fields };
}

type ExchangeLike = HttpExchange;

/** The request-versus-response comparison: start line, header kinds, body. */
function compareRows(e: ExchangeLike, t: UiStrings, lang: Language) {
  const q = e.request!;
  const r = e.response!;
  const names = (m: { headers: { name: string }[] }, role: string) =>
    m.headers
      .map((h) => ({ name: h.name, role: explainHeader(h.name, lang)?.role ?? 'unknown' }))
      .filter((h) => h.role === role)
      .map((h) => h.name)
      .join(', ') || '—';
  const bodyText = (m: HttpRequest | HttpResponse) =>
    m.body
      ? format(t.bodyPresent, bytesText(m.body.length, t, lang), m.body.mediaType ?? t.unknownMediaType) +
        (m.body.contentEncoding.length ? `, ${m.body.contentEncoding.join(', ')}` : '') +
        (m.body.framing === 'chunked' ? `, ${t.chunkedShort}` : '')
      : t.bodyAbsent;
  return [
    { aspect: t.aspectDirection, left: t.clientToServer, right: t.serverToClient },
    { aspect: t.aspectFrame, left: format(t.frameN, q.frame), right: format(t.frameN, r.frame) },
    { aspect: t.aspectStartLine, left: `${q.method} ${q.uri} ${q.version}`, right: `${r.version} ${r.status} ${r.reason}` },
    { aspect: t.aspectStartLineParts, left: t.requestLineParts, right: t.statusLineParts },
    { aspect: t.aspectHeaderCount, left: String(q.headers.length), right: String(r.headers.length) },
    { aspect: t.aspectOwnHeaders, left: names(q, 'request'), right: names(r, 'response') },
    { aspect: t.aspectSharedHeaders, left: names(q, 'both'), right: names(r, 'both') },
    { aspect: t.aspectHeaderBytes, left: bytesText(q.headerBytes, t, lang), right: bytesText(r.headerBytes, t, lang) },
    { aspect: t.aspectBlankLine, left: 'CRLF', right: 'CRLF' },
    { aspect: t.aspectBody, left: bodyText(q), right: bodyText(r) },
    { aspect: t.aspectTime, left: format(t.secondsAfterFirst, q.time.toFixed(6)), right: format(t.secondsAfterRequest, (r.timeSinceRequest ?? 0).toFixed(6)) },
  ];
}

function fieldsText(fields: { name: string; value: string | null; masked?: boolean | undefined }[], t: UiStrings): string {
  return fields.map((f) => `${f.name}=${f.masked ? t.maskedValue : (f.value ?? '')}`).join(', ') || '—';
}

/** GET versus POST, side by side. */
function getPostRows(get: ExchangeLike | null, post: ExchangeLike | null, t: UiStrings, lang: Language) {
  const none = '—';
  const header = (m: HttpRequest | undefined, n: string) => m?.headers.find((h) => h.name.toLowerCase() === n)?.value ?? none;
  const method = (m: string) => explainMethod(m, lang);
  const yesNo = (b: boolean | undefined) => (b === undefined ? none : b ? t.yes : t.no);
  const g = get?.request ?? undefined;
  const p = post?.request ?? undefined;
  const where = (q: HttpRequest | undefined) => {
    if (!q) return none;
    if (q.body?.form?.length) return format(t.paramsInBody, q.body.mediaType ?? '');
    if (q.query.length) return t.paramsInQuery;
    return q.body ? format(t.paramsInBody, q.body.mediaType ?? '') : t.paramsNone;
  };
  const fields = (q: HttpRequest | undefined) => (q ? fieldsText(q.body?.form?.length ? q.body.form : q.query, t) : none);
  const response = (e: ExchangeLike | null) => {
    const r = e?.response;
    if (!r) return e ? t.noResponse : none;
    const location = r.headers.find((h) => h.name.toLowerCase() === 'location')?.value;
    const body = r.body
      ? `; ${r.body.mediaType ?? t.unknownMediaType}, ${r.body.contentEncoding.length ? `${r.body.contentEncoding.join(', ')}, ` : ''}${r.body.framing === 'chunked' ? `${t.chunkedShort}, ` : ''}${bytesText(r.body.decodedLength ?? r.body.length, t, lang)}`
      : '';
    return `${format(t.frameN, r.frame)}: ${r.status} ${r.reason}${location ? ` → ${location}` : ''}${body}`;
  };
  return [
    { aspect: t.aspectFrame, left: g ? format(t.frameN, g.frame) : none, right: p ? format(t.frameN, p.frame) : none },
    { aspect: t.aspectStartLine, left: g ? `${g.method} ${g.uri} ${g.version}` : none, right: p ? `${p.method} ${p.uri} ${p.version}` : none },
    { aspect: t.aspectParamsWhere, left: where(g), right: where(p) },
    { aspect: t.aspectParams, left: fields(g), right: fields(p) },
    { aspect: 'Content-Type', left: header(g, 'content-type'), right: header(p, 'content-type') },
    { aspect: 'Content-Length', left: header(g, 'content-length'), right: header(p, 'content-length') },
    { aspect: t.aspectVisible, left: t.visibleInUrl, right: t.notVisibleInUrl },
    { aspect: t.aspectSafe, left: yesNo(method('GET')?.safe), right: yesNo(method('POST')?.safe) },
    { aspect: t.aspectIdempotent, left: yesNo(method('GET')?.idempotent), right: yesNo(method('POST')?.idempotent) },
    { aspect: t.aspectCacheable, left: t.getCacheable, right: t.postCacheable },
    { aspect: t.aspectResponse, left: response(get), right: response(post) },
  ];
}

function exchangeRows(model: ReportModel, lang: Language, t: UiStrings) {
  return model.http.exchanges.map((e, i) => {
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
      size: r?.body ? numberText(r.body.decodedLength ?? r.body.length, lang) : '—',
      elapsed: r?.timeSinceRequest !== null && r?.timeSinceRequest !== undefined ? `${(r.timeSinceRequest * 1000).toFixed(1)} ms` : '—',
      incomplete: (e.request && !e.request.complete) || (r && !r.complete) ? t.incomplete : '',
    };
  });
}

/** HTTP, SMTP and POP3 side by side: what the lab asks students to compare, with what this capture holds. */
function protocolCompare(model: ReportModel, t: UiStrings) {
  const count = (p: string) => format(t.cmpCount, model.tcp.listed.filter((c) => c.protocol === p).length);
  const row = (
    key: 'Purpose' | 'Opener' | 'Port' | 'Direction' | 'FirstWord' | 'Requests' | 'Replies' | 'PerExchange' | 'End' | 'Data' | 'State' | 'Secure',
  ) => ({
    aspect: t[`cmp${key}`],
    http: t[`cmp${key}Http`],
    smtp: t[`cmp${key}Smtp`],
    pop3: t[`cmp${key}Pop3`],
  });
  return [
    ...(['Purpose', 'Opener', 'Port', 'Direction', 'FirstWord', 'Requests', 'Replies', 'PerExchange', 'End', 'Data', 'State', 'Secure'] as const).map(row),
    { aspect: t.cmpInCapture, http: count('http'), smtp: count('smtp'), pop3: count('pop3') },
  ];
}

export function buildView(model: ReportModel, config: ReportConfig, lang: Language) {
  const t = UI[lang];
  const exchangeAt = (frame: number | undefined) => (frame === undefined ? null : (model.http.exchanges.find((e) => e.request?.frame === frame) ?? null));
  const frameDetail = (n: number | undefined) => model.frames.find((f) => f.number === n);
  const sel = model.http.selection;

  const rep = exchangeAt(sel.request?.frame);
  let request = null;
  if (rep?.request) {
    const sameConnection = model.http.exchanges.filter((e) => e.stream === rep.stream && e.request);
    const at = sameConnection.indexOf(rep);
    request = {
      chosenBy: sel.request!.chosenBy,
      message: requestView(rep.request, t, lang),
      response: rep.response ? responseView(rep.response, t, lang) : null,
      frame: frameView(frameDetail(rep.request.frame), false, t, lang),
      responseFrame: rep.response ? frameView(frameDetail(rep.response.frame), true, t, lang) : null,
      exchange: {
        index: rep.index,
        ofConnection: rep.ofConnection,
        stream: rep.stream,
        previousFrame: sameConnection[at - 1]?.request?.frame ?? null,
        nextFrame: sameConnection[at + 1]?.request?.frame ?? null,
        responseFrame: rep.response?.frame ?? null,
      },
    };
  }

  const get = exchangeAt(sel.get?.frame);
  const post = exchangeAt(sel.post?.frame);
  const cond = exchangeAt(sel.conditional?.frame);
  let conditional = null;
  if (cond?.request) {
    const validators = cond.request.headers.filter((h) => /^if-(none-match|modified-since|match|unmodified-since|range)$/i.test(h.name));
    const origin = model.http.exchanges.find(
      (e) =>
        e.request?.uri === cond.request!.uri &&
        e.response?.status === 200 &&
        e.request.frame < cond.request!.frame &&
        e.response.headers.some((h) => /^(etag|last-modified)$/i.test(h.name)),
    );
    conditional = {
      request: cond.request,
      validators,
      response: cond.response ? { frame: cond.response.frame, startLine: `${cond.response.version} ${cond.response.status} ${cond.response.reason}` } : null,
      notModified: cond.response?.status === 304,
      origin: origin?.response
        ? { frame: origin.response.frame, startLine: `${origin.response.version} ${origin.response.status} ${origin.response.reason}` }
        : null,
    };
  }

  const hosts = new Map<string, { roles: Set<string>; ports: Set<number> }>();
  for (const c of model.tcp.listed) {
    for (const [end, role] of [
      [c.client, t.roleClient],
      [c.server, t.roleServer],
    ] as const) {
      const h = hosts.get(end.ip) ?? { roles: new Set(), ports: new Set() };
      h.roles.add(role);
      if (role === t.roleServer) h.ports.add(end.port);
      hosts.set(end.ip, h);
    }
  }
  const endpoint = (e: { ip: string; port: number }) => (e.ip.includes(':') ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`);
  const protocols = [...new Set(model.tcp.listed.map((c) => c.protocol?.toUpperCase()).filter(Boolean))];

  return {
    lang,
    t,
    title: config.header.experiment.name ? format(t.titleWithExperiment, config.header.experiment.name) : t.title,
    header: config.header,
    generator: model.generator,
    model,
    capture: {
      ...model.capture,
      formatText: model.capture.format === 'pcapng' ? 'pcapng' : 'pcap (libpcap)',
      linkTypesText: model.capture.linkTypes.join(', '),
      protocolsText: protocols.length ? protocols.join(', ') : t.none,
      firstTime: model.capture.firstTime ?? '—',
      lastTime: model.capture.lastTime ?? '—',
    },
    hosts: [...hosts].map(([ip, h]) => ({ ip, role: [...h.roles].join(', '), ports: [...h.ports].sort((a, b) => a - b).join(', ') || '—' })),
    connections: model.tcp.listed.map((c) => ({
      stream: c.stream,
      client: endpoint(c.client),
      server: endpoint(c.server),
      protocol: c.protocol?.toUpperCase() ?? '—',
      firstFrame: c.firstFrame,
      lastFrame: c.lastFrame,
      packets: c.packets,
      bytes: c.bytes,
      notes: [
        c.handshake ? '' : t.noHandshake,
        c.reset ? 'RST' : '',
        c.lostBytes ? format(t.lostBytes, c.lostBytes) : '',
        c.retransmissions ? format(t.retransmissions, c.retransmissions) : '',
      ]
        .filter(Boolean)
        .join('; '),
    })),
    connectionsUnlisted: Math.max(0, model.tcp.connections - model.tcp.listed.length),
    http: {
      ...model.http,
      hasContinuations: model.http.packets.some((p) => p.kind === 'continuation'),
      hasGaps: model.http.packets.some((p) => p.kind === 'gap'),
      request,
      compare: rep?.request && rep.response ? { requestFrame: rep.request.frame, responseFrame: rep.response.frame, rows: compareRows(rep, t, lang) } : null,
      getPost: {
        get: get?.request ? { frame: get.request.frame } : null,
        post: post?.request ? { frame: post.request.frame, body: bodyView(post.request.body, t, lang) } : null,
        rows: get || post ? getPostRows(get, post, t, lang) : [],
      },
      conditional,
      exchanges: exchangeRows(model, lang, t),
    },
    mail: mailView(model, t, lang),
    protocolCompare: protocolCompare(model, t),
    warnings: model.warnings,
    warningsUnlisted: model.warningsUnlisted,
  };
}

export type ReportView = ReturnType<typeof buildView>;
