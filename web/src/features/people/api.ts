import type { Gender } from '../../../../src/domain/id-number';
import { http, requestWithStatus, type Page } from '../../ui/http';

export interface PersonRow {
  id: string;
  name: string;
  idNumber: string; // masked unless revealed
  gender: Gender | null;
  birthDate: string | null;
  phone: string | null;
  categories: string[];
  orgId: string | null;
  orgName: string | null;
}

export interface Person extends PersonRow {
  ethnicity: string | null;
  address: string | null;
  note: string | null;
  orgs: { id: string; name: string }[];
  createdAt: string;
  updatedAt: string;
  masked: boolean;
}

export interface PeopleQuery {
  q?: string;
  category?: string;
  orgId?: string;
  page: number;
  pageSize: number;
}

export interface CreatePersonBody {
  name: string;
  idNumber: string;
  phone?: string;
  ethnicity?: string;
  address?: string;
  categories?: string[];
  orgId?: string;
  note?: string;
}

export type UpdatePersonBody = {
  name?: string;
  phone?: string | null;
  ethnicity?: string | null;
  address?: string | null;
  categories?: string[];
  orgId?: string;
  note?: string | null;
};

export interface Category {
  name: string;
  builtin: boolean;
}

const byId = (id: string) => `/people/${encodeURIComponent(id)}`;

export const listPeople = (q: PeopleQuery) => http.get<Page<PersonRow>>('/people', { ...q });
export const getPerson = (id: string, reveal = false) => http.get<Person>(byId(id), { reveal: reveal || undefined });

/** 201: a new record; 200: the same ID and name were on record and that person is now linked. */
export async function createPerson(body: CreatePersonBody): Promise<{ person: Person; existed: boolean }> {
  const res = await requestWithStatus<Person>('POST', '/people', body);
  return { person: res.data, existed: res.status === 200 };
}

export const updatePerson = (id: string, body: UpdatePersonBody) => http.patch<Person>(byId(id), body);

export const listCategories = () => http.get<{ items: Category[] }>('/categories');
export const createCategory = (name: string) => http.post<Category>('/categories', { name });
