import type { TableColumnsType } from 'antd';
import { listPrintDocument, type PrintDocument } from '../../../ui/print';
import type { ListParams } from '../../../ui/use-list-params';
import { listLedger, type LedgerName, type LedgerRecords } from '../api';

/** Each ledger's own filters (URL key → the words on paper). */
const filterLabels: Record<LedgerName, Record<string, string>> = {
  activities: { type: '类型' },
  assistance: { program: '帮扶项目', form: '形式' },
  loans: { status: '状态' },
  contracts: { type: '合同类型' },
};

/** A ledger list on paper: every record under the list's filters (capped), the screen's columns. */
export function ledgerPrintDocument<L extends LedgerName>(ledger: L, title: string, list: ListParams, columns: TableColumnsType<LedgerRecords[L]>): Promise<PrintDocument> {
  return listPrintDocument({
    title,
    list,
    columns,
    labels: filterLabels[ledger],
    fetchPage: (page, pageSize) => listLedger(ledger, { ...list.query, page, pageSize }),
  });
}
