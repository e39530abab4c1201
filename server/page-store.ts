/** What the store needs of a page: its bytes (to bound memory), its age, whether to keep it. */
export type StoredPage = {
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  renderedAt: number;
  /** False for an answer given to the requests waiting for it but kept for no one else. */
  cacheable: boolean;
};

export type PageStoreOptions = {
  /** How long a page is served without rendering it again. */
  freshMs: number;
  /** After that, how long it may still be served while one new render runs. */
  staleMs: number;
  maxEntries: number;
  maxBytes: number;
  now?: () => number;
};

/**
 * Pages by key, bounded in entries and bytes (least recently used leave first). One render
 * per key at a time: a crowd arriving at a page that is missing waits for that one render,
 * and a crowd at a page past its freshness gets the old one while it is redone.
 */
export class PageStore<Page extends StoredPage> {
  private readonly pages = new Map<string, Page>();
  private readonly rendering = new Map<string, Promise<Page>>();
  private bytes = 0;
  private generation = 0;

  constructor(private readonly options: PageStoreOptions) {}

  get size(): number {
    return this.pages.size;
  }

  /** The stored page, or a new render (stored when it is cacheable). */
  async get(key: string, render: () => Promise<Page>): Promise<Page> {
    const now = (this.options.now ?? Date.now)();
    const stored = this.pages.get(key);
    if (stored) {
      const age = now - stored.renderedAt;
      if (age <= this.options.freshMs) return this.touch(key, stored);
      if (age <= this.options.freshMs + this.options.staleMs) {
        void this.renderOnce(key, render).catch(() => undefined);
        return this.touch(key, stored);
      }
    }
    return this.renderOnce(key, render);
  }

  /** Something was written: every page is rendered again before it is served next. */
  clear(): void {
    this.generation++;
    this.pages.clear();
    this.bytes = 0;
  }

  private touch(key: string, page: Page): Page {
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  private renderOnce(key: string, render: () => Promise<Page>): Promise<Page> {
    let pending = this.rendering.get(key);
    if (!pending) {
      const generation = this.generation;
      pending = render()
        .then((page) => {
          // A render that began before a write may show the state before it: used, not kept.
          if (page.cacheable && generation === this.generation) this.store(key, page);
          return page;
        })
        .finally(() => this.rendering.delete(key));
      this.rendering.set(key, pending);
    }
    return pending;
  }

  private store(key: string, page: Page): void {
    const old = this.pages.get(key);
    if (old) this.bytes -= sizeOf(old);
    this.pages.delete(key);
    const size = sizeOf(page);
    if (size > this.options.maxBytes) return;
    this.pages.set(key, page);
    this.bytes += size;
    for (const [oldest, value] of this.pages) {
      if (this.pages.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= sizeOf(value);
    }
  }
}

function sizeOf(page: StoredPage): number {
  return page.body.length + page.gzip.length + page.br.length;
}
