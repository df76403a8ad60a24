/**
 * `fianet` command line: one file per subcommand under src/cli/, each exporting
 * `run(argv): Promise<number>` (the exit code). Exit codes: 0 success, 1 bad input (a
 * FianetError, a bad option, a file the system refuses: one line, no stack trace), 2 an
 * internal bug (any other exception: one line saying so; the stack with --verbose), so
 * scripts can tell a user's mistake from a defect.
 */
import { FianetError } from '../errors.js';

export type Command = { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> };

const commands: Record<string, Command> = {
  segment: { summary: 'the mask of the object a referring expression describes, in an image', load: () => import('./segment.js') },
  scene: { summary: 'a whole (Geo)TIFF scene, tile by tile: GeoTIFF mask, probabilities (and polygons)', load: () => import('./scene.js') },
  info: { summary: 'adapter, limits and features; or the tensors of a .safetensors file', load: () => import('./info.js') },
  convert: { summary: 'a PyTorch .pth checkpoint to .safetensors', load: () => import('./convert.js') },
  eval: { summary: 'mIoU, oIoU and Pr@0.5..0.9 of a model on a dataset split (RRSIS-D, RefSegRS, JSON lines)', load: () => import('./eval.js') },
  bench: { summary: 'kernel and model benchmarks on one adapter (GFLOP/s, medians, CPU time)', load: () => import('./bench.js') },
  tokenize: { summary: 'token ids, words, POS tags and l/t/p masks of a referring expression', load: () => import('./tokenize.js') },
};

export const EXIT_BAD_INPUT = 1;
export const EXIT_BUG = 2;

function usage(table: Record<string, Command>): string {
  const lines = Object.entries(table).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: fianet <command> [options] [--verbose]\n\ncommands:\n${lines.join('\n')}\n\nRun 'fianet <command> --help' for the options of one command.`;
}

/** The user's mistakes: our errors, node:util parseArgs errors, and files the system refuses (ENOENT, EISDIR, EACCES...). */
function isUserError(e: unknown): boolean {
  if (e instanceof FianetError) return true;
  const { code, syscall } = (e ?? {}) as { code?: unknown; syscall?: unknown };
  return String(code).startsWith('ERR_PARSE_ARGS_') || (typeof syscall === 'string' && typeof code === 'string');
}

/** `table` is a test seam (a command that throws what a test needs). */
export async function main(argv: string[], table: Record<string, Command> = commands): Promise<number> {
  const verbose = argv.includes('--verbose');
  const [name, ...rest] = argv.filter((a) => a !== '--verbose');
  if (!name || name === '--help' || name === '-h') {
    console.log(usage(table));
    return name ? 0 : EXIT_BAD_INPUT;
  }
  const command = table[name];
  if (!command) {
    console.error(`fianet: unknown command '${name}' (commands: ${Object.keys(table).join(', ')}; see fianet --help)`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (e) {
    if (isUserError(e)) {
      // parseArgs spreads its hints over several lines.
      const message = e instanceof FianetError ? e.message : (e as Error).message.replace(/\s*\n\s*/g, ' ');
      console.error(`fianet ${name}: ${message}`);
      return EXIT_BAD_INPUT;
    }
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    console.error(`fianet ${name}: internal error (a bug in fianet, not in your input; please report it): ${what.split('\n')[0]}${verbose ? '' : ' (--verbose shows the stack)'}`);
    if (verbose && e instanceof Error && e.stack) console.error(e.stack);
    return EXIT_BUG;
  }
}
