import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ReportModel } from '../report/schema.js';

/*
 * How a fuzzing case must end: exit 0 with every output written and valid (a model
 * its schema accepts, HTML with nothing that runs or fetches), or exit 2 with one line
 * on stderr naming the file. Anything else is a crash.
 */

export interface CaseRequest {
  id: number;
  capture: string;
  outDir: string;
  args: string[];
}

export interface CaseResult {
  id: number;
  code: number;
  ms: number;
  /** What went wrong, or null when the case ended as it must. */
  problem: string | null;
}

/** The first element or attribute in the HTML body that could run or fetch something (there must be none), or null. */
export function activeContent(body: string): string | null {
  for (const [tag, name, attributes] of body.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    if (/^(?:script|iframe|frame|object|embed|form|link|meta|base|style|video|audio|source)$/i.test(name!)) return tag;
    for (const [attribute, key, value] of attributes!.matchAll(/([^\s=]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)/g)) {
      const v = value!.replace(/^["']|["']$/g, '');
      if (/^on/i.test(key!) || /^(?:srcset|action|formaction|background|poster)$/i.test(key!)) return attribute;
      if (/^href$/i.test(key!) && !v.startsWith('#')) return attribute;
      if (/^src$/i.test(key!) && !v.startsWith('data:image/')) return attribute;
    }
  }
  return null;
}

export function checkCase(req: CaseRequest, code: number, stdout: string, stderr: string): string | null {
  if (code === 2) {
    const lines = stderr.trimEnd().split('\n');
    if (lines.length !== 1) return `exit 2 with ${lines.length} lines on stderr: ${stderr.slice(0, 300)}`;
    if (!lines[0]!.startsWith(`labreport: ${req.capture}: `)) return `exit 2 with an error that does not name the file: ${lines[0]}`;
    return null;
  }
  if (code !== 0) return `exit ${code}: ${stderr.slice(0, 500)}`;
  if (stderr !== '') return `exit 0 with stderr: ${stderr.slice(0, 300)}`;
  const files = readdirSync(req.outDir);
  const base = files.find((f) => f.endsWith('.json'))?.replace(/\.json$/, '');
  if (!base) return `exit 0 but no JSON written (${files.join(', ')}); stdout: ${stdout.slice(0, 200)}`;
  for (const ext of ['md', 'html']) if (!files.includes(`${base}.${ext}`)) return `exit 0 but no ${base}.${ext}`;
  if (files.some((f) => f.endsWith('.tmp'))) return `a temporary file was left behind: ${files.join(', ')}`;
  const parsed = ReportModel.safeParse(JSON.parse(readFileSync(join(req.outDir, `${base}.json`), 'utf8')));
  if (!parsed.success) return `the JSON model breaks its schema: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`;
  const html = readFileSync(join(req.outDir, `${base}.html`), 'utf8');
  const active = activeContent(html.slice(html.indexOf('<body>')));
  if (active) return `active content in the HTML: ${active.slice(0, 200)}`;
  return null;
}
