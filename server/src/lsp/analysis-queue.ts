/**
 * Coalesces analysis requests. An edit only marks its document dirty; analysis starts once a
 * turn of the event loop passes with no new request (vscode-jsonrpc handles one incoming message
 * per turn, so this means "the burst of queued edits has been read"), then handles one dirty
 * document per turn, always at its latest version. A burst of keystrokes costs one analysis,
 * with no fixed debounce delay, and opening hundreds of documents never blocks the event loop
 * for longer than one document's analysis. A continuous stream of requests cannot starve
 * analysis: after `maxWaitMs` it proceeds anyway.
 */
export class AnalysisQueue {
  private readonly dirty = new Set<string>();
  private scheduled = false;
  private requestsSinceLastTurn = 0;
  private waitingSince = 0;

  constructor(
    private readonly analyse: (uri: string) => void,
    private readonly maxWaitMs = 30,
    /** Called when the last dirty document has been analysed and nothing else is waiting. */
    private readonly idle?: () => void,
  ) {}

  request(uri: string): void {
    this.dirty.add(uri);
    this.requestsSinceLastTurn++;
    this.schedule();
  }

  cancel(uri: string): void {
    this.dirty.delete(uri);
  }

  get pending(): number {
    return this.dirty.size;
  }

  private schedule(): void {
    if (this.scheduled || this.dirty.size === 0) return;
    this.scheduled = true;
    if (this.waitingSince === 0) this.waitingSince = Date.now();
    setImmediate(() => this.turn());
  }

  private turn(): void {
    this.scheduled = false;
    const quiet = this.requestsSinceLastTurn === 0;
    this.requestsSinceLastTurn = 0;
    if (!quiet && Date.now() - this.waitingSince < this.maxWaitMs) {
      this.schedule();
      return;
    }
    const next = this.dirty.values().next();
    if (!next.done) {
      this.dirty.delete(next.value);
      this.analyse(next.value);
      if (this.dirty.size === 0) this.idle?.();
    }
    this.waitingSince = 0;
    this.schedule();
  }
}
