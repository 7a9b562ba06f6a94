import { App, Button, Card, Empty, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRequest } from '../../../ui/use-request';
import { type Campaign, campaignsApi, type Objection } from '../api';
import { ReasonModal } from './ReasonModal';
import { showDate, showInstant } from '../../../ui/dates';

/** 公示异议: what the public raised during the publicity period, and the organizer's answers. */
export function ObjectionsTab({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const { data, loading, reload } = useRequest(() => campaignsApi.objections(campaign.id), [campaign.id, campaign.stage]);
  const [answering, setAnswering] = useState<Objection | null>(null);
  const { message } = App.useApp();
  return (
    <Card loading={loading}>
      {campaign.publicityFrom ? <Typography.Paragraph>公示期：{showDate(campaign.publicityFrom)} 至 {showDate(campaign.publicityTo)}</Typography.Paragraph> : <Typography.Paragraph type="secondary">进入公示阶段后，公众可在公示页面提出异议。</Typography.Paragraph>}
      {data?.items.length ? (
        <List
          dataSource={data.items}
          renderItem={(o) => (
            <List.Item actions={campaign.stage === 'publicity' && !o.answer ? [<Button key="a" type="primary" size="small" onClick={() => setAnswering(o)}>答复</Button>] : []}>
              <List.Item.Meta
                title={<>{o.nomineeId ? `针对 ${o.nomineeId} ${o.nomineeName ?? ''}` : '针对本次评选'} {o.answer ? <Tag color="green">已答复</Tag> : <Tag color="orange">待答复</Tag>}</>}
                description={<>
                  <div>{o.content}</div>
                  <div data-testid="objector">
                    <Typography.Text type="secondary">异议人：{o.objectorName ?? '未署名'} · {o.phoneMasked ? `手机 ${o.phoneMasked}（已验证）` : '未验证手机'}</Typography.Text>
                  </div>
                  <Typography.Text type="secondary">{showInstant(o.createdAt)}</Typography.Text>
                  {o.answer ? <div style={{ marginTop: 4 }}>答复：{o.answer}</div> : null}
                </>}
              />
            </List.Item>
          )}
        />
      ) : <Empty description="暂无异议" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <ReasonModal
        open={answering !== null}
        title="答复异议"
        label="答复"
        okText="提交答复"
        onClose={() => setAnswering(null)}
        onSubmit={async (text) => {
          await campaignsApi.answer(campaign.id, (answering as Objection).id, text);
          setAnswering(null);
          void message.success('已答复');
          reload();
          onChanged();
        }}
      />
    </Card>
  );
}
