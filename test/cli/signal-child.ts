// Child process of cli-reliability.test.ts: stages two outputs (one complete, one mid-write),
// says so on stdout, then waits to be signalled. The OutputSet's handlers must remove both.
import { writeOutputs } from '../../src/node/atomic-write.js';

const [dir] = process.argv.slice(2);
async function* slow(): AsyncGenerator<Uint8Array> {
  yield new Uint8Array(1000);
  process.stdout.write('writing\n');
  await new Promise(() => setInterval(() => {}, 1000)); // never finishes
}
await writeOutputs(async (outputs) => {
  await outputs.write(`${dir}/first.png`, new Uint8Array(10));
  await outputs.write(`${dir}/second.safetensors`, slow());
});
