/*
 * The words of the HTTP warnings in Simplified Chinese: the same ids and placeholders as
 * warnings-en.ts.
 */
import type { HttpWarningId } from './warnings-en.js';

export const httpWarningsZh = {
  'http.exchangesUnlisted': '超出 {limit} 上限（{max}）的 {count} 个 HTTP 交互只计数，不列出',
  'http.decodeError': '第 {frame} 帧的 HTTP {kind, select, request {请求} other {响应}}：{reason}',
  'http.continuation':
    '从第 {first} 帧起，{frames} 个帧中的 {bytes} 字节 HTTP {kind, select, request {请求} other {响应}}数据属于一个开头未被捕获的报文（Wireshark：“Continuation”）',
  'http.headerTooLong': 'HTTP {kind, select, request {请求} other {响应}}的首部超过 {max} 字节（{limit}）：按格式错误处理并跳过',
  'http.headerCut': '从第 {first} 帧开始的 HTTP {kind, select, request {请求} other {响应}}首部被截断（{reason}），未予列出',
  'http.incomplete': 'HTTP {kind, select, request {请求} other {响应}} {text}（第 {first} 帧）不完整：{reason}',
  'http.notHttp': '{kind, select, request {请求行} other {状态行}}“{text}”不是 HTTP/1.x；跳过，直到下一个报文',
  'http.preface': 'HTTP/2 连接前言：这个连接其余部分是 HTTP/2，labreport 不解析它',
  'http.switched': '101 Switching Protocols，切换到 {protocol}：这个连接其余部分不是 HTTP/1.x',
  'http.tunnel': 'CONNECT 成功：这个连接其余部分是隧道',

  'http.reason.gapHeader': '其首部中有 {bytes} 字节未被捕获',
  'http.reason.gapChunked': '其分块主体中有 {bytes} 字节未被捕获',
  'http.reason.ended': '报文还没有完整，连接就结束了',
  'http.reason.switched': '连接切换了协议',
  'http.reason.chunkCrlf': '一个分块后面没有紧跟 CRLF',
  'http.reason.chunkLine': '分块大小行超过 {max} 字节',
  'http.reason.chunkSize': '分块大小“{value}”不是十六进制数',
  'http.reason.transferEncoding': '请求的 Transfer-Encoding“{value}”不以 chunked 结尾：无法知道报文的长度',
  'http.reason.contentLength': 'Content-Length“{value}”不是唯一有效的数字：无法知道报文的长度',
  'http.reason.codingUnsupported': '不支持内容编码“{coding}”',
  'http.reason.bomb': '解码在 {max} 字节处停止（{limit}）：主体还会继续膨胀（可能是解压炸弹）',
  'http.reason.codingDamaged': '{coding} 数据已损坏（{detail}）；显示的是损坏之前解码出的内容',
} satisfies Record<HttpWarningId, string>;
