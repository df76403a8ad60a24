/**
 * The Node library (bundled to dist/node.js; `import ... from 'fianet-webgpu'`):
 *
 *   const model = await loadSegmenter({ weights: 'weights/demo.safetensors' });
 *   const result = await model.segment({ image: await readImageFile('scene.png'), text: 'the ship on the left' });
 *   // result.mask: S x S (1 = referred object), result.timings, model.adapter; model.destroy()
 *
 *   const raster = await openScene(await fileSource('scene.tif'));
 *   await segmentScene({ raster, segmenter: model, text: 'the storage tank', mask: await fileSink('mask.tif'), onProgress });
 */
export { FianetError, type FianetErrorCode } from './errors.js';
export { loadSegmenter, type LoadSegmenterOptions } from './node/load-segmenter.js';
export { readImageFile } from './node/image-file.js';
export { writeFileAtomic } from './node/atomic-write.js';
export { fileSource, writeSafetensorsFile } from './node/safetensors-file.js';
export { nodeGpu, parseAdapterKind, ADAPTER_KINDS, type AdapterKind } from './node/gpu-node.js';
export { createSegmenter, type SegmenterOptions } from './model/create-segmenter.js';
export { openWeights, type OpenedWeights, type OpenWeightsOptions } from './model/open-weights.js';
export { parseConfig, publishedConfig, type FianetConfig } from './model/config.js';
export type { ExpressionTokens, SegmentInput, SegmentResult, Segmenter } from './model/segmenter.js';
export type { AdapterDescription, Gpu } from './runtime/device.js';
export { openSafetensors, bytesSource, encodeSafetensors, type ByteSource } from './io/safetensors.js';
export { openPth, readPth } from './io/pth.js';
export { decodeImage } from './io/image-decode.js';
export type { DecodedImage, RgbImage } from './io/image-types.js';
export { resizeBilinear } from './io/resize-bilinear.js';
export { resizeMaskNearest } from './io/mask-resize.js';
export { encodeMaskPng, encodeRgbPng } from './io/png-encode.js';
export { encodeOverlayPng, renderOverlay } from './io/overlay.js';
export { encodeExpression, parseVocab, type Vocab } from './text/index.js';
export { segmentScene, type SceneOptions, type SceneProgress, type SceneResult, type TileCache } from './scene/segment-scene.js';
export { openScene, type SceneRaster } from './scene/scene-raster.js';
export { memorySink, type MemorySink } from './scene/memory-sink.js';
export { GeoTiffWriter, type ByteSink } from './scene/geotiff-writer.js';
export type { FeatureCollection } from './scene/geojson.js';
export { parseScaleRange } from './scene/value-range.js';
export { bboxWindow, parseBbox, reprojectBbox, type PixelWindow } from './scene/window.js';
export { fileSink } from './node/file-sink.js';
export { tileCacheDir, sceneCacheManifest } from './node/tile-cache-dir.js';
