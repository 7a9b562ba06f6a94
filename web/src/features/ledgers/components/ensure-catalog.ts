import { addCatalogEntry, listCatalog, type CatalogName, type LedgerName } from '../api';

const catalogFields: Partial<Record<LedgerName, [string, CatalogName][]>> = {
  activities: [['type', 'activity_type']],
  assistance: [
    ['program', 'assistance_program'],
    ['funder', 'funder'],
  ],
};

/**
 * A type, program or funder the clerk typed that the unit's catalogue lacks is added to it
 * (每个单位可增加自己的类型). Best effort: the record itself is what matters.
 */
export async function ensureCatalogEntries(ledger: LedgerName, body: Record<string, unknown>): Promise<void> {
  const orgId = typeof body.orgId === 'string' ? body.orgId : undefined;
  for (const [field, catalog] of catalogFields[ledger] ?? []) {
    const name = body[field];
    if (typeof name !== 'string' || !name) continue;
    try {
      const known = await listCatalog(catalog, orgId);
      if (!known.includes(name)) await addCatalogEntry(catalog, name, orgId);
    } catch {
      // the catalogue is a convenience; the server checks the record on its own
    }
  }
}
