import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { FormRule } from 'antd';
import { orgCodePattern, orgKindLabels, orgKinds, orgLevelLabels, orgLevels, type OrgKind, type OrgLevel } from '../../../../../src/domain/org';
import { checkDivisionCode } from '../../../../../src/domain/regions';
import { dateFieldProps } from '../../../ui/dates';
import { FormModal } from '../../../ui/FormModal';
import { createOrg, updateOrg, type CreateOrgBody, type Org, type UpdateOrgBody } from '../api';
import { OrgPicker } from './OrgPicker';

interface Values {
  code?: string;
  name?: string;
  kind?: OrgKind;
  level?: OrgLevel;
  parentId?: string;
  divisionCode?: string;
  establishedOn?: string;
  dissolvedOn?: string;
}

const fields = ['code', 'name', 'kind', 'level', 'parentId', 'divisionCode', 'establishedOn', 'dissolvedOn'] as const;
const kindOptions = orgKinds.map((k) => ({ value: k, label: orgKindLabels[k] }));
const levelOptions = orgLevels.map((l) => ({ value: l, label: orgLevelLabels[l] }));
const half = { xs: 24, sm: 12 };

export type OrgFormTarget = { mode: 'create'; parent: { id: string; name: string } | null } | { mode: 'edit'; org: Org };

interface Props {
  target: OrgFormTarget | null;
  onClose: () => void;
  onSaved: (org: Org, previousParentId: string | null) => void;
}

const blank = (v?: string) => (v && v.trim() ? v.trim() : undefined);

function toValues(o: Org): Values {
  return {
    code: o.code,
    name: o.name,
    kind: o.kind,
    level: o.level,
    parentId: o.parentId ?? undefined,
    divisionCode: o.divisionCode ?? undefined,
    establishedOn: o.establishedOn ?? undefined,
    dissolvedOn: o.dissolvedOn ?? undefined,
  };
}

const codeRules: FormRule[] = [
  { required: true, message: '请填写单位代码' },
  { pattern: orgCodePattern, message: '单位代码只能包含字母、数字、- 和 _，且以字母或数字开头' },
];
const divisionRule: FormRule = {
  validator: async (_r, v?: string) => {
    if (!v || !v.trim()) return;
    const r = checkDivisionCode(v);
    if (!r.ok) throw new Error(r.message);
  },
};
const dissolvedRule: FormRule = ({ getFieldValue }) => ({
  validator: async (_r, v?: string) => {
    const from = getFieldValue('establishedOn') as string | undefined;
    if (v && from && v < from) throw new Error('撤销日期不能早于成立日期');
  },
});

/** Adds a unit under a parent, or edits (and may move) an existing one. */
export function OrgFormModal({ target, onClose, onSaved }: Props) {
  const editing = target?.mode === 'edit' ? target.org : null;
  const parent = target?.mode === 'create' ? target.parent : null;

  const submit = async (v: Values) => {
    if (editing) {
      // only what changed; a cleared date or code is sent as null
      const body: UpdateOrgBody = {};
      const name = v.name?.trim();
      if (name && name !== editing.name) body.name = name;
      if (v.kind && v.kind !== editing.kind) body.kind = v.kind;
      if (v.level && v.level !== editing.level) body.level = v.level;
      const division = blank(v.divisionCode) ?? null;
      if (division !== (editing.divisionCode ?? null)) body.divisionCode = division;
      if ((v.establishedOn ?? null) !== (editing.establishedOn ?? null)) body.establishedOn = v.establishedOn ?? null;
      if ((v.dissolvedOn ?? null) !== (editing.dissolvedOn ?? null)) body.dissolvedOn = v.dissolvedOn ?? null;
      if (v.parentId && v.parentId !== editing.parentId) body.parentId = v.parentId;
      onSaved(await updateOrg(editing.id, body), editing.parentId);
      return;
    }
    const body: CreateOrgBody = { code: (v.code ?? '').trim(), name: (v.name ?? '').trim(), kind: v.kind as OrgKind, level: v.level as OrgLevel };
    if (parent) body.parentId = parent.id;
    if (blank(v.divisionCode)) body.divisionCode = blank(v.divisionCode);
    if (v.establishedOn) body.establishedOn = v.establishedOn;
    if (v.dissolvedOn) body.dissolvedOn = v.dissolvedOn;
    onSaved(await createOrg(body), parent?.id ?? null);
  };

  const title = editing ? `编辑单位：${editing.name}` : parent ? `在「${parent.name}」下添加单位` : '添加顶级单位';
  return (
    <FormModal<Values>
      open={Boolean(target)}
      title={title}
      width={640}
      fields={fields}
      initialValues={editing ? toValues(editing) : undefined}
      onClose={onClose}
      onSubmit={submit}
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            label="单位代码"
            name="code"
            extra={editing ? '代码是导入和接口使用的稳定标识，不能修改' : '字母、数字、- 或 _，如 ZGH-001'}
            rules={editing ? [] : codeRules}
          >
            <Input disabled={Boolean(editing)} autoComplete="off" data-testid="org-code" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="单位名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }, { max: 100, message: '单位名称不能超过 100 个字符' }]}>
            <Input autoComplete="off" data-testid="org-name" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="单位类型" name="kind" rules={[{ required: true, message: '请选择单位类型' }]}>
            <Select options={kindOptions} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="层级" name="level" rules={[{ required: true, message: '请选择层级' }]}>
            <Select options={levelOptions} placeholder="请选择" />
          </Form.Item>
        </Col>
        {editing?.parentId ? (
          <Col xs={24}>
            <Form.Item label="上级单位" name="parentId" extra="更换上级单位即把本单位（连同下级）移到新的上级之下">
              <OrgPicker allowClear={false} excludeId={editing.id} />
            </Form.Item>
          </Col>
        ) : null}
        <Col {...half}>
          <Form.Item label="行政区划代码" name="divisionCode" extra="6、9 或 12 位数字（GB/T 2260）" rules={[divisionRule]}>
            <Input autoComplete="off" inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="成立日期" name="establishedOn" {...dateFieldProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="撤销日期" name="dissolvedOn" {...dateFieldProps} dependencies={['establishedOn']} rules={[dissolvedRule]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
