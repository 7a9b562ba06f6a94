import { Card, Collapse, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { showDate, showInstant } from '../../../ui/dates';
import { useRequest } from '../../../ui/use-request';
import { todoApi, type TodoItem, type TodoSeverity } from '../api';

const severityTag: Record<TodoSeverity, { color: string; text: string }> = {
  overdue: { color: 'red', text: '已超期' },
  due: { color: 'orange', text: '临期' },
  info: { color: 'blue', text: '待办理' },
};

function Item({ item }: { item: TodoItem }) {
  const tag = severityTag[item.severity];
  return (
    <List.Item style={{ paddingInline: 0 }}>
      <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
        <Flex gap={8} align="baseline" wrap>
          <Tag color={tag.color} style={{ marginInlineEnd: 0 }}>
            {tag.text}
          </Tag>
          <Link to={item.link} data-testid="todo-item" style={{ wordBreak: 'break-all' }}>
            {item.title}
          </Link>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[item.orgName, item.dueDate ? `期限 ${showDate(item.dueDate)}` : null, item.note].filter(Boolean).join(' · ')}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

/** 首页 待办: the caller's to-dos by kind, each opening its record, and today's reminder as sent. */
export function TodoCard() {
  const todo = useRequest(() => todoApi.list(), []);
  const data = todo.data;
  return (
    <Card id="todo" title={`待办${data ? `（${data.total}）` : ''}`} size="small" loading={todo.loading} data-testid="todo-card">
      {data && data.groups.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办" /> : null}
      {data && data.groups.length ? (
        <Collapse
          size="small"
          defaultActiveKey={data.groups.map((g) => g.kind)}
          items={data.groups.map((g) => ({
            key: g.kind,
            label: (
              <span data-testid={`todo-group-${g.kind}`}>
                {g.label} <Tag style={{ marginInlineStart: 4 }}>{g.total}</Tag>
              </span>
            ),
            children: (
              <>
                <List size="small" dataSource={g.items} rowKey="id" renderItem={(i) => <Item item={i} />} />
                {g.total > g.items.length ? <Typography.Text type="secondary">另有 {g.total - g.items.length} 项，请到对应页面查看</Typography.Text> : null}
              </>
            ),
          }))}
        />
      ) : null}
      {data?.digest.text ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="todo-digest">
          今日提醒：{data.digest.text}
          {data.digest.sentAt ? `（已于 ${showInstant(data.digest.sentAt)} ${data.digest.channel === 'sms' ? '短信发送' : '记录'}）` : ''}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
