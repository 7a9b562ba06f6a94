import { newId } from '../../../../domain/ids';
import type { ActivityInput } from '../../../../domain/ledgers/inputs';
import { naturalKeys } from '../../../../domain/ledgers/natural-keys';
import type { Ctx } from '../../../context';
import type { ActivityOutcomeTable, ActivityPartnerTable } from '../../../db/types';
import { bulkInsert } from '../../people/people.bulk';
import { chunked, FileKeys, ledgerStamp, stampOf } from './common';
import type { KindWriter, Plan } from './types';

const keyOf = (a: ActivityInput, orgId: string) => naturalKeys.activity({ name: a.name, type: a.type, startOn: a.startOn, orgId });

/** 联合单位 are kept as written; a name that is exactly one unit's name is linked to that unit. */
async function unitsByName(tx: Ctx, names: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const part of chunked(Array.from(new Set(names)))) {
    const rows = await tx.db.selectFrom('org_units').select(['id', 'name']).where('name', 'in', part).execute();
    const count = new Map<string, string[]>();
    for (const r of rows) count.set(r.name, [...(count.get(r.name) ?? []), r.id]);
    for (const n of part) out.set(n, count.get(n)?.length === 1 ? (count.get(n) as string[])[0] : null);
  }
  return out;
}

export const activitiesWriter: KindWriter<ActivityInput> = {
  ledgerTable: 'activities',
  start() {
    const keys = new FileKeys();
    return {
      async plan(ctx, rows) {
        const plan: Plan = { errors: [], duplicates: new Set() };
        await keys.mark(ctx, 'activities', rows.map((r) => ({ row: r.row, fileKey: keyOf(r.input, r.orgId), dbKey: keyOf(r.input, r.orgId) })), plan);
        return plan;
      },
      async write(tx, rows, batchId) {
        const units = await unitsByName(tx, rows.flatMap((r) => r.input.partners));
        const stamp = stampOf(tx, batchId);
        const partners: ActivityPartnerTable[] = [];
        const outcomes: ActivityOutcomeTable[] = [];
        const values = rows.map((r) => {
          const a = r.input;
          const id = newId();
          a.partners.forEach((name, position) => partners.push({ activity_id: id, position, name, org_id: units.get(name) ?? null }));
          for (const o of a.outcomes) outcomes.push({ activity_id: id, name: o.name, value: o.value, unit: o.unit });
          return {
            id,
            org_id: r.orgId,
            name: a.name,
            type: a.type,
            start_on: a.startOn,
            end_on: a.endOn ?? null,
            place: a.place ?? null,
            sessions: a.sessions,
            participants: a.participants,
            target_groups: a.targetGroups.join('、'),
            note: a.note ?? null,
            ...ledgerStamp(stamp, keyOf(a, r.orgId)),
          };
        });
        await bulkInsert(tx, 'activities', values);
        await bulkInsert(tx, 'activity_partners', partners);
        await bulkInsert(tx, 'activity_outcomes', outcomes);
      },
      finish: async () => [],
    };
  },
};
