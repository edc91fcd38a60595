/*
 * QUIC and HTTP/3 knowledge in Simplified Chinese: one explanation per entry of `facts.ts`,
 * and the lab advice (how to turn QUIC off so the browser's traffic runs over TCP).
 */

import type { QuicTexts } from './facts.js';

export const quicZh = {
  versions: {
    v1: { title: 'QUIC 第 1 版', text: 'QUIC 的第一个标准版本（RFC 9000，2021 年），当前所有浏览器的 HTTP/3 都使用它。' },
    v2: { title: 'QUIC 第 2 版', text: '与第 1 版是同一协议，只是换了一组常量（盐值、标签、包类型位），目的是防止网络中间设备依赖第 1 版的细节（RFC 9369）。' },
    'version-negotiation': { title: '版本协商', text: '版本号为 0 的包：服务器不支持客户端的版本，于是列出自己支持的版本；客户端改用其中之一重新开始。' },
  },
  packetTypes: {
    initial: {
      title: 'Initial 包',
      text: '连接的最初几个包，在 CRYPTO 帧中携带 TLS 的 ClientHello 和 ServerHello。其密钥由客户端的目的连接 ID 和 RFC 中公开的盐值导出，因此任何抓到它们的人（包括 Wireshark）都能解密。',
    },
    '0-rtt': { title: '0-RTT 包', text: '客户端向以前通信过的服务器提前发送的应用数据，用上一次会话的密钥保护：无法从抓包中读出。' },
    handshake: { title: 'Handshake 包', text: 'TLS 握手的其余部分（证书、Finished），用 Diffie-Hellman 协商出的密钥保护：只有拿到会话密钥才能读出。' },
    retry: { title: 'Retry 包', text: '服务器要求客户端证明自己的地址：带上令牌重新发送 Initial；新的 Initial 使用由 Retry 给出的连接 ID 导出的密钥。' },
    'version-negotiation': { title: '版本协商包', text: '服务器不认识客户端的版本时发送的、它所支持的版本列表。' },
    '1-rtt': {
      title: '1-RTT 包（短首部）',
      text: '所有应用数据，包括 HTTP/3 的请求和响应，都在用会话密钥保护的短首部包中传输：Wireshark 只显示“Protected Payload”。',
    },
  },
  frames: {
    PADDING: {
      title: 'PADDING',
      text: '填满数据包的零字节：客户端必须把含 Initial 的数据报填充到至少 1200 字节，防止伪造的地址让服务器发出远多于所收到的数据。',
    },
    PING: { title: 'PING', text: '请求对方确认，用于保持连接或探测丢包。' },
    ACK: { title: 'ACK', text: '以包号区间的形式确认到目前为止收到的包。' },
    ACK_ECN: { title: '带 ECN 计数的 ACK', text: '除确认外，还报告有多少个包带着显式拥塞通知（ECN）标记到达。' },
    CRYPTO: {
      title: 'CRYPTO',
      text: 'TLS 握手的一个片段及其偏移量：TLS 消息放在 CRYPTO 帧而不是 TLS 记录中传输。浏览器会故意把它们拆分并打乱顺序，因此必须先重新拼接才能读出 ClientHello。',
    },
    CONNECTION_CLOSE: { title: 'CONNECTION_CLOSE', text: '以 QUIC 传输层错误码和原因关闭连接。' },
    CONNECTION_CLOSE_APPLICATION: { title: 'CONNECTION_CLOSE（应用层）', text: '以应用层协议（HTTP/3）的错误码关闭连接。' },
  },
  concepts: {
    quic: {
      title: 'QUIC',
      text: '基于 UDP 的传输协议，完成 TCP 和 TLS 两者合起来的工作：可靠、有序的流，拥塞控制以及 TLS 1.3 加密，握手更快，流与流之间也没有队头阻塞。',
    },
    http3: { title: 'HTTP/3', text: '基于 QUIC 的 HTTP：方法、状态码和首部字段与 HTTP/1.1、HTTP/2 相同，每个请求在各自的 QUIC 流上传输，首部用 QPACK 压缩。' },
    'udp-443': {
      title: 'UDP 443 端口',
      text: 'HTTP/3 通常运行在 UDP 443 端口上，与 TCP 443 端口上的 HTTPS 并存；像“tcp port 80”这样的捕获过滤器完全看不到它。',
    },
    'alt-svc': {
      title: '浏览器如何发现 HTTP/3',
      text: '网站先通过 TCP 应答，并在 Alt-Svc 首部（或 DNS 的 HTTPS 记录）中通告支持 HTTP/3；此后浏览器优先尝试 QUIC，所以第二次访问同一页面时抓包中往往看不到 HTTP。',
    },
    'connection-ids': {
      title: '连接 ID',
      text: '双方各自为连接选择 ID，放在每个包中，因此地址改变时（从 Wi-Fi 切换到移动网络）连接仍能保持；客户端第一个随机的目的连接 ID 同时也是 Initial 密钥的来源。',
    },
    'coalesced-packets': { title: '合并的包', text: '多个 QUIC 包（例如一个 Initial 和一个 Handshake）可以放在同一个 UDP 数据报中。' },
    'initial-protection': {
      title: 'Initial 包的保护',
      text: 'Initial 包用 AES-128-GCM 加密，密钥由客户端的目的连接 ID 和 RFC 中写明的盐值经 HKDF 导出。这只能防止网络篡改，不能防止读取：任何看到这些包的人都能导出同样的密钥，本抓包的 Initial 包就是这样解密的。',
    },
    'header-protection': { title: '首部保护', text: '包号和首部中的若干位也被掩码遮盖，所用密钥以同样方式导出，并取加密载荷的一段作为样本。' },
    'crypto-frames': {
      title: 'CRYPTO 帧中的 TLS 握手',
      text: 'QUIC 把 TLS 1.3 握手消息放在 CRYPTO 帧而不是 TLS 记录中传输；较大的 ClientHello（带抗量子密钥交换）会跨越两个 Initial 包。',
    },
    sni: {
      title: '服务器名称指示（SNI）',
      text: 'ClientHello 中写明浏览器要访问的站点（server_name），除非使用加密客户端问候（ECH），否则是明文：这就是为什么加密流量的抓包仍能看出访问了哪些网站。',
    },
    'alpn-h3': { title: 'ALPN “h3”', text: 'ClientHello 提供应用层协议“h3”：浏览器希望在这条连接上使用 HTTP/3。' },
    'what-is-encrypted': {
      title: '哪些内容被加密',
      text: 'Initial 包之后的一切（证书、每一个 HTTP 请求和响应、Cookie、URL）都用只有浏览器和服务器知道的密钥加密。没有密钥日志，任何工具都无法显示 HTTP 报文。',
    },
    'why-no-http': {
      title: '为什么抓包中没有 HTTP',
      text: '浏览器使用的是基于 QUIC（UDP 443 端口）的 HTTP/3，而不是基于 TCP 的 HTTP，所以 Wireshark 的“http”过滤器什么也找不到，本实验关于 HTTP 的问题无法用这份抓包回答。',
    },
  },
  labSteps: {
    chrome: {
      title: '在 Google Chrome 中关闭 QUIC',
      text: '打开 chrome://flags/#enable-quic，把“Experimental QUIC protocol”设为 Disabled，然后点击 Relaunch 重启（或用 --disable-quic 参数启动 Chrome）。此后 Chrome 改用 TCP：基于 TLS 的 HTTP/2 或 HTTP/1.1，访问 http:// 站点时则是明文 HTTP。',
    },
    edge: {
      title: '在 Microsoft Edge 中关闭 QUIC',
      text: '打开 edge://flags/#enable-quic，把“Experimental QUIC protocol”设为 Disabled 并重启 Edge（或用 --disable-quic 参数启动）。',
    },
    firefox: {
      title: '在 Mozilla Firefox 中关闭 QUIC',
      text: '打开 about:config，接受风险提示，搜索 network.http.http3.enable 并把它设为 false（88 版之前的 Firefox 中名为 network.http.http3.enabled）；无需重启。',
    },
    'plain-http': {
      title: '使用明文 http:// 站点',
      text: '即使关闭了 QUIC，https:// 站点仍然是加密的（TLS）。做本实验时，请抓取仍提供明文 http:// 的站点（例如实验自己的服务器，或 Kurose-Ross 实验中的 http://gaia.cs.umass.edu/），或者在抓包时让浏览器记录 TLS 密钥日志（见 SSLKEYLOGFILE 的做法），以便解密 TLS 连接。',
    },
    'check-capture': { title: '检查新的抓包', text: '清除浏览器缓存后重新抓包；此时显示过滤器“quic”应当什么也显示不出，而“http”应当显示出 GET 请求。' },
  },
} satisfies QuicTexts;
