/**
 * The RRSIS-D layout as released (github.com/Lsan2401/RMSIN) and read by the reference's
 * `refer/refer.py` + `data/rrsisd_refer_bert.py`, with DIR = the reference's
 * `--refer_data_root`:
 *
 *   DIR/rrsisd/refs(unc).p          referring expressions: a pickled list of refs
 *                                   {ref_id, ann_id, image_id, category_id, split,
 *                                    sentences: [{raw, sent, ...}], ...}
 *   DIR/rrsisd/instances.json       COCO-style {images: [{id, file_name, width, height}],
 *                                   annotations: [{id, segmentation}], categories: [{id, name}]}
 *   DIR/images/rrsisd/JPEGImages/   the images, by `file_name`
 *
 * Also accepted, since people flatten the folders when they copy the dataset: refs and
 * instances directly in DIR (checked when DIR/rrsisd/instances.json is absent), images in
 * DIR/JPEGImages/ or DIR/images/ (the first that exists, in that order, after the official
 * path). `refs(unc).json` (the same list saved as JSON, e.g. `json.dump(pickle.load(f), out)`)
 * takes precedence over the pickle: the pickle is read with our safe unpickler (no code
 * runs) as refer.py's `pickle.load` reads it under Python 3: every protocol (0 to 5), Python 2
 * `str` decoded as ASCII, numpy scalars and small numpy arrays as plain numbers and lists;
 * a refs file holding other objects needs the JSON export, and the error says how to make it.
 *
 * Samples: the refs whose `split` matches (as refer.getRefIds: 'test' matches any split
 * containing "test", other names exactly), one sample per sentence of each ref, text =
 * `raw`. The reference evaluates one sentence per ref (chosen at random); RRSIS-D has one
 * sentence per ref, so both give the same samples. Ground truth: the ref's annotation
 * decoded as coco-mask.ts describes; category: the name of the ref's `category_id`.
 */
import { FianetError, quote } from '../errors.js';
import { PyGlobal, PyObject, unpickle, type PyValue } from '../io/pickle.js';
import { numpyReducers, plainNumpy } from '../io/pickle-numpy.js';
import { fileStem, joinPath, readText, uniqueNames, type Dataset, type DatasetFiles, type EvalSample } from './dataset.js';

const ANNOTATION_DIRS = ['rrsisd', ''];
const IMAGE_DIRS = ['images/rrsisd/JPEGImages', 'JPEGImages', 'images'];

type Json = Record<string, unknown>;

export async function readRrsisdDataset(files: DatasetFiles, split: string): Promise<Dataset> {
  const annDir = await firstExisting(files, ANNOTATION_DIRS.map((d) => joinPath(d, 'instances.json')));
  if (annDir === undefined) {
    throw new FianetError('bad-input', `${files.describe('')}: no RRSIS-D annotations (looked for rrsisd/instances.json and instances.json); expected the released layout rrsisd/{refs(unc).p, instances.json}, images/rrsisd/JPEGImages/`);
  }
  const dir = annDir.slice(0, -'instances.json'.length);
  const refsPath = await firstExisting(files, [`${dir}refs(unc).json`, `${dir}refs(unc).p`]);
  if (refsPath === undefined) throw new FianetError('bad-input', `${files.describe(dir)}: no refs(unc).p (or refs(unc).json) next to instances.json`);
  const imageDir = await firstExisting(files, IMAGE_DIRS);
  if (imageDir === undefined) throw new FianetError('bad-input', `${files.describe('')}: no image folder (looked for ${IMAGE_DIRS.join('/, ')}/)`);

  const refs = await readRefs(files, refsPath);
  const instances = parseJson(await readText(files, annDir), files.describe(annDir));
  const images = indexById(instances.images, 'images', files.describe(annDir));
  const anns = indexById(instances.annotations, 'annotations', files.describe(annDir));
  const categories = indexById(instances.categories, 'categories', files.describe(annDir));

  const samples: EvalSample[] = [];
  for (const [i, ref] of refs.entries()) {
    const s = String(ref.split ?? '');
    if (!(split === 'test' ? s.includes('test') : s === split)) continue;
    const source = `${refsPath} ref ${String(ref.ref_id ?? `#${i}`)}`;
    const image = images.get(ref.image_id);
    const ann = anns.get(ref.ann_id);
    const category = categories.get(ref.category_id)?.name;
    const sentences = Array.isArray(ref.sentences) ? (ref.sentences as Json[]) : [];
    const base = `${image && typeof image.file_name === 'string' ? fileStem(image.file_name) : 'image'}_${String(ref.ref_id ?? i)}`;
    const problem = !image
      ? `image_id ${String(ref.image_id)} is not in instances.json`
      : typeof image.file_name !== 'string' || !Number.isInteger(image.width) || !Number.isInteger(image.height)
        ? `image ${String(ref.image_id)} in instances.json lacks file_name, width or height`
        : !ann
          ? `ann_id ${String(ref.ann_id)} is not in instances.json`
          : sentences.length === 0
            ? 'the ref has no sentences'
            : undefined;
    const count = Math.max(sentences.length, 1);
    for (let k = 0; k < count; k++) {
      const sentence = sentences[k];
      const text = sentence?.raw ?? sentence?.sent;
      const sample: EvalSample = {
        name: sentences.length > 1 ? `${base}_${k}` : base,
        source: sentences.length > 1 ? `${source} sentence ${k}` : source,
        image: image && typeof image.file_name === 'string' ? joinPath(imageDir, image.file_name) : '',
        truth: { kind: 'coco', segmentation: ann?.segmentation, width: Number(image?.width), height: Number(image?.height) },
        expression: typeof text === 'string' ? text : '',
      };
      if (category !== undefined) sample.category = String(category);
      const why = problem ?? (typeof text === 'string' && text.trim() !== '' ? undefined : 'the sentence has no "raw" text');
      if (why) sample.problem = { reason: 'bad-listing', message: `${sample.source}: ${why}` };
      samples.push(sample);
    }
  }
  const names = uniqueNames(samples.map((s) => s.name));
  return {
    format: 'rrsisd',
    split,
    listing: [files.describe(refsPath), files.describe(annDir)],
    samples: samples.map((s, i) => ({ ...s, name: names[i]! })),
  };
}

async function firstExisting(files: DatasetFiles, paths: string[]): Promise<string | undefined> {
  for (const p of paths) if (await files.exists(p)) return p;
  return undefined;
}

function parseJson(text: string, label: string): Json {
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object') return v as Json;
  } catch (e) {
    throw new FianetError('bad-input', `${label}: not valid JSON (${(e as Error).message})`);
  }
  throw new FianetError('bad-input', `${label}: expected a JSON object or list`);
}

async function readRefs(files: DatasetFiles, path: string): Promise<Json[]> {
  const label = files.describe(path);
  let value: unknown;
  if (path.endsWith('.json')) {
    value = parseJson(await readText(files, path), label);
  } else {
    const bytes = await files.readBytes(path);
    try {
      value = refsFromPickle(bytes, label);
    } catch (e) {
      if (!(e instanceof FianetError)) throw e;
      throw new FianetError(
        'bad-input',
        `${e.message}\nExport the refs to JSON once and rerun (it is read instead of the pickle):\n` +
          `  python -c "import json, pickle; json.dump(pickle.load(open('refs(unc).p', 'rb')), open('refs(unc).json', 'w'), default=int)"`,
      );
    }
  }
  if (!Array.isArray(value) || !value.every((r) => r && typeof r === 'object' && !Array.isArray(r))) throw new FianetError('bad-input', `${label}: expected a list of refs (objects)`);
  return value as Json[];
}

function indexById(list: unknown, what: string, label: string): Map<unknown, Json> {
  if (!Array.isArray(list)) throw new FianetError('bad-input', `${label}: '${what}' must be a list`);
  const map = new Map<unknown, Json>();
  for (const item of list as Json[]) if (item && typeof item === 'object') map.set(item.id, item);
  return map;
}

/** A refs pickle as refer.py's pickle.load reads it, as JSON-like values (the parser on raw bytes, e.g. for fuzzing). */
export function refsFromPickle(bytes: Uint8Array, label: string): unknown {
  return pickleToJson(unpickle(bytes, { label, reducers: numpyReducers() }).value, label, 0, new Map());
}

/** Refs nest a few levels (list, ref, sentences, sentence, tokens); deeper is corrupt or circular. */
const MAX_DEPTH = 64;

/**
 * Unpickled refs -> JSON-like values; anything but plain data means the JSON export is needed.
 * Each object is converted once (`done`): memo references can share one value many times over,
 * and converting each reference anew would grow exponentially with the depth.
 */
function pickleToJson(v: PyValue, label: string, depth: number, done: Map<object, unknown>): unknown {
  const fail = (what: string): never => {
    throw new FianetError('bad-input', `${label}: ${what}`);
  };
  if (depth > MAX_DEPTH) fail(`values nest more than ${MAX_DEPTH} levels deep (or refer to themselves): not a refs list`);
  if (typeof v !== 'object' || v === null) return typeof v === 'bigint' ? Number(v) : v;
  if (done.has(v)) return done.get(v);
  let out: unknown;
  const numpy = plainNumpy(v, fail);
  if (numpy !== undefined) out = pickleToJson(numpy, label, depth + 1, done);
  else if (v instanceof Map) {
    const o: Json = {};
    for (const [k, x] of v) o[String(k)] = pickleToJson(x, label, depth + 1, done);
    out = o;
  } else if (Array.isArray(v) || v instanceof Set) out = Array.from(v, (x) => pickleToJson(x, label, depth + 1, done));
  else if (v instanceof Uint8Array) out = new TextDecoder('latin1').decode(v);
  else if (v instanceof PyObject || v instanceof PyGlobal) {
    fail(`holds a Python object (${quote(v instanceof PyObject ? v.$class : v.qualname)}), not only lists, dicts, strings, numbers and numpy numbers`);
  } else out = v;
  done.set(v, out);
  return out;
}
