import type { Limits } from '../limits.js';
import { HttpCollector, httpProtocol } from './http/index.js';
import type { Protocol } from './protocol.js';

/**
 * The protocols labreport dissects, each with what it gathers over one capture.
 * Adding a protocol: a folder under protocols/, and one line here.
 */
export function createProtocols(limits: Limits) {
  const http = new HttpCollector(limits.maxExchanges, limits.maxKeptBodyBytes);
  const protocols: Protocol[] = [httpProtocol(http)];
  return { protocols, http };
}

export type ProtocolResults = Omit<ReturnType<typeof createProtocols>, 'protocols'>;
