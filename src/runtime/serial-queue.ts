/**
 * Runs async jobs one at a time, in call order: a compiled graph owns one set of input,
 * activation and readback buffers, so two runs interleaved between their awaited submits
 * would overwrite each other's activations (issue 13: concurrent segment() calls returned
 * wrong masks). `close` refuses new and still-queued jobs and resolves once the job in
 * flight has settled, so the owner can free the buffers it was using.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  /** Jobs pushed and not yet settled: an idle queue starts a job at once (so it counts as in flight for close). */
  private pending = 0;
  private closedWith: (() => Error) | undefined;

  get closed(): boolean {
    return this.closedWith !== undefined;
  }

  /** Runs `job` after every earlier job settled; rejects with the close error if closed before its turn. */
  push<T>(job: () => Promise<T>): Promise<T> {
    const start = (): Promise<T> => {
      if (this.closedWith) throw this.closedWith();
      return job();
    };
    const turn = this.pending === 0 ? new Promise<T>((resolve) => resolve(start())) : this.tail.then(start);
    this.pending++;
    this.tail = turn.then(
      () => void this.pending--,
      () => void this.pending--,
    );
    return turn;
  }

  /** Later and queued jobs reject with `error()`; resolves when the job in flight (if any) has settled. */
  close(error: () => Error): Promise<void> {
    this.closedWith ??= error;
    return this.tail.then(() => undefined);
  }
}
