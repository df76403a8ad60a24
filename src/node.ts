/**
 * The Node library (bundled to dist/node.js; `import ... from 'fianet-webgpu'`, declarations
 * in dist/types/node.d.ts). Exactly the API the README documents, nothing internal:
 *
 *   const model = await loadSegmenter({ weights: 'weights/demo.safetensors' });
 *   const result = await model.segment({ image: await readImageFile('scene.png'), text: 'the ship on the left' });
 *   // result.mask: S x S (1 = referred object), result.timings, model.adapter; await model.destroy()
 */
export { FianetError, type FianetErrorCode } from './errors.js';
export { loadSegmenter, type LoadSegmenterOptions } from './node/load-segmenter.js';
export { readImageFile } from './node/image-file.js';
export { ADAPTER_KINDS, type AdapterKind } from './node/gpu-node.js';
export type { ExpressionTokens, SegmentInput, SegmentResult, Segmenter } from './model/segmenter.js';
export type { FianetConfig } from './model/config.js';
export type { AdapterDescription } from './runtime/device.js';
export type { DecodedImage, RgbImage } from './io/image-types.js';
export type { DatasetName } from './text/categories.js';
export { encodeMaskPng } from './io/png-encode.js';
export { encodeOverlayPng } from './io/overlay.js';
