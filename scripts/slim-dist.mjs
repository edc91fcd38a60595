#!/usr/bin/env node
// Make a compiled dist/ fit to publish (npm pack runs this through `prepack`; the package test
// runs it on a copy): the JavaScript minified (whitespace, comments and local names: the knowledge
// tables' text is most of the package, the code's comments most of the rest), and only the type
// declarations the library entry (dist/index.d.ts) reaches, so `import … from 'labreport'` is
// typed while the internals' declarations (the knowledge tables' literal types) stay out.
//
// Usage: node scripts/slim-dist.mjs [DIST=dist]
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { transformSync } from 'esbuild';

const dist = resolve(process.argv[2] ?? 'dist');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

// The declarations reachable from the entry, following relative imports.
const keep = new Set();
for (const stack = [join(dist, 'index.d.ts')]; stack.length; ) {
  const file = stack.pop();
  if (keep.has(file) || !statSync(file, { throwIfNoEntry: false })) continue;
  keep.add(file);
  for (const m of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g))
    stack.push(join(dirname(file), m[1].replace(/\.js$/, '.d.ts')));
}

let before = 0;
let after = 0;
for (const file of files(dist)) {
  const size = statSync(file).size;
  before += size;
  if (file.endsWith('.map') || (file.endsWith('.d.ts') && !keep.has(file))) {
    rmSync(file);
    continue;
  }
  if (file.endsWith('.js')) {
    // ESM stays ESM, file by file: the package's layout (workers, templates, labs found by path) is unchanged.
    const { code } = transformSync(readFileSync(file, 'utf8'), { minify: true, format: 'esm', platform: 'node', target: 'node20', legalComments: 'inline' });
    writeFileSync(file, code);
    after += code.length;
  } else after += size;
}
console.error(`slim-dist: ${dist}: ${(before / 1024).toFixed(0)} KiB → ${(after / 1024).toFixed(0)} KiB (${keep.size} declaration files kept)`);
