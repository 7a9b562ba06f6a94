import { http, toQuery, type Page } from '../../ui/http';

/** Households (家庭/户): `/api/v1/households`; member ID numbers come masked. */
export interface HouseholdRow {
  id: string;
  name: string;
  orgId: string;
  orgName: string | null;
  headPersonId: string | null;
  headName: string | null;
  categories: string[];
  memberCount: number;
  updatedAt: string;
}

export interface HouseholdMember {
  personId: string;
  relation: string;
  name?: string;
  idNumber?: string;
  gender?: string;
  birthDate?: string;
  phone?: string | null;
}

export interface Household {
  id: string;
  name: string;
  orgId: string;
  orgName: string | null;
  address: string | null;
  categories: string[];
  headPersonId: string | null;
  headName: string | null;
  members: HouseholdMember[];
  memberCount: number;
  /** 脱贫日期, when the server reports it. */
  liftedOn?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HouseholdsQuery {
  orgId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface HouseholdBody {
  name?: string;
  orgId?: string;
  address?: string | null;
  categories?: string[];
  headPersonId?: string | null;
}

export const relations = ['户主', '配偶', '子女', '父母', '其他'] as const;
export const householdCategorySuggestions = ['困难家庭', '低保户', '特困供养', '脱贫户', '监测户', '单亲家庭', '留守家庭', '残疾人家庭'];

const byId = (id: string) => `/households/${encodeURIComponent(id)}`;

export const listHouseholds = (q: HouseholdsQuery) => http.get<Page<HouseholdRow>>('/households', { ...q });
export const getHousehold = (id: string) => http.get<Household>(byId(id));
export const createHousehold = (body: HouseholdBody & { name: string }) => http.post<Household>('/households', body);
export const updateHousehold = (id: string, body: HouseholdBody) => http.patch<Household>(byId(id), body);
export const addMember = (id: string, body: { personId: string; relation: string }) => http.post<Household>(`${byId(id)}/members`, body);
export const removeMember = (id: string, personId: string) => http.del(`${byId(id)}/members/${encodeURIComponent(personId)}`);

/** 导出 Excel: the unit filter applies (the export has no name search). */
export const householdsExportUrl = (orgId: string | undefined) => `/api/v1/households/export${toQuery({ orgId })}`;
