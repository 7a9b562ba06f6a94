import { shanghaiDate } from '../../../domain/dates';
import type { Ctx } from '../../context';
import * as repo from './assistance.repo';

/**
 * 重复帮扶预警: the same person helped under the same program in the same calendar year (dates are
 * Asia/Shanghai calendar dates) by another unit. The record is still written; the clerk is warned.
 */
export interface DuplicateRecord {
  id: string;
  orgId: string;
  orgName: string;
  givenOn: string;
  amountFen: number;
}
export interface DuplicateCandidate {
  personId: string | null;
  program: string;
  givenOn: string;
  orgId: string;
  /** the record itself, when already written */
  id?: string;
}
export interface AssistanceWarning {
  code: 'DUPLICATE_ASSISTANCE';
  message: string;
  others: DuplicateRecord[];
}

const chunk = 500;

/** Per candidate row, the other units' live records of the same person, program and year (one query per 500 people). */
export async function findDuplicateAssistance(ctx: Ctx, rows: DuplicateCandidate[]): Promise<DuplicateRecord[][]> {
  const out = rows.map((): DuplicateRecord[] => []);
  const wanted = rows.filter((r) => r.personId);
  if (wanted.length === 0) return out;
  const people = Array.from(new Set(wanted.map((r) => r.personId as string)));
  const programs = Array.from(new Set(wanted.map((r) => r.program)));
  const years = wanted.map((r) => r.givenOn.slice(0, 4)).sort();
  const byKey = new Map<string, Awaited<ReturnType<typeof repo.recordsOfPeople>>>();
  for (let i = 0; i < people.length; i += chunk) {
    const found = await repo.recordsOfPeople(ctx.db, people.slice(i, i + chunk), programs, `${years[0]}-01-01`, `${years[years.length - 1]}-12-31`);
    for (const f of found) {
      const key = `${f.person_id}|${f.program}|${f.given_on.slice(0, 4)}`;
      byKey.set(key, [...(byKey.get(key) ?? []), f]);
    }
  }
  rows.forEach((r, i) => {
    if (!r.personId) return;
    const same = byKey.get(`${r.personId}|${r.program}|${r.givenOn.slice(0, 4)}`) ?? [];
    out[i] = same
      .filter((f) => f.org_id !== r.orgId && f.id !== r.id)
      .map((f) => ({ id: f.id, orgId: f.org_id, orgName: f.org_name, givenOn: f.given_on, amountFen: Number(f.amount_fen) }));
  });
  return out;
}

export function duplicateWarning(ctx: Ctx, givenOn: string, others: DuplicateRecord[]): AssistanceWarning {
  const year = givenOn.slice(0, 4);
  const when = year === shanghaiDate(ctx.now()).slice(0, 4) ? '今年' : `${year}年`;
  const units = Array.from(new Set(others.map((o) => o.orgName))).join('、');
  return { code: 'DUPLICATE_ASSISTANCE', message: `该对象${when}已在${units}获得同一项目帮扶`, others };
}
