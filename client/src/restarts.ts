/**
 * What the client does when the server stops unexpectedly: restart it, up to a limit within
 * a few minutes, and tell the user once rather than at every restart.
 */
export type RestartNotice = 'restarted' | 'stopped' | undefined;

export class RestartPolicy {
  private readonly crashes: number[] = [];
  private told = false;

  constructor(
    readonly limit = 5,
    private readonly windowMs = 3 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The server's connection closed without being asked to: restart or not, and what to say. */
  closed(): { restart: boolean; notice: RestartNotice } {
    const t = this.now();
    while (this.crashes.length && t - this.crashes[0] > this.windowMs) this.crashes.shift();
    this.crashes.push(t);
    if (this.crashes.length > this.limit) return { restart: false, notice: 'stopped' };
    const notice = this.told ? undefined : 'restarted';
    this.told = true;
    return { restart: true, notice };
  }
}
