import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, parse } from 'node:path';

/**
 * The base name reports of a capture get: its file name without the extension, made
 * safe as a single file name (no directory parts, no control characters).
 */
export function reportBaseName(capturePath: string): string {
  const name = parse(basename(capturePath)).name;
  const safe = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+/, '_');
  return safe === '' ? 'capture' : safe;
}

/**
 * Write a file so that it appears whole or not at all: write a temporary file beside
 * it, then rename it into place (rename is atomic within a directory).
 */
export function writeFileAtomic(dir: string, name: string, data: string | Uint8Array): string {
  if (name !== basename(name) || name === '' || name === '.' || name === '..') throw new Error(`unsafe output file name ${JSON.stringify(name)}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return path;
}
