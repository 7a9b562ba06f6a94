// Benchmark: authenticated GET /api/v1/people (pages of 50 out of 100k people) against a bare
// Fastify route serving a page of the same size, in the same run; then the scope guard's subtree
// count at 10k, 100k and 1M people. The load generator (autocannon) runs in a process of its own
// (bench/load.ts) so its CPU does not cap either figure, and both routes get the same warm-up.
// Prints figures; asserts nothing. Run: npx tsx bench/api.ts [seconds=10] [maxPeople=1000000]
// (maxPeople 10000: the HTTP runs and the counts at 10k people only).
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app';
import { personInScope } from '../src/server/http/scope';
import { createTestUser } from '../test/factories';
import { benchDatabase, buildCounty, insertPeople } from './fixtures';
import { loadInChild } from './load';

const durationSec = Number(process.argv[2] ?? 10);
const maxPeople = Number(process.argv[3] ?? 1_000_000);
const connections = 10;
const pageSize = 50;
/** the HTTP runs use the largest size up to this */
const httpPeople = 100_000;

function load(url: string, headers: Record<string, string> = {}, paths?: string[]) {
  return loadInChild({ url, connections, durationSec, headers, paths });
}

async function main() {
  const { config, database, crypto, dir } = await benchDatabase();
  const { county, towns, villages, ctx } = await buildCounty(database, crypto);
  const subtreeCount = async (root: string) => {
    const runs: number[] = [];
    let n = 0;
    for (let k = 0; k < 5; k++) {
      const start = performance.now();
      const r = await database.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(personInScope({ all: false, roots: [root] }, 'people.id'))
        .executeTakeFirstOrThrow();
      runs.push(performance.now() - start);
      n = Number(r.n);
    }
    return { n, ms: median(runs) };
  };
  const sizes = [10_000, 100_000, 1_000_000].filter((n) => n <= maxPeople);
  if (sizes.length === 0) throw new Error(`maxPeople must be at least 10000 (got ${maxPeople})`);
  const counts: string[] = [];
  let have = 0;
  let townPeople = 0;
  const growTo = async (size: number) => {
    const t0 = performance.now();
    await insertPeople(database, crypto, villages, have, size);
    process.stdout.write(`people ${have.toLocaleString('en')} → ${size.toLocaleString('en')} inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    have = size;
    const c = await subtreeCount(county.id);
    const t = await subtreeCount(towns[0].id);
    townPeople = t.n;
    counts.push(`  ${size.toLocaleString('en').padStart(9)} people: county ${c.ms.toFixed(1)} ms (${c.n.toLocaleString('en')} counted), township ${t.ms.toFixed(1)} ms (${t.n.toLocaleString('en')})`);
  };
  for (const size of sizes.filter((n) => n <= httpPeople)) await growTo(size);

  const app = await buildApp({ config, database, crypto, now: () => new Date() }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const tokenFor = async (username: string, orgId: string) => {
    const user = await createTestUser(ctx, { username, role: 'staff', orgId });
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
    return { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  };
  const countyAuth = await tokenFor('bench-county', county.id);
  const townAuth = await tokenFor('bench-town', towns[0].id);
  const countyPages = Math.ceil(have / pageSize);
  const townPages = Math.ceil(townPeople / pageSize);
  const firstPages = Array.from({ length: 20 }, (_, k) => `/api/v1/people?page=${k + 1}&pageSize=${pageSize}`);
  const anyPage = (pagesInScope: number) => Array.from({ length: 200 }, (_, k) => `/api/v1/people?page=${1 + ((k * 37) % pagesInScope)}&pageSize=${pageSize}`);
  const sample = await (await fetch(`${base}${firstPages[0]}`, { headers: countyAuth })).text();

  const bare = Fastify({ logger: false });
  bare.get('/bare', async (_req, reply) => reply.type('application/json').send(sample));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;

  // the same warm-up for both routes: one run of the measured length each
  await load(bareUrl);
  await load(base, countyAuth, firstPages);
  const b = await load(bareUrl);
  const runs = [
    ['county user, pages 1–20', await load(base, countyAuth, firstPages)],
    [`county user, any of ${countyPages.toLocaleString('en')} pages`, await load(base, countyAuth, anyPage(countyPages))],
    [`township user, any of its ${townPages.toLocaleString('en')} pages`, await load(base, townAuth, anyPage(townPages))],
  ] as const;
  const generator = (r: { cpuSec: number }) => `load generator CPU ${r.cpuSec.toFixed(1)} s`;
  process.stdout.write(`\nload average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs (the machine may be shared)`);
  process.stdout.write(
    `\nGET /api/v1/people?pageSize=${pageSize} with ${have.toLocaleString('en')} people (${connections} connections, ${durationSec} s each, SQLite; autocannon in its own process)\n`,
  );
  process.stdout.write(`  bare Fastify route, same ${sample.length}-byte body: ${b.rps.toFixed(0)} req/s, p99 ${b.p99} ms (non-2xx ${b.non2xx}, errors ${b.errors}; ${generator(b)})\n`);
  for (const [label, r] of runs) {
    process.stdout.write(
      `  ${label.padEnd(38)}: ${r.rps.toFixed(0).padStart(5)} req/s, p99 ${String(r.p99).padStart(5)} ms, ratio bare/quntuan ${(b.rps / r.rps).toFixed(1)} (non-2xx ${r.non2xx}, errors ${r.errors}; ${generator(r)})\n`,
    );
  }
  await app.close();
  await bare.close();

  for (const size of sizes.filter((n) => n > httpPeople)) await growTo(size);
  process.stdout.write('\nsubtree count through the scope guard (median of 5; township = 1/8 of the people)\n');
  process.stdout.write(`${counts.join('\n')}\n`);
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

await main();
