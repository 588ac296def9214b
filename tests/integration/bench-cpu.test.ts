// The benchmarks' CPU lines count every process under the bench, ended ones too: Chromium starts
// a print compositor for each print, which ends before the print returns and is waited for by a
// Chromium process that lives on (the zygote), so its time is that parent's children's time.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { treeCpuMs } from '../../bench/lib';

// A child that stays alive (as Chromium's zygote does) runs a grandchild that burns 600 ms of CPU
// and ends; the child waits for it, then writes the grandchild's own count of its CPU time.
const GRANDCHILD = 'const t=()=>{const u=process.cpuUsage();return (u.user+u.system)/1000};let x=0;while(t()<600)x+=Math.sqrt(x+1);process.stdout.write(String(t()))';
const CHILD = `const r=require('node:child_process').spawnSync(process.execPath,['-e',${JSON.stringify(GRANDCHILD)}],{encoding:'utf8'});process.stdout.write(r.stdout+'\\n');process.stdin.resume()`;

describe('treeCpuMs', () => {
  it('counts a process under this one that has ended and was waited for by a live one', async () => {
    const before = treeCpuMs()!;
    const child = spawn(process.execPath, ['-e', CHILD], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const [line] = (await once(child.stdout, 'data')) as [Buffer];
      const grandchildMs = Number(line.toString().trim());
      expect(grandchildMs).toBeGreaterThanOrEqual(600);
      // Read while the child still lives: the grandchild's time is in the child's stat alone.
      const counted = treeCpuMs()! - before;
      expect(counted).toBeGreaterThanOrEqual(grandchildMs * 0.9);
    } finally {
      child.kill();
    }
  });
});
