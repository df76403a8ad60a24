/**
 * `fianet bench`: the Node driver of the benchmark suites in src/bench (the browser bench
 * page runs the same ones): options, the adapter, CPU time and load averages, the terminal's
 * progress line, the output files. Tables go to stdout as each suite finishes.
 */
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, platform } from 'node:os';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { FianetError } from '../errors.js';
import { compareMarkdown } from '../bench/compare.js';
import { rooflineSvg } from '../bench/roofline.js';
import { parseReport, type BenchReport } from '../bench/schema.js';
import { checkRequest, DEFAULT_SUITES, runBench, SUITES } from '../bench/suites.js';
import { reportHeader, suiteTable } from '../bench/tables.js';
import { timestampTimer } from '../bench/harness.js';
import { writeFileAtomic } from '../node/atomic-write.js';
import { nodeGpu, parseAdapterKind } from '../node/gpu-node.js';
import { checkOutputPaths } from '../node/output-paths.js';
import { readBoundedText } from '../node/read-bounded.js';
import { stderrOutput } from './terminal.js';

const HELP = `usage: fianet bench [--adapter KIND] [--only SUITES] [--runs N] [--cases A,B] [--variants A,B] [--json FILE] [--plot FILE.svg]
       fianet bench --compare BEFORE.json AFTER.json
       fianet bench --plot FILE.svg --from REPORT.json

Suites: ${Object.keys(SUITES).join(', ')} (default: ${DEFAULT_SUITES.join(', ')}; 'e2e', the whole
model at base480, takes minutes on CPU adapters and runs only when asked, as does 'f16': f16
weights against f32, runs alternated, at linear layers' shapes and BERT-base). The ceilings are
measured first (a compute probe of FMAs fed from a uniform buffer, a 64 MiB vec4 copy, our
best matmul at 1024^3); every row gives its % of the compute ceiling, and of copy bandwidth
where it is memory-bound. Each configuration's output is checked before it is timed.
  --cases, --variants   name prefixes, applied to the suites whose names they select
  --json FILE           every figure, versioned (bench/SCHEMA.md)
  --plot FILE.svg       the roofline picture: every row under the measured ceilings
  --compare B.json A.json  per-row time ratios A / B, rows whose configuration differs flagged
  --from REPORT.json    draw --plot from a saved report instead of running`;

/** The terminal's one progress line, redrawn in place; nothing when stderr is not a terminal. */
function statusLine(): { show(text: string): void; clear(): void } {
  const out = stderrOutput();
  let shown = false;
  return {
    show(text) {
      if (!out.isTTY) return;
      out.write(`\r\x1b[K${text.slice(0, (out.columns ?? 100) - 1)}`);
      shown = true;
    },
    clear() {
      if (shown) out.write('\r\x1b[K');
      shown = false;
    },
  };
}

function dawnVersion(): string {
  try {
    return createRequire(import.meta.url)('webgpu/package.json').version;
  } catch {
    return 'unknown';
  }
}

async function readReport(path: string): Promise<BenchReport> {
  const text = await readBoundedText(path, 'bench report');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new FianetError('bad-input', `${path}: not JSON (${(e as Error).message})`);
  }
  return parseReport(doc, path);
}

const writeText = (path: string, text: string) => writeFileAtomic(path, new TextEncoder().encode(text));
const plotTitle = (r: BenchReport) => `Roofline: fianet bench on ${r.adapter.kind}, ${r.suites.map((s) => s.suite).join(', ')}`;

const list = (v?: string) => v?.split(',').map((x) => x.trim()).filter(Boolean);

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      adapter: { type: 'string' }, only: { type: 'string' }, runs: { type: 'string' }, json: { type: 'string' },
      variants: { type: 'string' }, cases: { type: 'string' }, plot: { type: 'string' }, from: { type: 'string' },
      compare: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.compare) {
    if (positionals.length !== 2) throw new FianetError('bad-input', `--compare takes two reports, BEFORE.json AFTER.json; got ${positionals.length}`);
    const [before, after] = await Promise.all(positionals.map(readReport));
    console.log(compareMarkdown(before, after, [positionals[0], positionals[1]]));
    return 0;
  }
  if (positionals.length) throw new FianetError('bad-input', `unexpected argument '${positionals[0]}' (reports are read with --compare or --from)`);
  if (values.from) {
    if (!values.plot) throw new FianetError('bad-input', '--from REPORT.json needs --plot FILE.svg');
    await checkOutputPaths({ '--plot': values.plot }, { '--from': values.from });
    const report = await readReport(values.from);
    await writeText(values.plot, rooflineSvg(report, plotTitle(report)));
    return 0;
  }
  const runs = values.runs === undefined ? 10 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 1000) throw new FianetError('bad-input', `--runs takes a whole number from 1 to 1000, got '${values.runs}'`);
  const req = { suites: list(values.only), cases: list(values.cases), variants: list(values.variants) };
  // Mistakes fail before minutes of measuring: unknown suites or prefixes, output folders missing.
  checkRequest(req);
  await checkOutputPaths({ '--json': values.json, '--plot': values.plot }, {});
  const status = statusLine();
  const gpu = await nodeGpu(parseAdapterKind(values.adapter));
  const loadBefore = loadavg();
  try {
    const host = {
      gpu,
      runs,
      log: (line: string) => status.show(`bench: ${line}`),
      cpuTime: () => {
        const c = process.cpuUsage();
        return (c.user + c.system) / 1000;
      },
      gpuTimer: timestampTimer(gpu),
    };
    const meta = {
      versions: { engine: version, node: process.versions.node, dawn: dawnVersion() },
      machine: { cpus: availableParallelism(), platform: `${platform()} ${process.arch}`, loadBefore, loadAfter: null },
    };
    const report = await runBench(host, req, meta, (suite, r) => {
      status.clear();
      console.log([...(suite.suite === 'peaks' ? reportHeader(r) : []), ...suiteTable(suite)].join('\n'));
    });
    report.machine.loadAfter = loadavg();
    status.clear();
    console.log(`Load average after: ${report.machine.loadAfter.map((x) => x.toFixed(2)).join(' ')}.`);
    if (values.json) await writeText(values.json, `${JSON.stringify(report, null, 2)}\n`);
    if (values.plot) await writeText(values.plot, rooflineSvg(report, plotTitle(report)));
    return 0;
  } finally {
    status.clear();
    gpu.destroy();
  }
}
