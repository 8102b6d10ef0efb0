import type { Rng } from './rng';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const FEMALE = '芳 娜 敏 静 丽 艳 娟 霞 燕 玲 婷 雪 慧 颖 琳 倩 佳怡 欣怡 梓涵 诗琪 雨桐 思彤 晓雯 嘉欣 婉婷 晓燕 丽娟 美玲 秀英 雅琪 梦瑶 紫萱 可馨 语嫣 若曦'.split(' ');
const MALE = '伟 强 磊 军 洋 勇 杰 涛 明 超 鹏 浩 宇 俊杰 子轩 浩然 宇航 志强 建华 文博 嘉豪 思远 晨阳 家豪 俊熙 天宇 明轩 国平 海涛'.split(' ');
const MOBILE_PREFIXES = ['134', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '182', '183', '187', '188', '130', '131', '132', '155', '156', '185', '186', '133', '153', '180', '181', '189', '199', '177'];

export type Person = { name: string; gender: 'female' | 'male'; birthday: string };

/** Beauty-chain members are mostly women; birthdays between 1965 and 2005. */
export function person(rng: Rng): Person {
  const gender = rng.chance(0.78) ? 'female' : 'male';
  const name = rng.pick(SURNAMES) + rng.pick(gender === 'female' ? FEMALE : MALE);
  const y = rng.int(1965, 2005), m = rng.int(1, 12), d = rng.int(1, 28);
  return { name, gender, birthday: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** Unique, realistic mainland mobile numbers (the set guards uniqueness). */
export function uniquePhone(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const p = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
    if (!taken.has(p)) {
      taken.add(p);
      return p;
    }
  }
}
