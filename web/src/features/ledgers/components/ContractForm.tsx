import { useMemo } from 'react';
import { Col, Form, Select } from 'antd';
import { contractTypes } from '../../../../../src/domain/ledgers/catalogs';
import { contractInput } from '../../../../../src/domain/ledgers/inputs';
import { today } from '../../../ui/dates';
import { zodFieldRule } from '../../../ui/zod-rule';
import type { Contract } from '../api';
import { CountField, DateField, half, NoteField, OrgField, TextField } from './form-bits';
import { LedgerFormShell, type FormValues } from './LedgerFormShell';
import type { LedgerFormProps } from './ledger-form-props';

export const contractFields = ['enterprise', 'type', 'signedOn', 'expiresOn', 'workers', 'note', 'orgId'] as const;

export function contractValues(c: Contract): FormValues {
  return { enterprise: c.enterprise, type: c.type, signedOn: c.signedOn, expiresOn: c.expiresOn ?? undefined, workers: c.workers, note: c.note ?? undefined, orgId: c.orgId };
}

export function ContractForm({ initial, editing, onSave, onCancel }: LedgerFormProps) {
  // record dates are checked against today (the server's business date), as the API does
  const schema = useMemo(() => contractInput(today()), []);
  const [form] = Form.useForm<FormValues>();
  return (
    <LedgerFormShell
      form={form}
      schema={schema}
      initial={initial ?? { type: '综合' }}
      editing={editing}
      fields={contractFields}
      submitText={editing ? '保存修改' : '保存'}
      onSave={onSave}
      onCancel={onCancel}
    >
      <TextField schema={schema} name="enterprise" label="企业名称" required max={200} span="full" />
      <Col {...half}>
        <Form.Item label="合同类型" name="type" required rules={[zodFieldRule(schema, 'type')]}>
          <Select data-testid="field-type" options={contractTypes.map((t) => ({ value: t, label: t }))} />
        </Form.Item>
      </Col>
      <CountField schema={schema} name="workers" label="覆盖职工人数" required suffix="人" />
      <DateField schema={schema} name="signedOn" label="签订日期" required />
      <DateField schema={schema} name="expiresOn" label="到期日期" />
      <OrgField />
      <NoteField schema={schema} />
    </LedgerFormShell>
  );
}
