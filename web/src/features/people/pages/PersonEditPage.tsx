import { App, Card } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { PageHeader } from '../../../ui/PageHeader';
import { NotFound, PageLoading } from '../../../ui/states';
import { useRequest } from '../../../ui/use-request';
import { rememberOrgName } from '../../orgs/api';
import { getPerson, updatePerson } from '../api';
import { ensureCategories } from '../components/ensure-categories';
import { PersonForm } from '../components/PersonForm';
import { buildUpdateBody, initialValues } from '../components/person-form-rules';

export function PersonEditPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  // editing needs the real phone and address; without pii.read they stay masked and untouched
  const { data: person, loading, error } = useRequest(() => getPerson(id, can('pii.read')), [id]);

  if (loading) return <PageLoading />;
  if (!person || error) return <NotFound />;
  const start = initialValues(person);
  rememberOrgName(person.orgId, person.orgName);

  return (
    <>
      <PageHeader title={`编辑人员：${person.name}`} />
      <Card>
        <PersonForm
          fixedIdNumber={person.idNumber}
          initial={start}
          maskedHints={person.masked ? { phone: person.phone, address: person.address } : undefined}
          submitText="保存修改"
          onCancel={() => navigate(`/people/${id}`)}
          onSubmit={async (schema, values) => {
            const built = buildUpdateBody(schema, start, values);
            if ('errors' in built) return built;
            if (Object.keys(built.body).length === 0) {
              void message.info('没有修改任何内容');
              return;
            }
            await ensureCategories(built.body.categories);
            await updatePerson(id, built.body);
            void message.success('已保存');
            void navigate(`/people/${id}`, { replace: true });
          }}
        />
      </Card>
    </>
  );
}
