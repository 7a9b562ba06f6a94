import { builtinCategories } from '../../../../domain/categories';
import { ethnicities, type PersonInput, personInput } from '../../../../domain/person';
import type { KindSpec } from './types';

export const peopleKind: KindSpec<PersonInput> = {
  kind: 'people',
  title: '人员名册',
  orgColumn: 'org',
  columns: [
    { key: 'name', header: '姓名', required: true, example: '王秀英', width: 12 },
    { key: 'idNumber', header: '身份证号', required: true, synonyms: ['身份证号码', '公民身份号码', '身份证'], text: true, example: '230623198503082126', width: 22 },
    { key: 'gender', header: '性别', options: ['男', '女'], example: '女', width: 8 },
    { key: 'birthDate', header: '出生日期', date: true, example: '1985-03-08', width: 12 },
    { key: 'phone', header: '手机号', synonyms: ['联系电话', '电话', '手机', '联系方式'], text: true, example: '13904591234', width: 15 },
    { key: 'ethnicity', header: '民族', options: ethnicities, example: '汉族', width: 10 },
    { key: 'address', header: '住址', synonyms: ['家庭住址', '户籍地址', '地址'], example: '林甸镇幸福村3组', width: 28 },
    { key: 'categories', header: '人员类别', synonyms: ['类别'], example: `${builtinCategories[0]}、${builtinCategories[8]}`, width: 18 },
    { key: 'org', header: '所属组织', synonyms: ['所属单位'], example: '', width: 18 },
    { key: 'note', header: '备注', example: '', width: 20 },
  ],
  fields: { name: 'name', idNumber: 'idNumber', phone: 'phone', ethnicity: 'ethnicity', address: 'address', categories: 'categories', note: 'note' },
  schema: (today) => personInput(today),
  toInput(r) {
    const idNumber = r.idNumber('idNumber');
    // 性别 and 出生日期 come from the ID number (GB 11643); a column that contradicts it is a typo
    const gender = r.text('gender');
    const birth = r.date('birthDate');
    if (idNumber) {
      const idGender = Number(idNumber[16]) % 2 === 1 ? '男' : '女';
      if (gender && gender !== idGender) r.fail('gender', `性别与身份证号不符（身份证号显示为${idGender}）`);
      const idBirth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
      if (birth && birth !== idBirth) r.fail('birthDate', `出生日期与身份证号不符（身份证号显示为 ${idBirth}）`);
    }
    return {
      name: r.text('name'),
      idNumber,
      phone: r.text('phone'),
      ethnicity: r.text('ethnicity'),
      address: r.text('address'),
      categories: r.list('categories'),
      note: r.text('note'),
    };
  },
};
