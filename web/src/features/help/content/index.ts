import { matchPath } from 'react-router-dom';
import * as admin from './admin';
import * as cases from './cases';
import * as figures from './figures';
import * as ledgers from './ledgers';
import type { HelpTopic } from './types';
import * as work from './work';

export { helpRules } from './rules';
export type { HelpRule, HelpTopic, RuleKey } from './types';

/** Each page's help by its route (routes.tsx); the first pattern that matches wins, so details come before lists. */
export const helpRoutes: { path: string; topic: HelpTopic }[] = [
  { path: '/', topic: admin.homeHelp },
  { path: '/help', topic: admin.manualHelp },
  { path: '/setup', topic: admin.setupHelp },
  { path: '/setup/import/orgs', topic: admin.treeImportOrgsHelp },
  { path: '/setup/import/users', topic: admin.treeImportUsersHelp },
  { path: '/people/*', topic: admin.peopleHelp },
  { path: '/orgs', topic: admin.orgsHelp },
  { path: '/users', topic: admin.usersHelp },
  { path: '/households/*', topic: admin.householdsHelp },
  { path: '/activities', topic: ledgers.activitiesHelp },
  { path: '/assistance', topic: ledgers.assistanceHelp },
  { path: '/loans', topic: ledgers.loansHelp },
  { path: '/contracts', topic: ledgers.contractsHelp },
  { path: '/activities/new', topic: ledgers.activitiesHelp },
  { path: '/assistance/new', topic: ledgers.assistanceHelp },
  { path: '/loans/new', topic: ledgers.loansHelp },
  { path: '/contracts/new', topic: ledgers.contractsHelp },
  { path: '/:ledger/:id/*', topic: ledgers.ledgerRecordHelp },
  { path: '/imports', topic: admin.importsHelp },
  { path: '/imports/batches', topic: admin.importBatchesHelp },
  { path: '/cases', topic: cases.casesInboxHelp },
  { path: '/cases/new', topic: cases.caseRegisterHelp },
  { path: '/cases/:id', topic: cases.caseDetailHelp },
  { path: '/screenings/*', topic: cases.screeningsHelp },
  { path: '/campaigns/*', topic: work.campaignsHelp },
  { path: '/wishes', topic: work.wishesHelp },
  { path: '/pairings', topic: work.pairingsHelp },
  { path: '/volunteers', topic: work.volunteersHelp },
  { path: '/notices/*', topic: work.noticesHelp },
  { path: '/dashboard/*', topic: figures.dashboardHelp },
  { path: '/metrics', topic: figures.metricsHelp },
  { path: '/targets', topic: figures.targetsHelp },
  { path: '/reports', topic: figures.reportsHelp },
  { path: '/reports/templates/:id', topic: figures.templateEditorHelp },
  { path: '/checks/duplicate-assistance', topic: figures.duplicateHelp },
  { path: '/checks/unassisted', topic: figures.unassistedHelp },
];

const ledgerPaths = ['activities', 'assistance', 'loans', 'contracts'];

/** The help for a path, or null where the page has none of its own (the 使用手册 covers it). */
export function helpFor(pathname: string): HelpTopic | null {
  for (const r of helpRoutes) {
    const m = matchPath(r.path, pathname);
    if (!m) continue;
    // /:ledger/:id only for the four ledgers (not /cases/…, /people/…)
    if (r.path.startsWith('/:ledger') && !ledgerPaths.includes(m.params.ledger ?? '')) continue;
    return r.topic;
  }
  return null;
}
