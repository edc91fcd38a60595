import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './files.js';

/*
 * A .docx read back by another program than the one that wrote it: python-docx and lxml
 * (test/helpers/docx-inspect.py), which also check the package's structure.
 */

export interface InspectedDocx {
  paragraphs: { style: string; text: string }[];
  headings: { level: number; text: string }[];
  tables: { rows: number; cols: number; headerRows: number; cantSplitRows: number; cells: string[][] }[];
  /** The lines of code blocks and transcripts (paragraphs in the Source Code style), in order. */
  code: string[];
  hyperlinks: { anchor: string | null; rid: string | null; text: string }[];
  /** Field instructions (TOC, PAGE, …) in the body, headers and footers. */
  fields: string[];
  /** Targets of the body's image relationships. */
  images: string[];
  drawings: number;
  /** All text of each part (word/document.xml, word/header1.xml, …). */
  texts: Record<string, string>;
  sections: { width: number; height: number; left: number; right: number; header: string; footer: string; headerImages: number }[];
  language: { val: string; eastAsia: string } | null;
  fonts: Record<string, string> | null;
  title: string;
  created: string | null;
  /** Structural faults found: a dangling relationship, an undefined style, an external link, … (empty for a sound package). */
  problems: string[];
}

const SCRIPT = join(import.meta.dirname, 'docx-inspect.py');

/** The Python that has python-docx: Debian's (python3-docx installs for /usr/bin/python3), else the one on PATH. */
const python = (() => {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    if (candidate.startsWith('/') && !existsSync(candidate)) continue;
    if (spawnSync(candidate, ['-c', 'import docx, lxml'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  throw new Error('the Word tests read .docx files with python-docx: install it (apt-get install python3-docx, as scripts/setup.sh does)');
})();

export function inspectDocx(path: string): InspectedDocx {
  return JSON.parse(execFileSync(python, [SCRIPT, path], { encoding: 'utf8', maxBuffer: 64 << 20 })) as InspectedDocx;
}

/** Inspect bytes (written to a scratch file first). */
export function inspectDocxBytes(bytes: Uint8Array, name = 'doc.docx'): InspectedDocx {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return inspectDocx(path);
}
