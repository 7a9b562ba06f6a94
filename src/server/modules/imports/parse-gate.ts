import { AppError } from '../../http/errors';
import type { AppDeps } from '../../http/types';

/**
 * How many spreadsheets this server process parses at once. Each parse holds its file (up to
 * 20 MB, twice: as uploaded and re-ordered for the reader), exceljs's shared strings and one chunk of
 * rows; the cell cut (`xml-cap.ts`) keeps any one of them small whatever the file holds, and this
 * gate bounds how many there are, so the process stays within its memory budget (README: 1 GiB)
 * however many clerks upload at the same moment. A request past `QUNTUAN_IMPORT_PARSES` waits in
 * line up to `QUNTUAN_IMPORT_WAIT_SECONDS`, then gets 429 with Retry-After. It counts this process
 * only (memory is per process): two instances on one PostgreSQL each admit their own.
 */
export class ParseGate {
  private active = 0;
  private readonly queue: { admit: () => void }[] = [];

  constructor(
    readonly max: number,
    readonly waitSeconds: number,
  ) {}

  /** Runs `work` once a place is free (in arrival order); 429 when none frees within the wait. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  /** parses running now and requests waiting (for tests and the log) */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.queue.length };
  }

  private enter(): Promise<void> {
    if (this.active < this.max && this.queue.length === 0) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const entry = {
        admit: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const at = this.queue.indexOf(entry);
        if (at >= 0) this.queue.splice(at, 1);
        reject(this.busy());
      }, this.waitSeconds * 1000);
      this.queue.push(entry);
    });
  }

  private leave(): void {
    const next = this.queue.shift();
    if (next) next.admit(); // the place passes straight to the next in line
    else this.active--;
  }

  private busy(): AppError {
    const seconds = Math.max(5, Math.ceil(this.waitSeconds));
    return new AppError('RATE_LIMITED', `正在处理的 Excel 导入较多，请 ${seconds} 秒后再试`, [{ path: 'retryAfter', message: String(seconds) }]);
  }
}

const gates = new WeakMap<AppDeps, ParseGate>();

/** The app's one gate, shared by the ledger imports and the set-up imports. */
export function parseGate(deps: AppDeps): ParseGate {
  let gate = gates.get(deps);
  if (!gate) {
    gate = new ParseGate(deps.config.importParses, deps.config.importWaitSeconds);
    gates.set(deps, gate);
  }
  return gate;
}
