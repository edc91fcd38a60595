/*
 * The words of the IMAP warnings in Simplified Chinese: the same ids and placeholders as
 * warnings-en.ts.
 */
import type { ImapWarningId } from './warnings-en.js';

export const imapWarningsZh = {
  'imap.tooManyLiterals': '一条 IMAP 命令或响应中的字面量（literal）超过 {max} 个；其余部分按行读取',
  'imap.literalGap': '{side, select, client {客户端} other {服务器}}发送的一个 {size} 字节的 IMAP 字面量（literal）中有 {bytes} 字节未被捕获',
  'imap.notCommand': '“{text}”不是 IMAP 命令',
  'imap.notResponse': '“{text}”不是 IMAP 响应',
  'imap.compressed': '从这里起 IMAP 会话经过压缩（COMPRESS DEFLATE，RFC 4978）；labreport 不读取压缩的内容',
} satisfies Record<ImapWarningId, string>;
