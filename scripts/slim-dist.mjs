#!/usr/bin/env node
// Make a compiled dist/ fit to publish (npm pack runs this through `prepack`; the package test
// runs it on a copy): the JavaScript minified (whitespace, comments and local names: the knowledge
// tables' text is most of the package, the code's comments most of the rest), and only the type
// declarations the library entry (dist/index.d.ts) reaches, so `import … from 'labreport'` is
// typed while the internals' declarations (the knowledge tables' literal types) stay out.
//
// The knowledge tables (the report's words in every language, and the facts they explain: most of
// the package's bytes) go into one brotli-compressed JSON file, which compresses a third better
// than the tarball's gzip does file by file; each table module becomes a one-line module that
// takes its exports from it (dist/knowledge/tables.js), so the code that imports them is unchanged.
// Only modules whose every export survives JSON unchanged are moved; the others stay as they are.
//
// Usage: node scripts/slim-dist.mjs [DIST=dist]
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';
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

const knowledge = join(dist, 'knowledge');
const tables = {};
for (const file of files(knowledge).filter((f) => f.endsWith('.js'))) {
  // A module that imports a package (the warnings' message formatter) is code, not a table: it stays.
  const exports = await import(pathToFileURL(file).href).catch(() => null);
  if (exports === null) continue;
  const names = Object.keys(exports);
  const plain = names.length > 0 && !names.includes('default') && names.every((n) => isDeepStrictEqual(JSON.parse(JSON.stringify(exports[n]) ?? 'null'), exports[n]));
  if (!plain) continue;
  const id = relative(knowledge, file).split(sep).join('/');
  tables[id] = Object.fromEntries(names.map((n) => [n, exports[n]]));
  const loader = relative(dirname(file), join(knowledge, 'tables.js')).split(sep).join('/');
  writeFileSync(file, `import{table}from${JSON.stringify(loader.startsWith('.') ? loader : `./${loader}`)};const t=table(${JSON.stringify(id)});export const ${names.map((n) => `${n}=t.${n}`).join(',')};\n`);
}
const json = JSON.stringify(tables);
writeFileSync(
  join(knowledge, 'tables.json.br'),
  brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } }),
);
writeFileSync(
  join(knowledge, 'tables.js'),
  `import{readFileSync}from"node:fs";import{brotliDecompressSync}from"node:zlib";let all;export function table(id){all??=JSON.parse(brotliDecompressSync(readFileSync(new URL("./tables.json.br",import.meta.url))).toString("utf8"));return all[id]}\n`,
);

// The precompiled templates (a third of a megabyte of generated code, no imports): brotli-compressed
// beside a loader that imports their source as a data: URL module, which compresses a third better.
const precompiled = join(dist, 'render', 'templates.precompiled.js');
if (statSync(precompiled, { throwIfNoEntry: false })) {
  const source = transformSync(readFileSync(precompiled, 'utf8'), { minify: true, format: 'esm', platform: 'node', target: 'node20' }).code;
  writeFileSync(`${precompiled}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 } }));
  writeFileSync(
    precompiled,
    `import{readFileSync}from"node:fs";import{brotliDecompressSync}from"node:zlib";const s=brotliDecompressSync(readFileSync(new URL("./templates.precompiled.js.br",import.meta.url)));export default(await import("data:text/javascript;base64,"+s.toString("base64"))).default;\n`,
  );
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
  if (file.endsWith('.json')) {
    // The JSON Schema, without its indentation.
    const text = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
    writeFileSync(file, text);
    after += text.length;
  } else if (file.endsWith('.js')) {
    // ESM stays ESM, file by file: the package's layout (workers, templates, labs found by path) is unchanged.
    const { code } = transformSync(readFileSync(file, 'utf8'), { minify: true, format: 'esm', platform: 'node', target: 'node20', legalComments: 'inline' });
    writeFileSync(file, code);
    after += code.length;
  } else if (file.endsWith('.d.ts') && file !== join(dist, 'index.d.ts')) {
    // The internals' declarations without their comments and indentation: the entry (index.d.ts) keeps
    // its documentation for an editor's hover; the model's fields are described in the JSON Schema.
    const text = readFileSync(file, 'utf8')
      .replace(/\/\*\*[\s\S]*?\*\/\n?/g, '')
      .replace(/^[ \t]+/gm, '');
    writeFileSync(file, text);
    after += text.length;
  } else after += size;
}
console.error(
  `slim-dist: ${dist}: ${(before / 1024).toFixed(0)} KiB → ${(after / 1024).toFixed(0)} KiB (${keep.size} declaration files kept, ${Object.keys(tables).length} knowledge tables in tables.json.br)`,
);
