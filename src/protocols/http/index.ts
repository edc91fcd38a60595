import type { Limits } from '../../limits.js';
import type { Detection, Protocol } from '../protocol.js';
import { defineSlice } from '../slice.js';
import { analyseHttp, httpDetailed, httpFrames } from './analyse.js';
import { HttpCollector, HttpDissector } from './dissector.js';
import { startVerdict } from './parser.js';

/** Wireshark's default HTTP TCP ports plus the usual development ports. */
const HTTP_PORTS = [80, 591, 3128, 8000, 8008, 8080, 8081, 8088, 8888, 18080];

function detect(client: Uint8Array, server: Uint8Array): Detection {
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

export function httpProtocol(collector: HttpCollector): Protocol {
  return {
    name: 'http',
    ports: HTTP_PORTS,
    detect,
    open: (ctx) => new HttpDissector(ctx, collector),
  };
}

/** HTTP/1.x: requests paired with their responses, bodies decoded, the exchanges the report dissects. */
export const httpSlice = defineSlice({
  name: 'http',
  label: 'HTTP',
  start(limits: Limits) {
    const records = new HttpCollector(limits);
    return { protocol: httpProtocol(records), records };
  },
  schema: async () => (await import('./schema.js')).Http,
  analyse: analyseHttp,
  frames: httpFrames,
  detailed: httpDetailed,
  blocks: ['request', 'response', 'compare', 'get-post', 'conditional', 'summary'],
  summary: {
    columns: ['httpExchanges', 'hasGet', 'hasPost'],
    values: (http) => ({
      httpExchanges: http.requests,
      hasGet: http.exchanges.some((e) => e.request?.method === 'GET'),
      hasPost: http.exchanges.some((e) => e.request?.method === 'POST'),
    }),
  },
  view: async () => (await import('./view.js')).httpView,
});
