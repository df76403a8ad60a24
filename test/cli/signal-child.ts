// Child process of cli-reliability.test.ts: stages two outputs (one complete, one mid-write),
// says so on stdout, then waits to be signalled. The OutputSet's handlers (or its exit hook,
// when the command has its own SIGINT handler) must remove both.
import { writeOutputs } from '../../src/node/atomic-write.js';

const [dir, mode] = process.argv.slice(2);
// 'own-handler': the command handles SIGINT itself (as eval does) and quits with process.exit.
if (mode === 'own-handler') process.on('SIGINT', () => process.exit(130));
async function* slow(): AsyncGenerator<Uint8Array> {
  yield new Uint8Array(1000);
  process.stdout.write('writing\n');
  await new Promise(() => setInterval(() => {}, 1000)); // never finishes
}
await writeOutputs(async (outputs) => {
  await outputs.write(`${dir}/first.png`, new Uint8Array(10));
  await outputs.write(`${dir}/second.safetensors`, slow());
});
