import { describe, expect, it } from 'vitest';
import { humanizeMessage, labelOfPath } from '../web/src/ui/field-labels';
import { detailText, namePathOf } from '../web/src/ui/use-api-error';
import { toApiError } from '../web/src/ui/http';

/** A clerk never reads an API field path in a toast or under a field (issue 12, item 1). */
describe('field paths in the web', () => {
  it('names a list row and its field in Chinese', () => {
    expect(labelOfPath('parties.0.name')).toBe('第1位当事人的姓名');
    expect(labelOfPath('body.parties.2.personId')).toBe('第3位当事人的人员');
    expect(labelOfPath('idNumber')).toBe('身份证号');
    expect(labelOfPath('q')).toBe('搜索内容');
    expect(labelOfPath('options.1')).toBe('第2项选项');
    expect(labelOfPath('someInternalThing')).toBeNull();
    expect(labelOfPath('parties.0.someInternalThing')).toBeNull();
  });

  it('turns the path at the head of a server message into the field name, or drops it', () => {
    expect(humanizeMessage('parties.0.name：请选择人员或填写姓名', ['parties.0.name'])).toBe('第1位当事人的姓名：请选择人员或填写姓名');
    expect(humanizeMessage('xyzInternal：格式不正确', ['xyzInternal'])).toBe('格式不正确');
    expect(humanizeMessage('个案当前状态为“办结”，不能“归档”', [])).toBe('个案当前状态为“办结”，不能“归档”');
  });

  it('builds ApiError messages and toast lines without paths, and puts row errors on the row field', () => {
    const e = toApiError(400, { error: { code: 'VALIDATION', message: 'parties.0.name：请选择人员或填写姓名', details: [{ path: 'parties.0.name', message: '请选择人员或填写姓名' }] } });
    expect(e.message).toBe('第1位当事人的姓名：请选择人员或填写姓名');
    expect(e.message).not.toMatch(/[a-z]/i);
    expect(detailText({ path: 'parties.1.role', message: '请选择角色' })).toBe('第2位当事人的角色：请选择角色');
    expect(detailText({ path: 'internalKey', message: '格式不正确' })).toBe('格式不正确');
    expect(namePathOf('body.parties.0.name')).toEqual(['parties', 0, 'name']);
  });
});
