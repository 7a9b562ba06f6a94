import { App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Radio, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { orgKindLabels, orgKinds, type OrgKind } from '../../../../../src/domain/org';
import { noticeTitleMax, type RecipientMode } from '../../../../../src/domain/notices/notices';
import { useCurrentUser } from '../../../app/auth';
import { dateFieldProps, datePickerFormats, today } from '../../../ui/dates';
import { PageHeader } from '../../../ui/PageHeader';
import { PageLoading } from '../../../ui/states';
import { applyErrorDetails, useApiError } from '../../../ui/use-api-error';
import { useTopUnit } from '../../../ui/use-top-unit';
import { ApiError } from '../../../ui/http';
import { AttachmentsPanel } from '../../ledgers/components/AttachmentsPanel';
import { listChildren, listOrgs, type Org } from '../../orgs/api';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { createNotice, getNotice, publishNotice, updateNotice, type NoticeInput } from '../api';
import { RichTextEditor } from '../components/RichTextEditor';

interface Values {
  orgId?: string;
  title: string;
  bodyHtml: string;
  needSign: boolean;
  deadline?: string | null;
  recipientMode: RecipientMode;
  recipientKinds?: OrgKind[];
  recipientOrgIds?: string[];
}
const fields = ['orgId', 'title', 'bodyHtml', 'needSign', 'deadline', 'recipientMode', 'recipientKinds', 'recipientOrgIds'] as const;

/** The units below the sender a clerk can pick from: its children first, any unit found by name. */
function RecipientUnitsSelect({ senderId, value, onChange }: { senderId?: string; value?: string[]; onChange?: (v: string[]) => void }) {
  const [options, setOptions] = useState<Org[]>([]);
  const [found, setFound] = useState<Org[] | null>(null);
  useEffect(() => {
    if (!senderId) return setOptions([]);
    let live = true;
    listChildren(senderId).then((rows) => live && setOptions(rows), () => live && setOptions([]));
    return () => {
      live = false;
    };
  }, [senderId]);
  const search = (q: string) => {
    if (!q.trim()) return setFound(null);
    listOrgs({ q: q.trim(), pageSize: 50 }).then((r) => setFound(r.items.filter((o) => o.id !== senderId)), () => setFound([]));
  };
  const shown = [...(found ?? options)];
  for (const o of options) if (value?.includes(o.id) && !shown.some((s) => s.id === o.id)) shown.push(o);
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch
      filterOption={false}
      onSearch={search}
      onBlur={() => setFound(null)}
      placeholder="选择接收单位（可输入名称搜索下级单位）"
      options={shown.map((o) => ({ value: o.id, label: o.name }))}
      data-testid="notice-recipient-units"
      style={{ width: '100%' }}
    />
  );
}

/** 起草通知 / 修改草稿: the notice, its recipients, 需签收 and 签收截止; attachments once saved; 发布. */
export function NoticeComposePage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const top = useTopUnit(user.id);
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [draftId, setDraftId] = useState<string | undefined>(id);
  const [loaded, setLoaded] = useState(!id);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const mode = Form.useWatch('recipientMode', form);
  const needSign = Form.useWatch('needSign', form);
  const senderId = Form.useWatch('orgId', form);

  useEffect(() => {
    if (!id) return;
    void getNotice(id).then(
      (n) => {
        if (!n.canEdit) return void navigate(`/notices/${id}`, { replace: true });
        form.setFieldsValue({ orgId: n.orgId, title: n.title, bodyHtml: n.bodyHtml, needSign: n.needSign, deadline: n.deadline, recipientMode: n.recipientMode, recipientKinds: n.recipientKinds ?? [], recipientOrgIds: n.recipientOrgIds ?? [] });
        setLoaded(true);
      },
      (e: unknown) => showError(e),
    );
  }, [id, form, navigate, showError]);
  useEffect(() => {
    if (!id && top && !form.getFieldValue('orgId')) form.setFieldValue('orgId', top.id);
  }, [id, top, form]);

  const save = async (): Promise<string | null> => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return null;
    const body: NoticeInput = {
      title: v.title, bodyHtml: v.bodyHtml ?? '', needSign: v.needSign, deadline: v.needSign ? (v.deadline ?? null) : null, recipientMode: v.recipientMode,
      recipientKinds: v.recipientMode === 'kinds' ? v.recipientKinds : undefined, recipientOrgIds: v.recipientMode === 'units' ? v.recipientOrgIds : undefined,
    };
    try {
      const saved = draftId ? await updateNotice(draftId, body) : await createNotice({ ...body, orgId: v.orgId });
      setDraftId(saved.id);
      if (!draftId) void navigate(`/notices/${saved.id}/edit`, { replace: true });
      form.setFieldValue('bodyHtml', saved.bodyHtml);
      return saved.id;
    } catch (e) {
      if (e instanceof ApiError) applyErrorDetails(form, e.details ?? [], fields);
      showError(e);
      return null;
    }
  };

  const onSave = async () => {
    setBusy('save');
    try {
      if (await save()) void message.success('草稿已保存');
    } finally {
      setBusy(null);
    }
  };
  const onPublish = () =>
    modal.confirm({
      title: '发布通知',
      content: '发布后接收单位即可看到，内容和附件不能再修改（可撤回）。确定发布吗？',
      okText: '发布',
      cancelText: '取消',
      onOk: async () => {
        setBusy('publish');
        try {
          const saved = await save();
          if (!saved) return;
          const n = await publishNotice(saved);
          void message.success(`已发布，送达 ${n.counts?.total ?? 0} 个单位`);
          void navigate(`/notices/${saved}`);
        } catch (e) {
          showError(e);
        } finally {
          setBusy(null);
        }
      },
    });

  if (!loaded) return <PageLoading />;
  return (
    <>
      <PageHeader title={id ? '修改通知草稿' : '起草通知'} sub="正文可用段落、加粗、列表和链接；保存草稿后可上传附件" />
      <Card>
        <Form form={form} layout="vertical" initialValues={{ needSign: true, recipientMode: 'subtree' }} style={{ maxWidth: 860 }} data-testid="notice-form">
          <Form.Item name="orgId" label="发文单位" rules={[{ required: true, message: '请选择发文单位' }]}>
            <OrgPicker disabled={!!draftId} allowClear={false} />
          </Form.Item>
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: noticeTitleMax, message: `标题不能超过 ${noticeTitleMax} 个字` }]}>
            <Input placeholder="如：关于开展“三八”维权周活动的通知" data-testid="notice-title" />
          </Form.Item>
          <Form.Item name="bodyHtml" label="正文" rules={[{ required: true, message: '请填写正文' }]}>
            <RichTextEditor />
          </Form.Item>
          <Form.Item name="recipientMode" label="接收范围">
            <Radio.Group
              options={[
                { value: 'subtree', label: '全部下级单位' },
                { value: 'kinds', label: '指定类型的下级单位' },
                { value: 'units', label: '指定单位' },
              ]}
              data-testid="notice-recipient-mode"
            />
          </Form.Item>
          {mode === 'kinds' ? (
            <Form.Item name="recipientKinds" label="单位类型" rules={[{ required: true, message: '请选择接收单位的类型' }]}>
              <Checkbox.Group options={orgKinds.map((k) => ({ value: k, label: orgKindLabels[k] }))} data-testid="notice-recipient-kinds" />
            </Form.Item>
          ) : null}
          {mode === 'units' ? (
            <Form.Item name="recipientOrgIds" label="接收单位" rules={[{ required: true, message: '请选择接收单位' }]}>
              <RecipientUnitsSelect senderId={senderId} />
            </Form.Item>
          ) : null}
          <Flex gap={24} wrap>
            <Form.Item name="needSign" label="需签收" valuePropName="checked">
              <Switch checkedChildren="需签收" unCheckedChildren="不需签收" />
            </Form.Item>
            {needSign ? (
              <Form.Item name="deadline" label="签收截止日期" {...dateFieldProps}>
                <DatePicker format={datePickerFormats} placeholder="不限" disabledDate={(d) => d.format('YYYY-MM-DD') < today()} data-testid="notice-deadline" />
              </Form.Item>
            ) : null}
          </Flex>
          {draftId ? (
            <Form.Item label="附件">
              <AttachmentsPanel entity="notices" recordId={draftId} writable testId="notice-attachment" compact />
            </Form.Item>
          ) : (
            <Typography.Paragraph type="secondary">附件：保存草稿后可上传（图片、PDF、Excel、Word，每个不超过 10 MB）。</Typography.Paragraph>
          )}
          <Flex gap={8} wrap>
            <Button onClick={() => void onSave()} loading={busy === 'save'} data-testid="notice-save">
              保存草稿
            </Button>
            <Button type="primary" onClick={onPublish} loading={busy === 'publish'} data-testid="notice-publish">
              发布
            </Button>
            <Button onClick={() => navigate(draftId ? `/notices/${draftId}` : '/notices')}>取消</Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
