/**
 * Counts long-lived connections (collab WebSockets, comment event streams) per key, an
 * account or a client address, so one visitor cannot hold every socket the process has.
 * `acquire` returns a release function, or null when the key is at its limit.
 */
export class ConnectionQuota {
  private readonly counts = new Map<string, number>();

  constructor(private readonly limit: number) {}

  acquire(key: string): (() => void) | null {
    const count = this.counts.get(key) ?? 0;
    if (count >= this.limit) return null;
    this.counts.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    };
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}
