import type { Limits } from '../limits.js';
import { httpModule } from './http/index.js';
import { pop3Module } from './pop3/index.js';
import type { Protocol } from './protocol.js';
import { smtpModule } from './smtp/index.js';

/**
 * The protocols labreport dissects. Adding a protocol: a folder under protocols/ whose
 * index exports a module (its Protocol and what it gathers over a capture), and one line here.
 */
const MODULES = {
  http: httpModule,
  smtp: smtpModule,
  pop3: pop3Module,
} as const;

export type ProtocolResults = { [K in keyof typeof MODULES]: ReturnType<(typeof MODULES)[K]>['collector'] };

export function createProtocols(limits: Limits): { protocols: Protocol[]; results: ProtocolResults } {
  const made = Object.entries(MODULES).map(([name, create]) => [name, create(limits)] as const);
  return {
    protocols: made.map(([, m]) => m.protocol),
    results: Object.fromEntries(made.map(([name, m]) => [name, m.collector])) as ProtocolResults,
  };
}
