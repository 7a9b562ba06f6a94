import { Button, Flex, Form, InputNumber, Typography } from 'antd';
import { FormModal } from '../../../ui/FormModal';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { showFigure, splitTarget, type Target } from '../api';

interface Values {
  parts: { orgId?: string; value?: number }[];
}

/** 分解下达: parts of a target for subordinate units; the server tells how the parts add up. */
export function SplitModal({ target, onClose, onSaved }: { target: Target | null; onClose: () => void; onSaved: (message: string) => void }) {
  const initial = target?.children.length ? target.children.map((c) => ({ orgId: c.orgId, value: c.value })) : [{}];
  const submit = async (v: Values) => {
    const parts = v.parts.filter((p) => p.orgId && p.value !== undefined && p.value !== null).map((p) => ({ orgId: p.orgId as string, value: Number(p.value) }));
    const r = await splitTarget((target as Target).id, parts);
    onSaved(r.message);
  };
  return (
    <FormModal<Values> open={Boolean(target)} title={`分解下达：${target?.title ?? ''}`} width={640} okText="下达" onClose={onClose} onSubmit={submit} initialValues={{ parts: initial }}>
      <Typography.Paragraph type="secondary">
        目标值 {showFigure(target?.value, target?.unit ?? '')}，分给本单位的下级单位；再次分解同一单位则修改其目标值。
      </Typography.Paragraph>
      <Form.List name="parts">
        {(items, { add, remove }) => (
          <>
            {items.map((item) => (
              <Flex key={item.key} gap={8} align="start">
                <Form.Item name={[item.name, 'orgId']} rules={[{ required: true, message: '请选择下级单位' }]} style={{ flex: 1 }}>
                  <OrgPicker placeholder="下级单位" />
                </Form.Item>
                <Form.Item name={[item.name, 'value']} rules={[{ required: true, message: '请填写目标值' }]}>
                  <InputNumber min={0} placeholder="目标值" style={{ width: 140 }} />
                </Form.Item>
                <Button onClick={() => remove(item.name)} disabled={items.length === 1}>
                  移除
                </Button>
              </Flex>
            ))}
            <Button type="dashed" onClick={() => add({})} block style={{ marginBottom: 16 }}>
              添加下级单位
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
