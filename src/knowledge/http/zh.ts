/*
 * HTTP knowledge in Simplified Chinese: one explanation per header field, status code,
 * status class and method of `facts.ts`, in the terms of Chinese networking textbooks
 * (首部字段, 状态码, 幂等, 持久连接, 分块传输编码, 内容编码, ...).
 */

import type { HttpTexts } from './facts.js';

export const httpZh = {
  headers: {
    accept: {
      title: '可接受的媒体类型',
      text: '客户端用它列出自己能处理的媒体类型，按偏好排列。例如“text/html,application/xhtml+xml;q=0.9,*/*;q=0.8”表示首选 HTML，q 值（0 到 1）给其他类型排定优先级。',
    },
    'accept-charset': {
      title: '可接受的字符集',
      text: '列出客户端能识别的字符编码，如“utf-8”。由于 UTF-8 几乎已经通用，RFC 9110 已将其弃用，现代浏览器不再发送。',
    },
    'accept-encoding': {
      title: '可接受的内容编码',
      text: '客户端用它列出自己能解压的压缩格式。“gzip, deflate, br”表示服务器可以用 gzip、deflate 或 Brotli 压缩响应体，实际采用的编码由响应中的 Content-Encoding 说明。',
    },
    'accept-language': {
      title: '偏好的语言',
      text: '客户端（浏览器取自用户的语言设置）用它说明偏好的自然语言。“zh-CN,zh;q=0.9,en;q=0.8”表示首选简体中文，其次是任意中文，再次是英文。',
    },
    'accept-ranges': {
      title: '支持范围请求',
      text: '服务器用它说明该资源是否支持范围请求。“bytes”表示客户端可以只请求文件的一部分（例如断点续传），“none”表示不支持。',
    },
    allow: {
      title: '允许的方法',
      text: '服务器用它列出该资源支持的请求方法，例如“GET, HEAD, OPTIONS”。405（Method Not Allowed）响应必须带有此字段，对 OPTIONS 的响应中也很常见。',
    },
    'authentication-info': {
      title: '认证信息',
      text: '认证成功后由服务器发送，携带所用认证方案的附加数据。例如在摘要认证（Digest）中，它可以给出下次使用的 nonce，以及证明服务器确实知道口令的校验值。',
    },
    authorization: {
      title: '授权凭据',
      text: '客户端用它证明自己的身份，通常是在收到 401 响应之后。“Basic dXNlcjpwYXNz”是 Base64 编码的用户名和口令——Base64 只是编码而非加密，若连接未使用 TLS，抓包即可读出；“Bearer ...”则携带的是令牌。',
    },
    connection: {
      title: '连接选项',
      text: '只作用于当前这条 TCP 连接（逐跳首部），代理不会转发。“keep-alive”表示希望保持持久连接以发送后续请求（HTTP/1.1 的默认行为），“close”表示本次响应后关闭连接。HTTP/2 和 HTTP/3 不使用该字段。',
    },
    'content-encoding': {
      title: '内容编码',
      text: '说明消息体采用了哪种压缩，例如“gzip”或“br”（Brotli）。接收方必须先解压才能得到原始数据；服务器一般根据客户端的 Accept-Encoding 来选择编码。',
    },
    'content-language': {
      title: '内容语言',
      text: '说明内容面向的读者所用的自然语言，例如“en”或“zh-CN”。',
    },
    'content-length': {
      title: '内容长度',
      text: '消息体的长度，以字节为单位的十进制数。接收方据此判断消息在哪里结束，从而在同一连接上继续读取下一条消息；若事先不知道长度，HTTP/1.1 改用分块传输编码。',
    },
    'content-location': {
      title: '内容位置',
      text: '主要由服务器发送，给出所返回内容对应的具体资源的 URL。例如请求“/report”时，若服务器选择了中文版本，可以回答“Content-Location: /report.zh.html”。',
    },
    'content-range': {
      title: '内容范围',
      text: '出现在 206（Partial Content）响应中，说明消息体是资源的哪一部分。“bytes 0-1023/146515”表示一个 146515 字节的文件的前 1024 个字节。',
    },
    'content-type': {
      title: '内容类型',
      text: '消息体的媒体类型（MIME 类型），接收方据此决定如何解析。“text/html; charset=utf-8”表示 UTF-8 编码的 HTML 网页，“application/json”表示 JSON 数据。',
    },
    date: {
      title: '日期',
      text: '生成该消息的日期和时间，始终使用格林尼治时间（GMT），例如“Tue, 15 Nov 2024 08:12:31 GMT”。源服务器必须发送它，缓存据此计算响应的年龄。',
    },
    etag: {
      title: '实体标签',
      text: '服务器为资源的当前版本给出的不透明标识，例如带引号的“"33a64df5"”（前缀 W/ 表示弱标签）。客户端之后可以在 If-None-Match 中带上它询问“变了没有”，若未变，只会得到一个简短的 304 响应。',
    },
    expect: {
      title: '期望',
      text: '客户端用它请求服务器做特殊处理。唯一定义的值是“100-continue”，意思是“我要发送一个较大的请求体，请先确认”：服务器回应 100（Continue）或一个错误。例如 curl 上传大文件时就会这样做。',
    },
    from: {
      title: '发件人（用户邮箱）',
      text: '客户端背后使用者的电子邮件地址。浏览器从不发送；一些网络爬虫会带上运营者的地址，方便网站管理员联系。',
    },
    host: {
      title: '主机',
      text: '客户端要访问的服务器的主机名（端口不是默认值时还包括端口），例如“www.example.com”。每个 HTTP/1.1 请求都必须带有它，使同一个 IP 地址可以承载多个网站（虚拟主机）；HTTP/2 中改用“:authority”伪首部。',
    },
    'if-match': {
      title: '若匹配',
      text: '使请求成为条件请求：只有当资源当前的 ETag 与所列值之一相符时服务器才执行。常用于 PUT 或 DELETE 之前，防止覆盖他人的修改；不相符时服务器返回 412（Precondition Failed）。',
    },
    'if-none-match': {
      title: '若不匹配',
      text: '客户端带上其缓存副本的 ETag。若资源的 ETag 仍然相同，服务器返回不带消息体的 304（Not Modified），客户端继续使用缓存；否则服务器发送新版本。',
    },
    'if-modified-since': {
      title: '若自某时起已修改',
      text: '客户端带上其缓存副本的 Last-Modified 时间。若资源此后没有修改，服务器返回不带消息体的 304（Not Modified）；否则发送新版本。',
    },
    'if-unmodified-since': {
      title: '若自某时起未修改',
      text: '只有当资源自给定时间以来没有被修改时才执行请求。若已被修改，服务器以 412（Precondition Failed）拒绝，以免覆盖更新的版本。',
    },
    'if-range': {
      title: '若范围有效',
      text: '与 Range 配合用于断点续传，意思是“如果文件仍是这个版本（以 ETag 或日期标识），就只发送缺少的部分”。若文件已经改变，服务器以 200 发送完整的新文件，而不是 206 的部分内容。',
    },
    'last-modified': {
      title: '最后修改时间',
      text: '由服务器发送：资源最后一次被修改的时间（GMT）。客户端之后可以在 If-Modified-Since 中带回这个时间，对缓存副本进行重新验证。',
    },
    location: {
      title: '位置',
      text: '由服务器给出一个 URL。在重定向（3xx）响应中，它是客户端接下来应访问的地址；在 201（Created）响应中，它是新建资源的地址。',
    },
    'max-forwards': {
      title: '最大转发次数',
      text: '限制 TRACE 或 OPTIONS 请求还能被多少个代理转发，作用类似 IP 的 TTL：每经过一个代理减 1，收到 0 的代理自己作答。可用来查找请求在代理链的哪一环出现循环或失败。',
    },
    'proxy-authenticate': {
      title: '代理认证质询',
      text: '代理随 407（Proxy Authentication Required）响应发送，说明它要求的认证方案，例如“Basic realm="proxy"”。客户端随后带上 Proxy-Authorization 重新发送请求。',
    },
    'proxy-authorization': {
      title: '代理授权凭据',
      text: '携带客户端向代理提供的凭据，格式与 Authorization 相同。代理自己使用它，不会转发给源服务器。',
    },
    'proxy-authentication-info': {
      title: '代理认证信息',
      text: '与 Authentication-Info 相同，只是由代理在接受客户端的 Proxy-Authorization 之后发送。',
    },
    range: {
      title: '范围',
      text: '客户端用它只请求资源的一部分。“bytes=0-1023”请求前 1024 个字节；下载工具和视频播放器借此实现断点续传和拖动进度，服务器以 206（Partial Content）回应。',
    },
    referer: {
      title: '来源页面',
      text: '发起该请求的页面地址，例如用户所点击链接所在的页面。“Referer”的拼写错误来自最初的 HTTP 规范，为了兼容一直保留；浏览器会按照 Referrer-Policy 截短或省略它。',
    },
    'retry-after': {
      title: '重试间隔',
      text: '服务器用它告诉客户端应等待多久再重试，可以是秒数（如“120”）或一个日期。通常与 503（Service Unavailable）或 429（Too Many Requests）一起出现。',
    },
    server: {
      title: '服务器软件',
      text: '描述源服务器所用的软件，例如“nginx/1.24.0”或“Apache/2.4.58 (Ubuntu)”。许多网站会缩短或隐藏它，以免攻击者获知具体版本。',
    },
    te: {
      title: '可接受的传输编码',
      text: '客户端用它说明除分块编码之外还能接受哪些传输编码。实际上取值基本都是“trailers”，表示客户端能处理在消息体之后发送的字段（尾部字段）；在 HTTP/2 中这是唯一允许的值。',
    },
    trailer: {
      title: '尾部字段',
      text: '预先声明哪些首部字段将在分块传输的消息体之后、在尾部中发送，例如只有在全部数据发送完毕后才能算出的校验和。',
    },
    upgrade: {
      title: '协议升级',
      text: '请求把当前连接切换到另一种协议，例如“websocket”（或明文 HTTP/2 的“h2c”）。服务器同意时回应 101（Switching Protocols）并带上同样的字段，此后连接上的字节改用新协议。',
    },
    'user-agent': {
      title: '用户代理',
      text: '标识客户端软件，例如“curl/8.5.0”，或以“Mozilla/5.0”开头（出于历史兼容原因）的一长串浏览器标识。服务器用它做统计，或绕过某些客户端的缺陷。',
    },
    vary: {
      title: '变化依据',
      text: '服务器用它告诉缓存：响应内容取决于哪些请求首部。“Vary: Accept-Encoding”表示缓存必须为支持 gzip 和不支持 gzip 的客户端分别保存副本。',
    },
    via: {
      title: '途经的中间节点',
      text: '每个转发该消息的代理或网关都会追加一项，包括协议版本和名称，例如“1.1 varnish”。据此可以看出客户端与服务器之间经过了哪些中间节点。',
    },
    'www-authenticate': {
      title: '认证质询',
      text: '服务器随 401（Unauthorized）响应发送，说明应如何认证，例如“Basic realm="Lab"”。浏览器随即弹出登录框，并带上 Authorization 首部重新发送请求。',
    },
    age: {
      title: '缓存年龄',
      text: '由缓存添加：这个响应在源服务器生成或重新验证之后已经过去了多少秒。“Age: 600”表示该副本已在缓存中提供了大约十分钟。',
    },
    'cache-control': {
      title: '缓存控制',
      text: '给浏览器缓存和代理缓存的指令。“max-age=3600”允许在一小时内直接复用，“no-cache”允许存储但每次复用前都必须向服务器验证，“no-store”则完全禁止存储；出现在请求中时，“no-cache”表示要求获取最新内容。',
    },
    expires: {
      title: '过期时间',
      text: '由服务器发送：在此日期之后响应即被视为过期，未经验证不得再复用。这是较早的机制；若同时存在 Cache-Control 的 max-age，以 max-age 为准。',
    },
    pragma: {
      title: '编译指示（HTTP/1.0）',
      text: 'HTTP/1.0 遗留的字段，已被 RFC 9111 弃用。浏览器在强制刷新时仍会为旧的 HTTP/1.0 缓存发送“Pragma: no-cache”；HTTP/1.1 改用 Cache-Control。',
    },
    warning: {
      title: '警告（已废弃）',
      text: '曾用于携带消息状态的附加信息，例如缓存给出的 110 - "Response is Stale"（响应已过期）。因很少被使用，RFC 9111 已将其废弃，但仍可能在旧软件中见到。',
    },
    'transfer-encoding': {
      title: '传输编码',
      text: '说明 HTTP/1.1 连接上消息体的分帧方式。“chunked”即分块传输编码：消息体分成若干块发送，每块前面是十六进制表示的块长度，最后以长度为 0 的块结束，这样服务器在不知道总长度时也能开始发送。它是逐跳字段，HTTP/2 不使用。',
    },
    'keep-alive': {
      title: '持久连接参数',
      text: '给出持久连接的参数，例如“timeout=5, max=100”：空闲连接保持 5 秒，最多在这条连接上处理 100 个请求。它源自 HTTP/1.0 时代的做法（RFC 2068），只有与“Connection: keep-alive”一起使用才有效。',
    },
    'proxy-connection': {
      title: '代理连接（非标准）',
      text: '非标准字段：一些旧客户端向代理发送它来代替 Connection，值通常是“keep-alive”。它从未被标准化，HTTP/1.1 规范建议不要发送。',
    },
    'http2-settings': {
      title: 'HTTP/2 设置（升级）',
      text: '客户端尝试用“Upgrade: h2c”把明文 HTTP/1.1 连接升级为 HTTP/2 时一并发送，内容是 Base64 编码的 HTTP/2 SETTINGS 参数。RFC 9113 已弃用这种升级方式，现在很少见到。',
    },
    cookie: {
      title: 'Cookie',
      text: '浏览器带上之前为该网站保存的 Cookie，形式为用“; ”分隔的“名=值”对，例如“sessionid=38afes7a8; lang=zh”。HTTP 本身是无状态的，服务器正是靠它在多个请求之间识别同一个用户。',
    },
    'set-cookie': {
      title: '设置 Cookie',
      text: '服务器用它让浏览器保存一个 Cookie，例如“sessionid=38afes7a8; Path=/; HttpOnly; Secure”。属性规定它的有效期（Expires、Max-Age）、作用范围（Domain、Path）和保护方式：HttpOnly 使 JavaScript 无法读取，Secure 表示只通过 HTTPS 发送。',
    },
    origin: {
      title: '源',
      text: '浏览器用它说明是哪个源（协议、主机和端口）发起的请求，例如“https://app.example.com”。服务器据此检查跨源（CORS）请求和 WebSocket 连接。',
    },
    'accept-ch': {
      title: '接受的客户端提示',
      text: '服务器用它请浏览器在之后的请求中带上指定的客户端提示，例如“Sec-CH-UA-Platform-Version, Sec-CH-UA-Model”。',
    },
    'accept-patch': {
      title: '接受的补丁格式',
      text: '服务器用它列出 PATCH 请求可以使用的文档格式，例如“application/json-patch+json”。',
    },
    'alt-svc': {
      title: '备用服务',
      text: '服务器用它声明同一网站还可以通过其他方式访问。“h3=":443"; ma=86400”表示可以使用 HTTP/3（基于 QUIC，UDP 443 端口），客户端可以把这一信息保留 86400 秒。',
    },
    'alt-used': {
      title: '所用的备用服务',
      text: '客户端通过 Alt-Svc 声明的备用服务建立连接时发送，给出实际使用的主机和端口。',
    },
    'cache-status': {
      title: '缓存状态',
      text: '由缓存添加，报告它如何处理这个请求，例如“ExampleCDN; hit”（由缓存直接提供）或“ExampleCDN; fwd=uri-miss”（缓存中没有，已转发）。它是 X-Cache 等厂商私有字段的标准替代。',
    },
    'cdn-cache-control': {
      title: 'CDN 缓存控制',
      text: '只对 CDN（内容分发网络）缓存生效的缓存控制指令，例如“max-age=600”。网站可以借此让 CDN 缓存的时间比浏览器更长。',
    },
    'cdn-loop': {
      title: 'CDN 环路检测',
      text: 'CDN 在转发请求时加上自己的名字（例如“cloudflare”）。若某个 CDN 在请求中看到了自己的名字，就知道请求在兜圈子，可以及时终止。',
    },
    'content-disposition': {
      title: '内容处置方式',
      text: '告诉浏览器是直接显示内容还是另存为文件。“attachment; filename="report.pdf"”会以该文件名弹出下载对话框，“inline”则在页面中显示。',
    },
    'early-data': {
      title: '早期数据',
      text: '当代理是通过 TLS 1.3 早期数据（0-RTT）收到该请求时，会加上“Early-Data: 1”；这类数据可能被攻击者重放。对于不能安全重放的请求，服务器可以回应 425（Too Early）。',
    },
    'expect-ct': {
      title: '证书透明度要求（已废弃）',
      text: '曾要求浏览器检查网站的 TLS 证书是否已被公开记录（证书透明度），例如“max-age=86400, enforce”。现已废弃：浏览器本来就强制要求这一点，并已移除对该字段的支持。',
    },
    forwarded: {
      title: '转发信息',
      text: '由代理添加，记录因代理转发而丢失的信息，例如“for=192.0.2.60;proto=https;by=203.0.113.43”：原始客户端地址、它使用的协议以及代理自身的地址。它是 X-Forwarded-For 等字段的标准形式。',
    },
    link: {
      title: '链接',
      text: '在首部中表达指向其他资源的链接，作用与 HTML 的 <link> 相同。“</style.css>; rel=preload; as=style”让浏览器提前开始加载样式表。',
    },
    prefer: {
      title: '处理偏好',
      text: '客户端用它表达对服务器处理方式的可选偏好，例如“return=minimal”（响应中不需要返回内容）或“respond-async”（异步处理）。服务器可以忽略这些偏好。',
    },
    'preference-applied': {
      title: '已采纳的偏好',
      text: '服务器用它说明采纳了客户端 Prefer 中的哪些偏好，例如“return=minimal”。',
    },
    priority: {
      title: '优先级',
      text: '表示响应的紧急程度。“u=0, i”表示紧急度为 0（0 到 7 中最高，默认是 3），i 表示响应可以边到达边使用（增量处理）；浏览器主要在 HTTP/2 和 HTTP/3 中使用它。',
    },
    'proxy-status': {
      title: '代理状态',
      text: '由代理和 CDN 添加，说明它们如何处理了响应，尤其是出了什么错，例如 504 响应中的“ExampleProxy; error=dns_timeout”（DNS 查询超时）。',
    },
    'strict-transport-security': {
      title: 'HTTP 严格传输安全（HSTS）',
      text: '服务器通过 HTTPS 发送，意思是“今后只能通过 HTTPS 访问我”。“max-age=31536000; includeSubDomains”使浏览器在一年内把指向该网站及其子域名的所有 http:// 链接都改为 https://。',
    },
    'x-frame-options': {
      title: '框架嵌入选项',
      text: '告诉浏览器该页面能否被其他网站嵌入框架（frame）中显示，用于防御点击劫持。“DENY”禁止嵌入，“SAMEORIGIN”只允许同源页面嵌入；CSP 的 frame-ancestors 指令是它的现代替代。',
    },
    'content-digest': {
      title: '内容摘要',
      text: '本消息中实际发送的消息体的校验值，例如“sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:”。接收方重新计算即可发现数据是否损坏。',
    },
    'repr-digest': {
      title: '表示摘要',
      text: '整个资源表示的校验值，例如即使 206 响应只携带文件的一部分，它给出的也是完整文件的摘要。',
    },
    'want-content-digest': {
      title: '期望的内容摘要',
      text: '请求对方附带 Content-Digest，并说明偏好的哈希算法，例如“sha-256=10, sha-512=3”（数字越大越优先）。',
    },
    'want-repr-digest': {
      title: '期望的表示摘要',
      text: '请求对方附带 Repr-Digest，并说明偏好的哈希算法，例如“sha-256=10”。',
    },
    digest: {
      title: '摘要（已废弃）',
      text: 'RFC 3230 定义的旧校验字段，例如“SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=”。因含义不明确，已被 RFC 9530 废弃，由 Content-Digest 和 Repr-Digest 取代。',
    },
    'want-digest': {
      title: '期望的摘要（已废弃）',
      text: 'RFC 3230 中请求对方发送 Digest 字段的旧方式，例如“SHA-256”。已被 RFC 9530 废弃，由 Want-Content-Digest 和 Want-Repr-Digest 取代。',
    },
    'sec-websocket-key': {
      title: 'WebSocket 密钥',
      text: '客户端在 WebSocket 握手时发送的 16 字节随机值（Base64 编码）。服务器必须在 Sec-WebSocket-Accept 中返回由它计算出的值，以证明自己理解这次握手。',
    },
    'sec-websocket-extensions': {
      title: 'WebSocket 扩展',
      text: '协商 WebSocket 扩展：客户端提出，服务器确认接受哪些。“permessage-deflate”表示对每条消息进行压缩。',
    },
    'sec-websocket-accept': {
      title: 'WebSocket 接受值',
      text: '服务器在 101 响应中发送：把客户端的 Sec-WebSocket-Key 与一个固定的 GUID 拼接后做 SHA-1 哈希，再进行 Base64 编码。客户端校验它，以确认对方确实是 WebSocket 服务器。',
    },
    'sec-websocket-protocol': {
      title: 'WebSocket 子协议',
      text: '客户端列出希望在 WebSocket 上使用的应用层协议，例如“chat, superchat”，服务器回应其中选定的一个。',
    },
    'sec-websocket-version': {
      title: 'WebSocket 版本',
      text: '客户端使用的 WebSocket 协议版本；“13”即 RFC 6455 的版本，也是目前唯一在用的版本。服务器若不支持，会回复它所支持的版本。',
    },
    dav: {
      title: 'WebDAV 兼容级别',
      text: 'WebDAV 服务器通常在对 OPTIONS 的响应中发送，列出它支持的 WebDAV 兼容级别，例如“1, 2”（级别 2 增加了锁定功能）。',
    },
    depth: {
      title: '深度（WebDAV）',
      text: '告诉 WebDAV 服务器某个方法在目录树中作用到哪一层：“0”只作用于资源本身，“1”还包括其直接成员，“infinity”包括其下的全部内容。',
    },
    destination: {
      title: '目标地址（WebDAV）',
      text: 'WebDAV 的 COPY 或 MOVE 请求的目标 URL，即资源要复制或移动到的位置。',
    },
    if: {
      title: '条件（WebDAV）',
      text: 'WebDAV 的条件首部，列出锁令牌和 ETag，只有与之相符时服务器才执行请求。客户端用它表明自己持有所要修改资源的锁。',
    },
    'lock-token': {
      title: '锁令牌（WebDAV）',
      text: '标识一个 WebDAV 锁，例如“<urn:uuid:181d4fae-7d8c-11d0-a765-00a0c91e6bf2>”：服务器在 LOCK 响应中返回它，客户端在 UNLOCK 请求中带回它。',
    },
    overwrite: {
      title: '是否覆盖（WebDAV）',
      text: '在 WebDAV 的 COPY 或 MOVE 中，说明能否替换目标位置上已有的资源：“T”（是，默认）或“F”（否）。',
    },
    timeout: {
      title: '锁超时（WebDAV）',
      text: '随 WebDAV 的 LOCK 请求发送，申请锁的持续时间，例如“Second-3600”或“Infinite”；服务器可以另行决定时长。',
    },
    'access-control-allow-origin': {
      title: 'CORS：允许的源',
      text: '服务器用它说明哪些其他源的网页可以用 JavaScript 读取这个响应。“*”允许任意源，“https://app.example.com”只允许该源。没有它，浏览器会按照同源策略阻止跨源读取。',
    },
    'access-control-allow-credentials': {
      title: 'CORS：允许携带凭据',
      text: '值为“true”时，即使请求带有 Cookie 等凭据，跨源页面也可以读取响应。它不能与“Access-Control-Allow-Origin: *”同时使用。',
    },
    'access-control-allow-headers': {
      title: 'CORS：允许的请求首部',
      text: '出现在对 CORS 预检请求（OPTIONS）的响应中，列出正式请求可以使用的请求首部，例如“Content-Type, Authorization”。',
    },
    'access-control-allow-methods': {
      title: 'CORS：允许的方法',
      text: '出现在对 CORS 预检请求（OPTIONS）的响应中，列出正式的跨源请求可以使用的方法，例如“GET, POST, PUT”。',
    },
    'access-control-expose-headers': {
      title: 'CORS：公开的响应首部',
      text: '列出除少数默认公开的字段之外，其他源的 JavaScript 还可以读取的响应首部，例如“X-Request-ID”。',
    },
    'access-control-max-age': {
      title: 'CORS：预检结果缓存时间',
      text: '浏览器可以把 CORS 预检结果缓存多少秒，例如“600”，这样不必在每个请求之前都先发送 OPTIONS。',
    },
    'access-control-request-headers': {
      title: 'CORS：申请使用的首部',
      text: '浏览器在 CORS 预检请求（OPTIONS）中发送，询问正式请求能否带上这些首部，例如“content-type, authorization”。',
    },
    'access-control-request-method': {
      title: 'CORS：申请使用的方法',
      text: '浏览器在 CORS 预检请求（OPTIONS）中发送，询问正式请求能否使用该方法，例如“PUT”。',
    },
    'cross-origin-resource-policy': {
      title: '跨源资源策略',
      text: '服务器用它说明哪些网站可以嵌入该资源（图片、脚本等）。“same-origin”只允许同源，“same-site”只允许同一站点，“cross-origin”允许任何网站。',
    },
    'cross-origin-opener-policy': {
      title: '跨源打开者策略',
      text: '“same-origin”把页面放入单独的浏览上下文组，使它打开的或打开它的其他源页面无法访问它的窗口对象。与 COEP 配合可实现跨源隔离。',
    },
    'cross-origin-embedder-policy': {
      title: '跨源嵌入者策略',
      text: '“require-corp”使页面只能加载明确允许被嵌入（通过 CORS 或 Cross-Origin-Resource-Policy）的跨源资源。与 COOP 配合可实现跨源隔离。',
    },
    'origin-agent-cluster': {
      title: '按源隔离代理集群',
      text: '“?1”请求浏览器按源而不是按站点隔离该页面，使同一站点其他子域名的页面无法与它共享脚本执行环境。',
    },
    'content-security-policy': {
      title: '内容安全策略（CSP）',
      text: "告诉浏览器页面可以从哪些来源加载脚本、样式、图片等内容，例如“default-src 'self'; img-src *”。其他来源一律被阻止，从而减轻跨站脚本（XSS）攻击。",
    },
    'content-security-policy-report-only': {
      title: '内容安全策略（仅报告）',
      text: '与 Content-Security-Policy 相同，但浏览器只报告违规而不做拦截；网站常用它在正式启用策略之前进行测试。',
    },
    'x-content-type-options': {
      title: '内容类型选项',
      text: '唯一的取值“nosniff”禁止浏览器猜测（嗅探）响应的类型，要求严格按 Content-Type 处理，这样例如上传的文本文件就不会被当作脚本执行。',
    },
    'x-xss-protection': {
      title: 'XSS 过滤器（已弃用）',
      text: '非标准且已弃用：曾用于控制旧浏览器的 XSS 过滤器，例如“1; mode=block”。现代浏览器已移除该过滤器并忽略此字段，应改用 Content-Security-Policy。',
    },
    'referrer-policy': {
      title: '来源策略',
      text: '控制浏览器在后续请求的 Referer 首部中透露多少当前页面的地址。“strict-origin-when-cross-origin”（通常的默认值）在站内发送完整 URL，跨站只发送源，从 HTTPS 转到 HTTP 时则什么都不发送。',
    },
    'permissions-policy': {
      title: '权限策略',
      text: '告诉浏览器页面及其内嵌框架可以使用哪些敏感功能，例如“geolocation=(), camera=(self)”：完全禁止定位，摄像头只允许本源使用。',
    },
    'clear-site-data': {
      title: '清除站点数据',
      text: '让浏览器删除该网站保存的数据，例如“"cache", "cookies", "storage"”。网站通常在用户退出登录时发送。',
    },
    'upgrade-insecure-requests': {
      title: '升级不安全请求',
      text: '浏览器加载页面时发送“1”，表示它更愿意使用 HTTPS，并能把页面中不安全的 http:// 子资源升级。服务器可以据此重定向到该页面的 https:// 版本。',
    },
    dnt: {
      title: '请勿跟踪（已停止）',
      text: '值为“1”表示用户不希望被跟踪。W3C 已停止该规范，大多数网站忽略它，浏览器也在逐步移除；Sec-GPC 是同类的较新信号。',
    },
    'sec-gpc': {
      title: '全球隐私控制（GPC）',
      text: '值为“1”表示用户要求网站不要出售或共享其个人数据。有些浏览器默认发送，或在用户开启后发送；一些隐私法规赋予它法律效力。',
    },
    'x-permitted-cross-domain-policies': {
      title: '跨域策略文件（非标准）',
      text: '非标准字段：曾告诉 Adobe Flash Player 和 Acrobat 能否使用该网站的跨域策略文件（crossdomain.xml）。一些安全中间件仍会发送“none”，但 Flash 早已停止使用。',
    },
    'x-download-options': {
      title: '下载选项（非标准）',
      text: '非标准且已过时：“noopen”曾阻止 Internet Explorer 8 在网站上下文中直接打开下载的文件。一些安全中间件仍会发送它。',
    },
    'x-dns-prefetch-control': {
      title: 'DNS 预取控制（非标准）',
      text: '非标准字段：“on”或“off”用于开启或关闭浏览器的 DNS 预取，即在用户点击之前就预先解析页面中链接的域名。',
    },
    'sec-fetch-dest': {
      title: '请求目的地',
      text: '浏览器用它说明响应将被用作什么，例如“document”（页面）、“image”、“script”或“empty”（fetch() 调用）。服务器可以据此拒绝不符合预期的请求。',
    },
    'sec-fetch-mode': {
      title: '请求模式',
      text: '浏览器用它给出请求的模式，例如“navigate”（加载页面）、“cors”、“no-cors”或“websocket”。',
    },
    'sec-fetch-site': {
      title: '请求来源站点',
      text: '浏览器用它说明请求来源与目标的关系：“same-origin”（同源）、“same-site”（同站）、“cross-site”（跨站），用户直接输入地址或使用书签时为“none”。服务器可借此阻挡跨站攻击。',
    },
    'sec-fetch-user': {
      title: '用户触发',
      text: '只在用户亲自触发的导航中发送“?1”，例如点击链接或在地址栏按下回车。',
    },
    'sec-purpose': {
      title: '请求用途',
      text: '当请求不是为了立即使用时由浏览器发送，例如“prefetch”（预先加载用户很可能接着访问的页面）。服务器可以拒绝这类请求或区别对待。',
    },
    purpose: {
      title: '用途（非标准）',
      text: '非标准字段：某些浏览器在链接预取请求中发送“prefetch”。它从未被标准化，正被 Sec-Purpose 取代。',
    },
    'sec-ch-ua': {
      title: '客户端提示：浏览器品牌',
      text: '基于 Chromium 的浏览器发送的品牌及主版本号列表，例如“"Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"”。其中奇怪的额外品牌是故意加入的，防止服务器依赖精确的字符串匹配。',
    },
    'sec-ch-ua-mobile': {
      title: '客户端提示：移动设备',
      text: '说明浏览器是否运行在移动设备上：“?1”表示是，“?0”表示否。',
    },
    'sec-ch-ua-platform': {
      title: '客户端提示：平台',
      text: '客户端的操作系统，例如“Windows”“macOS”“Android”或“Linux”。',
    },
    'sec-ch-ua-platform-version': {
      title: '客户端提示：平台版本',
      text: '操作系统的版本，例如“15.0.0”。只有服务器通过 Accept-CH 请求时浏览器才会发送。',
    },
    'sec-ch-ua-full-version-list': {
      title: '客户端提示：完整版本号',
      text: '与 Sec-CH-UA 类似，但给出完整版本号，例如“"Google Chrome";v="124.0.6367.91"”。只有服务器通过 Accept-CH 请求时才会发送。',
    },
    'sec-ch-ua-arch': {
      title: '客户端提示：CPU 架构',
      text: '客户端的处理器架构，例如“x86”或“arm”。只有服务器通过 Accept-CH 请求时才会发送。',
    },
    'sec-ch-ua-bitness': {
      title: '客户端提示：位数',
      text: '客户端平台是 32 位还是 64 位，例如“64”。只有服务器通过 Accept-CH 请求时才会发送。',
    },
    'sec-ch-ua-model': {
      title: '客户端提示：设备型号',
      text: '设备型号，例如手机上的“Pixel 7”；台式机上为空。只有服务器通过 Accept-CH 请求时才会发送。',
    },
    'save-data': {
      title: '节省流量',
      text: '值为“on”表示用户开启了省流量模式，服务器可以发送更小的图片或更少的内容。',
    },
    'server-timing': {
      title: '服务器耗时',
      text: '报告服务器在各部分工作上花费的时间，例如“db;dur=53, app;dur=47.2”（数据库 53 毫秒，应用 47.2 毫秒）。浏览器的开发者工具会显示这些数据。',
    },
    'timing-allow-origin': {
      title: '允许获取计时信息的源',
      text: '列出哪些源的脚本可以看到该资源的详细计时信息（DNS 解析、建立连接、下载耗时等）；“*”表示全部允许。',
    },
    'report-to': {
      title: '报告端点（旧版）',
      text: '以 JSON 定义若干具名端点，浏览器把策略违规、网络错误等报告发送到这些端点。它属于早期版本的 Reporting API，正被 Reporting-Endpoints 取代。',
    },
    'reporting-endpoints': {
      title: '报告端点',
      text: '为浏览器发送报告的 URL 命名，例如“csp-endpoint="https://example.com/csp-reports"”，CSP 等策略随后通过这些名字引用它们。',
    },
    nel: {
      title: '网络错误日志（NEL）',
      text: '一个 JSON 格式的策略，要求浏览器把访问该网站时发生的网络错误（DNS 失败、超时、TLS 错误等）报告到 Report-To 声明的端点，例如“{"report_to":"default","max_age":2592000}”。',
    },
    traceparent: {
      title: '追踪上下文',
      text: '在多个服务之间传递分布式追踪的标识，例如“00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01”：依次是版本、追踪 ID、父跨度 ID 和标志位。监控工具借此跟踪一个请求经过的所有服务器。',
    },
    tracestate: {
      title: '追踪状态',
      text: '伴随 Traceparent 一起传递的厂商私有追踪数据，形式为若干“键=值”对。',
    },
    'last-event-id': {
      title: '最后事件 ID',
      text: '浏览器重新连接服务器推送事件（SSE）流时发送，带上它收到的最后一个事件的 ID，以便服务器从该处继续推送。',
    },
    refresh: {
      title: '刷新',
      text: '让浏览器在若干秒后重新加载或跳转到另一个页面，例如“5; url=/next”。它由 HTML 标准定义，效果与 HTML 的 meta refresh 标签相同。',
    },
    'x-forwarded-for': {
      title: '转发来源地址（事实标准）',
      text: '由代理和负载均衡器添加，记录原始客户端的 IP 地址，例如“203.0.113.7, 198.51.100.2”（每个代理追加它收到请求的来源地址）。这是约定俗成的做法，标准形式是 Forwarded；注意客户端可以伪造该值。',
    },
    'x-forwarded-host': {
      title: '转发前的主机（事实标准）',
      text: '由反向代理添加，记录客户端最初请求的 Host（代理可能已将其改写）。这是约定俗成的做法，标准形式是 Forwarded。',
    },
    'x-forwarded-proto': {
      title: '转发前的协议（事实标准）',
      text: '由反向代理或负载均衡器添加，说明客户端是用“http”还是“https”连接的，因为其后的应用可能只看到普通 HTTP。这是约定俗成的做法，标准形式是 Forwarded。',
    },
    'x-real-ip': {
      title: '真实客户端 IP（事实标准）',
      text: '由反向代理（常见于 nginx 配置）添加，记录向它发出请求的客户端 IP 地址。这是约定俗成的做法，没有正式规范。',
    },
    'x-request-id': {
      title: '请求 ID（事实标准）',
      text: '一个请求的唯一标识，由代理、负载均衡器或应用生成，常在响应中原样返回，以便把不同服务器上的日志对应起来。这是约定俗成的做法。',
    },
    'x-cache': {
      title: '缓存命中情况（事实标准）',
      text: '许多缓存和 CDN 添加它来说明响应是否来自缓存，例如“HIT”（命中）或“MISS”（未命中）。具体格式因产品而异；Cache-Status 是它的标准替代。',
    },
    'x-requested-with': {
      title: '请求发起方式（事实标准）',
      text: 'jQuery 等 JavaScript 库会加上“XMLHttpRequest”，标明请求由脚本而非页面导航发起。这是约定俗成的做法，浏览器本身不会添加。',
    },
    'x-powered-by': {
      title: '技术支持（事实标准）',
      text: '说明生成响应的框架或语言，例如“Express”或“PHP/8.2.12”。客户端并不需要它，为了不暴露软件版本，常被去掉。',
    },
    'x-pingback': {
      title: 'Pingback 地址（非标准）',
      text: 'WordPress 等博客软件发送：XML-RPC 接口的 URL，其他博客链接到本文时可通过它发送通知。它不是 IETF 定义的首部，由 Pingback 1.0 规范定义。',
    },
    'x-robots-tag': {
      title: '爬虫指令（事实标准）',
      text: '告诉搜索引擎爬虫如何索引该响应，例如“noindex, nofollow”（不收录、不跟踪其中的链接）。作用与 robots meta 标签相同，主流搜索引擎都支持。',
    },
  },

  status: {
    100: {
      title: '继续',
      text: '临时响应：服务器已收到请求首部，客户端可以继续发送请求体，通常出现在“Expect: 100-continue”之后。最终响应随后才到。',
    },
    101: {
      title: '切换协议',
      text: '服务器同意客户端的 Upgrade 请求。此响应之后，连接上传输的是新协议（例如 WebSocket 帧），不再是 HTTP。',
    },
    102: {
      title: '处理中',
      text: 'WebDAV 的临时响应：服务器已接受请求，仍在处理，客户端应继续等待。后来的 WebDAV 规范已将其删除，现在很少见到。',
    },
    103: {
      title: '早期提示',
      text: '服务器在准备最终响应期间先发送的临时响应；其中的 Link 首部让浏览器可以提前加载样式表等资源。真正的响应随后针对同一请求发出。',
    },
    200: {
      title: '成功',
      text: '请求成功。对于 GET，消息体中是所请求的资源；对于 POST，消息体中是操作的结果。',
    },
    201: {
      title: '已创建',
      text: '请求成功并创建了新资源，新资源的地址通常在 Location 首部中给出。',
    },
    202: {
      title: '已接受',
      text: '请求已被接受，但处理尚未完成（可能稍后以批处理方式执行）。客户端可能需要之后再查询结果。',
    },
    203: {
      title: '非权威信息',
      text: '请求成功，但进行内容转换的代理修改了它从源服务器收到的内容。',
    },
    204: {
      title: '无内容',
      text: '请求成功，但没有消息体需要返回。浏览器会停留在当前页面；API 常用它表示更新或删除成功。',
    },
    205: {
      title: '重置内容',
      text: '请求成功，客户端应重置文档视图，例如清空用户刚刚提交的表单以便重新填写。',
    },
    206: {
      title: '部分内容',
      text: '服务器只发送了 Range 所请求的那一部分，Content-Range 说明是哪些字节。下载工具和视频播放器借此实现断点续传和拖动进度。',
    },
    207: {
      title: '多状态',
      text: 'WebDAV：XML 消息体中分别给出多个资源或操作的状态码，例如列出目录时每个文件各有一个状态。',
    },
    208: {
      title: '已报告',
      text: 'WebDAV，用在 207 的消息体中：该集合的成员已在同一响应的前面列出过，不再重复。',
    },
    226: {
      title: '已使用实例操作',
      text: '服务器返回的是对资源施加“实例操作”后的结果，例如只返回相对于客户端已有版本的差异（增量）。这一增量编码扩展很少使用。',
    },
    300: {
      title: '多种选择',
      text: '该资源有多种表示（例如多种语言或格式），需要客户端或用户从中选择一个。实际中很少使用。',
    },
    301: {
      title: '永久移动',
      text: '资源已永久迁移到 Location 给出的新 URL。客户端随之跳转，今后应使用新 URL；由于历史原因，客户端跳转时可能把 POST 改成 GET。',
    },
    302: {
      title: '已找到（临时移动）',
      text: '资源暂时位于 Location 给出的另一个 URL，客户端只在本次请求中跳转过去。由于历史原因，浏览器跳转时会把 POST 改成 GET；307 没有这个问题。',
    },
    303: {
      title: '参见其他',
      text: '客户端应使用 GET 获取 Location 给出的另一个 URL。常用于表单 POST 之后把浏览器引到结果页，这样刷新页面时不会重复提交表单。',
    },
    304: {
      title: '未修改',
      text: '对条件请求（If-None-Match 或 If-Modified-Since）的回应：资源没有变化，因此服务器不发送消息体，客户端直接使用缓存副本。',
    },
    305: {
      title: '使用代理',
      text: '已弃用：曾要求客户端通过 Location 中指定的代理重新发送请求。出于安全考虑，客户端会忽略它。',
    },
    306: {
      title: '（未使用）',
      text: '保留：HTTP/1.1 的早期草案曾使用这个状态码（“Switch Proxy”），现已不再使用，不应出现。',
    },
    307: {
      title: '临时重定向',
      text: '资源暂时位于 Location 给出的另一个 URL。与 302 不同，客户端必须用相同的方法和消息体重新发送请求。',
    },
    308: {
      title: '永久重定向',
      text: '资源已永久迁移到 Location 给出的新 URL。与 301 不同，客户端必须用相同的方法和消息体重新发送请求。',
    },
    400: {
      title: '错误请求',
      text: '由于客户端的错误，例如语法格式错误或报文分帧无效，服务器无法处理该请求。客户端必须改正后才能重试。',
    },
    401: {
      title: '未授权',
      text: '请求需要有效的身份认证。WWW-Authenticate 首部说明应使用的认证方案；浏览器随即让用户登录，并带上 Authorization 首部重新发送请求。',
    },
    402: {
      title: '需要付款',
      text: 'HTTP 规范保留此状态码供将来使用；少数服务用它表示自己的付费或配额错误。',
    },
    403: {
      title: '禁止访问',
      text: '服务器理解该请求，但拒绝执行，例如因为文件权限或 IP 限制。重新登录不一定有用。',
    },
    404: {
      title: '未找到',
      text: '服务器在该 URL 上没有找到任何资源，或者不愿透露资源是否存在。客户端应检查地址；消息体中通常是一个错误页面。',
    },
    405: {
      title: '方法不允许',
      text: '资源存在，但不支持该请求方法，例如对静态文件发送 POST。Allow 首部列出它支持的方法。',
    },
    406: {
      title: '不可接受',
      text: '服务器没有符合客户端 Accept、Accept-Language 或 Accept-Encoding 要求的表示。大多数服务器会改为发送默认表示，因此很少见到。',
    },
    407: {
      title: '需要代理认证',
      text: '与 401 类似，但针对的是代理：客户端必须按照 Proxy-Authenticate 的要求向代理认证，并带上 Proxy-Authorization 重新发送请求。',
    },
    408: {
      title: '请求超时',
      text: '服务器在愿意等待的时间内没有收到完整的请求，于是关闭连接。客户端可以在新连接上重新发送请求。',
    },
    409: {
      title: '冲突',
      text: '请求与资源的当前状态冲突，例如两个用户同时编辑同一份文档。客户端应先解决冲突再重试。',
    },
    410: {
      title: '已不存在',
      text: '资源已被有意删除且不会再恢复；与 404 不同，这一点是确定且永久的。应删除指向它的链接。',
    },
    411: {
      title: '需要长度',
      text: '服务器拒绝了带有消息体却没有 Content-Length 的请求。客户端可以加上长度后重新发送。',
    },
    412: {
      title: '前提条件失败',
      text: '请求首部中的条件（If-Match、If-Unmodified-Since）不成立，例如其他人在此期间修改了资源，因此请求没有被执行。',
    },
    413: {
      title: '内容过大',
      text: '请求体超出了服务器愿意接受的大小，例如上传的文件超过了服务器配置的限制。早期规范称之为“Payload Too Large”（载荷过大）。',
    },
    414: {
      title: 'URI 过长',
      text: '请求目标（URL）超出了服务器愿意接受的长度，常见原因是用 GET 提交表单，导致查询字符串中的数据过多。',
    },
    415: {
      title: '不支持的媒体类型',
      text: '服务器不支持请求体的格式（由 Content-Type 或 Content-Encoding 指明），例如向只接受 JSON 的 API 发送了 XML。',
    },
    416: {
      title: '范围无法满足',
      text: '所请求的 Range 超出了资源的范围，例如超过了文件末尾。Content-Range 会给出资源的实际大小。',
    },
    417: {
      title: '期望无法满足',
      text: '服务器无法满足 Expect 首部中的要求，例如“100-continue”。客户端可以去掉 Expect 后重新发送请求。',
    },
    418: {
      title: '（未使用）',
      text: "保留：“418 I'm a teapot”（我是一个茶壶）出自 RFC 2324，是一个关于用 HTTP 控制咖啡壶的愚人节玩笑。RFC 9110 将这个状态码保留，以免被挪作他用，不过有些服务器仍会开玩笑地返回它。",
    },
    421: {
      title: '请求被误导',
      text: '请求被送到了一个无法为该主机名作答的服务器，例如某个 HTTP/2 连接被复用于另一个网站。客户端可以在新连接上重试。',
    },
    422: {
      title: '无法处理的内容',
      text: '消息体语法正确、类型也受支持，但内容无效，例如提交的 JSON 表单缺少必填字段。早期规范称之为“Unprocessable Entity”。',
    },
    423: {
      title: '已锁定',
      text: 'WebDAV：资源已被他人锁定，目前无法修改。',
    },
    424: {
      title: '依赖失败',
      text: 'WebDAV：该操作依赖的另一个操作失败了，因此没有执行。',
    },
    425: {
      title: '为时过早',
      text: '服务器不愿处理通过 TLS 1.3 早期数据（0-RTT）发送的请求，因为它可能是重放攻击。客户端会在 TLS 握手完成后重新发送。',
    },
    426: {
      title: '需要升级',
      text: '服务器拒绝使用当前协议，其 Upgrade 首部说明客户端必须切换到哪种协议。',
    },
    428: {
      title: '需要前提条件',
      text: '服务器要求请求必须是条件请求（例如带 If-Match），以免不同客户端意外覆盖彼此的修改。',
    },
    429: {
      title: '请求过多',
      text: '客户端在一段时间内发送的请求太多（触发了限流）。Retry-After 可能给出需要等待多久再重试。',
    },
    431: {
      title: '请求首部字段过大',
      text: '请求首部太大，可能是某一个字段，也可能是全部字段加起来；Cookie 过多或过大是常见原因。客户端必须减小首部后再试。',
    },
    451: {
      title: '因法律原因不可用',
      text: '服务器因法律要求（例如法院命令）拒绝提供访问。这个数字取自小说《华氏 451 度》。',
    },
    500: {
      title: '服务器内部错误',
      text: '服务器遇到了意外情况，例如应用程序代码崩溃。问题出在服务器一方，稍后重试也许会成功。',
    },
    501: {
      title: '未实现',
      text: '服务器不支持完成请求所需的功能，通常是根本不认识该请求方法。',
    },
    502: {
      title: '网关错误',
      text: '代理或网关从其后方的服务器收到了无效响应，或者根本没有收到响应，例如应用服务器已经崩溃。',
    },
    503: {
      title: '服务不可用',
      text: '服务器暂时无法处理请求，原因是过载或正在维护。Retry-After 可能给出何时可以重试。',
    },
    504: {
      title: '网关超时',
      text: '代理或网关没有及时从其后方的服务器收到响应。',
    },
    505: {
      title: 'HTTP 版本不受支持',
      text: '服务器不支持请求行中所用的 HTTP 版本。',
    },
    506: {
      title: '变体也在协商',
      text: '透明内容协商（RFC 2295，实验性）中的服务器配置错误：选中的变体本身又会引发新的协商。很少见到。',
    },
    507: {
      title: '存储空间不足',
      text: 'WebDAV：服务器无法存储完成请求所需的内容，例如磁盘或用户配额已满。',
    },
    508: {
      title: '检测到循环',
      text: 'WebDAV：服务器在目录结构中发现了无限循环（例如使用“Depth: infinity”时），因而终止了操作。',
    },
    510: {
      title: '未扩展',
      text: '请求没有包含服务器所要求的扩展，属于 RFC 2774 的 HTTP 扩展框架。该框架现已被列为历史文档，这个状态码实际上已经过时。',
    },
    511: {
      title: '需要网络认证',
      text: '客户端必须先登录网络才能访问互联网。它由强制门户（例如酒店或校园 Wi-Fi 的登录页面）发出，而不是用户所访问的网站。',
    },
  },

  statusClasses: {
    '1xx': {
      title: '信息性响应',
      text: '临时响应：请求已收到，处理仍在继续，之后还会有一个最终响应（2xx 到 5xx）。',
    },
    '2xx': {
      title: '成功',
      text: '请求已被成功接收、理解并接受。',
    },
    '3xx': {
      title: '重定向',
      text: '客户端需要采取进一步的操作才能完成请求，通常是跳转到 Location 首部给出的 URL。',
    },
    '4xx': {
      title: '客户端错误',
      text: '请求有错误或无法被满足，问题出在客户端一方，例如地址错误或没有权限。',
    },
    '5xx': {
      title: '服务器错误',
      text: '服务器未能完成一个看起来有效的请求。',
    },
  },

  methods: {
    GET: {
      title: 'GET',
      text: '获取 URL 所指的资源，浏览器加载网页或图片时发送的就是它。它没有请求体（即使带了请求体也没有定义的含义），是安全、幂等且可缓存的方法。',
    },
    HEAD: {
      title: 'HEAD',
      text: '与 GET 相同，但服务器只返回状态行和首部，不返回消息体。用于在不下载的情况下检查资源是否存在、大小或最后修改时间。',
    },
    POST: {
      title: 'POST',
      text: '在请求体中提交数据，交给目标资源处理，例如提交表单、上传文件或调用 API。它既不安全也不幂等：重复发送两次可能会下两次订单。',
    },
    PUT: {
      title: 'PUT',
      text: '用请求体的内容创建或替换 URL 所指的资源。它是幂等的：同一个 PUT 发送两次与发送一次的结果相同。',
    },
    DELETE: {
      title: 'DELETE',
      text: '请求服务器删除 URL 所指的资源。通常没有请求体；它是幂等的，因为删除一个已经删除的资源不会再有变化。',
    },
    CONNECT: {
      title: 'CONNECT',
      text: '请求代理与目标主机和端口（例如“www.example.com:443”）之间建立一条 TCP 隧道。代理回应 2xx 后只负责转发字节，通常是加密的 TLS 会话，因此在抓包中这条连接上不会再看到 HTTP。',
    },
    OPTIONS: {
      title: 'OPTIONS',
      text: '询问某个资源（用“*”时指整个服务器）支持哪些通信选项，响应通常在 Allow 中列出可用的方法。浏览器在某些跨源请求之前会把它作为 CORS 预检请求发送；允许带请求体，但很少使用。',
    },
    TRACE: {
      title: 'TRACE',
      text: '请求服务器把收到的请求原样作为响应体返回，用来查看途中的中间节点做了哪些修改。它没有请求体，出于安全考虑服务器通常会禁用它。',
    },
    PATCH: {
      title: 'PATCH',
      text: '对资源进行局部修改，请求体描述要做的更改，例如采用 JSON Patch 格式。一般来说它不是幂等的。',
    },
    PROPFIND: {
      title: 'PROPFIND',
      text: 'WebDAV：获取资源的属性，配合 Depth 首部还可获取目录成员的属性，例如列出一个目录。XML 请求体可以指定需要的属性；没有请求体时返回全部属性。',
    },
    PROPPATCH: {
      title: 'PROPPATCH',
      text: 'WebDAV：设置或删除资源的属性，XML 请求体列出要做的更改。',
    },
    MKCOL: {
      title: 'MKCOL',
      text: 'WebDAV：在该 URL 上创建一个新的集合（即文件夹）。通常不带请求体。',
    },
    COPY: {
      title: 'COPY',
      text: 'WebDAV：把资源复制到 Destination 首部给出的 URL；Overwrite 说明能否替换已存在的目标。它没有请求体。',
    },
    MOVE: {
      title: 'MOVE',
      text: 'WebDAV：把资源移动或重命名到 Destination 首部给出的 URL。它没有请求体。',
    },
    LOCK: {
      title: 'LOCK',
      text: 'WebDAV：锁定资源，防止他人修改；XML 请求体描述锁的类型，响应返回 Lock-Token。不带请求体的 LOCK 用于刷新已有的锁。',
    },
    UNLOCK: {
      title: 'UNLOCK',
      text: 'WebDAV：解除由 Lock-Token 首部标识的锁。它没有请求体。',
    },
  },
} satisfies HttpTexts;
