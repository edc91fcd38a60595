/*
 * The answers to Kurose & Ross's "Wireshark Lab: HTTP" in English: one sentence per
 * answer, the notes of its evidence, and what to capture when the capture cannot answer.
 * answers-zh.ts has the same keys. {0}, {1}, … are filled in by src/protocols/http/answers.ts.
 * Header lines, field names and Wireshark's own tree labels stay as Wireshark shows them.
 */
export const answersEn = {
  // The block's labels and the small words the answers are made of
  labelAnswer: 'Answer',
  labelEvidence: 'Evidence',
  labelWireshark: 'In Wireshark',
  labelFilter: 'display filter',
  labelExpand: ', then expand',
  noteDash: ' — ',
  treeSeparator: '; ',
  at: 'Frame {0}',
  frame: 'frame {0}',
  frames: 'frames {0}',
  bytes: '{0} bytes',
  byte: '{0} byte',
  seconds: '{0} s',
  listSeparator: ', ',
  listLast: ' and ',
  thePage: "the part's page",
  cannot: 'The capture cannot answer this: {0}',
  moreEvidence: '{0} more, not listed',
  standIn: 'No GET of {0} was captured, so {1} stands in.',

  // Why an exchange was taken when the handout's page is not in the capture
  shapeBasic: 'the first HTML page fetched',
  shapeConditional: 'a page fetched twice, the second time with a conditional GET',
  shapeLong: 'the page answered in the most TCP segments',
  shapeEmbedded: 'the page whose images were fetched',
  shapeAuth: 'a page answered 401 and then asked for again with an Authorization field',

  // Notes on the evidence
  noteRequestLine: 'the request line: method, URI and version',
  noteStatusLine: 'the status line: version, status code and phrase',
  noteIpHeader: "Src is the browser's computer, Dst the server",
  noteGmt: 'HTTP dates are always in GMT',
  noteContentLength: "the body's size; the headers are not counted",
  noteFileData: 'the body, after the blank line',
  noteFrameLength: 'the whole frame: Ethernet, IP and TCP headers, HTTP headers and body',
  noteInfoColumn: "all the packet list's Info column shows",
  noteHeaderLines: 'the packet details and bytes also hold {0} header lines: {1}',
  noteRequestHeaders: 'the request too: its {0} header lines are not in the Info column either',
  noteNoIms: 'none of its {0} header lines is If-Modified-Since or If-None-Match',
  noteEchoes: 'the date that If-Modified-Since echoes',
  noteEtag: "the file's ETag, from frame {0}",
  noteNoBody: 'no File Data: the response ends with its headers',
  noteFirstSegment:
    "the first of the response's segments: its first bytes are the status line (the packet list shows it as [TCP segment of a reassembled PDU])",
  noteShownAt: 'the row the packet list shows as HTTP, where the reassembly ends',
  noteReassembled: '{0} in all: the headers, then a body of {1}',
  noteGet: '{0}, to {1} (Host: {2}), tcp.stream {3}',
  roleThePage: 'the page',
  roleImage: 'an image of the page',
  roleObject: 'an object of the page',
  noteImageTiming: 'sent at {0} on tcp.stream {1}; the image arrived in frame {2} at {3}',
  noteImageNoAnswer: 'sent at {0} on tcp.stream {1}; its answer was not captured',
  noteCredentials: 'Wireshark decodes the base64 below it: Credentials: {0}',
  noteSecretMasked: '{0}:, then a password of {1} characters, masked in this report',

  // Part 1: the basic GET/response interaction
  versions: 'The browser runs {0} (the request line in frame {1}) and the server runs {2} (the status line in frame {3}).',
  versionsNoResponse: "The browser runs {0} (the request line in frame {1}); the server's answer was not captured, so its version cannot be read.",
  languages: 'The browser accepts {0}, in that order of preference (Accept-Language in frame {1}).',
  languagesOne: 'The browser accepts {0} only (Accept-Language in frame {1}).',
  languagesNone: 'The browser states no language preference: its GET in frame {0} has no Accept-Language line.',
  addresses: 'Your computer is {0} and the server is {1}: the source and destination addresses of the GET in frame {2}.',
  status: 'The server returned {0} (the status line in frame {1}).',
  lastModified: 'The file was last modified on {0} (Last-Modified in frame {1}).',
  lastModifiedNone: 'The response in frame {0} has no Last-Modified line, so it does not say when the file was last modified.',
  contentLength: '{0} of content were returned: Content-Length: {1} in frame {2}, which counts the body alone.',
  contentLengthNone: '{0} of content were returned in frame {1}, sent {2} without a Content-Length line.',
  framingChunked: 'in chunks (Transfer-Encoding: chunked)',
  framingClose: 'until the server closed the connection',
  noBody: 'No content was returned: the response in frame {0} has no body.',
  hiddenHeaders: "Yes: the packet list's Info column shows only the start line, while the raw data of frame {0} also holds its {1} header lines, such as {2}.",
  hiddenHeadersNone: 'No: the response in frame {0} has no header lines besides its status line.',

  // Part 2: the conditional GET
  firstImsNo: 'No: the first GET of {0} (frame {1}) has no If-Modified-Since line, as the browser had no copy of the file in its cache yet.',
  firstImsYes:
    'Yes: the first GET of {0} (frame {1}) already carries If-Modified-Since: {2}, so the browser had the file cached; empty the cache before this part to see a first, unconditional GET.',
  firstContentsYes:
    'Yes: the response in frame {0} ({1}) carries the file in its body, {2} of {3}: the data after the blank line, which Wireshark shows as File Data.',
  firstContentsNo: 'No: the response in frame {0} ({1}) has no body, so the file itself was not sent.',
  secondImsYes: 'Yes: the second GET (frame {0}) carries If-Modified-Since: {1}, the Last-Modified date the server sent with the file in frame {2}.',
  secondImsYesEtag:
    "Yes: the second GET (frame {0}) carries If-Modified-Since: {1}, the Last-Modified date the server sent with the file in frame {2}, and also If-None-Match: {3}, the file's ETag.",
  secondImsYesCached: "Yes: the second GET (frame {0}) carries If-Modified-Since: {1}, the date of the copy in the browser's cache.",
  secondImsEtagOnly: "No If-Modified-Since line, but the second GET (frame {0}) carries If-None-Match: {1}, the file's ETag, so it is still a conditional GET.",
  secondImsNo:
    'No: the second GET (frame {0}) has no If-Modified-Since line, so it is not a conditional GET (the browser did not keep the file, or the reload bypassed its cache).',
  secondStatus304:
    'The server answered {0} (frame {1}) and did not send the file again: a 304 response has no body, and the browser shows the copy in its cache.',
  secondStatusBody: 'The server answered {0} (frame {1}) and sent the file again, {2}: the file had changed, or the GET was not conditional.',
  secondStatusOther: 'The server answered {0} (frame {1}), with no body.',

  // Part 3: retrieving long documents
  longGetsOne: 'The browser sent one GET, for {0}, in frame {1}.',
  longGetsMany: 'The browser sent {0} GETs; the one for {1} is in frame {2}.',
  statusFrameMany:
    "The status line {0} arrived in frame {1}, the first of the response's {2} TCP segments; Wireshark shows the response, with its status code and phrase, in frame {3}, where the reassembled message ends.",
  statusFrameOne: 'Frame {0} holds the whole response, its status line {1} included.',
  longStatus: 'The status code is {0} and the phrase is {1} (frame {2}).',
  segmentsMany: 'The response came in {0} data-carrying TCP segments, {1} in all (the headers, then a body of {2}): {3}.',
  segmentsLost: 'The capture holds {0} data-carrying TCP segments of the response, {1} in all, but lost some of it ({2} of the body are missing): {3}.',
  segmentsOne: 'One TCP segment carried the whole response (frame {0}, {1}).',

  // Part 4: HTML documents with embedded objects
  embeddedGets: 'The browser sent {0} GETs, to {1} addresses: {2}.',
  embeddedGetsOne: 'The browser sent {0} GETs, all to {1} ({2}).',
  getsTo: '{0} to {1}',
  groupSeparator: '; ',
  parallelAll:
    'In parallel: the {0} images came over {1} TCP connections (tcp.stream {2}), and their GETs ({3}) were sent before the first image arrived ({4}).',
  parallelSome:
    'In parallel: the {0} images came over {1} TCP connections (tcp.stream {2}), and the GET in frame {3} was sent before the image asked for in frame {4} had arrived (frame {5}).',
  pipelined:
    'Neither one by one nor over parallel connections: the {0} image GETs ({1}) were pipelined on one TCP connection (tcp.stream {2}), each sent before the previous image had arrived.',
  serialOne: 'Serially: each image GET ({0}) was sent only after the previous image had arrived ({1}), all on one TCP connection (tcp.stream {2}).',
  serialMany: 'Serially: each image GET ({0}) was sent only after the previous image had arrived ({1}), though over {2} TCP connections (tcp.stream {3}).',

  // Part 5: HTTP authentication
  challenge: 'The server answered {0} (frame {1}), with WWW-Authenticate: {2}: the page needs a user name and password.',
  challengeNoHeader: 'The server answered {0} (frame {1}): the page needs credentials.',
  challengeNot401: 'The server answered {0} (frame {1}), not 401 Unauthorized: the browser sent the password with its first GET, as it still remembered it.',
  authBasicMasked:
    'The second GET (frame {0}) carries a new field, Authorization: the word Basic, then the user name and password in base64, which decodes to "{1}:" and a password of {2} characters; base64 is an encoding, not encryption, so anyone who captures the packet can read them.',
  authBasicRevealed:
    'The second GET (frame {0}) carries a new field, Authorization: the word Basic, then the user name and password in base64, which decodes to "{1}:{2}"; base64 is an encoding, not encryption, so anyone who captures the packet can read them.',
  authOther: 'The second GET (frame {0}) carries a new field, Authorization, with the {1} scheme.',

  // What is missing, and what to capture (after "cannot")
  missingBasic: 'it holds no GET of {0}, nor any other HTML page; capture the browser fetching {0}.',
  missingResponse: 'the answer to the GET in frame {0} was not captured; capture again, and stop only once the page is shown.',
  missingConditional: "it holds no GET of {0}; empty the browser's cache, then fetch {0} and reload it while capturing.",
  missingSecond: 'it holds only one GET of {0} (frame {1}); reload the page while capturing, so that the browser sends a conditional GET.',
  missingLong: 'it holds no GET of {0}, nor any page answered in several TCP segments; capture the browser fetching {0}.',
  missingEmbedded: "it holds no GET of {0}, nor any page whose images were fetched; empty the browser's cache and capture it fetching {0}.",
  missingImages:
    "fewer than two images of the page in frame {0} were fetched ({1}); empty the browser's cache so that they are fetched again, and capture again.",
  missingAuth:
    'it holds no 401 Unauthorized answer to a GET of {0}; close the browser (so that it forgets the password), then fetch {0} while capturing and give the user name and password when asked.',
  missingAuthorized: 'no GET with an Authorization field follows the 401 in frame {0}; give the user name and password when the browser asks, while capturing.',
};

export type AnswersKey = keyof typeof answersEn;
