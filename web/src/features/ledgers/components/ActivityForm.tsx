import { useMemo } from 'react';
import { Col, Form } from 'antd';
import { activityTypes } from '../../../../../src/domain/ledgers/catalogs';
import { activityInput } from '../../../../../src/domain/ledgers/inputs';
import { today } from '../../../ui/dates';
import { zodFieldRule } from '../../../ui/zod-rule';
import type { Activity } from '../api';
import { CatalogSelect } from './CatalogSelect';
import { CountField, DateField, half, NoteField, OrgField, TagsField, TextField } from './form-bits';
import { LedgerFormShell, type FormValues } from './LedgerFormShell';
import { OutcomesField } from './OutcomesField';
import type { LedgerFormProps } from './ledger-form-props';

export const activityFields = ['name', 'type', 'startOn', 'endOn', 'place', 'sessions', 'participants', 'targetGroups', 'partners', 'outcomes', 'note', 'orgId'] as const;

export function activityValues(a: Activity): FormValues {
  return {
    name: a.name,
    type: a.type,
    startOn: a.startOn,
    endOn: a.endOn ?? undefined,
    place: a.place ?? undefined,
    sessions: a.sessions,
    participants: a.participants,
    targetGroups: a.targetGroups ?? [],
    partners: (a.partners ?? []).map((p) => p.name),
    outcomes: a.outcomes ?? [],
    note: a.note ?? undefined,
    orgId: a.orgId,
  };
}

export function ActivityForm({ initial, editing, onSave, onCancel }: LedgerFormProps) {
  // record dates are checked against today (the server's business date), as the API does
  const schema = useMemo(() => activityInput(today()), []);
  const [form] = Form.useForm<FormValues>();
  const orgId = Form.useWatch('orgId', form) as string | undefined;
  return (
    <LedgerFormShell
      form={form}
      schema={schema}
      initial={initial ?? { sessions: 1, outcomes: [] }}
      editing={editing}
      fields={activityFields}
      submitText={editing ? '保存修改' : '保存'}
      onSave={onSave}
      onCancel={onCancel}
    >
      <TextField schema={schema} name="name" label="活动名称" required max={200} span="full" />
      <Col {...half}>
        <Form.Item label="活动类型" name="type" required rules={[zodFieldRule(schema, 'type')]} extra="可从列表选择，也可直接输入本单位的类型">
          <CatalogSelect testId="field-type" catalog="activity_type" builtins={activityTypes} orgId={orgId} free placeholder="如：培训" />
        </Form.Item>
      </Col>
      <OrgField />
      <DateField schema={schema} name="startOn" label="开始日期" required />
      <DateField schema={schema} name="endOn" label="结束日期" />
      <TextField schema={schema} name="place" label="地点" max={200} />
      <CountField schema={schema} name="sessions" label="场次" min={1} required />
      <CountField schema={schema} name="participants" label="参与人次" required />
      <TagsField schema={schema} name="targetGroups" label="活动对象" placeholder="如：妇女、留守儿童（输入后回车）" />
      <TagsField
        schema={schema}
        name="partners"
        label="联合单位"
        span="full"
        placeholder="输入单位名称后回车，可填多个"
        extra="联合举办的单位；合计时每项活动只按主办单位计一次"
      />
      <OutcomesField />
      <NoteField schema={schema} />
    </LedgerFormShell>
  );
}
