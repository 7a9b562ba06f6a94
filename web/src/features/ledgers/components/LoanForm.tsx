import { useMemo } from 'react';
import { Col, Form, InputNumber, Select } from 'antd';
import { loanStatuses } from '../../../../../src/domain/ledgers/catalogs';
import { loanInput } from '../../../../../src/domain/ledgers/inputs';
import { today } from '../../../ui/dates';
import { zodFieldRule } from '../../../ui/zod-rule';
import type { Loan } from '../api';
import { CountField, DateField, half, MoneyField, NoteField, OrgField, TextField } from './form-bits';
import { LedgerFormShell, type FormValues } from './LedgerFormShell';
import type { LedgerFormProps } from './ledger-form-props';
import { PersonRefField } from './PersonRefField';

export const loanFields = ['personId', 'name', 'idNumber', 'bank', 'principalWan', 'termMonths', 'ratePct', 'subsidyPct', 'disbursedOn', 'dueOn', 'subsidyYuan', 'venture', 'status', 'note', 'orgId'] as const;
/** the rules of fields that do not depend on today (percentages) */
const shape = loanInput(null);

export function loanValues(l: Loan): FormValues {
  return {
    bank: l.bank ?? undefined,
    principalWan: String(l.principalWan),
    termMonths: l.termMonths ?? undefined,
    ratePct: l.ratePct ?? undefined,
    subsidyPct: l.subsidyPct ?? undefined,
    disbursedOn: l.disbursedOn ?? undefined,
    dueOn: l.dueOn ?? undefined,
    subsidyYuan: l.subsidyYuan ?? undefined,
    venture: l.venture ?? undefined,
    note: l.note ?? undefined,
    orgId: l.orgId,
  };
}

interface Props extends LedgerFormProps {
  personLabel?: string;
  hidden?: FormValues;
}

const Percent = ({ name, label, max }: { name: string; label: string; max: number }) => (
  <Col {...half}>
    <Form.Item label={label} name={name} rules={[zodFieldRule(shape, name)]}>
      <InputNumber data-testid={`field-${name}`} min={0} max={max} step={0.05} suffix="%" style={{ width: '100%' }} />
    </Form.Item>
  </Col>
);

export function LoanForm({ initial, editing, onSave, onCancel, personLabel, hidden }: Props) {
  // record dates are checked against today (the server's business date), as the API does
  const schema = useMemo(() => loanInput(today()), []);
  const [form] = Form.useForm<FormValues>();
  return (
    <LedgerFormShell
      form={form}
      schema={schema}
      initial={initial ?? { status: '申请中' }}
      editing={editing}
      hidden={hidden}
      fields={loanFields}
      submitText={editing ? '保存修改' : '保存'}
      onSave={onSave}
      onCancel={onCancel}
    >
      {editing ? (
        <Col xs={24}>
          <Form.Item label="借款人">{personLabel ?? '—'}</Form.Item>
        </Col>
      ) : (
        <PersonRefField label="借款人" />
      )}
      <MoneyField schema={schema} name="principalWan" label="贷款金额" unit="万元" required />
      <TextField schema={schema} name="bank" label="贷款银行" max={100} />
      <CountField schema={schema} name="termMonths" label="期限" min={1} suffix="个月" />
      <TextField schema={schema} name="venture" label="创业项目" max={200} />
      <Percent name="ratePct" label="年利率" max={36} />
      <Percent name="subsidyPct" label="贴息比例" max={100} />
      <DateField schema={schema} name="disbursedOn" label="放款日期" />
      <DateField schema={schema} name="dueOn" label="到期日期" extra="留空则按放款日期和期限推算" />
      <MoneyField schema={schema} name="subsidyYuan" label="贴息金额" unit="元" extra="留空则按贷款金额、年利率、期限和贴息比例计算" />
      {editing ? null : (
        <Col {...half}>
          <Form.Item label="状态" name="status" rules={[zodFieldRule(schema, 'status')]} extra="已放款的贷款须填写放款日期；之后的状态在详情页变更">
            <Select data-testid="field-status" options={loanStatuses.filter((s) => s !== '已还清').map((s) => ({ value: s, label: s }))} />
          </Form.Item>
        </Col>
      )}
      <OrgField />
      <NoteField schema={schema} />
    </LedgerFormShell>
  );
}
