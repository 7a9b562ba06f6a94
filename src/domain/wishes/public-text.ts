/**
 * What a published wish may say. Micro-wish pages elsewhere have published a child's name, phone,
 * address and school; the board shows only the masked name, and the title and story are checked
 * before publication against what is registered about the beneficiary (full name, given name,
 * address, school, the household's phones and names) and against general patterns (a phone, an ID
 * number, a school, a street address). Each finding names the text found and where, so the
 * reviewer's preview can mark it. Pure: the caller decrypts the record.
 */
const phonePattern = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const landlinePattern = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;
const idPattern = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const schoolPattern = /(小学|中学|学校|幼儿园|学院|校区|完小|中心校)/g;
const addressPattern = /(\d+号楼|\d+单元|\d+室|门牌|\d+号院|[一-龥]{1,10}(路|街|巷|胡同|村|屯|社区|小区|组|道)\d+号)/g;

/**
 * Chinese compound surnames (复姓, after 《百家姓》): for 欧阳思源 the given name is 思源, not 阳思源.
 * Longest first is not needed: all are two characters.
 */
export const compoundSurnames = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐',
  '端木', '独孤', '南宫', '西门', '轩辕', '万俟', '闻人', '澹台', '公冶', '宗政', '濮阳', '淳于', '单于', '太叔',
  '申屠', '钟离', '百里', '东郭', '呼延', '赫连', '拓跋', '司空', '左丘', '谷梁', '第五', '鲜于', '乐正', '梁丘',
] as const;

/** Surname and given name of a Chinese name; a compound surname is recognised, otherwise the first character. */
export function splitChineseName(name: string): { surname: string; given: string } {
  const n = Array.from(name.replace(/\s+/g, ''));
  const two = n.slice(0, 2).join('');
  const surnameLength = n.length > 2 && (compoundSurnames as readonly string[]).includes(two) ? 2 : 1;
  return { surname: n.slice(0, surnameLength).join(''), given: n.slice(surnameLength).join('') };
}

/** What is registered about the beneficiary and the household (decrypted by the caller). */
export interface BeneficiaryRecord {
  name: string;
  addresses?: readonly (string | null | undefined)[];
  /** the person's note: where this codebase keeps a child's school (人员备注) */
  note?: string | null;
  /** the person's own phone and those of the household's other members (guardians) */
  phones?: readonly (string | null | undefined)[];
  /** the household's other members */
  guardianNames?: readonly string[];
}

export type PublicTextKind = 'name' | 'given_name' | 'guardian_name' | 'phone' | 'id_number' | 'school' | 'address';

export interface PublicTextFinding {
  field: string;
  kind: PublicTextKind;
  /** the text as written in the field, and its position there (UTF-16 offsets, end exclusive) */
  found: string;
  start: number;
  end: number;
  message: string;
}

export const publicFieldLabels: Record<string, string> = { title: '心愿', story: '心愿说明' };

/** Folds full-width digits and letters and drops whitespace, remembering where each kept character was. */
function flatten(text: string): { flat: string; at: number[] } {
  let flat = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (/\s/.test(c)) continue;
    const n = c.normalize('NFKC');
    flat += n.length === 1 ? n : c;
    at.push(i);
  }
  return { flat, at };
}

const fold = (s: string) => flatten(s).flat;

/** The place below the township (village, street, compound) and its door number, from a registered address. */
export function addressParts(address: string): { full: string; local: string | null; place: string | null; door: string | null } {
  const full = fold(address);
  const admin = /^(?:[一-龥]+?(?:省|自治区|自治州|地区|市|盟|自治县|县|旗|区|镇|乡|街道|苏木))*/.exec(full)?.[0] ?? '';
  const local = full.slice(admin.length);
  // the door number, else the group of a village (新城村6组)
  const door = /\d+(?:-\d+)?号/.exec(local) ?? /\d+组/.exec(local);
  const place = door ? local.slice(0, door.index).replace(/\d+$/, '') : local;
  return {
    full,
    local: local.length >= 3 && /\d/.test(local) ? local : null,
    place: place.length >= 2 ? place : null,
    door: door ? door[0] : null,
  };
}

const genericSchoolWords = new Set(['中心', '第一', '第二', '第三', '实验', '希望', '民族', '九年一贯制', '寄宿制', '县', '镇', '乡', '村']);

/** School names written in the person's note (就读于光明小学三年级 → 光明小学), with their short forms (光明小). */
export function schoolNames(note: string): string[] {
  const names = new Set<string>();
  for (const chunk of fold(note).split(/[，,。；;、:：()（）]|就读于|就读|在读|读书于|目前|现在|学校为|在|于/)) {
    const m = /^[一-龥0-9]*?(小学|中学|学校|幼儿园|完小|中心校|初中|高中)/.exec(chunk);
    if (!m || m[0].length <= m[1].length + 1) continue;
    names.add(m[0]);
    const withoutAdmin = m[0].replace(/^(?:[一-龥]+?(?:县|市|区|镇|乡|村))+/, '');
    if (withoutAdmin.length >= 4 && withoutAdmin !== m[0]) names.add(withoutAdmin);
    const stem = withoutAdmin.slice(0, withoutAdmin.length - m[1].length);
    if (stem.length >= 2 && !genericSchoolWords.has(stem)) for (const short of ['小', '中', '校']) names.add(stem + short);
  }
  return Array.from(names);
}

function findAll(flat: string, needle: string): [number, number][] {
  const hits: [number, number][] = [];
  if (!needle) return hits;
  for (let i = flat.indexOf(needle); i >= 0; i = flat.indexOf(needle, i + needle.length)) hits.push([i, i + needle.length]);
  return hits;
}

function matchAll(flat: string, pattern: RegExp): [number, number][] {
  return Array.from(flat.matchAll(pattern), (m) => [m.index, m.index + m[0].length] as [number, number]);
}

/** A phone as digits, allowing the separators people write between groups (139-0000-1234, 139 0000 1234). */
function phoneRegex(phone: string): RegExp | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return null;
  return new RegExp(`(?<!\\d)${digits.split('').join('[-—–.·]?')}(?!\\d)`, 'g');
}

export function publicTextFindings(fields: Record<string, string>, record: BeneficiaryRecord): PublicTextFinding[] {
  const name = fold(record.name);
  const { given } = splitChineseName(name);
  // a one-character given name alone is too common to refuse; its pet forms (小芳, 芳芳) are not
  const givenForms = given.length >= 2 ? [given] : given.length === 1 ? [`小${given}`, `${given}${given}`, `阿${given}`] : [];
  const addresses = (record.addresses ?? []).filter((a): a is string => Boolean(a && a.trim())).map(addressParts);
  const schools = record.note ? schoolNames(record.note) : [];
  const phones = (record.phones ?? []).map((p) => (p ? phoneRegex(p) : null)).filter((r): r is RegExp => r !== null);
  const guardians = (record.guardianNames ?? []).map(fold).filter((g) => g.length >= 2 && g !== name);

  const findings: PublicTextFinding[] = [];
  for (const [field, text] of Object.entries(fields)) {
    const { flat, at } = flatten(text);
    const label = publicFieldLabels[field] ?? field;
    const taken: [number, number][] = [];
    const add = (kind: PublicTextKind, [s, e]: [number, number], what: (found: string) => string) => {
      if (taken.some(([ts, te]) => s < te && e > ts)) return; // one finding per stretch of text: the most specific, added first
      taken.push([s, e]);
      const start = at[s];
      const end = at[e - 1] + 1;
      const found = text.slice(start, end);
      findings.push({ field, kind, found, start, end, message: `${label}中${what(found)}` });
    };
    if (name.length >= 2) for (const h of findAll(flat, name)) add('name', h, (f) => `出现受助人的姓名“${f}”（公开页只显示脱敏姓名）`);
    for (const g of givenForms) for (const h of findAll(flat, g)) add('given_name', h, (f) => `出现受助人的名字“${f}”`);
    for (const g of guardians) for (const h of findAll(flat, g)) add('guardian_name', h, (f) => `出现受助人家庭成员的姓名“${f}”`);
    for (const r of phones) for (const h of matchAll(flat, r)) add('phone', h, (f) => `出现受助人或其监护人登记的电话“${f}”`);
    for (const a of addresses) {
      if (a.full.length >= 4) for (const h of findAll(flat, a.full)) add('address', h, (f) => `出现受助人登记的住址“${f}”`);
      if (a.local) for (const h of findAll(flat, a.local)) add('address', h, (f) => `出现受助人登记的住址“${f}”`);
      // the village or street and the door number written apart (光明村……27号)
      const placeHits = a.place ? findAll(flat, a.place) : [];
      const doorHits = a.door ? matchAll(flat, new RegExp(`(?<!\\d)${a.door.replace(/[-]/g, '\\-')}`, 'g')) : [];
      if (placeHits.length && doorHits.length) {
        for (const h of placeHits) add('address', h, (f) => `出现受助人登记住址中的“${f}”和门牌“${a.door}”`);
        for (const h of doorHits) add('address', h, (f) => `出现受助人登记住址的门牌“${f}”`);
      }
    }
    for (const s of schools) for (const h of findAll(flat, s)) add('school', h, (f) => `出现受助人就读的学校“${f}”`);
    for (const r of [phonePattern, landlinePattern]) for (const h of matchAll(flat, r)) add('phone', h, (f) => `出现电话号码“${f}”`);
    for (const h of matchAll(flat, idPattern)) add('id_number', h, () => '出现身份证号');
    for (const h of matchAll(flat, addressPattern)) add('address', h, (f) => `出现详细住址“${f}”`);
    for (const h of matchAll(flat, schoolPattern)) add('school', h, (f) => `出现学校名称“${f}”`);
  }
  return findings.sort((a, b) => (a.field === b.field ? a.start - b.start : Object.keys(fields).indexOf(a.field) - Object.keys(fields).indexOf(b.field)));
}
