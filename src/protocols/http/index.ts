import type { Limits } from '../../limits.js';
import type { Detection, Protocol } from '../protocol.js';
import { defineSlice } from '../slice.js';
import { analyseHttp, httpDetailed, httpFrames } from './analyse.js';
import { ANSWER_BLOCKS, modelAnswer } from './answers.js';
import { HttpCollector, HttpDissector } from './dissector.js';
import { startVerdict } from './parser.js';
import { detectHttp2, Http2Collector, Http2Dissector } from '../http2/index.js';
import { HttpVersionSwitch } from '../http2/switch.js';

/** Wireshark's default HTTP TCP ports plus the usual development ports. */
const HTTP_PORTS = [80, 591, 3128, 8000, 8008, 8080, 8081, 8088, 8888, 18080];

function detect(client: Uint8Array, server: Uint8Array): Detection {
  // HTTP/2's connection preface (h2 over TLS, h2c prior knowledge) is not an HTTP/1.x request line.
  const h2 = detectHttp2(client, server);
  if (h2 === 'yes') return 'yes';
  const c = skipEmptyLines(client);
  const request = c.length > 0 ? startVerdict('request', c) : 'maybe';
  const response = server.length > 0 ? startVerdict('response', server) : 'maybe';
  if (request === 'yes' || response === 'yes') return 'yes';
  return request === 'no' && response === 'no' ? 'no' : 'unsure';
}

function skipEmptyLines(b: Uint8Array): Uint8Array {
  let i = 0;
  while (i < b.length && (b[i] === 13 || b[i] === 10)) i++;
  return b.subarray(i);
}

/** HTTP/1.x and HTTP/2 (the records of both, HTTP/2's in `http2`): the client's first bytes choose the dissector. */
export function httpProtocol(collector: HttpCollector, http2?: Http2Collector): Protocol {
  return {
    name: 'http',
    ports: HTTP_PORTS,
    detect,
    open: (ctx) => {
      const http1 = () => new HttpDissector(ctx, collector);
      return http2 ? new HttpVersionSwitch(http1, () => new Http2Dissector(ctx, http2, { http1 })) : http1();
    },
  };
}

/** What the HTTP slice gathers: HTTP/1.x's records, with HTTP/2's beside them (listed together in http.exchanges). */
export type HttpRecords = HttpCollector & { http2: Http2Collector };

/** HTTP/1.x: requests paired with their responses, bodies decoded, the exchanges the report dissects. */
export const httpSlice = defineSlice({
  name: 'http',
  label: 'HTTP',
  start(limits: Limits) {
    const http1 = new HttpCollector(limits);
    // One body budget for both versions: maxKeptBodyBytes bounds the capture as a whole.
    const records: HttpRecords = Object.assign(http1, { http2: new Http2Collector(limits, http1.budget) });
    return { protocol: httpProtocol(records, records.http2), records };
  },
  schema: async () => (await import('./schema.js')).Http,
  analyse: (records: HttpRecords, ctx) => analyseHttp(withHttp2(records), ctx),
  frames: httpFrames,
  detailed: httpDetailed,
  blocks: ['request', 'response', 'compare', 'get-post', 'conditional', 'summary', 'http2', ...ANSWER_BLOCKS],
  answer: modelAnswer,
  summary: {
    columns: ['httpExchanges', 'hasGet', 'hasPost'],
    values: (http) => ({
      httpExchanges: http.requests,
      hasGet: http.exchanges.some((e) => e.request?.method === 'GET'),
      hasPost: http.exchanges.some((e) => e.request?.method === 'POST'),
    }),
  },
  view: async () => {
    // HTTP/2's block and words (http2/view.ts) join HTTP/1.x's view.
    const [{ httpView }, { http2Block, HTTP2_UI }] = await Promise.all([import('./view.js'), import('../http2/view.js')]);
    return {
      ...httpView,
      ui: { en: { ...httpView.ui.en, ...HTTP2_UI.en }, zh: { ...httpView.ui.zh, ...HTTP2_UI.zh } },
      blocks: { ...httpView.blocks, http2: http2Block },
    };
  },
});

/** HTTP/2's exchanges joined to HTTP/1.x's (its records are shaped alike, with a stream id), once, before analysis. */
function withHttp2(records: HttpRecords): HttpCollector {
  const h2 = records.http2;
  if (h2.exchanges.length === 0 && h2.unlisted === 0) return records;
  records.exchanges.push(...(h2.exchanges as unknown as HttpCollector['exchanges']));
  records.requests += h2.requests;
  records.responses += h2.responses;
  records.unlisted += h2.unlisted;
  h2.exchanges.length = 0;
  h2.unlisted = 0;
  return records;
}
