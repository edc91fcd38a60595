/*
 * HTTP/2 knowledge in English: one explanation per frame type, flag, setting, error code,
 * pseudo-header, HPACK representation and concept of `facts.ts`.
 */

import type { Http2Texts } from './facts.js';

export const http2En = {
  frameTypes: {
    DATA: {
      title: 'DATA frame',
      text: 'Carries a piece of a request or response body on one stream. The last DATA frame of a message has the END_STREAM flag; the pieces put together are the body, as a Content-Length body is in HTTP/1.1.',
    },
    HEADERS: {
      title: 'HEADERS frame',
      text: 'Opens a stream and carries the header block of a request or response (pseudo-header fields first, then the ordinary fields), HPACK-compressed. A second HEADERS frame after the DATA carries trailers.',
    },
    PRIORITY: {
      title: 'PRIORITY frame',
      text: 'Says how important a stream is relative to others (a parent stream and a weight). RFC 9113 deprecates this scheme; browsers now send the Priority header or PRIORITY_UPDATE frames instead.',
    },
    RST_STREAM: {
      title: 'RST_STREAM frame',
      text: 'Ends one stream at once, with an error code saying why (CANCEL when the browser no longer needs the response). The other streams on the connection go on.',
    },
    SETTINGS: {
      title: 'SETTINGS frame',
      text: 'Each side announces its limits and options at the start (header table size, maximum frame size, window size…); the other side acknowledges with an empty SETTINGS frame flagged ACK.',
    },
    PUSH_PROMISE: {
      title: 'PUSH_PROMISE frame',
      text: 'The server announces a response it will send without being asked (server push), with the request it answers. The pushed response arrives on a new, even-numbered stream. Browsers have stopped accepting push.',
    },
    PING: {
      title: 'PING frame',
      text: 'Eight bytes the other side must echo back in a PING with the ACK flag: it measures the round-trip time and checks that the connection is still alive.',
    },
    GOAWAY: {
      title: 'GOAWAY frame',
      text: 'Closes the connection gracefully: it says the last stream the sender processed, so requests on later streams can be retried elsewhere, and an error code (NO_ERROR for a normal shutdown).',
    },
    WINDOW_UPDATE: {
      title: 'WINDOW_UPDATE frame',
      text: 'Flow control: the receiver allows the sender to send this many more bytes of DATA, on one stream or (stream 0) on the whole connection.',
    },
    CONTINUATION: {
      title: 'CONTINUATION frame',
      text: 'Carries the rest of a header block too large for one HEADERS or PUSH_PROMISE frame. No other frame may come between them; the last one has END_HEADERS.',
    },
    ALTSVC: {
      title: 'ALTSVC frame',
      text: 'An extension frame by which a server advertises another way to reach it, typically HTTP/3 over QUIC on UDP port 443 ("h3").',
    },
    ORIGIN: {
      title: 'ORIGIN frame',
      text: 'An extension frame listing the other sites (origins) the server can answer for on this same connection, so the browser can reuse it.',
    },
    PRIORITY_UPDATE: {
      title: 'PRIORITY_UPDATE frame',
      text: "An extension frame that changes a stream's priority in the newer scheme of RFC 9218 (urgency and incremental), which replaces the deprecated PRIORITY frames.",
    },
  },
  flags: {
    END_STREAM: { title: 'END_STREAM flag', text: 'This frame is the last the sender sends on the stream: the request or the response is complete.' },
    ACK: { title: 'ACK flag', text: "On SETTINGS and PING: this frame acknowledges the other side's SETTINGS, or answers its PING." },
    END_HEADERS: { title: 'END_HEADERS flag', text: 'The header block ends in this frame; without it, CONTINUATION frames follow.' },
    PADDED: {
      title: 'PADDED flag',
      text: 'The frame carries padding: a Pad Length byte first and that many zero bytes at the end, added to hide the true size of the content. The padding is not part of the message.',
    },
    PRIORITY: { title: 'PRIORITY flag', text: 'The HEADERS frame carries the (deprecated) priority fields: a stream dependency and a weight.' },
  },
  settings: {
    SETTINGS_HEADER_TABLE_SIZE: {
      title: 'Header table size',
      text: 'The largest HPACK dynamic table, in bytes, the sender can keep for decoding what the other side sends (default 4096).',
    },
    SETTINGS_ENABLE_PUSH: { title: 'Server push allowed', text: 'Sent by a client: 0 forbids the server to push responses (PUSH_PROMISE), 1 allows it.' },
    SETTINGS_MAX_CONCURRENT_STREAMS: {
      title: 'Maximum concurrent streams',
      text: 'How many streams the other side may have open at once: how many requests can be in flight on the connection.',
    },
    SETTINGS_INITIAL_WINDOW_SIZE: {
      title: 'Initial window size',
      text: 'How many bytes of DATA the other side may send on a new stream before it must wait for a WINDOW_UPDATE (default 65,535).',
    },
    SETTINGS_MAX_FRAME_SIZE: {
      title: 'Maximum frame size',
      text: 'The largest frame payload the sender accepts, from 16,384 (the default) up to 16,777,215 bytes.',
    },
    SETTINGS_MAX_HEADER_LIST_SIZE: {
      title: 'Maximum header list size',
      text: 'Advice on the largest header section the sender will accept, counted as name + value + 32 bytes per field.',
    },
    SETTINGS_ENABLE_CONNECT_PROTOCOL: {
      title: 'Extended CONNECT allowed',
      text: 'The server accepts CONNECT requests with a :protocol pseudo-header, which is how WebSockets run over HTTP/2.',
    },
    SETTINGS_NO_RFC7540_PRIORITIES: {
      title: 'Old priorities not used',
      text: 'The sender does not use the deprecated PRIORITY scheme of RFC 7540 (it uses the Priority header of RFC 9218 instead).',
    },
  },
  errorCodes: {
    NO_ERROR: { title: 'No error', text: 'Not an error: used in GOAWAY for a normal shutdown, or in RST_STREAM when a stream is no longer needed.' },
    PROTOCOL_ERROR: { title: 'Protocol error', text: 'The other side broke a rule of HTTP/2 that has no more specific code.' },
    INTERNAL_ERROR: { title: 'Internal error', text: 'The sender hit an unexpected failure of its own.' },
    FLOW_CONTROL_ERROR: { title: 'Flow-control error', text: 'The other side sent more DATA than its flow-control window allowed.' },
    SETTINGS_TIMEOUT: { title: 'Settings timeout', text: "The sender's SETTINGS were not acknowledged in time." },
    STREAM_CLOSED: { title: 'Stream closed', text: 'A frame arrived for a stream that had already ended.' },
    FRAME_SIZE_ERROR: { title: 'Frame size error', text: 'A frame had a wrong size: larger than allowed, or not the fixed size its type requires.' },
    REFUSED_STREAM: {
      title: 'Stream refused',
      text: 'The server refused the stream before doing any work on it, so the client may safely send the request again.',
    },
    CANCEL: { title: 'Cancelled', text: 'The stream is no longer needed: the browser left the page, or the download was stopped.' },
    COMPRESSION_ERROR: {
      title: 'Compression error',
      text: 'The HPACK header compression state was broken (a header block could not be decoded): the whole connection must end.',
    },
    CONNECT_ERROR: { title: 'CONNECT error', text: 'The tunnel opened by a CONNECT request was reset or closed abnormally.' },
    ENHANCE_YOUR_CALM: {
      title: 'Enhance your calm',
      text: 'The other side is sending too much, too fast (for example many resets): the sender asks it to slow down.',
    },
    INADEQUATE_SECURITY: {
      title: 'Inadequate security',
      text: 'The TLS connection under HTTP/2 does not meet its minimum security (for example an old version or a weak cipher suite).',
    },
    HTTP_1_1_REQUIRED: { title: 'HTTP/1.1 required', text: 'The server wants this request sent over HTTP/1.1 instead.' },
  },
  pseudoHeaders: {
    ':method': { title: 'Request method', text: 'The method (GET, POST…), which HTTP/1.1 puts first in the request line.' },
    ':scheme': { title: 'Scheme', text: 'The URI scheme, "http" or "https": HTTP/1.1 has no such field, it is implied by the connection.' },
    ':authority': { title: 'Authority', text: 'The host (and port) the request is for: what the Host header says in HTTP/1.1.' },
    ':path': { title: 'Path', text: 'The path and query of the target, "/index.html?x=1": the request target of HTTP/1.1\'s request line.' },
    ':protocol': { title: 'Protocol (extended CONNECT)', text: 'In an extended CONNECT request, the protocol to tunnel, such as "websocket".' },
    ':status': {
      title: 'Status code',
      text: 'The response status code, the only pseudo-header of a response. HTTP/2 has no reason phrase: "200" alone, not "200 OK".',
    },
  },
  hpack: {
    indexed: {
      title: 'Indexed field',
      text: 'The whole field (name and value) is one number: its index in the static table (1–61) or in the dynamic table (62 and up). "GET" as :method costs one byte.',
    },
    incremental: {
      title: 'Literal with incremental indexing',
      text: 'The value (and perhaps the name) is sent as text, and the field is added to the dynamic table so that later header blocks can send it as a single index.',
    },
    'without-indexing': {
      title: 'Literal without indexing',
      text: 'The field is sent as text and not added to the dynamic table (used for values that change every time, such as :path or content-length).',
    },
    'never-indexed': {
      title: 'Literal never indexed',
      text: 'Sent as text and marked so that no proxy may ever put it in a table: used for secrets such as cookies and Authorization, against compression attacks.',
    },
    'size-update': {
      title: 'Dynamic table size update',
      text: 'At the start of a header block, the encoder changes the size of its dynamic table (0 empties it), up to what SETTINGS_HEADER_TABLE_SIZE allows.',
    },
    huffman: {
      title: 'Huffman coding',
      text: 'Header text can be sent with a fixed Huffman code in which common characters take 5 or 6 bits instead of 8, which shortens it by about a fifth.',
    },
    'static-table': {
      title: 'Static table',
      text: 'A fixed table of 61 common fields that both sides know in advance (":method: GET", ":status: 200", "accept-encoding: gzip, deflate"…).',
    },
    'dynamic-table': {
      title: 'Dynamic table',
      text: 'A table each side builds as it decodes, one per direction: fields sent with incremental indexing are added at index 62, older ones move up and are evicted when the table is full.',
    },
  },
  concepts: {
    'binary-framing': {
      title: 'Binary framing',
      text: 'HTTP/2 sends no text lines: every message is cut into frames, each with a 9-byte header (length, type, flags, stream identifier). Wireshark shows each frame; a request is a HEADERS frame, perhaps followed by DATA frames.',
    },
    streams: {
      title: 'Streams',
      text: 'Each request and its response travel on their own stream, a numbered, independent sequence of frames within the connection.',
    },
    multiplexing: {
      title: 'Multiplexing',
      text: "Many streams share one TCP connection at the same time, their frames interleaved: a browser fetches a page's images, styles and scripts in parallel without opening a connection for each, and a slow response does not hold up the others.",
    },
    'stream-ids': {
      title: 'Stream identifiers',
      text: 'Streams opened by the client have odd numbers (1, 3, 5…), streams pushed by the server even numbers; stream 0 stands for the connection itself (SETTINGS, PING, GOAWAY).',
    },
    'connection-preface': {
      title: 'Connection preface',
      text: 'The client starts with the fixed 24 bytes "PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n", then a SETTINGS frame; the server answers with its own SETTINGS. An HTTP/1.1 server would reject it as a strange request.',
    },
    'prior-knowledge': {
      title: 'HTTP/2 by prior knowledge',
      text: 'A client that knows the server speaks HTTP/2 sends the preface at once, without TLS ("h2c"), as curl --http2-prior-knowledge does.',
    },
    'h2c-upgrade': {
      title: 'Upgrade to h2c',
      text: 'The client sends an ordinary HTTP/1.1 request with "Upgrade: h2c" and HTTP2-Settings; if the server agrees it answers 101 Switching Protocols and sends the response as HTTP/2 on stream 1. RFC 9113 deprecates this way.',
    },
    alpn: {
      title: 'HTTP/2 over TLS (ALPN "h2")',
      text: 'Browsers speak HTTP/2 only over TLS: in the TLS handshake the client offers "h2" by ALPN and the server picks it. Without the session keys Wireshark sees only encrypted TLS records.',
    },
    'header-compression': {
      title: 'Header compression',
      text: "Header fields are compressed with HPACK: repeated fields become table indexes, text may be Huffman-coded. A browser's second request to a site often has headers of a few dozen bytes instead of several hundred.",
    },
    'lower-case-names': {
      title: 'Field names in lower case',
      text: 'HTTP/2 requires header field names in lower case ("content-type", not "Content-Type"); a request with an upper-case name is malformed.',
    },
    'connection-specific-fields': {
      title: 'No connection-specific fields',
      text: 'Connection, Keep-Alive, Transfer-Encoding and Upgrade have no meaning in HTTP/2 (the framing does their work) and must not be sent.',
    },
    'no-reason-phrase': {
      title: 'No reason phrase',
      text: 'An HTTP/2 response carries only the status code (:status 200); the reason phrase of HTTP/1.1\'s status line ("OK") is gone.',
    },
    'flow-control': {
      title: 'Flow control',
      text: 'Each side limits how much DATA it accepts per stream and per connection, and raises the limit with WINDOW_UPDATE frames as it consumes data.',
    },
    'server-push': {
      title: 'Server push',
      text: 'A server could send a response the client had not asked for yet, announced by PUSH_PROMISE. Browsers no longer support it.',
    },
    trailers: { title: 'Trailers', text: 'Header fields sent after the body, in a last HEADERS frame with END_STREAM (gRPC sends its status this way).' },
    'http1-vs-http2': {
      title: 'HTTP/1.1 versus HTTP/2',
      text: 'Same methods, status codes and header fields, but HTTP/1.1 sends text lines, one request after another per connection, while HTTP/2 sends binary frames with compressed headers, many requests at once on one connection, each on its own stream.',
    },
  },
} satisfies Http2Texts;
