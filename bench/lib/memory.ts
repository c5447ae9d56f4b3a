import { readdir, readFile } from "node:fs/promises";

/**
 * Samples the resident memory of a process group (the web server: `next start` and the
 * `next-server` it forks) from /proc, and keeps the peaks. Linux only, which is where we run.
 */
export type MemorySampler = {
  /** Peak RSS of the whole group and of its largest process, in bytes, since start or the last reset. */
  peak: () => { groupBytes: number; largestBytes: number; largestName: string };
  /** Starts a new window for peakSinceMark() (the overall peak is kept). */
  mark: () => void;
  /** Peak group RSS since the last mark(), in bytes. */
  peakSinceMark: () => number;
  /** One reading now. */
  sample: () => Promise<{ groupBytes: number; largestBytes: number; largestName: string }>;
  stop: () => void;
};

export function sampleGroupMemory(processGroupId: number, everyMs = 200): MemorySampler {
  let peak = { groupBytes: 0, largestBytes: 0, largestName: "" };
  let sinceMark = 0;
  let running = true;

  const sample = async () => {
    let groupBytes = 0;
    let largestBytes = 0;
    let largestName = "";
    for (const entry of await readdir("/proc").catch(() => [] as string[])) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => null);
      if (!stat) continue;
      // pid (comm) state ppid pgrp …: comm may hold spaces, so split after its closing parenthesis.
      const close = stat.lastIndexOf(")");
      const fields = stat.slice(close + 2).split(" ");
      if (Number(fields[2]) !== processGroupId) continue;
      const status = await readFile(`/proc/${entry}/status`, "utf8").catch(() => "");
      const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      const bytes = kb * 1024;
      groupBytes += bytes;
      if (bytes > largestBytes) {
        largestBytes = bytes;
        largestName = /^Name:\s+(.+)$/m.exec(status)?.[1] ?? entry;
      }
    }
    return { groupBytes, largestBytes, largestName };
  };

  const loop = async () => {
    while (running) {
      const now = await sample();
      if (now.groupBytes > peak.groupBytes) peak = { ...peak, groupBytes: now.groupBytes };
      sinceMark = Math.max(sinceMark, now.groupBytes);
      if (now.largestBytes > peak.largestBytes) peak = { ...peak, largestBytes: now.largestBytes, largestName: now.largestName };
      await new Promise((r) => setTimeout(r, everyMs));
    }
  };
  void loop();

  return {
    peak: () => peak,
    mark: () => {
      sinceMark = 0;
    },
    peakSinceMark: () => sinceMark,
    sample,
    stop: () => {
      running = false;
    },
  };
}
