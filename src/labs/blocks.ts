import { SLICES } from '../protocols/registry.js';
import type { ProtocolSlice } from '../protocols/slice.js';
import { DEFAULT_LAB, loadLab, type LabProfile } from './profile.js';

/** The blocks that belong to no protocol: what went over the wire in clear text, the protocols compared. */
export const CORE_BLOCKS = ['core.cleartext', 'core.compare'] as const;

/** Every block a lab profile may place: the core's and each registered slice's ("http.request", …). */
export function knownBlocks(): Set<string> {
  return new Set([...CORE_BLOCKS, ...(SLICES as readonly ProtocolSlice[]).flatMap((s) => s.blocks.map((b) => `${s.name}.${b}`))]);
}

/** The lab a report follows: the one named (a built-in profile or a file), or the default. */
export function labFor(nameOrFile: string | undefined): LabProfile {
  return loadLab(nameOrFile ?? DEFAULT_LAB, knownBlocks());
}
