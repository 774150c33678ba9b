/**
 * Issue 14: goods as marketplaces write them. The head noun decides; flavour, scent, colour,
 * size, brand, promotion and compatibility phrases do not; restricted terms need their context;
 * sensitive goods stay neutral; the acceptance flags are set.
 */
import { describe, expect, it } from 'vitest';
import { classifyGoods, goodsLabel, NEUTRAL_GOODS_LABEL } from '../../src/mask/goods.js';
import { GOODS_FLAGS } from '../../src/mask/goods-lexicon.js';

const cat = (s: string): string => classifyGoods(s).category;
const flags = (s: string): string[] => classifyGoods(s).flags;

describe('classifyGoods: the head noun decides', () => {
  it.each([
    ['Pod vape vị bạc hà 2ml', 'other', 'rs.e-cigarette'],
    ['Thuốc lá điện tử pod system 1000mAh vị nho', 'other', 'rs.e-cigarette'],
    ['Cà phê hạt rang xay Trung Nguyên Legend 500g', 'food', 'fd.beverage'],
    ['Gạo ST25 túi 5kg gạo thơm Sóc Trăng', 'food', 'fd.staple'],
    ['Rượu Soju Jinro vị đào chai 360ml', 'food', 'fd.alcohol'],
    ['Son kem lì Romand màu 06 cam đất', 'cosmetics', 'co.lipstick'],
    ['Mặt nạ giấy dưỡng ẩm vị trà xanh', 'cosmetics', 'co.skincare'],
    ['Ốp lưng dùng cho iPhone 14 Pro', 'electronics', 'el.case'],
    ['Chảo chống dính 26cm dùng cho bếp từ', 'home-kitchen', 'hk.cookware'],
    ['Bộ chăn ga gối cotton họa tiết mèo con', 'home-kitchen', 'hk.textile'],
    ['Áo thun in hình chó Shiba', 'fashion', 'fa.top'],
    ['Nến thơm hương sầu riêng', 'home-kitchen', 'hk.furniture-decor'],
    ['✅ FREESHIP Bánh tráng trộn vị bò khô chính hãng', 'food', 'fd.snack'],
    ['Súng bắn keo nến 60W tặng 10 cây keo', 'home-kitchen', 'hk.tools'],
    ['Sách giáo khoa lớp 5 Kết nối tri thức', 'books-documents', 'bk.book'],
    ['Nước hoa chiết 10ml Dior Sauvage', 'cosmetics', 'co.perfume'],
  ])('%s → %s (decided by %s)', (text, category, head) => {
    const c = classifyGoods(text);
    expect(c.category).toBe(category);
    expect(c.matched[0]).toBe(head);
  });

  it('a word inside a flavour or compatibility phrase is not reported as deciding', () => {
    expect(classifyGoods('Pod vape vị bạc hà').matched).not.toContain('ff.produce');
    expect(classifyGoods('Cáp sạc cho iPhone').matched).not.toContain('el.iphone');
    // …and it adds no flag of its own: an iPhone cable is not high-value.
    expect(flags('Cáp sạc cho iPhone')).not.toContain('high-value');
  });

  it('numbers before units, counters and after size words do not start a new item', () => {
    expect(cat('Bia Heineken thùng 24 lon 330ml')).toBe('food');
    expect(cat('Chó Poodle 2 tháng tuổi')).toBe('other');
    // …while a quantity before a goods word still does.
    expect(cat('1 áo thun 1 tai nghe bluetooth')).toBe('electronics');
  });

  it('a restricted item names a multi-item parcel over non-sensitive items', () => {
    expect(cat('vape 100w kèm 2 pin 18650')).toBe('other');
    expect(flags('vape 100w kèm 2 pin 18650')).toEqual(expect.arrayContaining(['restricted', 'dangerous-goods']));
  });
});

describe('classifyGoods: restricted terms need their context (both directions)', () => {
  it.each([
    // giả (counterfeit)
    ['Sách Nhà Giả Kim Paulo Coelho', false],
    ['Tóc giả nữ ngắn', false],
    ['Mi giả 3D', false],
    ['Túi xách giả da công sở', false],
    ['Hoa giả trang trí', false],
    ['Sách của tác giả Nguyễn Nhật Ánh', false],
    ['Đồng hồ Rolex giả', true],
    ['Túi Gucci hàng giả', true],
    // xăng (petrol)
    ['Lọc xăng xe Wave Alpha', false],
    ['Bình xăng con Exciter', false],
    ['Phao xăng xe Sirius', false],
    ['Can 5 lít xăng', true],
    ['Xăng thơm bật lửa', true],
    // chó (live animal)
    ['Dây dắt chó size M', false],
    ['Chuồng chó inox', false],
    ['Chó bông biết hát', false],
    ['Thức ăn hạt cho chó', false],
    ['Chó Poodle thuần chủng', true],
    ['Chó con 2 tháng', true],
    // súng (gun)
    ['Súng bắn keo nến', false],
    ['Súng bắn ốc Makita', false],
    ['Súng phun sơn cầm tay', false],
    ['Súng xịt rửa xe áp lực cao', false],
    ['Súng hơi', true],
    ['Súng nước đồ chơi cho bé', true],
    ['Súng bắn nước áp lực cao cho bé', true],
    ['Súng nerf bắn đạn xốp', true],
  ])('%s → restricted %s', (text, restricted) => {
    expect(flags(text).includes('restricted')).toBe(restricted);
  });
});

describe('classifyGoods: sensitive goods get the neutral label', () => {
  it.each([
    'Váy ngủ sexy ren xuyên thấu',
    'Đầm ngủ lụa 2 dây sexy gợi cảm',
    'Bộ đồ lót ren quyến rũ',
    'Bao cao su Durex Invisible',
    'BCS Sagami Original 0.02',
    'Gel bôi trơn Durex Play',
    'Máy rung massage cho nữ',
    'Que thử thai Quickstick',
    'Test nhanh HIV OraQuick',
    'Que test giang mai',
    'Viên uống Collagen DHC (TPCN)',
    'Thực phẩm chức năng bổ gan',
    'Thực phẩm bảo vệ sức khỏe Omega 3',
    'TPCN giảm cân',
    'Panadol Extra hộp 12 vỉ',
    'Hapacol 250 cho trẻ',
    'Smecta',
  ])('%s', (text) => {
    const c = classifyGoods(text);
    expect(['intimate', 'medicine']).toContain(c.category);
    expect(goodsLabel(c)).toBe(NEUTRAL_GOODS_LABEL);
  });

  it('plain sleepwear is fashion, not intimate', () => {
    expect(cat('Đồ bộ pijama nữ lụa dài tay')).toBe('fashion');
  });
});

describe('classifyGoods: acceptance flags', () => {
  it.each([
    ['Sạc dự phòng Xiaomi 20000mAh', 'dangerous-goods'],
    ['Pin sạc dự phòng Anker 10000mAh cho iPhone', 'dangerous-goods'],
    ['Pin 18650 Samsung 3000mAh (1 viên)', 'dangerous-goods'],
    ['Cell pin 18650 LG HG2', 'dangerous-goods'],
    ['Nước hoa Chanel Coco Mademoiselle 100ml', 'dangerous-goods'],
    ['Body mist Victoria Secret', 'dangerous-goods'],
    ['Xịt khử mùi Nivea Men 150ml', 'dangerous-goods'],
    ['Keo xịt tóc Tigi', 'dangerous-goods'],
    ['Bật lửa Zippo', 'dangerous-goods'],
    ['Pod vape vị nho', 'dangerous-goods'],
    ['Cồn 90 độ 500ml', 'dangerous-goods'],
    ['Bia Heineken thùng 24 lon', 'alcohol'],
    ['Rượu vang đỏ Chile 750ml', 'alcohol'],
    ['Whisky Chivas Regal 18', 'alcohol'],
    ['Hạt giống rau muống', 'plant-animal-quarantine'],
    ['Cây giống sầu riêng Musang King', 'plant-animal-quarantine'],
    ['Chậu cây sen đá mini', 'plant-animal-quarantine'],
    ['Mèo Anh lông ngắn 3 tháng', 'plant-animal-quarantine'],
    ['Thịt bò Úc tươi 500g', 'plant-animal-quarantine'],
    ['Nhẫn vàng 24K 1 chỉ', 'high-value'],
  ])('%s carries %s', (text, flag) => {
    expect(flags(text)).toContain(flag);
  });

  it.each([
    ['iPhone 15 Pro Max', 'dangerous-goods'],
    ['Tai nghe bluetooth', 'dangerous-goods'],
    ['Sữa tắm Dove 500ml', 'dangerous-goods'],
    ['Nước mắm Phú Quốc', 'alcohol'],
    ['Hạt điều rang muối', 'plant-animal-quarantine'],
    ['Bò khô miếng', 'plant-animal-quarantine'],
    ['Hoa giả trang trí', 'plant-animal-quarantine'],
  ])('%s does not carry %s', (text, flag) => {
    expect(flags(text)).not.toContain(flag);
  });

  it('the new flags are part of GOODS_FLAGS, after the original ones', () => {
    expect(GOODS_FLAGS.slice(-3)).toEqual(['dangerous-goods', 'alcohol', 'plant-animal-quarantine']);
  });
});

describe('classifyGoods: a counterfeit stays in its own category', () => {
  it.each([
    ['Túi LV like auth siêu cấp', 'fashion'],
    ['Kính mát Dior hàng fake', 'fashion'],
    ['Túi Gucci chính hãng', 'jewelry-valuables'],
  ])('%s → %s', (text, category) => {
    expect(cat(text)).toBe(category);
  });
});
