import { AnalysisCache } from '../engine';

/**
 * The incremental-analysis caches of the documents being edited, and only those.
 *
 * A cache keeps a document's parsed chunks and shell commands so the next version re-parses only
 * what changed; that is ~40× the document's size in memory. A document that is opened and read
 * but never typed in gains nothing from it, and a window with hundreds of open files (a
 * find-and-replace, "open all") would pay for all of them in garbage collection on every later
 * keystroke. So a document gets a cache on its first edit, and only the most recently edited
 * `capacity` documents keep theirs; one that drops out is analysed in full on its next edit, once,
 * and gets a cache again.
 */
export class EditCaches {
  /** Insertion order is recency: the last entry is the most recently edited document. */
  private readonly caches = new Map<string, AnalysisCache>();

  constructor(private readonly capacity = 16) {}

  /** The cache for an edited document, made the most recent (created if it has none). */
  forEdit(uri: string): AnalysisCache {
    let cache = this.caches.get(uri);
    if (cache) this.caches.delete(uri);
    else cache = new AnalysisCache();
    this.caches.set(uri, cache);
    while (this.caches.size > this.capacity) this.caches.delete(this.caches.keys().next().value!);
    return cache;
  }

  /** The document's cache if it has one, without changing its recency (code actions, hover). */
  peek(uri: string): AnalysisCache | undefined {
    return this.caches.get(uri);
  }

  /** Drops a document's cache: it was closed, or its analysis failed and must start clean. */
  forget(uri: string): void {
    this.caches.delete(uri);
  }

  get size(): number {
    return this.caches.size;
  }
}
