/**
 * `fianet scene`: a whole (Geo)TIFF scene, or a window of it, tile by tile -> a GeoTIFF mask
 * (1 object, 0 background, 255 nodata) with the input's georeferencing, optionally the
 * probabilities and GeoJSON polygons. Outputs stream to temporary files renamed at the end.
 */
import { FianetError } from '../errors.js';
import { writeFileAtomic } from '../node/atomic-write.js';
import { fileSink } from '../node/file-sink.js';
import { parseAdapterKind } from '../node/gpu-node.js';
import { parseWeightsDtype, weightsDtypeHelp } from './weights-dtype.js';
import { loadSegmenter } from '../node/load-segmenter.js';
import { fileSource } from '../node/safetensors-file.js';
import { sceneCacheManifest, tileCacheDir } from '../node/tile-cache-dir.js';
import { openScene } from '../scene/scene-raster.js';
import { segmentScene, type SceneProgress } from '../scene/segment-scene.js';
import { parseScaleRange } from '../scene/value-range.js';
import { bboxWindow, parseBbox, reprojectBbox } from '../scene/window.js';
import { formatCounted, progress } from './progress.js';
import { MODEL_OPTIONS, parseCommand, QUIET_OPTION, requireOptions, VOCAB_OPTION, WEIGHTS_DTYPE_OPTION } from './options.js';
import { loadLog } from './verbosity.js';

const HELP = `usage: fianet scene --weights W --image SCENE.tif --text "..." --out MASK.tif [options]

Segments what the referring expression describes over a whole scene, tile by tile.

Options:
  --weights FILE        model weights (.safetensors or .pth)
  --config FILE         model config JSON (default: from the weights' metadata)
  --image FILE          GeoTIFF / COG (or a plain TIFF, PNG, JPEG: pixel coordinates)
  --text "..."          the referring expression (one for the whole scene)
  --out FILE            mask GeoTIFF: uint8, 1 = object, 0 = background, 255 = nodata
  --probs FILE          object probability GeoTIFF: uint8 0..254, 255 = nodata
  --geojson FILE        one polygon (with holes) per 4-connected object region, RFC 7946
                        (WGS84 lon/lat), with pixel_count, area (m^2), mean/max probability
  --tile N              tile size in source pixels (default: the model's input size)
  --overlap N           overlap between tiles in pixels (default: a quarter of the tile)
  --bands B1,B2,B3      1-based bands used as R,G,B (or one band as gray; default 1,2,3)
  --scale-range LO,HI   map wider types linearly from LO..HI to 0..255
                        (default: the scene's 2nd-98th percentile)
  --bbox MINX,MINY,MAXX,MAXY[,EPSG:CODE]
                        process only this window (snapped out to whole pixels), in the
                        scene's CRS or the given one (4326, 3857, UTM 326xx/327xx)
  --cache DIR           keep each finished tile's logits in DIR (reused by later runs)
  --resume              continue a run from --cache DIR (skip the tiles already there)
  --shard K/N           compute only tile rows K, K+N, ... into --cache; write no outputs
  --vocab FILE          WordPiece vocabulary (default: weights/vocab.txt)
  --adapter KIND        auto|gpu|llvmpipe|swiftshader (default: FIANET_ADAPTER or auto)
${weightsDtypeHelp(24)}
  --quiet               print nothing but errors`;

function parseIntOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new FianetError('bad-input', `--${name} must be a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}

function parseShard(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!(count >= 1 && index >= 1 && index <= count)) throw new FianetError('bad-input', `--shard must be K/N with 1 <= K <= N, got ${JSON.stringify(text)}`);
  return { index, count };
}

export function formatSceneProgress(p: SceneProgress, bar: boolean): string {
  return formatCounted(p, bar, 'scene', 'tiles', [`${p.done - p.computed} reused or empty`]);
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('scene', HELP, argv, {
    ...MODEL_OPTIONS, ...WEIGHTS_DTYPE_OPTION, ...VOCAB_OPTION, ...QUIET_OPTION,
    image: { type: 'string' }, text: { type: 'string' }, out: { type: 'string' }, probs: { type: 'string' }, geojson: { type: 'string' },
    tile: { type: 'string' }, overlap: { type: 'string' }, bands: { type: 'string' }, 'scale-range': { type: 'string' }, bbox: { type: 'string' },
    cache: { type: 'string' }, resume: { type: 'boolean' }, shard: { type: 'string' },
  });
  if (!parsed) return 0;
  const { values } = parsed;
  const shard = parseShard(values.shard);
  requireOptions('scene', values, ['weights', 'image', 'text', ...(shard ? [] : ['out'])]);
  if (!values.text!.trim()) throw new FianetError('bad-input', '--text is empty: give the referring expression');
  if (shard && (values.out || values.probs || values.geojson)) throw new FianetError('bad-input', '--shard computes tiles into --cache only and writes no outputs: drop --out, --probs and --geojson (a run without --shard merges them)');
  if ((shard || values.resume) && !values.cache) throw new FianetError('bad-input', `--${shard ? 'shard' : 'resume'} needs --cache DIR`);
  const tile = parseIntOption('tile', values.tile);
  const overlap = parseIntOption('overlap', values.overlap);
  const bands = values.bands?.split(',').map((s) => parseIntOption('bands', s.trim())!);
  const scaleRange = values['scale-range'] === undefined ? undefined : parseScaleRange(values['scale-range']);
  const say = values.quiet ? () => {} : (line: string) => console.error(line);

  // Inputs are checked before the model loads so a typo fails in milliseconds.
  const source = await fileSource(values.image!);
  try {
    const raster = await openScene(source);
    let window;
    if (values.bbox) {
      const { bbox, epsg } = parseBbox(values.bbox);
      if (!raster.georef) throw new FianetError('bad-input', `--bbox: ${values.image} has no georeferencing`);
      const sceneBbox = epsg === undefined || epsg === raster.georef.epsg ? bbox : reprojectBbox(bbox, epsg, raster.georef.epsg ?? 0);
      window = bboxWindow(sceneBbox, raster.georef.affine, raster.width, raster.height);
    }
    const segmenter = await loadSegmenter({
      weights: values.weights!,
      ...(values.config ? { config: values.config } : {}),
      adapter: parseAdapterKind(values.adapter),
      ...(values['weights-dtype'] ? { weightsDtype: parseWeightsDtype(values['weights-dtype']) } : {}),
      ...(values.vocab ? { vocab: values.vocab } : {}),
      log: loadLog(say),
    });
    try {
      const S = segmenter.config.input_size;
      let cache;
      if (values.cache) {
        const tileSize = tile ?? S;
        const manifest = await sceneCacheManifest(source, {
          text: values.text!, weightsPath: values.weights!, tile: tileSize, overlap: overlap ?? Math.floor(tileSize / 4), inputSize: S, weightsDtype: segmenter.weights.dtype,
          ...(bands ? { bands } : {}), ...(values['scale-range'] ? { scaleRange: values['scale-range'] } : {}), ...(window ? { window } : {}),
        });
        cache = await tileCacheDir(values.cache, manifest, 2 * S * S);
      }
      const bar = progress(process.stderr, formatSceneProgress);
      const [mask, probs] = shard ? [] : [await fileSink(values.out!), values.probs ? await fileSink(values.probs) : undefined];
      const result = await segmentScene({
        raster, segmenter, text: values.text!,
        ...(tile !== undefined ? { tile } : {}), ...(overlap !== undefined ? { overlap } : {}), ...(bands ? { bands } : {}),
        ...(scaleRange ? { scaleRange } : {}), ...(window ? { window } : {}), ...(mask ? { mask } : {}), ...(probs ? { probs } : {}),
        ...(cache ? { cache } : {}), ...(shard ? { shard } : {}), ...(values.geojson ? { geojson: true } : {}),
        ...(values.quiet ? {} : { onProgress: (p: SceneProgress) => bar.update(p) }),
      });
      bar.finish();
      if (result.geojson) await writeFileAtomic(values.geojson!, new TextEncoder().encode(JSON.stringify(result.geojson)));
      const w = result.window;
      const r = result.range;
      say(`values: ${r.source === 'identity' ? '8-bit, used as they are' : `${r.lo}..${r.hi} -> 0..255 (${r.source === 'scale-range' ? '--scale-range' : '2nd-98th percentile of the scene'})`}`);
      say(`window: ${w.width} x ${w.height} at (${w.x0}, ${w.y0}), ${result.tiles} tiles, ${result.computed} run by the model`);
      if (shard) say(`shard ${shard.index}/${shard.count}: tiles in ${values.cache}`);
      else say(`mask: ${values.out}${values.probs ? `, probabilities: ${values.probs}` : ''}${result.geojson ? `, ${result.geojson.features.length} polygons: ${values.geojson}` : ''}`);
      return 0;
    } finally {
      segmenter.destroy();
    }
  } finally {
    await source.close?.();
  }
}
