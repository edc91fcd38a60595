import contentDisposition from 'content-disposition';
import mime from 'mime-types';

/*
 * File names for exported objects. A name comes from the capture (a URI, a
 * Content-Disposition header, a mail's subject), so it is hostile: it must become one
 * plain file name that every common system accepts, never a path. Written by hand because
 * the npm sanitisers (sanitize-filename and the like) empty a reserved name such as
 * "CON.txt" instead of keeping it recognisable, and keep bidirectional controls and
 * leading dots.
 */

/** Longest name, in UTF-8 bytes: file systems allow 255; room is left for a clash number "(12345)". */
const MAX_NAME_BYTES = 200;
/** An extension longer than this is not kept whole when a long name is shortened. */
const MAX_EXTENSION_BYTES = 16;

/** Characters Windows forbids in names (and the path separators everywhere). */
const FORBIDDEN = /[<>:"/\\|?*]/g;
/** Control characters, format characters (bidirectional overrides such as U+202E, zero-width characters, the BOM), line and paragraph separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** Device names Windows reserves with any extension: CON, PRN, AUX, NUL, COM1–9, LPT1–9 (also with superscript digits). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** `raw` as one safe file name, or `fallback` when nothing of it is left. */
export function safeFileName(raw: string, fallback: string): string {
  let name = raw.normalize('NFC').replace(INVISIBLE, '').replace(FORBIDDEN, '_');
  name = name.replace(/[. ]+$/, ''); // Windows drops trailing dots and spaces
  name = name.replace(/^[\s.-]+/, (lead) => (lead.trim() === '' ? '' : '_')); // no hidden files, no "..", no option-like "-x"
  if (name === '') return fallback;
  if (RESERVED.test(name)) name = `_${name}`;
  return shorten(name);
}

/** Cut a name to MAX_NAME_BYTES of UTF-8 on a character boundary, keeping a short extension. */
function shorten(name: string): string {
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && Buffer.byteLength(name.slice(dot)) <= MAX_EXTENSION_BYTES ? name.slice(dot) : '';
  const room = MAX_NAME_BYTES - Buffer.byteLength(ext);
  let stem = '';
  for (const c of name.slice(0, name.length - ext.length)) {
    if (Buffer.byteLength(stem + c) > room) break;
    stem += c;
  }
  return stem + ext;
}

/** The file name a Content-Disposition header gives (filename*, else filename), or null. */
export function dispositionFileName(header: string | undefined): string | null {
  if (!header) return null;
  try {
    const name = contentDisposition.parse(header).parameters.filename;
    return typeof name === 'string' && name !== '' ? name : null;
  } catch {
    return null; // a malformed header names nothing
  }
}

/** The last segment of a request target's path, percent-decoded ("" for "/" or an empty path). */
export function lastPathSegment(uri: string): string {
  let path = uri.replace(/[?#].*$/s, '');
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path); // absolute form, as sent to a proxy
  if (scheme) path = path.slice(scheme[0].length);
  const segment = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray % is kept as it is
  }
}

/** Add the usual extension of the media type to a name that has none ("submit" + text/html → "submit.html"). */
export function withExtension(name: string, mediaType: string | null): string {
  if (!mediaType || /\.[^.]+$/.test(name)) return name;
  const ext = mime.extension(mediaType);
  return ext && ext !== 'bin' ? `${name}.${ext}` : name;
}

/**
 * The names given in one export folder. A name already given gets a number before its
 * extension, as Wireshark numbers them: index.html, index(1).html, index(2).html. Names
 * are compared as Windows and macOS compare them, without case, so that no two files of
 * one export land on the same file there.
 */
export class NameBook {
  private readonly taken = new Set<string>();

  claim(name: string): string {
    let candidate = name;
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 1; this.taken.has(key(candidate)); n++) candidate = `${stem}(${n})${ext}`;
    this.taken.add(key(candidate));
    return candidate;
  }
}

const key = (name: string) => name.normalize('NFC').toLowerCase();
