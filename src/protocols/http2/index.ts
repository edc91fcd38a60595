import type { Limits } from '../../limits.js';
import type { BodyBudget } from '../http/parser.js';
import type { Detection, Protocol } from '../protocol.js';
import { Http2Dissector, type Http2Options } from './dissector.js';
import { CONNECTION_PREFACE } from './frames.js';
import { Http2Collector } from './records.js';

export { Http2Dissector } from './dissector.js';
export { Http2Collector } from './records.js';
export type * from './records.js';

/**
 * HTTP/2 in cleartext (h2c) is recognised by content: the client connection preface
 * (prior knowledge), or an HTTP/1.1 request whose head asks for `Upgrade: h2c` with an
 * HTTP2-Settings field (RFC 7540 section 3.2). HTTP/2 has no port of its own (Wireshark
 * registers none either); over TLS it is chosen by ALPN "h2", which the TLS layer sees.
 */
export function detectHttp2(client: Uint8Array, _server: Uint8Array): Detection {
  if (client.length === 0) return 'unsure';
  const n = Math.min(client.length, CONNECTION_PREFACE.length);
  let prefix = true;
  for (let i = 0; i < n && prefix; i++) prefix = client[i] === CONNECTION_PREFACE[i];
  if (prefix) return n === CONNECTION_PREFACE.length ? 'yes' : 'unsure';
  return upgradeRequest(client);
}

/** Does this request head ask for h2c? "unsure" while the head is not complete. */
function upgradeRequest(client: Uint8Array): Detection {
  const text = Buffer.from(client.buffer, client.byteOffset, client.byteLength).toString('latin1');
  if (!/^[A-Z]+ \S+ HTTP\/1\.1\r?\n/.test(text)) return 'no';
  const end = text.search(/\r?\n\r?\n/);
  const head = end < 0 ? text : text.slice(0, end);
  const upgrade = /^upgrade:[ \t]*(.*)$/im.exec(head)?.[1] ?? '';
  if (/(^|[\s,])h2c($|[\s,])/i.test(upgrade) && /^http2-settings:/im.test(head)) return 'yes';
  return end < 0 ? 'unsure' : 'no';
}

export function http2Protocol(collector: Http2Collector, options: Http2Options = {}): Protocol {
  return {
    name: 'http2',
    ports: [],
    detect: detectHttp2,
    open: (ctx) => new Http2Dissector(ctx, collector, options),
  };
}

/**
 * This protocol for one capture, as a slice's `start` returns it (protocols/slice.ts): its
 * Protocol and the records it gathers. `budget` may be HTTP/1.x's, to share maxKeptBodyBytes.
 */
export function startHttp2(limits: Limits, budget?: BodyBudget, options: Http2Options = {}) {
  const records = new Http2Collector(limits, budget);
  return { protocol: http2Protocol(records, options), records };
}
