/**
 * The Node library (bundled to dist/node.js; `import ... from 'fianet-webgpu'`, declarations
 * in dist/types/node.d.ts). Exactly the API the README documents, nothing internal:
 *
 *   const model = await loadSegmenter({ weights: 'weights/demo.safetensors' });
 *   const result = await model.segment({ image: await readImageFile('scene.png'), text: 'the ship on the left' });
 *   // result.mask: S x S (1 = referred object), result.timings, model.adapter; await model.destroy()
 *
 *   const raster = await openScene(await fileSource('scene.tif'));
 *   await segmentScene({ raster, segmenter: model, text: 'the storage tank', mask: await fileSink('mask.tif'), onProgress });
 */
export { FianetError, type FianetErrorCode } from './errors.js';
export { loadSegmenter, type LoadSegmenterOptions } from './node/load-segmenter.js';
export { readImageFile } from './node/image-file.js';
export { ADAPTER_KINDS, type AdapterKind } from './node/gpu-node.js';
export type { EncodedText, ExpressionTokens, SegmentInput, SegmentResult, Segmenter } from './model/segmenter.js';
export type { FianetConfig } from './model/config.js';
export type { AdapterDescription } from './runtime/device.js';
export type { LoadPhase } from './runtime/executor.js';
export type { DecodedImage, RgbImage } from './io/image-types.js';
export type { DatasetName } from './text/categories.js';
export type { WeightDtype } from './runtime/graph.js';
export { encodeMaskPng } from './io/png-encode.js';
export { encodeOverlayPng } from './io/overlay.js';
export { segmentScene, type SceneOptions, type SceneProgress, type SceneResult, type TileCache } from './scene/segment-scene.js';
export { openScene, type SceneRaster } from './scene/scene-raster.js';
export { memorySink, type MemorySink } from './scene/memory-sink.js';
export type { ByteSink } from './scene/geotiff-writer.js';
export type { FeatureCollection } from './scene/geojson.js';
export { parseScaleRange } from './scene/value-range.js';
export { bboxWindow, parseBbox, reprojectBbox, type PixelWindow } from './scene/window.js';
export { fileSource } from './node/safetensors-file.js';
export { fileSink } from './node/file-sink.js';
export { tileCacheDir, sceneCacheManifest } from './node/tile-cache-dir.js';
