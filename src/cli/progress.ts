import cliProgress from 'cli-progress';

export interface Progress {
  /** sets the number of items done so far */
  update(done: number): void;
  increment(by?: number): void;
  stop(): void;
}

/**
 * Progress on stderr: a cli-progress bar on a terminal; otherwise (cli-progress prints nothing
 * when stderr is not a TTY) a plain line at most every two seconds and one at the end.
 */
export function startProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  let done = 0;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream, hideCursor: true, etaBuffer: 50 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0);
    return {
      update: (n) => bar.update((done = n)),
      increment: (by = 1) => bar.update((done += by)),
      stop: () => {
        bar.update(total);
        bar.stop();
      },
    };
  }
  let lastPrint = Date.now();
  const line = () => `${label}：${done}/${total}${total > 0 ? `（${Math.floor((done / total) * 100)}%）` : ''}\n`;
  const maybePrint = () => {
    if (Date.now() - lastPrint >= 2000) {
      lastPrint = Date.now();
      stream.write(line());
    }
  };
  return {
    update(n) {
      done = n;
      maybePrint();
    },
    increment(by = 1) {
      done += by;
      maybePrint();
    },
    stop() {
      stream.write(line());
    },
  };
}
