import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { datePickerFormats } from './dates';
import { useIsMobile } from './use-is-mobile';

interface Props {
  from?: string;
  to?: string;
  onChange: (from: string | undefined, to: string | undefined) => void;
  testId?: string;
  /** false where the server has no "all dates" (metrics default to this year). */
  allowClear?: boolean;
}

/** 起止日期 as a range picker over 'YYYY-MM-DD' strings; clearing it means all dates. */
export function PeriodPicker({ from, to, onChange, testId, allowClear = true }: Props) {
  const isMobile = useIsMobile();
  return (
    <span data-testid={testId} style={{ maxWidth: '100%' }}>
      <DatePicker.RangePicker
        value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
        allowEmpty={[allowClear, allowClear]}
        allowClear={allowClear}
        placeholder={['开始日期', '结束日期']}
        format={datePickerFormats}
        inputReadOnly={isMobile}
        style={{ width: 280, maxWidth: '100%' }}
        onChange={(v) => onChange(v?.[0]?.format('YYYY-MM-DD'), v?.[1]?.format('YYYY-MM-DD'))}
      />
    </span>
  );
}
