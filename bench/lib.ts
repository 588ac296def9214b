// Shared by the benchmark files: the report line, a median timer and a process tree's CPU time.
import fs from 'node:fs';
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

/**
 * CPU time (ms) of this process and every process under it: its own threads, the live processes
 * under it (Chromium's browser, renderers, GPU process), and every process under it that has ended
 * and been waited for (soffice; Chromium's print compositor, a utility process started for each
 * print that ends before the print returns), which its parent's /proc stat keeps as the children's
 * time. Linux only (/proc); null elsewhere.
 */
export function treeCpuMs(root = process.pid): number | null {
  if (!fs.existsSync(`/proc/${root}/stat`)) return null;
  const tick = 1000 / 100; // USER_HZ, 100 on Linux
  const stat = (pid: string | number): string[] | null => {
    try {
      const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return s.slice(s.lastIndexOf(')') + 2).split(' ');
    } catch {
      return null; // gone meanwhile
    }
  };
  // utime, stime, and the waited-for children's cutime, cstime (proc(5): fields 14-17).
  const time = (f: string[]): number => (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * tick;
  const parent = new Map<number, number>();
  const own = new Map<number, number>();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const f = stat(pid);
    if (f) {
      parent.set(Number(pid), Number(f[1]));
      own.set(Number(pid), time(f));
    }
  }
  const under = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  const self = stat(root);
  if (!self) return null;
  let total = time(self);
  for (const [pid, ms] of own) if (under(pid)) total += ms;
  return total;
}
