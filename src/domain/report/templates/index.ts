import type { OrgKind, OrgLevel } from '../../org';
import type { ReportKind } from '../figures';
import { countyAnnualTemplate } from './county-annual';
import { scienceAnnualTemplate } from './science-annual';
import { townshipAnnualTemplate } from './township-annual';
import { townshipUnionAnnualTemplate, unionAnnualTemplate } from './union-annual';
import { townshipWomensAnnualTemplate, womensAnnualTemplate } from './womens-annual';
import { womensHalfYearTemplate } from './womens-half-year';
import { youthAnnualTemplate } from './youth-annual';

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

/**
 * The default templates, by report kind and the kind (and level) of the reporting unit: every 党委,
 * 总工会/乡镇工会, 团委, 妇联 and 科协 gets a report without writing a template. They name bodies by
 * role only (`org=@妇联`), never by a unit code (a test holds them to it).
 */
export const defaultTemplates: readonly DefaultTemplate[] = [
  { id: 'township-annual', kind: 'annual', label: '乡镇群团工作年度总结（乡镇党委）', orgKinds: ['party_committee'], levels: ['township'], source: townshipAnnualTemplate },
  { id: 'county-annual', kind: 'annual', label: '群团工作年度总结（县委）', orgKinds: ['party_committee'], source: countyAnnualTemplate },
  { id: 'township-union-annual', kind: 'annual', label: '乡镇工会年度工作总结', orgKinds: ['union'], levels: ['township', 'village'], source: townshipUnionAnnualTemplate },
  { id: 'union-annual', kind: 'annual', label: '总工会年度工作总结', orgKinds: ['union'], source: unionAnnualTemplate },
  { id: 'youth-annual', kind: 'annual', label: '团委年度工作总结', orgKinds: ['youth_league'], source: youthAnnualTemplate },
  { id: 'township-womens-annual', kind: 'annual', label: '乡镇妇联年度工作总结', orgKinds: ['womens_federation'], levels: ['township', 'village'], source: townshipWomensAnnualTemplate },
  { id: 'womens-annual', kind: 'annual', label: '妇联年度工作总结', orgKinds: ['womens_federation'], source: womensAnnualTemplate },
  { id: 'womens-half-year', kind: 'half-year', label: '妇联上半年工作总结及下半年工作安排', orgKinds: ['womens_federation'], source: womensHalfYearTemplate },
  { id: 'science-annual', kind: 'annual', label: '科协年度工作总结', orgKinds: ['science_association'], source: scienceAnnualTemplate },
];

/** The default template for a unit: the first written for its kind and level, else for its kind at any level. */
export function findDefaultTemplate(kind: ReportKind, orgKind: string, level?: string): DefaultTemplate | undefined {
  const fits = defaultTemplates.filter((t) => t.kind === kind && (t.orgKinds as readonly string[]).includes(orgKind));
  return fits.find((t) => t.levels && level !== undefined && (t.levels as readonly string[]).includes(level)) ?? fits.find((t) => !t.levels);
}
