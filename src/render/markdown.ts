import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import Handlebars from 'handlebars';
import { UsageError } from '../errors.js';
import { visibleText } from '../util/visible.js';
import { DEFAULT_TEMPLATES } from './templates-dir.js';

export { visibleText };

/*
 * ReportModel view → Markdown, through Handlebars templates. Captured text is hostile,
 * and Handlebars escapes for HTML, not Markdown (a captured `![x](http://…)` would become
 * an image). So every `{{value}}` in every template, the user's included, is rewritten
 * before compiling into `{{{md value}}}`: Markdown-escaped inline text. Helpers that build
 * Markdown themselves (code blocks, tables of their own) return SafeStrings, which pass.
 */

/** Captured text as inline Markdown that renders exactly as the text, one line, with no link, image, emphasis or HTML. */
export function markdownInline(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = visibleText(String(value).replace(/\r\n|\r|\n|\t/g, ' ')).replace(/[\\`*_{}[\]<>|~&!#]/g, '\\$&');
  // Markers that mean something only at the start of a line: a list item ("1. ", "- "), a heading underline ("===").
  return s
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([-+])(?=\s|$)/, '\\$1')
    .replace(/^([=-])(?=[=-]*\s*$)/, '\\$1');
}

/** Text as a fenced code block that shows it verbatim (the fence is longer than any backtick run inside). */
export function markdownCode(value: unknown, info = ''): string {
  const text = visibleText(String(value ?? '').replace(/\r\n?/g, '\n'));
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${fence}`;
}

/**
 * Text as an inline code span, verbatim. In a table cell (`cell`), its `|` are escaped:
 * markdown-it splits table rows on every unescaped `|`, even inside a code span, so a
 * captured `a|![x](…)|` would otherwise end the cell and open new ones.
 */
export function markdownCodeSpan(value: unknown, cell = false): string {
  let text = visibleText(String(value ?? '').replace(/\r\n|\r|\n|\t/g, ' '));
  if (cell) text = text.replace(/\|/g, '\\|');
  if (text === '') return '';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ')) ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

type Ast = hbs.AST.Program;
type Node = hbs.AST.Node & Record<string, unknown>;

/** Helpers that take another name inside a table cell: the cell's variant escapes what a table row would split on. */
const IN_CELL: Record<string, string> = { tt: 'ttCell' };

/**
 * Rewrite every escaped mustache `{{x …}}` into `{{{md (x …)}}}`, so its value is
 * Markdown-escaped; a helper without arguments (`{{colon}}`) is still called. A mustache
 * on a line that starts with `|` is in a table cell: its helpers get their cell variants.
 */
function escapeForMarkdown(ast: Ast, helpers: ReadonlySet<string>): Ast {
  let line = ''; // the current line of the template's text, so far
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (n.type === 'ContentStatement') {
      const value = (n as unknown as hbs.AST.ContentStatement).value;
      const nl = value.lastIndexOf('\n');
      line = nl < 0 ? line + value : value.slice(nl + 1);
      return;
    }
    if (n.type === 'MustacheStatement' && n.escaped) {
      const m = n as unknown as hbs.AST.MustacheStatement;
      const inCell = line.trimStart().startsWith('|');
      const path = m.path as hbs.AST.PathExpression;
      if (inCell && m.path.type === 'PathExpression' && IN_CELL[path.original]) {
        path.original = IN_CELL[path.original]!;
        path.parts = [path.original];
      }
      const callsHelper = m.params.length > 0 || m.hash !== undefined || (m.path.type === 'PathExpression' && helpers.has(path.original));
      const inner: hbs.AST.Expression = callsHelper
        ? ({ type: 'SubExpression', path: m.path, params: m.params, hash: m.hash, loc: m.loc } as hbs.AST.SubExpression)
        : m.path;
      m.path = { type: 'PathExpression', data: false, depth: 0, parts: ['md'], original: 'md', loc: m.loc } as hbs.AST.PathExpression;
      m.params = [inner];
      (m as { hash?: hbs.AST.Hash }).hash = undefined as unknown as hbs.AST.Hash;
      m.escaped = false;
      line += 'x';
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'loc') visit(v);
  };
  visit(ast);
  return ast;
}

export type Helpers = Record<string, Handlebars.HelperDelegate>;

export interface TemplateSet {
  render(context: unknown): string;
  /** Where each template came from: the user's folder or the defaults. */
  sources: Record<string, string>;
}

/**
 * Load a main template (report.md.hbs, or summary.md.hbs) and every partial
 * (partials/*.md.hbs) from `dir`, falling back to the default for any file `dir` lacks.
 */
export function loadTemplates(dir: string | undefined, helpers: Helpers, main = 'report.md.hbs'): TemplateSet {
  if (dir && !existsSync(dir)) throw new UsageError(`--templates ${dir}: no such folder`);
  const hb = Handlebars.create();
  const helperNames = new Set([...Object.keys(helpers), 'ttCell']);
  const pick = (rel: string) => (dir && existsSync(join(dir, rel)) ? join(dir, rel) : join(DEFAULT_TEMPLATES, rel));
  const compile = (path: string) => {
    try {
      return hb.compile(escapeForMarkdown(hb.parse(readFileSync(path, 'utf8')), helperNames), { strict: false, noEscape: false, knownHelpersOnly: false });
    } catch (e) {
      throw new UsageError(`${path}: ${(e as Error).message.split('\n')[0]}`);
    }
  };
  hb.registerHelper('md', (v: unknown) => (v instanceof hb.SafeString ? v : new hb.SafeString(markdownInline(v))));
  hb.registerHelper('ttCell', (v: unknown) => new hb.SafeString(markdownCodeSpan(v, true)));
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  const sources: Record<string, string> = {};
  // Partials are named by their path under partials/, without the extension: "header", "http/request".
  const partialNames = new Set<string>();
  for (const d of [join(DEFAULT_TEMPLATES, 'partials'), ...(dir ? [join(dir, 'partials')] : [])]) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d, { recursive: true, encoding: 'utf8' }))
      if (f.endsWith('.md.hbs')) partialNames.add(f.slice(0, -'.md.hbs'.length).split(sep).join('/'));
  }
  for (const name of [...partialNames].sort()) {
    const path = pick(`partials/${name}.md.hbs`);
    sources[`partials/${name}.md.hbs`] = path;
    hb.registerPartial(name, compile(path));
  }
  const mainPath = pick(main);
  sources[main] = mainPath;
  const mainTemplate = compile(mainPath);
  return {
    sources,
    render: (context) => {
      try {
        return mainTemplate(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (e) {
        throw new UsageError(`template error: ${(e as Error).message.split('\n')[0]}`);
      }
    },
  };
}

export function helperSafe(text: string): Handlebars.SafeString {
  return new Handlebars.SafeString(text);
}
