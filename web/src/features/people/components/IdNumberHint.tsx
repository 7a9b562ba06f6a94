import { Typography } from 'antd';
import { checkIdNumber } from '../../../../../src/domain/id-number';
import { provinceCodes } from '../../../../../src/domain/regions';
import { showDate, today } from '../../../ui/dates';

/** Birth date and gender read from the ID number as it is typed (GB 11643 §5). */
export function IdNumberHint({ value }: { value?: string }) {
  if (!value || value.trim().length < 18) return <span>出生日期和性别将根据身份证号自动识别</span>;
  const r = checkIdNumber(value, today());
  if (!r.ok) return null; // the field shows the rule's message
  return (
    <Typography.Text type="success" data-testid="id-derived">
      出生日期：{showDate(r.info.birthDate)}　性别：{r.info.gender}　籍贯省份：{provinceCodes[r.info.provinceCode]}
    </Typography.Text>
  );
}
