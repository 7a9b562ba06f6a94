import type { OrgKind, OrgLevel } from '../../org';
import type { ReportKind } from '../figures';
import { countyAnnualTemplate } from './county-annual';
import { womensHalfYearTemplate } from './womens-half-year';

export interface DefaultTemplate {
  id: string;
  kind: ReportKind;
  label: string;
  /** the kinds of unit the template is written for */
  orgKinds: readonly OrgKind[];
  /** only for units at these levels (a township's own report); absent: any level */
  levels?: readonly OrgLevel[];
  source: string;
}

/** The default templates, by report kind and the kind of the reporting unit. */
export const defaultTemplates: readonly DefaultTemplate[] = [
  { id: 'county-annual', kind: 'annual', label: '群团工作年度总结（县委）', orgKinds: ['party_committee'], source: countyAnnualTemplate },
  { id: 'womens-half-year', kind: 'half-year', label: '妇联上半年工作总结及下半年工作安排', orgKinds: ['womens_federation'], source: womensHalfYearTemplate },
];

/** The default template for a unit: the first written for its kind and level, else for its kind at any level. */
export function findDefaultTemplate(kind: ReportKind, orgKind: string, level?: string): DefaultTemplate | undefined {
  const fits = defaultTemplates.filter((t) => t.kind === kind && (t.orgKinds as readonly string[]).includes(orgKind));
  return fits.find((t) => t.levels && level !== undefined && (t.levels as readonly string[]).includes(level)) ?? fits.find((t) => !t.levels);
}
