/**
 * Dawn and the GPU drivers print from native code straight to file descriptor 2
 * ("Warning: vkCreateInstance: Found no drivers!", "Warning: maxDynamicUniformBuffersPerPipelineLayout
 * artificially reduced ..."), with no option of the `webgpu` package to silence them and no
 * way for JavaScript to redirect that descriptor. So the CLI runs itself as a child whose
 * stderr passes through this filter; `--verbose` runs it in place, messages and all.
 */

/** Dawn's log lines (dawn/common/Log.cpp: "<Severity>: message"), its "    at Fn (file:line)" trailers, driver loader chatter. */
const NOISE = /^(Warning|Info|Debug): |^\s+at \S+ \(.*:\d+\)$|^(MESA|libEGL|libGL|ACO|radv|vkEnumerate\w*)[ :-]/;

export interface LineFilter {
  push(chunk: string): void;
  end(): void;
}

/**
 * Drops noise lines (and the blank line Dawn ends a multi-line message with) and passes the
 * rest through unchanged. A piece without its newline yet waits for it, except a progress bar
 * redrawn in place ('\r' first), which must show at once.
 */
export function nativeNoiseFilter(write: (text: string) => void): LineFilter {
  let pending = '';
  let afterNoise = false;
  const line = (text: string): void => {
    if (NOISE.test(text) || (afterNoise && text === '')) {
      afterNoise = text !== '';
      return;
    }
    afterNoise = false;
    write(`${text}\n`);
  };
  return {
    push(chunk) {
      const parts = (pending + chunk).split('\n');
      pending = parts.pop()!;
      for (const p of parts) line(p);
      if (pending.startsWith('\r')) {
        write(pending);
        pending = '';
      }
    },
    end() {
      if (pending !== '' && !NOISE.test(pending)) write(pending);
      pending = '';
    },
  };
}
