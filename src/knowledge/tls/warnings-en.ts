/*
 * The words of the warnings of the transports that are not yet part of the report (TLS,
 * HTTP/2, QUIC), in English (warnings-zh.ts has the same ids and placeholders). Their
 * dissectors still describe each problem in an English `detail`; each gets its own id
 * when the slice joins the report.
 */
export const transportWarningsEn = {
  'tls.problem': '(TLS) {detail}',
  'http2.problem': 'HTTP/2: {detail}',
  'quic.problem': 'QUIC {client} → {server}: {detail}',
  'quic.tooManyConnections': 'more than {max} QUIC connections ({limit}): further ones are counted, not decrypted',
  'keylog.problem': '{source}: {detail}',
};

export type TransportWarningId = keyof typeof transportWarningsEn;
