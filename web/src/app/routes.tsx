import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import type { Permission } from '../../../src/domain/roles';
import { dashboardKey, fetchDashboard } from '../features/dashboard/api';
import { syncClock } from '../../shared/clock';
import { thisYear } from '../ui/dates';
import { NotFound, PageLoading } from '../ui/states';
import { SetupGate } from '../features/setup/components/SetupGate';
import { prefetch } from './prefetch';
import { RequireAuth } from './RequireAuth';

// Each route is its own chunk, so the login page does not carry the admin screens.
const LoginPage = lazy(() => import('../features/auth/pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const loadLayout = () => import('./AppLayout');
const AppLayout = lazy(() => loadLayout().then((m) => ({ default: m.AppLayout })));
const HomePage = lazy(() => import('../features/home/pages/HomePage').then((m) => ({ default: m.HomePage })));
const PeopleListPage = lazy(() => import('../features/people/pages/PeopleListPage').then((m) => ({ default: m.PeopleListPage })));
const PersonDetailPage = lazy(() => import('../features/people/pages/PersonDetailPage').then((m) => ({ default: m.PersonDetailPage })));
const PersonCreatePage = lazy(() => import('../features/people/pages/PersonCreatePage').then((m) => ({ default: m.PersonCreatePage })));
const PersonEditPage = lazy(() => import('../features/people/pages/PersonEditPage').then((m) => ({ default: m.PersonEditPage })));
const OrgsPage = lazy(() => import('../features/orgs/pages/OrgsPage').then((m) => ({ default: m.OrgsPage })));
const UsersPage = lazy(() => import('../features/users/pages/UsersPage').then((m) => ({ default: m.UsersPage })));
const HouseholdsListPage = lazy(() => import('../features/households/pages/HouseholdsListPage').then((m) => ({ default: m.HouseholdsListPage })));
const HouseholdDetailPage = lazy(() => import('../features/households/pages/HouseholdDetailPage').then((m) => ({ default: m.HouseholdDetailPage })));
const HouseholdEditPage = lazy(() => import('../features/households/pages/HouseholdEditPage').then((m) => ({ default: m.HouseholdEditPage })));
const ActivitiesPage = lazy(() => import('../features/ledgers/pages/ActivitiesPage').then((m) => ({ default: m.ActivitiesPage })));
const AssistancePage = lazy(() => import('../features/ledgers/pages/AssistancePage').then((m) => ({ default: m.AssistancePage })));
const LoansPage = lazy(() => import('../features/ledgers/pages/LoansPage').then((m) => ({ default: m.LoansPage })));
const ContractsPage = lazy(() => import('../features/ledgers/pages/ContractsPage').then((m) => ({ default: m.ContractsPage })));
const LedgerDetailPage = lazy(() => import('../features/ledgers/pages/LedgerDetailPage').then((m) => ({ default: m.LedgerDetailPage })));
const LedgerEditPage = lazy(() => import('../features/ledgers/pages/LedgerEditPage').then((m) => ({ default: m.LedgerEditPage })));
const ImportWizardPage = lazy(() => import('../features/imports/pages/ImportWizardPage').then((m) => ({ default: m.ImportWizardPage })));
const ImportBatchesPage = lazy(() => import('../features/imports/pages/ImportBatchesPage').then((m) => ({ default: m.ImportBatchesPage })));
const ScreeningsPage = lazy(() => import('../features/screenings/pages/ScreeningsPage').then((m) => ({ default: m.ScreeningsPage })));
const ScreeningDetailPage = lazy(() => import('../features/screenings/pages/ScreeningDetailPage').then((m) => ({ default: m.ScreeningDetailPage })));
const ScreeningTownshipPage = lazy(() => import('../features/screenings/pages/ScreeningTownshipPage').then((m) => ({ default: m.ScreeningTownshipPage })));
const MetricsPage = lazy(() => import('../features/metrics/pages/MetricsPage').then((m) => ({ default: m.MetricsPage })));
const loadDashboard = () => import('../features/dashboard/pages/DashboardPage');
const DashboardPage = lazy(() => loadDashboard().then((m) => ({ default: m.DashboardPage })));

// While the session check runs, start loading the layout (and the dashboard, the page leaders open
// first) so the chunks do not wait on one another: session → layout → page → data.
// The dashboard's data is asked for at once too (the session cookie goes with it).
const [, firstSegment = '', dashboardOrg] = window.location.pathname.split('/');
if (firstSegment !== 'login') {
  void loadLayout();
  if (firstSegment === 'dashboard') {
    void loadDashboard();
    const orgId = dashboardOrg ? decodeURIComponent(dashboardOrg) : undefined;
    // the year is the server's (the clock is asked for in main.tsx at the same moment)
    void syncClock().then(() => {
      const year = thisYear();
      prefetch(dashboardKey(orgId, year), () => fetchDashboard(orgId, year));
    });
  }
}
const DuplicateAssistancePage = lazy(() => import('../features/checks/pages/DuplicateAssistancePage').then((m) => ({ default: m.DuplicateAssistancePage })));
const UnassistedPage = lazy(() => import('../features/checks/pages/UnassistedPage').then((m) => ({ default: m.UnassistedPage })));
const TargetsPage = lazy(() => import('../features/targets/pages/TargetsPage').then((m) => ({ default: m.TargetsPage })));
const ReportsPage = lazy(() => import('../features/reports/pages/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const TemplateEditorPage = lazy(() => import('../features/reports/pages/TemplateEditorPage').then((m) => ({ default: m.TemplateEditorPage })));
const CasesInboxPage = lazy(() => import('../features/cases/pages/CasesInboxPage').then((m) => ({ default: m.CasesInboxPage })));
const CaseRegisterPage = lazy(() => import('../features/cases/pages/CaseRegisterPage').then((m) => ({ default: m.CaseRegisterPage })));
const CaseDetailPage = lazy(() => import('../features/cases/pages/CaseDetailPage').then((m) => ({ default: m.CaseDetailPage })));
const CampaignsPage = lazy(() => import('../features/selections/pages/CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const CampaignDetailPage = lazy(() => import('../features/selections/pages/CampaignDetailPage').then((m) => ({ default: m.CampaignDetailPage })));
const WishesPage = lazy(() => import('../features/wishes/pages/WishesPage').then((m) => ({ default: m.WishesPage })));
const PairingsPage = lazy(() => import('../features/pairings/pages/PairingsPage').then((m) => ({ default: m.PairingsPage })));
const VolunteerTeamsPage = lazy(() => import('../features/volunteers/pages/VolunteerTeamsPage').then((m) => ({ default: m.VolunteerTeamsPage })));
const NoticesPage = lazy(() => import('../features/notices/pages/NoticesPage').then((m) => ({ default: m.NoticesPage })));
const NoticeComposePage = lazy(() => import('../features/notices/pages/NoticeComposePage').then((m) => ({ default: m.NoticeComposePage })));
const NoticeDetailPage = lazy(() => import('../features/notices/pages/NoticeDetailPage').then((m) => ({ default: m.NoticeDetailPage })));
const SetupPage = lazy(() => import('../features/setup/pages/SetupPage').then((m) => ({ default: m.SetupPage })));
const HelpPage = lazy(() => import('../features/help/pages/HelpPage').then((m) => ({ default: m.HelpPage })));
const TreeImportPage = lazy(() => import('../features/setup/pages/TreeImportPage').then((m) => ({ default: m.TreeImportPage })));

const ledgerLists = { activities: ActivitiesPage, assistance: AssistancePage, loans: LoansPage, contracts: ContractsPage } as const;

function guarded(el: ReactNode, permission?: Permission, orCaseHandler?: boolean) {
  return (
    <RequireAuth permission={permission} orCaseHandler={orCaseHandler}>
      {el}
    </RequireAuth>
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={guarded(<AppLayout />)}>
          <Route index element={<SetupGate><HomePage /></SetupGate>} />
          <Route path="setup" element={guarded(<SetupPage />, 'org.read')} />
          <Route path="setup/import/:kind" element={guarded(<TreeImportPage />, 'org.read')} />
          <Route path="people" element={guarded(<PeopleListPage />, 'person.read')} />
          <Route path="people/new" element={guarded(<PersonCreatePage />, 'person.write')} />
          <Route path="people/:id" element={guarded(<PersonDetailPage />, 'person.read')} />
          <Route path="people/:id/edit" element={guarded(<PersonEditPage />, 'person.write')} />
          <Route path="orgs" element={guarded(<OrgsPage />, 'org.read')} />
          <Route path="users" element={guarded(<UsersPage />, 'user.manage')} />
          <Route path="households" element={guarded(<HouseholdsListPage />, 'person.read')} />
          <Route path="households/new" element={guarded(<HouseholdEditPage key="new" />, 'person.write')} />
          <Route path="households/:id" element={guarded(<HouseholdDetailPage />, 'person.read')} />
          <Route path="households/:id/edit" element={guarded(<HouseholdEditPage key="edit" />, 'person.write')} />
          {(Object.keys(ledgerLists) as (keyof typeof ledgerLists)[]).map((ledger) => {
            const List = ledgerLists[ledger];
            return [
              <Route key={ledger} path={ledger} element={guarded(<List />, 'ledger.read')} />,
              <Route key={`${ledger}-new`} path={`${ledger}/new`} element={guarded(<LedgerEditPage key="new" ledger={ledger} />, 'ledger.write')} />,
              <Route key={`${ledger}-id`} path={`${ledger}/:id`} element={guarded(<LedgerDetailPage ledger={ledger} />, 'ledger.read')} />,
              <Route key={`${ledger}-edit`} path={`${ledger}/:id/edit`} element={guarded(<LedgerEditPage key="edit" ledger={ledger} />, 'ledger.write')} />,
            ];
          })}
          <Route path="imports" element={guarded(<ImportWizardPage />, 'ledger.write')} />
          <Route path="imports/batches" element={guarded(<ImportBatchesPage />, 'ledger.read')} />
          <Route path="screenings" element={guarded(<ScreeningsPage />)} />
          <Route path="screenings/:id" element={guarded(<ScreeningDetailPage />)} />
          <Route path="screenings/:id/townships/:orgId" element={guarded(<ScreeningTownshipPage />)} />
          <Route path="metrics" element={guarded(<MetricsPage />, 'ledger.read')} />
          <Route path="dashboard" element={guarded(<DashboardPage />, 'ledger.read')} />
          <Route path="dashboard/:orgId" element={guarded(<DashboardPage />, 'ledger.read')} />
          <Route path="checks/duplicate-assistance" element={guarded(<DuplicateAssistancePage />, 'ledger.read')} />
          <Route path="checks/unassisted" element={guarded(<UnassistedPage />, 'ledger.read')} />
          <Route path="targets" element={guarded(<TargetsPage />, 'ledger.read')} />
          <Route path="reports" element={guarded(<ReportsPage />, 'ledger.read')} />
          <Route path="reports/templates/:id" element={guarded(<TemplateEditorPage key="edit" />, 'ledger.read')} />
          <Route path="cases" element={guarded(<CasesInboxPage />, 'case.read', true)} />
          <Route path="cases/new" element={guarded(<CaseRegisterPage />, 'case.write')} />
          <Route path="cases/:id" element={guarded(<CaseDetailPage />)} />
          <Route path="campaigns" element={guarded(<CampaignsPage />, 'ledger.read')} />
          <Route path="campaigns/:id" element={guarded(<CampaignDetailPage />, 'ledger.read')} />
          <Route path="wishes" element={guarded(<WishesPage />, 'ledger.read')} />
          <Route path="pairings" element={guarded(<PairingsPage />, 'ledger.read')} />
          <Route path="volunteers" element={guarded(<VolunteerTeamsPage />, 'ledger.read')} />
          <Route path="notices" element={guarded(<NoticesPage />, 'org.read')} />
          <Route path="notices/new" element={guarded(<NoticeComposePage key="new" />, 'ledger.write')} />
          <Route path="notices/:id" element={guarded(<NoticeDetailPage />, 'org.read')} />
          <Route path="notices/:id/edit" element={guarded(<NoticeComposePage key="edit" />, 'ledger.write')} />
          <Route path="help" element={<HelpPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
