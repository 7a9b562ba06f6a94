import { orgKindLabels, orgKinds, type OrgKind } from '../org';
import { findMetric } from './catalogue';
import { MetricRefError, parseMetricRef } from './parse';

/**
 * A metric reference in words, for readers of a printed report: `orgs.new{kind=grassroots_union}` →
 * 新建组织数（组织类型：基层工会）. Values are shown as written, several joined with 或; the one
 * filter whose values are codes (组织类型) is shown by its label. Codes stay in the HTML links only.
 */
export function describeMetricRef(ref: string): string {
  let parsed;
  try {
    parsed = parseMetricRef(ref);
  } catch (e) {
    if (e instanceof MetricRefError) return findMetric(ref.split('{')[0].trim())?.label ?? '指标';
    throw e;
  }
  const parts = parsed.def.filters
    .filter((f) => parsed.filters[f.name]?.length)
    .map((f) => `${f.label}：${parsed.filters[f.name].map((v) => valueLabel(f.name === 'kind' && parsed.def.ledger === 'orgs', v)).join('或')}`);
  return parts.length ? `${parsed.def.label}（${parts.join('；')}）` : parsed.def.label;
}

function valueLabel(isOrgKind: boolean, v: string): string {
  return isOrgKind && (orgKinds as readonly string[]).includes(v) ? orgKindLabels[v as OrgKind] : v;
}

/**
 * An inclusive period in words: a whole year 2025年, whole months 2025年1月至6月, else the dates
 * (2025年3月8日至2025年9月30日).
 */
export function describePeriod(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  if (fd === 1 && td === lastDay) {
    if (fy === ty && fm === 1 && tm === 12) return `${fy}年`;
    if (fy === ty) return fm === tm ? `${fy}年${fm}月` : `${fy}年${fm}月至${tm}月`;
    return `${fy}年${fm}月至${ty}年${tm}月`;
  }
  return `${fy}年${fm}月${fd}日至${ty}年${tm}月${td}日`;
}
