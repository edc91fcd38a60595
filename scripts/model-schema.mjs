#!/usr/bin/env node
// Write dist/report-model.schema.json: the ReportModel's JSON Schema, generated from its zod schema
// (dist/json-schema.js), with each field's description taken from the comment above it in the
// schema's source (src/**/schema.ts), so a grader reading the schema reads what the code's reader does.
//
// The comments are read here, at build time, rather than written again as `.describe()` beside each
// field: the source keeps one text per field, and the package does not carry it twice. TypeScript's
// compiler API is not used (the project builds with TypeScript 7's native compiler, which has none);
// the schema files are plain object literals, which the small scanner below reads.
//
// Usage: node scripts/model-schema.mjs [OUT=dist/report-model.schema.json]
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'dist', 'report-model.schema.json'));

function schemaFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? schemaFiles(join(dir, e.name)) : e.name === 'schema.ts' ? [join(dir, e.name)] : [],
  );
}

/** A JSDoc comment's text on one line. */
const docText = (raw) =>
  raw
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, '').trim())
    .filter(Boolean)
    .join(' ');

/**
 * The object literals passed to z.object(…) (or .extend(…)) in a source file, each as a map from
 * its property names to the JSDoc comment before them ('' when none).
 */
export function objectsOf(src) {
  const objects = [];
  const stack = []; // one entry per open brace: { fields: Map } for a schema object, null otherwise
  let doc = '';
  let expectKey = false;
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (src.startsWith('//', i)) {
      i = src.indexOf('\n', i) === -1 ? src.length : src.indexOf('\n', i);
      continue;
    }
    if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2) + 2;
      if (src.startsWith('/**', i)) doc = docText(src.slice(i, end));
      i = end;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      const text = src.slice(i + 1, j);
      i = j + 1;
      const top = stack.at(-1);
      if (expectKey && top && /^\s*:/.test(src.slice(i, i + 20))) top.fields.set(text, doc);
      expectKey = false;
      doc = '';
      continue;
    }
    if (c === '{') {
      const before = src.slice(Math.max(0, i - 40), i);
      const fields = /(?:z\.(?:strict|loose)?[oO]bject|\.extend)\(\s*$/.test(before) ? new Map() : null;
      stack.push(fields ? { fields } : null);
      if (fields) objects.push(fields);
      expectKey = fields !== null;
      doc = '';
      i++;
      continue;
    }
    if (c === '}') {
      stack.pop();
      expectKey = false;
      i++;
      continue;
    }
    if (c === '(' || c === '[') {
      stack.push(null);
      expectKey = false;
      i++;
      continue;
    }
    if (c === ')' || c === ']') {
      stack.pop();
      i++;
      continue;
    }
    if (c === ',') {
      expectKey = stack.at(-1) != null;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(src.slice(i, i + 200));
    if (word) {
      const top = stack.at(-1);
      if (expectKey && top && /^\s*:/.test(src.slice(i + word[0].length, i + word[0].length + 20))) top.fields.set(word[0], doc);
      expectKey = false;
      doc = '';
      i += word[0].length;
      continue;
    }
    expectKey = false;
    i++;
  }
  return objects;
}

/** Give each property of each object schema the comment of the source object that shares the most property names with it. */
export function describe(schema, objects) {
  let described = 0;
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    if (node.type === 'object' && node.properties && typeof node.properties === 'object') {
      const names = Object.keys(node.properties);
      let best = null;
      let overlap = 0;
      for (const fields of objects) {
        const shared = names.filter((n) => fields.has(n)).length;
        if (shared > overlap || (shared === overlap && best && shared > 0 && fields.size < best.size)) [best, overlap] = [fields, shared];
      }
      if (best && overlap >= Math.min(2, names.length))
        for (const n of names) {
          const text = best.get(n);
          const prop = node.properties[n];
          if (text && prop && typeof prop === 'object' && prop.description === undefined) {
            node.properties[n] = { description: text, ...prop };
            described++;
          }
        }
    }
    for (const v of Object.values(node)) visit(v);
  };
  visit(schema);
  return described;
}

if (process.argv[1] && basename(process.argv[1]) === 'model-schema.mjs') {
  const { reportModelJsonSchema } = await import(pathToFileURL(join(root, 'dist', 'json-schema.js')).href);
  const { writeFileAtomic } = await import(pathToFileURL(join(root, 'dist', 'output.js')).href);
  const objects = schemaFiles(join(root, 'src')).flatMap((f) => objectsOf(readFileSync(f, 'utf8')));
  const schema = reportModelJsonSchema({ bare: true });
  const described = describe(schema, objects);
  writeFileAtomic(dirname(out), basename(out), `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`${out}: ${described} fields described\n`);
}
