import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The fidelity, fuzz and end-to-end suites read the public captures recorded by others, kept
// beside this checkout (as CI has them). Say so plainly rather than fail twenty tests obscurely.
const publicFixtures = join(import.meta.dirname, '..', 'shared', 'fixtures', 'public');
if (!existsSync(publicFixtures))
  throw new Error(`npm test needs the public captures in ${publicFixtures} (a checkout of ../shared beside this one, as CI has)`);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end suites start the CLI and a browser; the rest run in milliseconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
