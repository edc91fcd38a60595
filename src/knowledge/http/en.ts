/*
 * HTTP knowledge in English: one explanation per header field, status code, status class
 * and method of `facts.ts`. Status titles are the reason phrases of the defining RFC.
 */

import type { HttpTexts } from './facts.js';

export const httpEn = {
  headers: {
    accept: {
      title: 'Accepted media types',
      text: 'Sent by the client to list the media types it can handle, best first. For example "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8" means HTML is preferred, and the q values (0 to 1) rank the other types.',
    },
    'accept-charset': {
      title: 'Accepted character sets',
      text: 'Lists the character encodings the client can read, such as "utf-8". RFC 9110 deprecates it because UTF-8 is now almost universal, and modern browsers no longer send it.',
    },
    'accept-encoding': {
      title: 'Accepted content codings',
      text: 'Sent by the client to list the compression formats it can decode. "gzip, deflate, br" means the server may compress the body with gzip, deflate or Brotli, and it says which one it chose in Content-Encoding.',
    },
    'accept-language': {
      title: 'Preferred languages',
      text: 'Sent by the client (the browser takes it from the user\'s language settings) to say which natural languages it prefers. "zh-CN,zh;q=0.9,en;q=0.8" means Simplified Chinese first, then any Chinese, then English.',
    },
    'accept-ranges': {
      title: 'Range support',
      text: 'Sent by the server to say whether it accepts range requests for this resource. "bytes" means the client may ask for a part of the file (for example to resume a download); "none" means it may not.',
    },
    allow: {
      title: 'Allowed methods',
      text: 'Sent by the server to list the methods the resource supports, for example "GET, HEAD, OPTIONS". It must appear in a 405 (Method Not Allowed) response and is common in answers to OPTIONS.',
    },
    'authentication-info': {
      title: 'Authentication info',
      text: 'Sent by the server after a successful authentication to pass extra data for the scheme in use. With Digest authentication, for example, it can carry the next nonce to use and a value proving the server knew the password.',
    },
    authorization: {
      title: 'Authorization',
      text: 'Sent by the client to prove who it is, usually after a 401 response. "Basic dXNlcjpwYXNz" is the user name and password in Base64, which is an encoding, not encryption: anyone who captures it can read them unless the connection uses TLS. "Bearer ..." carries a token instead.',
    },
    connection: {
      title: 'Connection options',
      text: 'Controls the current TCP connection only and is not forwarded by proxies. "keep-alive" asks to keep the connection open for more requests (the default in HTTP/1.1), "close" says it will be closed after this response. HTTP/2 and HTTP/3 do not use it.',
    },
    'content-encoding': {
      title: 'Content coding',
      text: 'Says which compression was applied to the body, for example "gzip" or "br" (Brotli). The receiver must decompress it to get the original data; the coding was usually chosen from the client\'s Accept-Encoding.',
    },
    'content-language': {
      title: 'Content language',
      text: 'Names the natural language of the intended audience of the content, for example "en" or "zh-CN".',
    },
    'content-length': {
      title: 'Content length',
      text: 'The size of the body in bytes, in decimal. It tells the receiver where the message ends so the connection can carry the next one; when the length is not known in advance, HTTP/1.1 uses chunked Transfer-Encoding instead.',
    },
    'content-location': {
      title: 'Content location',
      text: 'Sent mainly by the server to give the URL of the specific resource that the returned content comes from. For example a request for "/report" may answer with "Content-Location: /report.zh.html" when the Chinese version was chosen.',
    },
    'content-range': {
      title: 'Content range',
      text: 'Sent in a 206 (Partial Content) response to say which part of the resource the body holds. "bytes 0-1023/146515" means the first 1024 bytes of a 146515-byte file.',
    },
    'content-type': {
      title: 'Content type',
      text: 'The media type of the body, so the receiver knows how to interpret it. "text/html; charset=utf-8" means an HTML page encoded in UTF-8; "application/json" is JSON data.',
    },
    date: {
      title: 'Date',
      text: 'The date and time at which the message was generated, always in GMT, for example "Tue, 15 Nov 2024 08:12:31 GMT". Origin servers must send it; caches use it to compute the age of a response.',
    },
    etag: {
      title: 'Entity tag',
      text: 'Sent by the server as an opaque version label of the resource, for example "33a64df5" in quotes (W/ in front marks a weak tag). The client can later send it in If-None-Match to ask "has it changed?" and get a short 304 response if not.',
    },
    expect: {
      title: 'Expectation',
      text: 'Sent by the client to ask for special handling. The only defined value, "100-continue", means "tell me before I send this large body": the server replies 100 (Continue) or an error. curl, for example, does this for large uploads.',
    },
    from: {
      title: 'From (user email)',
      text: "An email address of the human user behind the client. Browsers never send it; some web crawlers send the operator's address so site owners can contact them.",
    },
    host: {
      title: 'Host',
      text: 'The host name (and port, if not the default) of the server the client wants, for example "www.example.com". It is required in every HTTP/1.1 request and lets one IP address serve many websites (virtual hosting); HTTP/2 carries it as the ":authority" pseudo-header.',
    },
    'if-match': {
      title: 'If match',
      text: "Makes the request conditional: the server performs it only if the resource's current ETag matches one listed. It is used before PUT or DELETE to avoid overwriting someone else's change; if it does not match the server answers 412 (Precondition Failed).",
    },
    'if-none-match': {
      title: 'If none match',
      text: 'Sent by the client with the ETag of its cached copy. If the resource still has that ETag the server answers 304 (Not Modified) without a body and the client reuses its copy; otherwise it sends the new version.',
    },
    'if-modified-since': {
      title: 'If modified since',
      text: 'Sent by the client with the Last-Modified date of its cached copy. If the resource has not changed since then the server answers 304 (Not Modified) without a body; otherwise it sends the new version.',
    },
    'if-unmodified-since': {
      title: 'If unmodified since',
      text: 'Makes the request conditional on the resource not having changed since the given date. If it has changed, the server refuses with 412 (Precondition Failed), which protects against overwriting a newer version.',
    },
    'if-range': {
      title: 'If range',
      text: 'Used with Range when resuming a download: "send me the missing part only if the file is still this version" (an ETag or a date). If the file has changed the server sends the whole new file with 200 instead of a 206 part.',
    },
    'last-modified': {
      title: 'Last modified',
      text: 'Sent by the server: when the resource was last changed, in GMT. The client can send this date back in If-Modified-Since to revalidate its cached copy.',
    },
    location: {
      title: 'Location',
      text: 'Sent by the server with a URL. In a redirect (3xx) it is where the client should go next; in a 201 (Created) response it is the address of the newly created resource.',
    },
    'max-forwards': {
      title: 'Max forwards',
      text: 'Limits how many more proxies may forward a TRACE or OPTIONS request, like an IP TTL: each proxy decrements it, and the one that receives 0 answers itself. It helps find where a request is looping or failing along a proxy chain.',
    },
    'proxy-authenticate': {
      title: 'Proxy authentication challenge',
      text: 'Sent by a proxy with a 407 (Proxy Authentication Required) response to say which authentication scheme it wants, for example \'Basic realm="proxy"\'. The client then retries with Proxy-Authorization.',
    },
    'proxy-authorization': {
      title: 'Proxy authorization',
      text: "Carries the client's credentials for a proxy, in the same format as Authorization. The proxy consumes it and does not forward it to the origin server.",
    },
    'proxy-authentication-info': {
      title: 'Proxy authentication info',
      text: "Like Authentication-Info, but sent by a proxy after it has accepted the client's Proxy-Authorization.",
    },
    range: {
      title: 'Range',
      text: 'Sent by the client to ask for only part of a resource. "bytes=0-1023" asks for the first 1024 bytes; download managers and video players use it to resume or seek, and the server answers 206 (Partial Content).',
    },
    referer: {
      title: 'Referrer',
      text: 'The address of the page from which the request was made, for example the page containing the link that was clicked. The misspelling "Referer" comes from the original HTTP specification and was kept for compatibility; browsers may shorten or omit it according to Referrer-Policy.',
    },
    'retry-after': {
      title: 'Retry after',
      text: 'Sent by the server to say how long the client should wait before trying again, either in seconds ("120") or as a date. It typically comes with 503 (Service Unavailable) or 429 (Too Many Requests).',
    },
    server: {
      title: 'Server software',
      text: 'Describes the software of the origin server, for example "nginx/1.24.0" or "Apache/2.4.58 (Ubuntu)". Many sites shorten or hide it so that attackers learn less about the version.',
    },
    te: {
      title: 'Accepted transfer codings',
      text: 'Sent by the client to say which transfer codings it accepts besides chunked. In practice the value is "trailers", meaning the client can handle fields sent after the body (the trailer section); in HTTP/2 that is the only allowed value.',
    },
    trailer: {
      title: 'Trailer fields',
      text: 'Announces which header fields will be sent after the body, in the trailer section of a chunked message, for example a checksum that can only be computed once all data has been sent.',
    },
    upgrade: {
      title: 'Protocol upgrade',
      text: 'Asks to switch the current connection to another protocol, for example "websocket" (or "h2c" for cleartext HTTP/2). If the server agrees it answers 101 (Switching Protocols) with the same header, and the following bytes on the connection use the new protocol.',
    },
    'user-agent': {
      title: 'User agent',
      text: 'Identifies the client software, for example "curl/8.5.0" or a long browser string starting with "Mozilla/5.0" (kept for historical compatibility). Servers use it for statistics and to work around client bugs.',
    },
    vary: {
      title: 'Vary',
      text: 'Sent by the server to tell caches which request headers influenced the response. "Vary: Accept-Encoding" means a cache must keep separate copies for clients that accept gzip and for those that do not.',
    },
    via: {
      title: 'Via (intermediaries)',
      text: 'Added by each proxy or gateway that forwards the message, with the protocol version and a name, for example "1.1 varnish". Reading it shows the chain of intermediaries between client and server.',
    },
    'www-authenticate': {
      title: 'Authentication challenge',
      text: 'Sent by the server with a 401 (Unauthorized) response to say how to authenticate, for example \'Basic realm="Lab"\'. A browser then shows a login dialog and repeats the request with an Authorization header.',
    },
    age: {
      title: 'Age',
      text: 'Added by a cache: how many seconds ago this response was generated or revalidated by the origin server. "Age: 600" means the copy has been served from a cache for about ten minutes.',
    },
    'cache-control': {
      title: 'Cache control',
      text: 'Directives for browser and proxy caches. "max-age=3600" allows reuse for an hour, "no-cache" allows storing but requires checking with the server before each reuse, and "no-store" forbids storing at all; in a request, "no-cache" asks for a fresh copy.',
    },
    expires: {
      title: 'Expires',
      text: 'Sent by the server: the date after which the response is considered stale and must not be reused without checking. It is the older mechanism; if Cache-Control max-age is also present, max-age wins.',
    },
    pragma: {
      title: 'Pragma (HTTP/1.0)',
      text: 'An HTTP/1.0 legacy field, deprecated by RFC 9111. "Pragma: no-cache" is still sent by browsers on a forced reload, for old HTTP/1.0 caches; HTTP/1.1 uses Cache-Control instead.',
    },
    warning: {
      title: 'Warning (obsolete)',
      text: 'Carried extra information about the state of a message, for example 110 - "Response is Stale" from a cache. RFC 9111 made it obsolete because it was rarely used; it can still be seen from old software.',
    },
    'transfer-encoding': {
      title: 'Transfer encoding',
      text: 'Says how the body is framed on an HTTP/1.1 connection. "chunked" means the body is sent in pieces, each preceded by its size in hexadecimal and ended by a zero-size chunk, so the server can start sending before it knows the total length. It is hop-by-hop and not used in HTTP/2.',
    },
    'keep-alive': {
      title: 'Keep-alive parameters',
      text: 'Gives parameters of a persistent connection, for example "timeout=5, max=100": the server keeps an idle connection open for 5 seconds and serves at most 100 requests on it. It comes from HTTP/1.0 practice (RFC 2068) and only works together with "Connection: keep-alive".',
    },
    'proxy-connection': {
      title: 'Proxy connection (non-standard)',
      text: 'A non-standard field that some older clients sent to a proxy instead of Connection, usually "keep-alive". It was never specified and the HTTP/1.1 specifications advise not to send it.',
    },
    'http2-settings': {
      title: 'HTTP/2 settings (upgrade)',
      text: 'Sent with "Upgrade: h2c" when a client tries to switch a cleartext HTTP/1.1 connection to HTTP/2; it carries the client\'s HTTP/2 SETTINGS in Base64. RFC 9113 deprecated this upgrade method, so it is rarely seen now.',
    },
    cookie: {
      title: 'Cookie',
      text: 'Sent by the browser with the cookies it stored earlier for this site, as name=value pairs separated by "; ", for example "sessionid=38afes7a8; lang=zh". This is how a server recognises the same user across requests although HTTP itself is stateless.',
    },
    'set-cookie': {
      title: 'Set cookie',
      text: 'Sent by the server to store a cookie in the browser, for example "sessionid=38afes7a8; Path=/; HttpOnly; Secure". The attributes control its lifetime (Expires, Max-Age), scope (Domain, Path) and protection: HttpOnly hides it from JavaScript, Secure sends it only over HTTPS.',
    },
    origin: {
      title: 'Origin',
      text: 'Sent by the browser to say which origin (scheme, host and port) started a request, for example "https://app.example.com". Servers use it to check cross-origin (CORS) requests and WebSocket connections.',
    },
    'accept-ch': {
      title: 'Accepted client hints',
      text: 'Sent by the server to ask the browser to include certain client hints in later requests, for example "Sec-CH-UA-Platform-Version, Sec-CH-UA-Model".',
    },
    'accept-patch': {
      title: 'Accepted patch formats',
      text: 'Sent by the server to list the document formats it accepts in PATCH requests, for example "application/json-patch+json".',
    },
    'alt-svc': {
      title: 'Alternative services',
      text: 'Sent by the server to advertise that the same site is also reachable another way. \'h3=":443"; ma=86400\' means HTTP/3 (over QUIC, UDP port 443) is available and the client may remember this for 86400 seconds.',
    },
    'alt-used': {
      title: 'Alternative service used',
      text: 'Sent by the client when it connects through an alternative service advertised with Alt-Svc, naming the host and port actually used.',
    },
    'cache-status': {
      title: 'Cache status',
      text: 'Added by caches to report how they handled the request, for example "ExampleCDN; hit" (served from cache) or "ExampleCDN; fwd=uri-miss" (forwarded because it was not cached). It is a standard replacement for vendor-specific fields like X-Cache.',
    },
    'cdn-cache-control': {
      title: 'CDN cache control',
      text: 'Cache-Control directives that apply only to CDN caches, for example "max-age=600". It lets a site cache content longer at the CDN than in browsers.',
    },
    'cdn-loop': {
      title: 'CDN loop detection',
      text: 'Added by CDNs to the requests they forward, naming themselves (for example "cloudflare"). If a CDN sees its own name in a request it knows the request is going round in a loop and can stop it.',
    },
    'content-disposition': {
      title: 'Content disposition',
      text: 'Tells the browser whether to display the content or save it. \'attachment; filename="report.pdf"\' opens a download dialog with that file name; "inline" displays it in the page.',
    },
    'early-data': {
      title: 'Early data',
      text: '"Early-Data: 1" is added by a proxy when it received the request in TLS 1.3 early data (0-RTT), which an attacker could replay. The server may then answer 425 (Too Early) for requests that are not safe to replay.',
    },
    'expect-ct': {
      title: 'Expect Certificate Transparency (obsolete)',
      text: 'Asked browsers to require that the site\'s TLS certificates be publicly logged (Certificate Transparency), for example "max-age=86400, enforce". It is obsolete: browsers now require this anyway and have removed support.',
    },
    forwarded: {
      title: 'Forwarded',
      text: 'Added by proxies to record information hidden by proxying, for example "for=192.0.2.60;proto=https;by=203.0.113.43": the original client address, the protocol it used and the proxy\'s address. It is the standard form of X-Forwarded-For and related fields.',
    },
    link: {
      title: 'Link',
      text: "Expresses links to other resources in the header, in the same way as HTML <link>. '</style.css>; rel=preload; as=style' tells the browser to start loading the stylesheet early.",
    },
    prefer: {
      title: 'Preferences',
      text: 'Sent by the client to state optional preferences for how the server handles the request, for example "return=minimal" (no body needed in the answer) or "respond-async". The server may ignore them.',
    },
    'preference-applied': {
      title: 'Preferences applied',
      text: 'Sent by the server to say which of the client\'s Prefer preferences it honoured, for example "return=minimal".',
    },
    priority: {
      title: 'Priority',
      text: 'Signals how urgent a response is. "u=0, i" means urgency 0 (the highest of 0 to 7; the default is 3) and "i" means the response can be used incrementally, as it arrives; browsers use it mostly over HTTP/2 and HTTP/3.',
    },
    'proxy-status': {
      title: 'Proxy status',
      text: 'Added by proxies and CDNs to explain how they handled a response, in particular what went wrong, for example "ExampleProxy; error=dns_timeout" on a 504 response.',
    },
    'strict-transport-security': {
      title: 'HTTP Strict Transport Security',
      text: 'Sent by the server over HTTPS to say "only contact me through HTTPS from now on". "max-age=31536000; includeSubDomains" makes the browser turn every http:// link to this site and its subdomains into https:// for a year.',
    },
    'x-frame-options': {
      title: 'Frame options',
      text: 'Tells the browser whether the page may be shown inside a frame of another site, which protects against clickjacking. "DENY" forbids framing, "SAMEORIGIN" allows it only on the same site; CSP frame-ancestors is the modern replacement.',
    },
    'content-digest': {
      title: 'Content digest',
      text: 'A checksum of the body as sent in this message, for example "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:". The receiver can recompute it to detect corruption.',
    },
    'repr-digest': {
      title: 'Representation digest',
      text: 'A checksum of the whole representation, for example the complete file even when this message carries only part of it in a 206 response.',
    },
    'want-content-digest': {
      title: 'Wanted content digest',
      text: 'Asks the other side to include Content-Digest and says which hash algorithms are preferred, for example "sha-256=10, sha-512=3" (a higher number means more preferred).',
    },
    'want-repr-digest': {
      title: 'Wanted representation digest',
      text: 'Asks the other side to include Repr-Digest and says which hash algorithms are preferred, for example "sha-256=10".',
    },
    digest: {
      title: 'Digest (obsolete)',
      text: 'The older checksum field of RFC 3230, for example "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=". RFC 9530 obsoleted it because its meaning was ambiguous; Content-Digest and Repr-Digest replace it.',
    },
    'want-digest': {
      title: 'Wanted digest (obsolete)',
      text: 'The older RFC 3230 way of asking for a Digest field, for example "SHA-256". It was obsoleted by RFC 9530 and replaced by Want-Content-Digest and Want-Repr-Digest.',
    },
    'sec-websocket-key': {
      title: 'WebSocket key',
      text: 'A random 16-byte value in Base64 sent by the client in the WebSocket opening handshake. The server must prove it understood the handshake by returning a value derived from it in Sec-WebSocket-Accept.',
    },
    'sec-websocket-extensions': {
      title: 'WebSocket extensions',
      text: 'Negotiates WebSocket extensions: the client offers them and the server confirms the ones it accepts. "permessage-deflate" compresses each message.',
    },
    'sec-websocket-accept': {
      title: 'WebSocket accept',
      text: "Sent by the server in its 101 response: the SHA-1 hash of the client's Sec-WebSocket-Key joined with a fixed GUID, in Base64. The client checks it to be sure it is talking to a real WebSocket server.",
    },
    'sec-websocket-protocol': {
      title: 'WebSocket subprotocol',
      text: 'The client lists the application protocols it wants to speak over the WebSocket, for example "chat, superchat"; the server answers with the one it picked.',
    },
    'sec-websocket-version': {
      title: 'WebSocket version',
      text: 'The WebSocket protocol version the client uses; "13" is the version of RFC 6455 and the only one in use. A server that does not support it replies with the versions it does support.',
    },
    dav: {
      title: 'WebDAV compliance',
      text: 'Sent by a WebDAV server, typically in its answer to OPTIONS, to list the WebDAV compliance classes it supports, for example "1, 2" (class 2 adds locking).',
    },
    depth: {
      title: 'Depth (WebDAV)',
      text: 'Tells a WebDAV server how far a method applies in a folder tree: "0" means only the resource itself, "1" also its direct members, "infinity" everything below it.',
    },
    destination: {
      title: 'Destination (WebDAV)',
      text: 'The target URL of a WebDAV COPY or MOVE request, that is, where the resource should be copied or moved to.',
    },
    if: {
      title: 'If (WebDAV)',
      text: 'A WebDAV condition that lists lock tokens and ETags; the server performs the request only if they match. Clients use it to show that they hold the lock on a resource they modify.',
    },
    'lock-token': {
      title: 'Lock token (WebDAV)',
      text: 'Identifies a WebDAV lock, for example "<urn:uuid:181d4fae-7d8c-11d0-a765-00a0c91e6bf2>": the server returns it in the LOCK response and the client sends it back in UNLOCK.',
    },
    overwrite: {
      title: 'Overwrite (WebDAV)',
      text: 'In a WebDAV COPY or MOVE, says whether an existing resource at the destination may be replaced: "T" (true, the default) or "F" (false).',
    },
    timeout: {
      title: 'Lock timeout (WebDAV)',
      text: 'Sent with a WebDAV LOCK request to ask how long the lock should last, for example "Second-3600" or "Infinite"; the server may choose a different duration.',
    },
    'access-control-allow-origin': {
      title: 'CORS: allowed origin',
      text: 'Sent by the server to say which other origin\'s web pages may read this response with JavaScript. "*" allows any origin; "https://app.example.com" allows only that one. Without it the browser blocks cross-origin reads (same-origin policy).',
    },
    'access-control-allow-credentials': {
      title: 'CORS: credentials allowed',
      text: '"true" lets a cross-origin page read the response even when the request carried cookies or other credentials. It cannot be combined with "Access-Control-Allow-Origin: *".',
    },
    'access-control-allow-headers': {
      title: 'CORS: allowed request headers',
      text: 'Sent in the answer to a CORS preflight (OPTIONS) request to list the request headers the real request may use, for example "Content-Type, Authorization".',
    },
    'access-control-allow-methods': {
      title: 'CORS: allowed methods',
      text: 'Sent in the answer to a CORS preflight (OPTIONS) request to list the methods the real cross-origin request may use, for example "GET, POST, PUT".',
    },
    'access-control-expose-headers': {
      title: 'CORS: exposed headers',
      text: 'Lists the response headers that JavaScript on another origin may read, beyond the few that are always exposed, for example "X-Request-ID".',
    },
    'access-control-max-age': {
      title: 'CORS: preflight cache time',
      text: 'How many seconds the browser may cache the result of a CORS preflight, for example "600", so it does not send OPTIONS before every request.',
    },
    'access-control-request-headers': {
      title: 'CORS: requested headers',
      text: 'Sent by the browser in a CORS preflight (OPTIONS) request to ask whether the real request may include these headers, for example "content-type, authorization".',
    },
    'access-control-request-method': {
      title: 'CORS: requested method',
      text: 'Sent by the browser in a CORS preflight (OPTIONS) request to ask whether the real request may use this method, for example "PUT".',
    },
    'cross-origin-resource-policy': {
      title: 'Cross-origin resource policy',
      text: 'Sent by the server to say which sites may embed this resource (an image, script and so on). "same-origin" allows only the same origin, "same-site" the same site, "cross-origin" anyone.',
    },
    'cross-origin-opener-policy': {
      title: 'Cross-origin opener policy',
      text: '"same-origin" puts the page in its own browsing context group, so that pages of other origins it opens, or that open it, cannot access its window. Together with COEP it enables cross-origin isolation.',
    },
    'cross-origin-embedder-policy': {
      title: 'Cross-origin embedder policy',
      text: '"require-corp" lets the page load cross-origin resources only if they explicitly allow it (with CORS or Cross-Origin-Resource-Policy). Together with COOP it enables cross-origin isolation.',
    },
    'origin-agent-cluster': {
      title: 'Origin agent cluster',
      text: '"?1" asks the browser to isolate this page by origin rather than by site, so pages from other subdomains of the same site cannot share its script environment.',
    },
    'content-security-policy': {
      title: 'Content Security Policy',
      text: 'Tells the browser which sources the page may load scripts, styles, images and other content from, for example "default-src \'self\'; img-src *". The browser blocks everything else, which limits cross-site scripting (XSS).',
    },
    'content-security-policy-report-only': {
      title: 'Content Security Policy (report only)',
      text: 'Like Content-Security-Policy, but the browser only reports violations and blocks nothing; sites use it to test a policy before enforcing it.',
    },
    'x-content-type-options': {
      title: 'Content type options',
      text: 'The only value, "nosniff", forbids the browser to guess ("sniff") the type of a response and makes it trust Content-Type, so that for example an uploaded text file cannot be run as a script.',
    },
    'x-xss-protection': {
      title: 'XSS filter (deprecated)',
      text: 'Non-standard and deprecated: it controlled the XSS filter of old browsers, for example "1; mode=block". Modern browsers have removed the filter and ignore the field; Content-Security-Policy is the replacement.',
    },
    'referrer-policy': {
      title: 'Referrer policy',
      text: 'Controls how much of the page address the browser puts into the Referer header of later requests. "strict-origin-when-cross-origin" (the usual default) sends the full URL within the site but only the origin to other sites, and nothing when going from HTTPS to HTTP.',
    },
    'permissions-policy': {
      title: 'Permissions policy',
      text: 'Tells the browser which powerful features the page and its frames may use, for example "geolocation=(), camera=(self)": no geolocation at all, the camera only for this origin.',
    },
    'clear-site-data': {
      title: 'Clear site data',
      text: 'Tells the browser to delete data this site stored, for example \'"cache", "cookies", "storage"\'. Sites typically send it when the user logs out.',
    },
    'upgrade-insecure-requests': {
      title: 'Upgrade insecure requests',
      text: '"1" is sent by browsers on page loads to say they prefer HTTPS and can upgrade insecure http:// sub-resources. A server may answer by redirecting to the https:// version of the page.',
    },
    dnt: {
      title: 'Do Not Track (discontinued)',
      text: '"1" meant that the user does not want to be tracked. The W3C discontinued the specification, most sites ignore it, and browsers are removing it; Sec-GPC is a newer signal of this kind.',
    },
    'sec-gpc': {
      title: 'Global Privacy Control',
      text: '"1" means the user asks websites not to sell or share their personal data. Some browsers send it by default or when the user turns it on; some privacy laws give it legal weight.',
    },
    'x-permitted-cross-domain-policies': {
      title: 'Cross-domain policy (non-standard)',
      text: 'Non-standard: told Adobe Flash Player and Acrobat whether they may use cross-domain policy files (crossdomain.xml) on this site. Security middleware still sends "none", but Flash is no longer in use.',
    },
    'x-download-options': {
      title: 'Download options (non-standard)',
      text: 'Non-standard and obsolete: "noopen" stopped Internet Explorer 8 from opening downloaded files directly in the context of the site. Some security middleware still sends it.',
    },
    'x-dns-prefetch-control': {
      title: 'DNS prefetch control (non-standard)',
      text: 'Non-standard: "on" or "off" turns on or off the browser\'s habit of resolving the domain names of links on the page before they are clicked (DNS prefetching).',
    },
    'sec-fetch-dest': {
      title: 'Fetch destination',
      text: 'Sent by the browser to say what the response will be used for, for example "document" (a page), "image", "script" or "empty" (a fetch() call). Servers can use it to reject unexpected kinds of requests.',
    },
    'sec-fetch-mode': {
      title: 'Fetch mode',
      text: 'Sent by the browser to give the mode of the request, for example "navigate" (loading a page), "cors", "no-cors" or "websocket".',
    },
    'sec-fetch-site': {
      title: 'Fetch site',
      text: 'Sent by the browser to say where the request came from relative to the target: "same-origin", "same-site", "cross-site", or "none" when the user typed the address or used a bookmark. It helps servers block cross-site attacks.',
    },
    'sec-fetch-user': {
      title: 'Fetch user activation',
      text: '"?1" is sent only on navigations the user triggered, for example by clicking a link or pressing Enter in the address bar.',
    },
    'sec-purpose': {
      title: 'Request purpose',
      text: 'Sent by the browser when a request is not for immediate use, for example "prefetch" (loading a page the user will probably visit next). Servers may refuse or treat such requests differently.',
    },
    purpose: {
      title: 'Purpose (non-standard)',
      text: 'Non-standard: "prefetch" was sent by some browsers on link-prefetch requests. It was never specified and is being replaced by Sec-Purpose.',
    },
    'sec-ch-ua': {
      title: 'Client hint: browser brands',
      text: 'Sent by Chromium-based browsers: the list of browser brands and major versions, for example \'"Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"\'. The strange extra brand is added on purpose so that servers do not rely on exact strings.',
    },
    'sec-ch-ua-mobile': {
      title: 'Client hint: mobile',
      text: 'Says whether the browser is on a mobile device: "?1" means yes, "?0" means no.',
    },
    'sec-ch-ua-platform': {
      title: 'Client hint: platform',
      text: 'The operating system of the client, for example "Windows", "macOS", "Android" or "Linux".',
    },
    'sec-ch-ua-platform-version': {
      title: 'Client hint: platform version',
      text: 'The version of the operating system, for example "15.0.0". Browsers send it only when the server asked for it with Accept-CH.',
    },
    'sec-ch-ua-full-version-list': {
      title: 'Client hint: full versions',
      text: 'Like Sec-CH-UA but with full version numbers, for example \'"Google Chrome";v="124.0.6367.91"\'. Sent only when the server asked for it with Accept-CH.',
    },
    'sec-ch-ua-arch': {
      title: 'Client hint: CPU architecture',
      text: 'The processor architecture of the client, for example "x86" or "arm". Sent only when the server asked for it with Accept-CH.',
    },
    'sec-ch-ua-bitness': {
      title: 'Client hint: bitness',
      text: 'Whether the client platform is 32- or 64-bit, for example "64". Sent only when the server asked for it with Accept-CH.',
    },
    'sec-ch-ua-model': {
      title: 'Client hint: device model',
      text: 'The device model, for example "Pixel 7" on a phone; it is empty on desktop computers. Sent only when the server asked for it with Accept-CH.',
    },
    'save-data': {
      title: 'Save data',
      text: '"on" means the user enabled a data-saving mode, so the server may send smaller images or less content.',
    },
    'server-timing': {
      title: 'Server timing',
      text: 'Reports how long the server spent on parts of its work, for example "db;dur=53, app;dur=47.2" (53 ms in the database, 47.2 ms in the application). Browser developer tools display these figures.',
    },
    'timing-allow-origin': {
      title: 'Timing allow origin',
      text: 'Lists the origins whose scripts may see detailed timing information (DNS, connection, download times) for this resource; "*" allows all.',
    },
    'report-to': {
      title: 'Report-To (reporting endpoints, old)',
      text: 'Defines, in JSON, named endpoints to which the browser should send reports such as policy violations or network errors. It belongs to an earlier version of the Reporting API and is being replaced by Reporting-Endpoints.',
    },
    'reporting-endpoints': {
      title: 'Reporting endpoints',
      text: 'Names the URLs to which the browser should send reports, for example \'csp-endpoint="https://example.com/csp-reports"\'. Policies such as CSP then refer to these names.',
    },
    nel: {
      title: 'Network Error Logging',
      text: 'A JSON policy asking the browser to report failed network requests to this site (DNS failures, timeouts, TLS errors) to an endpoint declared with Report-To, for example \'{"report_to":"default","max_age":2592000}\'.',
    },
    traceparent: {
      title: 'Trace parent',
      text: 'Carries the distributed-tracing identifiers of a request across services, for example "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01": version, trace ID, parent span ID and flags. Monitoring tools use it to follow one request through many servers.',
    },
    tracestate: {
      title: 'Trace state',
      text: 'Vendor-specific tracing data that accompanies Traceparent, as a list of key=value pairs.',
    },
    'last-event-id': {
      title: 'Last event ID',
      text: 'Sent by the browser when it reconnects to a server-sent events stream, with the ID of the last event it received, so the server can continue from there.',
    },
    refresh: {
      title: 'Refresh',
      text: 'Tells the browser to reload or go to another page after some seconds, for example "5; url=/next". It is defined by the HTML standard and behaves like the HTML meta refresh tag.',
    },
    'x-forwarded-for': {
      title: 'Forwarded for (de facto)',
      text: 'Added by proxies and load balancers with the IP address of the original client, for example "203.0.113.7, 198.51.100.2" (each proxy appends the address it received from). It is a de facto convention; Forwarded is the standard form, and clients can forge the value.',
    },
    'x-forwarded-host': {
      title: 'Forwarded host (de facto)',
      text: 'Added by a reverse proxy with the Host the client originally requested, before the proxy changed it. A de facto convention; Forwarded is the standard form.',
    },
    'x-forwarded-proto': {
      title: 'Forwarded protocol (de facto)',
      text: 'Added by a reverse proxy or load balancer to say whether the client connected with "http" or "https", since the application behind it may only see plain HTTP. A de facto convention; Forwarded is the standard form.',
    },
    'x-real-ip': {
      title: 'Real client IP (de facto)',
      text: 'Added by a reverse proxy (commonly configured in nginx) with the IP address of the client it received the request from. It is a de facto convention without a specification.',
    },
    'x-request-id': {
      title: 'Request ID (de facto)',
      text: 'A unique identifier for one request, set by a proxy, load balancer or application and often echoed in the response, so that log lines from different servers can be matched. A de facto convention.',
    },
    'x-cache': {
      title: 'Cache result (de facto)',
      text: 'Added by many caches and CDNs to say whether the response came from the cache, for example "HIT" or "MISS". The exact format depends on the product; Cache-Status is the standard replacement.',
    },
    'x-requested-with': {
      title: 'Requested with (de facto)',
      text: '"XMLHttpRequest" was added by JavaScript libraries such as jQuery to mark requests made by scripts rather than by page navigation. It is a de facto convention; browsers do not add it themselves.',
    },
    'x-powered-by': {
      title: 'Powered by (de facto)',
      text: 'Names the framework or language that generated the response, for example "Express" or "PHP/8.2.12". It is not needed by the client and is often removed so as not to reveal the software version.',
    },
    'x-pingback': {
      title: 'Pingback address (non-standard)',
      text: 'Sent by blog software such as WordPress: the URL of the XML-RPC endpoint where other blogs can notify this one that they linked to it. It is not an IETF header; the Pingback 1.0 specification defines it.',
    },
    'x-robots-tag': {
      title: 'Robots tag (de facto)',
      text: 'Tells search-engine crawlers how to index the response, for example "noindex, nofollow" (do not list it, do not follow its links). It works like the robots meta tag and is supported by major search engines.',
    },
  },

  status: {
    100: {
      title: 'Continue',
      text: 'Interim response: the server has received the request headers and the client may go on sending the body, typically after "Expect: 100-continue". A final response follows later.',
    },
    101: {
      title: 'Switching Protocols',
      text: "The server agrees to the client's Upgrade request. After this response the connection carries the new protocol, for example WebSocket frames, no longer HTTP.",
    },
    102: {
      title: 'Processing',
      text: 'Interim WebDAV response: the server has accepted the request and is still working on it, so the client should keep waiting. It was dropped from later WebDAV specifications and is rarely seen.',
    },
    103: {
      title: 'Early Hints',
      text: 'Interim response sent while the server prepares the final answer; its Link headers let the browser start loading resources such as stylesheets early. The real response follows on the same request.',
    },
    200: {
      title: 'OK',
      text: 'The request succeeded. For GET the body contains the requested resource; for POST it contains the result of the action.',
    },
    201: {
      title: 'Created',
      text: 'The request succeeded and created a new resource, whose address is usually given in the Location header.',
    },
    202: {
      title: 'Accepted',
      text: 'The request has been accepted for processing, but the processing is not finished (it may run later as a batch job). The client may need to check the result later.',
    },
    203: {
      title: 'Non-Authoritative Information',
      text: 'The request succeeded, but a transforming proxy modified the content it received from the origin server.',
    },
    204: {
      title: 'No Content',
      text: 'The request succeeded and there is no body to send. A browser stays on the current page; APIs use it for successful updates or deletions.',
    },
    205: {
      title: 'Reset Content',
      text: 'The request succeeded and the client should reset the document view, for example clear the form the user just submitted so it can be filled in again.',
    },
    206: {
      title: 'Partial Content',
      text: 'The server sends only the part of the resource asked for with Range; Content-Range says which bytes. Download managers and video players use this to resume and seek.',
    },
    207: {
      title: 'Multi-Status',
      text: 'WebDAV: the XML body contains separate status codes for several resources or operations, for example for each file in a folder listing.',
    },
    208: {
      title: 'Already Reported',
      text: 'WebDAV, used inside a 207 body: the members of this collection were already listed earlier in the same response and are not repeated.',
    },
    226: {
      title: 'IM Used',
      text: 'The server returns the result of "instance manipulations" applied to the resource, for example only the differences (a delta) from a version the client already has. This delta-encoding extension is rarely used.',
    },
    300: {
      title: 'Multiple Choices',
      text: 'The resource has several representations (for example several languages or formats) and the client, or the user, should choose one. Rarely used in practice.',
    },
    301: {
      title: 'Moved Permanently',
      text: 'The resource has a new permanent URL, given in Location. The client follows it and should use the new URL from now on; for historical reasons clients may change a POST into a GET when following it.',
    },
    302: {
      title: 'Found',
      text: 'The resource is temporarily at another URL, given in Location, and the client follows it for this request only. For historical reasons browsers change a POST into a GET when following it; 307 avoids that.',
    },
    303: {
      title: 'See Other',
      text: 'The client should fetch another URL, given in Location, with GET. It is typically used after a form POST to send the browser to a result page, so that reloading does not submit the form again.',
    },
    304: {
      title: 'Not Modified',
      text: 'Answer to a conditional request (If-None-Match or If-Modified-Since): the resource has not changed, so the server sends no body and the client uses its cached copy.',
    },
    305: {
      title: 'Use Proxy',
      text: 'Deprecated: once asked the client to repeat the request through a proxy named in Location. For security reasons clients ignore it.',
    },
    306: {
      title: '(Unused)',
      text: 'Reserved: an early draft of HTTP/1.1 used this code ("Switch Proxy"), but it is no longer used and should not appear.',
    },
    307: {
      title: 'Temporary Redirect',
      text: 'The resource is temporarily at another URL, given in Location. Unlike 302, the client must repeat the request with the same method and body.',
    },
    308: {
      title: 'Permanent Redirect',
      text: 'The resource has a new permanent URL, given in Location. Unlike 301, the client must repeat the request with the same method and body.',
    },
    400: {
      title: 'Bad Request',
      text: 'The server cannot process the request because of a client error, for example malformed syntax or invalid framing. The client must correct the request before retrying.',
    },
    401: {
      title: 'Unauthorized',
      text: 'The request needs valid authentication. The WWW-Authenticate header says which scheme to use; a browser then asks the user to log in and repeats the request with an Authorization header.',
    },
    402: {
      title: 'Payment Required',
      text: 'Reserved for future use by the HTTP specification; a few services use it for their own payment or quota errors.',
    },
    403: {
      title: 'Forbidden',
      text: 'The server understood the request but refuses to perform it, for example because of file permissions or an IP restriction. Logging in again will not necessarily help.',
    },
    404: {
      title: 'Not Found',
      text: 'The server has nothing at this URL, or does not want to reveal that it exists. The client should check the address; the body often contains an error page.',
    },
    405: {
      title: 'Method Not Allowed',
      text: 'The resource exists but does not support this method, for example a POST to a static file. The Allow header lists the methods it does support.',
    },
    406: {
      title: 'Not Acceptable',
      text: "The server has no representation that matches the client's Accept, Accept-Language or Accept-Encoding headers. Most servers send a default representation instead, so it is rare.",
    },
    407: {
      title: 'Proxy Authentication Required',
      text: 'Like 401, but for a proxy: the client must authenticate to the proxy, as described in Proxy-Authenticate, and repeat the request with Proxy-Authorization.',
    },
    408: {
      title: 'Request Timeout',
      text: 'The server did not receive a complete request in the time it was prepared to wait and closes the connection. The client may repeat the request on a new connection.',
    },
    409: {
      title: 'Conflict',
      text: 'The request conflicts with the current state of the resource, for example two users editing the same document. The client should resolve the conflict and try again.',
    },
    410: {
      title: 'Gone',
      text: 'The resource was deliberately removed and will not come back; unlike 404, this is known to be permanent. Links to it should be removed.',
    },
    411: {
      title: 'Length Required',
      text: 'The server refuses a request with a body but no Content-Length. The client may repeat it with the length.',
    },
    412: {
      title: 'Precondition Failed',
      text: 'A condition in the request headers (If-Match, If-Unmodified-Since) was false, for example because someone changed the resource in the meantime. The request was not performed.',
    },
    413: {
      title: 'Content Too Large',
      text: 'The request body is larger than the server will accept, for example an upload over the size limit configured in the server. Earlier specifications called it "Payload Too Large".',
    },
    414: {
      title: 'URI Too Long',
      text: 'The request target (URL) is longer than the server will accept, often because a form was sent with GET and too much data ended up in the query string.',
    },
    415: {
      title: 'Unsupported Media Type',
      text: 'The server does not support the format of the request body, given by Content-Type or Content-Encoding, for example XML sent to an API that only accepts JSON.',
    },
    416: {
      title: 'Range Not Satisfiable',
      text: 'The Range asked for lies outside the resource, for example past the end of the file. Content-Range gives the actual size.',
    },
    417: {
      title: 'Expectation Failed',
      text: 'The server cannot meet the expectation in the Expect header, for example "100-continue". The client may repeat the request without Expect.',
    },
    418: {
      title: '(Unused)',
      text: 'Reserved: "418 I\'m a teapot" comes from RFC 2324, an April Fools\' joke about controlling coffee pots over HTTP. RFC 9110 reserves the code so nobody reuses it, although some servers return it as a joke.',
    },
    421: {
      title: 'Misdirected Request',
      text: 'The request reached a server that cannot answer for this host name, for example when an HTTP/2 connection is reused for another site. The client may retry on a new connection.',
    },
    422: {
      title: 'Unprocessable Content',
      text: 'The body is syntactically correct and of a supported type, but its content is invalid, for example a JSON form with a missing required field. Earlier specifications called it "Unprocessable Entity".',
    },
    423: {
      title: 'Locked',
      text: 'WebDAV: the resource is locked by someone else, so it cannot be modified now.',
    },
    424: {
      title: 'Failed Dependency',
      text: 'WebDAV: the action was not performed because it depended on another action that failed.',
    },
    425: {
      title: 'Too Early',
      text: 'The server will not process a request sent in TLS 1.3 early data (0-RTT), because it might be a replay. The client repeats it after the TLS handshake has completed.',
    },
    426: {
      title: 'Upgrade Required',
      text: 'The server refuses to use the current protocol; its Upgrade header says which protocol the client must switch to.',
    },
    428: {
      title: 'Precondition Required',
      text: "The server requires the request to be conditional (for example with If-Match), so that clients cannot overwrite each other's changes by accident.",
    },
    429: {
      title: 'Too Many Requests',
      text: 'The client sent too many requests in a given time (rate limiting). Retry-After may say how long to wait before trying again.',
    },
    431: {
      title: 'Request Header Fields Too Large',
      text: 'The request headers are too large, either one field or all of them together; too many or too large cookies are a common cause. The client must make them smaller.',
    },
    451: {
      title: 'Unavailable For Legal Reasons',
      text: 'The server refuses access because of a legal demand, for example a court order. The number refers to the novel "Fahrenheit 451".',
    },
    500: {
      title: 'Internal Server Error',
      text: 'The server met an unexpected condition, for example a crash in the application code. The problem is on the server side; retrying later may help.',
    },
    501: {
      title: 'Not Implemented',
      text: 'The server does not support the functionality needed, typically a method it does not recognise at all.',
    },
    502: {
      title: 'Bad Gateway',
      text: 'A proxy or gateway got an invalid response, or no response at all, from the server behind it, for example when the application server has crashed.',
    },
    503: {
      title: 'Service Unavailable',
      text: 'The server cannot handle the request for now, because it is overloaded or under maintenance. Retry-After may say when to try again.',
    },
    504: {
      title: 'Gateway Timeout',
      text: 'A proxy or gateway did not get a response in time from the server behind it.',
    },
    505: {
      title: 'HTTP Version Not Supported',
      text: 'The server does not support the HTTP version used in the request line.',
    },
    506: {
      title: 'Variant Also Negotiates',
      text: 'A server configuration error in transparent content negotiation (RFC 2295, experimental): the chosen variant itself leads to another negotiation. Rarely seen.',
    },
    507: {
      title: 'Insufficient Storage',
      text: "WebDAV: the server cannot store what is needed to complete the request, for example because the disk or the user's quota is full.",
    },
    508: {
      title: 'Loop Detected',
      text: 'WebDAV: the server stopped the operation because it found an infinite loop in the folder structure (for example with "Depth: infinity").',
    },
    510: {
      title: 'Not Extended',
      text: 'The request did not include an extension the server requires, under the HTTP Extension Framework of RFC 2774. That framework is now Historic, so the code is effectively obsolete.',
    },
    511: {
      title: 'Network Authentication Required',
      text: 'The client must log in to the network before it can reach the Internet. It is sent by captive portals, such as hotel or campus Wi-Fi login pages, not by the website the user asked for.',
    },
  },

  statusClasses: {
    '1xx': {
      title: 'Informational',
      text: 'Interim response: the request was received and processing continues. A final response (2xx to 5xx) follows.',
    },
    '2xx': {
      title: 'Successful',
      text: 'The request was successfully received, understood and accepted.',
    },
    '3xx': {
      title: 'Redirection',
      text: 'The client must take further action to complete the request, usually follow the URL in the Location header.',
    },
    '4xx': {
      title: 'Client Error',
      text: 'The request contains an error or cannot be fulfilled, and the problem lies with the client, for example a wrong address or missing permission.',
    },
    '5xx': {
      title: 'Server Error',
      text: 'The server failed to fulfil an apparently valid request.',
    },
  },

  methods: {
    GET: {
      title: 'GET',
      text: 'Retrieves the resource at the URL; this is what a browser sends when it loads a page or an image. It has no body (a body has no defined meaning), and it is safe, idempotent and cacheable.',
    },
    HEAD: {
      title: 'HEAD',
      text: 'Like GET, but the server returns only the status line and headers, without the body. It is used to check whether a resource exists, its size or its last modification, without downloading it.',
    },
    POST: {
      title: 'POST',
      text: 'Sends data in the request body for the resource to process, for example a submitted form, an uploaded file or an API call. It is neither safe nor idempotent: sending it twice may, for example, place two orders.',
    },
    PUT: {
      title: 'PUT',
      text: 'Creates or replaces the resource at the URL with the content of the request body. It is idempotent: sending the same PUT twice leaves the same result as sending it once.',
    },
    DELETE: {
      title: 'DELETE',
      text: 'Asks the server to delete the resource at the URL. It normally has no body; it is idempotent, since deleting something already deleted changes nothing more.',
    },
    CONNECT: {
      title: 'CONNECT',
      text: 'Asks a proxy to open a TCP tunnel to the host and port given as the target, for example "www.example.com:443". After a 2xx answer the proxy just relays bytes, usually an encrypted TLS session, so the capture shows no more HTTP on that connection.',
    },
    OPTIONS: {
      title: 'OPTIONS',
      text: 'Asks which communication options a resource (or, with "*", the server) supports; the answer usually lists the methods in Allow. Browsers send it as the CORS preflight before some cross-origin requests; a body is allowed but rarely used.',
    },
    TRACE: {
      title: 'TRACE',
      text: 'Asks the server to echo the request back as the response body, to see what intermediaries changed on the way. It has no body and is usually disabled on servers for security reasons.',
    },
    PATCH: {
      title: 'PATCH',
      text: 'Applies a partial modification to a resource; the body describes the changes, for example in JSON Patch format. It is not idempotent in general.',
    },
    PROPFIND: {
      title: 'PROPFIND',
      text: 'WebDAV: retrieves the properties of a resource, and with the Depth header of the members of a folder, for example to list a directory. An XML body may name the properties wanted; without one, all are returned.',
    },
    PROPPATCH: {
      title: 'PROPPATCH',
      text: 'WebDAV: sets or removes properties of a resource; the XML body lists the changes.',
    },
    MKCOL: {
      title: 'MKCOL',
      text: 'WebDAV: creates a new collection (a folder) at the URL. It is normally sent without a body.',
    },
    COPY: {
      title: 'COPY',
      text: 'WebDAV: copies the resource to the URL given in the Destination header; Overwrite says whether an existing target may be replaced. It has no body.',
    },
    MOVE: {
      title: 'MOVE',
      text: 'WebDAV: moves or renames the resource to the URL given in the Destination header. It has no body.',
    },
    LOCK: {
      title: 'LOCK',
      text: 'WebDAV: locks a resource so that others cannot change it; the XML body describes the lock and the response returns a Lock-Token. A LOCK without a body refreshes an existing lock.',
    },
    UNLOCK: {
      title: 'UNLOCK',
      text: 'WebDAV: removes the lock identified by the Lock-Token header. It has no body.',
    },
  },
} satisfies HttpTexts;
