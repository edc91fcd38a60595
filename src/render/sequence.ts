import { visibleText } from '../util/visible.js';

/*
 * A sequence diagram of a dialogue (client and server lifelines, one arrow per command
 * or reply, the frame number beside it) as an SVG, embedded in the report as a data: image.
 * An SVG shown as an image cannot run scripts or load anything; its text is XML-escaped.
 */

export interface Arrow {
  fromClient: boolean;
  frame: number;
  label: string;
}

export interface SequenceOptions {
  client: string;
  server: string;
  arrows: Arrow[];
  /** A shaded band at the end, e.g. "TLS: encrypted from here". */
  footer?: string;
  /** Arrows drawn at most; a note says how many more there were. */
  maxArrows?: number;
  moreLabel?: (n: number) => string;
}

const WIDTH = 680;
const LEFT = 150;
const RIGHT = 590;
const TOP = 52;
const STEP = 22;
const LABEL_CHARS = 58;

/** Text for an SVG text node: control and invisible characters made visible (a raw control character would make the SVG ill-formed), XML metacharacters escaped. */
const xml = (s: string) => visibleText(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function sequenceSvg(o: SequenceOptions): string {
  const max = o.maxArrows ?? 80;
  const arrows = o.arrows.slice(0, max);
  const more = o.arrows.length - arrows.length;
  const rows = arrows.length + (more > 0 ? 1 : 0) + (o.footer ? 1 : 0);
  const height = TOP + rows * STEP + 30;
  const font = "font-family=\"'Noto Sans','Noto Sans CJK SC','DejaVu Sans',sans-serif\"";
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ${font} font-size="12">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    '<defs><marker id="a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#333"/></marker></defs>',
  ];
  for (const [x, name, fill] of [
    [LEFT, o.client, '#e8f0fb'],
    [RIGHT, o.server, '#eef7ee'],
  ] as const) {
    parts.push(`<rect x="${x - 80}" y="8" width="160" height="30" rx="4" fill="${fill}" stroke="#555"/>`);
    parts.push(`<text x="${x}" y="28" text-anchor="middle" font-weight="bold">${xml(cut(name, 24))}</text>`);
    parts.push(`<line x1="${x}" y1="38" x2="${x}" y2="${height - 8}" stroke="#888" stroke-dasharray="4 3"/>`);
  }
  arrows.forEach((a, i) => {
    const y = TOP + i * STEP + 12;
    const [x1, x2] = a.fromClient ? [LEFT, RIGHT] : [RIGHT, LEFT];
    const color = a.fromClient ? '#0b5cad' : '#2e7d32';
    parts.push(`<text x="8" y="${y + 4}" fill="#666">#${a.frame}</text>`);
    parts.push(`<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" stroke="${color}" stroke-width="1.5" marker-end="url(#a)"/>`);
    parts.push(`<text x="${(LEFT + RIGHT) / 2}" y="${y - 5}" text-anchor="middle" fill="${color}">${xml(cut(a.label, LABEL_CHARS))}</text>`);
  });
  let y = TOP + arrows.length * STEP;
  if (more > 0) {
    parts.push(`<text x="${(LEFT + RIGHT) / 2}" y="${y + 14}" text-anchor="middle" fill="#666">${xml(o.moreLabel?.(more) ?? `… ${more} more`)}</text>`);
    y += STEP;
  }
  if (o.footer) {
    parts.push(`<rect x="${LEFT - 20}" y="${y}" width="${RIGHT - LEFT + 40}" height="${STEP - 6}" fill="#fff4e0" stroke="#d08a00"/>`);
    parts.push(`<text x="${(LEFT + RIGHT) / 2}" y="${y + 16}" text-anchor="middle" fill="#8a5a00">${xml(cut(o.footer, 70))}</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The SVG as a data: URI for a Markdown image. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
