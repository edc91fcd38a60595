import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labFor } from '../src/labs/blocks.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { buildModel } from '../src/pipeline.js';
import { ReportModel } from '../src/report/schema.js';
import { OWN_FIXTURES } from './helpers/files.js';
import { tsharkTls } from './helpers/tls.js';

/*
 * HTTP/2 in the pipeline: h2 over TLS (ALPN h2, decrypted with the key log), h2c with prior
 * knowledge and h2c by Upgrade, each stream an exchange of http.exchanges with version
 * "HTTP/2", its stream id, :method and :path, :status, cited at the frame tshark shows
 * the HEADERS (or PUSH_PROMISE) in.
 */

const FIXTURES: { name: string; file: string; keys?: string; decodeAs?: string[] }[] = [
  { name: 'h2-curl', file: join(OWN_FIXTURES, 'tls', 'h2-curl.pcap'), keys: join(OWN_FIXTURES, 'tls', 'h2-curl.keys') },
  { name: 'h2-chromium', file: join(OWN_FIXTURES, 'tls', 'h2-chromium.pcap'), keys: join(OWN_FIXTURES, 'tls', 'h2-chromium.keys') },
  { name: 'h2c-nginx', file: join(OWN_FIXTURES, 'http2', 'h2c-nginx.pcapng'), decodeAs: ['tcp.port==8080,http2'] },
  { name: 'h2c-node', file: join(OWN_FIXTURES, 'http2', 'h2c-node.pcapng'), decodeAs: ['tcp.port==8443,http2'] },
  { name: 'h2c-upgrade', file: join(OWN_FIXTURES, 'http2', 'h2c-upgrade.pcapng') },
];

const build = (file: string, keylog?: string) =>
  buildModel(file, { limits: DEFAULT_LIMITS, lab: labFor(undefined), language: 'en', ...(keylog ? { keylog } : {}) });

describe.each(FIXTURES)('HTTP/2 exchanges in http.exchanges: $name', ({ file, keys, decodeAs }) => {
  const model = build(file, keys);
  const FIELDS = ['frame.number', 'http2.streamid', 'http2.headers.method', 'http2.headers.path', 'http2.headers.status'];
  const rows = () =>
    tsharkTls(file, FIELDS, { ...(keys ? { keys } : {}), ...(decodeAs ? { decodeAs } : {}), filter: 'http2.type == 1 || http2.type == 5' }).map((v) => ({
      frame: Number(v[0]![0]),
      streams: (v[1] ?? []).map(Number),
      methods: v[2] ?? [],
      paths: v[3] ?? [],
      statuses: v[4] ?? [],
    }));

  it('matches the schema, and every HTTP/2 exchange says "HTTP/2" with its stream id', async () => {
    const m = await model;
    expect(() => ReportModel.parse(m)).not.toThrow();
    const h2 = m.http.exchanges.filter((e) => e.version === 'HTTP/2');
    expect(h2.length).toBeGreaterThan(0);
    for (const e of h2) expect(e.streamId).toBeGreaterThan(0);
  });

  it('has the requests (:method, :path) and responses (:status) tshark shows, at the same frames and on its streams', async () => {
    const m = await model;
    const theirs = rows();
    const requests = theirs.flatMap((r) => r.methods.map((method, i) => `${r.frame} ${method} ${r.paths[i]}`));
    const responses = theirs.flatMap((r) => r.statuses.map((s) => `${r.frame} ${s}`));
    const h2 = m.http.exchanges.filter((e) => e.version === 'HTTP/2');
    // An h2c Upgrade's request went as HTTP/1.1 (tshark's http, not http2).
    const ours = h2.filter((e) => e.request && e.request.version === 'HTTP/2').map((e) => `${e.request!.frame} ${e.request!.method} ${e.request!.uri}`);
    expect(ours.sort()).toEqual(requests.sort());
    const ourResponses = h2.flatMap((e) => [...e.informational, ...(e.response ? [e.response] : [])]).map((r) => `${r.frame} ${r.status}`);
    expect(ourResponses.sort()).toEqual(responses.sort());
    for (const e of h2) {
      const at = e.request?.version === 'HTTP/2' ? e.request.frame : e.response?.frame;
      if (at !== undefined) expect(theirs.find((r) => r.frame === at)?.streams, `stream ${e.streamId} at ${at}`).toContain(e.streamId);
      expect(e.request?.version === 'HTTP/2' ? e.request.pseudoHeaders?.map((h) => h.name) : [':method']).toContain(':method');
      expect(e.response?.reason ?? '').toBe('');
    }
  });
});

describe('HTTP/2 without the keys', () => {
  it('ALPN h2 over TLS without a key log: no exchange, the connections listed as TLS', async () => {
    const m = await build(join(OWN_FIXTURES, 'tls', 'h2-chromium.pcap'));
    expect(m.http.exchanges).toEqual([]);
    expect(m.tls.connections.map((c) => c.alpnOffered.includes('h2'))).toEqual([true, true]);
  });
});
