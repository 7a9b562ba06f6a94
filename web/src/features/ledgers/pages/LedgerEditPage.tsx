import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader';
import { ApiError } from '../../../ui/http';
import { NotFound, PageLoading } from '../../../ui/states';
import { useRequest } from '../../../ui/use-request';
import { createRecord, getRecord, updateRecord, type Activity, type Assistance, type Contract, type LedgerName, type Loan } from '../api';
import { ActivityForm, activityValues } from '../components/ActivityForm';
import { AssistanceForm, assistanceValues } from '../components/AssistanceForm';
import { ContractForm, contractValues } from '../components/ContractForm';
import { DuplicateAlert } from '../components/DuplicateAlert';
import { ensureCatalogEntries } from '../components/ensure-catalog';
import type { FormValues } from '../components/LedgerFormShell';
import { LoanForm, loanValues } from '../components/LoanForm';

const titles: Record<LedgerName, string> = { activities: '活动', assistance: '帮扶记录', loans: '贷款', contracts: '集体合同' };

/** Create (/:ledger/new) and edit (/:ledger/:id/edit) for the four ledgers. */
export function LedgerEditPage({ ledger }: { ledger: LedgerName }) {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const editing = Boolean(id);
  const { data, loading, error } = useRequest(() => getRecord(ledger, id ?? ''), [ledger, id], editing);
  // the server may refuse a duplicate until the clerk confirms it (acknowledgeDuplicate)
  const [duplicate, setDuplicate] = useState<{ error: ApiError; body: FormValues } | null>(null);

  if (editing && loading) return <PageLoading />;
  if (editing && (!data || error)) return <NotFound />;

  const save = async (body: FormValues) => {
    await ensureCatalogEntries(ledger, body);
    if (editing && id) {
      await updateRecord(ledger, id, body);
      void message.success('已保存');
      void navigate(`/${ledger}/${id}`, { replace: true });
      return;
    }
    try {
      const created = await createRecord(ledger, body);
      const warnings = 'warnings' in created ? created.warnings : undefined;
      if (warnings?.length) void message.warning('已保存，但发现重复帮扶，请核实');
      else void message.success('已保存');
      void navigate(`/${ledger}/${created.id}`, { replace: true, state: warnings?.length ? { warnings } : undefined });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'DUPLICATE_ASSISTANCE') {
        setDuplicate({ error: e, body });
        return;
      }
      throw e;
    }
  };

  const common = { editing, onSave: save, onCancel: () => navigate(editing ? `/${ledger}/${id}` : `/${ledger}`) };
  const person = (r: Assistance | Loan) => `${r.personName ?? '—'}（${r.personIdNumber ?? '—'}）`;
  let form;
  switch (ledger) {
    case 'activities':
      form = <ActivityForm {...common} initial={data ? activityValues(data as Activity) : undefined} />;
      break;
    case 'assistance': {
      const a = data as Assistance | undefined;
      form = (
        <AssistanceForm
          {...common}
          initial={a ? assistanceValues(a) : undefined}
          personLabel={a ? (a.personId ? person(a) : '家庭') : undefined}
          hidden={a ? { personId: a.personId ?? undefined, householdId: a.householdId ?? undefined } : undefined}
        />
      );
      break;
    }
    case 'loans': {
      const l = data as Loan | undefined;
      form = <LoanForm {...common} initial={l ? loanValues(l) : undefined} personLabel={l ? person(l) : undefined} hidden={l ? { personId: l.personId, status: l.status } : undefined} />;
      break;
    }
    case 'contracts':
      form = <ContractForm {...common} initial={data ? contractValues(data as Contract) : undefined} />;
      break;
  }

  return (
    <>
      <PageHeader title={editing ? `编辑${titles[ledger]}` : `新增${titles[ledger]}`} />
      {duplicate ? (
        <DuplicateAlert
          warnings={[{ code: 'DUPLICATE_ASSISTANCE', message: duplicate.error.message }]}
          action={
            <Button
              size="small"
              danger
              data-testid="duplicate-acknowledge"
              onClick={() => {
                const body = { ...duplicate.body, acknowledgeDuplicate: true };
                setDuplicate(null);
                save(body).catch((e: unknown) => void message.error(e instanceof Error ? e.message : '保存失败'));
              }}
            >
              仍然保存
            </Button>
          }
        />
      ) : null}
      <Card>{form}</Card>
    </>
  );
}
