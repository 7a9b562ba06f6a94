import { type OrgKind, orgKinds } from '../org';

/**
 * Roles: a template names the bodies it reports on relative to the reporting unit (`org=@妇联`), never
 * by a county's own unit codes, so one template serves every county. A role is a unit kind; `@<role>`
 * means the reporting unit itself when it is of that kind, else its nearest descendant of that kind.
 * Two candidates at the same (nearest) depth: the one the template's settings name (`@妇联 = <代码>`),
 * else the first by unit code.
 */

/** Role names per unit kind: the first is the name shown; the others, and the kind id, are accepted too. */
export const orgRoleNames: Record<OrgKind, readonly string[]> = {
  party_committee: ['党委', '乡镇党委'],
  union: ['工会', '总工会', '乡镇工会'],
  grassroots_union: ['基层工会'],
  youth_league: ['团委', '共青团', '乡镇团委'],
  youth_branch: ['基层团组织'],
  womens_federation: ['妇联', '乡镇妇联'],
  womens_branch: ['基层妇女组织'],
  science_association: ['科协'],
  organ_committee: ['机关工委'],
  party_school: ['党校'],
  other: ['其他'],
};

export const roleLabel = (kind: OrgKind): string => orgRoleNames[kind][0];

/** All role names as a template may write them after `@`, the Chinese ones first. */
export const roleNamesForHelp: readonly string[] = orgKinds.map((k) => orgRoleNames[k][0]);

/** `@妇联`, `@womens_federation` → the kind; null when the text is not a role reference. */
export function parseRole(text: string): OrgKind | null {
  const t = text.trim();
  if (!t.startsWith('@') && !t.startsWith('＠')) return null;
  const name = t.slice(1).trim();
  const byId = orgKinds.find((k) => k === name);
  if (byId) return byId;
  return orgKinds.find((k) => orgRoleNames[k].includes(name)) ?? null;
}

export const isRoleRef = (text: string): boolean => /^[@＠]/.test(text.trim());

export function unknownRoleMessage(text: string): string {
  return `未知的角色“${text.trim()}”（可用：${roleNamesForHelp.map((r) => `@${r}`).join('、')}）`;
}

/** A unit that can play a role: one of the reporting unit's subtree, at `depth` below it (0 = itself). */
export interface RoleCandidate {
  id: string;
  code: string;
  name: string;
  kind: string;
  depth: number;
}

/**
 * The unit playing `kind` for the reporting unit: the named one when the template's settings name a
 * candidate, else the nearest candidate, ties broken by code (the first in code order). Null: none.
 */
export function pickRoleUnit<T extends RoleCandidate>(kind: OrgKind, candidates: readonly T[], named?: string): T | null {
  const ofKind = candidates.filter((c) => c.kind === kind);
  if (named) {
    const chosen = ofKind.find((c) => c.code === named || c.id === named);
    if (chosen) return chosen;
  }
  let best: T | null = null;
  for (const c of ofKind) {
    if (!best || c.depth < best.depth || (c.depth === best.depth && c.code < best.code)) best = c;
  }
  return best;
}

/** Why a sentence was left out: the reporting unit's tree has no unit for the role. */
export function missingRoleReason(orgName: string, kind: OrgKind): string {
  return `“${orgName}”及其下级单位中没有${roleLabel(kind)}`;
}
