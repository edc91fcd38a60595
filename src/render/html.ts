import markdownIt, { type MarkdownIt } from 'markdown-it';

/*
 * Markdown → one standalone HTML file: embedded CSS, print styles, and a Content-Security-
 * Policy that forbids scripts and every remote load. Captured text reaches this stage
 * already escaped for Markdown; markdown-it runs with raw HTML off, links may point only
 * inside the document, and an image may only be a picture of the report's own files folder
 * (its diagrams, the student's screenshots), which is embedded: a `data:` or remote image
 * written in the Markdown is never shown, so nothing in a capture can become a picture or
 * active content.
 */

/** No scripts, no remote anything: styles inline, images only as the data: URIs this stage embeds itself. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

/** A picture of the report's files folder, by its link in the Markdown ("lab.files/smtp-8.svg"); null when there is none. */
export type PictureLookup = (src: string) => { type: string; bytes: Uint8Array } | null;

export interface HtmlOptions {
  title: string;
  lang: string;
  css: string;
  pictures: PictureLookup;
}

/** Picture links the report may hold: a file directly inside its files folder. */
const PICTURE_LINK = /^[A-Za-z0-9][A-Za-z0-9._-]*\.files\/[A-Za-z0-9][A-Za-z0-9._-]*\.(svg|png|jpe?g)$/;

function markdown(pictures: PictureLookup): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = (url: string) => url.startsWith('#') || PICTURE_LINK.test(url);
  md.renderer.rules.text = (tokens, idx) => breakableHtml(tokens[idx]!.content);
  md.renderer.rules.code_inline = (tokens, idx, _options, _env, self) => `<code${self.renderAttrs(tokens[idx]!)}>${breakableHtml(tokens[idx]!.content)}</code>`;
  const renderImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const picture = pictures(String(token.attrGet('src') ?? ''));
    // A link to a picture the report does not have shows its description instead.
    if (!picture) return escapeHtml(token.content);
    token.attrSet('src', `data:${picture.type};base64,${Buffer.from(picture.bytes).toString('base64')}`);
    return renderImage(tokens, idx, options, env, self);
  };
  return md;
}

/** Characters of an unbroken token before the HTML offers a line break in it. */
const LONG_TOKEN = 24;

/**
 * Text as HTML where a long token (a User-Agent, a base64 subject, a URL) may break: after its
 * punctuation, and every LONG_TOKEN characters where it has none. Words shorter than that never
 * break, so table columns keep the width their words need; CJK text breaks between characters anyway.
 */
export function breakableHtml(text: string): string {
  return text
    .split(/(\s+)/)
    .map((piece) => {
      if (piece.length <= LONG_TOKEN || /^\s+$/.test(piece)) return escapeHtml(piece);
      const parts = piece.match(/[^/,;&=?:.\-_)\]}|+]*[/,;&=?:.\-_)\]}|+]*/g)!.filter(Boolean);
      return parts.map((p) => (p.match(new RegExp(`.{1,${LONG_TOKEN}}`, 'gsu')) ?? []).map(escapeHtml).join('<wbr>')).join('<wbr>');
    })
    .join('');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Give every heading a stable id ("s1", "s1-2", …, numbered like the sections). */
function numberHeadings(md: MarkdownIt, src: string): string {
  const env = {};
  const tokens = md.parse(src, env);
  const counters = [0, 0, 0, 0, 0, 0, 0];
  for (const t of tokens) {
    if (t.type !== 'heading_open') continue;
    const level = Number(t.tag.slice(1));
    if (level < 2) continue;
    counters[level]!++;
    for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
    t.attrSet('id', `s${counters.slice(2, level + 1).join('-')}`);
  }
  return md.renderer.render(tokens, md.options, env);
}

/** The metadata a report's Markdown opens with (`---` lines, as Markdown editors know them), and the rest. */
export interface FrontMatter {
  title?: string;
  lang?: string;
  paper?: string;
}

/** Split off the front matter `build` writes: `---`, `key: "value"` lines, `---`. */
export function splitFrontMatter(src: string): { meta: FrontMatter; body: string } {
  const m = /^---\r?\n((?:[a-z]+: .*\r?\n){0,20})---\r?\n/.exec(src);
  if (!m) return { meta: {}, body: src };
  const meta: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([a-z]+): (.*)$/.exec(line);
    if (!kv) continue;
    try {
      const value: unknown = JSON.parse(kv[2]!);
      if (typeof value === 'string') meta[kv[1]!] = value;
    } catch {
      meta[kv[1]!] = kv[2]!.trim();
    }
  }
  return { meta: meta as FrontMatter, body: src.slice(m[0].length) };
}

/** The front matter for a report's Markdown. */
export function frontMatter(meta: Required<FrontMatter>): string {
  return `---\ntitle: ${JSON.stringify(meta.title)}\nlang: ${JSON.stringify(meta.lang)}\npaper: ${JSON.stringify(meta.paper)}\n---\n\n`;
}

export function renderHtml(src: string, options: HtmlOptions): string {
  const html = numberHeadings(markdown(options.pictures), splitFrontMatter(src).body);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>
${options.css}
</style>
</head>
<body>
<main>
${html}</main>
</body>
</html>
`;
}
