import type { quicUiEn } from './ui-en.js';

/** QUIC 部分的报告用语，中文（与 ui-en.ts 键相同）。 */
export const quicUiZh: Record<keyof typeof quicUiEn, string> = {
  quicIntro: '抓包中有 {0} 个基于 UDP 的 QUIC 连接：浏览器用 HTTP/3（而不是 TCP）访问了这些站点，因此 Wireshark 的 http 过滤器看不到它们。',
  quicConnection: '{0}（UDP {1} → {2}，{3}，ALPN {4}）：第 {5}–{6} 帧，{7} 个数据报；服务器名读自第 {8} 帧的 ClientHello',
  quicConnectionNoHello: '{0}（UDP {1} → {2}，{3}）：第 {5}–{6} 帧，{7} 个数据报；没有抓到 ClientHello',
  quicNoSni: '无服务器名',
  quicRead: '其 Initial 包已用由版本公开盐值导出的密钥解密；此后的一切（请求和响应）都用只有浏览器和服务器才有的密钥加密。',
  quicConceptsIntro: '这意味着：',
  quicStepsIntro: '要改为抓取本实验的 HTTP，请让浏览器使用 TCP：',
  quicNone: '—',
};
