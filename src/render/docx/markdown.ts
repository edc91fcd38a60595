import markdownIt, { type Token } from 'markdown-it';

/*
 * The report Markdown as markdown-it tokens, parsed as the HTML is (src/render/html.ts):
 * CommonMark with GFM tables, raw HTML off, no linkify or typographer. Links may only
 * point inside the document. Images may be the data: pictures labreport draws or files
 * named by a relative path (pictures beside the Markdown, `NAME.files/x.svg`), which the
 * image stage resolves inside one folder or refuses; nothing remote is ever accepted.
 */

const DATA_IMAGE = /^data:image\/(svg\+xml|png);base64,[a-z0-9+/=]+$/i;

/** A relative path: no scheme, not absolute, no backslashes (which Windows reads as separators), no NUL. */
export function isRelativePath(url: string): boolean {
  return url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/') && !url.includes('\\') && !url.includes('\0') && !url.startsWith('#');
}

export function isDataImage(url: string): boolean {
  return DATA_IMAGE.test(url);
}

export function parseMarkdown(src: string): Token[] {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = (url: string) => url.startsWith('#') || isDataImage(url) || isRelativePath(url);
  return md.parse(src, {});
}

export type { Token };
