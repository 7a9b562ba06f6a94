import { App, Button, Card, Descriptions, Form, Popconfirm, Select, Table, Tag } from 'antd';
import type { DescriptionsProps, TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { showDate, showInstant } from '../../../ui/dates';
import { FormModal } from '../../../ui/FormModal';
import { PageHeader } from '../../../ui/PageHeader';
import { NotFound, PageLoading } from '../../../ui/states';
import { useApiError } from '../../../ui/use-api-error';
import { useRequest } from '../../../ui/use-request';
import { addMember, getHousehold, relations, removeMember, type Household, type HouseholdMember } from '../api';
import { PersonSearchSelect } from '../components/PersonSearchSelect';

function items(h: Household): DescriptionsProps['items'] {
  const list: DescriptionsProps['items'] = [
    { key: 'name', label: '户名', children: h.name },
    { key: 'head', label: '户主', children: h.headName ?? '—' },
    { key: 'org', label: '所属单位', children: h.orgName ?? '—' },
    { key: 'count', label: '成员数', children: `${h.memberCount} 人` },
    { key: 'address', label: '住址', span: 2, children: h.address ?? '—' },
    {
      key: 'categories',
      label: '家庭类别',
      span: 2,
      children: h.categories.length ? h.categories.map((c) => <Tag key={c} style={{ marginInlineEnd: 6 }}>{c}</Tag>) : '—',
    },
  ];
  if (h.liftedOn) list.push({ key: 'lifted', label: '脱贫日期', children: <span data-testid="household-lifted-on">{showDate(h.liftedOn)}</span> });
  list.push({ key: 'created', label: '登记时间', children: showInstant(h.createdAt) }, { key: 'updated', label: '最后修改', children: showInstant(h.updatedAt) });
  return list;
}

interface MemberValues {
  personId: string;
  relation: string;
}

export function HouseholdDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const { data, loading, error, reload } = useRequest(() => getHousehold(id), [id]);
  const [adding, setAdding] = useState(false);

  if (loading && !data) return <PageLoading />;
  if (!data || error) return <NotFound />;
  const writable = can('person.write');

  const remove = async (m: HouseholdMember) => {
    try {
      await removeMember(id, m.personId);
      void message.success(`已移除成员：${m.name ?? ''}`);
      reload();
    } catch (e) {
      showError(e);
    }
  };

  const columns: TableColumnsType<HouseholdMember> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 96,
      render: (v: string | undefined, m) => (can('person.read') ? <Link to={`/people/${m.personId}`}>{v ?? '—'}</Link> : (v ?? '—')),
    },
    { title: '与户主关系', dataIndex: 'relation', width: 100, render: (v: string) => (v === '户主' ? <Tag color="red">户主</Tag> : v) },
    {
      title: '身份证号',
      dataIndex: 'idNumber',
      width: 190,
      render: (v: string | undefined) => (
        <span data-testid="member-id-number" style={{ fontFamily: 'monospace' }}>
          {v ?? '—'}
        </span>
      ),
    },
    { title: '性别', dataIndex: 'gender', width: 60, render: (v: string | undefined) => v ?? '—' },
    { title: '出生日期', dataIndex: 'birthDate', width: 120, render: (v: string | undefined) => showDate(v) },
    ...(writable
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_: unknown, m: HouseholdMember) => (
              <Popconfirm
                title="移除成员"
                description={`确定将“${m.name ?? ''}”移出本户吗？${m.personId === data.headPersonId ? '移除后本户将没有户主。' : ''}`}
                okText="移除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => remove(m)}
              >
                <Button type="link" danger size="small" data-testid="member-remove" style={{ padding: 0 }}>
                  移除
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={data.name}
        extra={
          <>
            {writable ? (
              <Button type="primary" data-testid="household-edit" onClick={() => navigate(`/households/${id}/edit`)}>
                编辑
              </Button>
            ) : null}
            <Button onClick={() => navigate('/households')}>返回列表</Button>
          </>
        }
      />
      <Card>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items(data)} data-testid="household-detail" />
      </Card>
      <Card
        title={`家庭成员（${data.memberCount}）`}
        style={{ marginTop: 16 }}
        extra={
          writable ? (
            <Button data-testid="member-add" onClick={() => setAdding(true)}>
              添加成员
            </Button>
          ) : null
        }
      >
        <div data-testid="household-members">
          <Table<HouseholdMember>
            rowKey="personId"
            size="small"
            columns={columns}
            dataSource={data.members}
            pagination={false}
            scroll={{ x: 640 }}
            locale={{ emptyText: '暂无成员' }}
          />
        </div>
      </Card>
      <FormModal<MemberValues>
        open={adding}
        title="添加家庭成员"
        okText="添加"
        fields={['personId', 'relation']}
        initialValues={{ relation: data.headPersonId ? '子女' : '户主' }}
        onClose={() => setAdding(false)}
        onSubmit={async (v) => {
          await addMember(id, v);
          void message.success('已添加成员');
          setAdding(false);
          reload();
        }}
      >
        <Form.Item label="成员" name="personId" rules={[{ required: true, message: '请选择成员' }]} extra="输入姓名或完整身份证号，从人员库中查找">
          <PersonSearchSelect testId="member-person" />
        </Form.Item>
        <Form.Item label="与户主关系" name="relation" rules={[{ required: true, message: '请选择与户主关系' }]}>
          <Select
            data-testid="member-relation"
            options={relations.map((r) => ({ value: r, label: r, disabled: r === '户主' && Boolean(data.headPersonId) }))}
          />
        </Form.Item>
      </FormModal>
    </>
  );
}
