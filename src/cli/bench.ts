/** `fianet bench`: the benchmark suites of bench/ (see bench/main.ts for the options). */
export { main as run } from '../../bench/main.js';
