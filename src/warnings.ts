/** A problem worth telling the reader: damage, gaps, malformed messages, bounds reached. */
export interface Warning {
  frame?: number;
  message: string;
}

/** Collects warnings up to a bound, counting the rest. */
export class Warnings {
  readonly list: Warning[] = [];
  unlisted = 0;

  constructor(private readonly limit: number) {}

  add(frame: number | undefined, message: string): void {
    if (this.list.length < this.limit) this.list.push(frame === undefined || frame <= 0 ? { message } : { frame, message });
    else this.unlisted++;
  }
}
