#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm run build`, which `npm install` in a clone and `npm pack` run).
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (e) {
  // A clone where `npm install` (which compiles) has not run, rather than a stack trace.
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !/Cannot find module '[^']*dist[\\/]cli[\\/]main\.js'/.test(String(e.message))) throw e;
  process.stderr.write('labreport: not built: run `npm install` (or `npm run build`) in the labreport folder first\n');
  process.exit(1);
}
await cli.main(process.argv.slice(2));
