/**
 * Coalesces analysis requests. An edit only marks its document dirty; analysis starts once a
 * turn of the event loop passes with no new request (vscode-jsonrpc handles one incoming message
 * per turn, so this means "the burst of queued edits has been read"), then handles dirty
 * documents for up to `sliceMs` per turn, always at their latest version. A burst of keystrokes
 * costs one analysis, with no fixed debounce delay, and opening hundreds of documents never
 * blocks the event loop for much longer than one slice. A continuous stream of requests cannot
 * starve analysis: after `maxWaitMs` it proceeds anyway.
 */
export class AnalysisQueue {
  private readonly dirty = new Set<string>();
  private scheduled = false;
  private idleScheduled = false;
  private requestsSinceLastTurn = 0;
  private waitingSince = 0;

  constructor(
    private readonly analyse: (uri: string) => void,
    private readonly maxWaitMs = 30,
    /** Called when the last dirty document has been analysed and nothing else is waiting. */
    private readonly idle?: () => void,
    /** Analyse further dirty documents in the same turn until this much time has passed. */
    private readonly sliceMs = 8,
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
    // A burst of dirty documents (hundreds opened at once) is worked through in slices of about
    // `sliceMs`: fewer event-loop turns and fewer, larger writes to the editor, while an incoming
    // request (a keystroke, a hover) still waits at most one slice.
    const sliceEnd = performance.now() + this.sliceMs;
    do {
      const next = this.dirty.values().next();
      if (next.done) break;
      this.dirty.delete(next.value);
      this.analyse(next.value);
    } while (performance.now() < sliceEnd);
    this.waitingSince = 0;
    if (this.dirty.size === 0) this.scheduleIdle();
    else this.schedule();
  }

  /**
   * The idle work runs in a later turn of the event loop, not in this one: the diagnostics just
   * published are written when this turn ends (stdio-transport.ts), and the editor should not
   * wait for a garbage collection to see them. A request that arrives in between wins.
   */
  private scheduleIdle(): void {
    if (!this.idle || this.idleScheduled) return;
    this.idleScheduled = true;
    setImmediate(() => {
      this.idleScheduled = false;
      if (this.dirty.size === 0 && !this.scheduled) this.idle?.();
    });
  }
}
