import { readFile } from 'node:fs/promises';

/** USER_HZ: what /proc counts CPU time in on Linux. */
const CLOCK_TICKS_PER_S = 100;

/**
 * CPU seconds a process has used (user and system, from /proc on Linux); NaN where there is no
 * /proc, which only blanks the log's CPU figures.
 */
export async function processCpuSeconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S;
  } catch {
    return Number.NaN;
  }
}

/** Runs `load` and adds the CPU time the server process used per answered request, in µs. */
export async function withServerCpu<Sample extends { okCount: number }>(
  pid: number,
  load: () => Promise<Sample>,
): Promise<Sample & { serverCpuUsPerRequest: number }> {
  const before = await processCpuSeconds(pid);
  const sample = await load();
  const used = (await processCpuSeconds(pid)) - before;
  return { ...sample, serverCpuUsPerRequest: (used * 1e6) / sample.okCount };
}
