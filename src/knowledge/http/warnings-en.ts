/*
 * The words of the HTTP warnings in English (warnings-zh.ts has the same ids and
 * placeholders); see knowledge/core/warnings-en.ts for the message format. Ids under
 * `http.reason.` are reasons: another warning's `{reason}` is filled with their words.
 */
export const httpWarningsEn = {
  'http.exchangesUnlisted': '{count} HTTP exchanges past the {limit} limit ({max}) are counted but not listed',
  'http.decodeError': 'HTTP {kind, select, request {request} other {response}} in frame {frame}: {reason}',
  'http.continuation':
    '{bytes} bytes of HTTP {kind, select, request {request} other {response}} data in {frames, plural, one {{frames} frame} other {{frames} frames}} from frame {first} continue a message whose start was not captured (Wireshark: "Continuation")',
  'http.headerTooLong':
    'an HTTP {kind, select, request {request} other {response}} header section runs past {max} bytes ({limit}): treated as malformed and skipped',
  'http.headerCut': 'an HTTP {kind, select, request {request} other {response}} header starting in frame {first} was cut off ({reason}); it is left out',
  'http.incomplete': 'HTTP {kind, select, request {request} other {response}} {text} (frame {first}) is incomplete: {reason}',
  'http.notHttp': 'the {kind, select, request {request line} other {status line}} "{text}" is not HTTP/1.x; skipped until the next message',
  'http.preface': 'the HTTP/2 connection preface: the rest of this connection is HTTP/2, which labreport does not dissect',
  'http.switched': '101 Switching Protocols to {protocol}: the rest of this connection is not HTTP/1.x',
  'http.tunnel': 'CONNECT succeeded: the rest of this connection is a tunnel',

  'http.reason.gapHeader': '{bytes} bytes were not captured inside its header',
  'http.reason.gapChunked': '{bytes} bytes were not captured inside its chunked body',
  'http.reason.ended': 'the connection ended before the message was complete',
  'http.reason.switched': 'the connection switched protocols',
  'http.reason.chunkCrlf': 'a chunk is not followed by CRLF',
  'http.reason.chunkLine': 'a chunk-size line is longer than {max} bytes',
  'http.reason.chunkSize': 'chunk size "{value}" is not hexadecimal',
  'http.reason.transferEncoding': `request Transfer-Encoding "{value}" does not end in chunked: the message's length cannot be known`,
  'http.reason.contentLength': `Content-Length "{value}" is not one valid number: the message's length cannot be known`,
  'http.reason.codingUnsupported': 'content coding "{coding}" is not supported',
  'http.reason.bomb': 'decoding stopped at {max} bytes ({limit}): the body expands further (a possible decompression bomb)',
  'http.reason.codingDamaged': 'the {coding} data is damaged ({detail}); what decoded before the damage is shown',
};

export type HttpWarningId = keyof typeof httpWarningsEn;
