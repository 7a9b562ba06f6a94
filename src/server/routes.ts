import type { App, AppDeps } from './http/types';
import { registerAuditRoutes } from './modules/audit/audit.routes';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { registerHealthRoutes } from './modules/health/health.routes';
import { registerHouseholdRoutes } from './modules/households/households.routes';
import { registerOrgRoutes } from './modules/orgs/orgs.routes';
import { registerPeopleRoutes } from './modules/people/people.routes';
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
}
