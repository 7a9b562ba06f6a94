import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, createTestUser } from '../test/factories';
import { createTestApp } from '../test/test-app';
import { artifactsDir, launchBrowser } from './browser';
import { apiToken, type DemoServer, signIn, startDemoServer } from './server';

// Issue 12: every staff page of the web router, at 1366×768 and 390×844, as an administrator and as a
// township clerk — of the demo county and of a second county set up from scratch — opens without a
// horizontal overflow, without an error toast, and without a code identifier (org.code, activities.count{…})
// in its text. Screenshots go to test-artifacts/staff-pages/ (git-ignored), one per page, size and account.

const shots = join(artifactsDir, 'staff-pages');
const viewports = [
  { name: '1366', width: 1366, height: 768 },
  { name: '390', width: 390, height: 844 },
] as const;
/** A code identifier as a clerk must never read it: `org.code`, `activities.count{type=…}`, `status.pending`. */
const codePattern = /[a-z]+\.[a-z_]+(\{|\b)/;

/** The staff routes as the web router declares them (web/src/app/routes.tsx), ledger routes expanded. */
function staffRoutes(): string[] {
  const source = readFileSync('web/src/app/routes.tsx', 'utf8');
  const paths = [...source.matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1]).filter((p) => p !== '/login' && p !== '*');
  const ledgersBlock = /const ledgerLists = \{([^}]*)\}/.exec(source)?.[1] ?? '';
  const ledgers = [...ledgersBlock.matchAll(/(\w+):/g)].map((m) => m[1]);
  expect(ledgers.length, 'the ledger lists of routes.tsx').toBeGreaterThan(0);
  const templated = [...source.matchAll(/path=\{`\$\{ledger\}([^`]*)`\}/g)].map((m) => m[1]);
  return ['/', ...paths.map((p) => `/${p}`), ...ledgers.flatMap((l) => [`/${l}`, ...templated.map((t) => `/${l}${t}`)])];
}

type Api = (path: string) => Promise<unknown>;
type Resolver = (api: Api) => Promise<string | null>;

const firstId = (list: string, query = 'pageSize=1') => async (api: Api) => {
  const r = (await api(`/api/v1/${list}?${query}`)) as { items?: { id: string }[] } | null;
  return r?.items?.[0]?.id ?? null;
};

/** How a route's parameters are filled for the signed-in account: the first record it may open. */
function resolverOf(route: string): Resolver {
  const ledger = /^\/(activities|assistance|loans|contracts)\/:id(\/edit)?$/.exec(route);
  if (ledger) return async (api) => {
    const id = await firstId(ledger[1])(api);
    return id ? route.replace(':id', id) : null;
  };
  const simple: Record<string, string> = {
    '/people/:id': 'people', '/people/:id/edit': 'people', '/households/:id': 'households', '/households/:id/edit': 'households',
    '/cases/:id': 'cases', '/campaigns/:id': 'campaigns', '/reports/templates/:id': 'report-templates', '/screenings/:id': 'screenings',
  };
  if (simple[route]) return async (api) => {
    const id = await firstId(simple[route])(api);
    return id ? route.replace(':id', id) : null;
  };
  switch (route) {
    case '/notices/:id':
      // one the account received, else one its units sent
      return async (api) => {
        const id = (await firstId('notices', 'box=received&pageSize=1')(api)) ?? (await firstId('notices', 'box=sent&pageSize=1')(api));
        return id ? `/notices/${id}` : null;
      };
    case '/notices/:id/edit':
      // only a draft can be edited: the first draft the account wrote
      return async (api) => {
        const r = (await api('/api/v1/notices?box=sent&pageSize=50')) as { items?: { id: string; status?: string }[] } | null;
        const draft = r?.items?.find((n) => n.status === 'draft');
        return draft ? `/notices/${draft.id}/edit` : null;
      };
    case '/setup/import/:kind':
      return async () => '/setup/import/orgs';
    case '/dashboard/:orgId':
      return async (api) => {
        const d = (await api('/api/v1/dashboard')) as { organizations?: { id: string }[]; unit?: { id: string } } | null;
        const id = d?.organizations?.[0]?.id ?? d?.unit?.id;
        return id ? `/dashboard/${id}` : null;
      };
    case '/screenings/:id/townships/:orgId':
      return async (api) => {
        const r = (await api('/api/v1/screenings?pageSize=1')) as { items?: { id: string; townships: { orgId: string }[] }[] } | null;
        const s = r?.items?.[0];
        return s && s.townships[0] ? `/screenings/${s.id}/townships/${s.townships[0].orgId}` : null;
      };
    default:
      if (route.includes(':')) throw new Error(`staff-pages journey: no way to fill the parameters of ${route}; add one`);
      return async () => route;
  }
}

/** Waits until the page has drawn its content and nothing spins, seen so twice in a row. */
async function settled(page: Page): Promise<void> {
  const idle = () =>
    page.waitForFunction(
      () => {
        const content = document.querySelector('.ant-layout-content');
        const busy = document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-statistic-skeleton, .ant-btn-loading');
        return Boolean(content && (content.textContent ?? '').trim().length > 0 && !busy);
      },
      undefined,
      { timeout: 30_000 },
    );
  await idle();
  await page.waitForTimeout(300); // a late answer's error toast
  await idle();
}

interface Seen {
  scrollWidth: number;
  viewport: number;
  errorToasts: string[];
  codeTexts: string[];
}

async function look(page: Page, pattern: RegExp): Promise<Seen> {
  return page.evaluate((source) => {
    const re = new RegExp(source);
    // the text a person reads: visible text nodes, not what they typed into inputs
    const codeTexts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // inputs, and samples of the report-template language a clerk types into one ({{org.name}} in <code>, on insert buttons)
      if (!el || el.closest('input, textarea, script, style, code, kbd, [contenteditable="true"]')) continue;
      if (!(el as HTMLElement).offsetParent && getComputedStyle(el).position !== 'fixed') continue;
      const text = (n.textContent ?? '').replace(/\{\{[^}]*\}\}/g, '');
      if (re.test(text)) codeTexts.push(text.trim().slice(0, 120));
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      errorToasts: [...document.querySelectorAll('.ant-message-error, .ant-notification-notice-error')].map((e) => (e.textContent ?? '').trim()),
      codeTexts,
    };
  }, pattern.source);
}

interface County {
  label: string;
  server: DemoServer;
  accounts: string[];
}

/** A second county on its own empty database: set up through the API as a new install is, with one township and its clerk. */
async function startFreshCounty(): Promise<DemoServer> {
  const t = await createTestApp();
  const admin = await createTestUser(t.sys, { username: 'fresh-admin', role: 'sysadmin', orgId: null });
  const users = new Map<string, string>([['fresh-admin', admin.password]]);
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'fresh-admin', password: admin.password } });
  const headers = { authorization: `Bearer ${login.json().token as string}` };
  const setup = await t.app.inject({
    method: 'POST', url: '/api/v1/setup', headers,
    payload: { countyName: '青禾县', divisionCode: '231225', codePrefix: 'qh', bodies: ['union', 'youth_league', 'womens_federation', 'science_association'] },
  });
  expect(setup.statusCode, setup.body).toBe(201);
  const fl = (setup.json().bodies as { id: string; code: string }[]).find((b) => b.code.endsWith('-FL'));
  const town = await t.app.inject({
    method: 'POST', url: '/api/v1/orgs', headers,
    payload: { code: 'QH-FL-T01', name: '东风镇妇联', kind: 'womens_branch', level: 'township', parentId: fl?.id, divisionCode: '231225100' },
  });
  expect(town.statusCode, town.body).toBe(201);
  const clerk = await createTestUser(t.sys, { username: 'fresh-clerk', role: 'staff', orgId: town.json().id as string });
  users.set('fresh-clerk', clerk.password);
  // a few records of the clerk's own, so the record pages have something to open
  const clerkLogin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'fresh-clerk', password: clerk.password } });
  const clerkHeaders = { authorization: `Bearer ${clerkLogin.json().token as string}` };
  const person = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: clerkHeaders, payload: { name: '李秀英', idNumber: buildIdNumber({ area: '231225', birthDate: '1980-04-02', gender: '女' }) } });
  expect(person.statusCode, person.body).toBe(201);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  return { url, users, t, close: () => t.close() };
}

/**
 * Records behind the record pages that a county may not have yet (the demo at mid-June has no selection,
 * screening, stored report template or notice; a fresh county has nothing): made through the API by the
 * county's administrator, on the county's root unit.
 */
async function seedRecordPages(server: DemoServer, username: string): Promise<void> {
  const token = await apiToken(server, username);
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await server.t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload: payload as never });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const today = (await call('GET', '/api/clock')).today as string;
  const year = Number(today.slice(0, 4));
  const dashboard = await call('GET', '/api/v1/dashboard');
  // the county's root unit: its subtree holds every township (a screening takes the townships below its unit)
  const body = (dashboard.unit as { id: string }).id;
  await call('POST', '/api/v1/screenings', { orgId: body, title: `${year}年困境儿童摸底排查`, year, startOn: today, endOn: today });
  await call('POST', '/api/v1/report-templates', {
    orgId: body, name: '年度工作总结', kind: 'annual',
    body: '# {{org.name}}{{year}}年工作总结\n一、{{year}}年工作回顾\n开展活动{{activities.count}}场次。',
  });
  await call('POST', '/api/v1/campaigns', { orgId: body, name: `${year}年度最美家庭评选`, kind: '最美家庭', nomineeType: 'household', year, awardLevel: '县级', quotas: [{ orgId: body, quota: 3 }] });
  const notice = { orgId: body, title: '关于报送上半年工作总结的通知', bodyHtml: '<p>请各单位按时报送。</p>', needSign: true, recipientMode: 'subtree' };
  const published = await call('POST', '/api/v1/notices', notice);
  await call('POST', `/api/v1/notices/${published.id as string}/publish`);
  await call('POST', '/api/v1/notices', { ...notice, title: '关于开展三八节活动的通知（草稿）' });
}

let demo: DemoServer;
let fresh: DemoServer;
let browser: Browser;
const counties: County[] = [];

beforeAll(async () => {
  demo = await startDemoServer();
  // a global system administrator (no unit of their own), as the first login of a fresh install is
  const admin = await createTestUser(demo.t.sys, { username: 'admin', role: 'sysadmin', orgId: null });
  demo.users.set('admin', admin.password);
  fresh = await startFreshCounty();
  await seedRecordPages(demo, 'admin');
  await seedRecordPages(fresh, 'fresh-admin');
  browser = await launchBrowser();
  // the demo's township clerk: 花园镇妇联联络员 (staff of one township unit)
  counties.push({ label: 'demo', server: demo, accounts: ['admin', 'hy-fl'] }, { label: 'fresh', server: fresh, accounts: ['fresh-admin', 'fresh-clerk'] });
  mkdirSync(shots, { recursive: true });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await fresh?.close();
});

async function apiFor(server: DemoServer, username: string): Promise<Api> {
  const token = await apiToken(server, username);
  return async (path) => {
    const res = await server.t.app.inject({ url: path, headers: { authorization: `Bearer ${token}` } });
    return res.statusCode === 200 ? res.json() : null;
  };
}

describe('staff pages: no overflow, no error toast, no code identifiers (1366×768 and 390×844)', () => {
  const routes = staffRoutes();

  it('covers every route of the web router', () => {
    expect(routes.length).toBeGreaterThan(40);
    for (const r of routes) expect(() => resolverOf(r)).not.toThrow();
  });

  // npm test walks the administrator of the demo and the township clerk of the county from scratch at both sizes
  // (CI time); E2E_STAFF_PAGES=all walks all four accounts at both sizes
  const all = process.env.E2E_STAFF_PAGES === 'all';
  const walked = (countyLabel: 'demo' | 'fresh', who: 'admin' | 'clerk') => all || (countyLabel === 'demo' ? who === 'admin' : who === 'clerk');
  for (const countyLabel of ['demo', 'fresh'] as const) {
    for (const who of ['admin', 'clerk'] as const) {
      for (const vp of viewports) {
        it.runIf(walked(countyLabel, who))(`${countyLabel} county, ${who}, ${vp.width}×${vp.height}`, async () => {
          const county = counties.find((c) => c.label === countyLabel) as County;
          const username = county.accounts[who === 'admin' ? 0 : 1];
          const api = await apiFor(county.server, username);
          const page = await browser.newPage({ viewport: { width: vp.width, height: vp.height }, locale: 'zh-CN' });
          const problems: string[] = [];
          const unresolved: string[] = [];
          try {
            await signIn(page, county.server, username);
            for (const route of routes) {
              const url = await resolverOf(route)(api);
              if (!url) {
                unresolved.push(route);
                continue;
              }
              await page.goto(`${county.server.url}${url}`);
              await settled(page);
              const name = `${countyLabel}-${who}-${vp.name}-${route === '/' ? 'home' : route.slice(1).replace(/[/:]/g, '_')}`;
              await page.screenshot({ path: join(shots, `${name}.png`) });
              const seen = await look(page, codePattern);
              if (seen.scrollWidth > seen.viewport + 1) problems.push(`${url}: 页面宽 ${seen.scrollWidth}px，超出屏幕 ${seen.viewport}px`);
              if (seen.errorToasts.length) problems.push(`${url}: 打开即报错：${seen.errorToasts.join(' | ')}`);
              if (seen.codeTexts.length) problems.push(`${url}: 显示了代码标识：${seen.codeTexts.join(' | ')}`);
              // kept beside the screenshots as the walk goes, for reading while a long run is still on
              writeFileSync(join(shots, `problems-${countyLabel}-${who}-${vp.name}.txt`), [...problems, ...unresolved.map((r) => `未能打开（无记录）：${r}`)].join('\n'));
            }
          } finally {
            await page.close();
          }
          expect(problems).toEqual([]);
          // the demo's administrator opens every record page (the demo's records and those made above); a county
          // from scratch has no ledger records yet, so its empty lists are what its accounts see (listed in the problems file)
          if (countyLabel === 'demo' && who === 'admin') expect(unresolved).toEqual([]);
        }, 900_000);
      }
    }
  }
});
