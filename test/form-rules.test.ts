import { describe, expect, it } from 'vitest';
import { activityInput, assistanceInput, contractInput, loanInput } from '../src/domain/ledgers/inputs';
import { zodFieldRule } from '../web/src/ui/zod-rule';

/**
 * The ledger forms of the web run the shared rules built for the server's today (web/src/ui/dates.ts)
 * through zodFieldRule: the clerk sees the API's and the importer's message for a date out of range
 * or an amount past the bound, before anything is sent.
 */
const today = '2026-06-15';
async function formMessage(schema: Parameters<typeof zodFieldRule>[0], field: string, value: unknown): Promise<string | null> {
  const rule = zodFieldRule(schema, field) as { validator: (rule: unknown, value: unknown) => Promise<void> };
  try {
    await rule.validator({}, value);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('ledger form rules (web)', () => {
  it('refuses 发放日期 9999-12-31 and 1899-12-31 with the field named, and takes a date of this year', async () => {
    const schema = assistanceInput(today);
    expect(await formMessage(schema, 'givenOn', '9999-12-31')).toBe('日期不能晚于 2027年6月15日（最多为今后一年内的日期）');
    expect(await formMessage(schema, 'givenOn', '1899-12-31')).toBe('日期不能早于 1949年10月1日');
    expect(await formMessage(schema, 'givenOn', '2026-03-08')).toBeNull();
  });

  it('bounds the other ledgers\' dates and the amounts alike', async () => {
    expect(await formMessage(activityInput(today), 'startOn', '2027-06-16')).toBe('开始日期不能晚于 2027年6月15日（最多为今后一年内的日期）');
    expect(await formMessage(contractInput(today), 'signedOn', '1949-09-30')).toBe('签订日期不能早于 1949年10月1日');
    expect(await formMessage(loanInput(today), 'dueOn', '2030-01-01')).toBeNull();
    expect(await formMessage(loanInput(today), 'principalWan', '1000001')).toBe('贷款金额不能超过 100 亿元（每条记录）');
    expect(await formMessage(assistanceInput(today), 'amountYuan', '21474836.48')).toBeNull();
  });
});
