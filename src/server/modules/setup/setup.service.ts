import { countyBodies, countyRootName, type SetupCountyInput } from '../../../domain/county-setup';
import { type Ctx, inTransaction } from '../../context';
import { AppError } from '../../http/errors';
import { hasPermission, orgScope } from '../../http/scope';
import { createOrg, type OrgView } from '../orgs/orgs.service';

/**
 * First start without the demo (QUNTUAN_SEED_DEMO=never): the tree is empty and the first admin is
 * asked for the county (name, GB/T 2260 code, a code prefix) and which bodies exist; the county
 * committee and those bodies are created in one transaction. Only a global system administrator
 * may do it, and only once: with any unit on record it is refused.
 */
export interface SetupStatus {
  /** no unit on record yet */
  empty: boolean;
  /** the caller may set the county up (a global system administrator) */
  canSetUp: boolean;
}

async function treeEmpty(ctx: Ctx): Promise<boolean> {
  return !(await ctx.db.selectFrom('org_units').select('id').limit(1).executeTakeFirst());
}

const isGlobalAdmin = (ctx: Ctx) => hasPermission(ctx, 'org.write') && orgScope(ctx, 'org.write').all;

export async function getSetupStatus(ctx: Ctx): Promise<SetupStatus> {
  orgScope(ctx, 'org.read'); // 401 for the public
  return { empty: await treeEmpty(ctx), canSetUp: isGlobalAdmin(ctx) };
}

export async function setUpCounty(ctx: Ctx, input: SetupCountyInput): Promise<{ root: OrgView; bodies: OrgView[] }> {
  if (!isGlobalAdmin(ctx)) throw new AppError('FORBIDDEN', '只有系统管理员才能设置本县组织架构');
  return inTransaction(ctx, async (tx) => {
    if (!(await treeEmpty(tx))) throw new AppError('CONFLICT', '组织架构已设置过；如需增加单位，请在“组织架构”中新增或导入');
    const county = input.countyName;
    const root = await createOrg(tx, { code: input.codePrefix, name: countyRootName(county), kind: 'party_committee', level: 'county', divisionCode: input.divisionCode });
    const bodies: OrgView[] = [];
    for (const b of countyBodies) {
      if (!input.bodies.includes(b.key)) continue;
      bodies.push(await createOrg(tx, { code: `${input.codePrefix}-${b.suffix}`, name: b.name(county), kind: b.kind, level: 'county', parentId: root.id, divisionCode: input.divisionCode }));
    }
    return { root, bodies };
  });
}
