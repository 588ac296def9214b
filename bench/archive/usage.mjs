// Preloaded (`node --import`) into a measured command: prints its own peak memory and CPU time as
// the last line of stderr when it exits, so the bench measures the real `referent` bin.
import process from 'node:process';

process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\n${JSON.stringify({ maxRssMB: u.maxRSS / 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })}\n`);
});
