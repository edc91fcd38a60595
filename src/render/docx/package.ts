import { unzipSync, zipSync } from 'fflate';

/*
 * The .docx package (a zip of XML parts) written so the same report gives the same
 * bytes: every entry dated 1980-01-01 00:00 (the zip format's first date; its dates carry
 * no time zone, so it is given in local time to come out the same everywhere), the parts
 * in a fixed order, and the document's own dates (docProps/core.xml) set by the caller
 * instead of the clock.
 */

export type Parts = Map<string, Uint8Array>;

const ZIP_DATE = new Date(1980, 0, 1, 0, 0, 0);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const text = (parts: Parts, path: string): string | undefined => {
  const data = parts.get(path);
  return data === undefined ? undefined : decoder.decode(data);
};
export const setText = (parts: Parts, path: string, xml: string): void => void parts.set(path, encoder.encode(xml));

/** The parts of a package, in its order. Throws on bytes that are not a zip file. */
export function readPackage(bytes: Uint8Array): Parts {
  return new Map(Object.entries(unzipSync(bytes)).filter(([path]) => !path.endsWith('/')));
}

/** The package as zip bytes: [Content_Types].xml first (as OOXML readers expect), the package relationships next, the rest by name. */
export function writePackage(parts: Parts): Uint8Array {
  const first = ['[Content_Types].xml', '_rels/.rels'];
  const names = [...first.filter((n) => parts.has(n)), ...[...parts.keys()].filter((n) => !first.includes(n)).sort()];
  return zipSync(Object.fromEntries(names.map((n) => [n, parts.get(n)!])), { level: 6, mtime: ZIP_DATE });
}

export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** A fixed date for a document: SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else the one given, else 2000-01-01. */
export function documentDate(given?: string | null): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const parsed = given ? Date.parse(given.replace(/(\.\d{3})\d+/, '$1')) : NaN;
  return Number.isFinite(parsed) ? new Date(parsed).toISOString().replace(/\.\d+Z$/, 'Z') : '2000-01-01T00:00:00Z';
}

/** docProps/core.xml: title, language, creator and the fixed dates. */
export function coreProperties(o: { title: string; language: string; date: string }): string {
  const date = (name: string) => `<dcterms:${name} xsi:type="dcterms:W3CDTF">${o.date}</dcterms:${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(o.title)}</dc:title><dc:creator>labreport</dc:creator><dc:language>${o.language}</dc:language>` +
    `<cp:lastModifiedBy>labreport</cp:lastModifiedBy><cp:revision>1</cp:revision>${date('created')}${date('modified')}</cp:coreProperties>`
  );
}
