import type { Ctx } from '../../context';
import * as repo from './targets.repo';
import { parseTargetMetric } from './targets.evaluate';
import { createTarget, splitTarget } from './targets.service';

/**
 * The demo county's annual targets (docs seed-figures 二、工作安排): next year's work plan, and the same
 * targets for the seeded year so progress has records to show; 县妇联's loan target is split
 * (分解下达) among the 8 乡镇妇联 in both years. Idempotent: a target already there is left alone.
 */
interface DemoTarget {
  org: string; // unit code
  metric: string;
  value: number;
  title: string;
}

const demoTargets: DemoTarget[] = [
  { org: 'LD-DX', metric: 'activities.sessions{type=培训|宣讲}', value: 52, title: '全年举办各类培训、宣讲52场次' },
  { org: 'LD-DX', metric: 'activities.participants{type=培训|宣讲}', value: 4000, title: '教育干部群众4000人次' },
  { org: 'LD-FL', metric: 'loans.amount', value: 8000, title: '力争发放贷款8000万元' },
  { org: 'LD-ZGH', metric: 'orgs.rate{kind=grassroots_union,designation=职代会和厂务公开建制}', value: 90, title: '职代会和厂务公开建制率达到90%以上' },
  { org: 'LD-ZGH', metric: 'orgs.rate{kind=grassroots_union,designation=工资集体协商}', value: 90, title: '90%以上建立工资集体协商制度' },
  { org: 'LD-FL', metric: 'orgs.new{designation=信访代理示范点}', value: 2, title: '建立信访代理工作示范点2处' },
  { org: 'LD-FL', metric: 'orgs.rate{kind=womens_branch,designation=五好基层妇女组织}', value: 98, title: '98%以上的妇联组织达到“五个好”标准' },
];

const splitMetric = 'loans.amount';

export async function seedDemoTargets(ctx: Ctx, year: number): Promise<{ created: number; split: number }> {
  let created = 0;
  let split = 0;
  const units = await ctx.db.selectFrom('org_units').select(['id', 'code']).where('code', 'in', ['LD-DX', 'LD-FL', 'LD-ZGH']).execute();
  const idOf = new Map(units.map((u) => [u.code, u.id]));
  for (const y of [year, year + 1]) {
    for (const t of demoTargets) {
      const orgId = idOf.get(t.org);
      if (!orgId) continue; // not the demo county
      const key = { orgId, year: y, metricRef: parseTargetMetric(t.metric).ref, comparison: 'at_least' };
      let row = await repo.findLiveByKey(ctx.db, key);
      if (!row) {
        const item = await createTarget(ctx, { orgId, year: y, metric: t.metric, comparison: 'at_least', value: t.value, title: t.title });
        row = await repo.findLiveByKey(ctx.db, key);
        created++;
        if (!row) throw new Error(`target ${item.id} vanished`);
      }
      if (t.metric === splitMetric && (await repo.listChildRows(ctx.db, [row.id])).length === 0) {
        const towns = await ctx.db
          .selectFrom('org_units')
          .select('id')
          .where('parent_id', '=', orgId)
          .where('kind', '=', 'womens_federation')
          .orderBy('sort_order')
          .orderBy('code')
          .execute();
        if (towns.length === 0) continue;
        // an even split in whole 万元; the remainder goes to the first townships
        const base = Math.floor(t.value / towns.length);
        const rest = t.value - base * towns.length;
        await splitTarget(ctx, row.id, { parts: towns.map((u, i) => ({ orgId: u.id, value: base + (i < rest ? 1 : 0) })) });
        split++;
      }
    }
  }
  return { created, split };
}
