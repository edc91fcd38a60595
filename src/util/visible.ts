/*
 * Captured text can carry characters that are not what they look like. Every output
 * context (Markdown, table cells, code, SVG, CSV) starts from visibleText.
 */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Control characters shown as their Unicode "control pictures" (␀, ␛, …), never emitted raw. */
const picture = (c: string) => String.fromCharCode(c.charCodeAt(0) === 0x7f ? 0x2421 : 0x2400 + c.charCodeAt(0));

/**
 * Characters that change how the text around them is shown rather than showing
 * themselves: bidirectional overrides and isolates (a name can display reversed), zero-width
 * spaces and joiners, the byte-order mark, line and paragraph separators. Captured text shows
 * them as their code point, "⟨U+202E⟩", never applies them.
 */
const INVISIBLE = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
const named = (c: string) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`;

/** Captured text with its control and invisible characters made visible: the one rule every output context starts from. */
export function visibleText(value: unknown): string {
  return String(value ?? '')
    .replace(CONTROL, picture)
    .replace(INVISIBLE, named);
}
