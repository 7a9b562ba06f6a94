import { Tag } from 'antd';
import type { LoanStatus } from '../../../../../src/domain/ledgers/catalogs';

const colors: Record<LoanStatus, string> = { 申请中: 'blue', 已放款: 'orange', 已还清: 'green', 逾期: 'red' };

export function LoanStatusTag({ status }: { status: LoanStatus }) {
  return (
    <Tag color={colors[status] ?? 'default'} data-testid="loan-status">
      {status}
    </Tag>
  );
}
