import { Form, Input, InputNumber, Radio } from 'antd';
import { FormModal } from '../../../ui/FormModal';
import type { MetricDef } from '../../metrics/api';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { createTarget, type Target, type TargetBody, updateTarget } from '../api';
import { MetricRefInput } from './MetricRefInput';

interface Values {
  orgId?: string;
  metric?: string;
  comparison: 'at_least' | 'at_most';
  value?: number;
  title?: string;
  note?: string;
}

interface Props {
  open: boolean;
  year: number;
  /** the target being edited; null: a new one */
  target: Target | null;
  metrics: MetricDef[];
  onClose: () => void;
  onSaved: () => void;
}

const fields = ['orgId', 'metric', 'comparison', 'value', 'title', 'note'] as const;

/** 新增/修改年度目标: the unit, the metric from the catalogue with its filters, the comparison and the figure. */
export function TargetFormModal({ open, year, target, metrics, onClose, onSaved }: Props) {
  const split = Boolean(target && (target.parentId || target.children.length));
  const submit = async (v: Values) => {
    const body: TargetBody = { metric: v.metric, comparison: v.comparison, value: v.value, title: v.title?.trim() || undefined, note: v.note?.trim() || null };
    if (target) {
      if (split) {
        delete body.metric;
        delete body.comparison;
      }
      await updateTarget(target.id, body);
    } else await createTarget({ ...body, orgId: v.orgId, year, note: body.note ?? undefined });
    onSaved();
  };
  return (
    <FormModal<Values>
      open={open}
      title={target ? `修改目标（${target.orgName}）` : `新增${year}年度目标`}
      width={640}
      fields={fields}
      onClose={onClose}
      onSubmit={submit}
      initialValues={target ? { metric: target.metric, comparison: target.comparison, value: target.value, title: target.title, note: target.note ?? undefined } : { comparison: 'at_least' }}
    >
      {target ? null : (
        <Form.Item name="orgId" label="目标单位" extra="不选为本人所在单位">
          <OrgPicker placeholder="选择单位" />
        </Form.Item>
      )}
      <Form.Item name="metric" label="指标" rules={[{ required: true, message: '请选择指标' }]} extra={split ? '已分解的目标不能修改指标' : '完成数由该指标按单位（含下级）实时计算'}>
        <MetricRefInput metrics={metrics} disabled={split} />
      </Form.Item>
      <Form.Item name="comparison" label="比较方式">
        <Radio.Group disabled={split} options={[{ value: 'at_least', label: '不少于' }, { value: 'at_most', label: '不超过' }]} />
      </Form.Item>
      <Form.Item name="value" label="目标值（按指标的单位）" rules={[{ required: true, message: '请填写目标值' }]}>
        <InputNumber data-testid="target-value" min={0} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="title" label="目标表述" extra="如：力争发放贷款8000万元；不填则按指标生成">
        <Input data-testid="target-title" maxLength={200} />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
