import { shanghaiDate } from '../../src/domain/dates';

/**
 * The web's one clock (staff app and phone pages alike). County office PCs and phones often have
 * wrong clocks, so "now", "today" and "this year" are the server's (Asia/Shanghai business date):
 * the page asks `/api/clock` once before it renders, and every API answer's `x-server-time` header
 * keeps the offset current (the server's clock may move while a page is open). The browser's clock
 * only measures time passing. Lint forbids `new Date()`, `Date.now()` and `dayjs()` elsewhere in web/.
 */
let offsetMs = 0;

/** The browser's own clock; read only here. */
function browserMs(): number {
  return Date.now();
}

/** The server's current instant. */
export function serverNow(): Date {
  return new Date(browserMs() + offsetMs);
}

/** The server's current instant in milliseconds (for comparing with stored instants, e.g. a token's expiry). */
export function serverNowMs(): number {
  return browserMs() + offsetMs;
}

/** Today on the server, Asia/Shanghai, as YYYY-MM-DD (the business date: forms' defaults, ID-number checks). */
export function serverToday(): string {
  return shanghaiDate(serverNow());
}

/** The business year (Asia/Shanghai) on the server. */
export function serverYear(): number {
  return Number(serverToday().slice(0, 4));
}

/**
 * Takes the server's time from an API answer (`x-server-time`). `sentAtMs` (the browser clock when
 * the request left) halves the round trip out of the offset.
 */
export function noteServerTime(res: Pick<Response, 'headers'>, sentAtMs?: number): void {
  const header = res.headers.get('x-server-time');
  if (!header) return;
  const server = Date.parse(header);
  if (Number.isNaN(server)) return;
  const received = browserMs();
  offsetMs = server - (sentAtMs === undefined ? received : (sentAtMs + received) / 2);
}

/** The browser clock now, for `noteServerTime`'s `sentAtMs`. */
export function requestStartMs(): number {
  return browserMs();
}

let ready: Promise<void> | null = null;

/**
 * Asks the server for its time once; the pages render after it. A server that does not answer within
 * 5 s leaves the browser's clock in use until the first API answer corrects it.
 */
export function syncClock(): Promise<void> {
  ready ??= Promise.race([
    (async () => {
      try {
        const sent = browserMs();
        const res = await fetch('/api/clock', { credentials: 'omit', cache: 'no-store' });
        noteServerTime(res, sent);
      } catch {
        // offline or the server is down: the first API answer sets the clock
      }
    })(),
    new Promise<void>((resolve) => setTimeout(resolve, 5_000)),
  ]);
  return ready;
}
