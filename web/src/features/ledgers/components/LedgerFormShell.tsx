import { Button, Form, Row } from 'antd';
import type { FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../../ui/http';
import { applyErrorDetails, useApiError } from '../../../ui/use-api-error';
import { cleanValues, zodFormErrors } from '../../../ui/zod-rule';

export type FormValues = Record<string, unknown>;

interface Props {
  form: FormInstance<FormValues>;
  /** The shared rule of the whole record (cross-field checks included). */
  schema: z.ZodObject<z.ZodRawShape>;
  initial?: FormValues;
  /** Edit mode: only what the form shows is sent, and cleared optional fields are sent as null. */
  editing: boolean;
  /** Values the form does not show but the rule needs (e.g. the person of a record being edited). */
  hidden?: FormValues;
  /** Field names server `details` may point at. */
  fields: readonly string[];
  submitText: string;
  onSave: (body: FormValues) => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * The ledger form frame: each field checks itself with the shared rule, the whole record is
 * checked once more on 保存 (cross-field rules), and server messages land on their fields.
 */
export function LedgerFormShell({ form, schema, initial, editing, hidden, fields, submitText, onSave, onCancel, children }: Props) {
  const [saving, setSaving] = useState(false);
  const showError = useApiError();

  const finish = async (values: FormValues) => {
    const body = cleanValues(values);
    const errors = zodFormErrors(schema, { ...hidden, ...body });
    if (errors) {
      form.setFields(errors.map((e) => ({ name: e.name[0] === '_form' ? fields[0] : (e.name as never), errors: e.errors })));
      return;
    }
    if (editing && initial) {
      for (const [k, v] of Object.entries(initial)) {
        if (v === undefined || v === null || v === '' || k in body) continue;
        const s = schema.shape[k] as z.ZodType | undefined;
        if (s?.safeParse(null).success) body[k] = null;
        else if (Array.isArray(v)) body[k] = [];
      }
    }
    setSaving(true);
    try {
      await onSave(body);
    } catch (e) {
      if (e instanceof ApiError && e.details.length > 0) applyErrorDetails(form, e.details, fields);
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void finish(v)} disabled={saving} scrollToFirstError>
      <Row gutter={16}>{children}</Row>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="record-submit" style={{ marginInlineEnd: 8 }}>
          {submitText}
        </Button>
        <Button onClick={onCancel} disabled={false}>
          取消
        </Button>
      </Form.Item>
    </Form>
  );
}
