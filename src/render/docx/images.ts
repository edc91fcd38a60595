import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { imageSize } from 'image-size';
import { isDataImage, isRelativePath } from './markdown.js';

/*
 * The pictures of the report as Word embeds them: the data: SVGs labreport draws (the
 * sequence diagrams) and files beside the Markdown, named by a relative path. Word needs a
 * PNG beside every SVG (older Word, WPS and LibreOffice show the PNG); resvg draws it.
 * Nothing is fetched: a remote address never reaches here (the Markdown stage refuses it),
 * a relative path is read only inside the base folder the caller names, and an SVG that
 * refers to anything outside itself (an external image, stylesheet or font) is not
 * embedded, since Word would load what it names.
 */

export type PictureType = 'svg' | 'png' | 'jpg' | 'gif' | 'bmp';

export interface Picture {
  type: PictureType;
  data: Uint8Array;
  /** The PNG Word shows where it cannot draw SVG. */
  fallback?: Uint8Array;
  /** Size in CSS pixels (96 to the inch), as the HTML shows it. */
  width: number;
  height: number;
}

/** The PNG fallback is drawn at twice the SVG's size, so it stays sharp when printed. */
const FALLBACK_ZOOM = 2;

function sniff(bytes: Uint8Array): PictureType | null {
  const b = bytes;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif';
  if (b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  const head = Buffer.from(b.subarray(0, 4096)).toString('utf8');
  if (/^(\ufeff)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'svg';
  return null;
}

/**
 * An SVG Word may embed: no script, no foreign HTML, and every reference (href, xlink:href,
 * url(…), @import) points inside the SVG itself (#id) or is a data: URI.
 */
export function isSelfContainedSvg(svg: string): boolean {
  if (/<script\b|<foreignObject\b|<!ENTITY/i.test(svg)) return false;
  for (const m of svg.matchAll(/\b(?:xlink:)?href\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    const target = (m[2] ?? m[3] ?? '').trim();
    if (!target.startsWith('#') && !target.startsWith('data:')) return false;
  }
  for (const m of svg.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) if (!m[2]!.trim().startsWith('#')) return false;
  return !/@import/i.test(svg);
}

type ResvgModule = typeof import('@resvg/resvg-js');
let resvg: ResvgModule | undefined;
/** resvg is a native module: loaded the first time an SVG is drawn, through require (its entry point is CommonJS). */
function loadResvg(): ResvgModule {
  resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
  return resvg;
}

/**
 * The SVG drawn as a PNG, and its own size. resvg shapes each text element with the first
 * font of its font-family that is installed; with a CJK font (tens of megabytes) that costs
 * about 20 ms a text, and a sequence diagram has a hundred. So the CJK families are taken
 * out of the lists for the raster copy only: Latin text is shaped with a Latin font and
 * Chinese characters still reach a CJK font through resvg's per-character fallback.
 */
function rasterise(svg: string): { png: Uint8Array; width: number; height: number } {
  const { Resvg } = loadResvg();
  const latinFirst = svg.replace(/font-family\s*=\s*"([^"]*)"/gi, (_m, list: string) => {
    const families = list.split(',').filter((f) => !/CJK|Han |Hei|Song|Ming|YaHei|PingFang|WenQuanYi/i.test(f));
    return `font-family="${families.length ? families.join(',') : 'sans-serif'}"`;
  });
  const image = new Resvg(latinFirst, { fitTo: { mode: 'zoom', value: FALLBACK_ZOOM }, font: { loadSystemFonts: true }, logLevel: 'off' });
  return { png: new Uint8Array(image.render().asPng()), width: image.width, height: image.height };
}

/** Bytes of a picture, as Word embeds them; null when the bytes are no picture Word can show. */
export function pictureFromBytes(bytes: Uint8Array): Picture | null {
  const type = sniff(bytes);
  if (type === null) return null;
  if (type === 'svg') {
    const svg = Buffer.from(bytes).toString('utf8');
    if (!isSelfContainedSvg(svg)) return null;
    try {
      const { png, width, height } = rasterise(svg);
      if (!(width > 0 && height > 0)) return null;
      return { type, data: bytes, fallback: png, width, height };
    } catch {
      return null; // not an SVG resvg can read: Word could not either
    }
  }
  try {
    const { width, height } = imageSize(bytes);
    if (!width || !height) return null;
    return { type, data: bytes, width, height };
  } catch {
    return null;
  }
}

/**
 * The picture an image's address names: a data: URI, or a file under `baseDir` (never
 * outside it, symbolic links included). Null for anything else, or a file that is missing
 * or not a picture: the converter then shows the image's alternative text.
 */
export function loadPicture(src: string, baseDir: string | undefined): Picture | null {
  if (isDataImage(src)) return pictureFromBytes(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));
  if (!baseDir || !isRelativePath(src)) return null;
  let path: string;
  try {
    path = decodeURIComponent(src.replace(/[?#].*$/, '')); // markdown-it percent-encodes addresses
  } catch {
    return null;
  }
  if (path === '' || isAbsolute(path) || path.includes('\0')) return null;
  try {
    const base = realpathSync(baseDir);
    const file = realpathSync(resolve(base, path));
    const inside = relative(base, file);
    if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
    if (!statSync(file).isFile()) return null;
    return pictureFromBytes(readFileSync(file));
  } catch {
    return null;
  }
}
