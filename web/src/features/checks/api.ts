import { http, type Page } from '../../ui/http';

export interface DuplicateGroup {
  personId: string;
  personName: string;
  personIdNumber: string;
  program: string;
  records: { id: string; orgId: string; orgName: string | null; givenOn: string; amountFen: number | null; amountYuan?: string | null }[];
}

/** A person of the category with no assistance record dated in the year . */
export interface UnassistedPerson {
  personId: string;
  name: string;
  idNumber: string; // masked unless the role may see it
  gender?: string | null;
  birthDate?: string | null;
  phone?: string | null;
}

export type CheckQuery = Record<string, string | number | undefined>;

export const listDuplicates = (q: CheckQuery) => http.get<{ items: DuplicateGroup[]; total: number }>('/checks/duplicate-assistance', q);
export const listUnassisted = (q: CheckQuery) => http.get<Page<UnassistedPerson>>('/checks/unassisted', q);
