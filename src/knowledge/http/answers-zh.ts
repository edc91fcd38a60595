/*
 * The answers to Kurose & Ross's "Wireshark Lab: HTTP" in Simplified Chinese: the same keys as answers-en.ts.
 */
import type { AnswersKey } from './answers-en.js';

export const answersZh = {
  // The block's labels and the small words the answers are made of
  labelAnswer: '答案',
  labelEvidence: '依据',
  labelWireshark: '在 Wireshark 中查看',
  labelFilter: '输入显示过滤器',
  labelExpand: '，然后展开',
  noteDash: '——',
  treeSeparator: '；',
  at: '第 {0} 帧',
  frame: '第 {0} 帧',
  frames: '第 {0} 帧',
  bytes: '{0} 字节',
  byte: '{0} 字节',
  seconds: '{0} 秒',
  listSeparator: '、',
  listLast: ' 和 ',
  thePage: '本部分的网页',
  cannot: '本次抓包无法回答这个问题：{0}',
  moreEvidence: '另有 {0} 项，未列出',
  standIn: '抓包中没有请求 {0} 的 GET，因此以{1}代替。',

  // Why an exchange was taken when the handout's page is not in the capture
  shapeBasic: '第一个获取的 HTML 网页',
  shapeConditional: '被获取了两次、第二次使用条件 GET 的网页',
  shapeLong: '分成最多 TCP 报文段传送的网页',
  shapeEmbedded: '其中图片被获取的网页',
  shapeAuth: '先得到 401 响应、随后带 Authorization 字段再次请求的网页',

  // Notes on the evidence
  noteRequestLine: '请求行：方法、URI 和版本',
  noteStatusLine: '状态行：版本、状态码和短语',
  noteIpHeader: '“Src”是浏览器所在的主机，“Dst”是服务器',
  noteGmt: 'HTTP 中的日期一律使用 GMT',
  noteContentLength: '实体主体的长度，不包括首部',
  noteFileData: '空行之后的实体主体',
  noteFrameLength: '整个帧的长度：以太网、IP 和 TCP 首部，加上 HTTP 首部和实体主体',
  noteInfoColumn: '分组列表的信息列只显示这些',
  noteHeaderLines: '分组详情和分组字节中还有 {0} 个首部行：{1}',
  noteRequestHeaders: '请求也是如此：它的 {0} 个首部行同样不显示在信息列中',
  noteNoIms: '它的 {0} 个首部行中既没有 If-Modified-Since，也没有 If-None-Match',
  noteEchoes: 'If-Modified-Since 回传的就是这个时间',
  noteEtag: '文件的 ETag，来自第 {0} 帧',
  noteNoBody: '没有 File Data：响应在首部之后就结束了',
  noteFirstSegment: '该响应的第一个报文段：开头的字节就是状态行（分组列表中显示为“[TCP segment of a reassembled PDU]”）',
  noteShownAt: '分组列表中显示为 HTTP 的那一行，重组在这里结束',
  noteReassembled: '共 {0}：首部，以及 {1} 的实体主体',
  noteGet: '{0}，发往 {1}（Host: {2}），tcp.stream {3}',
  roleThePage: '网页本身',
  roleImage: '网页中的图片',
  roleObject: '网页中的对象',
  noteImageTiming: '在 {0} 于 tcp.stream {1} 上发出；图片在 {3} 于第 {2} 帧到达',
  noteImageNoAnswer: '在 {0} 于 tcp.stream {1} 上发出；它的响应没有被捕获',
  noteCredentials: 'Wireshark 在它下面的“Credentials”一行解码出 base64 的内容：{0}',
  noteSecretMasked: '用户名 {0}，其后是一个 {1} 个字符的密码（本报告中已隐去）',

  // Part 1: the basic GET/response interaction
  versions: '浏览器运行的是 {0}（第 {1} 帧的请求行），服务器运行的是 {2}（第 {3} 帧的状态行）。',
  versionsNoResponse: '浏览器运行的是 {0}（第 {1} 帧的请求行）；服务器的响应没有被捕获，无法读出它的版本。',
  languages: '浏览器可以接受 {0}，按偏好顺序排列（第 {1} 帧的 Accept-Language）。',
  languagesOne: '浏览器只接受 {0}（第 {1} 帧的 Accept-Language）。',
  languagesNone: '浏览器没有声明语言偏好：第 {0} 帧的 GET 中没有 Accept-Language 行。',
  addresses: '本机的 IP 地址是 {0}，服务器的是 {1}：即第 {2} 帧 GET 报文的源地址和目的地址。',
  status: '服务器返回 {0}（第 {1} 帧的状态行）。',
  lastModified: '该文件在服务器上的最后修改时间是 {0}（第 {1} 帧的 Last-Modified）。',
  lastModifiedNone: '第 {0} 帧的响应中没有 Last-Modified 行，因此无法得知文件的最后修改时间。',
  contentLength: '返回的内容共 {0}：见第 {2} 帧中的 Content-Length: {1}，它只计算实体主体。',
  contentLengthNone: '第 {1} 帧返回的内容共 {0}，{2}，没有 Content-Length 行。',
  framingChunked: '以分块方式传送（Transfer-Encoding: chunked）',
  framingClose: '一直传送到服务器关闭连接为止',
  noBody: '没有返回内容：第 {0} 帧的响应没有实体主体。',
  hiddenHeaders: '有：分组列表的信息列只显示起始行，而第 {0} 帧的原始数据中还有 {1} 个首部行，例如 {2}。',
  hiddenHeadersNone: '没有：第 {0} 帧的响应除状态行之外没有首部行。',

  // Part 2: the conditional GET
  firstImsNo: '没有：第一次请求 {0} 的 GET（第 {1} 帧）中没有 If-Modified-Since 行，因为浏览器缓存中还没有这个文件。',
  firstImsYes:
    '有：第一次请求 {0} 的 GET（第 {1} 帧）已经带有 If-Modified-Since: {2}，说明浏览器缓存中已有该文件；做这一部分之前应先清空浏览器缓存，才能看到第一次的非条件 GET。',
  firstContentsYes: '是的：第 {0} 帧的响应（{1}）在实体主体中带回了文件本身，共 {2}，类型为 {3}：即空行之后的数据，Wireshark 中显示为 File Data。',
  firstContentsNo: '没有：第 {0} 帧的响应（{1}）没有实体主体，文件本身没有被发送。',
  secondImsYes: '有：第二次 GET（第 {0} 帧）带有 If-Modified-Since: {1}，正是服务器在第 {2} 帧随文件发来的 Last-Modified 时间。',
  secondImsYesEtag:
    '有：第二次 GET（第 {0} 帧）带有 If-Modified-Since: {1}，正是服务器在第 {2} 帧随文件发来的 Last-Modified 时间；它还带有 If-None-Match: {3}，即文件的 ETag。',
  secondImsYesCached: '有：第二次 GET（第 {0} 帧）带有 If-Modified-Since: {1}，即浏览器缓存中那份副本的时间。',
  secondImsEtagOnly: '没有 If-Modified-Since 行，但第二次 GET（第 {0} 帧）带有 If-None-Match: {1}（文件的 ETag），所以它仍是条件 GET。',
  secondImsNo: '没有：第二次 GET（第 {0} 帧）中没有 If-Modified-Since 行，它不是条件 GET（浏览器没有缓存该文件，或者刷新时绕过了缓存）。',
  secondStatus304: '服务器返回 {0}（第 {1} 帧），没有再次发送文件：304 响应没有实体主体，浏览器显示的是缓存中的副本。',
  secondStatusBody: '服务器返回 {0}（第 {1} 帧），并再次发送了文件（{2}）：文件已被修改过，或者这次 GET 不是条件请求。',
  secondStatusOther: '服务器返回 {0}（第 {1} 帧），没有实体主体。',

  // Part 3: retrieving long documents
  longGetsOne: '浏览器只发送了 1 个 GET 请求（请求 {0}），在第 {1} 帧。',
  longGetsMany: '浏览器发送了 {0} 个 GET 请求；请求 {1} 的 GET 在第 {2} 帧。',
  statusFrameMany: '状态行 {0} 在第 {1} 帧到达，它是该响应 {2} 个 TCP 报文段中的第一个；Wireshark 在重组结束的第 {3} 帧显示整个响应及其状态码和短语。',
  statusFrameOne: '第 {0} 帧包含整个响应，状态行 {1} 也在其中。',
  longStatus: '状态码是 {0}，短语是 {1}（第 {2} 帧）。',
  segmentsMany: '这个响应由 {0} 个携带数据的 TCP 报文段传送，共 {1}（首部，以及 {2} 的实体主体）：{3}。',
  segmentsLost: '抓包中有该响应的 {0} 个携带数据的 TCP 报文段，共 {1}，但丢失了一部分（实体主体缺少 {2}）：{3}。',
  segmentsOne: '整个响应只用了 1 个 TCP 报文段（第 {0} 帧，{1}）。',

  // Part 4: HTML documents with embedded objects
  embeddedGets: '浏览器发送了 {0} 个 GET 请求，发往 {1} 个地址：{2}。',
  embeddedGetsOne: '浏览器发送了 {0} 个 GET 请求，都发往 {1}（{2}）。',
  getsTo: '{0} 发往 {1}',
  groupSeparator: '；',
  parallelAll: '并行下载：{0} 张图片通过 {1} 条 TCP 连接（tcp.stream {2}）传送，它们的 GET 请求（{3}）都是在第一张图片到达（{4}）之前发出的。',
  parallelSome: '并行下载：{0} 张图片通过 {1} 条 TCP 连接（tcp.stream {2}）传送，第 {3} 帧的 GET 是在第 {4} 帧所请求的图片到达（第 {5} 帧）之前发出的。',
  pipelined:
    '既不是逐个下载，也不是通过多条连接并行下载：{0} 个图片请求（{1}）在同一条 TCP 连接（tcp.stream {2}）上以流水线方式发出，每个请求都在前一张图片到达之前发出。',
  serialOne: '串行下载：每个图片请求（{0}）都是在前一张图片到达（{1}）之后才发出的，全部在同一条 TCP 连接（tcp.stream {2}）上。',
  serialMany: '串行下载：每个图片请求（{0}）都是在前一张图片到达（{1}）之后才发出的，虽然用了 {2} 条 TCP 连接（tcp.stream {3}）。',

  // Part 5: HTTP authentication
  challenge: '服务器返回 {0}（第 {1} 帧），并带有 WWW-Authenticate: {2}：访问该网页需要用户名和密码。',
  challengeNoHeader: '服务器返回 {0}（第 {1} 帧）：访问该网页需要凭据。',
  challengeNot401: '服务器返回 {0}（第 {1} 帧），而不是 401 Unauthorized：浏览器还记得密码，在第一次 GET 中就把它发送了。',
  authBasicMasked:
    '第二次 GET（第 {0} 帧）多了一个字段 Authorization：先是 Basic，然后是用户名和密码的 base64 编码，解码后是“{1}:”加上一个 {2} 个字符的密码；base64 只是编码而不是加密，任何抓到这个分组的人都能读出它们。',
  authBasicRevealed:
    '第二次 GET（第 {0} 帧）多了一个字段 Authorization：先是 Basic，然后是用户名和密码的 base64 编码，解码后是“{1}:{2}”；base64 只是编码而不是加密，任何抓到这个分组的人都能读出它们。',
  authOther: '第二次 GET（第 {0} 帧）多了一个字段 Authorization，采用 {1} 方案。',

  // What is missing, and what to capture (after "cannot")
  missingBasic: '其中没有请求 {0} 的 GET，也没有其他 HTML 网页；请在抓包时用浏览器访问 {0}。',
  missingResponse: '第 {0} 帧 GET 的响应没有被捕获；请重新抓包，等网页显示出来之后再停止。',
  missingConditional: '其中没有请求 {0} 的 GET；请先清空浏览器缓存，然后在抓包时访问 {0} 并刷新一次。',
  missingSecond: '其中只有一次请求 {0} 的 GET（第 {1} 帧）；请在抓包时刷新该网页，让浏览器发送条件 GET。',
  missingLong: '其中没有请求 {0} 的 GET，也没有分多个 TCP 报文段传送的网页；请在抓包时用浏览器访问 {0}。',
  missingEmbedded: '其中没有请求 {0} 的 GET，也没有其中图片被获取的网页；请清空浏览器缓存，在抓包时用浏览器访问 {0}。',
  missingImages: '第 {0} 帧的网页之后取回的图片少于 2 张（{1} 张）；请清空浏览器缓存，让图片重新被获取，再抓一次包。',
  missingAuth: '其中没有对 {0} 的 GET 返回 401 Unauthorized 的响应；请先关闭浏览器（让它忘记密码），然后在抓包时访问 {0}，并在提示时输入用户名和密码。',
  missingAuthorized: '第 {0} 帧的 401 之后没有带 Authorization 字段的 GET；请在抓包时按浏览器的提示输入用户名和密码。',
} satisfies Record<AnswersKey, string>;
