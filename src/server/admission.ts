import "server-only";
import { availableParallelism } from "node:os";
import { env } from "./env";

/**
 * Admission control (docs/decisions/0021): a bounded semaphore with a short wait queue. At most
 * `limit` pieces of work run at once; up to `queueLength` more wait for a turn, each at most
 * `maxWaitMs`; anything beyond is turned away at once. Under overload the machine keeps finishing
 * work at its own pace instead of starting everything and finishing nothing in time; those turned
 * away are told to come back (the form retries with the same idempotency key).
 */
export class AdmissionGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly limit: number,
    readonly queueLength: number,
    readonly maxWaitMs: number,
  ) {}

  /** Runs `work` when admitted, or answers `{ admitted: false }` without running it. */
  async run<T>(work: () => Promise<T>): Promise<{ admitted: true; value: T } | { admitted: false }> {
    if (!(await this.acquire())) return { admitted: false };
    try {
      return { admitted: true, value: await work() };
    } finally {
      this.release();
    }
  }

  /** Nothing more would be admitted now: every slot taken and the wait queue full. */
  get full(): boolean {
    return this.active >= this.limit && (this.waiting.length >= this.queueLength || this.maxWaitMs <= 0);
  }

  /** Work running and work waiting now (for logs and tests). */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  private acquire(): Promise<boolean> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(true);
    }
    if (this.waiting.length >= this.queueLength || this.maxWaitMs <= 0) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const turn = () => {
        clearTimeout(timer);
        this.active++;
        resolve(true);
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(turn);
        if (at >= 0) this.waiting.splice(at, 1);
        resolve(false);
      }, this.maxWaitMs);
      this.waiting.push(turn);
    });
  }

  private release(): void {
    this.active--;
    // First come, first served: the slot passes straight to the longest waiter.
    this.waiting.shift()?.();
  }
}

const globalForGate = globalThis as unknown as { rcSubmissionGate?: AdmissionGate };

/**
 * The limits of the submission gate, from the environment. Defaults: as many at once as the
 * machine has cores to run them (a submission is CPU work: more at once only makes each slower),
 * and never more than half the database pool (the rest serves pages, staff and the portal); as
 * many again may wait.
 */
export function submissionLimits(settings = env(), cores = availableParallelism()): { limit: number; queueLength: number; maxWaitMs: number } {
  const limit = settings.SUBMIT_CONCURRENCY ?? Math.max(1, Math.min(cores, Math.floor(settings.DATABASE_POOL_SIZE / 2)));
  return { limit, queueLength: settings.SUBMIT_QUEUE_LENGTH ?? limit, maxWaitMs: settings.SUBMIT_QUEUE_WAIT_MS };
}

/** The one gate of this process for submissions of the authorization (online, third-party signing, paper). */
export function submissionGate(): AdmissionGate {
  if (!globalForGate.rcSubmissionGate) {
    const { limit, queueLength, maxWaitMs } = submissionLimits();
    globalForGate.rcSubmissionGate = new AdmissionGate(limit, queueLength, maxWaitMs);
  }
  return globalForGate.rcSubmissionGate;
}

/** How long the browser waits before its first retry (it backs off, with jitter, from there). */
export const BUSY_RETRY_AFTER_MS = 1000;
