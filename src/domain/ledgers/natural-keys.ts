/**
 * The contract's natural keys: a record with the same key is the same record, so a re-import
 * writes nothing and counts it as a duplicate. Keys are plain joined text (ids and values).
 */
const join = (...parts: Array<string | number | null | undefined>) => parts.map((p) => String(p ?? '')).join('|');

export const naturalKeys = {
  activity: (a: { name: string; type: string; startOn: string; orgId: string }) => join('activity', a.name.trim(), a.type, a.startOn, a.orgId),
  assistance: (a: { personId: string | null; householdId?: string | null; program: string; givenOn: string; amountFen: number; orgId: string }) =>
    join('assistance', a.personId ?? `household:${a.householdId ?? ''}`, a.program, a.givenOn, a.amountFen, a.orgId),
  loan: (l: { personId: string; principalFen: number; disbursedOn: string | null }) => join('loan', l.personId, l.principalFen, l.disbursedOn ?? '申请中'),
  contract: (c: { enterprise: string; type: string; signedOn: string; orgId: string }) => join('contract', c.enterprise.trim(), c.type, c.signedOn, c.orgId),
};
