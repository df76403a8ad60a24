/**
 * The demo page: an image, a referring expression and FIANet weights in, the mask over the
 * image out, with the parsed words, per-phase timings and the adapter. Everything runs in
 * the page through the browser library (src/browser.ts); nothing leaves the machine.
 * URL parameter `?dump=kernel1,kernel2` (or `*`) prints those kernels' WGSL to the console.
 */
import { encodeMaskPng, loadModel, readImage, type DecodedImage, type Gpu, type LoadProgress, type SceneRaster, type SegmentResult, type Segmenter } from '../src/browser.js';
import { maskLayer, rgbToImageData } from './mask-layer.js';
import { byId as $, errorText, openPageGpu, statusLine } from './page.js';
import { openGeoTiff, runScene, sceneProgressText, scenePreview } from './scene-mode.js';
import { renderWords } from './words.js';

const DEMO_WEIGHTS = '../weights/demo.safetensors';
const VOCAB = '../weights/vocab.txt';
const EXAMPLE = { image: '../examples/example1.png', text: 'a green tennis court on the far right' };

const ui = {
  adapter: $('adapter'),
  gpuError: $('gpu-error'),
  weightsDemo: $<HTMLInputElement>('weights-demo'),
  weightsUser: $<HTMLInputElement>('weights-user'),
  weightsFile: $<HTMLInputElement>('weights-file'),
  dataset: $<HTMLSelectElement>('dataset'),
  configFile: $<HTMLInputElement>('config-file'),
  loadProgress: $<HTMLProgressElement>('load-progress'),
  drop: $('drop'),
  imageFile: $<HTMLInputElement>('image-file'),
  example: $<HTMLButtonElement>('example'),
  text: $<HTMLInputElement>('text'),
  run: $<HTMLButtonElement>('run'),
  status: $('status'),
  imageCanvas: $<HTMLCanvasElement>('image-canvas'),
  maskCanvas: $<HTMLCanvasElement>('mask-canvas'),
  opacity: $<HTMLInputElement>('opacity'),
  saveMask: $<HTMLAnchorElement>('save-mask'),
  saveGeojson: $<HTMLAnchorElement>('save-geojson'),
  words: $('words'),
  timings: $<HTMLTableElement>('timings'),
  warnings: $('warnings'),
};

let gpu: Gpu | undefined;
let image: DecodedImage | undefined;
/** A georeferenced TIFF: run tile by tile over the whole scene instead of as one image. */
let scene: { raster: SceneRaster; label: string } | undefined;
/** The loaded model and the weights choice it was loaded for (reloaded when that changes). */
let model: { key: string; segmenter: Segmenter; loadMs: number } | undefined;
let weightsVersion = 0;

const setStatus = statusLine(ui.status);

async function readConfig(): Promise<unknown> {
  const file = ui.configFile.files?.[0];
  if (!file) return undefined;
  try {
    return JSON.parse(await file.text());
  } catch (e) {
    throw new Error(`config ${file.name} is not valid JSON: ${errorText(e)}`);
  }
}

/** The latest count of each load phase: weights upload while pipelines compile, so both show. */
let loading: Partial<Record<LoadProgress['phase'], LoadProgress>> = {};

function showProgress(p: LoadProgress): void {
  loading[p.phase] = p;
  ui.loadProgress.hidden = false;
  const mb = (n: number) => (n / 1e6).toFixed(1);
  if (p.phase === 'download') {
    ui.loadProgress.max = p.total ?? 0;
    if (p.total === undefined) ui.loadProgress.removeAttribute('value');
    else ui.loadProgress.value = p.done;
    return setStatus('busy', `Downloading weights: ${mb(p.done)}${p.total ? ` / ${mb(p.total)}` : ''} MB`);
  }
  const { weights, pipelines } = loading;
  ui.loadProgress.max = (weights?.total ?? 0) + (pipelines?.total ?? 0);
  ui.loadProgress.value = (weights?.done ?? 0) + (pipelines?.done ?? 0);
  const count = (q: LoadProgress | undefined) => (q ? `${q.done} / ${q.total}` : '...');
  setStatus('busy', `Loading the model: weights ${count(weights)} uploaded, kernels ${count(pipelines)} compiled`);
}

async function ensureModel(device: Gpu): Promise<{ segmenter: Segmenter; loadMs: number }> {
  const file = ui.weightsFile.files?.[0];
  const useFile = !ui.weightsDemo.checked;
  if (useFile && !file) throw new Error('choose a weights file (.safetensors or .pth), or select the demo model');
  const key = `${weightsVersion}`;
  if (model?.key === key) return model;
  await model?.segmenter.destroy();
  model = undefined;
  const t0 = performance.now();
  loading = {};
  const dump = new URLSearchParams(location.search).get('dump');
  const config = await readConfig();
  const segmenter = await loadModel({
    // A File goes to the library as a Blob: read tensor by tensor, never copied whole.
    weights: useFile ? file! : DEMO_WEIGHTS,
    vocab: VOCAB,
    gpu: device,
    dataset: ui.dataset.value as 'rrsisd' | 'refsegrs',
    ...(config !== undefined ? { config } : {}),
    ...(dump ? { dumpWgsl: dump.split(','), log: (line: string) => console.log(line) } : {}),
    onProgress: showProgress,
  });
  ui.loadProgress.hidden = true;
  model = { key, segmenter, loadMs: performance.now() - t0 };
  return model;
}

async function setImage(input: Blob, label: string): Promise<void> {
  let preview: DecodedImage | undefined;
  try {
    const raster = await openGeoTiff(input, label);
    scene = raster && { raster, label };
    image = raster ? undefined : await readImage(input, label);
    preview = raster ? { ...((await scenePreview(raster)) ?? { width: 0, height: 0, rgb: new Uint8Array(0) }), warnings: [] } : image;
  } catch (e) {
    image = scene = undefined;
    setStatus('error', errorText(e));
    return;
  }
  const { width, height } = preview!;
  for (const c of [ui.imageCanvas, ui.maskCanvas]) Object.assign(c, { width, height });
  if (width) ui.imageCanvas.getContext('2d')!.putImageData(rgbToImageData(preview!), 0, 0);
  ui.maskCanvas.getContext('2d')!.clearRect(0, 0, width, height);
  ui.drop.classList.add('has-image');
  ui.saveMask.hidden = ui.saveGeojson.hidden = true;
  showList(ui.warnings, preview!.warnings);
  const r = scene?.raster;
  setStatus('idle', r ? `Scene: ${label} (${r.width} x ${r.height}, EPSG:${r.georef?.epsg ?? '?'}), segmented tile by tile` : `Image: ${label} (${width} x ${height})`);
}

function offerDownload(link: HTMLAnchorElement, blob: Blob, name: string): void {
  URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.hidden = false;
}

async function runWholeScene(s: { raster: SceneRaster; label: string }, text: string, device: Gpu): Promise<void> {
  const { segmenter } = await ensureModel(device);
  setStatus('busy', 'Segmenting the scene...');
  const t0 = performance.now();
  const out = await runScene(s.raster, segmenter, text, (p) => setStatus('busy', sceneProgressText(p)));
  const { width, height } = s.raster;
  if (ui.maskCanvas.width === width) ui.maskCanvas.getContext('2d')!.putImageData(maskLayer(out.mask, width, height, width, height), 0, 0);
  const stem = s.label.replace(/\.[^.]*$/, '');
  offerDownload(ui.saveMask, out.maskTiff, `${stem}-mask.tif`);
  offerDownload(ui.saveGeojson, out.geojson, `${stem}.geojson`);
  setStatus('done', `Done in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${out.polygons} polygons.`);
}

function showList(target: HTMLElement, lines: string[]): void {
  target.replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
}

function showTimings(loadMs: number | undefined, timings: Record<string, number>): void {
  const rows = Object.entries({ ...(loadMs !== undefined ? { 'load model': loadMs } : {}), ...timings });
  ui.timings.replaceChildren(
    ...rows.map(([phase, ms]) => {
      const tr = document.createElement('tr');
      tr.append(Object.assign(document.createElement('th'), { textContent: phase }), Object.assign(document.createElement('td'), { textContent: `${ms.toFixed(0)} ms` }));
      return tr;
    }),
  );
}

function showResult(img: DecodedImage, result: SegmentResult, loadMs: number | undefined): void {
  ui.maskCanvas.getContext('2d')!.putImageData(maskLayer(result.mask, result.size, result.size, img.width, img.height), 0, 0);
  offerDownload(ui.saveMask, new Blob([encodeMaskPng(result.mask, result.size, result.size) as Uint8Array<ArrayBuffer>], { type: 'image/png' }), 'mask.png');
  renderWords(ui.words, result.tokens);
  showTimings(loadMs, result.timings);
  showList(ui.warnings, [...img.warnings, ...result.warnings]);
}

async function run(): Promise<void> {
  if (!gpu || ui.run.disabled) return;
  const text = ui.text.value.trim();
  if (!image && !scene) return setStatus('error', 'Choose or drop an image first.');
  if (!text) return setStatus('error', 'Type a referring expression first, e.g. "the white car on the left of the road".');
  ui.run.disabled = true;
  try {
    if (scene) return await runWholeScene(scene, text, gpu);
    if (!image) return;
    const before = model?.key;
    const { segmenter, loadMs } = await ensureModel(gpu);
    setStatus('busy', 'Segmenting...');
    const result = await segmenter.segment({ image, text });
    showResult(image, result, before === model?.key ? undefined : loadMs);
    const share = result.mask.reduce((s, v) => s + v, 0) / result.mask.length;
    setStatus('done', `Done in ${result.timings.total!.toFixed(0)} ms: ${(100 * share).toFixed(1)}% of the image is the referred object.`);
  } catch (e) {
    ui.loadProgress.hidden = true;
    setStatus('error', errorText(e));
    console.error(e);
  } finally {
    ui.run.disabled = false;
  }
}

function wire(): void {
  ui.imageFile.addEventListener('change', () => {
    const file = ui.imageFile.files?.[0];
    if (file) void setImage(file, file.name);
  });
  ui.drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    ui.drop.classList.add('dragging');
  });
  ui.drop.addEventListener('dragleave', () => ui.drop.classList.remove('dragging'));
  ui.drop.addEventListener('drop', (e) => {
    e.preventDefault();
    ui.drop.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (file) void setImage(file, file.name);
  });
  ui.example.addEventListener('click', async () => {
    const response = await fetch(EXAMPLE.image);
    if (!response.ok) return setStatus('error', `cannot fetch ${EXAMPLE.image}: HTTP ${response.status}`);
    ui.text.value = EXAMPLE.text;
    await setImage(await response.blob(), 'example1.png');
  });
  // Any change to the weights choice means the next run loads them anew.
  for (const el of [ui.weightsDemo, ui.weightsUser, ui.weightsFile, ui.dataset, ui.configFile]) {
    el.addEventListener('change', () => {
      weightsVersion++;
      if (el === ui.weightsFile) ui.weightsUser.checked = true;
    });
  }
  ui.opacity.addEventListener('input', () => (ui.maskCanvas.style.opacity = String(Number(ui.opacity.value) / 100)));
  ui.text.addEventListener('keydown', (e) => e.key === 'Enter' && void run());
  ui.run.addEventListener('click', () => void run());
}

wire();
ui.maskCanvas.style.opacity = String(Number(ui.opacity.value) / 100);
gpu = await openPageGpu(ui);
ui.run.disabled = !gpu;
