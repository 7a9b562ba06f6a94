import { Segmented } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useIsMobile } from '../../../ui/use-is-mobile';
import type { LedgerName } from '../api';

const options: { value: LedgerName; label: string }[] = [
  { value: 'activities', label: '活动' },
  { value: 'assistance', label: '帮扶' },
  { value: 'loans', label: '贷款' },
  { value: 'contracts', label: '合同' },
];

/** On a phone the side menu is hidden: the four ledgers are one tap apart here instead. */
export function LedgerSwitch({ current }: { current: LedgerName }) {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  if (!isMobile) return null;
  return <Segmented block value={current} options={options} onChange={(v) => navigate(`/${v}`)} style={{ marginBottom: 12 }} data-testid="ledger-switch" />;
}
