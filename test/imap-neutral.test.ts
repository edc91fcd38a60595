import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { dissectCapture } from '../src/dissect.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { analyse } from '../src/report/analyse.js';
import { OWN_FIXTURES, PUBLIC_FIXTURES, captures } from './helpers/files.js';

/*
 * Registering IMAP changes nothing else: on every capture labreport ships or reads, the
 * protocol found on each connection and the whole report model (HTTP, SMTP, POP3,
 * warnings, frames) are the same with the IMAP slice registered as without it.
 */

const files = [...captures(PUBLIC_FIXTURES), ...captures(OWN_FIXTURES)];

async function report(dissect: typeof dissectCapture, file: string) {
  const records = dissect(file);
  const model = await analyse(records, { limits: DEFAULT_LIMITS, fileSize: 0, generator: 'test', revealSecrets: true });
  return { protocols: records.connections.map((c) => `${c.conn.stream} ${c.protocol}`), model: JSON.stringify(model) };
}

describe('the IMAP slice leaves the other protocols alone', () => {
  it('has captures to compare', () => expect(files.map((f) => basename(f))).toContain('lab.pcapng'));

  it('gives the same connections and the same model on every capture, with IMAP registered or not', async () => {
    const without = await Promise.all(files.map((f) => report(dissectCapture, f)));
    vi.resetModules();
    vi.doMock('../src/protocols/registry.js', async (original) => (await import('./imap-registry.js')).withImap(await original()));
    const withImap = (await import('../src/dissect.js')).dissectCapture;
    expect(withImap).not.toBe(dissectCapture);
    for (const [i, file] of files.entries()) {
      const records = withImap(file) as ReturnType<typeof dissectCapture> & { imap?: { sessions: unknown[] } };
      expect(records.imap, 'the IMAP slice is registered').toBeDefined();
      const mine = await report(withImap, file);
      expect(mine.protocols, basename(file)).toEqual(without[i]!.protocols);
      expect(mine.model === without[i]!.model, `${basename(file)}: the model differs`).toBe(true);
    }
    vi.doUnmock('../src/protocols/registry.js');
  });
});
