// Shared by the benchmark files: the report line and a median timer.
export type BenchLine = { name: string; value: number; unit: string; target?: string; met?: boolean; note?: string };
export type Bench = (report: (line: BenchLine) => void) => Promise<void>;

/** Median of n timed runs of fn (after warm-up runs), in milliseconds. */
export async function medianMs(fn: () => unknown, runs = 7, warmup = 2): Promise<number> {
  return percentile(await timedRuns(fn, runs, warmup), 50);
}

/** The p-th percentile (nearest rank) of a list of times. */
export function percentile(times: readonly number[], p: number): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Wall times in ms of n runs of fn, after warm-up runs. */
export async function timedRuns(fn: () => unknown, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}
