import { showDate, showInstant } from '../../../ui/dates';
import { PrintFields, PrintSection, PrintTable, SignatureLines, type PrintDocument, type PrintField } from '../../../ui/print';
import type { CaseDetail } from '../api';
import { actionLabel } from './badges';
import { kindText } from './CaseCards';
import { timelineExtra } from './CaseTimeline';

const transferStatus: Record<string, string> = { pending: '待接收', accepted: '已接收', refused: '已拒绝' };

/** Who registered the case: the timeline's 登记 step names the clerk by display name. */
const registeredBy = (c: CaseDetail) => c.timeline.find((e) => e.action === 'register')?.actorName ?? null;

const parties = (c: CaseDetail) => (c.parties.length ? c.parties.map((p) => `${p.role}：${p.name}`).join('　') : '未填写当事人');

/** The fields a clerk writes at 登记 (the same on both sheets). */
function registerFields(c: CaseDetail): PrintField[] {
  const fields: PrintField[] = [
    { label: '受理单位', value: c.orgName },
    { label: '个案类型', value: kindText(c) },
    { label: '来源渠道', value: c.channel },
    { label: '登记日期', value: showDate(c.registeredOn) },
    { label: '登记人', value: registeredBy(c) },
    { label: '保密个案', value: c.confidential ? '是' : '否' },
  ];
  if (c.riskLevel) fields.push({ label: '风险等级', value: c.riskLevel });
  if (c.kind === '家庭暴力') fields.push({ label: '告诫书', value: c.warningNo ? `${c.warningNo}${c.warningOn ? `（${showDate(c.warningOn)}）` : ''}` : '未出具' });
  fields.push({ label: '当事人', value: parties(c), wide: true }, { label: '案情摘要', value: c.summary, wide: true });
  return fields;
}

/** Where the case stands: status, deadlines, handler, outcome. */
function handlingFields(c: CaseDetail): PrintField[] {
  const fields: PrintField[] = [
    { label: '当前状态', value: c.status },
    { label: '承办人', value: c.handlerName ?? '未指派' },
    { label: '受理时限', value: `${showDate(c.dueAcceptOn)}前` },
    { label: '受理日期', value: c.acceptedOn ? showDate(c.acceptedOn) : c.rejectedOn ? `${showDate(c.rejectedOn)}不予受理` : '未受理' },
    { label: '办理时限', value: c.dueHandleOn ? `${showDate(c.dueHandleOn)}前办结` : '受理后计算' },
    { label: '办结日期', value: c.closedOn ? showDate(c.closedOn) : '未办结' },
  ];
  if (c.pendingToOrgName) fields.push({ label: '转办至', value: `${c.pendingToOrgName}（等待接收）`, wide: true });
  if (c.rejectReason) fields.push({ label: '不予受理理由', value: c.rejectReason, wide: true });
  if (c.outcome) fields.push({ label: '办结结果', value: `${c.outcome}${c.outcomeText ? `：${c.outcomeText}` : ''}`, wide: true });
  return fields;
}

function Timeline({ c }: { c: CaseDetail }) {
  return (
    <PrintTable
      rows={c.timeline}
      columns={[
        { title: '时间', width: '9.5em', render: (e) => showInstant(e.at) },
        { title: '环节', width: '6em', render: (e) => actionLabel(e.action) },
        { title: '状态', width: '7em', render: (e) => (e.fromStatus && e.fromStatus !== e.toStatus ? `${e.fromStatus}→${e.toStatus}` : e.toStatus) },
        { title: '办理人', width: '6em', render: (e) => e.actorName },
        { title: '说明', render: (e) => [timelineExtra(e, c), e.note].filter(Boolean).join('；') || '—' },
      ]}
    />
  );
}

const meta = (c: CaseDetail) => `${kindText(c)}　${showDate(c.registeredOn)}登记${c.confidential ? '　保密' : ''}`;

/** 个案登记表: everything recorded at 登记, the current status, and lines to sign. */
export function caseRegisterSheet(c: CaseDetail): PrintDocument {
  return {
    title: '个案登记表',
    unitName: c.orgName,
    meta: meta(c),
    body: (
      <>
        <PrintSection title="一、登记信息">
          <PrintFields fields={registerFields(c)} />
        </PrintSection>
        <PrintSection title="二、受理情况">
          <PrintFields fields={handlingFields(c).slice(0, 4)} />
        </PrintSection>
        <SignatureLines labels={['登记人（签字）', '负责人（签字）', '日期']} />
      </>
    ),
  };
}

/** 个案办理单: the case's fields, the whole 办理过程, transfers, follow-ups, and lines to sign. */
export function caseHandlingSheet(c: CaseDetail): PrintDocument {
  return {
    title: '个案办理单',
    unitName: c.orgName,
    meta: meta(c),
    body: (
      <>
        <PrintSection title="一、基本情况">
          <PrintFields fields={registerFields(c)} />
        </PrintSection>
        <PrintSection title="二、办理情况">
          <PrintFields fields={handlingFields(c)} />
        </PrintSection>
        <PrintSection title="三、办理过程">
          <Timeline c={c} />
        </PrintSection>
        {c.transfers.length ? (
          <PrintSection title="四、转办记录">
            <PrintTable
              rows={c.transfers}
              columns={[
                { title: '转出单位', render: (t) => t.fromOrgName },
                { title: '接收单位', render: (t) => t.toOrgName },
                { title: '申请时间', render: (t) => showInstant(t.requestedAt) },
                { title: '结果', render: (t) => `${transferStatus[t.status] ?? t.status}${t.decidedAt ? `（${showInstant(t.decidedAt)}）` : ''}` },
                { title: '理由', render: (t) => t.reason ?? '—' },
              ]}
            />
          </PrintSection>
        ) : null}
        <PrintSection title={c.transfers.length ? '五、回访记录' : '四、回访记录'}>
          <PrintTable
            rows={c.followups}
            empty="尚无回访记录"
            columns={[
              { title: '回访日期', width: '8em', render: (f) => showDate(f.on) },
              { title: '方式', width: '6em', render: (f) => f.method },
              { title: '回访人', width: '6em', render: (f) => f.byName },
              { title: '情况', render: (f) => f.note ?? '—' },
            ]}
          />
        </PrintSection>
        <SignatureLines />
      </>
    ),
  };
}
