import { imapSlice } from '../src/protocols/imap/index.js';
import type * as Registry from '../src/protocols/registry.js';

/*
 * The registry has the IMAP slice's line now. The IMAP test files were written before it, and
 * register the slice for themselves, after the other slices, as that line does:
 *   vi.mock('../src/protocols/registry.js', async (original) => (await import('./imap-registry.js')).withImap(await original()));
 * With the line there this changes nothing (the slice is not registered twice); withoutImap
 * still gives the registry without it, to compare (imap-neutral.test.ts).
 * (A file of its own: the mock's factory must not import what imports the registry.)
 */

type Slices = typeof Registry.SLICES;
const others = (slices: Slices) => slices.filter((s) => (s.name as string) !== 'imap');

export function withImap(registry: typeof Registry): typeof Registry {
  return { ...registry, SLICES: [...others(registry.SLICES), imapSlice] as unknown as Slices };
}

/** The registry without the IMAP slice, to compare the models with and without it. */
export function withoutImap(registry: typeof Registry): typeof Registry {
  return { ...registry, SLICES: others(registry.SLICES) as unknown as Slices };
}
