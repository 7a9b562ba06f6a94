import { App, Button, Card, Col, Flex, Input, Row, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { defaultTemplates } from '../../../../../src/domain/report/templates/index';
import { useAuth } from '../../../app/auth';
import { PageHeader } from '../../../ui/PageHeader';
import { PageLoading } from '../../../ui/states';
import { useApiError } from '../../../ui/use-api-error';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { useMetricCatalogue } from '../../targets/components/MetricRefInput';
import { createTemplate, getTemplate, type Preview, previewTemplate, type ReportKind, saveTemplate, type TemplateDetail, type TemplateKind, templateKindLabels } from '../api';
import { PlaceholderPicker } from '../components/PlaceholderPicker';
import { IssueList, ReportPreview } from '../components/ReportPreview';
import { TemplateHelp } from '../components/TemplateHelp';
import { TemplateTextArea } from '../components/TemplateTextArea';
import { VersionHistory } from '../components/VersionHistory';
import { thisYear } from '../../../ui/dates';

// a link may name the year (?year=2025); otherwise this year in Asia/Shanghai
const yearParam = (q: URLSearchParams) => (/^\d{4}$/.test(q.get('year') ?? '') ? Number(q.get('year')) : thisYear());
const lineOf = (text: string, pos: number) => text.slice(0, pos).split('\n').length;

/** The live preview, asked for 600 ms after the last keystroke; answers to older text are dropped. */
function useLivePreview(body: string, org: string | undefined, kind: ReportKind, year: number) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const showError = useApiError();
  useEffect(() => {
    if (!body.trim() || !org) return;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      setLoading(true);
      previewTemplate({ template: body, org, kind, year }).then(
        (p) => mine === seq.current && (setPreview(p), setLoading(false)),
        (e: unknown) => mine === seq.current && (setLoading(false), showError(e)),
      );
    }, 600);
    return () => clearTimeout(timer);
  }, [body, org, kind, year, showError]);
  return { preview, loading };
}

/** 报告模板编辑: the template text, a placeholder picker from the metric catalogue, a live preview, versions. */
export function TemplateEditorPage() {
  const [search] = useSearchParams();
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const navigate = useNavigate();
  const { user, can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const { metrics } = useMetricCatalogue();
  const [detail, setDetail] = useState<TemplateDetail | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TemplateKind>('annual');
  const [orgId, setOrgId] = useState<string | undefined>(user?.grants.find((g) => g.orgId)?.orgId ?? undefined);
  const [body, setBody] = useState('');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [cursorLine, setCursorLine] = useState(1);
  const [previewOrg, setPreviewOrg] = useState<string | undefined>(orgId);
  const [previewKind, setPreviewKind] = useState<ReportKind>('annual');
  const [year, setYear] = useState(yearParam(search));
  const area = useRef<HTMLTextAreaElement>(null);
  const writable = can('ledger.write');
  const { preview, loading } = useLivePreview(body, previewOrg, previewKind, year);

  const load = (d: TemplateDetail) => {
    setDetail(d);
    setName(d.name);
    setKind(d.kind);
    setBody(d.body);
    setOrgId(d.orgId);
    setPreviewOrg((o) => o ?? d.orgId);
    if (d.kind !== 'custom') setPreviewKind(d.kind);
  };
  useEffect(() => {
    if (isNew) return;
    getTemplate(id).then((d) => {
      load(d);
      setPreviewOrg(d.orgId);
    }, showError);
  }, [id, isNew, showError]);

  const textarea = () => area.current;
  const issues = preview && !preview.valid && body.trim() ? preview.issues : [];
  const insert = (text: string) => {
    const el = textarea();
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    const next = body.slice(0, start) + text + body.slice(end);
    setBody(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  };
  const goTo = (line: number, column = 1) => {
    const el = textarea();
    if (!el) return;
    const lines = body.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start + column - 1, start + (lines[line - 1]?.length ?? 0));
    setCursorLine(line);
  };

  const save = async () => {
    setSaving(true);
    try {
      if (isNew) {
        const d = await createTemplate({ orgId, name: name.trim(), kind, body, note: note.trim() || undefined });
        void message.success('模板已保存（第 1 版）');
        void navigate(`/reports/templates/${d.id}`, { replace: true });
      } else if (detail) {
        const d = await saveTemplate(detail.id, { name: name.trim(), kind, body, note: note.trim() || undefined, baseVersion: detail.version });
        load(d);
        void message.success(`已保存为第 ${d.version} 版`);
      }
      setNote('');
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  if (!isNew && !detail) return <PageLoading />;
  const years = [thisYear(), thisYear() - 1, thisYear() - 2];
  return (
    <>
      <PageHeader
        title={isNew ? '新建报告模板' : `编辑报告模板：${detail?.name ?? ''}`}
        sub={detail ? `${detail.orgName} · 当前第 ${detail.version} 版 · ${detail.updatedByName ?? ''}` : '模板属于所选单位；本单位及没有自己模板的下级单位生成报告时使用'}
        extra={<Button onClick={() => navigate('/reports')}>返回工作报告</Button>}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small">
            <Flex vertical gap={8}>
              <Flex wrap gap={8}>
                <Input data-testid="template-name" placeholder="模板名称，如 县妇联年度工作总结" value={name} onChange={(e) => setName(e.target.value)} style={{ flex: 1, minWidth: 200 }} disabled={!writable} />
                <Select<TemplateKind> value={kind} onChange={setKind} style={{ width: 120 }} disabled={!writable} options={(['annual', 'half-year', 'custom'] as const).map((k) => ({ value: k, label: templateKindLabels[k] }))} />
              </Flex>
              {isNew ? (
                <Flex wrap gap={8}>
                  <OrgPicker value={orgId} onChange={(v) => (setOrgId(v), setPreviewOrg(v))} placeholder="模板所属单位" style={{ flex: 1, minWidth: 200 }} />
                  <Select
                    placeholder="从默认模板开始"
                    style={{ width: 260 }}
                    onChange={(tid: string) => {
                      const t = defaultTemplates.find((d) => d.id === tid);
                      if (t) (setBody(t.source), setKind(t.kind), setName((n) => n || t.label));
                    }}
                    options={defaultTemplates.map((t) => ({ value: t.id, label: t.label }))}
                  />
                </Flex>
              ) : null}
              <TemplateTextArea ref={area} value={body} onChange={setBody} onCursor={setCursorLine} issues={issues} readOnly={!writable} />
              {issues.length ? <IssueList issues={issues} onPick={goTo} /> : null}
              <Flex justify="space-between" wrap gap={8} align="center">
                <Typography.Text type="secondary">
                  第 {cursorLine} 行 / 共 {body.split('\n').length} 行
                </Typography.Text>
                {writable ? (
                  <Space wrap>
                    <Input placeholder="保存说明（可选）" value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 200 }} />
                    <Button type="primary" loading={saving} disabled={!name.trim() || !body.trim()} onClick={() => void save()} data-testid="template-save">
                      {isNew ? '保存' : '保存为新版本'}
                    </Button>
                  </Space>
                ) : null}
              </Flex>
            </Flex>
          </Card>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} md={12}>
              <PlaceholderPicker metrics={metrics} onInsert={insert} disabled={!writable} />
            </Col>
            <Col xs={24} md={12}>
              {detail ? (
                <Card size="small" title="版本历史">
                  <VersionHistory templateId={detail.id} versions={detail.versions} current={detail.version} onLoad={(b, v) => (setBody(b), setNote(`据第 ${v} 版恢复`))} />
                </Card>
              ) : null}
            </Col>
            <Col xs={24}>
              <TemplateHelp />
            </Col>
          </Row>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title="实时预览"
            extra={
              <Flex wrap gap={8}>
                <OrgPicker value={previewOrg} onChange={setPreviewOrg} allowClear={false} placeholder="预览单位" style={{ width: 200 }} />
                <Select<ReportKind> value={previewKind} onChange={setPreviewKind} style={{ width: 100 }} options={[{ value: 'annual', label: '年度' }, { value: 'half-year', label: '半年' }]} />
                <Select value={year} onChange={setYear} style={{ width: 100 }} options={years.map((y) => ({ value: y, label: `${y}年` }))} data-testid="preview-year" />
              </Flex>
            }
          >
            <ReportPreview preview={body.trim() && previewOrg ? preview : null} loading={loading} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
