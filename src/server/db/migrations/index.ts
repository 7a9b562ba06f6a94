import type { Migration } from 'kysely';
import * as foundation from './2026-11-28T0900-foundation';
import * as people from './2026-11-28T1000-people';
import * as ledgers from './2026-11-28T1100-ledgers';
import * as imports from './2026-11-28T1200-imports';
import * as attachmentBytes from './2026-11-28T1300-attachment-bytes';
import * as metricIndexes from './2026-11-28T1400-metric-indexes';
import * as targets from './2026-11-28T1500-targets';
import * as cases from './2026-11-28T1700-cases';
import * as attachmentSealed from './2026-11-29T0600-attachment-sealed';
import * as screenings from './2026-11-29T0100-screenings';
import * as wishesPairings from './2026-11-29T0500-wishes-pairings';
import * as selections from './2026-11-29T0400-selections';
import * as reportTemplates from './2026-11-29T0300-report-templates';
import * as selectionWithdrawalObjector from './2026-11-29T0700-selection-withdrawal-objector';
import * as dataVersions from './2026-11-29T0800-data-versions';
import * as ledgerVersions from './2026-11-29T0900-ledger-versions';
import * as listOrderIndexes from './2026-11-29T1000-list-order-indexes';
import * as campaignVotingWindow from './2026-11-29T1100-campaign-voting-window';
import * as importMappings from './2026-12-07T2330-import-mappings';
import * as auditKeyed from './2026-12-07T2345-audit-keyed';
import * as importUploadsSealed from './2026-12-07T2350-import-uploads-sealed';
import * as setupImports from './2026-12-07T2300-setup-imports';
import * as moneyBigint from './2026-12-08T0100-money-bigint';
import * as notices from './2026-12-08T1700-notices';
import * as nominationPublicationVotingTimes from './2026-12-08T1300-nomination-publication-voting-times';
import * as wishDeliveryDonor from './2026-12-08T1400-wish-delivery-donor';
import * as todoDigest from './2026-12-08T1600-todo-digest';
import * as batchActions from './2026-12-08T1200-batch-actions';

/** Every migration, keyed by its date-prefixed name; order is the key's order. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T0900-foundation': foundation,
  '2026-11-28T1000-people': people,
  '2026-11-28T1100-ledgers': ledgers,
  '2026-11-28T1200-imports': imports,
  '2026-11-28T1300-attachment-bytes': attachmentBytes,
  '2026-11-28T1400-metric-indexes': metricIndexes,
  '2026-11-28T1500-targets': targets,
  '2026-11-28T1700-cases': cases,
  '2026-11-29T0100-screenings': screenings,
  '2026-11-29T0500-wishes-pairings': wishesPairings,
  '2026-11-29T0400-selections': selections,
  '2026-11-29T0300-report-templates': reportTemplates,
  '2026-11-29T0600-attachment-sealed': attachmentSealed,
  '2026-11-29T0700-selection-withdrawal-objector': selectionWithdrawalObjector,
  '2026-11-29T0800-data-versions': dataVersions,
  '2026-11-29T0900-ledger-versions': ledgerVersions,
  '2026-11-29T1000-list-order-indexes': listOrderIndexes,
  '2026-11-29T1100-campaign-voting-window': campaignVotingWindow,
  '2026-12-07T2330-import-mappings': importMappings,
  '2026-12-07T2345-audit-keyed': auditKeyed,
  '2026-12-07T2350-import-uploads-sealed': importUploadsSealed,
  '2026-12-07T2300-setup-imports': setupImports,
  '2026-12-08T0100-money-bigint': moneyBigint,
  '2026-12-08T1700-notices': notices,
  '2026-12-08T1300-nomination-publication-voting-times': nominationPublicationVotingTimes,
  '2026-12-08T1400-wish-delivery-donor': wishDeliveryDonor,
  '2026-12-08T1600-todo-digest': todoDigest,
  '2026-12-08T1200-batch-actions': batchActions,
};
