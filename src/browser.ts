/**
 * The browser library (bundled to dist/fianet.browser.js by scripts/build.mjs, which fails
 * if anything here pulls in a Node module; `import ... from 'fianet-webgpu/browser'`,
 * declarations in dist/types/browser.d.ts). Exactly the API the README documents:
 *
 *   const model = await loadModel({ weights: 'weights/demo.safetensors', vocab: 'weights/vocab.txt' });
 *   const result = await model.segment({ image: await readImage(file), text: 'the ship on the left' });
 *   // result.mask: S x S (1 = referred object), result.tokens.words, result.timings
 */
export { FianetError, type FianetErrorCode } from './errors.js';
export { loadModel, type LoadModelOptions, type LoadProgress, type WeightsInput } from './browser/load-model.js';
export { readImage, type ImageInput } from './browser/read-image.js';
export { browserGpu, type AdapterDescription, type Gpu } from './runtime/device.js';
export type { EncodedText, ExpressionTokens, SegmentInput, SegmentResult, Segmenter } from './model/segmenter.js';
export type { FianetConfig } from './model/config.js';
export type { LoadPhase } from './runtime/executor.js';
export type { DecodedImage, RgbImage } from './io/image-types.js';
export type { DatasetName } from './text/categories.js';
export type { WeightDtype } from './runtime/graph.js';
export { encodeMaskPng } from './io/png-encode.js';
export { renderOverlay } from './io/overlay.js';
export { blobSource, bytesSource, type ByteSource } from './io/safetensors.js';
export { segmentScene, type SceneOptions, type SceneProgress, type SceneResult, type TileCache } from './scene/segment-scene.js';
export { openScene, type SceneRaster } from './scene/scene-raster.js';
export { memorySink, type MemorySink } from './scene/memory-sink.js';
export type { ByteSink } from './scene/geotiff-writer.js';
export type { FeatureCollection } from './scene/geojson.js';
export { parseScaleRange } from './scene/value-range.js';
export { bboxWindow, parseBbox, reprojectBbox, type PixelWindow } from './scene/window.js';
