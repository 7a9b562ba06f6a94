import { Alert, Button, Card, Col, Descriptions, Flex, List, Result, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { showDate } from '../../../ui/dates';
import { PageHeader } from '../../../ui/PageHeader';
import { NotFound, PageLoading } from '../../../ui/states';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { errorMessage } from '../../../ui/use-api-error';
import { useApiQuery } from '../../../../shared/api/query';
import { ApiError } from '../../../ui/http';
import { getCase, type CaseDetail } from '../api';
import { CaseActions } from '../components/CaseActions';
import { AttachmentsPanel } from '../../ledgers/components/AttachmentsPanel';
import { kindText } from '../components/CaseCards';
import { CaseEditModal } from '../components/CaseEditModal';
import { caseHandlingSheet, caseRegisterSheet } from '../components/CasePrint';
import { PrintButton } from '../../../ui/print';
import { CaseTimeline } from '../components/CaseTimeline';
import { DeadlineBadge, StatusTag } from '../components/badges';

const frozen = ['归档', '不予受理'];

function Deadlines({ c }: { c: CaseDetail }) {
  return (
    <Descriptions size="small" column={1} data-testid="case-deadlines">
      <Descriptions.Item label="受理时限">{c.acceptedOn ? `${showDate(c.acceptedOn)}已受理` : c.rejectedOn ? `${showDate(c.rejectedOn)}不予受理` : `${showDate(c.dueAcceptOn)}前`}</Descriptions.Item>
      <Descriptions.Item label="办理时限">{c.dueHandleOn ? `${showDate(c.dueHandleOn)}前办结` : '受理后计算'}</Descriptions.Item>
      {c.closedOn ? <Descriptions.Item label="办结日期">{showDate(c.closedOn)}</Descriptions.Item> : null}
      <Descriptions.Item label="当前">
        <DeadlineBadge deadline={c.deadline} />
        {c.deadline.state === 'none' ? '无待办时限' : null}
      </Descriptions.Item>
    </Descriptions>
  );
}

function Basics({ c, columns }: { c: CaseDetail; columns: number }) {
  return (
    <Descriptions size="small" column={columns} data-testid="case-basics">
      <Descriptions.Item label="受理单位">{c.orgName}</Descriptions.Item>
      <Descriptions.Item label="来源渠道">{c.channel}</Descriptions.Item>
      <Descriptions.Item label="登记日期">{showDate(c.registeredOn)}</Descriptions.Item>
      <Descriptions.Item label="承办人">{c.handlerName ?? '未指派'}</Descriptions.Item>
      {c.riskLevel ? <Descriptions.Item label="风险等级">{c.riskLevel}</Descriptions.Item> : null}
      {c.kind === '家庭暴力' ? <Descriptions.Item label="告诫书">{c.warningNo ? `${c.warningNo}${c.warningOn ? `（${showDate(c.warningOn)}）` : ''}` : '未出具'}</Descriptions.Item> : null}
      <Descriptions.Item label="当事人" span={columns}>
        <Flex wrap gap={6} data-testid="case-parties">
          {c.parties.length === 0 ? '—' : c.parties.map((p, i) => <Tag key={i}>{`${p.role}：${p.name}`}</Tag>)}
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label="案情摘要" span={columns}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="case-summary-text">
          {c.summary}
        </Typography.Paragraph>
      </Descriptions.Item>
      {c.rejectReason ? <Descriptions.Item label="不予受理理由" span={columns}>{c.rejectReason}</Descriptions.Item> : null}
      {c.outcome ? (
        <Descriptions.Item label="办结结果" span={columns}>
          {`${c.outcome}：${c.outcomeText ?? ''}`}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** 个案详情: facts, parties, deadlines, the step buttons, the whole timeline, follow-ups, transfers, files. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can, user } = useAuth();
  const isMobile = useIsMobile();
  const [editing, setEditing] = useState(false);
  const { data: c, loading, error, reload } = useApiQuery(['cases', 'detail', id], () => getCase(id));
  if (!c && loading) return <PageLoading />;
  if (!c) {
    if (error instanceof ApiError && error.status === 404) return <NotFound />;
    return <Result status="warning" title="个案暂时无法打开" subTitle={errorMessage(error)} extra={<Button onClick={reload}>重试</Button>} />;
  }
  const writable = can('case.write') || (Boolean(user) && user?.id === c.handlerId);
  return (
    <>
      <PageHeader
        title={
          <Flex wrap gap={8} align="center">
            <span>{kindText(c)}个案</span>
            <StatusTag status={c.status} />
            {c.confidential ? <Tag color="magenta">保密</Tag> : null}
            <DeadlineBadge deadline={c.deadline} compact />
          </Flex>
        }
        sub={`${c.orgName}　${showDate(c.registeredOn)}登记`}
        extra={
          <>
            {writable && !frozen.includes(c.status) ? (
              <Button data-testid="case-edit" onClick={() => setEditing(true)}>
                修改登记信息
              </Button>
            ) : null}
            <PrintButton label="打印登记表" testId="print-case-register" document={() => caseRegisterSheet(c)} />
            <PrintButton label="打印办理单" testId="print-case-handling" document={() => caseHandlingSheet(c)} />
            <Button onClick={() => navigate('/cases')}>返回收件箱</Button>
          </>
        }
      />
      {c.status === '转办中' && c.pendingToOrgName ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`已转办至${c.pendingToOrgName}，等待其接收`} /> : null}
      {writable && c.allowedActions.length > 0 ? (
        <Card size="small" title="办理" style={{ marginBottom: 12 }}>
          <CaseActions item={c} onDone={reload} />
        </Card>
      ) : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={12}>
            <Card size="small" title="基本情况">
              <Basics c={c} columns={isMobile ? 1 : 2} />
            </Card>
            <Card size="small" title={`回访记录（${c.followups.length}）`}>
              <List
                size="small"
                dataSource={c.followups}
                locale={{ emptyText: '办结后登记回访' }}
                renderItem={(f) => <List.Item data-testid="case-followup">{`${showDate(f.on)}　${f.method}　${f.byName}${f.note ? `：${f.note}` : ''}`}</List.Item>}
              />
            </Card>
            {c.transfers.length ? (
              <Card size="small" title="转办记录">
                <List
                  size="small"
                  dataSource={c.transfers}
                  renderItem={(t) => <List.Item>{`${t.fromOrgName} → ${t.toOrgName}　${{ pending: '待接收', accepted: '已接收', refused: '已拒绝' }[t.status] ?? t.status}${t.reason ? `（${t.reason}）` : ''}`}</List.Item>}
                />
              </Card>
            ) : null}
            <AttachmentsPanel entity="cases" recordId={c.id} writable={writable && c.status !== '归档'} testId="case-attachment" compact />
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={12}>
            <Card size="small" title="时限">
              <Deadlines c={c} />
            </Card>
            <Card size="small" title="办理过程">
              <CaseTimeline item={c} />
            </Card>
          </Flex>
        </Col>
      </Row>
      {editing ? <CaseEditModal item={c} open={editing} onClose={() => setEditing(false)} onSaved={() => (setEditing(false), reload())} /> : null}
    </>
  );
}
