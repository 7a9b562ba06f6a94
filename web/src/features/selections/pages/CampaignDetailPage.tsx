import { App, Button, Card, Descriptions, Popconfirm, Steps, Tabs, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader';
import { PageLoading } from '../../../ui/states';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { useApiError } from '../../../ui/use-api-error';
import { useRequest } from '../../../ui/use-request';
import { type Campaign, campaignsApi, nomineeTypeLabels, stageLabels, stageOrder } from '../api';
import { AnomaliesTab } from '../components/AnomaliesTab';
import { NominationsTab } from '../components/NominationsTab';
import { ObjectionsTab } from '../components/ObjectionsTab';
import { showDate } from '../../../ui/dates';
import { PrintButton } from '../../../ui/print';
import { publicityPrintDocument } from '../components/publicity-print';
import { VotingTimesModal } from '../components/VotingTimesModal';
import { votingWindowText } from '../voting-times';
import { useState } from 'react';

function stagesOf(c: Campaign) {
  return stageOrder.filter((s) => (s !== 'voting' || c.votingEnabled) && (s !== 'jury' || c.juryEnabled));
}

/** One selection: its stage, the nominations with review and jury, vote monitoring, 公示 objections. On a phone the stages are one row of dots. */
export function CampaignDetailPage() {
  const { id = '' } = useParams();
  const { data: c, reload } = useRequest(() => campaignsApi.get(id), [id]);
  const { message } = App.useApp();
  const showError = useApiError();
  const isMobile = useIsMobile();
  const [timing, setTiming] = useState(false);
  if (!c) return <PageLoading />;
  const canTime = c.canManage && c.votingEnabled && (c.stage === 'nomination' || c.stage === 'review' || c.stage === 'voting');
  const steps = stagesOf(c);
  const advance = async () => {
    if (!c.nextStage) return;
    try {
      await campaignsApi.advance(c.id, c.nextStage);
      void message.success(`已进入“${stageLabels[c.nextStage]}”阶段`);
      reload();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <PageHeader
        title={c.name}
        sub={`${c.kind} · ${nomineeTypeLabels[c.nomineeType]} · ${c.year} 年 · ${c.awardLevel} · 主办：${c.orgName}`}
        extra={
          <>
            {c.publicPath ? <Button href={c.publicPath} target="_blank">公众页面</Button> : null}
            {canTime ? <Button onClick={() => setTiming(true)}>设置投票时间</Button> : null}
            {c.stage === 'publicity' || c.stage === 'awarded' ? (
              <PrintButton label={c.stage === 'awarded' ? '打印表彰名单' : '打印公示名单'} testId="print-publicity" document={() => publicityPrintDocument(c)} />
            ) : null}
            {c.canManage && c.nextStage ? (
              <Popconfirm title={`确定进入“${stageLabels[c.nextStage]}”阶段？`} okText="确定" cancelText="取消" onConfirm={() => void advance()}>
                <Button type="primary">进入{stageLabels[c.nextStage]}阶段</Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={steps.indexOf(c.stage)}
          items={steps.map((s) => ({ title: s === 'awarded' ? '表彰' : stageLabels[s] }))}
          {...(isMobile ? { type: 'dot' as const, responsive: false, orientation: 'horizontal' as const, titlePlacement: 'vertical' as const } : {})}
        />
        <Descriptions size="small" style={{ marginTop: 16 }} column={{ xs: 1, sm: 2, md: 4 }} items={[
          { key: 'w', label: '权重', children: c.votingEnabled && c.juryEnabled ? `评委 ${c.juryWeight}% / 投票 ${c.publicWeight}%` : c.juryEnabled ? '评委评分' : c.votingEnabled ? '投票' : '审核通过即入选' },
          { key: 'n', label: '表彰名额', children: c.winnersCount },
          ...(c.votingEnabled ? [{ key: 't', label: '投票时间', children: <span data-testid="voting-window">{votingWindowText(c.votingStartsAt, c.votingEndsAt)}{c.stage === 'voting' ? `（${c.votingPhaseLabel}）` : ''}</span> }] : []),
          { key: 'v', label: '投票规则', children: c.votingEnabled ? `每人每日 ${c.votesPerDay} 票，总计 ${c.votesPerCampaign} 票${c.hideResults ? '，结束前隐藏票数' : ''}` : '不设投票' },
          { key: 'p', label: '公示', children: c.publicityFrom ? `${showDate(c.publicityFrom)} 至 ${showDate(c.publicityTo)}` : `${c.publicityDays} 天` },
          ...(c.awardedOn ? [{ key: 'a', label: '表彰日期', children: showDate(c.awardedOn) }] : []),
        ]} />
        {c.description ? <Typography.Paragraph type="secondary">{c.description}</Typography.Paragraph> : null}
      </Card>
      {canTime ? <VotingTimesModal campaign={c} open={timing} onClose={() => setTiming(false)} onDone={() => { setTiming(false); void message.success('投票时间已保存'); reload(); }} /> : null}
      <Tabs
        items={[
          { key: 'nominations', label: `提名（${c.counts.nominated + c.counts.accepted + c.counts.rejected + c.counts.withdrawn}）`, children: <NominationsTab campaign={c} onChanged={reload} /> },
          ...(c.canManage && c.votingEnabled ? [{ key: 'anomalies', label: '投票监测', children: <AnomaliesTab campaign={c} onChanged={reload} /> }] : []),
          ...(c.canManage ? [{ key: 'objections', label: `公示异议（${c.counts.unansweredObjections} 待答复）`, children: <ObjectionsTab campaign={c} onChanged={reload} /> }] : []),
        ]}
      />
    </>
  );
}
