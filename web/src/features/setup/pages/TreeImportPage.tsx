import { Alert, Button, Card, Col, Flex, Form, Result, Row, Segmented, Statistic, Steps, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { PageHeader } from '../../../ui/PageHeader';
import { useApiError } from '../../../ui/use-api-error';
import { credentialsUrl, downloadErrorSheet, setupTemplateUrl, type TreeImportResult, type TreeKind, treeKindLabels, uploadTree } from '../api';

const statusTags = { ok: { color: 'green', label: '正确' }, error: { color: 'red', label: '错误' }, duplicate: { color: 'gold', label: '已有' } } as const;

const hints: Record<TreeKind, string> = {
  orgs: '每行一个单位：上级单位（编码或名称）、单位编码（可不填，按上级编码生成）、单位名称、单位类型（如 基层工会、村妇联、团支部）、行政区划代码、成立日期。上级可以写在下级之后。',
  users: '每行一个用户：用户名、姓名、手机、角色（如 工作人员、组织管理员、领导）、单位编码或名称。系统生成初始密码，导入后下载一次，用户首次登录须修改密码。',
};

function Counts({ r, done }: { r: TreeImportResult; done: boolean }) {
  const items = [
    { key: 'rows', title: '行数', value: r.rows },
    { key: 'created', title: done ? '已新增' : '将新增', value: r.created, color: '#389e0d' },
    ...(r.kind === 'orgs' ? [{ key: 'updated', title: done ? '已更新' : '将更新', value: r.updated, color: '#1677ff' }] : []),
    { key: 'rejected', title: '错误', value: r.rejected, color: r.rejected ? '#cf1322' : undefined },
    { key: 'duplicates', title: '已有且相同', value: r.duplicates, color: r.duplicates ? '#d48806' : undefined },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="tree-import-counts">
      {items.map((i) => (
        <Col key={i.key} xs={12} md={r.kind === 'orgs' ? 4 : 6}>
          <Statistic title={i.title} value={i.value} styles={{ content: { color: i.color } }} data-testid={`tree-count-${i.key}`} />
        </Col>
      ))}
    </Row>
  );
}

const errorColumns: TableColumnsType<TreeImportResult['errors'][number]> = [
  { title: '行号', dataIndex: 'row', width: 70 },
  { title: '列', dataIndex: 'column', width: 130 },
  { title: '原因', dataIndex: 'message' },
];

function previewColumns(r: TreeImportResult): TableColumnsType<TreeImportResult['preview'][number]> {
  const headers: string[] = [];
  for (const p of r.preview) for (const h of Object.keys(p.values)) if (!headers.includes(h)) headers.push(h);
  return [
    { title: '行号', dataIndex: 'row', fixed: 'left' },
    { title: '状态', dataIndex: 'status', render: (s: keyof typeof statusTags) => <Tag color={statusTags[s].color}>{statusTags[s].label}</Tag> },
    ...headers.map((h) => ({ title: h, key: h, render: (_: unknown, p: TreeImportResult['preview'][number]) => p.values[h] })),
  ];
}

/** 导入组织架构 / 导入用户: choose the unit, upload, check (nothing written), import, and for users the one-time password sheet. */
export function TreeImportPage() {
  const { kind: kindParam } = useParams();
  const kind: TreeKind = kindParam === 'users' ? 'users' : 'orgs';
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const showError = useApiError();
  const { can } = useAuth();
  // 组织架构 needs org.write, 用户 needs user.manage over the chosen unit (the server checks the unit)
  const allowed: TreeKind[] = [...(can('org.write') ? (['orgs'] as const) : []), ...(can('user.manage') ? (['users'] as const) : [])];
  const [orgId, setOrgId] = useState<string | undefined>(params.get('orgId') ?? undefined);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<TreeImportResult | null>(null);
  const [done, setDone] = useState<TreeImportResult | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | 'errors' | null>(null);
  const [sheetTaken, setSheetTaken] = useState(false);
  const label = treeKindLabels[kind];

  const restart = () => {
    setFile(null);
    setChecked(null);
    setDone(null);
    setSheetTaken(false);
  };
  const check = async (f: File) => {
    if (!orgId) return;
    setBusy('check');
    setFile(f);
    try {
      setChecked(await uploadTree(kind, f, orgId, true));
    } catch (e) {
      showError(e);
      setFile(null);
    } finally {
      setBusy(null);
    }
  };
  const commit = async () => {
    if (!file || !orgId) return;
    setBusy('import');
    try {
      setDone(await uploadTree(kind, file, orgId, false));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };
  const errorsSheet = async () => {
    if (!file || !orgId) return;
    setBusy('errors');
    try {
      await downloadErrorSheet(kind, file, orgId);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const step = done ? 2 : checked ? 1 : 0;
  const bad = (checked?.errors.length ?? 0) > 0;
  return (
    <>
      <PageHeader
        title={`导入${label}`}
        sub={kind === 'orgs' ? '从 Excel 导入下级单位：先核对，全部正确才写入；每次导入是一个批次，可整批撤销' : '从 Excel 批量开通用户：先核对，全部正确才写入；可整批撤销'}
        extra={
          allowed.length > 1 ? (
          <Segmented
            value={kind}
            onChange={(k) => {
              restart();
              void navigate(`/setup/import/${k as TreeKind}${orgId ? `?orgId=${orgId}` : ''}`);
            }}
            options={allowed.map((k) => ({ value: k, label: treeKindLabels[k] }))}
          />
          ) : null
        }
      />
      <Steps current={step} size="small" responsive={false} style={{ marginBottom: 16 }} items={[{ title: '上传文件' }, { title: '核对' }, { title: '完成' }]} />
      <Card>
        {done ? (
          <Result
            status="success"
            title={kind === 'orgs' ? `已导入 ${done.accepted} 个单位（新增 ${done.created}，更新 ${done.updated}）` : `已开通 ${done.created} 个用户`}
            subTitle={
              done.batchId ? (
                <>
                  批次号：<span data-testid="tree-batch-number">{done.batchNumber ?? '—'}</span>。本次导入是一个批次，如有差错可在“导入记录”中按批次号整批撤销
                </>
              ) : (
                '没有需要写入的内容'
              )
            }
            extra={
              <Flex vertical gap={12} align="center">
                {done.credentialsId ? (
                  <Alert
                    type="warning"
                    showIcon
                    title="初始密码表只能下载一次"
                    description={
                      <>
                        表中是各用户的初始密码{done.smsSent ? `（其中 ${done.smsSent} 人已收到短信）` : ''}，请下载后分发给本人并妥善保管；用户首次登录须修改密码。{' '}
                        {sheetTaken ? (
                          <Typography.Text type="secondary">已下载</Typography.Text>
                        ) : (
                          <a href={credentialsUrl(done.credentialsId)} data-testid="tree-credentials" onClick={() => setSheetTaken(true)}>
                            下载初始密码表
                          </a>
                        )}
                      </>
                    }
                  />
                ) : null}
                <Flex wrap gap={8} justify="center">
                  <Button onClick={restart}>继续导入</Button>
                  <Button onClick={() => navigate('/imports/batches')}>导入记录</Button>
                  <Button type="primary" onClick={() => navigate(kind === 'orgs' ? '/orgs' : '/users')}>
                    {kind === 'orgs' ? '查看组织架构' : '查看用户'}
                  </Button>
                </Flex>
              </Flex>
            }
          />
        ) : checked ? (
          <>
            <Counts r={checked} done={false} />
            {bad ? (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                title={`有 ${checked.rejected} 行有错误，改正后重新上传（有错误时整个文件都不会导入）`}
                description={
                  <Button size="small" loading={busy === 'errors'} onClick={() => void errorsSheet()} data-testid="tree-errors-sheet">
                    下载错误说明表
                  </Button>
                }
              />
            ) : (
              <Alert type="success" showIcon style={{ marginBottom: 16 }} title={checked.accepted ? '全部行核对无误，可以导入' : '文件中的内容都已在系统中，无需导入'} />
            )}
            {checked.warnings.length ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="提示" description={checked.warnings.map((w) => <div key={w}>{w}</div>)} /> : null}
            {bad ? (
              <Card size="small" title="错误明细" style={{ marginBottom: 16 }}>
                <Table rowKey={(e) => `${e.row}-${e.column}-${e.message}`} size="small" columns={errorColumns} dataSource={checked.errors} pagination={{ pageSize: 10, hideOnSinglePage: true }} scroll={{ x: 480 }} data-testid="tree-errors" />
              </Card>
            ) : null}
            <Card size="small" title={`数据预览（${checked.preview.length} 行）`} style={{ marginBottom: 16 }}>
              <Table rowKey="row" size="small" columns={previewColumns(checked)} dataSource={checked.preview} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} />
            </Card>
            <Flex wrap gap={8}>
              <Button type="primary" disabled={bad || checked.accepted === 0} loading={busy === 'import'} onClick={() => void commit()} data-testid="tree-confirm">
                确认导入
              </Button>
              <Button onClick={restart}>重新上传</Button>
            </Flex>
          </>
        ) : (
          <Form layout="vertical" style={{ maxWidth: 640 }}>
            <Typography.Paragraph type="secondary">{hints[kind]}</Typography.Paragraph>
            <Form.Item label={kind === 'orgs' ? '导入到哪个单位之下' : '用户所在单位的范围'} required>
              <OrgPicker value={orgId} onChange={setOrgId} allowClear={false} placeholder="请选择单位" />
            </Form.Item>
            <Form.Item>
              <a href={setupTemplateUrl(kind)} data-testid="tree-template">
                下载{label}导入模板
              </a>
            </Form.Item>
            <Upload.Dragger
              accept=".xlsx"
              showUploadList={false}
              disabled={!orgId || busy !== null}
              beforeUpload={(f) => {
                void check(f as unknown as File);
                return false;
              }}
              data-testid="tree-upload"
            >
              <p style={{ margin: '16px 0 4px', fontSize: 16 }}>{busy === 'check' ? '正在核对…' : orgId ? '点击或把 Excel 文件拖到这里' : '请先选择单位'}</p>
              <Typography.Text type="secondary">只核对，不写入；核对无误后再确认导入</Typography.Text>
            </Upload.Dragger>
          </Form>
        )}
      </Card>
    </>
  );
}
