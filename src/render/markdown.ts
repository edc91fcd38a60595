import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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

const COMPILE_OPTIONS = { strict: false, noEscape: false, knownHelpersOnly: false } as const;

/** What Handlebars compiles of a template: its syntax tree, every escaped mustache rewritten to escape Markdown. */
function markdownSafeAst(hb: typeof Handlebars, source: string, helperNames: ReadonlySet<string>): Ast {
  return escapeForMarkdown(hb.parse(source), helperNames);
}

/** The names a template's mustaches may call as helpers: the helpers given, and the table cell's variants. */
const helperNamesOf = (helpers: Helpers) => new Set([...Object.keys(helpers), 'ttCell']);

/**
 * The default templates compiled at build time (scripts/precompile-templates.mjs writes
 * dist/render/templates.precompiled.js): compiling them all took a third of a lab-sized
 * report's rendering. Each is used only while its file is unchanged (its SHA-256) and the
 * helpers are the ones it was compiled against; otherwise it is compiled from its file. A
 * tree where the step has not run (the tests, on the sources) compiles them all.
 */
interface PrecompiledTemplates {
  helpers: string[];
  templates: Record<string, { sha256: string; spec: TemplateSpecification }>;
}
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

const PRECOMPILED_FILE = 'templates.precompiled.js';
const PRECOMPILED: PrecompiledTemplates | null = await import(new URL(`./${PRECOMPILED_FILE}`, import.meta.url).href).then(
  (m: { default: PrecompiledTemplates }) => m.default,
  () => null,
);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A default template's name as the precompiled set keys it ("partials/http/request.md.hbs"), or null for a file elsewhere. */
function defaultTemplateName(path: string): string | null {
  const rel = relative(DEFAULT_TEMPLATES, path);
  return rel.startsWith('..') || rel === path ? null : rel.split(sep).join('/');
}

function precompiledFor(path: string, source: string, helperNames: ReadonlySet<string>): TemplateSpecification | null {
  const name = PRECOMPILED && defaultTemplateName(path);
  const entry = name ? PRECOMPILED!.templates[name] : undefined;
  if (!entry || entry.sha256 !== sha256(source)) return null;
  const helpers = PRECOMPILED!.helpers;
  return helpers.length === helperNames.size && helpers.every((h) => helperNames.has(h)) ? entry.spec : null;
}

/** The templates a set is made of: a main template and every partial, each from `dir` or else the defaults. */
function templateFiles(dir: string | undefined, main: string): { main: string; partials: [string, string][] } {
  if (dir && !existsSync(dir)) throw new UsageError(`--templates ${dir}: no such folder`);
  const pick = (rel: string) => (dir && existsSync(join(dir, rel)) ? join(dir, rel) : join(DEFAULT_TEMPLATES, rel));
  // Partials are named by their path under partials/, without the extension: "header", "http/request".
  const partialNames = new Set<string>();
  for (const d of [join(DEFAULT_TEMPLATES, 'partials'), ...(dir ? [join(dir, 'partials')] : [])]) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d, { recursive: true, encoding: 'utf8' }))
      if (f.endsWith('.md.hbs')) partialNames.add(f.slice(0, -'.md.hbs'.length).split(sep).join('/'));
  }
  return { main: pick(main), partials: [...partialNames].sort().map((name) => [name, pick(`partials/${name}.md.hbs`)]) };
}

/** Sets already compiled in this process (a class build renders every report with the same ones), by their files as they are now. */
const compiled = new WeakMap<Helpers, Map<string, TemplateSet>>();

/**
 * Load a main template (report.md.hbs, or summary.md.hbs) and every partial
 * (partials/*.md.hbs) from `dir`, falling back to the default for any file `dir` lacks.
 */
export function loadTemplates(dir: string | undefined, helpers: Helpers, main = 'report.md.hbs'): TemplateSet {
  const files = templateFiles(dir, main);
  const stamp = (path: string) => {
    const st = statSync(path);
    return `${path}\0${st.size}\0${st.mtimeMs}`;
  };
  const key = [stamp(files.main), ...files.partials.map(([name, path]) => `${name}\0${stamp(path)}`)].join('\n');
  const known = compiled.get(helpers) ?? new Map<string, TemplateSet>();
  compiled.set(helpers, known);
  const cached = known.get(key);
  if (cached) return cached;
  const set = compileTemplates(files, main, helpers);
  known.set(key, set);
  return set;
}

function compileTemplates(files: ReturnType<typeof templateFiles>, main: string, helpers: Helpers): TemplateSet {
  const hb = Handlebars.create();
  const helperNames = helperNamesOf(helpers);
  const compile = (path: string) => {
    try {
      const source = readFileSync(path, 'utf8');
      const spec = precompiledFor(path, source, helperNames);
      return spec ? hb.template(spec) : hb.compile(markdownSafeAst(hb, source, helperNames), COMPILE_OPTIONS);
    } catch (e) {
      throw new UsageError(`${path}: ${(e as Error).message.split('\n')[0]}`);
    }
  };
  hb.registerHelper('md', (v: unknown) => (v instanceof hb.SafeString ? v : new hb.SafeString(markdownInline(v))));
  hb.registerHelper('ttCell', (v: unknown) => new hb.SafeString(markdownCodeSpan(v, true)));
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  const sources: Record<string, string> = {};
  for (const [name, path] of files.partials) {
    sources[`partials/${name}.md.hbs`] = path;
    hb.registerPartial(name, compile(path));
  }
  sources[main] = files.main;
  const mainTemplate = compile(files.main);
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

/**
 * The default templates precompiled, as the module PRECOMPILED loads (written by
 * scripts/precompile-templates.mjs at build time): each template's SHA-256 and Handlebars'
 * precompiled specification of its Markdown-safe syntax tree, for these helpers.
 */
export function precompiledTemplatesModule(helpers: Helpers): string {
  const helperNames = helperNamesOf(helpers);
  const names = ['report.md.hbs', 'summary.md.hbs', ...templateFiles(undefined, 'report.md.hbs').partials.map(([name]) => `partials/${name}.md.hbs`)];
  const entries = names.map((name) => {
    const source = readFileSync(join(DEFAULT_TEMPLATES, name), 'utf8');
    const spec = Handlebars.precompile(markdownSafeAst(Handlebars, source, helperNames), COMPILE_OPTIONS);
    return `  ${JSON.stringify(name)}: { sha256: ${JSON.stringify(sha256(source))}, spec: ${String(spec)} },`;
  });
  return [
    `// Written by scripts/precompile-templates.mjs from templates/ (see render/markdown.ts): do not edit.`,
    `export default {`,
    ` helpers: ${JSON.stringify([...helperNames].sort())},`,
    ` templates: {`,
    ...entries,
    ` },`,
    `};`,
    '',
  ].join('\n');
}

export function helperSafe(text: string): Handlebars.SafeString {
  return new Handlebars.SafeString(text);
}
