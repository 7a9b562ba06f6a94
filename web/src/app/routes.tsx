import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import type { Permission } from '../../../src/domain/roles';
import { NotFound, PageLoading } from '../ui/states';
import { RequireAuth } from './RequireAuth';

// Each route is its own chunk, so the login page does not carry the admin screens.
const LoginPage = lazy(() => import('../features/auth/pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const AppLayout = lazy(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));
const HomePage = lazy(() => import('../features/home/pages/HomePage').then((m) => ({ default: m.HomePage })));
const PeopleListPage = lazy(() => import('../features/people/pages/PeopleListPage').then((m) => ({ default: m.PeopleListPage })));
const PersonDetailPage = lazy(() => import('../features/people/pages/PersonDetailPage').then((m) => ({ default: m.PersonDetailPage })));
const PersonCreatePage = lazy(() => import('../features/people/pages/PersonCreatePage').then((m) => ({ default: m.PersonCreatePage })));
const PersonEditPage = lazy(() => import('../features/people/pages/PersonEditPage').then((m) => ({ default: m.PersonEditPage })));
const OrgsPage = lazy(() => import('../features/orgs/pages/OrgsPage').then((m) => ({ default: m.OrgsPage })));
const UsersPage = lazy(() => import('../features/users/pages/UsersPage').then((m) => ({ default: m.UsersPage })));

function guarded(el: ReactNode, permission?: Permission) {
  return <RequireAuth permission={permission}>{el}</RequireAuth>;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={guarded(<AppLayout />)}>
          <Route index element={<HomePage />} />
          <Route path="people" element={guarded(<PeopleListPage />, 'person.read')} />
          <Route path="people/new" element={guarded(<PersonCreatePage />, 'person.write')} />
          <Route path="people/:id" element={guarded(<PersonDetailPage />, 'person.read')} />
          <Route path="people/:id/edit" element={guarded(<PersonEditPage />, 'person.write')} />
          <Route path="orgs" element={guarded(<OrgsPage />, 'org.read')} />
          <Route path="users" element={guarded(<UsersPage />, 'user.manage')} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
