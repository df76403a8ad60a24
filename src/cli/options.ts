/**
 * What every subcommand does with its arguments, written once: node:util parseArgs in strict
 * mode (an unknown option or a missing value is an error), `-h`/`--help` printing the
 * command's help, one bad-input line pointing at `fianet <command> --help` for any mistake,
 * and the options several commands share. Each subcommand declares only its own options.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FianetError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** The model a command loads: weights, its config and the adapter it runs on. */
export const MODEL_OPTIONS = { weights: { type: 'string' }, config: { type: 'string' }, adapter: { type: 'string' } } as const;
/** How the device stores the weights, f32 or f16 (segment, scene, eval; weights-dtype.ts parses it). */
export const WEIGHTS_DTYPE_OPTION = { 'weights-dtype': { type: 'string' } } as const;
/** The WordPiece vocabulary (segment, scene, tokenize). */
export const VOCAB_OPTION = { vocab: { type: 'string' } } as const;
/** The image pixel limit (segment, eval; max-pixels.ts parses it). */
export const MAX_PIXELS_OPTION = { 'max-pixels': { type: 'string' } } as const;
/** No progress or informational lines (segment, scene). */
export const QUIET_OPTION = { quiet: { type: 'boolean' } } as const;

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O & typeof HELP_OPTION; allowPositionals: true; strict: true }>>;

/**
 * Parses `argv` against `options` (plus --help). Returns undefined after printing `help`
 * when --help was given; positionals are refused unless `positionals` is set.
 */
export function parseCommand<const O extends Options>(command: string, help: string, argv: string[], options: O, { positionals = false } = {}): Pick<Parsed<O>, 'values' | 'positionals'> | undefined {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { ...options, ...HELP_OPTION }, allowPositionals: positionals, strict: true });
  } catch (e) {
    // parseArgs spreads its hints over several lines.
    throw new FianetError('bad-input', `${(e as Error).message.replace(/\s*\n\s*/g, ' ')} (see fianet ${command} --help)`);
  }
  if (parsed.values.help) {
    console.log(help);
    return undefined;
  }
  return parsed as unknown as Pick<Parsed<O>, 'values' | 'positionals'>;
}

/** Fails on the first of `names` not given a (non-empty) value. */
export function requireOptions(command: string, values: Record<string, unknown>, names: readonly string[]): void {
  for (const name of names) {
    if (!values[name]) throw new FianetError('bad-input', `--${name} is required (see fianet ${command} --help)`);
  }
}
