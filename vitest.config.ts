import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// The fidelity and end-to-end suites read the public captures recorded by others, kept beside this
// checkout (as CI has them). Without them (a contributor's clone), the suites that read them are
// left out, with one line saying so, and the rest still test the project; CI must have them.
const publicFixtures = join(import.meta.dirname, '..', 'shared', 'fixtures', 'public');
const tests = join(import.meta.dirname, 'test');
let skipped: string[] = [];
if (!existsSync(publicFixtures)) {
  if (process.env.CI === 'true' || process.env.LABREPORT_REQUIRE_PUBLIC_FIXTURES === '1')
    throw new Error(`the tests need the public captures in ${publicFixtures} (a checkout of ../shared beside this one), and CI must run every suite`);
  skipped = readdirSync(tests)
    // DEFAULT_CORPUS: the fuzzing suite's corpus includes them, and its expectations are measured on it.
    .filter((f) => f.endsWith('.test.ts') && /PUBLIC_FIXTURES|DEFAULT_CORPUS|shared\/fixtures\/public/.test(readFileSync(join(tests, f), 'utf8')))
    .map((f) => `test/${f}`);
  if (skipped.length > 0)
    console.warn(`labreport tests: ${publicFixtures} is absent, so the ${skipped.length} suites that read it are skipped: ${skipped.join(', ')}`);
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...skipped],
    // End-to-end suites start the CLI and a browser; the rest run in milliseconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
