import { defineConfig } from '@playwright/test';

/**
 * `web`: whole counter flows in Debian's Chromium against the loopback web host, one
 * fresh data folder per test (e2e/fixtures/web-host.ts). Needs the built renderer
 * (`npx electron-vite build`). `electron`: the shell itself (e2e/electron.spec.ts).
 */
export default defineConfig({
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
  outputDir: 'e2e/artifacts/test-output',
  expect: { timeout: 10_000 },
  use: {
    screenshot: 'only-on-failure',
    locale: 'es-PE',
    timezoneId: 'America/Lima',
  },
  projects: [
    {
      name: 'web',
      testDir: 'e2e/web',
      use: {
        browserName: 'chromium',
        viewport: { width: 1366, height: 768 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'e2e',
      testMatch: 'electron.spec.ts',
    },
  ],
});
