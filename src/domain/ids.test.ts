import { describe, expect, it } from 'vitest';
import { newId } from './ids';

describe('UUIDv7 ids', () => {
  it('are well-formed version 7, variant 10, and unique across pool refills', () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('sort by time', () => {
    expect(newId(1_700_000_000_000) < newId(1_700_000_000_001)).toBe(true);
  });
});
