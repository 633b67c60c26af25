import { defineConfig } from 'vitest/config';

/**
 * Unit and property tests run in Node; a test that needs a DOM says so with
 * `// @vitest-environment happy-dom`. Browser end-to-end tests (test/e2e) need the built
 * extension and Debian's Chromium and run one file at a time.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/outlook/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // A real Roundcube + Dovecot on loopback with Chromium and Firefox ESR (test/webmail):
        // one file at a time, after the other projects (they share the machine-wide policy dirs).
        test: {
          name: 'webmail',
          include: ['test/webmail/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
