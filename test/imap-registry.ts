import { imapSlice } from '../src/protocols/imap/index.js';
import type * as Registry from '../src/protocols/registry.js';

/*
 * Until the lead engineer adds the IMAP slice's line to the registry, test files register
 * it for themselves, after the other slices, as that line will:
 *   vi.mock('../src/protocols/registry.js', async (original) => (await import('./imap-registry.js')).withImap(await original()));
 * Once the line is there this changes nothing (the slice is not registered twice).
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
