import markdownIt, { type MarkdownIt } from 'markdown-it';

/*
 * Markdown → one standalone HTML file: embedded CSS, a table of contents built from
 * the headings, print styles, and a Content-Security-Policy that forbids scripts and
 * every remote load. Captured text reaches this stage already escaped for Markdown;
 * markdown-it runs with raw HTML off and accepts only in-document links and data: images
 * (the diagrams labreport draws), so nothing in a capture can become active content.
 */

/** No scripts, no remote anything: styles inline, images and fonts only as data: URIs. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

export interface HtmlOptions {
  title: string;
  lang: string;
  css: string;
  /** Heading of the table of contents ("Contents"). */
  tocTitle: string;
}

interface Heading {
  level: number;
  id: string;
  text: string;
}

function markdown(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  // Links may only point inside the document; images only to the data: SVGs labreport generates.
  md.validateLink = (url: string) => url.startsWith('#') || /^data:image\/(svg\+xml|png);base64,[a-z0-9+/=]+$/i.test(url);
  return md;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Give every heading a stable id ("s1", "s1-2", …, numbered like the sections) and collect them for the contents. */
function numberHeadings(md: MarkdownIt, src: string): { html: string; headings: Heading[] } {
  const env = {};
  const tokens = md.parse(src, env);
  const headings: Heading[] = [];
  const counters = [0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'heading_open') continue;
    const level = Number(t.tag.slice(1));
    if (level < 2 || level > 3) continue; // h1 is the title; h4+ stay out of the contents
    counters[level]!++;
    for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
    const id = `s${counters.slice(2, level + 1).join('-')}`;
    t.attrSet('id', id);
    headings.push({ level, id, text: tokens[i + 1]!.children?.map((c) => c.content).join('') ?? '' });
  }
  return { html: md.renderer.render(tokens, md.options, env), headings };
}

/** The contents: sections numbered, their subsections listed under them. */
function contents(headings: Heading[], title: string): string {
  if (headings.length === 0) return '';
  const link = (h: Heading) => `<a href="#${h.id}">${escapeHtml(h.text)}</a>`;
  const items: string[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    if (h.level !== 2) continue;
    const subs: Heading[] = [];
    while (headings[i + 1]?.level === 3) subs.push(headings[++i]!);
    const nested = subs.length ? `\n<ul>${subs.map((s) => `<li>${link(s)}</li>`).join('')}</ul>` : '';
    items.push(`<li>${link(h)}${nested}</li>`);
  }
  if (items.length === 0) return '';
  return `<nav class="toc" aria-label="${escapeHtml(title)}">\n<h2 class="toc-title">${escapeHtml(title)}</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</nav>`;
}

export function renderHtml(src: string, options: HtmlOptions): string {
  const { html, headings } = numberHeadings(markdown(), src);
  // The title block (everything before the first h2) comes before the contents.
  const firstSection = html.indexOf('<h2');
  const [front, body] = firstSection >= 0 ? [html.slice(0, firstSection), html.slice(firstSection)] : [html, ''];
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
${front}${contents(headings, options.tocTitle)}
${body}</main>
</body>
</html>
`;
}
