import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cocoMask } from '../../src/eval/coco-mask.js';
import { loadSample, type LoadedSample, type SkippedSample } from '../../src/eval/load-sample.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { summarize } from '../../src/eval/metrics.js';
import { readDataset } from '../../src/eval/read-dataset.js';
import { resizeMaskNearest } from '../../src/io/mask-resize.js';
import { nodeDatasetFiles } from '../../src/node/dataset-files.js';
import { fakeSegmenter } from './fake-segmenter.js';
import { jpg, rect, rleCounts, rleString, tempDir, writeFile } from './synthetic.js';

// RRSIS-D-shaped refs and Python's pickles of them (rrsisd-refs.py).
const fixture = JSON.parse(readFileSync(new URL('rrsisd-refs.json', import.meta.url), 'utf8')) as Record<string, string> & { refs: unknown[] };
const pickled = (protocol: number, variant = 'pickle') => Buffer.from(fixture[`${variant}_protocol_${protocol}`]!, 'base64');

const W = 10;
const H = 8;
const shipMask = rect(W, H, 2, 1, 6, 4);
const polygon = [2, 2, 8, 2, 8, 6, 2, 6];

const instances = {
  images: [1, 2, 3, 4].map((id) => ({ id, file_name: `0000${id}.jpg`, width: id === 4 ? 12 : W, height: H })),
  annotations: [
    { id: 100, image_id: 1, category_id: 1, segmentation: [{ size: [H, W], counts: rleString(rleCounts(rect(W, H, 0, 0, 2, 2), W, H)) }] },
    { id: 101, image_id: 1, category_id: 2, segmentation: [{ size: [H, W], counts: rleString(rleCounts(shipMask, W, H)) }] },
    { id: 102, image_id: 2, category_id: 1, segmentation: [polygon] },
    { id: 103, image_id: 3, category_id: 2, segmentation: [polygon] },
    { id: 104, image_id: 4, category_id: 2, segmentation: [polygon] },
  ],
  categories: [
    { id: 1, name: 'airplane' },
    { id: 2, name: 'ship' },
  ],
};

/** `layout`: the released one, or refs / instances / images flattened into the root. */
function folder(layout: 'released' | 'flat-jpegimages' | 'flat-images', refs: Uint8Array | string = pickled(4)): string {
  const root = tempDir('rrsisd');
  const ann = layout === 'released' ? 'rrsisd/' : '';
  const images = layout === 'released' ? 'images/rrsisd/JPEGImages/' : layout === 'flat-jpegimages' ? 'JPEGImages/' : 'images/';
  writeFile(root, `${ann}${typeof refs === 'string' ? 'refs(unc).json' : 'refs(unc).p'}`, refs);
  writeFile(root, `${ann}instances.json`, JSON.stringify(instances));
  for (const id of [1, 2, 3, 4]) writeFile(root, `${images}0000${id}.jpg`, jpg(W, H, id));
  return root;
}

describe('RRSIS-D datasets', () => {
  it('the released layout: refs(unc).p + instances.json + images/rrsisd/JPEGImages', async () => {
    const root = folder('released');
    const d = await readDataset(nodeDatasetFiles(root), { format: 'rrsisd', split: 'test' });
    expect(d.listing).toEqual([`${root}/rrsisd/refs(unc).p`, `${root}/rrsisd/instances.json`]);
    // 'test' takes every split containing "test" (refer.getRefIds), one sample per sentence, text = raw
    expect(d.samples.map((s) => [s.name, s.image, s.expression, s.category])).toEqual([
      ['00001_1', 'images/rrsisd/JPEGImages/00001.jpg', 'The ship at the top', 'ship'],
      ['00002_2_0', 'images/rrsisd/JPEGImages/00002.jpg', 'a gray airplane', 'airplane'],
      ['00002_2_1', 'images/rrsisd/JPEGImages/00002.jpg', 'the airplane in the middle', 'airplane'],
      ['00002_4', 'images/rrsisd/JPEGImages/00002.jpg', 'an airplane with no annotation', 'airplane'],
      ['00004_5', 'images/rrsisd/JPEGImages/00004.jpg', 'the ship in the polygon image', 'ship'],
    ]);
    expect(d.samples[1]!.source).toBe('rrsisd/refs(unc).p ref 2 sentence 0');
    expect(d.samples[3]!.problem).toEqual({ reason: 'bad-listing', message: 'rrsisd/refs(unc).p ref 4: ann_id 999 is not in instances.json' });
    expect((await readDataset(nodeDatasetFiles(root), { format: 'rrsisd', split: 'val' })).samples.map((s) => s.name)).toEqual(['00003_3']);
    expect((await readDataset(nodeDatasetFiles(root), { format: 'rrsisd', split: 'train' })).samples.map((s) => s.name)).toEqual(['00001_0']);
  });

  it('ground truth from RLE and polygons, at S x S; declared size must match the image', async () => {
    const root = folder('released');
    const files = nodeDatasetFiles(root);
    const d = await readDataset(files, { format: 'rrsisd', split: 'test' });
    const ship = (await loadSample(files, d.samples[0]!, 6)) as LoadedSample;
    expect([ship.image.width, ship.image.height]).toEqual([W, H]);
    expect(ship.target).toEqual(resizeMaskNearest(shipMask, W, H, 6, 6));
    const plane = (await loadSample(files, d.samples[1]!, 6)) as LoadedSample;
    expect(plane.target).toEqual(resizeMaskNearest(cocoMask([polygon], W, H, 'p').data, W, H, 6, 6));
    expect(plane.target.some((v) => v === 1)).toBe(true);
    const wide = (await loadSample(files, d.samples[4]!, 6)) as SkippedSample;
    expect(wide).toMatchObject({ reason: 'size-mismatch', message: `annotation mask (rrsisd/refs(unc).p ref 5) is 12 x 8 but image ${root}/images/rrsisd/JPEGImages/00004.jpg is 10 x 8` });
  });

  it('flattened layouts; protocol-2 pickles; a JSON export of the refs wins over the pickle', async () => {
    const flat = await readDataset(nodeDatasetFiles(folder('flat-jpegimages', pickled(2))), { format: 'rrsisd', split: 'test' });
    expect(flat.samples[0]!.image).toBe('JPEGImages/00001.jpg');
    expect(flat.samples).toHaveLength(5);

    const root = folder('flat-images', JSON.stringify(fixture.refs));
    writeFile(root, 'refs(unc).p', 'not a pickle');
    const d = await readDataset(nodeDatasetFiles(root), { format: 'rrsisd', split: 'test' });
    expect(d.listing[0]).toBe(`${root}/refs(unc).json`);
    expect(d.samples.map((s) => s.image)).toEqual(flat.samples.map((s) => s.image.replace('JPEGImages/', 'images/')));
  });

  it('a pickle holding Python objects asks for the JSON export', async () => {
    // PROTO 2, EMPTY_LIST, GLOBAL numpy.int64, EMPTY_TUPLE, NEWOBJ, APPEND, STOP
    const numpyList = new Uint8Array([0x80, 2, 0x5d, ...new TextEncoder().encode('cnumpy\nint64\n'), 0x29, 0x81, 0x61, 0x2e]);
    const root = folder('released', numpyList);
    await expect(readDataset(nodeDatasetFiles(root), { format: 'rrsisd', split: 'test' })).rejects.toThrow(
      /refs\(unc\)\.p: holds a Python object \("numpy\.int64"\)[^]*json\.dump\(pickle\.load/,
    );
  });

  // refer.py reads refs(unc).p with pickle.load: every protocol, Python 2 str, numpy ids.
  const variants = [
    ...[0, 1, 2, 3, 4, 5].map((p) => ['pickle', p] as const),
    ...[0, 1, 2].map((p) => ['py2', p] as const),
    ...[0, 1, 2, 3, 4, 5].flatMap((p) => [['numpy1', p] as const, ['numpy2', p] as const]),
  ];
  it.each(variants)('%s refs at protocol %i: the same samples and metrics as the JSON export', async (variant, protocol) => {
    const run = async (refs: Uint8Array | string) => {
      const root = folder('released', refs);
      const files = nodeDatasetFiles(root);
      const { samples } = await readDataset(files, { format: 'rrsisd', split: 'test' });
      // a fixed prediction: the top-left quarter of every image
      const result = await evaluate({ segmenter: fakeSegmenter(6, () => rect(6, 6, 0, 0, 3, 3)), files, samples });
      const all = { samples, records: result.records, skipped: result.skipped, metrics: summarize(result.records) };
      // the refs file's name (refs(unc).p or .json) and the temporary root are in messages; all else must be equal
      return JSON.parse(JSON.stringify(all).replace(/refs\(unc\)\.(p|json)/g, 'refs').replaceAll(root, 'ROOT')) as unknown;
    };
    const fromJson = (await run(JSON.stringify(fixture.refs))) as { samples: unknown[]; records: unknown[] };
    expect(fromJson.samples).toHaveLength(5);
    expect(fromJson.records.length).toBeGreaterThan(0);
    expect(await run(pickled(protocol, variant))).toEqual(fromJson);
  });

  it('refs that refer to themselves or nest absurdly deep are refused, not a stack overflow', async () => {
    // PROTO 2, EMPTY_LIST, BINPUT 0, BINGET 0, APPEND, STOP: a list that holds itself
    const circular = new Uint8Array([0x80, 2, 0x5d, 0x71, 0, 0x68, 0, 0x61, 0x2e]);
    await expect(readDataset(nodeDatasetFiles(folder('released', circular)), { format: 'rrsisd', split: 'test' })).rejects.toThrow(
      /refs\(unc\)\.p: values nest more than 64 levels deep \(or refer to themselves\)/,
    );
    const deep = new Uint8Array([...Array<number>(100_000).fill(0x5d), ...Array<number>(99_999).fill(0x61), 0x2e]);
    // 60 levels of [x, x], each x the level below: 2^60 leaves if every reference were converted anew
    const laughs = [0x80, 2, 0x5d, 0x71, 0];
    for (let i = 0; i < 60; i++) laughs.push(0x28, 0x68, i, 0x68, i, 0x6c, 0x71, i + 1);
    await expect(readDataset(nodeDatasetFiles(folder('released', new Uint8Array([...laughs, 0x2e]))), { format: 'rrsisd', split: 'test' })).rejects.toThrow(
      /expected a list of refs \(objects\)/,
    );
    await expect(readDataset(nodeDatasetFiles(folder('released', deep)), { format: 'rrsisd', split: 'test' })).rejects.toThrow(/nest more than 64 levels/);
  });

  it('missing annotation files or images are errors that name the expected layout', async () => {
    const empty = tempDir('rrsisd-empty');
    await expect(readDataset(nodeDatasetFiles(empty), { format: 'rrsisd', split: 'test' })).rejects.toThrow(
      /no RRSIS-D annotations \(looked for rrsisd\/instances\.json and instances\.json\)/,
    );
    writeFile(empty, 'instances.json', JSON.stringify(instances));
    await expect(readDataset(nodeDatasetFiles(empty), { format: 'rrsisd', split: 'test' })).rejects.toThrow(/no refs\(unc\)\.p \(or refs\(unc\)\.json\) next to instances\.json/);
    writeFile(empty, 'refs(unc).p', pickled(4));
    await expect(readDataset(nodeDatasetFiles(empty), { format: 'rrsisd', split: 'test' })).rejects.toThrow(
      /no image folder \(looked for images\/rrsisd\/JPEGImages\/, JPEGImages\/, images\/\)/,
    );
  });
});
