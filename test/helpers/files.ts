import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Real captures recorded by others (../shared/fixtures/public), read in place, never copied. */
export const PUBLIC_FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'public');
/** The captures this project ships. */
export const OWN_FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export function captures(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(pcap|pcapng)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

let scratch: string | undefined;
/** A file in a per-run scratch directory. */
export function tempFile(name: string, data: Uint8Array | string): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'labreport-test-'));
  const path = join(scratch, name);
  writeFileSync(path, data);
  return path;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'labreport-out-'));
}

/** tshark's fields for every frame matching `filter`: one array of values per frame. */
export function tshark(file: string, fields: string[], opts: { filter?: string; decodeAs?: string[]; twoPass?: boolean } = {}): string[][] {
  const args = ['-r', file, '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=a', '-E', 'aggregator=,'];
  for (const d of opts.decodeAs ?? []) args.push('-d', d);
  if (opts.twoPass) args.push('-2');
  if (opts.filter) args.push('-Y', opts.filter);
  for (const f of fields) args.push('-e', f);
  const out = execFileSync('tshark', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 << 20 });
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
}
