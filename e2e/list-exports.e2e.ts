import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { apiToken, closeDemo, type DemoServer, openDemo, signIn } from './server';

/** 导出 Excel on the list pages: the file downloaded holds the list's rows under the filters on screen. */
let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await openDemo());
});
afterAll(() => closeDemo(server, browser));

async function login(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  await signIn(page, server, username);
  return page;
}

/** The list's total as the API answers it for the same user and filters. */
async function apiTotal(username: string, path: string): Promise<number> {
  const res = await server.t.app.inject({ url: path, headers: { authorization: `Bearer ${await apiToken(server, username)}` } });
  expect(res.statusCode).toBe(200);
  return res.json().total as number;
}

/** Clicks the export button and reads the downloaded workbook: its file name, title and data rows. */
async function download(page: Page, testId: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
  const rows = wb.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
  return { name: file.suggestedFilename(), title: String(rows[0][0]), rows: rows.slice(2) };
}

describe('导出 Excel on the list pages', () => {
  it('downloads the case inbox under its filters (信访代理)', async () => {
    const page = await login('xf-fl');
    const kind = encodeURIComponent('信访');
    await page.goto(`${server.url}/cases?kind=${kind}`);
    await page.getByTestId('case-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('cases-export').getAttribute('href')).toBe(`/api/v1/cases/export?kind=${kind}`);
    const file = await download(page, 'cases-export');
    expect(file.name).toMatch(/^个案台账-[^-]+-\d{4}-\d{2}-\d{2}导出\.xlsx$/);
    expect(file.title).toMatch(/^个案台账（\d{4}年\d{1,2}月\d{1,2}日导出）$/);
    const total = await apiTotal('xf-fl', `/api/v1/cases?kind=${kind}`);
    expect(total).toBeGreaterThan(0);
    expect(file.rows).toHaveLength(total);
    expect(file.rows.every((r) => r[2] === '信访')).toBe(true);
    await screenshot(page, 'cases-export');
    await page.close();
  });

  it('downloads pairings, wishes and volunteer service records (县妇联)', async () => {
    const page = await login('fl');
    await page.goto(`${server.url}/pairings?state=active`);
    await page.getByTestId('pairings-export').waitFor();
    const pairings = await download(page, 'pairings-export');
    expect(pairings.name).toMatch(/^结对帮扶台账-[^-]+-\d{4}-\d{2}-\d{2}导出\.xlsx$/);
    expect(pairings.rows.length).toBeGreaterThan(0);
    expect(pairings.rows).toHaveLength(await apiTotal('fl', '/api/v1/pairings?state=active'));

    await page.goto(`${server.url}/wishes`);
    await page.getByTestId('wishes-export').waitFor();
    const wishes = await download(page, 'wishes-export');
    expect(wishes.name).toMatch(/^微心愿台账-[^-]+-\d{4}-\d{2}-\d{2}导出\.xlsx$/);
    expect(wishes.rows.length).toBeGreaterThan(0);
    expect(wishes.rows).toHaveLength(await apiTotal('fl', '/api/v1/wishes'));

    await page.goto(`${server.url}/volunteers`);
    await page.getByTestId('volunteer-services-export').waitFor();
    const services = await download(page, 'volunteer-services-export');
    expect(services.name).toMatch(/^志愿服务记录-[^-]+-.+\.xlsx$/);
    expect(services.rows.length).toBeGreaterThan(0);
    expect(services.rows).toHaveLength(await apiTotal('fl', '/api/v1/volunteer-services'));
    await screenshot(page, 'volunteers-export');
    await page.close();
  });
});
