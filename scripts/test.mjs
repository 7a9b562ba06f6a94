#!/usr/bin/env node
// `npm test`: the whole suite on SQLite, again on a throwaway PostgreSQL cluster, then the browser
// journeys in Debian's Chromium. Under CI=true nothing is skipped: a missing PostgreSQL or Chromium fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureWebBuilt } from './web-build.mjs';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const only = process.argv[2]; // optional: sqlite | postgres | e2e
const files = process.argv.slice(3); // optional: only these test files (e.g. `postgres src/server/modules/x/x.test.ts`)
const env = { ...process.env, NO_COLOR: '1', NODE_ENV: 'test' };
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStage = false;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, ...opts });
  return r.status ?? 1;
}

function vitest(label, config, extraEnv = {}) {
  const out = join(mkdtempSync(join(tmpdir(), 'qt-vitest-')), 'report.json');
  process.stdout.write(`\n=== ${label} ===\n`);
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  if (config) args.push('--config', config);
  args.push(...files);
  const code = run('npx', args, { env: { ...env, ...extraEnv } });
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    if (r.numTotalTests === 0) {
      process.stdout.write(`${label}: no test ran\n`);
      failedStage = true;
    }
  }
  if (code !== 0) failedStage = true;
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function findPgBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(base, v, 'bin', 'initdb'))) return join(base, v, 'bin');
  return null;
}

async function withPostgres(fn) {
  const bin = findPgBin();
  if (!bin) {
    const msg = 'PostgreSQL server binaries not found (apt-get install postgresql)';
    if (ci) {
      process.stdout.write(`FAIL: ${msg}; under CI the PostgreSQL run is required\n`);
      failedStage = true;
    } else process.stdout.write(`SKIP PostgreSQL run: ${msg}\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'qt-pg-'));
  const asRoot = process.getuid?.() === 0;
  const pgRun = (exe, args) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, exe), ...args], { stdio: 'pipe' }) : run(join(bin, exe), args, { stdio: 'pipe' });
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres']).stdout.toString().trim();
    const gid = spawnSync('id', ['-g', 'postgres']).stdout.toString().trim();
    chownSync(dir, Number(id), Number(gid));
  }
  const port = await freePort();
  if (pgRun('initdb', ['-D', dir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']) !== 0) {
    process.stdout.write('FAIL: initdb failed\n');
    failedStage = true;
    return;
  }
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  if (pgRun('pg_ctl', ['-D', dir, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', opts, 'start']) !== 0) {
    process.stdout.write(`FAIL: PostgreSQL did not start\n${existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : ''}`);
    failedStage = true;
    return;
  }
  try {
    await fn(`postgres://postgres@127.0.0.1:${port}/postgres`);
  } finally {
    pgRun('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  }
}


if (!only || only === 'sqlite') vitest('unit and API tests on SQLite', undefined);
if (!only || only === 'postgres') {
  await withPostgres(async (url) => vitest('unit and API tests on PostgreSQL', undefined, { TEST_DATABASE_URL: url }));
}
if (!only || only === 'e2e') {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    if (ci) {
      process.stdout.write(`FAIL: Chromium not found at ${chromium}; under CI the browser journeys are required\n`);
      failedStage = true;
    } else process.stdout.write(`SKIP browser journeys: Chromium not found at ${chromium} (apt-get install chromium)\n`);
  } else if (!ensureWebBuilt({ force: Boolean(process.env.QUNTUAN_REBUILD_WEB) })) {
    process.stdout.write('FAIL: web build failed\n');
    failedStage = true;
  } else {
    // the browsers' clocks run years away from the server's (unless E2E_BROWSER_CLOCK says otherwise):
    // the pages must take their dates from the server (web/shared/clock.ts)
    const browserClock = process.env.E2E_BROWSER_CLOCK ?? '2030-02-28T09:00:00+08:00';
    vitest(`browser journeys in Chromium (browser clock ${browserClock})`, 'vitest.e2e.config.ts', { E2E_BROWSER_CLOCK: browserClock });
  }
}

process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failedStage || totals.failed > 0 ? 1 : 0);
