/*
 * The words of the SMTP and POP3 warnings, and of what every mail protocol shares, in
 * Simplified Chinese: the same ids and placeholders as warnings-en.ts.
 */
import type { MailWarningId } from './warnings-en.js';

export const mailWarningsZh = {
  'smtp.messageGap': '邮件报文有 {bytes} 字节未被捕获',
  'smtp.notReply': '“{text}”不是 SMTP 应答',
  'pop3.responseGap': 'POP3 {command} 响应有 {bytes} 字节未被捕获',
  'pop3.notResponse': '“{text}”不是 POP3 响应',
  'mail.sessionsUnlisted':
    '超过 {limit} 限制（{max}）的 {count} 个 {protocol} 会话只计数、不列出{counted, select, 0 {} other {（{partial, select, 0 {它们的} other {其中 {connections} 个的}}连接：{packets} 个报文，TCP 载荷 {bytes} 字节，第 {first}–{last} 帧）}}',
  'mail.sessionCut': '{protocol} 会话还没有结束，抓包就已结束（会话的最后一帧是第 {last} 帧）：之后的内容没有被捕获',
} satisfies Record<MailWarningId, string>;
