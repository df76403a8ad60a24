/**
 * The fuzz child: runs inputs sent by the parent one at a time and answers with the outcome.
 * The parent watches it (time, memory) and restarts it after a crash, a hang or a blowup.
 */
import { takeBlowup } from './allocation-guard.js';
import { FianetError } from '../src/errors.js';
import { targetNamed } from './targets.js';

export interface FuzzRequest {
  id: number;
  target: string;
  input: Uint8Array;
}

export interface FuzzReply {
  id: number;
  outcome: 'ok' | 'rejected' | 'exception' | 'memory';
  detail?: string;
  rss: number;
  heap: number;
}

process.on('message', (request: FuzzRequest) => {
  void (async () => {
    let outcome: FuzzReply['outcome'] = 'ok';
    let detail: string | undefined;
    try {
      await targetNamed(request.target).run(request.input);
    } catch (e) {
      if (e instanceof FianetError) {
        outcome = 'rejected';
        detail = e.message.slice(0, 300);
      } else {
        outcome = 'exception';
        detail = e instanceof Error ? `${e.name}: ${e.message.slice(0, 300)}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}` : `non-Error thrown: ${String(e).slice(0, 200)}`;
      }
    }
    const blowup = takeBlowup();
    if (blowup) [outcome, detail] = ['memory', blowup];
    const m = process.memoryUsage();
    process.send!({ id: request.id, outcome, detail, rss: m.rss, heap: m.heapUsed } satisfies FuzzReply);
  })();
});
process.send!({ id: -1, outcome: 'ok', rss: 0, heap: 0 } satisfies FuzzReply);
