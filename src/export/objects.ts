import { createHash } from 'node:crypto';
import { closeSync, createReadStream, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { Decompress as ZstdDecompress } from 'fzstd';
import type { CaptureRecords } from '../dissect.js';
import { asFileError } from '../errors.js';
import type { Limits } from '../limits.js';
import { createExclusive, tempName } from '../output.js';
import { parseMediaType } from '../protocols/http/media.js';
import { headerValue, type HttpMessageRecord } from '../protocols/http/parser.js';
import type { MailRecord } from '../protocols/mail/records.js';
import type { SliceModels } from '../protocols/registry.js';
import type { Redactor } from '../protocols/secrets.js';
import { dispositionFileName, lastPathSegment, NameBook, safeFileName, withExtension } from './names.js';
import type { ExportedObject, ObjectReason } from './schema.js';
import type { SpooledBody, Spooler } from './spool.js';

/*
 * The export stage: the capture's objects as Wireshark's File › Export Objects lists them
 * (HTTP request and response bodies, de-chunked and content-decoded as its HTTP export
 * writes them; SMTP, POP3 and IMAP messages as its IMF export does), named, and with
 * --export written into the folder from the bodies the dissectors spooled (spool.ts).
 */

export interface ObjectsOptions {
  limits: Limits;
  redactor: Redactor;
  /** With --export: the spooler the dissectors wrote to; its folder is where the files go. */
  spooler?: Spooler;
}

interface Candidate {
  frame: number;
  kind: ExportedObject['kind'];
  stream: number;
  proposed: string;
  type: string | null;
  /** Content codings still to undo, outermost last (HTTP Content-Encoding), none for mail. */
  codings: string[];
  spool: SpooledBody | undefined;
  /** The bytes in memory when all of them were kept (for the size and hash without --export), else null. */
  kept: Uint8Array | null;
  /** Size and hash of the captured bytes when they need no decoding and are known already (HTTP hashes as it reads). */
  known: { size: number; sha256: string } | null;
  problems: Problem[];
  ref: Pick<ExportedObject, 'exchange' | 'side' | 'message'>;
}

/** The objects list of the model; with a spooler, every object written to its folder. */
export async function exportObjects(
  records: CaptureRecords,
  models: SliceModels,
  options: ObjectsOptions,
): Promise<{ objects: ExportedObject[]; unlisted: number }> {
  const { limits, spooler } = options;
  const candidates = [...httpCandidates(records, models), ...mailCandidates(records, models)].sort((a, b) => a.frame - b.frame);
  const listed = candidates.slice(0, limits.maxObjects);
  const unlisted = candidates.length - listed.length + (spooler?.refused ?? 0);
  const names = new NameBook();
  const objects: ExportedObject[] = [];
  try {
    for (const c of listed) {
      const name = names.claim(c.proposed);
      const content = spooler && c.spool ? await writeObject(c, spooler, name, options) : await describeInMemory(c, options);
      const problems = [...c.problems, ...content.problems];
      const problem = problems.map((p) => p.text).join('; ') || null;
      objects.push({
        frame: c.frame,
        kind: c.kind,
        stream: c.stream,
        name,
        type: c.type,
        size: content.size,
        sha256: content.sha256,
        complete: problem === null,
        problem,
        reasons: problems.map((p) => p.reason),
        exported: content.exported,
        ...c.ref,
      });
    }
  } finally {
    spooler?.dispose(); // spools of bodies no object took (past maxObjects, abandoned messages)
  }
  return { objects, unlisted };
}

function httpCandidates(records: CaptureRecords, models: SliceModels): Candidate[] {
  const index = new Map<string, number>();
  models.http.exchanges.forEach((e, i) => index.set(`${e.stream}:${e.request?.frame ?? 0}:${e.response?.frame ?? 0}`, i));
  const out: Candidate[] = [];
  for (const e of records.protocols.http.exchanges) {
    const exchange = index.get(`${e.stream}:${e.request?.frame ?? 0}:${e.response?.frame ?? 0}`);
    for (const [side, msg] of [
      ['request', e.request],
      ['response', e.response],
    ] as const) {
      const body = msg?.body;
      if (!msg || !body || body.length === 0) continue;
      const type = parseMediaType(headerValue(msg.headers, 'content-type'))?.type ?? null;
      const codings = (headerValue(msg.headers, 'content-encoding') ?? '')
        .split(',')
        .map((c) => c.trim().toLowerCase())
        .filter((c) => c !== '' && c !== 'identity');
      const whole = body.missingBytes === 0 && body.kept.length === body.length;
      out.push({
        frame: msg.frame,
        kind: 'http',
        stream: e.stream,
        proposed: httpName(msg, e.request, type),
        type,
        codings,
        spool: body.spool,
        kept: whole ? body.kept : null,
        known: codings.length === 0 ? { size: body.length - body.missingBytes, sha256: body.sha256 } : null,
        problems: incompleteness(msg.complete, body.missingBytes, body.spool?.cut ?? null),
        ref: { ...(exchange !== undefined ? { exchange } : {}), side },
      });
    }
  }
  return out;
}

/** A body's name, as a browser would save it: its Content-Disposition file name, else the last segment of the request's URI ("index" for "/"). */
function httpName(msg: HttpMessageRecord, request: HttpMessageRecord | null, type: string | null): string {
  const given = dispositionFileName(headerValue(msg.headers, 'content-disposition'));
  if (given) return safeFileName(given, 'object');
  const segment = request ? lastPathSegment(request.uri) : '';
  return withExtension(safeFileName(segment, request ? 'index' : 'response'), type);
}

function mailCandidates(records: CaptureRecords, models: SliceModels): Candidate[] {
  const out: Candidate[] = [];
  // The mail slices' sessions; a slice not registered (a registry without IMAP) has none.
  const parts = records.protocols as Partial<Record<'smtp' | 'pop3' | 'imap', { sessions: { stream: number; messages: MailRecord[] }[] }>>;
  const shownParts = models as Partial<Record<'smtp' | 'pop3' | 'imap', { sessions: { stream: number; messages: { frame: number; subject: string | null }[] }[] }>>;
  for (const kind of ['smtp', 'pop3', 'imap'] as const) {
    const sessions = parts[kind]?.sessions ?? [];
    const modelled = shownParts[kind]?.sessions ?? [];
    for (const s of sessions) {
      const shown = modelled.find((m) => m.stream === s.stream);
      for (const m of s.messages as (MailRecord & { headersOnly?: boolean })[]) {
        if (m.headersOnly) continue; // a header fetch is not a message (Wireshark's IMF export lists it; the issue asks for whole messages)
        const message = shown?.messages.findIndex((x) => x.frame === m.frame) ?? -1;
        const subject = message >= 0 ? shown!.messages[message]!.subject : null;
        out.push({
          frame: m.frame,
          kind,
          stream: s.stream,
          proposed: `${safeFileName(subject ?? '', 'message').replace(/\.eml$/i, '')}.eml`,
          type: 'message/rfc822',
          codings: [],
          spool: m.spool,
          kept: m.truncated ? null : kind === 'imap' ? m.content : imfBytes(m.content),
          known: null,
          problems: incompleteness(m.complete, m.spool?.missingBytes ?? 0, m.spool?.cut ?? null),
          ref: message >= 0 ? { message } : {},
        });
      }
    }
  }
  return out;
}

/** A kept message as Wireshark's IMF export writes it: an empty last line without its CRLF (see DotBlock's spoolLine). */
function imfBytes(content: Buffer): Buffer {
  return content.subarray(0, content.length - (content.subarray(-4).toString('latin1') === '\r\n\r\n' ? 2 : 0));
}

function incompleteness(complete: boolean, missingBytes: number, cut: string | null): Problem[] {
  const why: Problem[] = [];
  if (missingBytes > 0) why.push({ reason: 'notCaptured', text: `${missingBytes} bytes were not captured` });
  else if (!complete) why.push({ reason: 'endsEarly', text: 'the capture ends before its end' });
  if (cut) why.push({ reason: 'lineCut', text: cut });
  return why;
}

interface Content {
  size: number | null;
  sha256: string | null;
  problems: Problem[];
  exported: boolean;
}

/** Why an object is not whole: a reason the report words in its language, and the model's English sentence. */
interface Problem {
  reason: ObjectReason;
  text: string;
}

/** Without --export: the size and hash of what would be written, where the bytes kept allow it. */
async function describeInMemory(c: Candidate, options: ObjectsOptions): Promise<Content> {
  const none = { size: null, sha256: null, problems: [], exported: false };
  if (c.kept === null) return c.known ? { ...c.known, problems: [], exported: false } : none; // bytes not kept are not looked through for secrets
  const pieces: Buffer[] = [];
  let size = 0;
  const decoded = await decode(
    (async function* () {
      yield c.kept!;
    })(),
    c.codings,
    options.limits.maxDecodedBytes,
    (b) => {
      pieces.push(Buffer.from(b));
      size += b.length;
    },
  );
  if (decoded.cutAt !== null) return none; // longer than is decoded in memory: known only with --export
  const bytes = maskSecrets(Buffer.concat(pieces, size), options);
  return { size: bytes.length, sha256: sha256(bytes), problems: decoded.problems, exported: false };
}

/** With --export: the spooled body decoded (or taken as it is) into the object's file in the export folder. */
async function writeObject(c: Candidate, spooler: Spooler, name: string, options: ObjectsOptions): Promise<Content> {
  const dir = spooler.dir;
  const spool = c.spool!;
  let path = spool.path;
  let size = spool.bytes;
  let hash = c.known?.sha256 ?? spool.sha256;
  let problems: Problem[] = [];
  if (c.codings.length > 0) {
    // Decode into a second temporary file, hashing as it is written.
    path = join(dir, tempName());
    const fd = openTemp(path);
    const digest = createHash('sha256');
    size = 0;
    try {
      const decoded = await decode(createReadStream(spool.path, { highWaterMark: 1 << 20 }), c.codings, options.limits.maxObjectBytes, (b) => {
        digest.update(b);
        for (let done = 0; done < b.length;) done += writeSync(fd, b, done, b.length - done);
        size += b.length;
      });
      problems = decoded.problems;
    } catch (e) {
      rmSync(path, { force: true });
      throw asFileError(e, join(dir, name), 'be written (--export)');
    } finally {
      closeSync(fd);
    }
    hash = digest.digest('hex');
    rmSync(spool.path, { force: true });
    spooler.handedOn(spool.path);
    spooler.adopt(path);
  }
  // Secrets are masked in what is written too, unless --reveal-secrets (in bodies small enough to look through).
  if (masks(options) && size <= options.limits.maxDecodedBytes) {
    const bytes = readFileSync(path);
    const masked = maskSecrets(bytes, options);
    if (masked !== bytes) {
      const again = join(dir, tempName());
      const fd = openTemp(again);
      try {
        for (let done = 0; done < masked.length;) done += writeSync(fd, masked, done, masked.length - done);
      } finally {
        closeSync(fd);
      }
      rmSync(path, { force: true });
      spooler.handedOn(path);
      spooler.adopt(again);
      path = again;
      size = masked.length;
      hash = sha256(masked);
    }
  }
  try {
    renameSync(path, join(dir, name));
  } catch (e) {
    throw asFileError(e, join(dir, name), 'be written (--export)');
  }
  spooler.handedOn(path);
  if (hash === null) throw new Error(`no hash for the object ${name}`); // every path above sets it: HTTP hashes as it reads, spools of mail hash as they write
  return { size, sha256: hash, problems, exported: true };
}

function openTemp(path: string): number {
  try {
    return createExclusive(path, 0o644);
  } catch (e) {
    throw asFileError(e, path, 'be written (--export)');
  }
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const masks = (options: ObjectsOptions) => !options.redactor.reveal;

/** The bytes with every registered secret masked, in the forms the redactor knows (read as Latin-1, so any byte survives); the same buffer when none is there. */
function maskSecrets(bytes: Buffer, options: ObjectsOptions): Buffer {
  if (!masks(options)) return bytes;
  const text = bytes.toString('latin1');
  const masked = options.redactor.redact(text);
  return masked === text
    ? bytes
    : Buffer.from(
        masked.replace(/[^\u0000-\u00ff]/g, (c) => Buffer.from(c).toString('latin1')),
        'latin1',
      );
}

/**
 * Undo the content codings of a body read from `source` (the last coding applied is
 * undone first), handing the decoded bytes to `out` as they come: node:zlib's streams for
 * gzip, deflate (zlib or raw) and br, fzstd's streaming decoder for zstd. Stops at `limit`
 * bytes. Damaged or cut-off data keeps what decoded before the damage, with the problem
 * said; a coding labreport does not know is written as it came.
 */
async function decode(
  source: AsyncIterable<Uint8Array>,
  codings: string[],
  limit: number,
  out: (b: Uint8Array) => void,
): Promise<{ problems: Problem[]; cutAt: number | null }> {
  const unknown = codings.find((c) => !KNOWN_CODINGS.has(c));
  let stream: AsyncIterable<Uint8Array> = source;
  if (!unknown) for (const coding of [...codings].reverse()) stream = undo(stream, coding);
  let size = 0;
  try {
    for await (const piece of stream) {
      if (size + piece.length > limit) {
        out(piece.subarray(0, limit - size));
        const text = `decoding stopped at ${limit} bytes (maxObjectBytes, or maxDecodedBytes without --export): it expands further`;
        return { problems: [{ reason: 'decodeLimit', text }], cutAt: limit };
      }
      out(piece);
      size += piece.length;
    }
  } catch (e) {
    const text = `the ${codings.join(', ')} data is damaged (${(e as Error).message}); what decoded before the damage is written`;
    return { problems: [{ reason: 'damaged', text }], cutAt: null };
  }
  const text = `content coding "${unknown}" is not supported: written as sent`;
  return { problems: unknown ? [{ reason: 'unsupportedCoding', text }] : [], cutAt: null };
}

const KNOWN_CODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br', 'zstd']);

async function* undo(source: AsyncIterable<Uint8Array>, coding: string): AsyncIterable<Uint8Array> {
  if (coding === 'zstd') {
    yield* undoZstd(source);
    return;
  }
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const inflater =
    coding === 'br'
      ? zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })
      : coding === 'deflate'
        ? looksLikeZlib(first.value)
          ? zlib.createInflate(flush)
          : zlib.createInflateRaw(flush) // some servers send raw deflate
        : zlib.createGunzip(flush);
  const feed = async () => {
    try {
      for (let r: IteratorResult<Uint8Array> = first; !r.done; r = await iterator.next()) {
        if (inflater.destroyed) return;
        if (!inflater.write(r.value)) await new Promise<void>((resolve) => inflater.once('drain', resolve).once('close', resolve));
        if (inflater.destroyed) return;
      }
      inflater.end();
    } catch (e) {
      inflater.destroy(e as Error);
    }
  };
  void feed();
  try {
    for await (const piece of inflater) yield piece as Buffer;
  } finally {
    inflater.destroy();
    await iterator.return?.(); // closes the file being read, when decoding stopped early
  }
}

/** zstd through fzstd (Node 20's zlib has none): its output comes block by block, collected per input chunk. */
async function* undoZstd(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  let ready: Uint8Array[] = [];
  const stream = new ZstdDecompress((chunk) => void ready.push(chunk.slice()));
  for await (const piece of source) {
    // Fed in small pieces: a zstd block of a few bytes can stand for 128 KiB, so this bounds what one push makes.
    for (let o = 0; o < piece.length; o += ZSTD_FEED_BYTES) {
      stream.push(piece.subarray(o, o + ZSTD_FEED_BYTES));
      yield* ready;
      ready = [];
    }
  }
  stream.push(new Uint8Array(0), true);
  yield* ready;
}

/** Input bytes given to fzstd at a time (see undoZstd): at most some 40 MiB of output each, however hostile. */
const ZSTD_FEED_BYTES = 1024;

function looksLikeZlib(b: Uint8Array): boolean {
  return b.length >= 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0;
}
