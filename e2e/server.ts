import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '../src/server/modules/demo/demo.seed';
import { createTestApp } from '../test/test-app';

/** The real app with the built web pages and the demo county, listening on a loopback port. */
export async function startDemoServer() {
  const t = await createTestApp();
  await seedDemo(t.sys, { dataDir: t.config.dataDir, year: 2026, print: () => {} });
  const users = new Map(
    readFileSync(join(t.config.dataDir, 'demo-users.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('\t'))
      .map((l) => l.split('\t'))
      .map(([u, p]) => [u, p] as const),
  );
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  return { url, users, t, close: () => t.close() };
}
