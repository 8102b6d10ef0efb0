/** The demo chain: 悦享生活 — a beauty-and-lifestyle chain in Guangzhou with three branches. */
export const STORES = [
  { id: 'store-1', code: 'S001', name: '天河1店', address: '广州市天河区天河路208号粤海天河城3楼', phone: '020-38880001' },
  { id: 'store-2', code: 'S002', name: '越秀2店', address: '广州市越秀区北京路步行街168号', phone: '020-83330002' },
  { id: 'store-3', code: 'S003', name: '海珠3店', address: '广州市海珠区江南大道中82号', phone: '020-84440003' },
] as const;

export const STAFF = [
  { username: 'admin', name: '陈总', role: 'hq_admin', store: null },
  { username: 'manager1', name: '李店长', role: 'store_manager', store: 'store-1' },
  { username: 'clerk1', name: '王小芳', role: 'clerk', store: 'store-1' },
  { username: 'clerk1b', name: '赵敏', role: 'clerk', store: 'store-1' },
  { username: 'manager2', name: '张店长', role: 'store_manager', store: 'store-2' },
  { username: 'clerk2', name: '刘婷', role: 'clerk', store: 'store-2' },
  { username: 'clerk2b', name: '黄佳怡', role: 'clerk', store: 'store-2' },
  { username: 'manager3', name: '周店长', role: 'store_manager', store: 'store-3' },
  { username: 'clerk3', name: '吴静', role: 'clerk', store: 'store-3' },
  { username: 'clerk3b', name: '郑晓雯', role: 'clerk', store: 'store-3' },
] as const;

export const DEMO_PASSWORD = 'demo1234';
/** Approval PINs of the demo chain's approvers (decision 013); clerks have none. */
export const DEMO_PINS: Readonly<Record<string, string>> = { admin: '246810', manager1: '135790', manager2: '135790', manager3: '135790' };

/** Spend thresholds are over the last 12 months, in fen. */
export const TIERS = [
  { code: 'normal', name: '普通会员', nameEn: 'Member', rank: 0, upgradeSpendFen: 0, keepSpendFen: 0, discountBp: 10000, pointsMultiplierBp: 10000 },
  { code: 'silver', name: '银卡会员', nameEn: 'Silver', rank: 1, upgradeSpendFen: 200_000, keepSpendFen: 150_000, discountBp: 9800, pointsMultiplierBp: 12000 },
  { code: 'gold', name: '金卡会员', nameEn: 'Gold', rank: 2, upgradeSpendFen: 800_000, keepSpendFen: 600_000, discountBp: 9500, pointsMultiplierBp: 15000 },
  { code: 'diamond', name: '钻石会员', nameEn: 'Diamond', rank: 3, upgradeSpendFen: 2_000_000, keepSpendFen: 1_500_000, discountBp: 9000, pointsMultiplierBp: 20000 },
] as const;

export const CATEGORIES = [
  { id: 'cat-hair', name: '美发服务', nameEn: 'Hair services', sort: 1 },
  { id: 'cat-beauty', name: '美容护理', nameEn: 'Beauty treatments', sort: 2 },
  { id: 'cat-nails', name: '美甲美睫', nameEn: 'Nails & lashes', sort: 3 },
  { id: 'cat-skincare', name: '护肤品', nameEn: 'Skincare', sort: 4 },
  { id: 'cat-haircare', name: '洗护用品', nameEn: 'Hair care', sort: 5 },
  { id: 'cat-drinks', name: '茶饮轻食', nameEn: 'Drinks & snacks', sort: 6 },
] as const;

type P = readonly [name: string, kind: 'goods' | 'service', yuan: number, costYuan: number, unit: string];
const P_BY_CAT: Record<string, readonly P[]> = {
  'cat-hair': [
    ['洗剪吹（设计师）', 'service', 88, 25, '次'], ['洗剪吹（总监）', 'service', 168, 50, '次'], ['精致洗护', 'service', 48, 12, '次'],
    ['时尚烫发', 'service', 498, 150, '次'], ['日系染发', 'service', 398, 120, '次'], ['头皮深层护理', 'service', 268, 70, '次'],
    ['儿童理发', 'service', 58, 15, '次'], ['造型吹发', 'service', 68, 15, '次'], ['结构护理', 'service', 328, 90, '次'],
  ],
  'cat-beauty': [
    ['深层补水面护', 'service', 298, 80, '次'], ['肩颈舒缓按摩', 'service', 198, 55, '次'], ['眼部精华护理', 'service', 238, 60, '次'],
    ['全身精油SPA', 'service', 588, 160, '次'], ['小气泡清洁', 'service', 168, 40, '次'], ['美白焕肤护理', 'service', 458, 130, '次'],
    ['背部排毒护理', 'service', 358, 95, '次'], ['足部养护', 'service', 128, 30, '次'],
  ],
  'cat-nails': [
    ['纯色美甲', 'service', 128, 25, '次'], ['法式美甲', 'service', 168, 30, '次'], ['手部护理', 'service', 98, 20, '次'],
    ['嫁接睫毛（自然款）', 'service', 258, 60, '次'], ['美甲卸除', 'service', 38, 5, '次'], ['足部美甲', 'service', 148, 28, '次'],
    ['手绘款美甲', 'service', 228, 45, '次'],
  ],
  'cat-skincare': [
    ['玻尿酸保湿面膜（5片）', 'goods', 128, 45, '盒'], ['氨基酸洁面乳 120ml', 'goods', 98, 32, '支'], ['烟酰胺精华液 30ml', 'goods', 268, 90, '瓶'],
    ['修护面霜 50g', 'goods', 298, 105, '瓶'], ['清透防晒乳 SPF50', 'goods', 168, 55, '支'], ['舒缓爽肤水 200ml', 'goods', 138, 45, '瓶'],
    ['眼霜 15g', 'goods', 238, 80, '支'], ['卸妆油 150ml', 'goods', 118, 38, '瓶'], ['护手霜礼盒', 'goods', 88, 30, '盒'],
  ],
  'cat-haircare': [
    ['控油洗发水 500ml', 'goods', 89, 28, '瓶'], ['修护发膜 250ml', 'goods', 128, 40, '瓶'], ['护发精油 100ml', 'goods', 158, 50, '瓶'],
    ['头皮精华 60ml', 'goods', 198, 65, '瓶'], ['免洗护发喷雾', 'goods', 79, 24, '瓶'], ['造型发蜡', 'goods', 68, 20, '盒'],
    ['防毛躁护发素 500ml', 'goods', 89, 28, '瓶'],
  ],
  'cat-drinks': [
    ['柠檬红茶', 'goods', 18, 4, '杯'], ['鲜榨橙汁', 'goods', 22, 7, '杯'], ['玫瑰花茶', 'goods', 16, 3, '杯'],
    ['燕窝炖品', 'goods', 68, 25, '份'], ['手工曲奇', 'goods', 28, 9, '份'], ['美式咖啡', 'goods', 20, 5, '杯'],
    ['红枣桂圆茶', 'goods', 18, 4, '杯'], ['水果拼盘', 'goods', 38, 14, '份'],
  ],
};

export const PRODUCTS = Object.entries(P_BY_CAT).flatMap(([categoryId, list], ci) =>
  list.map(([name, kind, yuan, cost, unit], i) => {
    const seq = ci * 100 + i + 1;
    return {
      id: `p-${String(seq).padStart(3, '0')}`,
      sku: `SKU${String(seq).padStart(5, '0')}`,
      name,
      kind,
      categoryId,
      listPriceFen: yuan * 100,
      costPriceFen: cost * 100,
      // EAN-13-looking codes for goods (a scanner at the counter); services have none.
      barcode: kind === 'goods' ? `69${String(20_000_000_000 + seq * 7919).slice(-11)}` : null,
      unit,
    };
  }),
);

/** Some branches price differently: the city-centre store charges more for services. */
export const STORE_PRICE_RULES: readonly { storeId: string; categoryId: string; pct: number }[] = [
  { storeId: 'store-2', categoryId: 'cat-hair', pct: 110 },
  { storeId: 'store-2', categoryId: 'cat-beauty', pct: 110 },
  { storeId: 'store-3', categoryId: 'cat-drinks', pct: 90 },
];
