import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * docs/development.md's Layout stays true to the tree: every folder of src/ (and of
 * src/protocols/) and every file at the top of src/ is named there, and nothing it names
 * as a folder of src/ is missing.
 */

const root = join(import.meta.dirname, '..');
const layout = (() => {
  const doc = readFileSync(join(root, 'docs', 'development.md'), 'utf8');
  const at = doc.indexOf('## Layout');
  return doc.slice(at, doc.indexOf('\n## ', at + 1) > 0 ? doc.indexOf('\n## ', at + 1) : undefined);
})();
const entries = (dir: string) => readdirSync(join(root, dir), { withFileTypes: true });

describe('docs/development.md: the Layout', () => {
  it('names every folder and top-level file of src/', () => {
    expect(layout).toContain('```\nsrc/');
    for (const e of entries('src')) expect(layout, `src/${e.name}`).toContain(e.isDirectory() ? `${e.name}/` : e.name);
  });

  it('names every folder of src/protocols/ and its shared files', () => {
    for (const e of entries('src/protocols')) expect(layout, `src/protocols/${e.name}`).toContain(e.isDirectory() ? `${e.name}/` : e.name);
  });

  it('names no folder under src/ that is not there', () => {
    const block = layout.slice(layout.indexOf('```\nsrc/'), layout.indexOf('\nlabs/'));
    const named = [...block.matchAll(/^ {2}([a-z]+)\/\s/gm)].map((m) => m[1]!);
    const folders = new Set(
      entries('src')
        .filter((e) => e.isDirectory())
        .map((e) => e.name),
    );
    expect(named.length).toBeGreaterThan(5);
    for (const n of named) expect(folders.has(n), n).toBe(true);
  });
});
