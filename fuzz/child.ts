/**
 * One long-lived fuzz worker process with the two watchdogs: an input that runs past the time
 * limit is a hang, an RSS or heap past the memory limit is a blowup (RSS is sampled while the
 * input runs; the V8 heap is capped with --max-old-space-size). Either kills the child; the
 * next input starts a fresh one.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { FuzzReply } from './worker.js';

export const HANG_MS = 5000;
export const MEMORY_LIMIT = 2 ** 30;
const SAMPLE_MS = 50;

export type Outcome = { kind: 'ok' | 'rejected'; detail?: string } | { kind: 'exception' | 'crash' | 'hang' | 'memory'; detail: string };

function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

export class FuzzChild {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private stderr = '';
  private nextId = 0;

  constructor(private readonly workerPath: string) {}

  private start(): Promise<void> {
    this.stderr = '';
    const child = fork(this.workerPath, [], {
      execArgv: [`--max-old-space-size=${MEMORY_LIMIT / 2 ** 20}`, '--enable-source-maps'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-2000)));
    this.child = child;
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`fuzz worker failed to start (exit ${code}): ${this.stderr}`)));
    });
  }

  async run(target: string, input: Uint8Array): Promise<Outcome> {
    if (!this.child) this.ready = this.start();
    await this.ready;
    const child = this.child!;
    const id = this.nextId++;
    return new Promise<Outcome>((resolve) => {
      let settled = false;
      const finish = (outcome: Outcome, kill: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(sampler);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (kill) {
          child.kill('SIGKILL');
          this.child = undefined;
        }
        resolve(outcome);
      };
      const onMessage = (reply: FuzzReply) => {
        if (reply.id !== id) return;
        const over = Math.max(reply.rss, reply.heap) > MEMORY_LIMIT;
        if (over) finish({ kind: 'memory', detail: `RSS ${(reply.rss / 2 ** 20).toFixed(0)} MiB, heap ${(reply.heap / 2 ** 20).toFixed(0)} MiB after the input` }, true);
        else if (reply.outcome === 'ok' || reply.outcome === 'rejected') finish({ kind: reply.outcome, ...(reply.detail ? { detail: reply.detail } : {}) }, false);
        else finish({ kind: reply.outcome, detail: reply.detail ?? '' }, reply.outcome === 'memory');
      };
      const onExit = (code: number | null, signal: string | null) => {
        this.child = undefined;
        const oom = /heap out of memory|Allocation failed/i.test(this.stderr);
        finish({ kind: oom ? 'memory' : 'crash', detail: `${oom ? 'V8 heap limit reached' : `exit ${code ?? signal}`}: ${this.stderr.trim().split('\n').slice(-3).join(' | ')}` }, false);
      };
      const timer = setTimeout(() => finish({ kind: 'hang', detail: `no answer after ${HANG_MS} ms` }, true), HANG_MS);
      const sampler = setInterval(() => {
        const rss = rssOf(child.pid!);
        if (rss > MEMORY_LIMIT) finish({ kind: 'memory', detail: `RSS reached ${(rss / 2 ** 20).toFixed(0)} MiB while running` }, true);
      }, SAMPLE_MS);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ id, target, input });
    });
  }

  close(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }
}
