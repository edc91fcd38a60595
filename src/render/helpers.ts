import type Handlebars from 'handlebars';
import { format, type Language, UI } from '../knowledge/index.js';
import { helperSafe, markdownCode, markdownCodeSpan } from './markdown.js';

const helpersByLanguage = new Map<Language, Record<string, Handlebars.HelperDelegate>>();

/** The helpers templates may use (templates/README.md lists them); one set per language, so the templates compiled with it are reused (markdown.ts). */
export function templateHelpers(lang: Language): Record<string, Handlebars.HelperDelegate> {
  let helpers = helpersByLanguage.get(lang);
  if (!helpers) helpersByLanguage.set(lang, (helpers = makeHelpers(lang)));
  return helpers;
}

function makeHelpers(lang: Language): Record<string, Handlebars.HelperDelegate> {
  const t = UI[lang];
  const args = (a: unknown[]) => a.slice(0, -1); // Handlebars passes its options object last
  const number = (n: number) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  return {
    /** Fill a UI string's {0}, {1}, … : {{fmt t.nOfM 2 5}}. */
    fmt: (template: unknown, ...rest: unknown[]) => format(String(template ?? ''), ...args(rest)),
    /** Verbatim inline code: {{tt value}}. */
    tt: (v: unknown) => helperSafe(markdownCodeSpan(v)),
    /** Verbatim code block: {{code text}}. */
    code: (v: unknown) => helperSafe(markdownCode(v)),
    /** 1234 → "1,234". */
    num: (n: unknown) => (typeof n === 'number' ? number(n) : String(n ?? '')),
    /** 1234 → "1,234 bytes". */
    bytes: (n: unknown) => (typeof n === 'number' ? format(n === 1 ? t.byte : t.bytes, number(n)) : String(n ?? '')),
    /** A number with fixed decimals: {{fixed time 6}}. */
    fixed: (n: unknown, digits: unknown) => (typeof n === 'number' ? n.toFixed(typeof digits === 'number' ? digits : 0) : ''),
    /** One more: {{inc @index}} numbers a list from 1. */
    inc: (n: unknown) => (typeof n === 'number' ? n + 1 : ''),
    /** The colon between a label and its text: ": " in English, "：" in Chinese. */
    colon: () => (lang === 'zh' ? '：' : ': '),
    /** A remark in parentheses after a word: " (RFC 9110 §7.2)" / "（RFC 9110 第 7.2 节）"; nothing when empty. */
    paren: (v: unknown) => {
      const s = String(v ?? '');
      return s === '' ? '' : lang === 'zh' ? `（${s}）` : ` (${s})`;
    },
    eq: (a: unknown, b: unknown) => a === b,
    not: (a: unknown) => !a,
  };
}
