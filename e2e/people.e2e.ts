import { sql, type SqlBool } from 'kysely';
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

/**
 * What the database holds for a demo user's people list: the people known to a unit of the subtree of
 * `orgCode` (the user's grant), by name then id as the list orders them, optionally only the names
 * containing `fragment`.
 */
async function peopleUnder(orgCode: string, fragment?: string): Promise<{ id: string; name: string }[]> {
  const db = server.t.database.db;
  const root = await db.selectFrom('org_units').select('id').where('code', '=', orgCode).executeTakeFirstOrThrow();
  let q = db
    .selectFrom('people as p')
    .select(['p.id', 'p.name'])
    .where('p.id', 'in', (eb) =>
      eb.selectFrom('person_orgs as po').innerJoin('org_closure as oc', 'oc.descendant_id', 'po.org_id').select('po.person_id').where('oc.ancestor_id', '=', root.id),
    );
  if (fragment) q = q.where(sql<SqlBool>`p.name like ${`%${fragment}%`}`);
  return q.orderBy('p.name').orderBy('p.id').execute();
}

const rows = (table: Locator) => table.locator('tbody tr.ant-table-row');
/** the 姓名 column of the rows shown */
const shownNames = async (table: Locator) => (await rows(table).locator('td:first-child').allTextContents()).map((s) => s.trim());
/** the list's own total, "共 N 人" under the table */
const shownTotal = async (table: Locator) => Number(/共\s*(\d+)\s*人/.exec((await table.locator('.ant-pagination-total-text').textContent()) ?? '')?.[1]);

/**
 * A name fragment that narrows the list to one page: the given name (all but the first character) of a
 * person in the list that at least two and at most `pageSize` names of the list contain.
 */
function narrowingFragment(names: string[], pageSize: number): string {
  for (const name of names) {
    const fragment = name.slice(1);
    if (fragment.length < 2) continue;
    const n = names.filter((m) => m.includes(fragment)).length;
    if (n >= 2 && n <= pageSize) return fragment;
  }
  throw new Error('no name fragment narrows the demo list to one page');
}

async function search(page: Page, text: string): Promise<void> {
  const box = page.getByTestId('people-search');
  await box.fill(text);
  await box.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === text);
}

describe('web shell in Chromium', () => {
  it('lists the people of the unit’s subtree with masked ID numbers, and a name fragment narrows the list (1366×768)', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signIn(page, server, 'fl', 'nav-people');
    await page.getByTestId('nav-people').click();
    const table = page.getByTestId('people-table');
    await rows(table).first().waitFor();

    // the whole list: the database's count of the 县妇联 subtree, and its first page of 20 in name order
    const all = await peopleUnder('LD-FL');
    expect(all.length).toBeGreaterThan(20);
    expect(await shownTotal(table)).toBe(all.length);
    expect(await shownNames(table)).toEqual(all.slice(0, 20).map((p) => p.name));
    const ids = await rows(table).getByTestId('person-id-number').allTextContents();
    expect(ids).toHaveLength(20);
    for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    await screenshot(page, 'people-list-1366');

    // a name fragment: only the matching people, all of them, counted as the database counts them
    const fragment = narrowingFragment(all.map((p) => p.name), 20);
    const matching = await peopleUnder('LD-FL', fragment);
    expect(matching.length).toBeGreaterThanOrEqual(2);
    expect(matching.length).toBeLessThan(all.length);
    await search(page, fragment);
    await table.locator('.ant-pagination-total-text', { hasText: `共 ${matching.length} 人` }).waitFor();
    const names = await shownNames(table);
    expect(names).toEqual(matching.map((p) => p.name));
    for (const name of names) expect(name).toContain(fragment);
    await screenshot(page, 'people-search-1366');

    // clearing the search shows the whole list again
    await page.getByTestId('people-search').fill('');
    await table.locator('.ant-pagination-total-text', { hasText: `共 ${all.length} 人` }).waitFor();
    expect(await shownNames(table)).toEqual(all.slice(0, 20).map((p) => p.name));
    await page.close();
  });

  it('works on a 390-px phone, listing only the township’s people', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await signIn(page, server, 'hy-fl', 'nav-people');
    await page.goto(`${server.url}/people`);
    const table = page.getByTestId('people-table');
    await rows(table).first().waitFor();
    const township = await peopleUnder('LD-FL-T03');
    expect(township.length).toBeGreaterThan(0);
    expect(await shownNames(table)).toEqual(township.slice(0, 20).map((p) => p.name));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'people-list-390');
    await page.close();
  });
});
