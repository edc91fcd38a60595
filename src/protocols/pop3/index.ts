import type { Limits } from '../../limits.js';
import type { Detection, Protocol } from '../protocol.js';
import { Pop3Collector, Pop3Dissector } from './dissector.js';

/** POP3 (110), POP3S (995) and the unprivileged 1110 of lab set-ups. */
const POP3_PORTS = [110, 995, 1110];

const text = (b: Uint8Array, n: number) => Buffer.from(b.subarray(0, n)).toString('latin1');

/** A +OK greeting is POP3 (no other common protocol greets with it). */
function detect(client: Uint8Array, server: Uint8Array): Detection {
  const s = text(server, 4).toUpperCase();
  if (s === '+OK ' || s === '+OK\r') return 'yes';
  if (server.length > 0 && server.length < 4 && '+OK '.startsWith(s)) return 'unsure';
  if (server.length === 0 && /^(USER|CAPA|APOP|AUTH|STLS) ?/i.test(text(client, 5))) return 'unsure';
  return 'no';
}

export function pop3Protocol(collector: Pop3Collector): Protocol {
  return { name: 'pop3', ports: POP3_PORTS, detect, open: (ctx) => new Pop3Dissector(ctx, collector) };
}

/** This protocol for one capture: what the registry needs. */
export function pop3Module(limits: Limits) {
  const collector = new Pop3Collector();
  return { protocol: pop3Protocol(collector), collector };
}
