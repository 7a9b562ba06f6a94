import { Col, Form, Input, Radio, Select } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { personInput } from '../../../../../src/domain/person';
import { today } from '../../../ui/dates';
import { listPeople, type PersonRow } from '../../people/api';
import { IdNumberHint } from '../../people/components/IdNumberHint';

const half = { xs: 24, md: 12 };

/** The person of a record: picked from the registry by search, or typed as 姓名 + 身份证号 (registered on saving). */
export function PersonRefField({ label }: { label: string }) {
  const form = Form.useFormInstance();
  const [mode, setMode] = useState<'pick' | 'type'>('pick');
  const [found, setFound] = useState<PersonRow[]>([]);
  const [searching, setSearching] = useState(false);
  const seq = useRef(0);
  const person = useMemo(() => personInput(today()), []);
  const idNumber = Form.useWatch('idNumber', form) as string | undefined;

  const search = (text: string) => {
    const mine = ++seq.current;
    if (!text.trim()) return setFound([]);
    setSearching(true);
    listPeople({ q: text.trim(), page: 1, pageSize: 20 }).then(
      (r) => mine === seq.current && (setFound(r.items), setSearching(false)),
      () => mine === seq.current && setSearching(false),
    );
  };

  const rule = (field: 'name' | 'idNumber') => ({
    validator: async (_r: unknown, v?: string) => {
      const r = person.shape[field].safeParse(v ?? '');
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '填写有误');
    },
  });

  return (
    <>
      <Col xs={24}>
        <Form.Item label={label} style={{ marginBottom: 8 }}>
          <Radio.Group
            data-testid="person-mode"
            value={mode}
            onChange={(e) => {
              setMode(e.target.value as 'pick' | 'type');
              form.setFieldsValue({ personId: undefined, name: undefined, idNumber: undefined });
            }}
            options={[
              { value: 'pick', label: '从人员库选择' },
              { value: 'type', label: '填写姓名和身份证号' },
            ]}
          />
        </Form.Item>
      </Col>
      {mode === 'pick' ? (
        <Col xs={24}>
          <Form.Item name="personId" rules={[{ required: true, message: `请选择${label}` }]} extra="输入姓名或完整身份证号查找；人员库中没有的，请改为填写姓名和身份证号">
            <Select
              data-testid="person-search"
              showSearch={{ filterOption: false, onSearch: search }}
              loading={searching}
              placeholder="输入姓名或完整身份证号"
              notFoundContent={searching ? '正在查找…' : '没有找到，请换个关键字'}
              options={found.map((p) => ({ value: p.id, label: `${p.name}　${p.idNumber}${p.orgName ? `　${p.orgName}` : ''}` }))}
            />
          </Form.Item>
        </Col>
      ) : (
        <>
          <Col {...half}>
            <Form.Item label="姓名" name="name" required rules={[rule('name')]} validateDebounce={300}>
              <Input data-testid="ref-person-name" autoComplete="off" maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="身份证号" name="idNumber" required rules={[rule('idNumber')]} validateDebounce={300} extra={<IdNumberHint value={idNumber} />}>
              <Input data-testid="ref-person-id" autoComplete="off" maxLength={24} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
        </>
      )}
    </>
  );
}
