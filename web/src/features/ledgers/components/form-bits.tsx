import { Col, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { dateFieldProps, datePickerFormats } from '../../../ui/dates';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { zodFieldRule } from '../../../ui/zod-rule';
import { OrgPicker } from '../../orgs/components/OrgPicker';

type Schema = z.ZodObject<z.ZodRawShape>;
export const half = { xs: 24, md: 12 };
const tagSeparators = ['、', '，', ',', ';', '；', '\n'];

interface FieldProps {
  schema: Schema;
  name: string;
  label: string;
  required?: boolean;
  extra?: ReactNode;
  span?: 'half' | 'full';
}

function Field({ schema, name, label, required, extra, span = 'half', children, itemProps }: FieldProps & { children: ReactNode; itemProps?: object }) {
  return (
    <Col {...(span === 'half' ? half : { xs: 24 })}>
      <Form.Item label={label} name={name} required={required} rules={[zodFieldRule(schema, name)]} extra={extra} validateDebounce={300} {...itemProps}>
        {children}
      </Form.Item>
    </Col>
  );
}

export const TextField = (p: FieldProps & { max?: number }) => (
  <Field {...p}>
    <Input data-testid={`field-${p.name}`} maxLength={p.max} autoComplete="off" />
  </Field>
);

export const NoteField = ({ schema }: { schema: Schema }) => (
  <Field schema={schema} name="note" label="备注" span="full">
    <Input.TextArea rows={3} maxLength={1000} showCount />
  </Field>
);

/** On a phone the calendar is used (no keyboard popping up); on a desktop the date may be typed. */
export function DateField(p: FieldProps) {
  const isMobile = useIsMobile();
  return (
    <Field {...p} itemProps={dateFieldProps}>
      <DatePicker data-testid={`field-${p.name}`} style={{ width: '100%' }} format={datePickerFormats} inputReadOnly={isMobile} placeholder="如 2025-03-08" />
    </Field>
  );
}

export const CountField = (p: FieldProps & { min?: number; suffix?: string }) => (
  <Field {...p}>
    <InputNumber data-testid={`field-${p.name}`} min={p.min ?? 0} precision={0} suffix={p.suffix} style={{ width: '100%' }} />
  </Field>
);

/** Amounts are typed as text in the unit shown (元 or 万元) and parsed exactly by the shared money rule. */
export const MoneyField = (p: FieldProps & { unit: '元' | '万元' }) => (
  <Field {...p}>
    <Input data-testid={`field-${p.name}`} suffix={p.unit} inputMode="decimal" autoComplete="off" placeholder={p.unit === '元' ? '如 1000 或 1,000.50' : '如 5 或 10.5'} />
  </Field>
);

export const TagsField = (p: FieldProps & { placeholder?: string }) => (
  <Field {...p}>
    <Select data-testid={`field-${p.name}`} mode="tags" open={false} suffixIcon={null} tokenSeparators={tagSeparators} placeholder={p.placeholder} />
  </Field>
);

export const OrgField = ({ disabled }: { disabled?: boolean }) => (
  <Col {...half}>
    <Form.Item label="所属单位" name="orgId" extra={disabled ? undefined : '不选则记入本人所在单位'}>
      <OrgPicker disabled={disabled} />
    </Form.Item>
  </Col>
);

export { Field };
