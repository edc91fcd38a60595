import type Handlebars from 'handlebars';
import { format, type Language, UI } from '../knowledge/index.js';
import { helperSafe, markdownCode, markdownCodeSpan } from './markdown.js';
import { bytesText, numberText } from './view.js';

/** The helpers templates may use (templates/README.md lists them). */
export function templateHelpers(lang: Language): Record<string, Handlebars.HelperDelegate> {
  const t = UI[lang];
  const args = (a: unknown[]) => a.slice(0, -1); // Handlebars passes its options object last
  return {
    /** Fill a UI string's {0}, {1}, … : {{fmt t.nOfM 2 5}}. */
    fmt: (template: unknown, ...rest: unknown[]) => format(String(template ?? ''), ...args(rest)),
    /** Verbatim inline code: {{tt value}}. */
    tt: (v: unknown) => helperSafe(markdownCodeSpan(v)),
    /** Verbatim code block: {{code text}}. */
    code: (v: unknown) => helperSafe(markdownCode(v)),
    /** 1234 → "1,234". */
    num: (n: unknown) => (typeof n === 'number' ? numberText(n, lang) : String(n ?? '')),
    /** 1234 → "1,234 bytes". */
    bytes: (n: unknown) => (typeof n === 'number' ? bytesText(n, t, lang) : String(n ?? '')),
    /** Seconds with microseconds: {{seconds 1.5}} → "1.500000 s". */
    seconds: (n: unknown) => (typeof n === 'number' ? `${n.toFixed(6)} s` : ''),
    /** A number with fixed decimals: {{fixed time 6}}. */
    fixed: (n: unknown, digits: unknown) => (typeof n === 'number' ? n.toFixed(typeof digits === 'number' ? digits : 0) : ''),
    eq: (a: unknown, b: unknown) => a === b,
    not: (a: unknown) => !a,
  };
}
