/** A parsed Content-Type: media type in lower case, and its parameters. */
export interface MediaType {
  type: string;
  params: Record<string, string>;
}

export function parseMediaType(value: string | undefined): MediaType | null {
  if (!value) return null;
  const [type, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    params[p.slice(0, eq).trim().toLowerCase()] = v;
  }
  return { type: type!.trim().toLowerCase(), params };
}

const TEXTUAL =
  /^(text\/|application\/(json|xml|javascript|ecmascript|x-javascript|x-www-form-urlencoded|graphql|yaml|x-yaml|csv|ld\+json|problem\+json|manifest\+json|x-ndjson)$)|\+(json|xml)$/;

export function isTextual(mediaType: string | null): boolean {
  return mediaType !== null && TEXTUAL.test(mediaType);
}

/** Media types whose bytes labreport never decodes or shows (images, audio, video, fonts, archives): their bodies are summarised by size and SHA-256 alone. */
const OPAQUE =
  /^(image|audio|video|font|model)\/|^application\/(octet-stream|zip|gzip|x-gzip|x-tar|x-7z-compressed|x-rar-compressed|pdf|wasm|java-archive|x-msdownload|vnd\.)/;

/** Whether a body's bytes are worth keeping: anything but an opaque media type sent without a content coding. */
export function worthKeeping(contentType: string | undefined, contentEncoding: string | undefined): boolean {
  const media = parseMediaType(contentType);
  if (!media || (contentEncoding && contentEncoding.trim().toLowerCase() !== 'identity')) return true;
  return isTextual(media.type) || !OPAQUE.test(media.type);
}
