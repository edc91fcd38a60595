import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
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
export function writeFileAtomic(dir: string, name: string, data: string | Uint8Array | Iterable<string>): string {
  if (name !== basename(name) || name === '' || name === '.' || name === '..') throw new Error(`unsafe output file name ${JSON.stringify(name)}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      if (typeof data === 'string') writeSync(fd, data);
      else if (data instanceof Uint8Array) writeSync(fd, data);
      else writePieces(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return path;
}

/** Write many small strings in about 1 MiB writes. */
function writePieces(fd: number, pieces: Iterable<string>): void {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= 1 << 20) {
      writeSync(fd, batch.join(''));
      batch = [];
      length = 0;
    }
  }
  writeSync(fd, batch.join(''));
}
