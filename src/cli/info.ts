/**
 * `fianet info [--adapter KIND] [--json]`: the adapter the engine would use, its backend,
 * limits and features. `fianet info FILE.safetensors`: the tensors of a weights file.
 */
import { nodeGpu, parseAdapterKind } from '../node/gpu-node.js';
import { describeSafetensors } from './info-file.js';
import { MODEL_OPTIONS, parseCommand } from './options.js';

const HELP = `usage: fianet info [--adapter auto|gpu|llvmpipe|swiftshader] [--json]
       fianet info FILE.safetensors

Without a file: opens the WebGPU adapter (default: FIANET_ADAPTER or auto) and prints it.
With a file: lists its tensors (dtype, shape, bytes), totals and metadata.`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand('info', HELP, argv, { adapter: MODEL_OPTIONS.adapter, json: { type: 'boolean' } }, { positionals: true });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    for (const path of positionals) console.log(await describeSafetensors(path));
    return 0;
  }
  const gpu = await nodeGpu(parseAdapterKind(values.adapter));
  const a = gpu.adapter;
  gpu.destroy();
  if (values.json) {
    console.log(JSON.stringify(a, null, 2));
    return 0;
  }
  const limits = ['maxComputeInvocationsPerWorkgroup', 'maxComputeWorkgroupStorageSize', 'maxStorageBufferBindingSize', 'maxBufferSize', 'maxStorageBuffersPerShaderStage'];
  console.log(
    [
      `adapter:       ${a.kind} (${[a.vendor, a.architecture, a.device].filter(Boolean).join(' ')})`,
      `description:   ${a.description || '-'}`,
      `backend:       ${a.backend}, ${a.featureLevel} feature level`,
      `features:      ${a.features.join(', ') || '-'}`,
      'limits:',
      ...limits.map((name) => `  ${name.padEnd(34)} ${a.limits[name]}`),
    ].join('\n'),
  );
  return 0;
}
