/**
 * How much the CLI says. By default: the answers, errors, and warnings a user must act on
 * (one line each, on stderr). `--verbose` anywhere on the command line, or FIANET_LOG=debug,
 * adds our `debug:` lines, plain loading progress and the WebGPU implementation's own
 * messages (native-noise.ts hides those otherwise).
 */
let verbose = false;

/** Reads the global flag and the environment; returns the arguments without `--verbose`. */
export function takeVerbose(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): { argv: string[]; verbose: boolean } {
  const rest = argv.filter((a) => a !== '--verbose');
  return { argv: rest, verbose: rest.length !== argv.length || env.FIANET_LOG?.toLowerCase() === 'debug' };
}

export function setVerbose(on: boolean): void {
  verbose = on;
}

export const isVerbose = (): boolean => verbose;

/** A line for whoever is debugging; silent unless verbose. */
export function debug(line: string): void {
  if (verbose) console.error(`debug: ${line}`);
}

/** The `log` of loadSegmenter for a command: warnings to `warn` (one line each), the rest as debug lines. */
export const loadLog =
  (warn: (line: string) => void) =>
  (level: 'warning' | 'debug', line: string): void =>
    level === 'warning' ? warn(`warning: ${line}`) : debug(line);
