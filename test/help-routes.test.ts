import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { helpFor, helpRoutes, helpRules } from '../web/src/features/help/content';
import { manualRules, manualSteps } from '../web/src/features/help/content/manual';

// Every page of the staff app (web/src/app/routes.tsx) has its 帮助, and what the help links to is a page.
const routesFile = readFileSync(new URL('../web/src/app/routes.tsx', import.meta.url), 'utf8');
const samples: Record<string, string> = { ':id': '0190aaaa-0000-7000-8000-000000000001', ':orgId': '0190aaaa-0000-7000-8000-000000000002', ':kind': 'orgs' };
const concrete = (path: string) => `/${path.replace(/:[a-zA-Z]+/g, (p) => samples[p] ?? 'x')}`.replace(/\/+/g, '/').replace(/\/$/, '') || '/';

function appPaths(): string[] {
  const paths = [...routesFile.matchAll(/<Route[^>]*\spath="([^"]+)"/g)].map((m) => m[1]).filter((p) => p !== '*' && p !== '/login');
  // the four ledgers' routes are made in a loop: path={ledger}, `${ledger}/new`, `${ledger}/:id`, `${ledger}/:id/edit`
  const ledgers = /const ledgerLists = \{([^}]*)\}/.exec(routesFile)?.[1].match(/(\w+):/g)?.map((k) => k.slice(0, -1)) ?? [];
  expect(ledgers).toEqual(['activities', 'assistance', 'loans', 'contracts']);
  for (const l of ledgers) paths.push(l, `${l}/new`, `${l}/:id`, `${l}/:id/edit`);
  // setup/import/:kind is 导入组织架构 (orgs) and 导入用户 (users)
  const users = paths.filter((p) => p.includes(':kind')).map((p) => concrete(p.replace(':kind', 'users')));
  return ['/', ...paths.map(concrete), ...users];
}

describe('帮助 for every page', () => {
  it('finds a help topic for each route of the app, the right one for a few', () => {
    const paths = appPaths();
    expect(paths.length).toBeGreaterThan(40);
    const missing = paths.filter((p) => !helpFor(p));
    expect(missing).toEqual([]);
    expect(helpFor('/cases/new')?.title).toBe('登记个案');
    expect(helpFor(concrete('cases/:id'))?.title).toBe('个案详情');
    expect(helpFor(concrete('loans/:id/edit'))?.title).toBe('台账记录');
    expect(helpFor('/loans/new')?.title).toBe('妇女小额贷款');
    expect(helpFor(concrete('reports/templates/:id'))?.title).toBe('编辑报告模板');
    expect(helpFor('/imports/batches')?.title).toBe('导入记录');
    expect(helpFor(concrete('dashboard/:orgId'))?.title).toBe('领导驾驶舱');
    expect(helpFor('/setup/import/users')?.title).toBe('导入用户');
    expect(helpFor('/no-such-page')).toBeNull();
  });

  it('links only to pages of the app', () => {
    const pages = new Set(appPaths());
    const links = [...helpRoutes.flatMap((r) => r.topic.links ?? []), ...manualSteps.flatMap((s) => s.links)].map((l) => l.to);
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((to) => !pages.has(to))).toEqual([]);
  });

  it('explains 序时进度, 近/余 and placeholders with examples, and the manual walks from 首次设置 to the report', () => {
    expect(helpRules.expectedProgress.paragraphs.join('')).toContain('序时进度');
    expect(helpRules.figureFormats.examples?.map((e) => e.result).join('')).toMatch(/近70.*6000余/);
    expect(helpRules.placeholders.examples?.some((e) => e.write.includes('{{loans.amount'))).toBe(true);
    expect(manualSteps[0].links[0].to).toBe('/setup');
    expect(manualSteps.at(-1)?.links.map((l) => l.to)).toContain('/reports');
    expect(manualRules).toEqual(expect.arrayContaining(['expectedProgress', 'figureFormats', 'placeholders']));
  });
});
