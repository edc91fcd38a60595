import { basename } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { dissectCapture } from '../src/dissect.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import type { analyse } from '../src/report/analyse.js';
import { OWN_FIXTURES, PUBLIC_FIXTURES, captures } from './helpers/files.js';

/*
 * Registering IMAP changes nothing else: on every capture labreport ships or reads, the
 * protocol found on each connection and the whole report model (HTTP, SMTP, POP3,
 * warnings, frames) are the same with the IMAP slice registered as without it, and its
 * own part is empty.
 */

const files = [...captures(PUBLIC_FIXTURES), ...captures(OWN_FIXTURES)];

async function report(dissect: typeof dissectCapture, analyseWith: typeof analyse, file: string) {
  const records = dissect(file);
  const model = (await analyseWith(records, { limits: DEFAULT_LIMITS, fileSize: 0, generator: 'test', revealSecrets: true })) as Record<string, unknown>;
  const { imap, ...rest } = model;
  return { protocols: records.connections.map((c) => `${c.conn.stream} ${c.protocol}`), imap, model: JSON.stringify(rest) };
}

describe('the IMAP slice leaves the other protocols alone', () => {
  it('has captures to compare', () => expect(files.map((f) => basename(f))).toContain('lab.pcapng'));

  it('gives the same connections and the same model on every capture, with IMAP registered or not', async () => {
    const pipeline = async (registry: 'withImap' | 'withoutImap') => {
      vi.resetModules();
      vi.doMock('../src/protocols/registry.js', async (original) => (await import('./imap-registry.js'))[registry](await original()));
      const dissect = (await import('../src/dissect.js')).dissectCapture;
      const analyseWith = (await import('../src/report/analyse.js')).analyse;
      vi.doUnmock('../src/protocols/registry.js');
      return { dissect, analyseWith };
    };
    const plain = await pipeline('withoutImap');
    const without = await Promise.all(files.map((f) => report(plain.dissect, plain.analyseWith, f)));
    expect(without.every((r) => r.imap === undefined)).toBe(true);
    const imap = await pipeline('withImap');
    expect(imap.dissect).not.toBe(plain.dissect);
    for (const [i, file] of files.entries()) {
      const mine = await report(imap.dissect, imap.analyseWith, file);
      expect(mine.imap, `${basename(file)}: the IMAP part`).toEqual({
        sessions: [],
        sessionsUnlisted: 0,
        packets: [],
        packetsUnlisted: 0,
        selection: { session: null },
      });
      expect(mine.protocols, basename(file)).toEqual(without[i]!.protocols);
      expect(mine.model === without[i]!.model, `${basename(file)}: the model differs`).toBe(true);
    }
  });
});
