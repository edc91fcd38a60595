/*
 * HTTP knowledge, the language-neutral half: for every header field, status code and
 * method the report explains, where it is defined and the few facts that do not depend
 * on the language. The words live in `en.ts` and `zh.ts`, keyed by the same ids and
 * checked against `HttpTexts` below, so a missing or stray translation fails to compile.
 *
 * Section numbers were checked against the RFC text and the IANA registries (HTTP Field
 * Name Registry, HTTP Status Code Registry, HTTP Method Registry). Fields defined outside
 * the RFC series cite their living standard with `rfc: 0` and a `source`; fields with no
 * specification at all say so in `source` ("non-standard").
 */

import type { Explanation, Reference } from '../types.js';

/** Who normally sends a header field: the client, the server, or either (representation and connection fields). */
export type HttpHeaderRole = 'request' | 'response' | 'both';

export interface HttpHeaderFact {
  /** Canonical spelling, e.g. "Content-Type". */
  name: string;
  ref: Reference;
  role: HttpHeaderRole;
}

export interface HttpStatusFact {
  /** The reason phrase as the defining document spells it. */
  reason: string;
  ref: Reference;
}

export interface HttpStatusClassFact {
  ref: Reference;
}

export interface HttpMethodFact {
  ref: Reference;
  /** RFC 9110 section 9.2.1: read-only semantics. */
  safe: boolean;
  /** RFC 9110 section 9.2.2: repeating the request has the same intended effect as sending it once. */
  idempotent: boolean;
  /** RFC 9110 section 9.2.3: a response may be stored and reused by a cache (for POST and PATCH only with explicit freshness and a matching Content-Location). */
  cacheable: boolean;
  /** Whether a request carries content: never (or with no defined meaning), optionally, or normally. */
  requestBody: 'none' | 'optional' | 'expected';
}

/** A section of an RFC. */
const rfc = (number: number, section: string): Reference => ({ rfc: number, section });
/** A document outside the RFC series (or no specification at all, when `source` says "non-standard"). */
const spec = (source: string): Reference => ({ rfc: 0, source });
/** A field no specification defines, known by the software that sends or reads it (if it is named). */
const deFacto = (source?: string): Reference => ({ rfc: 0, ...(source ? { source } : {}), note: 'deFacto' });

const FETCH = 'WHATWG Fetch';
const HTML = 'WHATWG HTML';
const FETCH_METADATA = 'W3C Fetch Metadata Request Headers';
const UA_CH = 'WICG User-Agent Client Hints';

export const HTTP_HEADERS = {
  // RFC 9110, HTTP Semantics
  accept: { name: 'Accept', ref: rfc(9110, '12.5.1'), role: 'request' },
  'accept-charset': { name: 'Accept-Charset', ref: rfc(9110, '12.5.2'), role: 'request' },
  'accept-encoding': { name: 'Accept-Encoding', ref: rfc(9110, '12.5.3'), role: 'request' },
  'accept-language': { name: 'Accept-Language', ref: rfc(9110, '12.5.4'), role: 'request' },
  'accept-ranges': { name: 'Accept-Ranges', ref: rfc(9110, '14.3'), role: 'response' },
  allow: { name: 'Allow', ref: rfc(9110, '10.2.1'), role: 'response' },
  'authentication-info': { name: 'Authentication-Info', ref: rfc(9110, '11.6.3'), role: 'response' },
  authorization: { name: 'Authorization', ref: rfc(9110, '11.6.2'), role: 'request' },
  connection: { name: 'Connection', ref: rfc(9110, '7.6.1'), role: 'both' },
  'content-encoding': { name: 'Content-Encoding', ref: rfc(9110, '8.4'), role: 'both' },
  'content-language': { name: 'Content-Language', ref: rfc(9110, '8.5'), role: 'both' },
  'content-length': { name: 'Content-Length', ref: rfc(9110, '8.6'), role: 'both' },
  'content-location': { name: 'Content-Location', ref: rfc(9110, '8.7'), role: 'both' },
  'content-range': { name: 'Content-Range', ref: rfc(9110, '14.4'), role: 'response' },
  'content-type': { name: 'Content-Type', ref: rfc(9110, '8.3'), role: 'both' },
  date: { name: 'Date', ref: rfc(9110, '6.6.1'), role: 'response' },
  etag: { name: 'ETag', ref: rfc(9110, '8.8.3'), role: 'response' },
  expect: { name: 'Expect', ref: rfc(9110, '10.1.1'), role: 'request' },
  from: { name: 'From', ref: rfc(9110, '10.1.2'), role: 'request' },
  host: { name: 'Host', ref: rfc(9110, '7.2'), role: 'request' },
  'if-match': { name: 'If-Match', ref: rfc(9110, '13.1.1'), role: 'request' },
  'if-none-match': { name: 'If-None-Match', ref: rfc(9110, '13.1.2'), role: 'request' },
  'if-modified-since': { name: 'If-Modified-Since', ref: rfc(9110, '13.1.3'), role: 'request' },
  'if-unmodified-since': { name: 'If-Unmodified-Since', ref: rfc(9110, '13.1.4'), role: 'request' },
  'if-range': { name: 'If-Range', ref: rfc(9110, '13.1.5'), role: 'request' },
  'last-modified': { name: 'Last-Modified', ref: rfc(9110, '8.8.2'), role: 'response' },
  location: { name: 'Location', ref: rfc(9110, '10.2.2'), role: 'response' },
  'max-forwards': { name: 'Max-Forwards', ref: rfc(9110, '7.6.2'), role: 'request' },
  'proxy-authenticate': { name: 'Proxy-Authenticate', ref: rfc(9110, '11.7.1'), role: 'response' },
  'proxy-authorization': { name: 'Proxy-Authorization', ref: rfc(9110, '11.7.2'), role: 'request' },
  'proxy-authentication-info': { name: 'Proxy-Authentication-Info', ref: rfc(9110, '11.7.3'), role: 'response' },
  range: { name: 'Range', ref: rfc(9110, '14.2'), role: 'request' },
  referer: { name: 'Referer', ref: rfc(9110, '10.1.3'), role: 'request' },
  'retry-after': { name: 'Retry-After', ref: rfc(9110, '10.2.3'), role: 'response' },
  server: { name: 'Server', ref: rfc(9110, '10.2.4'), role: 'response' },
  te: { name: 'TE', ref: rfc(9110, '10.1.4'), role: 'request' },
  trailer: { name: 'Trailer', ref: rfc(9110, '6.6.2'), role: 'both' },
  upgrade: { name: 'Upgrade', ref: rfc(9110, '7.8'), role: 'both' },
  'user-agent': { name: 'User-Agent', ref: rfc(9110, '10.1.5'), role: 'request' },
  vary: { name: 'Vary', ref: rfc(9110, '12.5.5'), role: 'response' },
  via: { name: 'Via', ref: rfc(9110, '7.6.3'), role: 'both' },
  'www-authenticate': { name: 'WWW-Authenticate', ref: rfc(9110, '11.6.1'), role: 'response' },

  // RFC 9111, HTTP Caching
  age: { name: 'Age', ref: rfc(9111, '5.1'), role: 'response' },
  'cache-control': { name: 'Cache-Control', ref: rfc(9111, '5.2'), role: 'both' },
  expires: { name: 'Expires', ref: rfc(9111, '5.3'), role: 'response' },
  pragma: { name: 'Pragma', ref: rfc(9111, '5.4'), role: 'both' },
  warning: { name: 'Warning', ref: rfc(9111, '5.5'), role: 'response' },

  // HTTP/1.1 connection management
  'transfer-encoding': { name: 'Transfer-Encoding', ref: rfc(9112, '6.1'), role: 'both' },
  'keep-alive': { name: 'Keep-Alive', ref: rfc(2068, '19.7.1.1'), role: 'both' },
  'proxy-connection': { name: 'Proxy-Connection', ref: deFacto(), role: 'request' },
  'http2-settings': { name: 'HTTP2-Settings', ref: rfc(7540, '3.2.1'), role: 'request' },

  // Cookies and origins
  cookie: { name: 'Cookie', ref: rfc(6265, '4.2'), role: 'request' },
  'set-cookie': { name: 'Set-Cookie', ref: rfc(6265, '4.1'), role: 'response' },
  origin: { name: 'Origin', ref: rfc(6454, '7'), role: 'request' },

  // Other IETF-defined fields
  'accept-ch': { name: 'Accept-CH', ref: rfc(8942, '3.1'), role: 'response' },
  'accept-patch': { name: 'Accept-Patch', ref: rfc(5789, '3.1'), role: 'response' },
  'alt-svc': { name: 'Alt-Svc', ref: rfc(7838, '3'), role: 'response' },
  'alt-used': { name: 'Alt-Used', ref: rfc(7838, '5'), role: 'request' },
  'cache-status': { name: 'Cache-Status', ref: rfc(9211, '2'), role: 'response' },
  'cdn-cache-control': { name: 'CDN-Cache-Control', ref: rfc(9213, '3'), role: 'response' },
  'cdn-loop': { name: 'CDN-Loop', ref: rfc(8586, '2'), role: 'request' },
  'content-disposition': { name: 'Content-Disposition', ref: rfc(6266, '4'), role: 'response' },
  'early-data': { name: 'Early-Data', ref: rfc(8470, '5.1'), role: 'request' },
  'expect-ct': { name: 'Expect-CT', ref: rfc(9163, '2.1'), role: 'response' },
  forwarded: { name: 'Forwarded', ref: rfc(7239, '4'), role: 'request' },
  link: { name: 'Link', ref: rfc(8288, '3'), role: 'response' },
  prefer: { name: 'Prefer', ref: rfc(7240, '2'), role: 'request' },
  'preference-applied': { name: 'Preference-Applied', ref: rfc(7240, '3'), role: 'response' },
  priority: { name: 'Priority', ref: rfc(9218, '5'), role: 'both' },
  'proxy-status': { name: 'Proxy-Status', ref: rfc(9209, '2'), role: 'response' },
  'strict-transport-security': { name: 'Strict-Transport-Security', ref: rfc(6797, '6.1'), role: 'response' },
  'x-frame-options': { name: 'X-Frame-Options', ref: rfc(7034, '2'), role: 'response' },

  // Integrity digests: RFC 9530 and the RFC 3230 fields it obsoletes
  'content-digest': { name: 'Content-Digest', ref: rfc(9530, '2'), role: 'both' },
  'repr-digest': { name: 'Repr-Digest', ref: rfc(9530, '3'), role: 'both' },
  'want-content-digest': { name: 'Want-Content-Digest', ref: rfc(9530, '4'), role: 'both' },
  'want-repr-digest': { name: 'Want-Repr-Digest', ref: rfc(9530, '4'), role: 'both' },
  digest: { name: 'Digest', ref: rfc(3230, '4.3.2'), role: 'both' },
  'want-digest': { name: 'Want-Digest', ref: rfc(3230, '4.3.1'), role: 'both' },

  // WebSocket opening handshake, RFC 6455
  'sec-websocket-key': { name: 'Sec-WebSocket-Key', ref: rfc(6455, '11.3.1'), role: 'request' },
  'sec-websocket-extensions': { name: 'Sec-WebSocket-Extensions', ref: rfc(6455, '11.3.2'), role: 'both' },
  'sec-websocket-accept': { name: 'Sec-WebSocket-Accept', ref: rfc(6455, '11.3.3'), role: 'response' },
  'sec-websocket-protocol': { name: 'Sec-WebSocket-Protocol', ref: rfc(6455, '11.3.4'), role: 'both' },
  'sec-websocket-version': { name: 'Sec-WebSocket-Version', ref: rfc(6455, '11.3.5'), role: 'both' },

  // WebDAV, RFC 4918
  dav: { name: 'DAV', ref: rfc(4918, '10.1'), role: 'response' },
  depth: { name: 'Depth', ref: rfc(4918, '10.2'), role: 'request' },
  destination: { name: 'Destination', ref: rfc(4918, '10.3'), role: 'request' },
  if: { name: 'If', ref: rfc(4918, '10.4'), role: 'request' },
  'lock-token': { name: 'Lock-Token', ref: rfc(4918, '10.5'), role: 'both' },
  overwrite: { name: 'Overwrite', ref: rfc(4918, '10.6'), role: 'request' },
  timeout: { name: 'Timeout', ref: rfc(4918, '10.7'), role: 'request' },

  // CORS and cross-origin isolation
  'access-control-allow-origin': { name: 'Access-Control-Allow-Origin', ref: spec(FETCH), role: 'response' },
  'access-control-allow-credentials': { name: 'Access-Control-Allow-Credentials', ref: spec(FETCH), role: 'response' },
  'access-control-allow-headers': { name: 'Access-Control-Allow-Headers', ref: spec(FETCH), role: 'response' },
  'access-control-allow-methods': { name: 'Access-Control-Allow-Methods', ref: spec(FETCH), role: 'response' },
  'access-control-expose-headers': { name: 'Access-Control-Expose-Headers', ref: spec(FETCH), role: 'response' },
  'access-control-max-age': { name: 'Access-Control-Max-Age', ref: spec(FETCH), role: 'response' },
  'access-control-request-headers': { name: 'Access-Control-Request-Headers', ref: spec(FETCH), role: 'request' },
  'access-control-request-method': { name: 'Access-Control-Request-Method', ref: spec(FETCH), role: 'request' },
  'cross-origin-resource-policy': { name: 'Cross-Origin-Resource-Policy', ref: spec(FETCH), role: 'response' },
  'cross-origin-opener-policy': { name: 'Cross-Origin-Opener-Policy', ref: spec(HTML), role: 'response' },
  'cross-origin-embedder-policy': { name: 'Cross-Origin-Embedder-Policy', ref: spec(HTML), role: 'response' },
  'origin-agent-cluster': { name: 'Origin-Agent-Cluster', ref: spec(HTML), role: 'response' },

  // Browser security and privacy policies
  'content-security-policy': { name: 'Content-Security-Policy', ref: spec('W3C Content Security Policy Level 3'), role: 'response' },
  'content-security-policy-report-only': {
    name: 'Content-Security-Policy-Report-Only',
    ref: spec('W3C Content Security Policy Level 3'),
    role: 'response',
  },
  'x-content-type-options': { name: 'X-Content-Type-Options', ref: spec(FETCH), role: 'response' },
  'x-xss-protection': { name: 'X-XSS-Protection', ref: deFacto('Internet Explorer, Chrome'), role: 'response' },
  'referrer-policy': { name: 'Referrer-Policy', ref: spec('W3C Referrer Policy'), role: 'response' },
  'permissions-policy': { name: 'Permissions-Policy', ref: spec('W3C Permissions Policy'), role: 'response' },
  'clear-site-data': { name: 'Clear-Site-Data', ref: spec('W3C Clear Site Data'), role: 'response' },
  'upgrade-insecure-requests': { name: 'Upgrade-Insecure-Requests', ref: spec('W3C Upgrade Insecure Requests'), role: 'request' },
  dnt: { name: 'DNT', ref: spec('W3C Tracking Preference Expression (DNT), discontinued'), role: 'request' },
  'sec-gpc': { name: 'Sec-GPC', ref: spec('Global Privacy Control (GPC)'), role: 'request' },
  'x-permitted-cross-domain-policies': {
    name: 'X-Permitted-Cross-Domain-Policies',
    ref: deFacto('Adobe'),
    role: 'response',
  },
  'x-download-options': { name: 'X-Download-Options', ref: deFacto('Internet Explorer 8'), role: 'response' },
  'x-dns-prefetch-control': { name: 'X-DNS-Prefetch-Control', ref: deFacto(), role: 'response' },

  // Fetch metadata and client hints
  'sec-fetch-dest': { name: 'Sec-Fetch-Dest', ref: spec(FETCH_METADATA), role: 'request' },
  'sec-fetch-mode': { name: 'Sec-Fetch-Mode', ref: spec(FETCH_METADATA), role: 'request' },
  'sec-fetch-site': { name: 'Sec-Fetch-Site', ref: spec(FETCH_METADATA), role: 'request' },
  'sec-fetch-user': { name: 'Sec-Fetch-User', ref: spec(FETCH_METADATA), role: 'request' },
  'sec-purpose': { name: 'Sec-Purpose', ref: spec(FETCH), role: 'request' },
  purpose: { name: 'Purpose', ref: deFacto(), role: 'request' },
  'sec-ch-ua': { name: 'Sec-CH-UA', ref: spec(UA_CH), role: 'request' },
  'sec-ch-ua-mobile': { name: 'Sec-CH-UA-Mobile', ref: spec(UA_CH), role: 'request' },
  'sec-ch-ua-platform': { name: 'Sec-CH-UA-Platform', ref: spec(UA_CH), role: 'request' },
  'sec-ch-ua-platform-version': { name: 'Sec-CH-UA-Platform-Version', ref: spec(UA_CH), role: 'request' },
  'sec-ch-ua-full-version-list': { name: 'Sec-CH-UA-Full-Version-List', ref: spec(UA_CH), role: 'request' },
  'sec-ch-ua-arch': { name: 'Sec-CH-UA-Arch', ref: spec(UA_CH), role: 'request' },
  'sec-ch-ua-bitness': { name: 'Sec-CH-UA-Bitness', ref: spec(UA_CH), role: 'request' },
  'sec-ch-ua-model': { name: 'Sec-CH-UA-Model', ref: spec(UA_CH), role: 'request' },
  'save-data': { name: 'Save-Data', ref: spec('WICG Save Data API'), role: 'request' },

  // Monitoring, reporting and tracing
  'server-timing': { name: 'Server-Timing', ref: spec('W3C Server Timing'), role: 'response' },
  'timing-allow-origin': { name: 'Timing-Allow-Origin', ref: spec('W3C Resource Timing'), role: 'response' },
  'report-to': { name: 'Report-To', ref: spec('W3C Reporting API (earlier draft, replaced by Reporting-Endpoints)'), role: 'response' },
  'reporting-endpoints': { name: 'Reporting-Endpoints', ref: spec('W3C Reporting API'), role: 'response' },
  nel: { name: 'NEL', ref: spec('W3C Network Error Logging'), role: 'response' },
  traceparent: { name: 'Traceparent', ref: spec('W3C Trace Context'), role: 'request' },
  tracestate: { name: 'Tracestate', ref: spec('W3C Trace Context'), role: 'request' },

  // HTML-defined fields
  'last-event-id': { name: 'Last-Event-ID', ref: spec(HTML), role: 'request' },
  refresh: { name: 'Refresh', ref: spec(HTML), role: 'response' },

  // Proxies, load balancers and CDNs (de facto)
  'x-forwarded-for': { name: 'X-Forwarded-For', ref: deFacto(), role: 'request' },
  'x-forwarded-host': { name: 'X-Forwarded-Host', ref: deFacto(), role: 'request' },
  'x-forwarded-proto': { name: 'X-Forwarded-Proto', ref: deFacto(), role: 'request' },
  'x-real-ip': { name: 'X-Real-IP', ref: deFacto(), role: 'request' },
  'x-request-id': { name: 'X-Request-ID', ref: deFacto(), role: 'both' },
  'x-cache': { name: 'X-Cache', ref: deFacto(), role: 'response' },

  // Application and server software (de facto)
  'x-requested-with': { name: 'X-Requested-With', ref: deFacto(), role: 'request' },
  'x-powered-by': { name: 'X-Powered-By', ref: deFacto(), role: 'response' },
  'x-pingback': { name: 'X-Pingback', ref: spec('Pingback 1.0 (WordPress)'), role: 'response' },
  'x-robots-tag': { name: 'X-Robots-Tag', ref: deFacto(), role: 'response' },
} as const satisfies Record<string, HttpHeaderFact>;

export const HTTP_STATUS = {
  // 1xx, RFC 9110 section 15.2 and extensions
  100: { reason: 'Continue', ref: rfc(9110, '15.2.1') },
  101: { reason: 'Switching Protocols', ref: rfc(9110, '15.2.2') },
  102: { reason: 'Processing', ref: rfc(2518, '10.1') },
  103: { reason: 'Early Hints', ref: rfc(8297, '2') },

  // 2xx, RFC 9110 section 15.3 and extensions
  200: { reason: 'OK', ref: rfc(9110, '15.3.1') },
  201: { reason: 'Created', ref: rfc(9110, '15.3.2') },
  202: { reason: 'Accepted', ref: rfc(9110, '15.3.3') },
  203: { reason: 'Non-Authoritative Information', ref: rfc(9110, '15.3.4') },
  204: { reason: 'No Content', ref: rfc(9110, '15.3.5') },
  205: { reason: 'Reset Content', ref: rfc(9110, '15.3.6') },
  206: { reason: 'Partial Content', ref: rfc(9110, '15.3.7') },
  207: { reason: 'Multi-Status', ref: rfc(4918, '11.1') },
  208: { reason: 'Already Reported', ref: rfc(5842, '7.1') },
  226: { reason: 'IM Used', ref: rfc(3229, '10.4.1') },

  // 3xx, RFC 9110 section 15.4
  300: { reason: 'Multiple Choices', ref: rfc(9110, '15.4.1') },
  301: { reason: 'Moved Permanently', ref: rfc(9110, '15.4.2') },
  302: { reason: 'Found', ref: rfc(9110, '15.4.3') },
  303: { reason: 'See Other', ref: rfc(9110, '15.4.4') },
  304: { reason: 'Not Modified', ref: rfc(9110, '15.4.5') },
  305: { reason: 'Use Proxy', ref: rfc(9110, '15.4.6') },
  306: { reason: '(Unused)', ref: rfc(9110, '15.4.7') },
  307: { reason: 'Temporary Redirect', ref: rfc(9110, '15.4.8') },
  308: { reason: 'Permanent Redirect', ref: rfc(9110, '15.4.9') },

  // 4xx, RFC 9110 section 15.5 and extensions
  400: { reason: 'Bad Request', ref: rfc(9110, '15.5.1') },
  401: { reason: 'Unauthorized', ref: rfc(9110, '15.5.2') },
  402: { reason: 'Payment Required', ref: rfc(9110, '15.5.3') },
  403: { reason: 'Forbidden', ref: rfc(9110, '15.5.4') },
  404: { reason: 'Not Found', ref: rfc(9110, '15.5.5') },
  405: { reason: 'Method Not Allowed', ref: rfc(9110, '15.5.6') },
  406: { reason: 'Not Acceptable', ref: rfc(9110, '15.5.7') },
  407: { reason: 'Proxy Authentication Required', ref: rfc(9110, '15.5.8') },
  408: { reason: 'Request Timeout', ref: rfc(9110, '15.5.9') },
  409: { reason: 'Conflict', ref: rfc(9110, '15.5.10') },
  410: { reason: 'Gone', ref: rfc(9110, '15.5.11') },
  411: { reason: 'Length Required', ref: rfc(9110, '15.5.12') },
  412: { reason: 'Precondition Failed', ref: rfc(9110, '15.5.13') },
  413: { reason: 'Content Too Large', ref: rfc(9110, '15.5.14') },
  414: { reason: 'URI Too Long', ref: rfc(9110, '15.5.15') },
  415: { reason: 'Unsupported Media Type', ref: rfc(9110, '15.5.16') },
  416: { reason: 'Range Not Satisfiable', ref: rfc(9110, '15.5.17') },
  417: { reason: 'Expectation Failed', ref: rfc(9110, '15.5.18') },
  418: { reason: '(Unused)', ref: rfc(9110, '15.5.19') },
  421: { reason: 'Misdirected Request', ref: rfc(9110, '15.5.20') },
  422: { reason: 'Unprocessable Content', ref: rfc(9110, '15.5.21') },
  423: { reason: 'Locked', ref: rfc(4918, '11.3') },
  424: { reason: 'Failed Dependency', ref: rfc(4918, '11.4') },
  425: { reason: 'Too Early', ref: rfc(8470, '5.2') },
  426: { reason: 'Upgrade Required', ref: rfc(9110, '15.5.22') },
  428: { reason: 'Precondition Required', ref: rfc(6585, '3') },
  429: { reason: 'Too Many Requests', ref: rfc(6585, '4') },
  431: { reason: 'Request Header Fields Too Large', ref: rfc(6585, '5') },
  451: { reason: 'Unavailable For Legal Reasons', ref: rfc(7725, '3') },

  // 5xx, RFC 9110 section 15.6 and extensions
  500: { reason: 'Internal Server Error', ref: rfc(9110, '15.6.1') },
  501: { reason: 'Not Implemented', ref: rfc(9110, '15.6.2') },
  502: { reason: 'Bad Gateway', ref: rfc(9110, '15.6.3') },
  503: { reason: 'Service Unavailable', ref: rfc(9110, '15.6.4') },
  504: { reason: 'Gateway Timeout', ref: rfc(9110, '15.6.5') },
  505: { reason: 'HTTP Version Not Supported', ref: rfc(9110, '15.6.6') },
  506: { reason: 'Variant Also Negotiates', ref: rfc(2295, '8.1') },
  507: { reason: 'Insufficient Storage', ref: rfc(4918, '11.5') },
  508: { reason: 'Loop Detected', ref: rfc(5842, '7.2') },
  510: { reason: 'Not Extended', ref: rfc(2774, '7') },
  511: { reason: 'Network Authentication Required', ref: rfc(6585, '6') },
} as const satisfies Record<number, HttpStatusFact>;

export const HTTP_STATUS_CLASSES = {
  '1xx': { ref: rfc(9110, '15.2') },
  '2xx': { ref: rfc(9110, '15.3') },
  '3xx': { ref: rfc(9110, '15.4') },
  '4xx': { ref: rfc(9110, '15.5') },
  '5xx': { ref: rfc(9110, '15.6') },
} as const satisfies Record<string, HttpStatusClassFact>;

export const HTTP_METHODS = {
  GET: { ref: rfc(9110, '9.3.1'), safe: true, idempotent: true, cacheable: true, requestBody: 'none' },
  HEAD: { ref: rfc(9110, '9.3.2'), safe: true, idempotent: true, cacheable: true, requestBody: 'none' },
  POST: { ref: rfc(9110, '9.3.3'), safe: false, idempotent: false, cacheable: true, requestBody: 'expected' },
  PUT: { ref: rfc(9110, '9.3.4'), safe: false, idempotent: true, cacheable: false, requestBody: 'expected' },
  DELETE: { ref: rfc(9110, '9.3.5'), safe: false, idempotent: true, cacheable: false, requestBody: 'none' },
  CONNECT: { ref: rfc(9110, '9.3.6'), safe: false, idempotent: false, cacheable: false, requestBody: 'none' },
  OPTIONS: { ref: rfc(9110, '9.3.7'), safe: true, idempotent: true, cacheable: false, requestBody: 'optional' },
  TRACE: { ref: rfc(9110, '9.3.8'), safe: true, idempotent: true, cacheable: false, requestBody: 'none' },
  PATCH: { ref: rfc(5789, '2'), safe: false, idempotent: false, cacheable: true, requestBody: 'expected' },
  PROPFIND: { ref: rfc(4918, '9.1'), safe: true, idempotent: true, cacheable: false, requestBody: 'optional' },
  PROPPATCH: { ref: rfc(4918, '9.2'), safe: false, idempotent: true, cacheable: false, requestBody: 'expected' },
  MKCOL: { ref: rfc(4918, '9.3'), safe: false, idempotent: true, cacheable: false, requestBody: 'optional' },
  COPY: { ref: rfc(4918, '9.8'), safe: false, idempotent: true, cacheable: false, requestBody: 'none' },
  MOVE: { ref: rfc(4918, '9.9'), safe: false, idempotent: true, cacheable: false, requestBody: 'none' },
  LOCK: { ref: rfc(4918, '9.10'), safe: false, idempotent: false, cacheable: false, requestBody: 'optional' },
  UNLOCK: { ref: rfc(4918, '9.11'), safe: false, idempotent: true, cacheable: false, requestBody: 'none' },
} as const satisfies Record<string, HttpMethodFact>;

/** Lower-case field name of a header in the table. */
export type HttpHeaderId = keyof typeof HTTP_HEADERS;
/** A status code in the table. */
export type HttpStatusCode = keyof typeof HTTP_STATUS;
/** A status code class: '1xx' to '5xx'. */
export type HttpStatusClass = keyof typeof HTTP_STATUS_CLASSES;
/** A method in the table, upper case as sent on the wire. */
export type HttpMethodName = keyof typeof HTTP_METHODS;

/** The words for one language: an explanation for every id of every table, no more and no fewer. */
export interface HttpTexts {
  headers: Record<HttpHeaderId, Explanation>;
  status: Record<HttpStatusCode, Explanation>;
  statusClasses: Record<HttpStatusClass, Explanation>;
  methods: Record<HttpMethodName, Explanation>;
}
