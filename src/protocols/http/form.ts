import { createHash } from 'node:crypto';
import type { Limits } from '../../limits.js';
import { MASK } from '../secrets.js';
import { isTextual, parseMediaType, type MediaType } from './media.js';
import type { FormField } from './schema.js';

/*
 * The fields of a form body, read from whatever of it was captured: a whole body, the kept
 * front of one longer than maxBodyBytes, the pieces on each side of a capture gap, and a body
 * sent without Content-Type that looks like a form or JSON. Every password-like field found
 * is then masked and registered (analyse.ts), so a secret in a damaged body never shows.
 */

/** How a body carries fields: by its Content-Type, or, without one, by its look. */
export type FormKind = 'urlencoded' | 'multipart' | 'json';

/** name=value pairs joined by & with nothing else in between: what an HTML form or fetch() sends. */
const URLENCODED_LOOK = /^[^\s=&]{1,200}=[^\s&]*(&[^\s=&]*(=[^\s&]*)?)*&?(\r?\n)?$/;

/** `front`: the body's first bytes as text; `more`: whether the body goes on past them. */
export function formKind(media: MediaType | null, front: string, more: boolean): FormKind | null {
  if (media?.type === 'application/x-www-form-urlencoded') return 'urlencoded';
  if (media?.type === 'multipart/form-data') return 'multipart';
  if (media?.type === 'application/json' || (media && /\+json$/.test(media.type))) return 'json';
  if (media) return null;
  // Sent without Content-Type: judged on its front (a field cut there is left out).
  if (/^\s*[{[]/.test(front)) return 'json';
  const sample = more && front.includes('&') ? front.slice(0, front.lastIndexOf('&')) : front;
  return URLENCODED_LOOK.test(sample) ? 'urlencoded' : null;
}

/** A body's captured bytes in the pieces between its gaps (`holes`: offsets in `bytes` where bytes are missing). */
export function piecesBetweenHoles(bytes: Uint8Array, holes: readonly number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const at of holes) {
    if (at <= start || at >= bytes.length) continue;
    pieces.push(bytes.subarray(start, at));
    start = at;
  }
  pieces.push(bytes.subarray(start));
  return pieces;
}

/**
 * A piece of a form-like text that follows a gap starts inside a field whose name (or part of
 * whose value) was lost: it may be the rest of a password, so it is masked up to the field's end.
 */
export function maskFragmentAfterGap(text: string, kind: FormKind): string {
  const end = kind === 'urlencoded' ? /[&]/.exec(text) : /[,}\]\n]/.exec(text);
  const cut = end ? end.index : text.length;
  return cut === 0 ? text : MASK + text.slice(cut);
}

export interface Form {
  fields: FormField[];
  /** Fields past maxFormFields: counted, not listed. */
  unlisted: number;
}

/** Fields listed up to maxFormFields, the rest counted. */
class FieldList {
  readonly fields: FormField[] = [];
  unlisted = 0;
  constructor(private readonly max: number) {}
  get full(): boolean {
    return this.fields.length >= this.max;
  }
  add(field: FormField): void {
    if (this.full) this.unlisted++;
    else this.fields.push(field);
  }
}

/**
 * The fields of a urlencoded or multipart body. `pieces` are the captured bytes between gaps
 * (one piece for a body without gaps); `complete` says whether they are the whole body.
 */
export async function readForm(
  kind: FormKind,
  pieces: Uint8Array[],
  complete: boolean,
  contentType: string | undefined,
  charset: string | null,
  limits: Limits,
  decode: (bytes: Uint8Array, charset: string | null) => string,
): Promise<Form | null> {
  const list = new FieldList(limits.maxFormFields);
  if (kind === 'urlencoded') {
    pieces.forEach((piece, i) => {
      let text = decode(piece, charset ?? 'utf-8');
      if (i > 0) text = text.slice(text.indexOf('&') + 1 || text.length); // the field the gap cut into has no name left
      for (const [name, value] of new URLSearchParams(text)) list.add({ name, value });
    });
    return { fields: list.fields, unlisted: list.unlisted };
  }
  if (kind !== 'multipart') return null;
  const boundary = parseMediaType(contentType)?.params.boundary;
  if (complete && contentType) {
    const whole = await multipartByUndici(pieces[0]!, contentType, list, limits, decode);
    if (whole) return whole;
  }
  if (!boundary) return null;
  // Cut, damaged or spread over gaps: undici refuses it, so its parts are read by hand (below).
  const again = new FieldList(limits.maxFormFields);
  pieces.forEach((piece) => multipartLeniently(piece, boundary, again, limits, decode));
  return { fields: again.fields, unlisted: again.unlisted };
}

function fileField(
  name: string,
  filename: string | undefined,
  type: string,
  data: Uint8Array,
  limits: Limits,
  decode: (b: Uint8Array, c: string | null) => string,
): FormField {
  const small = data.length <= limits.maxBodyTextBytes && isTextual(parseMediaType(type)?.type ?? null);
  return {
    name,
    value: small ? decode(data, null) : null,
    ...(filename !== undefined ? { filename } : {}),
    contentType: type,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

/** A whole multipart body, through the WHATWG parser in Node (undici's FormData). */
async function multipartByUndici(
  bytes: Uint8Array,
  contentType: string,
  list: FieldList,
  limits: Limits,
  decode: (b: Uint8Array, c: string | null) => string,
): Promise<Form | null> {
  try {
    const form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    for (const [name, value] of form) {
      if (list.full) list.add({ name, value: null });
      else if (typeof value === 'string') list.add({ name, value });
      else list.add(fileField(name, value.name, value.type || 'application/octet-stream', new Uint8Array(await value.arrayBuffer()), limits, decode));
    }
    return { fields: list.fields, unlisted: list.unlisted };
  } catch {
    return null;
  }
}

/**
 * The parts of a multipart piece that undici cannot read (cut short, or one side of a gap),
 * written by hand: split at the boundary (RFC 7578, RFC 2046 section 5.1.1), each part's
 * Content-Disposition name and filename read, its value up to the next boundary or the piece's
 * end. What comes before the first boundary is a preamble (RFC 2046) or, after a gap, the rest
 * of a part whose headers were lost: skipped either way.
 */
function multipartLeniently(piece: Uint8Array, boundary: string, list: FieldList, limits: Limits, decode: (b: Uint8Array, c: string | null) => string): void {
  const buffer = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  let at = buffer.indexOf(delimiter);
  if (at < 0) return;
  while (at >= 0) {
    const start = at + delimiter.length;
    if (buffer[start] === 0x2d && buffer[start + 1] === 0x2d) return; // the close delimiter
    const next = buffer.indexOf(delimiter, start);
    const part = buffer.subarray(start, next < 0 ? buffer.length : next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) return; // cut inside the part's headers: its name may not be known
    const head = part.subarray(0, headerEnd).toString('latin1');
    let body = part.subarray(headerEnd + 4);
    if (next >= 0 && body.length >= 2 && body[body.length - 2] === 0x0d && body[body.length - 1] === 0x0a) body = body.subarray(0, -2);
    const disposition = /^content-disposition:(.*)$/im.exec(head)?.[1] ?? '';
    const params = parseMediaType(`x${disposition}`)?.params ?? {};
    const name = Buffer.from(params.name ?? '', 'latin1').toString('utf8');
    const type = /^content-type:\s*(.*?)\s*$/im.exec(head)?.[1];
    if (list.full) list.add({ name, value: null });
    else if (params.filename === undefined && !type) list.add({ name, value: decode(body, 'utf-8') });
    else
      list.add(
        fileField(
          name,
          params.filename === undefined ? undefined : Buffer.from(params.filename, 'latin1').toString('utf8'),
          type ?? 'text/plain',
          body,
          limits,
          decode,
        ),
      );
    at = next;
  }
}
