// Interests a member picks from (兴趣爱好), stored as these words so HQ's breakdown groups them.
// Apart from the zod schemas so the member app lists them without bundling zod.
export const SUGGESTED_INTERESTS = ['美发', '美甲', '护肤', '美容', '按摩', '美食', '咖啡', '烘焙', '健身', '亲子', '宠物', '旅行'] as const;
