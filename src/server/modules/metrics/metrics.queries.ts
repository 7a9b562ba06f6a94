import { activityQueries } from './metrics.activities';
import { campaignQueries } from './metrics.campaigns';
import { caseQueries } from './metrics.cases';
import { ledgerQueries } from './metrics.ledgers';
import { orgQueries } from './metrics.orgs';
import { pairingPartyQueries } from './metrics.pairing-parties';
import { pairingQueries, wishQueries } from './metrics.pairings';
import type { MetricQuery } from './metrics.sql';

/**
 * One query per catalogue code (src/domain/metrics/catalogue.ts), built per ledger:
 * metrics.activities.ts (activities, outcomes), metrics.ledgers.ts (assistance, loans, contracts,
 * households), metrics.orgs.ts (units, designations, people). A new metric (cases.*, campaigns.*,
 * pairings.*, wishes.*) is one catalogue entry plus one entry here.
 */
export const metricQueries: Readonly<Record<string, MetricQuery>> = {
  ...activityQueries,
  ...ledgerQueries,
  ...orgQueries,
  ...caseQueries,
  ...pairingQueries,
  ...wishQueries,
  ...campaignQueries,
  ...pairingPartyQueries,
};

export type { MetricArgs, MetricQuery, Page, RecordRow } from './metrics.sql';
