/**
 * The `fianet` executable (bin/fianet.js runs dist/cli.js, bundled from here). Quiet by
 * default: the command runs in a child process of the same Node whose stderr passes through
 * nativeNoiseFilter, since Dawn's native messages cannot be silenced in-process. With
 * `--verbose` or FIANET_LOG=debug, and inside that child, the command runs here.
 */
import { spawn } from 'node:child_process';
import { main } from './main.js';
import { nativeNoiseFilter } from './native-noise.js';
import { TERMINAL_COLUMNS_ENV } from './terminal.js';
import { setVerbose, takeVerbose } from './verbosity.js';

const CHILD_ENV = 'FIANET_QUIET_CHILD';

export async function launch(argv: string[]): Promise<number> {
  const { argv: rest, verbose } = takeVerbose(argv);
  const script = process.argv[1];
  if (verbose || process.env[CHILD_ENV] === '1' || !script) {
    setVerbose(verbose);
    return main(rest);
  }
  return runQuietChild(script, rest);
}

function runQuietChild(script: string, argv: string[]): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, [CHILD_ENV]: '1' };
  if (process.stderr.isTTY) env[TERMINAL_COLUMNS_ENV] = String(process.stderr.columns || 80);
  const child = spawn(process.execPath, [...process.execArgv, script, ...argv], { stdio: ['inherit', 'inherit', 'pipe'], env });
  const filter = nativeNoiseFilter((text) => process.stderr.write(text));
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => filter.push(chunk));
  // Ctrl-C on a terminal reaches the whole process group: the child handles it (eval's
  // two-step interrupt), so the parent only waits. Other signals are passed on.
  const ignoreInterrupt = () => {};
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', ignoreInterrupt);
  process.on('SIGTERM', forward);
  process.on('SIGHUP', forward);
  return new Promise((resolve) => {
    child.on('error', (e) => {
      process.stderr.write(`fianet: cannot start ${process.execPath}: ${e.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      filter.end();
      process.off('SIGINT', ignoreInterrupt);
      process.off('SIGTERM', forward);
      process.off('SIGHUP', forward);
      if (signal) process.kill(process.pid, signal); // end the way the child did
      resolve(code ?? 1);
    });
  });
}
