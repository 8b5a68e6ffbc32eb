/**
 * The requests being answered. Background work (the workspace index) waits while there are any, so that a
 * request on an open document, with its round trips to the client (its settings), never queues behind it.
 */
export class InFlight {
  private count = 0;
  private waiting: (() => void)[] = [];
  private readonly observers = new Set<(busy: boolean) => void>();

  get busy(): boolean {
    return this.count > 0;
  }

  /** Answers a request, counted until its answer is settled. */
  async track<R>(answer: () => R | Promise<R>): Promise<R> {
    if (this.count++ === 0) for (const observer of this.observers) observer(true);
    try {
      return await answer();
    } finally {
      if (--this.count === 0) {
        for (const wake of this.waiting.splice(0)) wake();
        for (const observer of this.observers) observer(false);
      }
    }
  }

  /** Tells `observer` when requests start being answered (true) and when none is left (false); returns how to stop. */
  observe(observer: (busy: boolean) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** Resolves once no request is being answered. */
  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }
}
