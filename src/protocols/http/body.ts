import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Decompress as ZstdDecompress } from 'fzstd';
import type { Limits } from '../../limits.js';
import { warningNote, type WarningValues } from '../../knowledge/warnings.js';
import type { WarningId } from '../../warnings.js';
import type { Body, FormField } from './schema.js';
import { cutText } from '../secrets.js';
import { isTextual, parseMediaType, type MediaType } from './media.js';
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

interface Form {
  fields: FormField[];
  /** Fields past maxFormFields: counted, not listed. */
  unlisted: number;
}

/** Multipart and urlencoded field values, through the WHATWG parsers in Node (undici's FormData), the first maxFormFields of them. */
async function parseForm(bytes: Uint8Array, contentType: string, media: MediaType, limits: Limits): Promise<Form | null> {
  const fields: FormField[] = [];
  let unlisted = 0;
  if (media.type === 'application/x-www-form-urlencoded') {
    const text = decodeText(bytes, media.params.charset ?? 'utf-8');
    for (const [name, value] of new URLSearchParams(text)) {
      if (fields.length < limits.maxFormFields) fields.push({ name, value });
      else unlisted++;
    }
    return { fields, unlisted };
  }
  if (media.type !== 'multipart/form-data') return null;
  try {
    const form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    for (const [name, value] of form) {
      if (fields.length >= limits.maxFormFields) {
        unlisted++;
        continue;
      }
      if (typeof value === 'string') {
        fields.push({ name, value });
        continue;
      }
      const data = new Uint8Array(await value.arrayBuffer());
      const type = value.type || 'application/octet-stream';
      const small = data.length <= limits.maxBodyTextBytes && isTextual(parseMediaType(type)?.type ?? null);
      fields.push({
        name,
        value: small ? decodeText(data, null) : null,
        filename: value.name,
        contentType: type,
        size: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
      });
    }
    return { fields, unlisted };
  } catch {
    return null; // a damaged or cut-off multipart body: the text view still shows it
  }
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
  // Only the front of a long body becomes text (enough bytes for maxBodyTextBytes of UTF-8 from any charset): a 16 MiB bomb is not turned into a 16 MiB string.
  const front = bytes.subarray(0, 2 * limits.maxBodyTextBytes + 8);
  const fullText = textual && !(decodeError && codings.length > 0 && bytes.length === 0) ? decodeText(front, media?.params.charset ?? null) : null;
  // Secrets are masked before the text is cut, so half a password never shows.
  const shown = fullText === null ? null : cutText(mask(fullText), limits.maxBodyTextBytes);
  const form = media && contentType && decodedComplete ? await parseForm(bytes, contentType, media, limits) : null;
  return {
    framing: record.framing,
    wireBytes: record.wireBytes,
    length: record.length,
    ...(record.framing === 'chunked' ? { chunks: record.chunks } : {}),
    contentEncoding: codings,
    decodedLength,
    ...(decodeError ? { decodeError } : {}),
    mediaType,
    charset: media?.params.charset ?? null,
    sha256: record.sha256,
    missingBytes: record.missingBytes,
    truncated,
    text: shown?.text ?? null,
    textTruncated: (shown?.cut ?? false) || (fullText !== null && (!decodedComplete || front.length < bytes.length)),
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
