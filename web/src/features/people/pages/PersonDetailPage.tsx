import { Alert, Button, Card, Descriptions, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { showDate, showInstant } from '../../../ui/dates';
import { PageHeader } from '../../../ui/PageHeader';
import { NotFound, PageLoading } from '../../../ui/states';
import { useApiError } from '../../../ui/use-api-error';
import { useRequest } from '../../../ui/use-request';
import { getPerson, type Person } from '../api';

function items(p: Person): DescriptionsProps['items'] {
  const dash = (v: string | null | undefined) => v || '—';
  return [
    { key: 'name', label: '姓名', children: p.name },
    { key: 'id', label: '身份证号', children: <span data-testid="person-detail-id" style={{ fontFamily: 'monospace' }}>{p.idNumber}</span> },
    { key: 'gender', label: '性别', children: dash(p.gender) },
    { key: 'birth', label: '出生日期', children: showDate(p.birthDate) },
    { key: 'ethnicity', label: '民族', children: dash(p.ethnicity) },
    { key: 'phone', label: '联系电话', children: dash(p.phone) },
    { key: 'address', label: '住址', span: 2, children: dash(p.address) },
    {
      key: 'categories',
      label: '人员类别',
      span: 2,
      children: p.categories.length ? p.categories.map((c) => <Tag key={c} style={{ marginInlineEnd: 6 }}>{c}</Tag>) : '—',
    },
    { key: 'org', label: '所属单位', children: dash(p.orgName) },
    {
      key: 'orgs',
      label: '关联单位',
      children: p.orgs.length ? p.orgs.map((o) => <Tag key={o.id} color="red" style={{ marginInlineEnd: 6 }}>{o.name}</Tag>) : '—',
    },
    { key: 'note', label: '备注', span: 2, children: dash(p.note) },
    { key: 'created', label: '登记时间', children: showInstant(p.createdAt) },
    { key: 'updated', label: '最后修改', children: showInstant(p.updatedAt) },
  ];
}

export function PersonDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const navigate = useNavigate();
  const showError = useApiError();
  const { data, loading, error } = useRequest(() => getPerson(id), [id]);
  const [revealed, setRevealed] = useState<Person | null>(null);
  const [revealing, setRevealing] = useState(false);
  useEffect(() => setRevealed(null), [id]);

  if (loading) return <PageLoading />;
  if (!data || error) return <NotFound />;
  const person = revealed ?? data;

  const reveal = async () => {
    setRevealing(true);
    try {
      setRevealed(await getPerson(id, true));
    } catch (e) {
      showError(e);
    } finally {
      setRevealing(false);
    }
  };

  return (
    <>
      <PageHeader
        title={person.name}
        extra={
          <>
            {can('pii.read') && person.masked ? (
              <Button data-testid="person-reveal" loading={revealing} onClick={() => void reveal()}>
                查看完整信息
              </Button>
            ) : null}
            {can('person.write') ? (
              <Button type="primary" onClick={() => navigate(`/people/${id}/edit`)}>
                编辑
              </Button>
            ) : null}
            <Button onClick={() => navigate('/people')}>返回列表</Button>
          </>
        }
      />
      {revealed ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="正在显示完整的个人信息，本次查看已记入审计日志，请勿外传。" />
      ) : null}
      <Card>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items(person)} />
      </Card>
    </>
  );
}
