/** The stage's checks: each runs, is timed and ends as passed or failed with its reason. */
export interface CheckResult {
  name: string;
  ok: boolean;
  ms: number;
  detail: string;
}

export class StageReport {
  readonly results: CheckResult[] = [];

  constructor(private readonly log: (line: string) => void) {}

  /** Runs one check; a failure is recorded (and logged) and the stage goes on to the next check. */
  async check(name: string, run: () => Promise<string | void>): Promise<boolean> {
    const started = Date.now();
    try {
      const detail = (await run()) ?? '';
      this.results.push({ name, ok: true, ms: Date.now() - started, detail });
      this.log(`  ✓ ${name}${detail ? `: ${detail}` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return true;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.results.push({ name, ok: false, ms: Date.now() - started, detail });
      this.log(`  ✗ ${name}: ${detail}`);
      return false;
    }
  }

  get failed(): CheckResult[] {
    return this.results.filter((r) => !r.ok);
  }
}
