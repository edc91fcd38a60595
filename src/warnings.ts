import { warningText, type WarningId, type WarningValues } from './knowledge/warnings.js';
import type { Warning } from './report/schema.js';

export type { Warning, WarningId };

/** A warning as a dissector raises it: its code and what fills its words (see knowledge/warnings.ts). */
export interface WarningInput {
  id: WarningId;
  /** The frame the problem was found at (0 or none: the capture as a whole). */
  frame?: number | undefined;
  /** The TCP connection it concerns. */
  stream?: number | undefined;
  params?: WarningValues;
}

/** The model's entry for a warning: its code, its parameters and its English sentence. */
export function warning(input: WarningInput): Warning {
  const coded = {
    ...(input.frame !== undefined && input.frame > 0 ? { frame: input.frame } : {}),
    ...(input.stream !== undefined ? { stream: input.stream } : {}),
    id: input.id,
    params: input.params ?? {},
  };
  return { ...coded, message: warningText(coded, 'en') ?? input.id };
}

/** Collects warnings up to a bound (maxWarnings), counting the rest. */
export class Warnings {
  readonly list: Warning[] = [];
  unlisted = 0;

  constructor(private readonly limit: number) {}

  add(input: WarningInput): void {
    if (this.list.length < this.limit) this.list.push(warning(input));
    else this.unlisted++;
  }

  /** A warning already made (by a capture reader). */
  push(w: Warning): void {
    if (this.list.length < this.limit) this.list.push(w);
    else this.unlisted++;
  }
}

/** A warning said at most once, however often its occasion comes (each side's end, say). */
export function once(say: () => void): { raise(): void } {
  let said = false;
  return {
    raise() {
      if (said) return;
      said = true;
      say();
    },
  };
}
