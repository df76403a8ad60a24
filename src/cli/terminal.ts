/**
 * The CLI's stderr as progress output. In the quiet child (launch.ts) stderr is a pipe to the
 * parent, which passes it on to the terminal: the parent says so, with the terminal's width.
 */
import type { ProgressOutput } from './progress.js';

export const TERMINAL_COLUMNS_ENV = 'FIANET_STDERR_COLUMNS';

export function stderrOutput(): ProgressOutput {
  const relayed = Number(process.env[TERMINAL_COLUMNS_ENV]);
  const tty = process.stderr.isTTY === true || relayed > 0;
  return {
    write: (text: string) => process.stderr.write(text),
    isTTY: tty,
    columns: process.stderr.columns ?? (relayed > 0 ? relayed : undefined),
  };
}
