/**
 * `fianet eval`: the paper's metrics for a model on a dataset (src/eval/README.md has the
 * layouts and the protocol). The model is loaded once and reused for every sample; reports
 * are written atomically at the end, so an interrupted or failed run never leaves a
 * half-written file: Ctrl-C finishes the sample in flight and writes the reports marked
 * PARTIAL (status "interrupted", exit code 130); a second Ctrl-C quits at once, writing
 * nothing. The segmenter factory is a parameter of `run` so tests can inject a fake model.
 */
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FianetError } from '../errors.js';
import { DATASET_FORMATS, type DatasetFormat } from '../eval/dataset.js';
import { evaluate } from '../eval/evaluate.js';
import { readDataset } from '../eval/read-dataset.js';
import { reportMarkdown } from '../eval/report-markdown.js';
import { buildReport } from '../eval/report.js';
import { DEFAULT_MAX_PIXELS } from '../io/image-types.js';
import { encodeMaskPng } from '../io/png-encode.js';
import type { Segmenter } from '../model/segmenter.js';
import { writeFileAtomic, writeOutputs } from '../node/atomic-write.js';
import { nodeDatasetFiles } from '../node/dataset-files.js';
import { parseAdapterKind, type AdapterKind } from '../node/gpu-node.js';
import type { WeightDtype } from '../runtime/graph.js';
import { parseWeightsDtype, weightsDtypeHelp } from './weights-dtype.js';
import { loadSegmenter as loadNodeSegmenter } from '../node/load-segmenter.js';
import { checkOutputPaths } from '../node/output-paths.js';
import { parseMaxPixels } from './max-pixels.js';
import { progress, type ProgressOutput } from './progress.js';
import { stderrOutput } from './terminal.js';
import { MAX_PIXELS_OPTION, MODEL_OPTIONS, parseCommand, WEIGHTS_DTYPE_OPTION } from './options.js';
import { loadLog } from './verbosity.js';

const HELP = `usage: fianet eval --weights W --data DIR --format rrsisd|refsegrs|jsonl [options]

Runs the model on every sample of a dataset split and reports the paper's metrics:
mIoU, oIoU and Pr@0.5..0.9 (at the model's input size, ground truth resized with nearest),
mIoU per category when the dataset has categories.

Options:
  --weights FILE       model weights (.safetensors or .pth)
  --config FILE        model config JSON (default: from the weights' metadata)
  --data DIR           dataset root (jsonl: also the .jsonl file itself)
  --format F           rrsisd:   rrsisd/{refs(unc).p, instances.json}, images/rrsisd/JPEGImages/
                       refsegrs: images/*.tif, masks/*.tif, output_phrase_<split>.txt
                       jsonl:    <split>.jsonl lines {"image", "mask", "expression"[, "category"][, "tokens"]}
  --split S            train, val or test (default test)
  --limit N            only the first N samples of the split
  --tokens FILE        token ids and l/t/p masks per sample (JSON lines, in sample order)
                       instead of parsing the expressions
  --report FILE        write the JSON report (metrics, per sample, skipped, timings)
  --markdown FILE      write the Markdown table (also printed to stdout)
  --save-masks DIR     write each predicted mask as DIR/<sample>.png (S x S, 0/255)
  --max-pixels N       refuse images larger than N pixels, from the file's header (default ${DEFAULT_MAX_PIXELS})
  --adapter KIND       auto|gpu|llvmpipe|swiftshader (default: FIANET_ADAPTER or auto)
${weightsDtypeHelp(23)}

Samples whose files are missing or unreadable, or whose mask size differs from the image,
are skipped, listed with the reason and counted; the run goes on. Ctrl-C stops after the
current sample and writes the reports marked PARTIAL; a second Ctrl-C quits at once.`;

export interface SegmenterRequest {
  weights: string;
  config?: string;
  adapter: AdapterKind;
  weightsDtype?: WeightDtype;
}

export type SegmenterFactory = (request: SegmenterRequest) => Promise<Segmenter>;

export interface EvalDeps {
  loadSegmenter: SegmenterFactory;
  /** Where progress and skipped samples are written. */
  stderr: ProgressOutput;
}

/** The real model: adapter, weights and config opened once for the whole run. */
const loadSegmenter: SegmenterFactory = (request) =>
  loadNodeSegmenter({ weights: request.weights, adapter: request.adapter, ...(request.config ? { config: request.config } : {}), ...(request.weightsDtype ? { weightsDtype: request.weightsDtype } : {}), log: loadLog(console.error) });

export async function run(argv: string[], deps: EvalDeps = { loadSegmenter, stderr: stderrOutput() }): Promise<number> {
  const parsed = parseCommand('eval', HELP, argv, {
    ...MODEL_OPTIONS, ...WEIGHTS_DTYPE_OPTION, ...MAX_PIXELS_OPTION,
    data: { type: 'string' }, format: { type: 'string' }, split: { type: 'string' }, limit: { type: 'string' }, tokens: { type: 'string' },
    report: { type: 'string' }, markdown: { type: 'string' }, 'save-masks': { type: 'string' },
  });
  if (!parsed) return 0;
  const { values } = parsed;
  const { weights, data } = values;
  if (!weights || !data || !values.format) throw new FianetError('bad-input', '--weights, --data and --format are required (see fianet eval --help)');
  if (!(DATASET_FORMATS as readonly string[]).includes(values.format)) {
    throw new FianetError('bad-input', `--format must be one of ${DATASET_FORMATS.join(', ')}, got '${values.format}'`);
  }
  const format = values.format as DatasetFormat;
  const split = values.split ?? 'test';
  const limit = parseLimit(values.limit);
  const adapter = parseAdapterKind(values.adapter);
  const weightsDtype = parseWeightsDtype(values['weights-dtype']);
  await checkOutputPaths(
    { '--report': values.report, '--markdown': values.markdown },
    { '--weights': weights, '--config': values.config, '--data': data, '--tokens': values.tokens },
  );
  const saveDir = values['save-masks'];
  if (saveDir !== undefined) await mkdir(saveDir, { recursive: true });

  // --data may name the .jsonl listing itself rather than its folder.
  const dataIsFile = format === 'jsonl' && (await stat(data).catch(() => undefined))?.isFile() === true;
  const root = dataIsFile ? dirname(data) : data;
  const files = nodeDatasetFiles(root, parseMaxPixels(values['max-pixels']));
  const dataset = await readDataset(files, {
    format,
    split,
    ...(dataIsFile ? { file: basename(data) } : {}),
    ...(values.tokens !== undefined ? { tokens: { files: nodeDatasetFiles(''), path: values.tokens } } : {}),
  });
  const samples = limit === undefined ? dataset.samples : dataset.samples.slice(0, limit);
  if (samples.length === 0) throw new FianetError('bad-input', `${dataset.listing.join(', ')}: no samples in split '${split}'`);

  const loadStart = performance.now();
  const segmenter = await deps.loadSegmenter({ weights, adapter, ...(values.config !== undefined ? { config: values.config } : {}), ...(weightsDtype ? { weightsDtype } : {}) });
  const modelLoadMs = performance.now() - loadStart;
  const bar = progress(deps.stderr);
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    bar.note('fianet eval: interrupted; finishing the sample in flight, then writing PARTIAL reports (Ctrl-C again to quit now)');
  };
  process.on('SIGINT', onSigint);
  let runResult;
  try {
    runResult = await evaluate({
      segmenter,
      files,
      samples,
      signal: controller.signal,
      onProgress: (p) => bar.update(p),
      onSkip: (s) => bar.note(`fianet eval: skipped ${s.name} (${s.reason}): ${s.message}`),
      ...(saveDir !== undefined
        ? { onMask: (sample, mask, size) => writeFileAtomic(join(saveDir, `${sample.name}.png`), encodeMaskPng(mask, size, size)) }
        : {}),
    });
  } finally {
    bar.finish();
    process.off('SIGINT', onSigint);
    await segmenter.destroy();
  }

  const report = buildReport(runResult, {
    weights,
    ...(values.config !== undefined ? { config: values.config } : {}),
    adapter: segmenter.adapter,
    inputSize: segmenter.config.input_size,
    dataset: {
      format,
      path: data,
      split,
      listing: dataset.listing,
      ...(limit !== undefined ? { limit } : {}),
      ...(values.tokens !== undefined ? { tokens: values.tokens } : {}),
    },
    date: new Date().toISOString(),
    modelLoadMs,
  });
  const markdown = reportMarkdown(report);
  await writeOutputs(async (outputs) => {
    if (values.report !== undefined) await outputs.write(values.report, new TextEncoder().encode(`${JSON.stringify(report, null, 1)}\n`));
    if (values.markdown !== undefined) await outputs.write(values.markdown, new TextEncoder().encode(markdown));
  });
  console.log(markdown.trimEnd());
  if (runResult.status === 'failed') throw runResult.error;
  return runResult.status === 'interrupted' ? 130 : 0;
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new FianetError('bad-input', `--limit takes a whole number >= 1, got '${value}'`);
  return Number(value);
}
