import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../template';
import { defaultTemplates, findDefaultTemplate } from './index';

describe('the default templates', () => {
  it('name no unit by code: every org= is a role, and no template carries settings', () => {
    for (const t of defaultTemplates) {
      const parsed = parseTemplate(t.source);
      expect(parsed.figures.length, t.id).toBeGreaterThan(3);
      expect(parsed.figures.filter((f) => f.org !== undefined).map((f) => `${t.id}: {{${f.placeholder}}}`)).toEqual([]);
      expect(parsed.settings, t.id).toEqual([]);
      // nor in the text: no org= but a role, no code-like token (LD-FL, RT-ZGH …)
      expect(t.source.match(/org\s*=\s*[^@＠\s|}]/g) ?? [], t.id).toEqual([]);
      expect(t.source.match(/\b[A-Z]{1,4}(?:-[A-Z0-9]+)+\b/g) ?? [], t.id).toEqual([]);
    }
  });

  it('give every 党委, 工会, 团委, 妇联 and 科协 at county or township level an annual report, and 妇联 the half-year one', () => {
    const pick = (kind: 'annual' | 'half-year', orgKind: string, level: string) => findDefaultTemplate(kind, orgKind, level)?.id;
    expect(['county', 'township'].map((l) => pick('annual', 'party_committee', l))).toEqual(['county-annual', 'township-annual']);
    expect(['county', 'township'].map((l) => pick('annual', 'union', l))).toEqual(['union-annual', 'township-union-annual']);
    expect(['county', 'township'].map((l) => pick('annual', 'youth_league', l))).toEqual(['youth-annual', 'youth-annual']);
    expect(['county', 'township'].map((l) => pick('annual', 'womens_federation', l))).toEqual(['womens-annual', 'township-womens-annual']);
    expect(['county', 'township'].map((l) => pick('annual', 'science_association', l))).toEqual(['science-annual', 'science-annual']);
    expect(['county', 'township'].map((l) => pick('half-year', 'womens_federation', l))).toEqual(['womens-half-year', 'womens-half-year']);
    // a city committee reports like a county one; kinds without a report have none
    expect(pick('annual', 'party_committee', 'city')).toBe('county-annual');
    expect(pick('annual', 'grassroots_union', 'village')).toBeUndefined();
    expect(new Set(defaultTemplates.map((t) => t.id)).size).toBe(defaultTemplates.length);
  });
});
