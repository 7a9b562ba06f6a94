import { useMemo } from 'react';
import { Col, Form, Select } from 'antd';
import { assistanceForms, assistancePrograms } from '../../../../../src/domain/ledgers/catalogs';
import { assistanceInput } from '../../../../../src/domain/ledgers/inputs';
import { today } from '../../../ui/dates';
import { zodFieldRule } from '../../../ui/zod-rule';
import type { Assistance } from '../api';
import { CatalogSelect } from './CatalogSelect';
import { DateField, half, MoneyField, NoteField, OrgField, TextField } from './form-bits';
import { LedgerFormShell, type FormValues } from './LedgerFormShell';
import type { LedgerFormProps } from './ledger-form-props';
import { PersonRefField } from './PersonRefField';

export const assistanceFields = ['personId', 'name', 'idNumber', 'program', 'form', 'amountYuan', 'goods', 'givenOn', 'funder', 'note', 'orgId'] as const;
const funders = ['财政资金', '工会经费', '爱心企业', '慈善总会', '社会捐赠'] as const;

export function assistanceValues(a: Assistance): FormValues {
  return {
    program: a.program,
    form: a.form,
    amountYuan: a.amountYuan ?? undefined,
    goods: a.goods ?? undefined,
    givenOn: a.givenOn,
    funder: a.funder ?? undefined,
    note: a.note ?? undefined,
    orgId: a.orgId,
  };
}

interface Props extends LedgerFormProps {
  /** Edit mode: the record's person, shown as text (a record's person is not changed). */
  personLabel?: string;
  hidden?: FormValues;
}

export function AssistanceForm({ initial, editing, onSave, onCancel, personLabel, hidden }: Props) {
  // record dates are checked against today (the server's business date), as the API does
  const schema = useMemo(() => assistanceInput(today()), []);
  const [form] = Form.useForm<FormValues>();
  const orgId = Form.useWatch('orgId', form) as string | undefined;
  const kind = Form.useWatch('form', form) as string | undefined;
  return (
    <LedgerFormShell
      form={form}
      schema={schema}
      initial={initial ?? { form: '现金' }}
      editing={editing}
      hidden={hidden}
      fields={assistanceFields}
      submitText={editing ? '保存修改' : '保存'}
      onSave={onSave}
      onCancel={onCancel}
    >
      {editing ? (
        <Col xs={24}>
          <Form.Item label="帮扶对象">{personLabel ?? '—'}</Form.Item>
        </Col>
      ) : (
        <PersonRefField label="帮扶对象" />
      )}
      <Col {...half}>
        <Form.Item label="帮扶项目" name="program" required rules={[zodFieldRule(schema, 'program')]} extra="可从列表选择，也可直接输入本单位的项目">
          <CatalogSelect testId="field-program" catalog="assistance_program" builtins={assistancePrograms} orgId={orgId} free placeholder="如：送温暖" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="帮扶形式" name="form" required rules={[zodFieldRule(schema, 'form')]}>
          <Select data-testid="field-form" options={assistanceForms.map((f) => ({ value: f, label: f }))} />
        </Form.Item>
      </Col>
      <MoneyField schema={schema} name="amountYuan" label={kind === '物资' ? '折合金额' : '金额'} unit="元" required={kind === '现金'} />
      <TextField schema={schema} name="goods" label="物资" max={200} required={kind === '物资'} extra={kind === '物资' ? '物资帮扶须填写物资或折合金额' : undefined} />
      <DateField schema={schema} name="givenOn" label="帮扶日期" required />
      <Col {...half}>
        <Form.Item label="资金来源" name="funder" rules={[zodFieldRule(schema, 'funder')]}>
          <CatalogSelect testId="field-funder" catalog="funder" builtins={funders} orgId={orgId} free placeholder="如：爱心企业、慈善总会" />
        </Form.Item>
      </Col>
      <OrgField />
      <NoteField schema={schema} />
    </LedgerFormShell>
  );
}
