/*
 * HTTP/2 knowledge in Simplified Chinese: one explanation per entry of `facts.ts`, in the
 * terms of Chinese networking textbooks (帧, 流, 多路复用, 首部压缩, 伪首部字段…).
 */

import type { Http2Texts } from './facts.js';

export const http2Zh = {
  frameTypes: {
    DATA: {
      title: 'DATA 帧',
      text: '在一个流上携带请求或响应实体主体的一部分。一个报文的最后一个 DATA 帧带有 END_STREAM 标志；各部分拼接起来就是主体，相当于 HTTP/1.1 中由 Content-Length 界定的主体。',
    },
    HEADERS: {
      title: 'HEADERS 帧',
      text: '打开一个流，携带请求或响应的首部块（先是伪首部字段，后是普通首部字段），经 HPACK 压缩。DATA 之后的第二个 HEADERS 帧携带尾部字段（trailers）。',
    },
    PRIORITY: {
      title: 'PRIORITY 帧',
      text: '说明一个流相对其他流的重要程度（依赖的父流和权重）。RFC 9113 已弃用这一方案，浏览器现在改用 Priority 首部或 PRIORITY_UPDATE 帧。',
    },
    RST_STREAM: { title: 'RST_STREAM 帧', text: '立即终止一个流，并用错误码说明原因（浏览器不再需要该响应时为 CANCEL）。连接上的其他流照常进行。' },
    SETTINGS: {
      title: 'SETTINGS 帧',
      text: '双方在连接开始时各自通告自己的限制和选项（首部表大小、最大帧长度、窗口大小等）；对方用一个带 ACK 标志的空 SETTINGS 帧确认。',
    },
    PUSH_PROMISE: {
      title: 'PUSH_PROMISE 帧',
      text: '服务器预告一个客户端尚未请求、它将主动发送的响应（服务器推送），并附上该响应所对应的请求。被推送的响应在一个新的偶数编号流上到达。浏览器现已不再接受推送。',
    },
    PING: { title: 'PING 帧', text: '8 个字节，对方必须用带 ACK 标志的 PING 原样返回：用来测量往返时间并检查连接是否仍然存活。' },
    GOAWAY: {
      title: 'GOAWAY 帧',
      text: '平稳地关闭连接：说明发送方处理过的最后一个流，编号更大的流上的请求可以另行重试；并给出错误码（正常关闭为 NO_ERROR）。',
    },
    WINDOW_UPDATE: { title: 'WINDOW_UPDATE 帧', text: '流量控制：接收方允许发送方在某个流上（流 0 表示整个连接）再发送这么多字节的 DATA。' },
    CONTINUATION: {
      title: 'CONTINUATION 帧',
      text: '携带一个 HEADERS 或 PUSH_PROMISE 帧装不下的首部块的其余部分。它们之间不能夹有其他帧；最后一个带有 END_HEADERS 标志。',
    },
    ALTSVC: { title: 'ALTSVC 帧', text: '扩展帧，服务器用它通告另一种访问方式，通常是基于 UDP 443 端口 QUIC 的 HTTP/3（“h3”）。' },
    ORIGIN: { title: 'ORIGIN 帧', text: '扩展帧，列出服务器在同一连接上还能为哪些其他站点（源）作答，以便浏览器复用该连接。' },
    PRIORITY_UPDATE: { title: 'PRIORITY_UPDATE 帧', text: '扩展帧，按 RFC 9218 的新方案（紧急程度和是否增量）修改一个流的优先级，取代已弃用的 PRIORITY 帧。' },
  },
  flags: {
    END_STREAM: { title: 'END_STREAM 标志', text: '这是发送方在该流上发送的最后一帧：请求或响应已经完整。' },
    ACK: { title: 'ACK 标志', text: '用于 SETTINGS 和 PING：本帧是对对方 SETTINGS 的确认，或对其 PING 的应答。' },
    END_HEADERS: { title: 'END_HEADERS 标志', text: '首部块在本帧结束；没有该标志时，后面还有 CONTINUATION 帧。' },
    PADDED: { title: 'PADDED 标志', text: '本帧带有填充：先是一个填充长度字节，末尾是同样数目的零字节，用来隐藏内容的真实长度。填充不属于报文内容。' },
    PRIORITY: { title: 'PRIORITY 标志', text: 'HEADERS 帧中带有（已弃用的）优先级字段：流依赖和权重。' },
  },
  settings: {
    SETTINGS_HEADER_TABLE_SIZE: { title: '首部表大小', text: '发送方为解码对方发来的首部而能保存的 HPACK 动态表的最大字节数（默认 4096）。' },
    SETTINGS_ENABLE_PUSH: { title: '是否允许服务器推送', text: '由客户端发送：0 禁止服务器推送响应（PUSH_PROMISE），1 允许。' },
    SETTINGS_MAX_CONCURRENT_STREAMS: { title: '最大并发流数', text: '对方同时可以打开多少个流，即连接上可以同时进行多少个请求。' },
    SETTINGS_INITIAL_WINDOW_SIZE: { title: '初始窗口大小', text: '对方在一个新流上、在等到 WINDOW_UPDATE 之前最多可以发送的 DATA 字节数（默认 65535）。' },
    SETTINGS_MAX_FRAME_SIZE: { title: '最大帧长度', text: '发送方接受的最大帧载荷，从 16384（默认）到 16777215 字节。' },
    SETTINGS_MAX_HEADER_LIST_SIZE: { title: '最大首部列表大小', text: '提示发送方愿意接受的最大首部长度，按每个字段“名称 + 值 + 32 字节”计算。' },
    SETTINGS_ENABLE_CONNECT_PROTOCOL: {
      title: '允许扩展 CONNECT',
      text: '服务器接受带 :protocol 伪首部的 CONNECT 请求，WebSocket 就是这样在 HTTP/2 上运行的。',
    },
    SETTINGS_NO_RFC7540_PRIORITIES: { title: '不使用旧优先级方案', text: '发送方不使用 RFC 7540 中已弃用的 PRIORITY 方案（改用 RFC 9218 的 Priority 首部）。' },
  },
  errorCodes: {
    NO_ERROR: { title: '无错误', text: '并非错误：在 GOAWAY 中表示正常关闭，在 RST_STREAM 中表示不再需要该流。' },
    PROTOCOL_ERROR: { title: '协议错误', text: '对方违反了 HTTP/2 的某条规则，且没有更具体的错误码。' },
    INTERNAL_ERROR: { title: '内部错误', text: '发送方自身出现了意外故障。' },
    FLOW_CONTROL_ERROR: { title: '流量控制错误', text: '对方发送的 DATA 超过了流量控制窗口允许的数量。' },
    SETTINGS_TIMEOUT: { title: '设置超时', text: '发送方的 SETTINGS 没有及时得到确认。' },
    STREAM_CLOSED: { title: '流已关闭', text: '收到了一个已经结束的流上的帧。' },
    FRAME_SIZE_ERROR: { title: '帧长度错误', text: '帧的长度不对：超过允许的最大值，或不是该类型要求的固定长度。' },
    REFUSED_STREAM: { title: '拒绝流', text: '服务器在处理之前就拒绝了该流，因此客户端可以安全地重新发送该请求。' },
    CANCEL: { title: '已取消', text: '不再需要该流：浏览器离开了页面，或下载被中止。' },
    COMPRESSION_ERROR: { title: '压缩错误', text: 'HPACK 首部压缩状态已被破坏（某个首部块无法解码）：整个连接必须结束。' },
    CONNECT_ERROR: { title: 'CONNECT 错误', text: '由 CONNECT 请求建立的隧道被重置或异常关闭。' },
    ENHANCE_YOUR_CALM: { title: '请冷静', text: '对方发送得太多太快（例如大量重置），发送方要求其放慢速度。' },
    INADEQUATE_SECURITY: { title: '安全性不足', text: 'HTTP/2 下层的 TLS 连接达不到最低安全要求（例如版本过旧或密码套件太弱）。' },
    HTTP_1_1_REQUIRED: { title: '需要 HTTP/1.1', text: '服务器希望这个请求改用 HTTP/1.1 发送。' },
  },
  pseudoHeaders: {
    ':method': { title: '请求方法', text: '请求方法（GET、POST 等），HTTP/1.1 把它放在请求行的最前面。' },
    ':scheme': { title: '协议方案', text: 'URI 的方案，“http”或“https”：HTTP/1.1 没有这个字段，由连接本身隐含。' },
    ':authority': { title: '主机', text: '请求所针对的主机（和端口）：相当于 HTTP/1.1 中的 Host 首部。' },
    ':path': { title: '路径', text: '目标的路径和查询，如“/index.html?x=1”：即 HTTP/1.1 请求行中的请求目标（URL）。' },
    ':protocol': { title: '协议（扩展 CONNECT）', text: '在扩展 CONNECT 请求中要隧道传输的协议，如“websocket”。' },
    ':status': { title: '状态码', text: '响应的状态码，是响应唯一的伪首部。HTTP/2 没有原因短语：只有“200”，而不是“200 OK”。' },
  },
  hpack: {
    indexed: {
      title: '索引字段',
      text: '整个字段（名称和值）只用一个数字表示：它在静态表（1–61）或动态表（62 及以上）中的索引。:method 为 GET 时只占 1 个字节。',
    },
    incremental: { title: '带增量索引的字面值', text: '值（也可能连同名称）以文本发送，并把该字段加入动态表，以后的首部块就可以只发送一个索引。' },
    'without-indexing': { title: '不索引的字面值', text: '字段以文本发送，不加入动态表（用于每次都变的值，例如 :path 或 content-length）。' },
    'never-indexed': { title: '永不索引的字面值', text: '以文本发送，并标记为任何代理都不得放入表中：用于 Cookie、Authorization 等机密，以防范压缩攻击。' },
    'size-update': { title: '动态表大小更新', text: '编码方在首部块开头修改其动态表的大小（设为 0 即清空），上限是 SETTINGS_HEADER_TABLE_SIZE 允许的值。' },
    huffman: { title: '哈夫曼编码', text: '首部文本可以用一套固定的哈夫曼编码发送，常用字符只占 5 或 6 位而不是 8 位，长度约缩短五分之一。' },
    'static-table': {
      title: '静态表',
      text: '双方事先都知道的 61 个常用字段组成的固定表（“:method: GET”、“:status: 200”、“accept-encoding: gzip, deflate”等）。',
    },
    'dynamic-table': {
      title: '动态表',
      text: '每个方向各有一张、在解码过程中逐步建立的表：以增量索引方式发送的字段加在索引 62 处，旧的字段依次后移，表满时被淘汰。',
    },
  },
  concepts: {
    'binary-framing': {
      title: '二进制分帧',
      text: 'HTTP/2 不再发送文本行：每个报文都被切分成帧，每帧有 9 字节的帧首部（长度、类型、标志、流标识符）。Wireshark 逐帧显示；一个请求就是一个 HEADERS 帧，后面可能跟着若干 DATA 帧。',
    },
    streams: { title: '流', text: '每个请求及其响应在各自的流上传输；流是连接内一个有编号、相互独立的帧序列。' },
    multiplexing: {
      title: '多路复用',
      text: '多个流同时共享一条 TCP 连接，它们的帧交错传输：浏览器并行获取页面的图片、样式表和脚本，无需为每个对象建立连接，一个慢的响应也不会阻塞其他响应。',
    },
    'stream-ids': { title: '流标识符', text: '客户端打开的流为奇数编号（1、3、5…），服务器推送的流为偶数编号；流 0 代表连接本身（SETTINGS、PING、GOAWAY）。' },
    'connection-preface': {
      title: '连接前言',
      text: '客户端首先发送固定的 24 字节“PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n”，然后是一个 SETTINGS 帧；服务器以自己的 SETTINGS 应答。HTTP/1.1 服务器会把它当作一个奇怪的请求而拒绝。',
    },
    'prior-knowledge': {
      title: '事先知道的 HTTP/2',
      text: '客户端如果事先知道服务器支持 HTTP/2，就直接发送连接前言，不使用 TLS（即“h2c”），例如 curl --http2-prior-knowledge。',
    },
    'h2c-upgrade': {
      title: '升级到 h2c',
      text: '客户端发送一个普通的 HTTP/1.1 请求，带有“Upgrade: h2c”和 HTTP2-Settings；服务器同意时回答 101 Switching Protocols，并在流 1 上以 HTTP/2 发送响应。RFC 9113 已弃用这种方式。',
    },
    alpn: {
      title: '基于 TLS 的 HTTP/2（ALPN “h2”）',
      text: '浏览器只在 TLS 之上使用 HTTP/2：在 TLS 握手中客户端通过 ALPN 提供“h2”，服务器选定它。没有会话密钥时，Wireshark 只能看到加密的 TLS 记录。',
    },
    'header-compression': {
      title: '首部压缩',
      text: '首部字段用 HPACK 压缩：重复的字段变成表索引，文本可以用哈夫曼编码。浏览器对同一站点的第二个请求，首部往往只有几十个字节，而不是几百个字节。',
    },
    'lower-case-names': { title: '字段名必须小写', text: 'HTTP/2 要求首部字段名为小写（“content-type”而不是“Content-Type”）；带大写字母名称的请求是畸形的。' },
    'connection-specific-fields': {
      title: '不允许与连接相关的字段',
      text: 'Connection、Keep-Alive、Transfer-Encoding 和 Upgrade 在 HTTP/2 中没有意义（分帧机制已完成它们的工作），不得发送。',
    },
    'no-reason-phrase': { title: '没有原因短语', text: 'HTTP/2 响应只带状态码（:status 200）；HTTP/1.1 状态行中的原因短语（“OK”）不复存在。' },
    'flow-control': { title: '流量控制', text: '每一方限制自己在每个流和整个连接上接受多少 DATA，并在处理数据后用 WINDOW_UPDATE 帧提高这个限额。' },
    'server-push': { title: '服务器推送', text: '服务器可以先用 PUSH_PROMISE 预告，再发送客户端尚未请求的响应。浏览器现已不再支持。' },
    trailers: { title: '尾部字段', text: '在主体之后发送的首部字段，放在最后一个带 END_STREAM 的 HEADERS 帧中（gRPC 就这样发送其状态）。' },
    'http1-vs-http2': {
      title: 'HTTP/1.1 与 HTTP/2 的比较',
      text: '方法、状态码和首部字段相同；但 HTTP/1.1 发送文本行，每条连接上请求一个接一个，而 HTTP/2 发送带压缩首部的二进制帧，一条连接上同时进行多个请求，每个请求在各自的流上。',
    },
  },
} satisfies Http2Texts;
