import { createHash, type Hash } from 'node:crypto';
import { closeSync, constants, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { asFileError } from '../errors.js';
import { onInterrupt } from '../interrupt.js';
import { createExclusive, tempName } from '../output.js';

/*
 * The body sink of --export. The capture pass (dissect.ts) is synchronous, frame by frame,
 * so a body cannot go through node:zlib's streams while it is read (their callbacks would
 * wait for the pass to end, and the bytes would pile up in memory). Instead each body's
 * bytes, de-chunked and dot-unstuffed but still content-coded, go as they arrive to a
 * temporary file in the export folder (created exclusively, never through a symbolic
 * link); the export stage (objects.ts) then decodes it into the object's file with
 * streams, after the pass. Memory stays bounded however long a body is: only the bytes of
 * the segment in hand are held.
 */

/** A body spooled to a temporary file: what the export stage needs to finish it. */
export interface SpooledBody {
  /** The temporary file, in the export folder. */
  path: string;
  /** Bytes written (captured bytes only: a gap leaves nothing in the file). */
  bytes: number;
  /** Bytes the capture lost inside the body. */
  missingBytes: number;
  /** SHA-256 of the bytes written, hex (null when the caller hashes them itself). */
  sha256: string | null;
  /** Why the spooled bytes are not the whole body, beyond missing bytes (a line cut at maxLineBytes). */
  cut: string | null;
}

/**
 * Temporary files held open at once: a capture may have thousands of bodies in flight on
 * as many connections, more than a process may open, so the least recently written is
 * closed and opened again (append only, never through a link) when its next bytes come.
 * Not a limit of the input (nothing is lost past it), so not a --max- option.
 */
const OPEN_SPOOLS = 64;

/** Open with O_APPEND for a body's later bytes; O_NOFOLLOW refuses a link planted at the path meanwhile. */
const APPEND = constants.O_WRONLY | constants.O_APPEND | (constants.O_NOFOLLOW ?? 0);

/** Where one capture's bodies are spooled: opens spools, keeps the number of open files bounded, removes what is left on failure. */
export class Spooler {
  /** Spools with an open file, least recently written first (a Map keeps insertion order). */
  private readonly open = new Map<Spool, true>();
  /** Every temporary file made and not yet handed on, to remove on failure or interruption. */
  private readonly files = new Set<string>();
  private readonly forget: () => void;
  private made = 0;
  /** Bodies past maxObjects: not spooled (nor exported), counted. */
  refused = 0;

  constructor(
    readonly dir: string,
    private readonly maxObjects: number,
  ) {
    this.forget = onInterrupt(() => this.dispose());
  }

  /** A new spool for one body, or null past maxObjects; `hash` when the caller does not hash the bytes itself. */
  spool(hash: boolean): Spool | null {
    if (this.made >= this.maxObjects) {
      this.refused++;
      return null;
    }
    this.made++;
    const path = join(this.dir, tempName());
    let fd: number;
    try {
      fd = createExclusive(path, 0o644);
    } catch (e) {
      throw asFileError(e, path, 'be written (--export)');
    }
    this.files.add(path);
    const spool = new Spool(this, path, fd, hash);
    this.touch(spool);
    return spool;
  }

  /** A temporary file the export stage made in the folder: removed like the spools if the build fails or is stopped. */
  adopt(path: string): void {
    this.files.add(path);
  }

  /** The export stage took the file over (renamed it, or removed it). */
  handedOn(path: string): void {
    this.files.delete(path);
  }

  /** Remove every temporary file still held (after a failure, or when nothing is to be written). */
  dispose(): void {
    for (const s of this.open.keys()) s.closeFile();
    this.open.clear();
    for (const path of this.files) rmSync(path, { force: true });
    this.files.clear();
    this.forget();
  }

  /** @internal A spool wrote: it is now the most recent; close the oldest past OPEN_SPOOLS. */
  touch(spool: Spool): void {
    this.open.delete(spool);
    this.open.set(spool, true);
    if (this.open.size <= OPEN_SPOOLS) return;
    const oldest = this.open.keys().next().value!;
    this.open.delete(oldest);
    oldest.closeFile();
  }

  /** @internal A spool closed for good. */
  closed(spool: Spool): void {
    this.open.delete(spool);
  }
}

/** One body's temporary file: bytes in as they arrive, closed once at the body's end. */
export class Spool {
  private bytes = 0;
  private missingBytes = 0;
  private cut: string | null = null;
  private readonly hash: Hash | null;
  private done = false;

  constructor(
    private readonly spooler: Spooler,
    private readonly path: string,
    private fd: number | null,
    hash: boolean,
  ) {
    this.hash = hash ? createHash('sha256') : null;
  }

  write(b: Uint8Array): void {
    if (this.done || b.length === 0) return;
    if (this.fd === null) {
      try {
        this.fd = openSync(this.path, APPEND);
      } catch (e) {
        throw asFileError(e, this.path, 'be written (--export)');
      }
    }
    this.spooler.touch(this);
    this.hash?.update(b);
    try {
      for (let done = 0; done < b.length;) done += writeSync(this.fd, b, done, b.length - done);
    } catch (e) {
      throw asFileError(e, this.path, 'be written (--export)');
    }
    this.bytes += b.length;
  }

  /** `n` bytes of the body were never captured: nothing is written for them. */
  gap(n: number): void {
    this.missingBytes += n;
  }

  /** The spooled bytes are not the whole body for another reason (said in `why`). */
  cutShort(why: string): void {
    this.cut ??= why;
  }

  /** @internal Close the file (it may be opened again to append). */
  closeFile(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }

  /** The body ended: the file is closed, and what the export stage needs is returned. */
  close(): SpooledBody {
    this.done = true;
    this.closeFile();
    this.spooler.closed(this);
    return { path: this.path, bytes: this.bytes, missingBytes: this.missingBytes, sha256: this.hash?.digest('hex') ?? null, cut: this.cut };
  }

  /** The body is not an object after all (a message abandoned before its end was known): its file goes. */
  discard(): void {
    this.close();
    rmSync(this.path, { force: true });
    this.spooler.handedOn(this.path);
  }
}
