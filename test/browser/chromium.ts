/**
 * Debian's Chromium driven by playwright-core, with WebGPU on SwiftShader (DESIGN section 8):
 * the same CPU adapter on every machine, GPU or not, and never a downloaded browser.
 * Also starts our static server (scripts/serve.mjs) with the test mounts.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEFAULT_MOUNTS, startServer } from '../../scripts/serve.mjs';
import { FIXTURES, SCENES } from '../helpers/test-data.js';

export const CHROMIUM = process.env.FIANET_CHROMIUM ?? '/usr/bin/chromium';

/**
 * `--enable-unsafe-webgpu` exposes navigator.gpu on Linux; `--use-webgpu-adapter=swiftshader`
 * picks SwiftShader even where a GPU exists (with no GPU Chromium falls back to it anyway);
 * Vulkan + ANGLE on SwiftShader keep the rest of the GPU process off real drivers. The others
 * keep a headless run quiet and offline: no sandbox (root in CI), no background fetches.
 * playwright-core gives each launch a fresh temporary profile (--user-data-dir) itself.
 */
export const CHROMIUM_ARGS = [
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-features=Vulkan',
  '--use-angle=swiftshader',
  '--no-sandbox',
  '--disable-gpu-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (bash scripts/setup.sh) or set FIANET_CHROMIUM; the browser tests never download a browser`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** The demo's mounts plus the fixtures, the test scenes and the test pages. */
export function startTestServer(): ReturnType<typeof startServer> {
  return startServer({
    port: 0,
    mounts: {
      ...DEFAULT_MOUNTS,
      '/fixtures/': fileURLToPath(FIXTURES),
      '/scenes/': fileURLToPath(SCENES),
      '/test-pages/': fileURLToPath(new URL('pages/', import.meta.url)),
    },
  });
}

/** Page errors and console errors, printed as they come and kept for the test to check. */
export function watchPage(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('crash', () => errors.push('the page crashed'));
  return errors;
}

export const OUTPUT_DIR = fileURLToPath(new URL('../../test-output/browser/', import.meta.url));

/** Our server and a Chromium for the tests of one file: started before them, closed after. */
export function chromiumSession(): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return server!.url;
    },
  };
}
