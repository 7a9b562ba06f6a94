import { showDate, showInstant } from '../../../ui/dates';
import { PrintFields, PrintSection, PrintTable, type PrintDocument } from '../../../ui/print';
import type { Notice, Receipt } from '../api';

const who = (at: string | null, name: string | null) => (at ? `${showInstant(at)}${name ? ` ${name}` : ''}` : '');

/** The notice on paper: its head, the text as published, and — for the sending side — the 签收 table. */
export function noticePrintDocument(n: Notice): PrintDocument {
  return {
    title: n.title,
    unitName: n.orgName,
    meta: n.publishedAt ? `${showInstant(n.publishedAt)} 发布` : undefined,
    body: (
      <>
        <PrintFields
          fields={[
            { label: '发文单位', value: n.orgName },
            { label: '发布时间', value: showInstant(n.publishedAt) },
            { label: '接收范围', value: `${n.recipientModeLabel}${n.counts ? `（${n.counts.total} 个单位）` : ''}` },
            { label: '签收', value: n.needSign ? (n.deadline ? `需签收，截止 ${showDate(n.deadline)}` : '需签收') : '无需签收' },
          ]}
        />
        <PrintSection title="正文">
          <div className="qt-notice-body" dangerouslySetInnerHTML={{ __html: n.bodyHtml }} />
        </PrintSection>
        {n.tracking ? (
          <PrintSection title={`签收情况（已签收 ${n.counts?.signed ?? 0}，已读未签收 ${n.counts?.read ?? 0}，未读 ${n.counts?.unread ?? 0}）`}>
            <PrintTable<Receipt>
              columns={[
                { title: '序号', width: '3em', align: 'center', render: (_r, i) => i + 1 },
                { title: '接收单位', render: (r) => r.orgName },
                { title: '状态', width: '5em', render: (r) => r.stateLabel },
                { title: '阅读时间', width: '13em', render: (r) => who(r.readAt, r.readByName) },
                { title: '签收时间', width: '13em', render: (r) => who(r.signedAt, r.signedByName) },
              ]}
              rows={n.tracking}
            />
          </PrintSection>
        ) : n.mine.length ? (
          <PrintSection title="本单位签收">
            <PrintTable<Receipt>
              columns={[
                { title: '接收单位', render: (r) => r.orgName },
                { title: '状态', width: '5em', render: (r) => r.stateLabel },
                { title: '签收时间', width: '12em', render: (r) => who(r.signedAt, r.signedByName) },
              ]}
              rows={n.mine}
            />
          </PrintSection>
        ) : null}
      </>
    ),
  };
}
