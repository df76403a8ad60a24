/**
 * `npm run weights:base480 -- OUT.safetensors`, `npm run weights:base480c -- OUT.safetensors`:
 * a full-size fixture's formula weights (Swin-B + BERT-base, RRSIS-D variant: 842 tensors,
 * 256,187,250 float32 values, ~1 GB) with their config in the safetensors metadata, so the
 * full-size model runs through the CLI like any checkpoint. The npm scripts pass the rule set
 * first. Progress goes to stderr: one line redrawn in place on a terminal, a line every 5%
 * otherwise. Bundled to dist/formula-weights.js by scripts/build.mjs.
 */
import { FianetError } from '../src/errors.js';
import { publishedConfig } from '../src/model/config.js';
import { FORMULA_RULE_SETS, parseFormulaRuleSet } from '../src/model/formula-weights.js';
import { writeFormulaWeightsFile } from '../src/node/formula-weights-file.js';

const USAGE = `usage: npm run weights:RULESET -- OUT.safetensors   (RULESET: ${FORMULA_RULE_SETS.join(' or ')})

Writes that fixture's formula weights (~1 GB) with the model config in the metadata.`;

export async function main(argv: string[]): Promise<number> {
  const help = argv.includes('--help') || argv.includes('-h');
  if (help || argv.length !== 2 || argv.some((a) => a.startsWith('-'))) {
    console.error(USAGE);
    return help ? 0 : 1;
  }
  const [ruleSetArg, out] = argv;
  const tag = `weights:${ruleSetArg}`;
  const tty = process.stderr.isTTY === true;
  const t0 = performance.now();
  let lastPercent = -1;
  try {
    const ruleSet = parseFormulaRuleSet(ruleSetArg);
    const summary = await writeFormulaWeightsFile(out, publishedConfig('rrsisd', 480), ruleSet, (done, total, tensor) => {
      const percent = Math.floor((100 * done) / total);
      if (percent === lastPercent || (!tty && percent < lastPercent + 5 && done !== total)) return;
      lastPercent = percent;
      const line = `${tag}: ${String(percent).padStart(3)}%  ${(done / 1e6).toFixed(1)}M of ${(total / 1e6).toFixed(1)}M values  (${tensor})`;
      process.stderr.write(tty ? `\r\x1b[K${line}${done === total ? '\n' : ''}` : `${line}\n`);
    });
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`${out}: ${ruleSet} formula weights, ${summary.tensors} tensors, ${summary.params.toLocaleString('en-US')} parameters, ${summary.bytes.toLocaleString('en-US')} bytes (F32), ${seconds} s`);
    return 0;
  } catch (e) {
    if (e instanceof FianetError) {
      console.error(`${tag}: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
