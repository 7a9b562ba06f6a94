import { DatePicker, Flex, Form } from 'antd';
import dayjs from 'dayjs';
import { today } from '../../../ui/dates';
import { pickerFormat } from '../voting-times';

/** 投票开始/截止 (Beijing time): the vote opens and closes by itself at these times. */
export function VotingTimesFields({ startDisabled }: { startDisabled?: boolean }) {
  const props = { showTime: { format: 'HH:mm' }, format: pickerFormat, showNow: false, defaultPickerValue: dayjs(today()), style: { width: 200 } };
  return (
    <Flex gap={12} wrap>
      <Form.Item name="votingStartsAt" label="投票开始（北京时间）" extra={startDisabled ? '投票已开始，不能再改开始时间' : '不填则进入投票阶段即开始'}>
        <DatePicker {...props} disabled={startDisabled} placeholder="如 2026-06-16 08:00" />
      </Form.Item>
      <Form.Item name="votingEndsAt" label="投票截止（北京时间）" extra="到时自动截止，进入投票阶段前须设置">
        <DatePicker {...props} placeholder="如 2026-06-20 20:00" />
      </Form.Item>
    </Flex>
  );
}
