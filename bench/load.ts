// The load generator of the HTTP benchmarks, run in a process of its own: autocannon shares no CPU
// with the servers it measures, so a fast route's figure is not capped by the generator's own work.
// Used by bench/api.ts; run alone it reads one JSON load spec from argv and prints one JSON result.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  connections: number;
  durationSec: number;
  headers?: Record<string, string>;
  /** request paths taken in turn (each connection's next request gets the next path) */
  paths?: string[];
}

export interface LoadResult {
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** CPU seconds the generator itself used (user + system) */
  cpuSec: number;
}

async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const { paths } = spec;
  let i = 0;
  const cpu = process.cpuUsage();
  const r = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSec,
    headers: spec.headers ?? {},
    requests: paths ? [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[i++ % paths.length] }) }] : undefined,
  });
  const used = process.cpuUsage(cpu);
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors, cpuSec: (used.user + used.system) / 1e6 };
}

const self = fileURLToPath(import.meta.url);

/** Runs one load in a child process (this file, with the same loader flags) and returns its figures. */
export function loadInChild(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, self, JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}:\n${err}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() as string) as LoadResult);
    });
  });
}

if (process.argv[1] === self) {
  process.stdout.write(`${JSON.stringify(await runLoad(JSON.parse(process.argv[2] as string) as LoadSpec))}\n`);
}
