/**
 * `fianet` command line: one file per subcommand under src/cli/, each exporting
 * `run(argv): Promise<number>` (the exit code). Errors of type FianetError are printed
 * as one clear message with exit code 1; anything else is a bug and shows its stack.
 */
import { FianetError } from '../errors.js';

type Command = { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> };

const commands: Record<string, Command> = {
  segment: { summary: 'the mask of the object a referring expression describes, in an image', load: () => import('./segment.js') },
  scene: { summary: 'a whole (Geo)TIFF scene, tile by tile: GeoTIFF mask, probabilities (and polygons)', load: () => import('./scene.js') },
  info: { summary: 'adapter, limits and features; or the tensors of a .safetensors file', load: () => import('./info.js') },
  convert: { summary: 'a PyTorch .pth checkpoint to .safetensors', load: () => import('./convert.js') },
  eval: { summary: 'mIoU, oIoU and Pr@0.5..0.9 of a model on a dataset split (RRSIS-D, RefSegRS, JSON lines)', load: () => import('./eval.js') },
  bench: { summary: 'kernel and model benchmarks on one adapter (GFLOP/s, medians, CPU time)', load: () => import('./bench.js') },
  tokenize: { summary: 'token ids, words, POS tags and l/t/p masks of a referring expression', load: () => import('./tokenize.js') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: fianet <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun 'fianet <command> --help' for the options of one command.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`fianet: unknown command '${name}'\n\n${usage()}`);
    return 1;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (e) {
    // node:util parseArgs errors (unknown option, missing value, stray positional) are the user's.
    if (e instanceof FianetError || String((e as { code?: string }).code).startsWith('ERR_PARSE_ARGS_')) {
      console.error(`fianet ${name}: ${(e as Error).message}`);
      return 1;
    }
    throw e;
  }
}
