/**
 * `fianet segment`: one image and one referring expression -> the mask of the referred
 * object (PNG 0/255), optionally an overlay for people and the logits. Every output is
 * written atomically, and only after the model has succeeded: a failed run leaves no file.
 */
import { FianetError } from '../errors.js';
import { overlayPngParts } from '../io/overlay.js';
import { DEFAULT_MAX_PIXELS } from '../io/image-types.js';
import { encodeMaskPng, resizedMaskPngParts } from '../io/png-encode.js';
import { encodeSafetensors } from '../io/safetensors.js';
import type { ExpressionTokens } from '../model/segmenter.js';
import { parseTokensJson } from '../model/tokens-input.js';
import { writeOutputs } from '../node/atomic-write.js';
import { parseAdapterKind } from '../node/gpu-node.js';
import { parseWeightsDtype, weightsDtypeHelp } from './weights-dtype.js';
import { readImageFile } from '../node/image-file.js';
import { readBoundedText } from '../node/read-bounded.js';
import { loadSegmenter } from '../node/load-segmenter.js';
import { checkOutputPaths } from '../node/output-paths.js';
import { datasetText, type DatasetName } from '../text/categories.js';
import { loadProgress } from './load-progress.js';
import { parseMaxPixels } from './max-pixels.js';
import { stderrOutput } from './terminal.js';
import { MAX_PIXELS_OPTION, MODEL_OPTIONS, parseCommand, QUIET_OPTION, requireOptions, VOCAB_OPTION, WEIGHTS_DTYPE_OPTION } from './options.js';
import { isVerbose, loadLog } from './verbosity.js';

const HELP = `usage: fianet segment --weights W --image I --text "..." --out mask.png [options]

Segments the object that the referring expression describes.

Options:
  --weights FILE       model weights (.safetensors, or a PyTorch .pth converted in memory)
  --config FILE        model config JSON (default: from the weights' metadata)
  --image FILE         PNG, JPEG or TIFF
  --text "..."         the referring expression
  --tokens JSON        token ids and masks {"input_ids","l_mask","t_mask","p_mask"} (a file
                       or inline JSON) instead of --text, e.g. a dataset's own preprocessing
  --out FILE           mask PNG (0/255) at the model's input size
  --original-size      write the mask at the image's own size (nearest resize) instead
  --overlay FILE       the image with the mask tinted and outlined (PNG)
  --logits FILE        the logits, tensor 'logits' [1, 2, S, S] float32 (.safetensors)
  --dataset NAME       rrsisd or refsegrs: category list and preset when the weights carry no config
  --vocab FILE         WordPiece vocabulary (default: weights/vocab.txt)
  --max-pixels N       refuse images larger than N pixels, checked from the file's header before
                       decoding (default ${DEFAULT_MAX_PIXELS}, i.e. 100 megapixels)
  --adapter KIND       auto|gpu|llvmpipe|swiftshader (default: FIANET_ADAPTER or auto)
${weightsDtypeHelp(23)}
  --quiet              print nothing but errors
  --verbose            also debug lines and the WebGPU implementation's own messages`;

const looksInline = (arg: string): boolean => arg.trim().startsWith('{');

async function readTokens(arg: string): Promise<ExpressionTokens> {
  if (looksInline(arg)) return parseTokensJson(arg, '--tokens');
  const text = await readBoundedText(arg, '--tokens file');
  return parseTokensJson(text, `--tokens ${arg}`);
}


export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('segment', HELP, argv, {
    ...MODEL_OPTIONS, ...WEIGHTS_DTYPE_OPTION, ...VOCAB_OPTION, ...MAX_PIXELS_OPTION, ...QUIET_OPTION,
    image: { type: 'string' }, text: { type: 'string' }, tokens: { type: 'string' }, out: { type: 'string' },
    'original-size': { type: 'boolean' }, overlay: { type: 'string' }, logits: { type: 'string' }, dataset: { type: 'string' },
  });
  if (!parsed) return 0;
  const { values } = parsed;
  requireOptions('segment', values, ['weights', 'image', 'out']);
  if (values.text === undefined && values.tokens === undefined) throw new FianetError('bad-input', 'give --text "..." (or --tokens); see fianet segment --help');
  if (values.text !== undefined && !values.text.trim()) throw new FianetError('bad-input', '--text is empty: give the referring expression');
  const dataset = values.dataset as DatasetName | undefined;
  const weightsDtype = parseWeightsDtype(values['weights-dtype']);
  if (dataset) datasetText(dataset); // throws naming the known datasets
  const say = values.quiet ? () => {} : (line: string) => console.error(line);

  await checkOutputPaths(
    { '--out': values.out, '--overlay': values.overlay, '--logits': values.logits },
    {
      '--image': values.image,
      '--weights': values.weights,
      '--config': values.config,
      '--vocab': values.vocab,
      '--tokens': values.tokens !== undefined && !looksInline(values.tokens) ? values.tokens : undefined,
    },
  );

  const t0 = performance.now();
  // Inputs are read before the model loads so a typo fails in milliseconds.
  const image = await readImageFile(values.image!, { maxPixels: parseMaxPixels(values['max-pixels']) });
  for (const w of image.warnings) say(`warning: ${w}`);
  const tokens = values.tokens ? await readTokens(values.tokens) : undefined;
  const bar = loadProgress(stderrOutput(), isVerbose() && !values.quiet);
  const segmenter = await loadSegmenter({
    weights: values.weights!,
    ...(values.config ? { config: values.config } : {}),
    adapter: parseAdapterKind(values.adapter),
    ...(dataset ? { dataset } : {}),
    ...(weightsDtype ? { weightsDtype } : {}),
    ...(values.vocab ? { vocab: values.vocab } : {}),
    ...(values.quiet ? {} : { onProgress: bar.update }),
    log: loadLog(say),
  }).finally(bar.finish);
  const loadMs = performance.now() - t0;
  try {
    const result = await segmenter.segment({ image, ...(tokens ? { tokens } : { text: values.text! }) }, { logits: !!values.logits });
    for (const w of result.warnings) say(`warning: ${w}`);
    const S = result.size;
    const full = values['original-size'];
    const [w, h] = full ? [image.width, image.height] : [S, S];
    // All or nothing: no output is renamed into place unless every one was written.
    await writeOutputs(async (outputs) => {
      await outputs.write(values.out!, full ? resizedMaskPngParts(result.mask, S, S, w, h) : encodeMaskPng(result.mask, S, S));
      if (values.overlay) await outputs.write(values.overlay, overlayPngParts(image, result.mask, S, S));
      if (values.logits) {
        await outputs.write(values.logits, encodeSafetensors([{ name: 'logits', dtype: 'F32', shape: [1, 2, S, S], data: result.logits! }]));
      }
    });
    const a = segmenter.adapter;
    const fg = result.mask.reduce((s, v) => s + v, 0) / result.mask.length;
    const phases = Object.entries(result.timings).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ');
    say(`adapter: ${a.kind} (${a.description || a.architecture})`);
    if (result.tokens.words) say(`words: ${result.tokens.words.join(' ')}`);
    say(`timings: load ${loadMs.toFixed(0)} ms, ${phases}`);
    say(`mask: ${values.out} (${w} x ${h}, ${(100 * fg).toFixed(1)}% object)`);
    return 0;
  } finally {
    await segmenter.destroy();
  }
}
