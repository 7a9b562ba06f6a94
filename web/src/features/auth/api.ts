import type { Permission, Role } from '../../../../src/domain/roles';
import { http, rememberCsrfToken } from '../../ui/http';

export interface Grant {
  role: Role;
  orgId: string | null; // null: a global grant (sysadmin)
  orgCode: string | null;
  orgName: string | null;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  grants: Grant[];
  permissions: Permission[];
  /** the assigned handler (承办人) of a case not yet archived, with or without case.read */
  caseHandler?: boolean;
  /** set after an administrator reset the password: nothing else works until it is changed */
  mustChangePassword?: boolean;
}

export interface LoginResponse {
  token: string;
  csrfToken: string;
  user: { id: string; username: string; displayName: string };
}

export async function login(username: string, password: string): Promise<LoginResponse> {
  const res = await http.post<LoginResponse>('/auth/login', { username, password });
  rememberCsrfToken(res.csrfToken);
  return res;
}

export async function logout(): Promise<void> {
  try {
    await http.post<void>('/auth/logout');
  } finally {
    rememberCsrfToken(null);
  }
}

export const changePassword = (currentPassword: string, newPassword: string) =>
  http.post<void>('/auth/password', { currentPassword, newPassword });

export async function fetchMe(): Promise<CurrentUser> {
  const res = await http.get<{ user?: CurrentUser } & Partial<CurrentUser>>('/auth/me');
  // the spec says "→ user = {...}": accept both a bare user and { user }
  return (res.user ?? res) as CurrentUser;
}
