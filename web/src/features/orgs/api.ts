import type { DesignationLevel, OrgKind, OrgLevel } from '../../../../src/domain/org';
import { http, type Page } from '../../ui/http';

export interface Org {
  id: string;
  code: string;
  name: string;
  kind: OrgKind;
  kindLabel: string;
  level: OrgLevel;
  levelLabel: string;
  parentId: string | null;
  divisionCode: string | null;
  establishedOn: string | null;
  dissolvedOn: string | null;
  childCount: number;
}

export interface OrgDetail extends Org {
  path: { id: string; name: string }[];
}

export interface Designation {
  id: string;
  orgId: string;
  title: string;
  level: DesignationLevel;
  year: number;
  awardedOn: string | null;
  note: string | null;
}

export interface CreateOrgBody {
  code: string;
  name: string;
  kind: OrgKind;
  level: OrgLevel;
  parentId?: string;
  divisionCode?: string;
  establishedOn?: string;
  dissolvedOn?: string;
}

export interface UpdateOrgBody {
  name?: string;
  kind?: OrgKind;
  level?: OrgLevel;
  parentId?: string;
  divisionCode?: string | null;
  establishedOn?: string | null;
  dissolvedOn?: string | null;
}

export interface CreateDesignationBody {
  title: string;
  level: DesignationLevel;
  year: number;
  awardedOn?: string;
  note?: string;
}

// Names of units seen so far, so pickers can label an id without asking the server again.
const names = new Map<string, string>();
function remember<T extends { id: string; name: string }>(orgs: T[]): T[] {
  for (const o of orgs) names.set(o.id, o.name);
  return orgs;
}
export function knownOrgName(id: string): string | undefined {
  return names.get(id);
}
/** Lets a page that already has a unit's name (a grant, a person's unit) label pickers with it. */
export function rememberOrgName(id: string | null | undefined, name: string | null | undefined): void {
  if (id && name) names.set(id, name);
}

export interface OrgQuery {
  parentId?: string;
  /** only this unit and its subtree */
  under?: string;
  q?: string;
  kind?: OrgKind;
  page?: number;
  pageSize?: number;
}

export async function listOrgs(query: OrgQuery = {}): Promise<Page<Org>> {
  const res = await http.get<Page<Org>>('/orgs', { pageSize: 100, ...query });
  remember(res.items);
  return res;
}

/** All children of a unit (or the caller's root units), page by page; a township may have hundreds. */
export async function listChildren(parentId: string | null): Promise<Org[]> {
  const all: Org[] = [];
  for (let page = 1; page <= 50; page++) {
    const res = await listOrgs({ parentId: parentId ?? undefined, page, pageSize: 100 });
    all.push(...res.items);
    if (res.items.length === 0 || all.length >= res.total) break;
  }
  return all;
}

export async function getOrg(id: string): Promise<OrgDetail> {
  const org = await http.get<OrgDetail>(`/orgs/${encodeURIComponent(id)}`);
  remember([org, ...(org.path ?? [])]);
  return org;
}

export const createOrg = (body: CreateOrgBody) => http.post<Org>('/orgs', body);
export const updateOrg = (id: string, body: UpdateOrgBody) => http.patch<Org>(`/orgs/${encodeURIComponent(id)}`, body);

export const listDesignations = (orgId: string) =>
  http.get<{ items: Designation[] }>(`/orgs/${encodeURIComponent(orgId)}/designations`);
export const createDesignation = (orgId: string, body: CreateDesignationBody) =>
  http.post<Designation>(`/orgs/${encodeURIComponent(orgId)}/designations`, body);
export const deleteDesignation = (id: string) => http.del(`/designations/${encodeURIComponent(id)}`);
