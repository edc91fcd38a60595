#!/usr/bin/env node
// Part of `npm run build`, after tsc: the default templates (templates/) compiled once, into
// dist/render/templates.precompiled.js, so a report does not compile them each time it is
// rendered (src/render/markdown.ts uses each while its file is unchanged).
//
// Usage: node scripts/precompile-templates.mjs [DIST=dist]
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.argv[2] ?? 'dist');
const { precompiledTemplatesModule } = await import(pathToFileURL(join(dist, 'render', 'markdown.js')).href);
const { templateHelpers } = await import(pathToFileURL(join(dist, 'render', 'helpers.js')).href);
writeFileSync(join(dist, 'render', 'templates.precompiled.js'), precompiledTemplatesModule(templateHelpers('en')));
