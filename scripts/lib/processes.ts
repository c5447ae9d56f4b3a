import { type ChildProcess, spawn, type SpawnOptions } from "node:child_process";
import net from "node:net";

/** Process groups started here and still running (for a forced stop: a second Ctrl-C). */
const groups = new Set<ChildProcess>();

/**
 * Child processes in their own process group, so stopping one stops everything it started
 * (`npx next start` leaves `next-server` behind when only its pid is killed), and a Ctrl-C in the
 * terminal reaches them only through the orderly shutdown of whoever started them.
 */
export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: "inherit", ...options, detached: true });
  trackGroup(child);
  return child;
}

/** Remembers a child started with `detached: true` until it exits (see killAllGroups). */
export function trackGroup(child: ChildProcess): void {
  groups.add(child);
  child.once("exit", () => groups.delete(child));
  child.once("error", () => groups.delete(child));
}

/** SIGKILL to every process group started here that is still running: the forced stop. */
export function killAllGroups(): void {
  for (const child of groups) killGroup(child.pid, "SIGKILL");
}

export type Supervised = {
  /** The process running now (a new one after each restart). */
  readonly child: ChildProcess;
  stop: (graceMs: number) => Promise<void>;
};

/**
 * Runs `start()` and, when `restart` is set, starts it again whenever it exits without stop()
 * having been called — after 1 s, then 2, 4… up to 30 s while it keeps failing (back to 1 s once
 * it has run for a minute), saying so each time. `ready` is awaited after each restart.
 * Without `restart`, `onUnexpectedExit` is told instead.
 */
export function supervise(
  name: string,
  start: () => ChildProcess,
  options: {
    restart: boolean;
    log: (line: string) => void;
    ready?: (child: ChildProcess) => Promise<void>;
    onUnexpectedExit?: (reason: string) => void;
  },
): Supervised {
  let child = start();
  let startedAt = Date.now();
  let delay = 1_000;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;

  const watch = (current: ChildProcess) => {
    current.on("error", (error) => options.log(`The ${name} could not be started: ${error.message}`));
    current.once("exit", (code, signal) => {
      if (stopping || current !== child) return;
      killGroup(current.pid, "SIGKILL"); // whatever it started goes with it
      const reason = signal ? `killed by ${signal}` : `exit code ${code}`;
      if (!options.restart) {
        options.onUnexpectedExit?.(`The ${name} stopped unexpectedly (${reason}).`);
        return;
      }
      if (Date.now() - startedAt > 60_000) delay = 1_000;
      options.log(`The ${name} stopped unexpectedly (${reason}); restarting it in ${delay / 1000} s.`);
      timer = setTimeout(() => {
        if (stopping) return;
        child = start();
        startedAt = Date.now();
        watch(child);
        const restarted = child;
        (options.ready ? options.ready(restarted) : Promise.resolve()).then(
          () => {
            if (!stopping && restarted === child) options.log(`The ${name} is running again.`);
          },
          () => {
            // it exited again: its exit handler restarts it
          },
        );
      }, delay);
      delay = Math.min(delay * 2, 30_000);
    });
  };
  watch(child);

  return {
    get child() {
      return child;
    },
    stop: async (graceMs) => {
      stopping = true;
      clearTimeout(timer);
      await stopGroup(child, graceMs);
    },
  };
}

/** SIGTERM to the whole group, SIGKILL after the grace period; resolves when the leader has exited. */
export async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    killGroup(child.pid, "SIGKILL"); // reap stragglers of an exited leader
    return;
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  killGroup(child.pid, "SIGTERM");
  const timer = setTimeout(() => killGroup(child.pid, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  // Anything left in the group (grandchildren) goes too.
  killGroup(child.pid, "SIGKILL");
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Runs a command to completion; rejects on a non-zero exit (or when `options.signal` aborts). */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}`)),
    );
  });
}

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function portInUse(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Polls a URL until it answers (any HTTP status), or fails after the timeout. */
export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before answering`);
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}
