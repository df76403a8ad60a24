/**
 * What the demo and bench pages share at start-up: element lookup, the status line (#status,
 * its data-state for styles and tests) and opening WebGPU, with the adapter named in #adapter
 * or, in #gpu-error, why there is none and what to do.
 */
import { browserGpu, type Gpu } from '../src/browser.js';

/** The page's element #id; a page whose HTML lacks it fails at once, naming it. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`${location.pathname}: #${id} is missing from the page`);
  return el as T;
}

export type PageState = 'idle' | 'busy' | 'done' | 'error';

/** Sets the status line's text and state. */
export function statusLine(status: HTMLElement): (state: PageState, text: string) => void {
  return (state, text) => {
    status.dataset.state = state;
    status.textContent = text;
  };
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** WebGPU for the page, or undefined (the page says why). */
export async function openPageGpu(ui: { adapter: HTMLElement; gpuError: HTMLElement }): Promise<Gpu | undefined> {
  try {
    const gpu = await browserGpu();
    const a = gpu.adapter;
    const name = [a.vendor, a.architecture, a.device, a.description].filter(Boolean).join(' ');
    ui.adapter.textContent = `WebGPU adapter: ${name || 'unnamed'} (${a.featureLevel})`;
    return gpu;
  } catch (e) {
    ui.adapter.textContent = 'WebGPU adapter: none';
    ui.gpuError.hidden = false;
    ui.gpuError.textContent =
      `WebGPU is not available here: ${errorText(e)}. ` +
      'Use a browser with WebGPU enabled (Chrome or Edge 113+, Safari 26+, Firefox 141+ on Windows), ' +
      'or start Chromium with --enable-unsafe-webgpu.';
    return undefined;
  }
}
