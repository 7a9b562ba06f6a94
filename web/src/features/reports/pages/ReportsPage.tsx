import { Alert, App, Button, Card, Flex, Form, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { PageHeader } from '../../../ui/PageHeader';
import { errorMessage, useApiError } from '../../../ui/use-api-error';
import { useApiQuery } from '../../../../shared/api/query';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { deleteTemplate, downloadReport, type EffectiveTemplate, effectiveTemplate, listTemplates, type ReportFormat, type ReportKind, reportKindLabels, reportUrl, type TemplateItem, templateKindLabels } from '../api';
import { showInstant, thisYear } from '../../../ui/dates';

// a link may name the year (?year=2025); otherwise this year in Asia/Shanghai
const yearParam = (q: URLSearchParams) => (/^\d{4}$/.test(q.get('year') ?? '') ? Number(q.get('year')) : thisYear());

function usedLabel(t: EffectiveTemplate): string {
  if (t.source === 'default' && t.skipped) return `默认模板“${t.name}”（上级单位${t.skipped.orgName}的模板“${t.skipped.name}”不适用于本单位：${t.skipped.reason}）`;
  if (t.source === 'default') return `默认模板“${t.name}”`;
  return `“${t.name}”（${t.orgName ?? ''}，第 ${t.version ?? ''} 版${t.inherited ? '，沿用上级单位的模板' : ''}）`;
}

/**
 * 工作报告: pick the unit, the kind and the year, then download Word or Markdown or open the web
 * version (every figure there links to its records). Without a chosen template the unit's own stored
 * template is used, else its nearest ancestor's, else the default one for its kind.
 */
export function ReportsPage() {
  const [search] = useSearchParams();
  const { user, can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const [org, setOrg] = useState<string | undefined>(user?.grants.find((g) => g.orgId)?.orgId ?? undefined);
  const [kind, setKind] = useState<ReportKind>('annual');
  const [year, setYear] = useState(yearParam(search));
  const [template, setTemplate] = useState<string>('');
  const templates = useApiQuery(['reports', 'templates'], () => listTemplates());
  const items = templates.data?.items ?? [];
  const effective = useApiQuery(['reports', 'effective', org, kind], () => effectiveTemplate(org as string, kind), { enabled: Boolean(org) });
  const url = (format: ReportFormat) => (org ? reportUrl(kind, { org, year, format, template: template || undefined }) : undefined);
  const writable = can('ledger.write');
  const [downloading, setDownloading] = useState<ReportFormat | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // a unit without a template of the kind cannot report: say so, and offer no download
  const noTemplate = !template && effective.error ? errorMessage(effective.error) : null;

  const download = async (format: ReportFormat) => {
    if (!org) return;
    setDownloading(format);
    setFailure(null);
    try {
      await downloadReport(kind, { org, year, format, template: template || undefined });
    } catch (e) {
      setFailure(errorMessage(e));
      showError(e);
    } finally {
      setDownloading(null);
    }
  };

  const remove = async (t: TemplateItem) => {
    try {
      await deleteTemplate(t.id);
      void message.success('模板已删除');
      templates.reload();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <PageHeader title="工作报告" sub="报告中的每个数字都由台账实时计算；网页版中点击数字可查看计入的记录，文末附数据来源" />
      <Card size="small" title="生成报告" style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Flex wrap gap={16}>
            <Form.Item label="报告单位" style={{ minWidth: 260 }}>
              <div data-testid="report-org">
                <OrgPicker value={org} onChange={(v) => (setOrg(v), setFailure(null))} allowClear={false} placeholder="选择单位" />
              </div>
            </Form.Item>
            <Form.Item label="报告类型">
              <Select<ReportKind> data-testid="report-kind" value={kind} onChange={(k) => (setKind(k), setFailure(null))} style={{ width: 280 }} options={(['annual', 'half-year'] as const).map((k) => ({ value: k, label: reportKindLabels[k] }))} />
            </Form.Item>
            <Form.Item label="年度">
              <Select data-testid="report-year" value={year} onChange={setYear} style={{ width: 110 }} options={[thisYear(), thisYear() - 1, thisYear() - 2].map((y) => ({ value: y, label: `${y}年` }))} />
            </Form.Item>
            <Form.Item label="模板">
              <Select
                data-testid="report-template"
                value={template}
                onChange={setTemplate}
                style={{ width: 300 }}
                options={[{ value: '', label: '自动（本单位、上级或默认模板）' }, ...items.map((t) => ({ value: t.id, label: `${t.name}（${t.orgName}，第 ${t.version} 版）` }))]}
              />
            </Form.Item>
          </Flex>
          {!template && org && effective.data && !noTemplate ? (
            <Typography.Paragraph type="secondary" data-testid="report-effective-template">
              将使用：{usedLabel(effective.data)}
            </Typography.Paragraph>
          ) : null}
          {noTemplate ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={noTemplate} data-testid="report-no-template" /> : null}
          {failure ? <Alert type="error" showIcon closable onClose={() => setFailure(null)} style={{ marginBottom: 12 }} title={`未能生成报告：${failure}`} data-testid="report-error" /> : null}
          <Space wrap>
            <Button type="primary" onClick={() => void download('docx')} loading={downloading === 'docx'} disabled={!org || Boolean(noTemplate)} data-testid="report-docx">
              下载 Word
            </Button>
            <Button onClick={() => void download('md')} loading={downloading === 'md'} disabled={!org || Boolean(noTemplate)} data-testid="report-md" title="不带排版的文字稿（.md），记事本、微信、公文系统都可直接打开粘贴">
              下载纯文本稿
            </Button>
            <Button href={url('html')} target="_blank" rel="noopener" disabled={!org || Boolean(noTemplate)} data-testid="report-html">
              打开网页版
            </Button>
          </Space>
        </Form>
      </Card>
      <Card
        size="small"
        title="报告模板"
        extra={
          writable ? (
            <Button type="primary" onClick={() => navigate('/reports/templates/new')} data-testid="template-new">
              新建模板
            </Button>
          ) : undefined
        }
      >
        <Typography.Paragraph type="secondary">
          模板是带占位符的文字：占位符写明指标、筛选条件、统计单位、期间和格式，生成前整篇校验；每次保存都是一个新版本，旧版本可查。
        </Typography.Paragraph>
        <Table<TemplateItem>
          rowKey="id"
          size="small"
          loading={templates.loading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: '尚未保存模板：各单位使用默认模板' }}
          columns={[
            { title: '名称', key: 'name', render: (_, t) => <Link to={`/reports/templates/${t.id}`}>{t.name}</Link> },
            { title: '单位', dataIndex: 'orgName', key: 'org' },
            { title: '类型', key: 'kind', width: 80, render: (_, t) => <Tag>{templateKindLabels[t.kind]}</Tag> },
            { title: '版本', key: 'version', width: 70, render: (_, t) => `第 ${t.version} 版` },
            { title: '最后保存', key: 'updated', render: (_, t) => `${showInstant(t.updatedAt)} ${t.updatedByName ?? ''}` },
            ...(writable
              ? [
                  {
                    title: '操作',
                    key: 'ops',
                    width: 140,
                    render: (_: unknown, t: TemplateItem) => (
                      <Space size={4}>
                        <Button size="small" type="link" onClick={() => navigate(`/reports/templates/${t.id}`)}>
                          编辑
                        </Button>
                        <Popconfirm title="删除该模板？（各版本留档备查）" onConfirm={() => void remove(t)} okText="删除" cancelText="取消">
                          <Button size="small" type="link" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
