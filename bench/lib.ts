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
  return (await timedRunsWithCpu(fn, runs, warmup)).wall;
}

/** CPU time of this process so far, in ms: on a shared machine it counts only our own work. */
export function cpuNowMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Wall and CPU times in ms of n runs of fn (in order), after warm-up runs. */
export async function timedRunsWithCpu(fn: () => unknown, runs: number, warmup = 2): Promise<{ wall: number[]; cpu: number[] }> {
  for (let i = 0; i < warmup; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = cpuNowMs();
    await fn();
    wall.push(performance.now() - t0);
    cpu.push(cpuNowMs() - c0);
  }
  return { wall, cpu };
}
