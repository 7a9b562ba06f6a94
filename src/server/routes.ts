import type { App, AppDeps } from './http/types';
import { registerActivityRoutes } from './modules/activities/activities.routes';
import { registerAssistanceRoutes } from './modules/assistance/assistance.routes';
import { registerAttachmentRoutes } from './modules/attachments/attachments.routes';
import { registerAuditRoutes } from './modules/audit/audit.routes';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { registerCaseRoutes } from './modules/cases/cases.routes';
import { registerCatalogRoutes } from './modules/catalogs/catalogs.routes';
import { registerCheckRoutes } from './modules/checks/checks.routes';
import { registerContractRoutes } from './modules/contracts/contracts.routes';
import { registerHealthRoutes } from './modules/health/health.routes';
import { registerHouseholdRoutes } from './modules/households/households.routes';
import { registerImportRoutes } from './modules/imports/imports.routes';
import { registerLoanRoutes } from './modules/loans/loans.routes';
import { registerMetricRoutes } from './modules/metrics/metrics.routes';
import { registerOrgRoutes } from './modules/orgs/orgs.routes';
import { registerOtpRoutes } from './modules/otp/otp.routes';
import { registerPairingRoutes } from './modules/pairings/pairings.routes';
import { registerPeopleRoutes } from './modules/people/people.routes';
import { registerReportRoutes } from './modules/reports/reports.routes';
import { registerScreeningRoutes } from './modules/screenings/screenings.routes';
import { registerTargetRoutes } from './modules/targets/targets.routes';
import { registerUserRoutes } from './modules/users/users.routes';

/** Every module's routes, in one list. */
export async function registerRoutes(app: App, deps: AppDeps): Promise<void> {
  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerOrgRoutes(app);
  registerAuditRoutes(app);
  registerPeopleRoutes(app);
  registerHouseholdRoutes(app);
  registerUserRoutes(app);
  registerMetricRoutes(app);
  registerImportRoutes(app);
  registerActivityRoutes(app);
  registerAssistanceRoutes(app);
  registerLoanRoutes(app);
  registerContractRoutes(app);
  registerCaseRoutes(app);
  registerCatalogRoutes(app);
  registerAttachmentRoutes(app);
  registerCheckRoutes(app);
  registerReportRoutes(app);
  registerTargetRoutes(app);
  registerScreeningRoutes(app);
  registerPairingRoutes(app);
  registerOtpRoutes(app, deps);
}
