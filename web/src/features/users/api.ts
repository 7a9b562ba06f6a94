import type { Role } from '../../../../src/domain/roles';
import type { Grant } from '../auth/api';
import { http, type Page } from '../../ui/http';

export interface User {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  grants: Grant[];
  lastLoginAt: string | null;
}

export interface GrantInput {
  role: Role;
  orgId: string | null;
}

export interface UsersQuery {
  orgId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface CreateUserBody {
  username: string;
  displayName: string;
  password: string;
  grants: GrantInput[];
}

export interface UpdateUserBody {
  displayName?: string;
  disabled?: boolean;
  grants?: GrantInput[];
}

const byId = (id: string) => `/users/${encodeURIComponent(id)}`;

export const listUsers = (q: UsersQuery) => http.get<Page<User>>('/users', { ...q });
export const createUser = (body: CreateUserBody) => http.post<User>('/users', body);
export const updateUser = (id: string, body: UpdateUserBody) => http.patch<User>(byId(id), body);
export const resetPassword = (id: string) => http.post<{ password: string }>(`${byId(id)}/reset-password`);
