/**
 * `fianet tokenize`: what the model receives for a referring expression: token ids,
 * word pieces, Treebank words, POS tags and the l / t / p masks.
 */
import { FianetError } from '../errors.js';
import { readBoundedText } from '../node/read-bounded.js';
import { defaultVocabPath, loadVocabFile } from '../node/vocab-file.js';
import { datasetText, type DatasetName } from '../text/categories.js';
import { encodeExpression, type EncodedExpression, type EncodeOptions } from '../text/encode-expression.js';
import { parseCommand, VOCAB_OPTION } from './options.js';

const HELP = `usage: fianet tokenize --text "EXPRESSION" [options]
       fianet tokenize --file FILE [options]

Options:
  --dataset rrsisd|refsegrs  categories for the object mask and default length (default rrsisd)
  --max-tokens N             token length (default 22 for rrsisd, 20 for refsegrs);
                             0 = no truncation and no padding
  --vocab FILE               WordPiece vocabulary (default: the package's weights/vocab.txt)
  --categories FILE          object categories, one per line (replaces the dataset's list)
  --json                     one JSON object: input_ids, wordpieces, words, tags, l_mask, t_mask, p_mask

--file reads one expression per line and prints one JSON object per line, in order.
Warnings (truncation) go to stderr.`;


/** The lines of a file, without the line break ending its last line. */
function lines(text: string): string[] {
  const all = text.split(/\r?\n/);
  if (all[all.length - 1] === '') all.pop();
  return all;
}

function parseMaxTokens(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new FianetError('bad-input', `--max-tokens takes a whole number >= 0 (0 = no truncation), got '${value}'`);
  return Number(value);
}

function toJson(e: EncodedExpression): string {
  const { input_ids, wordpieces, words, tags, l_mask, t_mask, p_mask } = e;
  return JSON.stringify({ input_ids, wordpieces, words, tags, l_mask, t_mask, p_mask });
}

/** One row per token position; word i sits at position i + 1, the alignment the masks use. */
function toTable(text: string, e: EncodedExpression, tokens: readonly string[]): string {
  const rows = [['pos', 'token', 'id', 'l', 't', 'p', 'word', 'tag']];
  for (let pos = 0; pos < Math.max(e.input_ids.length, e.words.length + 1); pos++) {
    const id = e.input_ids[pos];
    const word = e.words[pos - 1];
    rows.push([
      String(pos),
      id === undefined ? '' : (e.wordpieces[pos] ?? tokens[id] ?? '?'),
      id === undefined ? '' : String(id),
      String(e.l_mask[pos] ?? ''),
      String(e.t_mask[pos] ?? ''),
      String(e.p_mask[pos] ?? ''),
      word ?? '',
      word === undefined ? '' : e.tags[pos - 1]!,
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const table = rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd());
  return [
    `expression: ${text}`,
    `objects:    ${e.objects.join(', ') || '(none: t is all zero)'}`,
    `phrases:    ${e.phrases.join(' | ') || '(none: p = l)'}`,
    '',
    ...table,
  ].join('\n');
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('tokenize', HELP, argv, {
    ...VOCAB_OPTION,
    text: { type: 'string' }, file: { type: 'string' }, dataset: { type: 'string' }, 'max-tokens': { type: 'string' },
    categories: { type: 'string' }, json: { type: 'boolean' },
  });
  if (!parsed) return 0;
  const { values } = parsed;
  if ((values.text === undefined) === (values.file === undefined)) {
    throw new FianetError('bad-input', 'give exactly one of --text and --file (see fianet tokenize --help)');
  }
  const dataset = values.dataset ?? 'rrsisd';
  datasetText(dataset); // an unknown name fails here, before any file is read
  const options: EncodeOptions = {
    vocab: await loadVocabFile(values.vocab ?? defaultVocabPath()),
    dataset: dataset as DatasetName,
    maxTokens: parseMaxTokens(values['max-tokens']),
  };
  if (values.categories !== undefined) {
    const categories = lines(await readBoundedText(values.categories, 'categories file')).map((l) => l.trim()).filter((l) => l !== '');
    if (categories.length === 0) throw new FianetError('bad-input', `${values.categories}: no categories (expected one per line)`);
    options.categories = categories;
  }

  if (values.text !== undefined) {
    const encoded = encodeExpression(values.text, options);
    for (const w of encoded.warnings) console.error(`fianet tokenize: warning: ${w}`);
    console.log(values.json ? toJson(encoded) : toTable(values.text, encoded, options.vocab.tokens));
    return 0;
  }
  const file = values.file!;
  for (const [i, line] of lines(await readBoundedText(file, 'expressions file')).entries()) {
    let encoded: EncodedExpression;
    try {
      encoded = encodeExpression(line, options);
    } catch (e) {
      if (e instanceof FianetError) throw new FianetError(e.code, `${file}:${i + 1}: ${e.message}`);
      throw e;
    }
    for (const w of encoded.warnings) console.error(`fianet tokenize: warning: ${file}:${i + 1}: ${w}`);
    console.log(toJson(encoded));
  }
  return 0;
}
