/**
 * The requests being answered. Background work (the workspace index) waits while there are any, so that a
 * request on an open document, with its round trips to the client (its settings), never queues behind it.
 */
export class InFlight {
  private count = 0;
  private waiting: (() => void)[] = [];

  get busy(): boolean {
    return this.count > 0;
  }

  /** Answers a request, counted until its answer is settled. */
  async track<R>(answer: () => R | Promise<R>): Promise<R> {
    this.count++;
    try {
      return await answer();
    } finally {
      if (--this.count === 0) for (const wake of this.waiting.splice(0)) wake();
    }
  }

  /** Resolves once no request is being answered. */
  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }
}
