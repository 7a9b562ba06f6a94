import { newId } from '../../../../domain/ids';
import type { ContractInput } from '../../../../domain/ledgers/inputs';
import { naturalKeys } from '../../../../domain/ledgers/natural-keys';
import { bulkInsert } from '../../people/people.bulk';
import { FileKeys, ledgerStamp, stampOf } from './common';
import type { KindWriter, Plan } from './types';

const keyOf = (c: ContractInput, orgId: string) => naturalKeys.contract({ enterprise: c.enterprise, type: c.type, signedOn: c.signedOn, orgId });

export const contractsWriter: KindWriter<ContractInput> = {
  ledgerTable: 'contracts',
  start() {
    const keys = new FileKeys();
    return {
      async plan(ctx, rows) {
        const plan: Plan = { errors: [], duplicates: new Set() };
        await keys.mark(ctx, 'contracts', rows.map((r) => ({ row: r.row, fileKey: keyOf(r.input, r.orgId), dbKey: keyOf(r.input, r.orgId) })), plan);
        return plan;
      },
      async write(tx, rows, batchId) {
        const stamp = stampOf(tx, batchId);
        const values = rows.map((r) => ({
          id: newId(),
          org_id: r.orgId,
          enterprise: r.input.enterprise,
          type: r.input.type,
          signed_on: r.input.signedOn,
          expires_on: r.input.expiresOn ?? null,
          workers: r.input.workers,
          note: r.input.note ?? null,
          ...ledgerStamp(stamp, keyOf(r.input, r.orgId)),
        }));
        await bulkInsert(tx, 'contracts', values);
      },
      finish: async () => [],
    };
  },
};
