import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labFor } from '../src/labs/blocks.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { buildModel } from '../src/pipeline.js';
import { ReportModel } from '../src/report/schema.js';
import { OWN_FIXTURES, tempDir } from './helpers/files.js';
import { tsharkTls } from './helpers/tls.js';

/*
 * QUIC in the pipeline: the capture pass hands UDP datagrams to the QUIC slice; each
 * connection's Initial packets are decrypted with the version's public salt (no key log),
 * and its server name and ALPN agree with tshark's; the report says the browser used
 * HTTP/3 and how to turn QUIC off, in English and Chinese.
 */

/** The Markdown report of a capture, built by the command line in `out`. */
function renderFor(file: string, lang: 'en' | 'zh', out: string): string {
  const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'labreport.js'), 'build', file, '--format', 'md', '-l', lang, '--out', out], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return readFileSync(join(out, 'quic-chromium-v1.md'), 'utf8');
}

const FILES = ['quic-chromium-v1', 'quic-chromium-v2'].map((n) => ({ name: n, file: join(OWN_FIXTURES, 'quic', `${n}.pcapng`) }));

describe.each(FILES)('QUIC in the model: $name', ({ file }) => {
  const model = buildModel(file, { limits: DEFAULT_LIMITS, lab: labFor(undefined), language: 'en' });

  it('lists each connection with the SNI and ALPN tshark reads from the decrypted Initial packets', async () => {
    const m = await model;
    expect(() => ReportModel.parse(m)).not.toThrow();
    const theirs = tsharkTls(file, ['frame.number', 'tls.handshake.extensions_server_name', 'tls.handshake.extensions_alpn_str'], {
      filter: 'quic && tls.handshake.type == 1',
    });
    expect(m.quic.connections.map((c) => [String(c.clientHelloFrame), c.sni, c.alpn])).toEqual(theirs.map((r) => [r[0]![0], r[1]![0], r[2]]));
    expect(m.quic.connections.every((c) => c.initialsDecrypted > 0)).toBe(true);
    expect(m.capture.counts.notTcp).toBeGreaterThan(0);
  });
});

describe('QUIC in the report', () => {
  it.each(['en', 'zh'] as const)('names the server, says HTTP/3 and how to turn QUIC off (%s)', async (lang) => {
    const md = renderFor(FILES[0]!.file, lang, tempDir());
    expect(md).toContain('lab.example');
    expect(md).toContain('HTTP/3');
    expect(md).toContain('chrome://flags/#enable-quic'.replace('#', '\\#'));
    expect(md).not.toMatch(/labreport|--keylog/);
  });
});
