import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, render } from '../src/index.js';
import { templateHelpers } from '../src/render/helpers.js';
import { loadTemplates } from '../src/render/markdown.js';
import { OWN_FIXTURES } from './helpers/files.js';

/*
 * The default templates are compiled at build time (scripts/precompile-templates.mjs, part of
 * `npm run build`, which `npm test` runs first) into dist/render/templates.precompiled.js.
 * The compiled package renders with them; the sources (these tests) compile the templates
 * from their files. Both must write the same report.
 */

const root = join(import.meta.dirname, '..');
const dist = (p: string) => join(root, 'dist', p);

describe('precompiled templates', () => {
  it('cover every default template, as its file is now', async () => {
    const { default: pre } = (await import(dist('render/templates.precompiled.js'))) as { default: { templates: Record<string, { sha256: string }> } };
    const files = [
      'report.md.hbs',
      'summary.md.hbs',
      ...readdirSync(join(root, 'templates', 'partials'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md.hbs'))
        .map((f) => `partials/${f.split('\\').join('/')}`),
    ];
    expect(Object.keys(pre.templates).sort()).toEqual(files.sort());
    for (const f of files)
      expect(pre.templates[f]!.sha256, f).toBe(
        createHash('sha256')
          .update(readFileSync(join(root, 'templates', f), 'utf8'))
          .digest('hex'),
      );
  });

  it('render the same report as the templates compiled from their files', async () => {
    const built = (await import(dist('index.js'))) as { render: typeof render };
    for (const capture of ['lab.pcapng', 'lab-session.pcapng']) {
      const model = await build(join(OWN_FIXTURES, capture));
      for (const language of ['en', 'zh'] as const) {
        const mine = await render(model, { formats: ['md', 'html'], config: { language } });
        const theirs = await built.render(model, { formats: ['md', 'html'], config: { language } });
        expect(theirs.markdown, `${capture} ${language}`).toBe(mine.markdown);
        expect(theirs.html, `${capture} ${language}`).toBe(mine.html);
      }
    }
  });
});

describe('templates compiled once', () => {
  it('are reused while their files stay as they are, and compiled again when one changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'labreport-templates-'));
    const main = join(dir, 'report.md.hbs');
    writeFileSync(main, 'one {{x}}\n');
    const helpers = templateHelpers('en');
    const first = loadTemplates(dir, helpers);
    expect(loadTemplates(dir, helpers)).toBe(first);
    expect(first.render({ x: '*a*' })).toBe('one \\*a\\*\n');
    writeFileSync(main, 'two, longer {{x}}\n');
    const second = loadTemplates(dir, helpers);
    expect(second).not.toBe(first);
    expect(second.render({ x: '*a*' })).toBe('two, longer \\*a\\*\n');
  });
});
