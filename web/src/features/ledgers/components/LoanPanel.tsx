import { App, Button, Card, DatePicker, Flex, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { loanTransitions, type LoanStatus } from '../../../../../src/domain/ledgers/catalogs';
import { fenToYuan, toFen } from '../../../../../src/domain/money';
import { useAuth } from '../../../app/auth';
import { dateFieldProps, datePickerFormats, showDate, today } from '../../../ui/dates';
import { FormModal } from '../../../ui/FormModal';
import { addRepayment, changeLoanStatus, type Loan, type Repayment } from '../api';
import { yuanText } from './money';

const actionLabels: Record<LoanStatus, string> = { 申请中: '退回申请', 已放款: '登记放款', 已还清: '登记还清', 逾期: '标记逾期' };
const dateLabels: Record<LoanStatus, string> = { 申请中: '日期', 已放款: '放款日期', 已还清: '还清日期', 逾期: '逾期日期' };
const yuanOf = (r: Repayment) => r.amountYuan ?? fenToYuan(r.amountFen);
const amountRule = {
  validator: async (_r: unknown, v?: string) => {
    const fen = v ? toFen(v, '元') : null;
    if (fen === null || fen <= 0) throw new Error('还款金额应为大于 0 的数字（单位元，最多两位小数）');
  },
};

/** Loan status actions (only the allowed transitions) and the repayments with 登记还款. */
export function LoanPanel({ loan, onChanged }: { loan: Loan; onChanged: () => void }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const [target, setTarget] = useState<LoanStatus | null>(null);
  const [paying, setPaying] = useState(false);
  const writable = can('ledger.write') && !loan.deletedAt;
  const next = loanTransitions[loan.status] ?? [];

  return (
    <>
      <Card
        title={loan.repaidFen === undefined ? '状态与还款' : `状态与还款（已还 ${fenToYuan(loan.repaidFen)} 元）`}
        size="small"
        style={{ marginTop: 16 }}
        extra={
          writable ? (
            <Flex wrap gap={8}>
              {next.map((s) => (
                <Button key={s} size="small" data-testid={`loan-to-${s}`} danger={s === '逾期'} onClick={() => setTarget(s)}>
                  {actionLabels[s]}
                </Button>
              ))}
              <Button size="small" type="primary" data-testid="loan-add-repayment" onClick={() => setPaying(true)}>
                登记还款
              </Button>
            </Flex>
          ) : null
        }
      >
        {next.length === 0 ? <Typography.Paragraph type="secondary">此贷款已还清，状态不能再变更。</Typography.Paragraph> : null}
        <Table<Repayment>
          data-testid="loan-repayments"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={loan.repayments ?? []}
          locale={{ emptyText: '暂无还款记录' }}
          columns={[
            { title: '还款日期', dataIndex: 'paidOn', render: (v: string) => showDate(v) },
            { title: '金额（元）', key: 'amount', align: 'right', render: (_: unknown, r) => yuanText(yuanOf(r)) },
          ]}
        />
      </Card>
      <FormModal<{ on?: string }>
        open={target !== null}
        title={target ? `${actionLabels[target]}：${loan.status} → ${target}` : ''}
        okText="确认"
        onClose={() => setTarget(null)}
        onSubmit={async (v) => {
          if (!target) return;
          await changeLoanStatus(loan.id, target, v.on);
          setTarget(null);
          void message.success(`状态已改为 ${target}`);
          onChanged();
        }}
      >
        <Form.Item label={target ? dateLabels[target] : '日期'} name="on" extra="不填则为今天" {...dateFieldProps}>
          <DatePicker style={{ width: '100%' }} format={datePickerFormats} />
        </Form.Item>
      </FormModal>
      <FormModal<{ paidOn: string; amountYuan: string }>
        open={paying}
        title="登记还款"
        fields={['paidOn', 'amountYuan']}
        initialValues={{ paidOn: today() }}
        onClose={() => setPaying(false)}
        onSubmit={async (v) => {
          await addRepayment(loan.id, { paidOn: v.paidOn, amountYuan: v.amountYuan.trim() });
          setPaying(false);
          void message.success('已登记还款');
          onChanged();
        }}
      >
        <Form.Item label="还款日期" name="paidOn" rules={[{ required: true, message: '请选择还款日期' }]} {...dateFieldProps}>
          <DatePicker style={{ width: '100%' }} format={datePickerFormats} />
        </Form.Item>
        <Form.Item label="还款金额" name="amountYuan" required rules={[amountRule]}>
          <Input suffix="元" inputMode="decimal" data-testid="repayment-amount" />
        </Form.Item>
      </FormModal>
    </>
  );
}
