import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { screenshot } from './browser';
import { closeDemo, type DemoServer, openDemo, signIn } from './server';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await openDemo());
});
afterAll(() => closeDemo(server, browser));

const year = { from: '2026-01-01', to: '2026-12-31' };

/** A shown figure ("8,736", "6.5", "126") in ten-thousandths, so 万元 with four decimals add up exactly. */
function tenThousandths(text: string): number {
  const m = /^(\d+)(?:\.(\d{1,4}))?$/.exec(text.replace(/,/g, '').trim());
  if (!m) throw new Error(`not a figure: "${text}"`);
  return Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
}

/** The figure a metric card shows, once computed. */
async function cardFigure(card: Locator): Promise<string> {
  const value = card.locator('.ant-statistic-content-value');
  await value.filter({ hasText: /\d/ }).waitFor();
  return (await value.textContent()) as string;
}

interface Shown {
  total: number;
  links: string[];
  ledgers: string[];
  contributions: string[];
}

/**
 * Every record the open drawer lists for its figure, page by page (100 a page): the link of each record,
 * its 类别 and its 计入 column, and the drawer's own "共 N 条记录".
 */
async function allRecords(page: Page): Promise<Shown> {
  const drawer = page.getByTestId('metric-records');
  const rows = drawer.locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  const total = Number(/共\s*(\d+)\s*条记录/.exec((await drawer.locator('.ant-pagination-total-text').textContent()) ?? '')?.[1]);
  if (total > 20) {
    await drawer.locator('.ant-pagination-options .ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '100' }).click();
    await rows.nth(Math.min(total, 100) - 1).waitFor();
  }
  const shown: Shown = { total, links: [], ledgers: [], contributions: [] };
  const firstLink = () => rows.first().locator('td:first-child a').getAttribute('href');
  for (;;) {
    shown.links.push(...(await rows.locator('td:first-child a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))));
    shown.ledgers.push(...(await rows.locator('td:nth-child(2)').allTextContents()));
    shown.contributions.push(...(await rows.locator('td:last-child').allTextContents()));
    const next = drawer.locator('.ant-pagination-next');
    if ((await next.getAttribute('aria-disabled')) === 'true' || (await next.getAttribute('class'))?.includes('ant-pagination-disabled')) break;
    const before = await firstLink();
    await next.click();
    await page.waitForFunction(
      (prev) => document.querySelector('[data-testid="metric-records"] tbody tr.ant-table-row td:first-child a')?.getAttribute('href') !== prev,
      before,
    );
  }
  return shown;
}

const sum = (xs: string[]) => xs.reduce((s, x) => s + tenThousandths(x), 0);

describe('a figure and the records it counts', () => {
  it('the 县妇联 loan figures of the year are the seed’s, and the loans listed under 放款金额 add up to it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signIn(page, server, 'fl', 'nav-people');
    const fl = await server.t.database.db.selectFrom('org_units').select(['id', 'name']).where('code', '=', 'LD-FL').executeTakeFirstOrThrow();
    await page.goto(`${server.url}/metrics?orgId=${fl.id}&orgName=${encodeURIComponent(fl.name)}&from=${year.from}&to=${year.to}`);

    // seed: "为1266名城乡妇女发放贷款8736万元"
    const amountCard = page.locator('[data-testid="metric-card"][data-code="loans.amount"]');
    const amount = await cardFigure(amountCard);
    expect(tenThousandths(amount)).toBe(tenThousandths('8736'));
    expect(await amountCard.textContent()).toContain('万元');
    expect(tenThousandths(await cardFigure(page.locator('[data-testid="metric-card"][data-code="loans.borrowers"]')))).toBe(tenThousandths('1266'));

    await amountCard.getByRole('button', { name: '放款金额：查看计入的记录' }).click();
    const records = await allRecords(page);
    await screenshot(page, 'metric-records');
    // every loan the database holds for the subtree and the year, each once, each a 贷款
    const loans = await server.t.database.db
      .selectFrom('loans as l')
      .innerJoin('org_closure as oc', 'oc.descendant_id', 'l.org_id')
      .select('l.id')
      .where('oc.ancestor_id', '=', fl.id)
      .where('l.deleted_at', 'is', null)
      .where('l.disbursed_on', '>=', year.from)
      .where('l.disbursed_on', '<=', year.to)
      .execute();
    expect(loans.length).toBeGreaterThan(0);
    expect(records.total).toBe(loans.length);
    expect(records.links).toHaveLength(loans.length);
    expect(new Set(records.links)).toEqual(new Set(loans.map((l) => `/loans/${l.id}`)));
    expect(new Set(records.ledgers)).toEqual(new Set(['贷款']));
    expect(sum(records.contributions)).toBe(tenThousandths(amount));
    await page.close();
  }, 240_000); // thirteen pages of 100 loans on a shared machine

  it('a report’s link /metrics?code=…&org=…&from=…&to= opens the records of its figure, which add up to it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signIn(page, server, 'fl', 'nav-people');
    // seed: "开展各类技能培训126期" (县妇联, the year)
    const code = encodeURIComponent('activities.sessions{type=培训}');
    await page.goto(`${server.url}/metrics?code=${code}&org=LD-FL&from=${year.from}&to=${year.to}`);
    await page.locator('.ant-drawer-title', { hasText: '活动场次：明细' }).waitFor();
    const records = await allRecords(page);
    expect(records.total).toBeGreaterThan(0);
    expect(records.links).toHaveLength(records.total);
    expect(new Set(records.links).size).toBe(records.total);
    expect(new Set(records.ledgers)).toEqual(new Set(['活动']));
    expect(sum(records.contributions)).toBe(tenThousandths('126'));
    await screenshot(page, 'metric-records-link');
    await page.close();
  });
});
