import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OWN_FIXTURES, tempDir } from './helpers/files.js';

/*
 * labreport as a user gets it: the package packed with `npm pack`, installed from the
 * tarball into an empty folder (no browser downloaded: the system's prints the PDF), and
 * run from there, as a command and as a library. `npm test` has built dist/ just before.
 */

const root = join(import.meta.dirname, '..');
const LAB = join(OWN_FIXTURES, 'lab.pcapng');
/** Under this the packed package must stay (the bound). */
const MAX_TARBALL_BYTES = 400 * 1024;

interface Packed {
  filename: string;
  size: number;
  files: { path: string }[];
}

let packed: Packed;
let tarball: string;
let app: string;
let home: string;

function npm(args: string[], cwd: string) {
  // A home of its own: nothing may be downloaded into the user's browser cache.
  const env = {
    ...process.env,
    HOME: home,
    PUPPETEER_CACHE_DIR: join(home, '.cache', 'puppeteer'),
    npm_config_cache: join(process.env.HOME ?? '/root', '.npm'),
  };
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  home = tempDir();
  const dest = tempDir();
  // What `npm pack` packs, after its prepack step: the package's files with dist/ slimmed. Done on a copy,
  // as the other suites are using dist/ meanwhile (npm test has just built it).
  const stage = tempDir();
  for (const part of ['package.json', 'README.md', 'bin', 'dist', 'templates', 'labs']) cpSync(join(root, part), join(stage, part), { recursive: true });
  execFileSync(process.execPath, [join(root, 'scripts', 'slim-dist.mjs'), join(stage, 'dist')], { stdio: 'ignore' });
  packed = (JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dest], stage)) as Packed[])[0]!;
  tarball = join(dest, packed.filename);
  app = tempDir();
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'grader', private: true, type: 'module' }));
  npm(['install', tarball], app);
}, 240_000);

describe('the packed package', () => {
  it(`is under ${MAX_TARBALL_BYTES / 1024} KB`, () => {
    expect(statSync(tarball).size).toBeLessThan(MAX_TARBALL_BYTES);
  });

  it('holds the program, the compiled code with its types, the templates and the schema', () => {
    const files = packed.files.map((f) => f.path);
    for (const file of [
      'package.json',
      'README.md',
      'bin/labreport.js',
      'dist/cli/main.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/report-model.schema.json',
      'templates/report.md.hbs',
      'templates/style.css',
      'labs/http-smtp-pop3.yaml',
    ])
      expect(files).toContain(file);
  });

  it('holds the declarations of the library entry, and not the internals’', () => {
    const declarations = packed.files.map((f) => f.path).filter((f) => f.endsWith('.d.ts'));
    expect(declarations).toContain('dist/report/schema.d.ts');
    expect(declarations).toContain('dist/protocols/http/schema.d.ts');
    expect(declarations).not.toContain('dist/cli/main.d.ts');
    expect(declarations).not.toContain('dist/knowledge/http/en.d.ts');
  });

  it('holds no tests, fixtures, CI files, sources, source maps or fuzzing tools', () => {
    const files = packed.files.map((f) => f.path);
    expect(files.filter((f) => /^(test|fixtures|src|scripts|\.ci)\/|\.map$|^dist\/fuzz\/|\.test\.|vitest|tsconfig|\.puppeteerrc/.test(f))).toEqual([]);
    expect(files.every((f) => /^(bin|dist|templates|labs)\/|^(package\.json|README\.md|LICENSE)$/.test(f))).toBe(true);
  });
});

describe('installed from the tarball into an empty folder', () => {
  it('downloaded no browser and runs no install script', () => {
    expect(existsSync(join(app, 'node_modules', 'puppeteer'))).toBe(false);
    expect(existsSync(join(home, '.cache', 'puppeteer'))).toBe(false);
    const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'labreport', 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(Object.keys(installed.scripts ?? {}).filter((s) => /install|prepare/.test(s))).toEqual([]);
  });

  it('builds md, html and pdf of a capture with the installed command', () => {
    const out = join(app, 'reports');
    const r = spawnSync(join(app, 'node_modules', '.bin', 'labreport'), ['build', LAB, '-o', out], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['lab.files', 'lab.html', 'lab.md', 'lab.pdf']);
    expect(execFileSync('pdftotext', [join(out, 'lab.pdf'), '-'], { encoding: 'utf8' })).toContain('Task 1: Capture an HTTP request');
  });

  it('writes the same report as the unpacked build: slimming (minified code, the knowledge tables in one brotli file) changes no word', () => {
    for (const lang of ['en', 'zh']) {
      const [packedOut, here] = [tempDir(), tempDir()];
      spawnSync(join(app, 'node_modules', '.bin', 'labreport'), ['build', LAB, '-f', 'md', '-l', lang, '-o', packedOut], { cwd: app });
      spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), 'build', LAB, '-f', 'md', '-l', lang, '-o', here]);
      expect(readFileSync(join(packedOut, 'lab.md'), 'utf8')).toBe(readFileSync(join(here, 'lab.md'), 'utf8'));
    }
  });

  it('works as a library: build, validate, render, and the shipped JSON Schema', () => {
    const script = `
      import { build, validate, render, ModelError, reportModelJsonSchema } from 'labreport';
      import schema from 'labreport/report-model.schema.json' with { type: 'json' };
      const model = await build(${JSON.stringify(LAB)});
      const again = validate(JSON.parse(JSON.stringify(model)));
      let error = '';
      try { validate({ ...model, capture: { ...model.capture, packets: -1 } }); } catch (e) { error = e instanceof ModelError ? e.path : 'other'; }
      const { markdown, html, pdf } = await render(model, { formats: ['md', 'html'], config: { language: 'zh' } });
      console.log(JSON.stringify({
        exchanges: again.http.exchanges.length, error, md: markdown.includes('\\n# 实验报告：'), html: html.startsWith('<!DOCTYPE html>'), pdf: pdf === undefined,
        schemaId: schema.$id === model.$schema, same: JSON.stringify(reportModelJsonSchema()) === JSON.stringify(schema),
      }));`;
    writeFileSync(join(app, 'grade.mjs'), script);
    const r = spawnSync(process.execPath, ['grade.mjs'], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ exchanges: 15, error: 'capture.packets', md: true, html: true, pdf: true, schemaId: true, same: true });
  });

  it('its types check a TypeScript consumer', () => {
    writeFileSync(
      join(app, 'grade.ts'),
      `import { build, validate, type ReportModel, type BuildOptions } from 'labreport';
       const options: BuildOptions = { limits: { maxExchanges: 10 }, revealSecrets: false };
       const model: ReportModel = await build('x.pcapng', options);
       const methods: (string | undefined)[] = model.http.exchanges.map((e) => e.request?.method);
       const v: ReportModel = validate(JSON.parse('{}'));
       // @ts-expect-error: the model has no such field
       model.nonsense;
       export { methods, v };\n`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] },
        files: ['grade.ts'],
      }),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', app], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
