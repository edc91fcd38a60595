import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/*
 * The student's own words (`--notes FILE`): a Markdown file whose level-2 headings name the
 * places of the report (`## purpose`, `## environment`, `## task1` … or the lab profile's task
 * ids, `## summary`). Each part appears in its place. The notes are Markdown and keep their
 * lists, emphasis and code, but, as captured text, they can never become HTML or load
 * anything: raw HTML is shown as text, links and images to anywhere but the notes' own
 * folder become text, and a local picture is copied beside the report.
 */

/** Largest notes file read. */
const MAX_NOTES_BYTES = 1 << 20;
/** Largest picture a note may include. */
const MAX_PICTURE_BYTES = 8 << 20;
const PICTURE_TYPES = new Set(['.png', '.jpg', '.jpeg', '.svg']);

export interface Notes {
  /** Place id → its Markdown, made safe. */
  parts: Record<string, string>;
  /** Pictures the notes include: the name in the report's files folder → the file to copy. */
  pictures: Map<string, string>;
}

/** Read a notes file; `places` are the ids it may use. */
export function readNotes(path: string, places: readonly string[], filesDir: string): Notes {
  let source: string;
  try {
    if (statSync(path).size > MAX_NOTES_BYTES) throw new UsageError(`--notes ${path}: larger than ${MAX_NOTES_BYTES >> 20} MiB`);
    source = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--notes ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const parts: Record<string, string> = {};
  const pictures = new Map<string, string>();
  let current: string | null = null;
  let lines: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (current !== null) parts[current] = safeMarkdown(lines.join('\n').trim(), dirname(path), filesDir, pictures);
    lines = [];
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (f && (fence === null || (f[0] === fence[0] && f.length >= fence.length))) fence = fence === null ? f : null;
    const heading = fence === null ? /^##\s+([A-Za-z0-9-]+)\s*#*\s*$/.exec(line) : null;
    if (heading) {
      flush();
      const id = heading[1]!.toLowerCase();
      if (!places.includes(id)) throw new UsageError(`--notes ${path}: the heading "## ${heading[1]}" names no place of the report (${places.join(', ')})`);
      current = id;
      continue;
    }
    if (current !== null) lines.push(line);
  }
  flush();
  return { parts, pictures };
}

/**
 * Markdown the student wrote, kept as Markdown but unable to carry HTML or to link out:
 * outside code, `<` becomes `&lt;`; a link or image to anything but a picture in the notes'
 * folder becomes its text; reference definitions are shown as text.
 */
export function safeMarkdown(md: string, baseDir: string, filesDir: string, pictures: Map<string, string>): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of md.split('\n')) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (f && f[0] === fence[0] && f.length >= fence.length) fence = null;
      out.push(line);
      continue;
    }
    if (f) {
      fence = f;
      out.push(line);
      continue;
    }
    if (/^( {4}|\t)/.test(line)) {
      out.push(line); // an indented code block shows its text as is
      continue;
    }
    out.push(safeLine(line, baseDir, filesDir, pictures));
  }
  return out.join('\n');
}

function safeLine(line: string, baseDir: string, filesDir: string, pictures: Map<string, string>): string {
  // A link reference definition ("[x]: http://…") would make "[x]" a link elsewhere.
  if (/^\s{0,3}\[[^\]]*\]:/.test(line)) line = line.replace('[', '\\[');
  // Split off code spans, which show their text verbatim.
  return line
    .split(/(`+[^`]*`+)/)
    .map((piece, i) => (i % 2 === 1 ? piece : safeText(piece, baseDir, filesDir, pictures)))
    .join('');
}

function safeText(text: string, baseDir: string, filesDir: string, pictures: Map<string, string>): string {
  return text
    .replace(/(!?)\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g, (_m, bang: string, label: string, target: string) => {
      if (bang && isLocalPicture(target, baseDir)) {
        const file = resolve(baseDir, target);
        const name = pictureName(file, pictures);
        pictures.set(name, file);
        return `![${label}](${filesDir}/${name})`;
      }
      if (!bang && target.startsWith('#')) return `[${label}](${target})`;
      return `${label} \\(${target}\\)`;
    })
    .replace(/</g, '&lt;');
}

function isLocalPicture(target: string, baseDir: string): boolean {
  if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//') || isAbsolute(target)) return false;
  const file = resolve(baseDir, target);
  const inside = relative(baseDir, file);
  if (inside.startsWith('..') || isAbsolute(inside)) return false;
  if (!PICTURE_TYPES.has(extname(file).toLowerCase()) || !existsSync(file)) return false;
  return statSync(file).isFile() && statSync(file).size <= MAX_PICTURE_BYTES;
}

/** A file name for a note's picture in the files folder: its own name, numbered if another picture took it. */
function pictureName(file: string, pictures: Map<string, string>): string {
  const ext = extname(file).toLowerCase();
  const stem =
    basename(file, extname(file))
      .replace(/[^a-z0-9-]/gi, '-')
      .toLowerCase() || 'picture';
  let name = `note-${stem}${ext}`;
  for (let i = 2; pictures.has(name) && pictures.get(name) !== file; i++) name = `note-${stem}-${i}${ext}`;
  return name;
}
