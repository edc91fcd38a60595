import { imapSlice } from '../src/protocols/imap/index.js';
import type * as Registry from '../src/protocols/registry.js';

/*
 * The IMAP slice is not in the registry yet (the lead engineer adds its line). Test files
 * put it there for themselves, after the other slices, as that line will:
 *   vi.mock('../src/protocols/registry.js', async (original) => (await import('./imap-registry.js')).withImap(await original()));
 * (A file of its own: the mock's factory must not import what imports the registry.)
 */
export function withImap(registry: typeof Registry): typeof Registry {
  return { ...registry, SLICES: [...registry.SLICES, imapSlice] as unknown as typeof registry.SLICES };
}
