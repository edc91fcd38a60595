import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, parse, resolve } from 'node:path';
import { asFileError, UsageError } from './errors.js';
import { onInterrupt } from './interrupt.js';

/*
 * Writing reports into the output folder, safely in a folder others can write to and
 * against builds running at the same time: each file is written to a temporary file of a
 * random name (created exclusively, never through a symbolic link) and renamed into place,
 * and a build holds a lock on the set of files it writes for one capture.
 */

/** Longest base name kept, in UTF-8 bytes: file systems allow 255, and ".html" or ".json" must still fit. */
const MAX_BASE_NAME_BYTES = 250;

/** Endings of compressed captures, dropped before the capture's own extension (lab.pcapng.gz → lab). */
const COMPRESSED_ENDING = /\.(gz|zst|zstd)$/i;

/**
 * The base name reports of a capture get: its file name without the extension (and
 * without .gz or .zst), made safe as a single file name (no directory parts, no control
 * characters) and short enough for any file system. Standard input (`-`) gives "stdin".
 */
export function reportBaseName(capturePath: string): string {
  if (capturePath === '-') return 'stdin';
  const name = parse(basename(capturePath).replace(COMPRESSED_ENDING, '')).name;
  let safe = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+/, '_');
  while (Buffer.byteLength(safe) > MAX_BASE_NAME_BYTES) safe = [...safe].slice(0, -1).join('');
  return safe === '' ? 'capture' : safe;
}

/**
 * Make sure `dir` is a folder reports can go in, creating it and its missing parents.
 * (By hand, one level at a time: Node's recursive mkdir loops forever on paths like /proc/x.)
 */
export function ensureOutputDir(dir: string): void {
  let existing = resolve(dir);
  const missing: string[] = [];
  let st;
  for (;;) {
    try {
      st = statSync(existing);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw asFileError(e, dir, 'be used as the output folder');
      const parent = dirname(existing);
      if (parent === existing) throw new UsageError(`${dir}: cannot be created as the output folder`);
      missing.unshift(basename(existing));
      existing = parent;
    }
  }
  if (!st.isDirectory()) {
    const what = st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'a file';
    throw new UsageError(`${missing.length ? existing : dir}: is ${what}, not a folder to write reports in (--out)`);
  }
  for (const part of missing) {
    const parent = existing;
    existing = join(existing, part);
    try {
      mkdirSync(existing);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statSync(existing).isDirectory()) continue; // made by another build meanwhile
      if (code === 'ENOENT') throw new UsageError(`${dir}: cannot create the output folder: ${parent} does not allow new folders`);
      throw asFileError(e, dir, 'create the output folder');
    }
  }
}

/** Temporary files: a random name (nothing to plant in advance), and our process id so leftovers can be told apart. */
const TEMP_FILE = /^\.labreport-(\d+)-[0-9a-f]{16}\.tmp$/;
export const tempName = () => `.labreport-${process.pid}-${randomBytes(8).toString('hex')}.tmp`;
/** O_EXCL fails on anything already at the path, a symbolic link included; O_NOFOLLOW (where the system has it) says so twice. */
const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Create a new file for writing; fails (EEXIST) if anything, a symbolic link included, is already at the path. */
export function createExclusive(path: string, mode = 0o666): number {
  return openSync(path, EXCLUSIVE, mode);
}

/**
 * Write a file so that it appears whole or not at all: write a new temporary file beside
 * it, then rename it into place (rename is atomic within a folder, and replaces a symbolic
 * link at the destination rather than following it). Returns the path written.
 */
export function writeFileAtomic(dir: string, name: string, data: string | Uint8Array | Iterable<string>): string {
  if (name !== basename(name) || name === '' || name === '.' || name === '..') throw new Error(`unsafe output file name ${JSON.stringify(name)}`);
  ensureOutputDir(dir);
  const path = join(dir, name);
  const tmp = join(dir, tempName());
  let fd: number;
  try {
    fd = createExclusive(tmp);
  } catch (e) {
    throw asFileError(e, path, 'be written');
  }
  try {
    try {
      if (typeof data === 'string') writeAll(fd, Buffer.from(data));
      else if (data instanceof Uint8Array) writeAll(fd, data);
      else writePieces(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw asFileError(e, path, 'be written');
  }
  return path;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Write many small strings in about 1 MiB writes. */
function writePieces(fd: number, pieces: Iterable<string>): void {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= 1 << 20) {
      writeAll(fd, Buffer.from(batch.join('')));
      batch = [];
      length = 0;
    }
  }
  writeAll(fd, Buffer.from(batch.join('')));
}

/** Whether a process of this machine is still running (a lock or temporary file of a dead one is stale). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  /** The output set it holds, for people reading the file. */
  files?: string;
}

function readLock(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host } : null;
  } catch {
    return null;
  }
}

/** One lock file per output set; named by a hash so that any base name gives a short file name. */
const LOCK_FILE = /^\.labreport-[0-9a-f]{16}\.lock$/;
const lockName = (baseName: string) => `.labreport-${createHash('sha256').update(baseName).digest('hex').slice(0, 16)}.lock`;

/**
 * Hold the set of files a build writes for one capture (`base.md`, `base.html`, …) in
 * `dir`, so that two builds into one folder cannot interleave their files: a second build
 * of the same name fails at once, saying which process holds it. A lock left by a process
 * that no longer runs is taken over, and that process's temporary files are removed.
 * Returns the release function (also run if the process is interrupted).
 */
export function lockOutputSet(dir: string, baseName: string): () => void {
  ensureOutputDir(dir);
  const path = join(dir, lockName(baseName));
  const me: LockOwner = { pid: process.pid, host: hostname(), files: `${baseName}.*` };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = createExclusive(path, 0o644);
      try {
        writeAll(fd, Buffer.from(JSON.stringify(me)));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw asFileError(e, dir, 'be written to');
      const owner = readLock(path);
      const stale = owner !== null && owner.host === me.host && !isRunning(owner.pid);
      if (!stale || attempt > 0) {
        const who = owner ? `labreport process ${owner.pid}${owner.host === me.host ? '' : ` on ${owner.host}`}` : 'another labreport';
        throw new UsageError(
          `${join(dir, baseName)}.*: ${who} is writing these reports now; wait for it to finish, or choose another --out (if no build is running, remove ${path})`,
        );
      }
      rmSync(path, { force: true });
      removeTemporaryFiles(dir, (pid) => pid === owner.pid);
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    forget();
    if (readLock(path)?.pid === me.pid) rmSync(path, { force: true });
  };
  const forget = onInterrupt(release);
  return release;
}

/** Remove the temporary files in `dir` of the processes `whose` picks (by process id). */
export function removeTemporaryFiles(dir: string, whose: (pid: number) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_FILE.exec(name);
    if (m && whose(Number(m[1]))) rmSync(join(dir, name), { force: true });
  }
}

/** Remove this process's locks and temporary files in `dir` and its reports' picture folders (after an interrupted class build, whose workers held them). */
export function removeOwnLeftovers(dir: string): void {
  const mine = (pid: number) => pid === process.pid;
  removeTemporaryFiles(dir, mine);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (LOCK_FILE.test(name) && readLock(join(dir, name))?.pid === process.pid) rmSync(join(dir, name), { force: true });
    else if (name.endsWith('.files')) removeTemporaryFiles(join(dir, name), mine);
  }
}
