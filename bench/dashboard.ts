// Benchmark: the leaders' dashboard on the demo county. Prints the API time of GET /api/v1/dashboard
// (the county, as the 县委 leader) and of one organization's dashboard, cold (first call after the
// server starts) and warm (median of 5), then the page's time from navigation to rendered cards and
// charts in Chromium, cold and warm, with the machine's load average. Prints figures; asserts nothing.
// Run: npx tsx bench/dashboard.ts — builds web/dist first when it is missing or stale (and says so).
// With QUNTUAN_WEB_DIR=/tmp/qt-web-x it serves that directory instead, building it there when it holds
// no index.html (a directory of one's own leaves web/dist alone while others build).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../e2e/browser';
import { apiToken, signIn, startDemoServer } from '../e2e/server';
import { ensureWebBuilt, webBuildReason } from '../scripts/web-build.mjs';
import { loadConfig } from '../src/server/config';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Wall time, and the CPU time of this process (server and client share it) — the machine is shared,
 * so the CPU time says more about the work than the wall time does under load.
 */
async function timed(url: string, headers: Record<string, string>): Promise<{ ms: number; cpuMs: number; bytes: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.text();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (res.status !== 200) throw new Error(`${url} → ${res.status} ${body.slice(0, 200)}`);
  return { ms, cpuMs: (used.user + used.system) / 1000, bytes: body.length };
}

/** The pages the server will send: built when missing (or, for web/dist, stale); false when the build failed. */
function webReady(): boolean {
  const webDir = loadConfig().webDir;
  if (resolve(webDir) === resolve('web/dist')) {
    const reason = webBuildReason();
    if (!reason) {
      process.stdout.write('web/dist is current, not rebuilt\n');
      return true;
    }
    const t0 = performance.now();
    const ok = ensureWebBuilt();
    process.stdout.write(`web/dist ${ok ? 'built' : 'build failed'} (${reason}) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    return ok;
  }
  if (existsSync(join(webDir, 'index.html'))) {
    process.stdout.write(`serving the web already built in ${webDir} (QUNTUAN_WEB_DIR; not checked for staleness)\n`);
    return true;
  }
  process.stdout.write(`正在构建网页… ${webDir} holds no index.html: building the web there\n`);
  const t0 = performance.now();
  const b = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--outDir', resolve(webDir), '--emptyOutDir'], { stdio: 'inherit' });
  process.stdout.write(`web ${b.status === 0 ? 'built' : 'build failed'} into ${webDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return b.status === 0;
}

async function main() {
  if (!webReady()) throw new Error('网页构建失败 (the web build failed): the dashboard page cannot be measured');
  process.stdout.write(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs\n`);
  const t0 = performance.now();
  const server = await startDemoServer();
  process.stdout.write(`demo county seeded and serving in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  // the leader's own password replaces the initial one first (forced at first login), as in the journeys
  const token = await apiToken(server, 'leader');
  const headers = { authorization: `Bearer ${token}` };

  for (const [name, path] of [
    ['county (GET /api/v1/dashboard)', '/api/v1/dashboard'],
    ['县妇联 (GET /api/v1/dashboard/org/LD-FL)', '/api/v1/dashboard/org/LD-FL'],
  ] as const) {
    const cold = await timed(server.url + path, headers);
    const warm: { ms: number; cpuMs: number }[] = [];
    for (let i = 0; i < 5; i++) warm.push(await timed(server.url + path, headers));
    const w = { ms: median(warm.map((x) => x.ms)), cpuMs: median(warm.map((x) => x.cpuMs)) };
    process.stdout.write(
      `API ${name}: cold ${cold.ms.toFixed(0)} ms (CPU ${cold.cpuMs.toFixed(0)} ms), warm ${w.ms.toFixed(0)} ms (CPU ${w.cpuMs.toFixed(0)} ms; medians of 5), ${(cold.bytes / 1024).toFixed(0)} KiB\n`,
    );
  }

  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signIn(page, server, 'leader');
    const rendered = async () => {
      const start = performance.now();
      await page.goto(`${server.url}/dashboard`);
      await page.getByTestId('dashboard-org').first().waitFor();
      const cards = performance.now() - start;
      await page.getByTestId('dashboard-townships').locator('canvas').first().waitFor();
      await page.getByTestId('dashboard-trend').locator('canvas').first().waitFor();
      return { cards, charts: performance.now() - start };
    };
    const cold = await rendered();
    const warm: { cards: number; charts: number }[] = [];
    for (let i = 0; i < 3; i++) warm.push(await rendered());
    const show = (r: { cards: number; charts: number }) => `cards ${r.cards.toFixed(0)} ms, charts ${r.charts.toFixed(0)} ms`;
    const mid = { cards: median(warm.map((w) => w.cards)), charts: median(warm.map((w) => w.charts)) };
    process.stdout.write(`page /dashboard in Chromium, from navigation (full page load, login kept) to rendered: cold ${show(cold)}; warm ${show(mid)} (medians of 3)\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
