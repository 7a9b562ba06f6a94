import { App, Card } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader';
import { createPerson } from '../api';
import { ensureCategories } from '../components/ensure-categories';
import { PersonForm } from '../components/PersonForm';
import { buildCreateBody } from '../components/person-form-rules';

export function PersonCreatePage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const orgId = params.get('orgId') ?? undefined;

  return (
    <>
      <PageHeader title="新增人员" sub="同一身份证号全县只登记一次；已在册的人员会直接关联到本单位" />
      <Card>
        <PersonForm
          initial={{ orgId }}
          submitText="保存"
          onCancel={() => navigate(-1)}
          onSubmit={async (schema, values) => {
            const built = buildCreateBody(schema, values);
            if ('errors' in built) return built;
            await ensureCategories(built.body.categories);
            const { person, existed } = await createPerson(built.body);
            if (existed) void message.info(`${person.name} 已在册，已关联到本单位，未重复登记`);
            else void message.success('已保存');
            void navigate(`/people/${person.id}`, { replace: true });
          }}
        />
      </Card>
    </>
  );
}
