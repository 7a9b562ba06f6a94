import { Button, Col, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { outcomeInput } from '../../../../../src/domain/ledgers/inputs';
import { zodFieldRule } from '../../../ui/zod-rule';

/** 活动成果 as typed rows (签订就业合同 150 份), so metrics can sum them. */
export function OutcomesField() {
  return (
    <Col xs={24}>
      <Form.Item label="活动成果" extra="如：签订就业合同 150 份、解决问题 235 个" style={{ marginBottom: 8 }}>
        <Form.List name="outcomes">
          {(rows, { add, remove }) => (
            <div data-testid="outcomes">
              {rows.map(({ key, name }) => (
                <Flex key={key} gap={8} align="start" wrap={false} style={{ marginBottom: 8 }}>
                  <Form.Item name={[name, 'name']} rules={[zodFieldRule(outcomeInput, 'name')]} style={{ flex: 3, minWidth: 0, marginBottom: 0 }}>
                    <Input placeholder="成果名称" maxLength={30} data-testid="outcome-name" />
                  </Form.Item>
                  <Form.Item name={[name, 'value']} rules={[zodFieldRule(outcomeInput, 'value')]} style={{ flex: 2, minWidth: 0, marginBottom: 0 }}>
                    <InputNumber placeholder="数量" min={0} precision={0} style={{ width: '100%' }} data-testid="outcome-value" />
                  </Form.Item>
                  <Form.Item name={[name, 'unit']} rules={[zodFieldRule(outcomeInput, 'unit')]} style={{ flex: '0 0 72px', marginBottom: 0 }}>
                    <Input placeholder="单位" maxLength={10} data-testid="outcome-unit" />
                  </Form.Item>
                  <Button type="text" danger aria-label="删除此成果" onClick={() => remove(name)}>
                    删除
                  </Button>
                </Flex>
              ))}
              {rows.length === 0 ? <Typography.Text type="secondary">暂无成果</Typography.Text> : null}
              <div>
                <Button type="dashed" size="small" onClick={() => add({ name: '', value: undefined, unit: '' })} style={{ marginTop: 8 }} data-testid="outcome-add">
                  添加成果
                </Button>
              </div>
            </div>
          )}
        </Form.List>
      </Form.Item>
    </Col>
  );
}
