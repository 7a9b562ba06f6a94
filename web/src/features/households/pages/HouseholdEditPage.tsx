import { App, Card } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader';
import { NotFound, PageLoading } from '../../../ui/states';
import { useRequest } from '../../../ui/use-request';
import { rememberOrgName } from '../../orgs/api';
import { createHousehold, getHousehold, updateHousehold, type Household, type HouseholdBody } from '../api';
import { HouseholdForm, type HouseholdFormValues } from '../components/HouseholdForm';

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function changes(h: Household, v: HouseholdFormValues): HouseholdBody {
  const body: HouseholdBody = {};
  const name = v.name.trim();
  if (name !== h.name) body.name = name;
  if (v.orgId && v.orgId !== h.orgId) body.orgId = v.orgId;
  const address = v.address?.trim();
  if (address) body.address = address;
  const cats = (v.categories ?? []).map((c) => c.trim()).filter(Boolean);
  if (!sameList(cats, h.categories)) body.categories = cats;
  const head = v.headPersonId ?? null;
  if (head !== h.headPersonId) body.headPersonId = head;
  return body;
}

/** 新增家庭 (no :id) or 编辑家庭. */
export function HouseholdEditPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data, loading, error } = useRequest(() => getHousehold(id ?? ''), [id], Boolean(id));

  if (!id) {
    return (
      <>
        <PageHeader title="新增家庭" />
        <Card>
          <HouseholdForm
            submitText="保存"
            onCancel={() => navigate('/households')}
            onSubmit={async (v) => {
              const address = v.address?.trim();
              const created = await createHousehold({
                name: v.name.trim(),
                orgId: v.orgId,
                address: address || undefined,
                categories: (v.categories ?? []).map((c) => c.trim()).filter(Boolean),
                headPersonId: v.headPersonId || undefined,
              });
              void message.success('已新增家庭');
              void navigate(`/households/${created.id}`, { replace: true });
            }}
          />
        </Card>
      </>
    );
  }

  if (loading) return <PageLoading />;
  if (!data || error) return <NotFound />;
  rememberOrgName(data.orgId, data.orgName);
  const head = data.members.find((m) => m.personId === data.headPersonId);

  return (
    <>
      <PageHeader title={`编辑家庭：${data.name}`} />
      <Card>
        <HouseholdForm
          initial={{ name: data.name, orgId: data.orgId, categories: data.categories, headPersonId: data.headPersonId ?? undefined }}
          headLabel={head ? `${head.name ?? data.headName ?? ''}　${head.idNumber ?? ''}` : (data.headName ?? undefined)}
          maskedAddress={data.address}
          submitText="保存修改"
          onCancel={() => navigate(`/households/${id}`)}
          onSubmit={async (v) => {
            const body = changes(data, v);
            if (Object.keys(body).length === 0) {
              void message.info('没有修改任何内容');
              return;
            }
            await updateHousehold(id, body);
            void message.success('已保存');
            void navigate(`/households/${id}`, { replace: true });
          }}
        />
      </Card>
    </>
  );
}
