import { Button, Flex, Form, Input, Select, Tag } from 'antd';
import { useRef, useState } from 'react';
import { partyRoles } from '../../../../../src/domain/cases/kinds';
import { listPeople, type PersonRow } from '../../people/api';
import type { CaseInput } from '../api';

/** One row of the parties list: a person of the registry (personId) or a name written in. */
export interface PartyRow {
  personId?: string;
  name?: string;
  role: NonNullable<CaseInput['parties']>[number]['role'];
}

const roleOptions = partyRoles.map((r) => ({ value: r, label: r }));

/** Finds people of the registry by name or full ID number and adds the one picked as a party. */
function RegistrySearch({ onPick }: { onPick: (p: PersonRow) => void }) {
  const [found, setFound] = useState<PersonRow[]>([]);
  const [searching, setSearching] = useState(false);
  // controlled, so that a pick closes the list and clears the search (it stayed open with the old results)
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const seq = useRef(0);
  const search = (value: string) => {
    setText(value);
    setOpen(true);
    const mine = ++seq.current;
    if (!value.trim()) return setFound([]);
    setSearching(true);
    listPeople({ q: value.trim(), page: 1, pageSize: 20 }).then(
      (r) => mine === seq.current && (setFound(r.items), setSearching(false)),
      () => mine === seq.current && setSearching(false),
    );
  };
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search, searchValue: text }}
      value={null}
      open={open}
      onOpenChange={setOpen}
      placeholder="从人员库添加（输入姓名或完整身份证号）"
      loading={searching}
      notFoundContent={null}
      style={{ width: 320, maxWidth: '100%' }}
      data-testid="party-registry-search"
      options={found.map((p) => ({ value: p.id, label: `${p.name}　${p.idNumber}${p.orgName ? `　${p.orgName}` : ''}` }))}
      onChange={(id: string) => {
        const p = found.find((x) => x.id === id);
        ++seq.current;
        setOpen(false);
        setText('');
        setFound([]);
        setSearching(false);
        if (p) onPick(p);
      }}
    />
  );
}

/** 当事人: registry people or unnamed parties, each with a role (儿童 and minors are masked in lists). */
export function PartiesField() {
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <Form.Item label="当事人">
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} wrap gap={8} align="start" data-testid="party-row">
                <Form.Item name={[field.name, 'role']} noStyle rules={[{ required: true, message: '请选择角色' }]}>
                  <Select options={roleOptions} style={{ width: 110 }} data-testid="party-role" />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) =>
                    getFieldValue(['parties', field.name, 'personId']) ? (
                      <Flex align="center" gap={4} style={{ minHeight: 32 }} data-testid="party-registry-person">
                        {/* registered fields: antd hands onFinish only the fields a Form.Item names */}
                        <Form.Item name={[field.name, 'personId']} hidden noStyle>
                          <Input />
                        </Form.Item>
                        <Form.Item name={[field.name, 'name']} hidden noStyle>
                          <Input />
                        </Form.Item>
                        <span>{getFieldValue(['parties', field.name, 'name'])}</span>
                        <Tag color="blue">人员库</Tag>
                      </Flex>
                    ) : (
                      <Form.Item name={[field.name, 'name']} noStyle rules={[{ required: true, whitespace: true, message: '请填写当事人姓名' }]}>
                        <Input placeholder="姓名（未登记的当事人）" maxLength={50} style={{ width: 200, maxWidth: '100%' }} data-testid="party-name" />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                <Button type="link" danger onClick={() => remove(field.name)} style={{ paddingInline: 4 }}>
                  移除
                </Button>
              </Flex>
            ))}
            <Flex wrap gap={8}>
              <Button onClick={() => add({ role: '当事人' })} data-testid="party-add">
                添加当事人
              </Button>
              <RegistrySearch onPick={(p) => add({ personId: p.id, name: p.name, role: '当事人' })} />
            </Flex>
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}

/** What the API takes: a registry person by id, anyone else by name. */
export function partiesBody(rows: PartyRow[] | undefined) {
  return (rows ?? []).map((p) => (p.personId ? { personId: p.personId, role: p.role } : { name: p.name?.trim(), role: p.role }));
}
