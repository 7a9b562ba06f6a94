import { foldDigits } from '../../../../domain/money';
import { activityTypes } from '../../../../domain/ledgers/catalogs';
import { type ActivityInput, activityInput } from '../../../../domain/ledgers/inputs';
import type { RowReader } from './row';
import type { KindSpec } from './types';

/** 签订就业合同150份；解决问题235个 → [{name:签订就业合同, value:150, unit:份}, …] */
export function parseOutcomes(text: string): { ok: true; value: { name: string; value: number; unit: string }[] } | { ok: false; message: string } {
  const out: { name: string; value: number; unit: string }[] = [];
  for (const part of text.split(/[、;；,，\n]+/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^(.*?)[\s:：]*([0-9０-９][0-9０-９,，]*)\s*(\S{0,10})$/.exec(part);
    if (!m || !m[1].trim()) return { ok: false, message: `成果“${part}”应写成“名称+数量+单位”，如 签订就业合同150份` };
    out.push({ name: m[1].trim(), value: Number(foldDigits(m[2])), unit: m[3] });
  }
  return { ok: true, value: out };
}

function outcomes(r: RowReader) {
  const text = r.text('outcomes');
  if (!text) return [];
  const parsed = parseOutcomes(text);
  return parsed.ok ? parsed.value : r.fail('outcomes', parsed.message);
}

export const activitiesKind: KindSpec<ActivityInput> = {
  kind: 'activities',
  title: '活动台账',
  orgColumn: 'org',
  columns: [
    { key: 'name', header: '活动名称', required: true, synonyms: ['活动主题', '名称'], example: '巾帼家政技能培训', width: 24 },
    { key: 'type', header: '活动类型', required: true, synonyms: ['类型', '活动类别'], options: activityTypes, example: '培训', width: 10 },
    { key: 'startOn', header: '开始日期', required: true, synonyms: ['活动日期', '日期', '活动时间', '开始时间', '举办时间'], date: true, example: '2025-03-08', width: 12 },
    { key: 'endOn', header: '结束日期', date: true, example: '2025-03-10', width: 12 },
    { key: 'place', header: '地点', synonyms: ['活动地点', '举办地点'], example: '县妇女儿童活动中心', width: 18 },
    { key: 'sessions', header: '场次', synonyms: ['期数'], example: 1, width: 8 },
    { key: 'participants', header: '参与人次', required: true, synonyms: ['参加人数', '人次', '参与人数', '参加人次'], example: 120, width: 10 },
    { key: 'targetGroups', header: '对象', synonyms: ['活动对象', '参与对象'], example: '农村妇女、创业女性', width: 18 },
    { key: 'org', header: '主办单位', synonyms: ['所属组织', '所属单位'], example: '', width: 18 },
    { key: 'partners', header: '联合单位', synonyms: ['协办单位'], example: '县人社局、县总工会', width: 20 },
    { key: 'outcomes', header: '成果', synonyms: ['活动成果'], example: '签订就业合同150份；解决问题235个', width: 28 },
    { key: 'note', header: '备注', example: '', width: 20 },
  ],
  fields: { name: 'name', type: 'type', startOn: 'startOn', endOn: 'endOn', place: 'place', sessions: 'sessions', participants: 'participants', targetGroups: 'targetGroups', partners: 'partners', outcomes: 'outcomes', note: 'note' },
  schema: (today) => activityInput(today),
  toInput: (r) => ({
    name: r.text('name'),
    type: r.text('type'),
    startOn: r.date('startOn'),
    endOn: r.date('endOn') ?? null,
    place: r.text('place'),
    sessions: r.int('sessions') ?? 1, // blank means 1 (contract)
    participants: r.int('participants'),
    targetGroups: r.list('targetGroups'),
    partners: r.list('partners'),
    outcomes: outcomes(r) ?? [],
    note: r.text('note'),
  }),
};
