import type { AssistanceForm, CatalogName, ContractType, LoanStatus } from '../../../domain/ledgers/catalogs';
import { dateOf, dayNumber, randomDate, type Rng } from './demo.data';

/**
 * The demo ledgers as plain data (what the demo county's units recorded in the year), the exact
 * figures they are built to yield, and the small helpers the ledger plan is drawn with.
 * People are referred to by their index in the demo people list (buildPeople), units by code.
 */

export interface ActivityPlan {
  orgCode: string;
  name: string;
  type: string;
  startOn: string;
  endOn: string | null;
  place: string | null;
  sessions: number;
  participants: number;
  targetGroups: string[];
  partners: string[]; // names as written; one that names a unit is linked to it
  outcomes: Array<{ name: string; value: number; unit: string }>;
}
export interface AssistancePlan {
  orgCode: string;
  person: number;
  household: number | null; // index into LedgerPlan.households
  program: string;
  form: AssistanceForm;
  amountFen: number;
  goods: string | null;
  givenOn: string;
  funder: string | null;
  note: string | null;
}
export interface LoanPlan {
  orgCode: string;
  person: number;
  principalFen: number;
  bank: string;
  disbursedOn: string | null; // null while 申请中
  status: LoanStatus;
  venture: string;
  repaidOn: string | null; // 已还清: the one repayment of the whole principal
}
export interface HouseholdPlan {
  orgCode: string;
  head: number;
  name: string;
  categories: string;
  liftedOn: string | null;
}
export interface ContractPlan {
  orgCode: string;
  enterprise: string;
  type: ContractType;
  signedOn: string;
  expiresOn: string;
  workers: number;
}
export interface LoanProductPlan {
  orgCode: string;
  name: string;
  rateBp: number;
  subsidyPct: number;
  termMonths: number;
}
export interface LedgerPlan {
  catalog: Array<{ catalog: CatalogName; name: string; orgCode: string }>;
  product: LoanProductPlan;
  activities: ActivityPlan[];
  assistance: AssistancePlan[];
  loans: LoanPlan[];
  households: HouseholdPlan[];
  contracts: ContractPlan[];
}

/** The exact values behind the speech's figures (余 figures: the exact value the records sum to). */
export const ledgerTargets = {
  jggw: { lectureSeries: 3, lectureSessions: 48, problemsSolved: 235, goodsYuan: 1_236_800 },
  dx: { talkSessions: 56, talkParticipants: 6_418 },
  tw: { trainingParticipants: 1_600, jobContracts: 153, charity: 436, students: 77 },
  fl: {
    trainingSessions: 126,
    trainingParticipants: 6_100,
    borrowers: 1_266,
    loansWan: 8_736,
    firstHalfBorrowers: 71,
    firstHalfLoansWan: 389,
    pendingLoans: 9,
    chunlei: 377,
    chunleiGoods: 34,
    mothers: 60,
    childrenAided: 121,
  },
  zgh: { assistance: 254, jobHouseholds: 232, lifted: 96, contracts: 78, womenContracts: 26, workers: 8_609 },
} as const;

export const loanProduct: LoanProductPlan = { orgCode: 'LD-FL', name: '妇女创业担保贷款', rateBp: 435, subsidyPct: 100, termMonths: 24 };

/** In-year dates that never pass the last day (today, when the year is the current one). */
export interface Calendar {
  /** a date between two month-days of the year; when the range starts after the last day, any date up to it */
  between(from: string, to: string): string;
  /** a date from `date` (or the year's start) to the last day */
  onOrAfter(date: string): string;
  /** `date` plus days, not past the last day */
  plus(date: string, days: number): string;
}

export function calendar(rng: Rng, year: number, lastDay: string): Calendar {
  const first = `${year}-01-01`;
  const min = (a: string, b: string) => (a < b ? a : b);
  return {
    between(from, to) {
      const a = `${year}-${from}`;
      const b = min(`${year}-${to}`, lastDay);
      return a > b ? randomDate(rng, first, lastDay) : randomDate(rng, a, b);
    },
    onOrAfter: (date) => randomDate(rng, date > first ? min(date, lastDay) : first, lastDay),
    plus: (date, days) => min(dateOf(dayNumber(date) + days), lastDay),
  };
}

/** n integers in [min, max] summing to total exactly (drawn at random, then nudged). */
export function splitTotal(rng: Rng, total: number, n: number, min: number, max: number): number[] {
  if (n * min > total || n * max < total) throw new Error(`demo ledgers: cannot split ${total} into ${n} of ${min}..${max}`);
  const v = Array.from({ length: n }, () => rng.int(min, max));
  let diff = total - v.reduce((a, b) => a + b, 0);
  while (diff !== 0) {
    const i = rng.int(0, n - 1);
    const room = diff > 0 ? max - v[i] : v[i] - min;
    const step = Math.min(Math.abs(diff), room, rng.int(1, 4));
    if (step <= 0) continue;
    v[i] += diff > 0 ? step : -step;
    diff += diff > 0 ? -step : step;
  }
  return v;
}

export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
