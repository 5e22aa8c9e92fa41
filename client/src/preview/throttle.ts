/**
 * Runs a task at most once per interval: the first request runs at once, requests during
 * the interval collapse into one run at its end. The task reads the latest state when it
 * runs, so the versions in between are never rendered.
 */
export class Throttle {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = -Infinity;

  constructor(
    private readonly task: () => void,
    private readonly interval: () => number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.last + this.interval() - this.now());
    this.timer = setTimeout(() => this.run(), wait);
  }

  /** Runs a pending task now. */
  flush(): void {
    if (this.timer) this.run();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  private run(): void {
    this.cancel();
    this.last = this.now();
    this.task();
  }
}
