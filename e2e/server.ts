import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { seedDemo } from '../src/server/modules/demo/demo.seed';
import { createTestApp, flowingClock } from '../test/test-app';
import { launchBrowser } from './browser';

/** The real app with the built web pages and the demo county, listening on a loopback port. */
export async function startDemoServer() {
  // the server runs on the tests' fixed clock (2026-06-15), or on the real one with E2E_SERVER_CLOCK=real
  const t = await createTestApp({ clock: process.env.E2E_SERVER_CLOCK === 'real' ? flowingClock() : undefined });
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

export type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;

/** The demo county served and a Chromium launched, for one test file (`beforeAll`). */
export async function openDemo(): Promise<{ server: DemoServer; browser: Browser }> {
  const server = await startDemoServer();
  return { server, browser: await launchBrowser() };
}

/** Closes what `openDemo` opened (`afterAll`; either may be missing when the start failed). */
export async function closeDemo(server: DemoServer | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await server?.close();
}

const ownPasswordSet = new WeakMap<DemoServer, Set<string>>();

/**
 * A demo account's initial password must be replaced at first login (as for every password a person did
 * not choose). Done once per account through the API, as the person would; `server.users` then holds
 * the account's own password. e2e/first-login.e2e.ts walks the same change in the browser.
 */
export async function ensureOwnPassword(server: DemoServer, username: string): Promise<string> {
  const done = ownPasswordSet.get(server) ?? new Set<string>();
  ownPasswordSet.set(server, done);
  const initial = server.users.get(username);
  if (!initial) throw new Error(`no demo account ${username}`);
  if (done.has(username)) return initial;
  const login = await server.t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: initial } });
  if (login.statusCode !== 200) throw new Error(`login ${username} → ${login.statusCode} ${login.body}`);
  const body = login.json() as { token: string; user: { mustChangePassword: boolean } };
  let own = initial;
  if (body.user.mustChangePassword) {
    own = `Own-${initial}-1`;
    const res = await server.t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { authorization: `Bearer ${body.token}` }, payload: { currentPassword: initial, newPassword: own } });
    if (res.statusCode >= 300) throw new Error(`password change ${username} → ${res.statusCode} ${res.body}`);
    server.users.set(username, own);
  }
  done.add(username);
  return own;
}

/** A Bearer token for a demo account (its own password set first). */
export async function apiToken(server: DemoServer, username: string): Promise<string> {
  const password = await ensureOwnPassword(server, username);
  const res = await server.t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} → ${res.statusCode} ${res.body}`);
  return (res.json() as { token: string }).token;
}

/**
 * Logs a demo account in through the login form (its own password set first), then waits for `ready`
 * (a test id of the app's page, e.g. a menu entry) or, without it, for the app to leave /login.
 */
export async function signIn(page: Page, server: DemoServer, username: string, ready?: string): Promise<void> {
  await ensureOwnPassword(server, username);
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(server.users.get(username) as string);
  await page.getByTestId('login-submit').click();
  if (ready) await page.getByTestId(ready).first().waitFor();
  else await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
