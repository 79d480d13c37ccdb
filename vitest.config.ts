import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// Flags that let Debian's Chromium run as root on a closed network (TOOLCHAIN.md).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The engines the e2e scenarios run in; `INKLING_ENGINES=firefox,webkit npm test` picks some. */
const ENGINES = (process.env.INKLING_ENGINES ?? 'chromium,firefox,webkit').split(',') as ('chromium' | 'firefox' | 'webkit')[];

export default defineConfig({
  test: {
    // Three e2e files at once: they mostly wait on browsers, and three engines triple their number.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        test: {
          name: 'cli',
          include: ['test/cli/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        test: {
          // Checks of the built files and the example server: no browser.
          name: 'dist',
          include: ['test/dist/**/*.test.ts'],
          environment: 'node',
        },
      },
      // Every e2e scenario, once per engine: one scenario file, a thin driver per engine (test/e2e/drivers/).
      ...ENGINES.map((engine) => ({
        test: {
          name: `e2e-${engine}`,
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          provide: { engine },
          // WebKitGTK's MiniBrowser needs an X display: the run starts its own Xvfb and stops it after.
          globalSetup: engine === 'webkit' ? ['test/e2e/support/globalSetup.ts'] : [],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A decision follows a burst of clicks within about 3 s (the 2 s flush interval, then idle time).
          expect: { poll: { timeout: 6000 } },
        },
      })),
    ],
  },
});
