/*
 * The words of the TLS, HTTP/2 and QUIC warnings in Simplified Chinese: the same ids and
 * placeholders as warnings-en.ts (the detail is still the dissector's English).
 */
import type { TransportWarningId } from './warnings-en.js';

export const transportWarningsZh = {
  'tls.problem': '（TLS）{detail}',
  'http2.problem': 'HTTP/2：{detail}',
  'quic.problem': 'QUIC {client} → {server}：{detail}',
  'quic.tooManyConnections': 'QUIC 连接超过 {max} 个（{limit}）：之后的连接只计数，不解密',
  'keylog.problem': '{source}：{detail}',
} satisfies Record<TransportWarningId, string>;
