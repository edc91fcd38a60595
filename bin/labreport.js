#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install` through the prepare script).
import { setFlagsFromString } from 'node:v8';

// Prefer a small heap to a fast-growing one: a 2 GB capture then stays well under 200 MB.
setFlagsFromString('--optimize-for-size');
const { run } = await import('../dist/cli/main.js');
process.exitCode = await run(process.argv.slice(2));
