import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Decompress as ZstdDecompress } from 'fzstd';
import type { Limits } from '../../limits.js';
import { warningNote, type WarningValues } from '../../knowledge/warnings.js';
import type { WarningId } from '../../warnings.js';
import type { Body } from './schema.js';
import { cutText } from '../secrets.js';
import { formKind, maskFragmentAfterGap, piecesBetweenHoles, readForm } from './form.js';
import { isTextual, parseMediaType } from './media.js';
import { headerValue, type HttpBodyRecord, type HttpHeader } from './parser.js';

export { parseMediaType } from './media.js';

interface Decoded {
  bytes: Uint8Array;
  /** Why decoding stopped: an `http.reason.*` id and what fills its words. */
  error?: DecodeProblem;
}

export type DecodeProblem = { reason: WarningId } & WarningValues;

/**
 * Undo one content coding with Node's zlib. The common case (a whole body that decodes
 * within `limit`) is one synchronous call; a body that is damaged, cut short by the
 * capture, or expands past `limit` (a decompression bomb) is streamed instead, so that
 * it still yields what decoded before the damage, or stops at `limit`.
 */
async function undoCoding(data: Uint8Array, coding: string, limit: number): Promise<Decoded> {
  const input = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const zlibOptions = { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: limit };
  try {
    if (coding === 'gzip' || coding === 'x-gzip') return { bytes: zlib.gunzipSync(input, zlibOptions) };
    if (coding === 'deflate') return { bytes: looksLikeZlib(data) ? zlib.inflateSync(input, zlibOptions) : zlib.inflateRawSync(input, zlibOptions) };
    if (coding === 'br') return { bytes: zlib.brotliDecompressSync(input, { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH, maxOutputLength: limit }) };
    if (coding === 'zstd') return undoZstd(input, limit);
  } catch {
    return undoCodingStreamed(input, coding, limit);
  }
  return { bytes: data, error: { reason: 'http.reason.codingUnsupported', coding } };
}

async function undoCodingStreamed(input: Buffer, coding: string, limit: number): Promise<Decoded> {
  let inflater: zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress;
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  if (coding === 'gzip' || coding === 'x-gzip') inflater = zlib.createGunzip(flush);
  else if (coding === 'deflate')
    inflater = looksLikeZlib(input) ? zlib.createInflate(flush) : zlib.createInflateRaw(flush); // some servers send raw deflate
  else inflater = zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
  const pieces: Buffer[] = [];
  let size = 0;
  let error: DecodeProblem | undefined;
  try {
    for await (const piece of Readable.from([input]).pipe(inflater)) {
      const p = piece as Buffer;
      if (size + p.length > limit) {
        pieces.push(p.subarray(0, limit - size));
        size = limit;
        error = { reason: 'http.reason.bomb', max: limit, limit: 'maxDecodedBytes' };
        inflater.destroy();
        break;
      }
      pieces.push(p);
      size += p.length;
    }
  } catch (e) {
    error = { reason: 'http.reason.codingDamaged', coding, detail: (e as Error).message };
  }
  return { bytes: Buffer.concat(pieces, size), ...(error ? { error } : {}) };
}

/** Thrown from fzstd's output callback to stop a decompression bomb at `limit`. */
class ZstdLimit extends Error {}

/**
 * zstd (RFC 8878), which Node 20's zlib lacks, through fzstd (pure JS, decompression only):
 * its streaming mode hands output over block by block (128 KiB at most), so a bomb is cut
 * at `limit`; a damaged or cut-off frame keeps what decoded before the damage.
 */
function undoZstd(input: Uint8Array, limit: number): Decoded {
  const pieces: Uint8Array[] = [];
  let size = 0;
  let error: DecodeProblem | undefined;
  const stream = new ZstdDecompress((chunk) => {
    const room = limit - size;
    pieces.push(chunk.length > room ? chunk.slice(0, room) : chunk.slice());
    size += Math.min(chunk.length, room);
    if (chunk.length > room) throw new ZstdLimit();
  });
  try {
    stream.push(input, true);
  } catch (e) {
    error =
      e instanceof ZstdLimit
        ? { reason: 'http.reason.bomb', max: limit, limit: 'maxDecodedBytes' }
        : { reason: 'http.reason.codingDamaged', coding: 'zstd', detail: (e as Error).message };
  }
  return { bytes: Buffer.concat(pieces, size), ...(error ? { error } : {}) };
}

function looksLikeZlib(b: Uint8Array): boolean {
  return b.length >= 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0;
}

function decodeText(bytes: Uint8Array, charset: string | null): string {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8'); // an unknown charset label: UTF-8 is the best guess
  }
  return decoder.decode(bytes);
}

/** Turn a captured body into what the report shows: codings undone, text decoded, form fields parsed. */
export async function describeBody(
  record: HttpBodyRecord,
  headers: HttpHeader[],
  limits: Limits,
  mask: (text: string) => string = (t) => t,
  onProblem: (problem: DecodeProblem) => void = () => {},
): Promise<Body> {
  const contentType = headerValue(headers, 'content-type');
  const media = parseMediaType(contentType);
  const codings = (headerValue(headers, 'content-encoding') ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  const truncated = record.kept.length < record.length - record.missingBytes;
  let bytes: Uint8Array = record.kept;
  let decodeError: string | undefined;
  for (const coding of [...codings].reverse()) {
    const decoded = await undoCoding(bytes, coding, limits.maxDecodedBytes);
    bytes = decoded.bytes;
    if (decoded.error) {
      decodeError = warningNote({ id: decoded.error.reason, params: decoded.error }, 'en') ?? decoded.error.reason;
      onProblem(decoded.error);
      break;
    }
  }
  const decodedComplete = !decodeError && !truncated && record.missingBytes === 0;
  const decodedLength = codings.length === 0 ? record.length : decodedComplete ? bytes.length : null;
  const mediaType = media?.type ?? null;
  const textual = isTextual(mediaType) || (mediaType === null && looksLikeText(bytes));
  const charset = media?.params.charset ?? null;
  // Only the front of a long body becomes text (enough bytes for maxBodyTextBytes of UTF-8 from any charset): a 16 MiB bomb is not turned into a 16 MiB string.
  const front = bytes.subarray(0, 2 * limits.maxBodyTextBytes + 8);
  const kind = textual || media ? formKind(media, textual ? decodeText(front.subarray(0, 4096), charset) : '', bytes.length > 4096) : null;
  // Gaps are known by their place in the bytes as sent: once a coding is undone they are somewhere inside its damage.
  const holes = codings.length === 0 ? (record.holes ?? []) : [];
  let shown: { text: string; cut: boolean } | null = null;
  if (textual && !(decodeError && codings.length > 0 && bytes.length === 0)) {
    // Each piece between gaps is masked on its own (a piece after a gap starts inside a field that may be a secret), and before the text is cut, so half a password never shows.
    const pieces = piecesBetweenHoles(front, holes).map((piece, i) => {
      const text = decodeText(piece, charset);
      return mask(i > 0 && kind ? maskFragmentAfterGap(text, kind) : text);
    });
    shown = cutText(pieces.join(''), limits.maxBodyTextBytes);
  }
  // A form is read from whatever was captured of it (a cut or gapped body too), so its secrets are masked and registered.
  const form =
    kind && bytes.length > 0 ? await readForm(kind, piecesBetweenHoles(bytes, holes), decodedComplete, contentType, charset, limits, decodeText) : null;
  return {
    framing: record.framing,
    wireBytes: record.wireBytes,
    length: record.length,
    ...(record.framing === 'chunked' ? { chunks: record.chunks } : {}),
    contentEncoding: codings,
    decodedLength,
    ...(decodeError ? { decodeError } : {}),
    mediaType,
    charset,
    sha256: record.sha256,
    missingBytes: record.missingBytes,
    truncated,
    text: shown?.text ?? null,
    textTruncated: (shown?.cut ?? false) || (shown !== null && (!decodedComplete || front.length < bytes.length)),
    form: form?.fields ?? null,
    formUnlisted: form?.unlisted ?? 0,
  };
}

/** Untyped bodies count as text when they are valid UTF-8 without control characters. */
function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  const sample = b.subarray(0, 4096);
  for (const c of sample) if (c < 9 || (c > 13 && c < 32) || c === 127) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length < b.length ? sample.subarray(0, sample.length - 4) : sample);
    return true;
  } catch {
    return false;
  }
}
