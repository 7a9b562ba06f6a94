import { describe, expect, it } from 'vitest';
import { groupDigits, yuanText } from '../web/src/features/ledgers/components/money';

describe('web amounts (元)', () => {
  it('groups thousands and keeps the exact decimals', () => {
    expect(yuanText('1236800')).toBe('1,236,800');
    expect(yuanText('12345.60')).toBe('12,345.60');
    expect(yuanText(999)).toBe('999');
    expect(yuanText('-1000.5')).toBe('-1,000.5');
    expect(groupDigits('1000000000.01')).toBe('1,000,000,000.01');
  });
  it('shows a dash for no amount and leaves text it does not understand alone', () => {
    expect(yuanText(null)).toBe('—');
    expect(yuanText('0.00')).toBe('—');
    expect(yuanText('')).toBe('—');
    expect(groupDigits('约 5 万')).toBe('约 5 万');
  });
});
