import { Button, Card, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { MetricDef } from '../../metrics/api';
import { getOrg } from '../../orgs/api';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { MetricRefInput } from '../../targets/components/MetricRefInput';
import { orgKinds } from '../../../../../src/domain/org';
import { roleLabel } from '../../../../../src/domain/report/roles';

const fmtOptions = [
  { value: '', label: '按指标单位（默认）' },
  { value: 'int', label: '整数（126）' },
  { value: 'wan', label: '万元，至多两位小数（8736）' },
  { value: 'yu', label: '取整加“余”（120余）' },
  { value: 'jin', label: '略少于整数写“近”（近70）' },
  { value: 'pct', label: '百分比（98.5%）' },
  { value: 'yuan', label: '元，至多两位小数' },
];
const periodOptions = [
  { value: '', label: '报告期（默认）：年度报告全年，半年报告1—6月' },
  { value: 'year', label: '全年' },
  { value: 'H1', label: '上半年' },
  { value: 'H2', label: '下半年' },
  { value: 'prev-year', label: '上一年' },
];
// 统计单位: the reporting unit, a role (the unit itself or its nearest descendant of the kind), or one named unit
const ownUnit = '#unit';
const orgOptions = [
  { value: '', label: '报告单位本身（默认）', short: '报告单位本身（默认）' },
  ...orgKinds.map((k) => ({ value: `@${roleLabel(k)}`, label: `@${roleLabel(k)}：本单位或最近的下级${roleLabel(k)}`, short: `@${roleLabel(k)}（最近的${roleLabel(k)}）` })),
  { value: ownUnit, label: '指定某个单位（只适用于本单位自己的模板）', short: '指定某个单位' },
];
const shortLabel = (value: unknown, label: unknown, options: readonly { value: string; label: string; short?: string }[]) => options.find((o) => o.value === value)?.short ?? String(label ?? '');
const unitOptions = [
  { value: '', label: '不换算' },
  { value: '万元', label: '换算为万元并写出单位' },
  { value: '元', label: '换算为元并写出单位' },
];

/** Builds `{{metric{filters} | org=… | period=… | fmt=… | unit=…}}` from the catalogue and inserts it at the cursor. */
export function PlaceholderPicker({ metrics, onInsert, disabled }: { metrics: MetricDef[]; onInsert: (text: string) => void; disabled?: boolean }) {
  const [ref, setRef] = useState<string | undefined>();
  const [orgRef, setOrgRef] = useState('');
  const [orgId, setOrgId] = useState<string | undefined>();
  const [fmt, setFmt] = useState('');
  const [period, setPeriod] = useState('');
  const [unit, setUnit] = useState('');
  const insert = async () => {
    if (!ref) return;
    const opts: string[] = [];
    if (orgRef === ownUnit && orgId) opts.push(`org=${(await getOrg(orgId)).code}`);
    else if (orgRef && orgRef !== ownUnit) opts.push(`org=${orgRef}`);
    if (period) opts.push(`period=${period}`);
    if (fmt) opts.push(`fmt=${fmt}`);
    if (unit) opts.push(`unit=${unit}`);
    onInsert(`{{${[ref, ...opts].join(' | ')}}}`);
  };
  return (
    <Card size="small" title="插入数字（占位符）" data-testid="placeholder-picker">
      <Flex vertical gap={8}>
        <MetricRefInput metrics={metrics} value={ref} onChange={setRef} disabled={disabled} />
        <Select value={orgRef} onChange={setOrgRef} options={orgOptions} labelRender={(o) => shortLabel(o.value, o.label, orgOptions)} popupMatchSelectWidth={false} data-testid="placeholder-org" />
        {orgRef === ownUnit ? <OrgPicker value={orgId} onChange={setOrgId} placeholder="选择单位" /> : null}
        <Select value={period} onChange={setPeriod} options={periodOptions} labelRender={(o) => (o.value === '' ? '报告期（默认）' : String(o.label ?? ''))} popupMatchSelectWidth={false} />
        <Select value={fmt} onChange={setFmt} options={fmtOptions} />
        <Select value={unit} onChange={setUnit} options={unitOptions} />
        <Button type="primary" disabled={!ref || disabled} onClick={() => void insert()} data-testid="placeholder-insert">
          插入到光标处
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          其他占位符：
        </Typography.Text>
        <Space wrap size={4}>
          {['{{year}}', '{{year+1}}', '{{year-1}}', '{{org.name}}', '{{targets}}'].map((p) => (
            <Button key={p} size="small" disabled={disabled} onClick={() => onInsert(p)}>
              {p}
            </Button>
          ))}
        </Space>
      </Flex>
    </Card>
  );
}
