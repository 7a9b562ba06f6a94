import type { CaseKind, RiskLevel } from './kinds';
import { awaitingAcceptance, awaitingHandling, type CaseStatus } from './flow';

/**
 * Deadlines. Defaults: acceptance within 15 days of registration and handling within 60 days of
 * acceptance (信访工作条例 第二十四条、第三十五条: 15日内决定是否受理, 60日内办结). A child in
 * difficulty at high risk must be handled within 7 days (《关于加强困境儿童保障工作的意见》
 * 国发〔2016〕36号 requires prompt intervention by risk; Primero sets follow-up deadlines by risk level).
 * Units may set their own days per kind (table case_deadlines); the nearest ancestor's setting wins.
 * A high-risk child's 7 days is a ceiling that a unit's setting can only tighten.
 */
export const defaultAcceptDays = 15;
export const defaultHandleDays = 60;
export const highRiskChildHandleDays = 7;
export const dueSoonDays = 3;

export interface DeadlineDays {
  acceptDays: number;
  handleDays: number;
}

export function deadlineDays(kind: CaseKind, riskLevel: RiskLevel | null, unitSetting: DeadlineDays | null): DeadlineDays {
  const base = unitSetting ?? { acceptDays: defaultAcceptDays, handleDays: defaultHandleDays };
  if (kind === '困境儿童' && riskLevel === '高') return { acceptDays: base.acceptDays, handleDays: Math.min(base.handleDays, highRiskChildHandleDays) };
  return base;
}

/** YYYY-MM-DD plus n calendar days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export type DeadlineState = 'overdue' | 'due_soon' | 'on_time' | 'none';

export interface DeadlineView {
  step: 'accept' | 'handle' | null;
  dueOn: string | null;
  state: DeadlineState;
  /** days left (negative: days overdue) */
  daysLeft: number | null;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Overdue: the step is not done and today is past its due date; due soon: at most 3 days left. */
export function deadlineView(c: { status: CaseStatus; dueAcceptOn: string | null; dueHandleOn: string | null }, today: string): DeadlineView {
  const step = awaitingAcceptance.includes(c.status) ? 'accept' : awaitingHandling.includes(c.status) ? 'handle' : null;
  const dueOn = step === 'accept' ? c.dueAcceptOn : step === 'handle' ? c.dueHandleOn : null;
  if (!step || !dueOn) return { step, dueOn: null, state: 'none', daysLeft: null };
  const daysLeft = daysBetween(today, dueOn);
  const state: DeadlineState = daysLeft < 0 ? 'overdue' : daysLeft <= dueSoonDays ? 'due_soon' : 'on_time';
  return { step, dueOn, state, daysLeft };
}
