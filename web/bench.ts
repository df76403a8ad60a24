/**
 * The bench page (web/bench.html): the same suites as `fianet bench` (src/bench) on
 * navigator.gpu, with the same tables, one progress line, the roofline picture and the
 * report to download (schema: bench/SCHEMA.md; `fianet bench --compare` reads it). URL
 * parameters preset the form: ?suites=matmul,window&runs=2&cases=...&variants=...&autorun=1.
 */
import { version } from '../package.json';
import type { Gpu } from '../src/browser.js';
import { rooflineSvg } from '../src/bench/roofline.js';
import type { BenchReport, BenchSuiteResult } from '../src/bench/schema.js';
import { timestampTimer } from '../src/bench/harness.js';
import { DEFAULT_SUITES, runBench, SUITES } from '../src/bench/suites.js';
import { reportHeader, rowCells, TABLE_HEADER } from '../src/bench/tables.js';
import { byId as $, errorText, openPageGpu, statusLine } from './page.js';

const ui = {
  adapter: $('adapter'),
  gpuError: $('gpu-error'),
  suites: $('suites'),
  runs: $<HTMLInputElement>('runs'),
  cases: $<HTMLInputElement>('cases'),
  variants: $<HTMLInputElement>('variants'),
  run: $<HTMLButtonElement>('run'),
  download: $<HTMLAnchorElement>('download'),
  status: $('status'),
  tables: $('tables'),
  roofline: $('roofline'),
};

const params = new URLSearchParams(location.search);
const list = (v: string | null | undefined) => v?.split(',').map((x) => x.trim()).filter(Boolean);
const chosen = new Set(list(params.get('suites')) ?? DEFAULT_SUITES);
for (const name of Object.keys(SUITES)) {
  const label = document.createElement('label');
  label.innerHTML = `<input type="checkbox" value="${name}" ${chosen.has(name) ? 'checked' : ''}/> ${name}`;
  ui.suites.append(label);
}
ui.runs.value = params.get('runs') ?? ui.runs.value;
ui.cases.value = params.get('cases') ?? '';
ui.variants.value = params.get('variants') ?? '';

const setStatus = statusLine(ui.status);

function element(tag: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

function showSuite(s: BenchSuiteResult, report: BenchReport): void {
  if (s.suite === 'peaks') {
    for (const line of reportHeader(report).slice(2).filter(Boolean)) ui.tables.append(element('p', line));
  }
  const table = element('table');
  table.dataset.suite = s.suite;
  const head = table.appendChild(element('tr'));
  for (const h of TABLE_HEADER) head.append(element('th', h));
  for (const row of s.rows) {
    const tr = table.appendChild(element('tr'));
    for (const c of rowCells(row)) tr.append(element('td', c));
  }
  ui.tables.append(element('h3', s.title), table, ...s.notes.map((n) => element('p', n)));
}

async function run(gpu: Gpu): Promise<void> {
  ui.run.disabled = true;
  ui.download.hidden = true;
  ui.tables.replaceChildren();
  ui.roofline.replaceChildren();
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  try {
    const suites = Array.from(ui.suites.querySelectorAll<HTMLInputElement>('input:checked'), (i) => i.value);
    const runs = Number(ui.runs.value);
    if (!Number.isInteger(runs) || runs < 1 || runs > 1000) throw new Error(`runs must be a whole number from 1 to 1000, got '${ui.runs.value}'`);
    // Timestamp queries where the browser offers them (Chrome may quantize them unless started with --enable-webgpu-developer-features; see src/runtime/gpu-profile.ts).
    const host = { gpu, runs, log: (line: string) => setStatus('busy', `${elapsed()}: ${line}`), gpuTimer: timestampTimer(gpu) };
    const meta = {
      versions: { engine: version, browser: navigator.userAgent },
      machine: { cpus: navigator.hardwareConcurrency ?? null, platform: navigator.platform, loadBefore: null, loadAfter: null },
    };
    setStatus('busy', 'measuring the ceilings');
    const report = await runBench(host, { suites, cases: list(ui.cases.value), variants: list(ui.variants.value) }, meta, showSuite);
    ui.roofline.innerHTML = rooflineSvg(report, `Roofline: fianet bench on ${gpu.adapter.description || gpu.adapter.kind}`);
    URL.revokeObjectURL(ui.download.href);
    ui.download.href = URL.createObjectURL(new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' }));
    ui.download.hidden = false;
    setStatus('done', `done in ${elapsed()}: ${report.suites.reduce((n, s) => n + s.rows.length, 0)} rows`);
  } catch (e) {
    setStatus('error', `failed: ${errorText(e)}`);
  } finally {
    ui.run.disabled = false;
  }
}

const gpu = await openPageGpu(ui);
if (gpu) {
  ui.run.disabled = false;
  ui.run.addEventListener('click', () => void run(gpu));
  if (params.get('autorun') === '1') void run(gpu);
}
