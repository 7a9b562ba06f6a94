/**
 * Province-level codes of GB/T 2260 (the first two digits of a division code and of an ID number,
 * GB 11643 §5.1). 83 is used by the residence permits of Taiwan residents (港澳台居民居住证).
 */
export const provinceCodes: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
  '71': '台湾省', '81': '香港特别行政区', '82': '澳门特别行政区', '83': '台湾地区居民居住证',
};

export function isProvinceCode(two: string): boolean {
  return Object.hasOwn(provinceCodes, two);
}

/** GB/T 2260 division code: 6 digits (county), 9 (township), 12 (village, 统计用区划代码). */
export function checkDivisionCode(raw: string): { ok: true; code: string } | { ok: false; message: string } {
  const code = raw.trim();
  if (!/^\d+$/.test(code)) return { ok: false, message: '行政区划代码只能由数字组成' };
  if (![6, 9, 12].includes(code.length)) return { ok: false, message: '行政区划代码应为 6、9 或 12 位数字' };
  if (!isProvinceCode(code.slice(0, 2))) return { ok: false, message: `行政区划代码前两位 ${code.slice(0, 2)} 不是有效的省级代码` };
  if (code.slice(2, 4) === '00' && code.slice(4, 6) !== '00') {
    return { ok: false, message: '行政区划代码的地市位为 00 时县级位也应为 00' };
  }
  return { ok: true, code };
}
