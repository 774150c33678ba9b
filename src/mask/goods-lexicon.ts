/**
 * The goods lexicon: categories, flags and the Vietnamese/English terms that map a free-text
 * goods description to them. Pure data, no logic, so it can be reviewed and extended on its own.
 *
 * How an entry is read by the matcher (see `_goods-match.ts`):
 * - `terms` are written the way a Vietnamese shopper would spell them, with diacritics. Matching
 *   ignores case, Unicode normal form and where a tone mark sits (`hoà` = `hòa`). A word typed
 *   without any diacritic matches the term; a word typed with diacritics must carry the same
 *   ones, so `sơn` (paint) never fires `son` (lipstick). Terms in `exact` never match unaccented
 *   input either (`tã` diaper must not fire on `ta`, `chó` dog not on `cho` "for").
 * - Terms match whole words only (`áo` is not inside `táo`). Longer matches win over the matches
 *   they contain (`sữa rửa mặt` beats `sữa`).
 * - `category: null` marks a modifier: it only adds flags, or moves (`promote`) the item it
 *   qualifies to another category.
 * - `flags` apply when the entry is the head of an item. `alsoFlags` apply even when the entry only
 *   qualifies another item (`máy sấy tóc Dyson` is high-value). `restricted` always applies.
 * - `notAfter` lists folded words that, just before the match, mean the term is not the goods
 *   itself (`thức ăn cho mèo` is not a live cat).
 * - `notBefore` lists folded words that, just after the match, cancel it (`giả da` is faux leather).
 * - `qualifies` marks a qualifier opener (`vị`, `màu`, `cho`, `tặng`): goods words after it in the
 *   item describe the head and decide nothing.
 * - `blocksPromotionTo` cancels a modifier's move of the item into those categories (a counterfeit
 *   luxury bag stays a bag).
 * - `example` is a description that fires the entry; a test checks every one.
 * @module
 */

/** Stable ids of the goods categories. The set only grows; ids never change meaning. */
export type GoodsCategory =
  | 'electronics'
  | 'fashion'
  | 'cosmetics'
  | 'food'
  | 'fresh-food'
  | 'medicine'
  | 'mother-baby'
  | 'books-documents'
  | 'home-kitchen'
  | 'toys'
  | 'sports'
  | 'vehicle-parts'
  | 'jewelry-valuables'
  | 'intimate'
  | 'other';

/** Handling and acceptance flags a classification can carry. */
export type GoodsFlag =
  | 'high-value'
  | 'sensitive'
  | 'documents'
  | 'fragile'
  | 'perishable'
  | 'liquid'
  | 'battery'
  | 'restricted'
  | 'dangerous-goods'
  | 'alcohol'
  | 'plant-animal-quarantine';

/** Every flag, in the order classifications list them. */
export const GOODS_FLAGS: readonly GoodsFlag[] = Object.freeze([
  'high-value',
  'sensitive',
  'documents',
  'fragile',
  'perishable',
  'liquid',
  'battery',
  'restricted',
  'dangerous-goods',
  'alcohol',
  'plant-animal-quarantine',
] as const);

/** One goods category: its labels, how risky it is, and the flags every item in it carries. */
export interface GoodsCategoryInfo {
  readonly id: GoodsCategory;
  /** Vietnamese label, e.g. `Điện tử`. */
  readonly vi: string;
  /** English label, e.g. `Electronics`. */
  readonly en: string;
  /**
   * Rank used when one description holds several items: the item with the highest risk names the
   * parcel. Sensitive categories rank first so a mixed parcel still gets the neutral label.
   */
  readonly risk: number;
  /** Sensitive categories print the neutral `Hàng hóa` instead of their label. */
  readonly sensitive: boolean;
  /** Flags implied by the category itself. */
  readonly flags: readonly GoodsFlag[];
}

const category = (
  id: GoodsCategory,
  vi: string,
  en: string,
  risk: number,
  flags: readonly GoodsFlag[] = [],
): GoodsCategoryInfo =>
  Object.freeze({ id, vi, en, risk, sensitive: flags.includes('sensitive'), flags: Object.freeze([...flags]) });

/** All categories, keyed by id, with their Vietnamese and English labels. */
export const GOODS_CATEGORIES: Readonly<Record<GoodsCategory, GoodsCategoryInfo>> = Object.freeze({
  intimate: category('intimate', 'Hàng cá nhân nhạy cảm', 'Intimate & adult', 15, ['sensitive']),
  medicine: category('medicine', 'Thuốc & thực phẩm chức năng', 'Medicine & supplements', 14, ['sensitive']),
  'jewelry-valuables': category('jewelry-valuables', 'Trang sức & đồng hồ', 'Jewelry, watches & valuables', 13, [
    'high-value',
  ]),
  electronics: category('electronics', 'Điện tử', 'Electronics', 12),
  'fresh-food': category('fresh-food', 'Thực phẩm tươi sống', 'Fresh food', 11, ['perishable']),
  cosmetics: category('cosmetics', 'Mỹ phẩm & làm đẹp', 'Cosmetics & beauty', 10),
  'mother-baby': category('mother-baby', 'Mẹ & bé', 'Mother & baby', 9),
  'vehicle-parts': category('vehicle-parts', 'Phụ tùng xe', 'Vehicle parts', 8),
  'home-kitchen': category('home-kitchen', 'Nhà cửa & đời sống', 'Home & kitchen', 7),
  sports: category('sports', 'Thể thao', 'Sports', 6),
  toys: category('toys', 'Đồ chơi', 'Toys', 5),
  food: category('food', 'Thực phẩm', 'Food & dried goods', 4),
  'books-documents': category('books-documents', 'Sách & tài liệu', 'Books & documents', 3),
  fashion: category('fashion', 'Thời trang', 'Fashion & shoes', 2),
  other: category('other', 'Hàng hóa', 'Other goods', 0),
});

/** One lexicon entry. See the module comment for how each field is used. */
export interface GoodsLexiconEntry {
  /** Stable id, `<category prefix>.<name>`; what `classifyGoods` reports in `matched`. */
  readonly id: string;
  /** The category an item named by this entry belongs to; `null` for modifiers. */
  readonly category: GoodsCategory | null;
  /** Terms that match with the relaxed rule (unaccented input matches). */
  readonly terms: readonly string[];
  /** Terms that need the same vowel-quality and tone marks as written. */
  readonly exact?: readonly string[];
  /** Flags when this entry names the item (or is a modifier). */
  readonly flags?: readonly GoodsFlag[];
  /** Flags this entry adds even when it only qualifies another item. */
  readonly alsoFlags?: readonly GoodsFlag[];
  /** When this entry qualifies an item of a `from` category, the item moves to `to`. */
  readonly promote?: { readonly from: readonly GoodsCategory[]; readonly to: GoodsCategory };
  /** Folded words that, immediately before the match, cancel it. */
  readonly notAfter?: readonly string[];
  /** Folded words that, immediately after the match, cancel it (`giả da` is faux leather, not a fake). */
  readonly notBefore?: readonly string[];
  /**
   * A qualifier phrase opener (`vị`, `màu`, `cho`, `dùng cho`, `size`): naming terms after it in
   * the same item describe the head, they do not name goods. `rest` extends to the end of the
   * segment (`tặng …`: a free gift decides nothing).
   */
  readonly qualifies?: 'item' | 'rest';
  /** Cancels a modifier's move of the same item into these categories (a fake luxury bag stays a bag). */
  readonly blocksPromotionTo?: readonly GoodsCategory[];
  /** A description that fires this entry. */
  readonly example: string;
}

const FOR_WORDS = ['cho', 'cua', 'hinh', 'in', 'danh', 'tai', 've', 'tiet', 'long', 'choi', 'bong', 'an', 'tam'] as const;

/** The lexicon. Order matters only as a tie-break between two matches on the same words. */
export const GOODS_LEXICON: readonly GoodsLexiconEntry[] = Object.freeze([
  //#region electronics
  {
    id: 'el.phone',
    category: 'electronics',
    terms: ['điện thoại', 'điện thoại di động', 'smartphone', 'phone', 'mobile phone', 'đtdđ'],
    flags: ['high-value', 'battery'],
    example: 'Điện thoại Samsung cũ',
  },
  {
    id: 'el.iphone',
    category: 'electronics',
    terms: ['iphone', 'iphone pro max'],
    flags: ['high-value', 'battery'],
    example: 'iPhone 15 Pro Max 256GB',
  },
  {
    id: 'el.ip-short',
    category: 'electronics',
    terms: ['ip'],
    example: 'op lung ip 14',
  },
  {
    id: 'el.phone-model',
    category: 'electronics',
    terms: ['galaxy', 'galaxy s', 'galaxy z', 'galaxy a', 'galaxy note', 'redmi', 'oppo', 'vivo', 'realme', 'oneplus',
      'tecno', 'infinix', 'vsmart', 'pixel', 'honor', 'huawei', 'nokia', 'poco'],
    flags: ['high-value', 'battery'],
    example: 'Samsung Galaxy S24 Ultra',
  },
  {
    id: 'el.brand',
    category: 'electronics',
    terms: ['samsung', 'xiaomi', 'apple', 'sony', 'lg', 'asus', 'acer', 'lenovo', 'hp', 'dell', 'msi', 'logitech', 'jbl',
      'anker', 'baseus', 'ugreen', 'tp link', 'tplink', 'kingston', 'sandisk', 'canon', 'nikon', 'fujifilm', 'marshall',
      'bose', 'sennheiser', 'razer', 'garmin', 'huawei watch', 'toshiba', 'sharp', 'tcl', 'casper'],
    example: 'hàng Xiaomi chính hãng',
  },
  {
    id: 'el.laptop',
    category: 'electronics',
    terms: ['laptop', 'máy tính xách tay', 'macbook', 'macbook air', 'macbook pro', 'thinkpad', 'chromebook', 'ultrabook'],
    flags: ['high-value', 'battery'],
    example: 'Laptop Dell Inspiron cũ',
  },
  {
    id: 'el.computer',
    category: 'electronics',
    terms: ['máy tính', 'máy tính để bàn', 'máy tính bàn', 'pc', 'imac', 'mac mini', 'cpu', 'vga', 'card màn hình',
      'card đồ họa', 'mainboard', 'bo mạch chủ', 'ram', 'nguồn máy tính', 'linh kiện máy tính', 'linh kiện điện tử'],
    flags: ['high-value'],
    example: 'Card màn hình RTX 3060',
  },
  {
    id: 'el.tablet',
    category: 'electronics',
    terms: ['máy tính bảng', 'ipad', 'ipad pro', 'ipad air', 'tablet', 'galaxy tab', 'kindle', 'máy đọc sách'],
    flags: ['high-value', 'battery'],
    example: 'may tinh bang ipad gen 9',
  },
  {
    id: 'el.earphones',
    category: 'electronics',
    terms: ['tai nghe', 'headphone', 'headphones', 'earphone', 'earphones', 'tai phone', 'tainghe', 'headset'],
    example: 'Tai nghe có dây',
  },
  {
    id: 'el.wireless-audio',
    category: 'electronics',
    terms: ['tai nghe bluetooth', 'tai nghe không dây', 'airpods', 'airpod', 'earbuds', 'loa bluetooth', 'buds',
      'galaxy buds', 'tai nghe true wireless'],
    flags: ['battery'],
    example: 'tai nghe airpods pro 2',
  },
  {
    id: 'el.speaker',
    category: 'electronics',
    terms: ['loa', 'loa kéo', 'loa vi tính', 'speaker', 'soundbar', 'micro', 'micro karaoke', 'mic thu âm', 'amply'],
    example: 'Loa vi tính mini',
  },
  {
    id: 'el.charger',
    category: 'electronics',
    terms: ['sạc', 'củ sạc', 'cốc sạc', 'cáp sạc', 'dây sạc', 'cáp', 'sạc nhanh', 'đế sạc', 'sạc không dây', 'adapter',
      'charger', 'cable', 'hub', 'hub usb', 'bộ chia'],
    example: 'Củ sạc nhanh 20W',
  },
  {
    id: 'el.powerbank',
    category: 'electronics',
    terms: ['sạc dự phòng', 'pin dự phòng', 'power bank', 'powerbank', 'pin sạc dự phòng', 'sạc pin dự phòng',
      'sạc dự phòng không dây', 'pin sạc dự phòng không dây'],
    flags: ['battery', 'dangerous-goods'],
    example: 'Sạc dự phòng 10000mAh',
  },
  {
    id: 'el.cell',
    category: 'electronics',
    terms: ['18650', '21700', '26650', '14500', '18350', '16340', 'pin 18650', 'pin 21700', 'cell pin', 'pin cell',
      'cell 18650', 'pin lithium rời', 'pin li ion', 'pin lipo', 'pin sạc 18650'],
    flags: ['battery', 'dangerous-goods'],
    example: 'Pin 18650 Samsung 3000mAh',
  },
  {
    id: 'el.battery',
    category: 'electronics',
    terms: ['pin', 'pin aa', 'pin aaa', 'pin tiểu', 'pin sạc', 'viên pin', 'pin cúc áo', 'battery', 'batteries',
      'pin lithium', 'pin điện thoại', 'pin laptop'],
    flags: ['battery'],
    example: 'Pin AA vỉ 4 viên',
  },
  {
    id: 'el.case',
    category: 'electronics',
    terms: ['ốp lưng', 'ốp', 'ốp điện thoại', 'oplung', 'bao da', 'case điện thoại', 'case', 'phone case', 'bao đựng tai nghe'],
    example: 'ốp lưng iphone 15',
  },
  {
    id: 'el.screen-protector',
    category: 'electronics',
    terms: ['cường lực', 'kính cường lực', 'miếng dán', 'dán màn hình', 'dán cường lực', 'screen protector', 'ppf'],
    example: 'Miếng dán cường lực iphone 13',
  },
  {
    id: 'el.peripheral',
    category: 'electronics',
    terms: ['chuột', 'chuột máy tính', 'chuột không dây', 'bàn phím', 'bàn phím cơ', 'keyboard', 'mouse', 'lót chuột',
      'bàn di chuột', 'webcam', 'máy in', 'printer', 'mực in', 'tay cầm', 'gamepad', 'tay cầm chơi game', 'màn hình',
      'monitor', 'điều khiển tivi', 'remote'],
    example: 'chuột không dây logitech',
  },
  {
    id: 'el.storage',
    category: 'electronics',
    terms: ['usb', 'thẻ nhớ', 'ổ cứng', 'ổ cứng di động', 'ssd', 'hdd', 'micro sd', 'sd card', 'flash drive', 'thẻ sd'],
    example: 'USB 64GB kingston',
  },
  {
    id: 'el.camera',
    category: 'electronics',
    terms: ['camera', 'camera wifi', 'camera giám sát', 'camera an ninh', 'camera hành trình', 'camera ip', 'cam hành trình'],
    example: 'Camera wifi giám sát trong nhà',
  },
  {
    id: 'el.camera-pro',
    category: 'electronics',
    terms: ['máy ảnh', 'máy quay', 'ống kính', 'ống kính máy ảnh', 'gopro', 'action cam', 'flycam', 'drone', 'dji',
      'máy ảnh film', 'lens máy ảnh'],
    flags: ['high-value', 'fragile', 'battery'],
    example: 'Máy ảnh Canon EOS M50',
  },
  {
    id: 'el.tv',
    category: 'electronics',
    terms: ['tivi', 'tv', 'smart tivi', 'ti vi', 'máy chiếu', 'projector', 'android tv box', 'tv box'],
    flags: ['high-value', 'fragile'],
    example: 'Smart tivi 55 inch',
  },
  {
    id: 'el.console',
    category: 'electronics',
    terms: ['máy chơi game', 'ps5', 'ps4', 'playstation', 'nintendo', 'nintendo switch', 'xbox', 'steam deck'],
    flags: ['high-value', 'battery'],
    example: 'Máy chơi game Nintendo Switch OLED',
  },
  {
    id: 'el.network',
    category: 'electronics',
    terms: ['router', 'bộ phát wifi', 'cục phát wifi', 'modem', 'bộ kích sóng', 'kích sóng wifi', 'wifi mesh', 'switch mạng',
      'dây mạng', 'sim 4g', 'usb 4g'],
    example: 'Router wifi TP-Link',
  },
  {
    id: 'el.smartwatch',
    category: 'electronics',
    terms: ['đồng hồ thông minh', 'smartwatch', 'smart watch', 'apple watch', 'galaxy watch', 'vòng đeo tay thông minh',
      'mi band', 'miband', 'đồng hồ định vị', 'amazfit'],
    flags: ['battery', 'high-value'],
    example: 'Apple Watch Series 9',
  },
  {
    id: 'el.gadget',
    category: 'electronics',
    terms: ['đèn livestream', 'gimbal', 'tripod', 'gậy tự sướng', 'giá đỡ điện thoại', 'máy tính casio', 'máy tính cầm tay',
      'bút cảm ứng', 'apple pencil', 'máy ghi âm', 'máy phiên dịch', 'thiết bị điện tử'],
    example: 'Gậy tự sướng bluetooth',
  },
  //#endregion
  //#region fashion
  {
    id: 'fa.top',
    category: 'fashion',
    terms: ['áo', 'áo thun', 'áo phông', 'áo sơ mi', 'sơ mi', 'áo khoác', 'áo len', 'áo polo', 'polo', 'hoodie', 'sweater',
      't shirt', 'tshirt', 'áo croptop', 'croptop', 'cardigan', 'blazer', 'áo vest', 'áo dài', 'jacket', 'shirt', 'áo gió',
      'áo nỉ', 'áo ba lỗ', 'áo tanktop', 'áo chống nắng', 'áo kiểu', 'áo blouse', 'áo măng tô', 'áo phao'],
    example: 'Áo thun nam cổ tròn',
  },
  {
    id: 'fa.bottom',
    category: 'fashion',
    terms: ['quần', 'quần jean', 'quần jeans', 'jean', 'jeans', 'quần short', 'quần đùi', 'short', 'quần tây', 'quần kaki',
      'kaki', 'chân váy', 'legging', 'jogger', 'pants', 'quần dài', 'quần ống rộng', 'quần baggy', 'quần culottes',
      'quần thun'],
    example: 'Quần jean nữ ống rộng',
  },
  {
    id: 'fa.dress',
    category: 'fashion',
    terms: ['váy', 'đầm', 'dress', 'jumpsuit', 'váy liền', 'đầm suông', 'yếm', 'váy cưới'],
    example: 'Váy hoa nhí dáng dài',
  },
  {
    id: 'fa.clothes',
    category: 'fashion',
    terms: ['quần áo', 'bộ đồ', 'đồ bộ', 'set đồ', 'đồ ngủ', 'pijama', 'pyjama', 'quần áo cũ', 'trang phục', 'đồng phục',
      'đồ bơi', 'bikini', 'áo tắm', 'thời trang', 'clothes', 'clothing', 'outfit'],
    example: 'Set đồ ngủ lụa',
  },
  {
    id: 'fa.shoes',
    category: 'fashion',
    terms: ['giày', 'sneaker', 'sneakers', 'dép', 'sandal', 'sandals', 'guốc', 'boot', 'boots', 'cao gót', 'giày cao gót',
      'giày búp bê', 'dép lào', 'dép lê', 'dép tổ ong', 'shoes', 'slipper', 'crocs', 'giày lười', 'giày tây', 'giày da',
      'giày thể thao', 'bốt', 'giày sục'],
    example: 'Giày sneaker trắng nữ size 37',
  },
  {
    id: 'fa.bag',
    category: 'fashion',
    terms: ['túi', 'túi xách', 'túi đeo chéo', 'túi tote', 'tote', 'balo', 'ba lô', 'backpack', 'ví da', 'bóp',
      'wallet', 'handbag', 'clutch', 'vali', 'va li', 'túi du lịch', 'túi đeo hông', 'túi vải'],
    exact: ['ví'],
    example: 'Túi xách nữ đeo chéo',
  },
  {
    id: 'fa.accessory',
    category: 'fashion',
    terms: ['mũ', 'nón', 'mũ lưỡi trai', 'nón lá', 'mũ len', 'khăn choàng', 'khăn quàng', 'khăn quàng cổ', 'thắt lưng',
      'dây nịt', 'belt', 'kính mát', 'kính râm', 'mắt kính', 'gọng kính', 'sunglasses', 'tất', 'socks', 'găng tay',
      'kẹp tóc', 'cột tóc', 'buộc tóc', 'dây buộc tóc', 'bờm', 'băng đô', 'cà vạt', 'cap', 'móc khóa', 'trâm cài',
      'phụ kiện thời trang'],
    exact: ['nơ', 'vớ'],
    example: 'Kính mát thời trang nữ',
  },
  {
    id: 'fa.fabric',
    category: 'fashion',
    terms: ['vải may', 'vải cotton', 'vải lụa', 'vải thun', 'vải kaki', 'vải jean', 'cuộn vải', 'vải may mặc', 'len đan'],
    example: 'Vải cotton khổ 1m6',
  },
  {
    id: 'fa.brand',
    category: 'fashion',
    terms: ['nike', 'adidas', 'uniqlo', 'zara', 'puma', 'converse', 'vans', 'mlb', 'new balance', 'fila', 'asics',
      'bitis', 'biti s', 'routine', 'yody', 'canifa', 'ivy moda', 'levi s', 'levis', 'charles keith', 'pedro'],
    example: 'Nike Air Force 1',
  },
  //#endregion
  //#region jewelry and valuables
  {
    id: 'jw.jewelry',
    category: 'jewelry-valuables',
    terms: ['nhẫn bạc', 'nhẫn vàng', 'nhẫn cưới', 'dây chuyền', 'mặt dây chuyền', 'vòng cổ', 'kiềng', 'necklace', 'bông tai', 'khuyên tai',
      'hoa tai', 'earring', 'earrings', 'lắc tay', 'lắc chân', 'vòng tay', 'bracelet', 'trang sức', 'jewelry',
      'jewellery', 'charm', 'ngọc trai', 'mặt ngọc'],
    exact: ['lắc', 'nhẫn'],
    example: 'Nhẫn bạc nữ',
  },
  {
    id: 'jw.precious',
    category: 'jewelry-valuables',
    terms: ['vàng 18k', 'vàng 24k', 'vàng 10k', 'vàng 14k', 'vàng tây', 'vàng ta', 'vàng miếng', 'vàng 9999', 'vàng nhẫn',
      'bạc 925', 'bạc ta', 'bạch kim', 'kim cương', 'đá quý', 'diamond', 'gold', 'ngọc bích', 'ngọc phỉ thúy', 'cẩm thạch',
      'đá phong thủy', 'trầm hương'],
    alsoFlags: ['high-value'],
    example: 'Bông tai kim cương',
  },
  {
    id: 'jw.watch',
    category: 'jewelry-valuables',
    terms: ['đồng hồ', 'đồng hồ đeo tay', 'đồng hồ nam', 'đồng hồ nữ', 'watch', 'casio', 'citizen', 'seiko', 'orient',
      'daniel wellington', 'curnon', 'fossil', 'g shock'],
    example: 'dong ho nam casio',
  },
  {
    id: 'jw.luxury',
    category: 'jewelry-valuables',
    terms: ['rolex', 'omega', 'tissot', 'longines', 'cartier', 'patek philippe', 'hublot', 'audemars piguet', 'louis vuitton',
      'lv', 'gucci', 'hermes', 'dior', 'prada', 'chanel', 'yves saint laurent', 'ysl', 'balenciaga', 'burberry', 'versace',
      'fendi', 'celine', 'goyard', 'bottega veneta', 'tiffany', 'pandora', 'pnj', 'doji', 'hàng hiệu', 'hàng xách tay hiệu'],
    alsoFlags: ['high-value'],
    promote: { from: ['fashion'], to: 'jewelry-valuables' },
    example: 'Túi Louis Vuitton chính hãng',
  },
  {
    id: 'jw.collectible',
    category: 'jewelry-valuables',
    terms: ['đồ cổ', 'tiền cổ', 'tiền xu cổ', 'tem sưu tầm', 'tranh sơn dầu', 'tranh sơn mài', 'tượng đồng', 'antique'],
    example: 'Đồ cổ gốm Chu Đậu',
  },
  //#endregion
  //#region cosmetics and beauty
  {
    id: 'co.lipstick',
    category: 'cosmetics',
    terms: ['son', 'son môi', 'son kem', 'son lì', 'son dưỡng', 'son dưỡng môi', 'son bóng', 'son tint', 'son thỏi',
      'lipstick', 'lip tint', 'lip balm', 'tint', 'dưỡng môi'],
    example: 'Son kem lì màu đỏ',
  },
  {
    id: 'co.skincare',
    category: 'cosmetics',
    terms: ['kem', 'kem dưỡng', 'kem dưỡng ẩm', 'kem dưỡng da', 'kem chống nắng', 'chống nắng', 'sunscreen',
      'sữa rửa mặt', 'srm', 'tẩy trang', 'mặt nạ', 'mặt nạ giấy', 'mask', 'kem trị mụn', 'trị mụn', 'tẩy tế bào chết',
      'tẩy da chết', 'serum', 'essence', 'lotion', 'moisturizer', 'cleanser', 'retinol', 'kem mắt', 'dưỡng ẩm',
      'dưỡng da', 'mỹ phẩm', 'skincare', 'kem body', 'kem trắng da', 'sữa dưỡng thể', 'body lotion', 'ampoule',
      'gel rửa mặt', 'kem face', 'tinh chất'],
    example: 'kem chống nắng Anessa 60ml',
  },
  {
    id: 'co.liquid-care',
    category: 'cosmetics',
    terms: ['nước tẩy trang', 'dầu tẩy trang', 'toner', 'nước hoa hồng', 'dầu gội', 'dầu gội đầu', 'dầu xả',
      'sữa tắm', 'shampoo', 'conditioner', 'nước súc miệng', 'body wash', 'micellar', 'dầu dưỡng tóc', 'xịt dưỡng tóc',
      'tinh dầu dưỡng tóc', 'sữa tắm gội'],
    flags: ['liquid'],
    example: 'Dầu gội bưởi Cocoon',
  },
  {
    id: 'co.perfume',
    category: 'cosmetics',
    terms: ['nước hoa', 'perfume', 'parfum', 'eau de parfum', 'eau de toilette', 'body mist', 'xịt thơm', 'nước hoa chiết',
      'nước hoa mini', 'nước hoa nam', 'nước hoa nữ', 'xịt thơm toàn thân', 'xịt thơm cơ thể', 'edp', 'edt', 'cologne',
      'tinh dầu nước hoa'],
    flags: ['liquid', 'fragile', 'dangerous-goods'],
    example: 'Nước hoa nữ 100ml',
  },
  {
    id: 'co.aerosol',
    category: 'cosmetics',
    terms: ['xịt khoáng', 'xịt khử mùi', 'keo xịt tóc', 'gôm xịt tóc', 'gôm xịt', 'dầu gội khô', 'xịt chống nắng',
      'bọt cạo râu', 'xịt tạo phồng', 'xịt giữ nếp', 'khử mùi dạng xịt'],
    flags: ['liquid', 'dangerous-goods'],
    example: 'Xịt khử mùi Nivea Men 150ml',
  },
  {
    id: 'co.makeup',
    category: 'cosmetics',
    terms: ['phấn', 'phấn phủ', 'phấn nền', 'phấn mắt', 'bảng phấn', 'phấn má', 'má hồng', 'kem nền', 'cushion', 'kẻ mắt',
      'bút kẻ mắt', 'eyeliner', 'mascara', 'chì kẻ mày', 'kẻ mày', 'che khuyết điểm', 'concealer', 'foundation', 'makeup',
      'trang điểm', 'mi giả', 'lông mi giả', 'cọ trang điểm', 'bông mút', 'highlight', 'tạo khối', 'kem lót', 'primer',
      'phấn nước', 'bút kẻ'],
    example: 'Phấn phủ kiềm dầu',
  },
  {
    id: 'co.nail',
    category: 'cosmetics',
    terms: ['sơn móng', 'sơn móng tay', 'sơn gel', 'nail', 'móng giả', 'móng tay giả', 'móng úp', 'dũa móng', 'kềm cắt da'],
    example: 'Sơn móng tay gel',
  },
  {
    id: 'co.nail-remover',
    category: 'cosmetics',
    terms: ['nước rửa móng', 'nước rửa móng tay', 'nước lau sơn móng', 'aceton tẩy sơn móng'],
    flags: ['liquid', 'dangerous-goods'],
    example: 'Nước rửa móng tay 100ml',
  },
  {
    id: 'co.wig',
    category: 'cosmetics',
    terms: ['tóc giả', 'tóc giả nữ', 'tóc giả nam', 'tóc nối', 'kẹp tóc giả', 'wig', 'mái giả', 'râu giả', 'lông mày giả'],
    example: 'Tóc giả nữ ngắn',
  },
  {
    id: 'co.haircare',
    category: 'cosmetics',
    terms: ['thuốc nhuộm tóc', 'nhuộm tóc', 'wax tóc', 'sáp vuốt tóc', 'gôm xịt tóc', 'keo xịt tóc', 'ủ tóc', 'kem ủ tóc',
      'dưỡng tóc', 'tẩy lông', 'kem tẩy lông', 'lăn khử mùi', 'khử mùi', 'deodorant', 'lược', 'lăn nách', 'sáp khử mùi'],
    example: 'Thuốc nhuộm tóc màu nâu',
  },
  {
    id: 'co.oral-shave',
    category: 'cosmetics',
    terms: ['kem đánh răng', 'bàn chải', 'bàn chải đánh răng', 'chỉ nha khoa', 'toothpaste', 'dao cạo', 'dao cạo râu',
      'máy cạo râu', 'bọt cạo râu', 'tăm nước', 'máy tăm nước'],
    example: 'Kem đánh răng PS',
  },
  {
    id: 'co.beauty-device',
    category: 'cosmetics',
    terms: ['máy rửa mặt', 'máy massage mặt', 'máy triệt lông', 'máy uốn tóc', 'máy duỗi tóc', 'máy là tóc', 'lược điện'],
    flags: ['battery'],
    example: 'Máy rửa mặt Foreo',
  },
  {
    id: 'co.brand',
    category: 'cosmetics',
    terms: ['anessa', 'la roche posay', 'cerave', 'bioderma', 'innisfree', 'laneige', 'maybelline', 'loreal', 'l oreal',
      '3ce', 'black rouge', 'romand', 'klairs', 'some by mi', 'cocoon', 'hada labo', 'senka', 'the ordinary', 'kiehl',
      'kiehl s', 'shiseido', 'sk ii', 'ohui', 'whoo', 'sulwhasoo', 'vichy', 'eucerin', 'nivea', 'hatomugi', 'dhc',
      'garnier', 'pond s', 'vaseline', 'clinique', 'estee lauder', 'nars', 'bobbi brown', 'colorkey', 'judydoll', 'merzy',
      'peripera', 'focallure', 'cetaphil', 'paula s choice', 'obagi', 'skin1004', 'skin 1004', 'foreo', 'bioré', 'biore',
      'sunplay', 'skin aqua', 'simple', 'tresemme', 'sunsilk', 'dove', 'head shoulders', 'clear men', 'romano'],
    example: 'Cerave 236ml',
  },
  //#endregion
  //#region food and dried goods
  {
    id: 'fd.dried-meat',
    category: 'food',
    terms: ['khô gà', 'khô bò', 'bò khô', 'thịt bò khô', 'khô heo', 'heo khô', 'khô mực', 'mực khô', 'cá khô', 'khô cá',
      'tôm khô', 'chà bông', 'ruốc', 'lạp xưởng', 'lạp sườn', 'xúc xích', 'mực rim', 'cá cơm khô', 'cơm cháy', 'khô gà lá chanh'],
    example: 'Khô gà lá chanh 500g',
  },
  {
    id: 'fd.snack',
    category: 'food',
    terms: ['bánh', 'bánh tráng', 'bánh tráng trộn', 'bánh quy', 'bánh kẹo', 'kẹo', 'snack', 'bim bim', 'bimbim',
      'khoai tây chiên', 'bánh pía', 'bánh đậu xanh', 'bánh trung thu', 'socola', 'sô cô la', 'chocolate', 'kẹo dẻo', 'mứt',
      'ô mai', 'rong biển', 'bánh gạo', 'cookie', 'cookies', 'candy', 'hạt', 'hạt điều', 'hạt dẻ', 'hạnh nhân', 'óc chó',
      'macca', 'hạt macca', 'granola', 'ngũ cốc', 'yến mạch', 'bánh mì', 'bánh bông lan', 'bánh tét', 'bánh chưng', 'kẹo dừa',
      'hạt hướng dương', 'đậu phộng', 'nho khô', 'trái cây sấy', 'hoa quả sấy', 'mít sấy', 'chuối sấy', 'bánh ăn vặt',
      'đồ ăn vặt', 'đồ khô', 'hạt chia', 'bánh gấu', 'bánh cracker', 'bánh in', 'bánh phồng tôm'],
    exact: ['lạc'],
    example: 'Bánh tráng trộn Tây Ninh',
  },
  {
    id: 'fd.beverage',
    category: 'food',
    terms: ['cà phê', 'cafe', 'coffee', 'trà', 'tea', 'trà sữa', 'trà túi lọc', 'cacao', 'ca cao', 'matcha', 'bột cacao',
      'cà phê hòa tan', 'ngũ cốc dinh dưỡng', 'bột ngũ cốc', 'trà thảo mộc', 'trà xanh', 'hồng trà', 'ô long', 'oolong',
      'nescafe', 'g7', 'milo', 'ovaltine'],
    notAfter: ['kiem'],
    example: 'Cà phê hạt rang xay 1kg',
  },
  {
    id: 'fd.drink-liquid',
    category: 'food',
    terms: ['nước ngọt', 'nước uống', 'nước suối', 'nước khoáng',
      'nước ép', 'sữa tươi', 'sữa hạt', 'sữa đậu nành', 'sữa', 'nước yến', 'nước tăng lực', 'coca', 'pepsi', 'siro trái cây',
      'vinamilk', 'th true milk', 'mật ong', 'honey', 'sữa đặc'],
    flags: ['liquid'],
    example: 'Mật ong rừng nguyên chất 1 lít',
  },
  {
    id: 'fd.alcohol',
    category: 'food',
    terms: ['rượu', 'rượu vang', 'vang', 'rượu vang đỏ', 'rượu vang trắng', 'vang đỏ', 'vang trắng', 'rượu nếp', 'rượu đế',
      'rượu cần', 'rượu ngâm', 'rượu thuốc', 'rượu mạnh', 'rượu ngoại', 'rượu sake', 'rượu soju', 'wine', 'beer', 'soju',
      'sake', 'whisky', 'whiskey', 'vodka', 'cognac', 'brandy', 'champagne', 'sâm panh', 'rum', 'tequila', 'gin', 'chivas',
      'johnnie walker', 'hennessy', 'remy martin', 'ballantine', 'jack daniel', 'macallan', 'jinro', 'choya', 'heineken',
      'tiger', 'sapporo', 'budweiser', 'corona', 'carlsberg', 'bia sài gòn', 'bia hà nội', 'bia tiger', 'bia lon', 'bia chai',
      'bia tươi', 'bia thủ công', 'craft beer', 'makgeolli', 'rượu mơ', 'rượu trái cây', 'cocktail', 'vang đà lạt'],
    exact: ['bia'],
    flags: ['liquid', 'alcohol'],
    alsoFlags: ['alcohol'],
    example: 'Bia Heineken thùng 24 lon',
  },
  {
    id: 'fd.condiment-liquid',
    category: 'food',
    terms: ['nước mắm', 'nước tương', 'xì dầu', 'dầu ăn', 'dầu hào', 'giấm', 'mắm', 'mắm tôm', 'mắm ruốc', 'mắm nêm',
      'dầu mè', 'dầu oliu', 'dầu olive', 'olive oil', 'tương ớt', 'tương cà', 'sốt', 'nước sốt', 'mắm cá'],
    flags: ['liquid'],
    example: 'nước mắm Phú Quốc 40 độ đạm',
  },
  {
    id: 'fd.condiment',
    category: 'food',
    terms: ['muối', 'muối tôm', 'đường', 'bột ngọt', 'mì chính', 'hạt nêm', 'gia vị', 'sa tế', 'tiêu', 'hạt tiêu', 'ớt bột',
      'bột canh', 'bột nêm', 'muối ớt', 'bột chiên', 'bột', 'bột mì', 'bột năng', 'bột nếp', 'hành phi', 'tỏi phi'],
    example: 'Muối tôm Tây Ninh',
  },
  {
    id: 'fd.staple',
    category: 'food',
    terms: ['gạo', 'gạo nếp', 'mì', 'mì tôm', 'mì gói', 'mì ăn liền', 'miến', 'bún', 'bún khô', 'phở khô', 'hủ tiếu', 'nui',
      'mì ý', 'pasta', 'đậu xanh', 'đậu đen', 'nấm hương', 'nấm khô', 'mộc nhĩ', 'bánh đa', 'đồ hộp',
      'cá hộp', 'pate', 'thực phẩm', 'đặc sản', 'đồ ăn', 'food', 'hảo hảo', 'omachi', 'cháo', 'cháo gói', 'yến sào',
      'tổ yến', 'yến'],
    exact: ['đỗ', 'đậu'],
    example: 'Gạo ST25 túi 5kg',
  },
  //#endregion
  //#region fresh food
  {
    id: 'ff.seafood',
    category: 'fresh-food',
    terms: ['hải sản', 'tôm', 'tôm hùm', 'tôm sú', 'cua biển', 'ghẹ', 'mực', 'mực ống', 'cá hồi', 'cá thu',
      'cá basa', 'ốc', 'hàu', 'nghêu', 'ngao', 'bạch tuộc', 'seafood', 'salmon', 'cá viên', 'mực một nắng', 'chả cá'],
    exact: ['cua', 'sò', 'cá'],
    example: 'cá hồi phi lê',
  },
  {
    id: 'ff.meat',
    category: 'fresh-food',
    terms: ['thịt', 'thịt bò', 'thịt heo', 'thịt lợn', 'thịt gà', 'gà ta', 'vịt', 'sườn', 'ba chỉ', 'meat', 'beef',
      'pork', 'chicken', 'chả', 'chả lụa', 'giò lụa', 'nem', 'nem chua', 'bò tơ', 'thịt dê', 'thịt trâu',
      'thịt xông khói', 'bacon', 'gà rán', 'vịt quay', 'heo quay', 'thịt xay', 'đùi gà', 'cánh gà', 'ức gà', 'gà ta thả vườn',
      'thăn bò', 'bắp bò', 'ba chỉ bò', 'ba chỉ heo', 'nạc vai', 'gà nguyên con'],
    exact: ['dê', 'giò', 'gà'],
    flags: ['plant-animal-quarantine'],
    example: 'Thịt bò Úc 1kg',
  },
  {
    id: 'ff.produce',
    category: 'fresh-food',
    terms: ['rau', 'rau củ', 'rau sạch', 'trái cây', 'hoa quả', 'táo', 'cam', 'xoài', 'sầu riêng', 'dâu tây',
      'chuối', 'bưởi', 'mít', 'vải thiều', 'thanh long', 'dưa hấu', 'dưa', 'bơ', 'chanh', 'ổi', 'mận',
      'măng cụt', 'chôm chôm', 'cherry', 'kiwi', 'lê', 'cà chua', 'cà rốt', 'khoai', 'khoai lang', 'khoai tây', 'bắp', 'ngô',
      'hành', 'tỏi', 'gừng', 'ớt', 'bạc hà', 'nấm tươi', 'nấm', 'fruit', 'fruits', 'vegetables', 'măng', 'hồng giòn',
      'lựu', 'mãng cầu', 'vú sữa', 'quýt', 'dừa', 'dừa xiêm', 'mướp', 'su su', 'rau má'],
    exact: ['nhãn', 'dâu', 'bí', 'nho', 'củ', 'đào'],
    example: 'Trái cây tươi: xoài cát Hòa Lộc',
  },
  {
    id: 'ff.chilled',
    category: 'fresh-food',
    terms: ['sữa chua', 'yogurt', 'yaourt', 'phô mai', 'cheese', 'kem tươi', 'kem que', 'kem ốc quế', 'bánh kem',
      'bánh sinh nhật', 'bánh flan', 'bơ lạt', 'whipping cream', 'đậu hũ', 'đậu phụ'],
    example: 'Bánh kem sinh nhật',
  },
  {
    id: 'ff.egg',
    category: 'fresh-food',
    terms: ['trứng', 'trứng gà', 'trứng vịt', 'trứng cút', 'trứng muối', 'egg', 'eggs', 'hột vịt lộn'],
    flags: ['fragile'],
    example: 'Trứng gà ta 30 quả',
  },
  {
    id: 'ff.flowers',
    category: 'fresh-food',
    terms: ['hoa tươi', 'bó hoa', 'hoa', 'hoa hồng', 'lẵng hoa', 'flowers', 'hoa lan', 'giỏ hoa'],
    flags: ['fragile'],
    example: 'Hoa tươi bó hồng đỏ',
  },
  //#endregion
  //#region medicine and supplements
  {
    id: 'md.drug',
    category: 'medicine',
    terms: ['thuốc', 'thuốc tây', 'thuốc bổ', 'thuốc cảm', 'thuốc ho', 'thuốc giảm đau', 'thuốc nhỏ mắt', 'nhỏ mắt',
      'thuốc nhỏ mũi', 'xịt mũi', 'kháng sinh', 'siro', 'siro ho', 'viên sủi', 'panadol', 'paracetamol', 'efferalgan',
      'berberin', 'medicine', 'dầu gió', 'dầu nóng', 'cao dán', 'salonpas', 'miếng dán giảm đau', 'băng dán', 'băng cá nhân',
      'urgo', 'rohto', 'v rohto', 'men tiêu hóa', 'thuốc nam', 'thuốc bắc', 'đông y', 'thuốc mỡ', 'thuốc bôi', 'cao xoa',
      'thuốc dạ dày', 'thuốc xịt', 'thuốc trị', 'thuốc tiêu hóa', 'hapacol', 'decolgen', 'tiffy', 'smecta', 'oresol',
      'berocca', 'eugica', 'strepsils', 'ibuprofen', 'aspirin', 'amoxicillin', 'augmentin', 'alaxan', 'telfast', 'zyrtec',
      'loratadin', 'omeprazol', 'gaviscon', 'yumangel', 'phosphalugel', 'enterogermina', 'hoạt huyết dưỡng não',
      'kem bôi trĩ', 'thuốc trĩ', 'bôi trĩ', 'titanoreine', 'thuốc nhỏ', 'thuốc uống', 'viên ngậm', 'nhỏ mũi'],
    example: 'Thuốc giảm đau Panadol',
  },
  {
    id: 'md.supplement',
    category: 'medicine',
    terms: ['thực phẩm chức năng', 'tpcn', 'thực phẩm bảo vệ sức khỏe', 'thực phẩm bảo vệ sức khoẻ', 'tpbvsk', 'vitamin',
      'vitamin tổng hợp', 'centrum', 'blackmores', 'boganic', 'kirkland', 'nature made', 'viên uống bổ sung', 'viên uống trắng da',
      'multivitamin', 'omega', 'biogaia', 'fish oil', 'ginkgo', 'viên sủi vitamin', 'bổ não', 'bổ mắt', 'viên uống', 'collagen', 'omega 3', 'dầu cá', 'canxi', 'men vi sinh', 'probiotic', 'nhân sâm', 'hồng sâm', 'sâm', 'đông trùng hạ thảo', 'đông trùng', 'tảo xoắn',
      'glucosamine', 'supplement', 'supplements', 'bổ gan', 'giải độc gan', 'tăng cân', 'giảm cân', 'viên giảm cân',
      'trà giảm cân', 'tăng chiều cao', 'dha', 'sắt bà bầu', 'biotin', 'viên bổ', 'sữa ong chúa', 'tinh nghệ', 'mầm đậu nành'],
    exact: ['kẽm'],
    example: 'Viên uống vitamin tổng hợp',
  },
  {
    id: 'md.device',
    category: 'medicine',
    terms: ['khẩu trang', 'khẩu trang y tế', 'máy đo huyết áp', 'huyết áp', 'nhiệt kế', 'máy đo đường huyết',
      'que thử', 'que thử thai', 'que test', 'test nhanh', 'test hiv', 'test nhanh hiv', 'test giang mai', 'que test giang mai',
      'bút thử thai', 'thử thai', 'que thử rụng trứng', 'oraquick', 'quickstick', 'clearblue', 'test covid', 'kit test', 'bông băng', 'gạc', 'kim tiêm', 'ống tiêm',
      'máy xông', 'máy xông mũi họng', 'máy đo spo2', 'xe lăn', 'máy trợ thính', 'nẹp', 'đai lưng', 'y tế',
      'dụng cụ y tế', 'thiết bị y tế', 'kính áp tròng', 'lens mắt', 'nước muối sinh lý'],
    exact: ['nạng'],
    example: 'Máy đo huyết áp Omron',
  },
  {
    id: 'md.alcohol',
    category: 'medicine',
    terms: ['cồn y tế', 'cồn 70', 'cồn 90', 'cồn 96', 'cồn sát trùng', 'oxy già', 'nước sát khuẩn'],
    exact: ['cồn'],
    flags: ['restricted', 'liquid', 'dangerous-goods'],
    example: 'Cồn 90 độ 500ml',
  },
  //#endregion
  //#region mother and baby
  {
    id: 'mb.diaper',
    category: 'mother-baby',
    terms: ['bỉm', 'tã dán', 'tã quần', 'bỉm quần', 'bỉm dán', 'tã giấy', 'tã vải', 'diaper', 'diapers', 'bobby', 'huggies',
      'merries', 'pampers', 'moony', 'goon', 'caryn', 'bim'],
    exact: ['tã'],
    example: 'Bỉm Bobby size M 76 miếng',
  },
  {
    id: 'mb.formula',
    category: 'mother-baby',
    terms: ['sữa bột', 'sữa công thức', 'aptamil', 'enfa', 'enfamil', 'enfagrow', 'similac', 'meiji', 'nan optipro',
      'friso', 'dielac', 'morinaga', 'glico', 'hipp', 'nutifood', 'grow plus', 'kid essentials', 'pediasure', 'bột ăn dặm'],
    example: 'Sữa bột Aptamil số 2',
  },
  {
    id: 'mb.feeding',
    category: 'mother-baby',
    terms: ['bình sữa', 'núm ti', 'ti giả', 'núm vú', 'máy hút sữa', 'hút sữa', 'ăn dặm', 'ghế ăn dặm', 'yếm ăn', 'máy hâm sữa',
      'máy tiệt trùng', 'tiệt trùng bình sữa', 'túi trữ sữa', 'pigeon', 'comotomo', 'avent', 'medela', 'spectra', 'cốc tập uống',
      'bình tập uống', 'bình tập hút', 'bình uống nước cho bé'],
    example: 'Bình sữa Pigeon 240ml',
  },
  {
    id: 'mb.gear',
    category: 'mother-baby',
    terms: ['xe đẩy', 'xe đẩy em bé', 'cũi', 'địu', 'đai địu', 'ghế ô tô cho bé', 'xe tập đi', 'quây cũi', 'khăn ướt',
      'khăn sữa', 'khăn xô', 'phấn rôm', 'mẹ và bé', 'đồ sơ sinh', 'baby', 'trẻ sơ sinh', 'chậu tắm', 'nhiệt kế phòng tắm',
      'gối chống trào ngược', 'túi ngủ em bé', 'nhộng chũn'],
    exact: ['nôi'],
    example: 'Khăn ướt không mùi',
  },
  {
    id: 'mb.newborn',
    category: 'mother-baby',
    terms: ['sơ sinh', 'newborn', 'bầu', 'bà bầu', 'mẹ bầu', 'sau sinh', 'đồ bầu', 'váy bầu', 'gối bầu'],
    promote: { from: ['fashion', 'home-kitchen'], to: 'mother-baby' },
    example: 'Quần áo sơ sinh cotton',
  },
  //#endregion
  //#region books, stationery and documents
  {
    id: 'bk.book',
    category: 'books-documents',
    terms: ['sách', 'truyện', 'truyện tranh', 'tiểu thuyết', 'manga', 'comic', 'comics', 'book', 'books', 'giáo trình',
      'sách giáo khoa', 'sgk', 'tạp chí', 'từ điển', 'artbook', 'lịch', 'lịch bloc', 'postcard', 'light novel',
      'sách nói', 'ebook', 'album ảnh', 'photobook', 'đắc nhân tâm'],
    example: 'Sách Đắc Nhân Tâm',
  },
  {
    id: 'bk.stationery',
    category: 'books-documents',
    terms: ['vở ô li', 'bút', 'bút bi', 'bút chì', 'bút mực', 'bút máy', 'bút dạ', 'bút highlight', 'thước', 'thước kẻ',
      'tẩy', 'gôm', 'giấy a4', 'giấy in', 'sổ tay', 'notebook', 'hộp bút', 'văn phòng phẩm', 'giấy note', 'giấy nhớ',
      'kẹp giấy', 'bìa hồ sơ', 'file tài liệu', 'băng dính', 'stationery', 'bút màu', 'màu nước', 'sáp màu', 'giấy màu',
      'thiên long', 'hồng hà', 'phấn viết'],
    exact: ['vở', 'sổ'],
    example: 'Vở ô li 10 cuốn',
  },
  {
    id: 'bk.documents',
    category: 'books-documents',
    terms: ['tài liệu', 'hồ sơ', 'giấy tờ', 'hợp đồng', 'hóa đơn', 'chứng từ', 'văn bản', 'bằng cấp', 'bằng tốt nghiệp',
      'giấy khai sinh', 'hộ chiếu', 'passport', 'visa', 'document', 'documents', 'thư', 'công văn', 'phong bì', 'giấy phép',
      'sổ đỏ', 'sổ hồng', 'cà vẹt', 'đăng ký xe', 'giấy tờ xe', 'thư mời', 'thiệp', 'thiệp cưới', 'hồ sơ xin việc',
      'bản gốc', 'bản sao', 'giấy chứng nhận', 'chứng chỉ', 'học bạ', 'căn cước', 'cccd', 'cmnd', 'bằng lái', 'thẻ ngân hàng'],
    flags: ['documents'],
    example: 'Hồ sơ xin việc',
  },
  //#endregion
  //#region home and kitchen
  {
    id: 'hk.cookware',
    category: 'home-kitchen',
    terms: ['nồi', 'chảo', 'nồi cơm điện', 'nồi chiên không dầu', 'nồi áp suất', 'nồi lẩu', 'bếp', 'bếp từ', 'bếp hồng ngoại',
      'bếp gas', 'bếp ga', 'ấm siêu tốc', 'ấm đun', 'bình giữ nhiệt', 'bình nước', 'hộp cơm', 'hộp đựng thực phẩm',
      'hộp nhựa', 'thớt', 'muỗng', 'thìa', 'đũa', 'máy xay', 'máy xay sinh tố', 'máy ép', 'máy ép chậm', 'lò vi sóng',
      'lò nướng', 'máy pha cà phê', 'dụng cụ nhà bếp', 'khay', 'rổ', 'kéo', 'nồi inox', 'bộ nồi', 'xửng hấp',
      'máy làm sữa hạt', 'máy đánh trứng', 'bình đun', 'ca nhựa', 'hộp đựng', 'lock lock', 'sunhouse', 'kangaroo',
      'bluestone', 'bình thủy', 'phích', 'ly giữ nhiệt', 'cốc giữ nhiệt', 'màng bọc thực phẩm', 'túi zip'],
    exact: ['giỏ', 'ấm'],
    example: 'Chảo chống dính 26cm',
  },
  {
    id: 'hk.tableware',
    category: 'home-kitchen',
    terms: ['ly', 'cốc', 'tách', 'bát', 'chén', 'bộ ấm chén', 'bộ bát đĩa', 'ly thủy tinh', 'cốc sứ', 'bình hoa',
      'lọ hoa', 'ấm trà', 'bộ ly', 'chén sứ', 'bát sứ', 'gương', 'gương soi', 'bể cá', 'hũ thủy tinh', 'bình thủy tinh'],
    exact: ['dĩa', 'đĩa', 'tô'],
    flags: ['fragile'],
    example: 'Bộ ly thủy tinh 6 cái',
  },
  {
    id: 'hk.knife',
    category: 'home-kitchen',
    terms: ['dao', 'dao bếp', 'dao gấp', 'dao phay', 'dao thái', 'bộ dao', 'knife', 'dao gọt', 'dao chặt', 'dao nhật',
      'dao đa năng', 'dao rọc giấy', 'dao xếp'],
    flags: ['restricted'],
    example: 'Dao gấp đa năng',
  },
  {
    id: 'hk.appliance',
    category: 'home-kitchen',
    terms: ['quạt', 'quạt điều hòa', 'quạt mini', 'quạt tích điện', 'máy lọc không khí', 'máy hút bụi', 'máy hút ẩm',
      'máy giặt', 'tủ lạnh', 'điều hòa', 'máy lạnh', 'bàn là', 'bàn ủi', 'máy sấy tóc', 'máy sấy', 'máy lọc nước',
      'bình nóng lạnh', 'máy sưởi', 'đèn ngủ', 'đèn led', 'bóng đèn', 'đèn bàn', 'đèn học', 'ổ cắm', 'ổ điện',
      'dây điện', 'công tắc', 'máy massage', 'ghế massage', 'máy khuếch tán', 'máy phun sương', 'cây nước nóng lạnh',
      'điện gia dụng', 'đồ gia dụng', 'gia dụng', 'philips', 'electrolux', 'panasonic', 'tiross', 'bàn ủi hơi nước',
      'máy hút mùi', 'khóa cửa', 'khóa vân tay', 'chuông cửa'],
    exact: ['đèn'],
    example: 'Máy xay sinh tố loại nhỏ; quạt điều hòa',
  },
  {
    id: 'hk.battery-appliance',
    category: 'home-kitchen',
    terms: ['robot hút bụi', 'máy hút bụi cầm tay', 'máy hút bụi không dây', 'đèn pin', 'đèn năng lượng mặt trời',
      'đèn sạc', 'máy khoan', 'máy khoan pin', 'máy bắn vít', 'máy cắt cỏ', 'roborock', 'ecovacs'],
    flags: ['battery'],
    example: 'Robot hút bụi lau nhà',
  },
  {
    id: 'hk.dyson',
    category: 'home-kitchen',
    terms: ['dyson'],
    flags: ['high-value'],
    alsoFlags: ['high-value'],
    example: 'Dyson V15 Detect',
  },
  {
    id: 'hk.textile',
    category: 'home-kitchen',
    terms: ['chăn', 'chăn ga gối', 'chăn ga', 'ga giường', 'ga trải giường', 'drap', 'gối', 'gối ôm', 'vỏ gối', 'mền', 'nệm',
      'đệm', 'rèm', 'rèm cửa', 'thảm', 'thảm trải sàn', 'thảm lau chân', 'khăn tắm', 'khăn mặt', 'khăn', 'màn', 'mùng',
      'chăn hè', 'topper', 'khăn trải bàn'],
    example: 'Chăn ga gối cotton',
  },
  {
    id: 'hk.furniture-decor',
    category: 'home-kitchen',
    terms: ['ghế', 'bàn học', 'bàn làm việc', 'ghế văn phòng', 'sofa', 'giường', 'móc treo',
      'móc quần áo', 'móc', 'tranh', 'tranh treo tường', 'tranh canvas', 'đồng hồ treo tường', 'đồng hồ báo thức', 'nến thơm', 'tinh dầu', 'tinh dầu thơm', 'chậu', 'chậu nhựa', 'chậu sứ', 'đất trồng', 'đất sạch', 'kéo cắt cành',
      'phân bón', 'khung ảnh', 'khung hình', 'khung tranh', 'decor', 'đồ trang trí', 'trang trí', 'túi rác', 'thùng rác', 'kệ để giày', 'giá treo', 'giá sách',
      'tủ quần áo', 'tủ nhựa', 'hộp đựng đồ', 'thùng nhựa', 'đèn trang trí', 'cây giả', 'hoa giả', 'hoa lụa', 'lịch treo tường',
      'hoa lụa giả', 'cành đào giả', 'cành giả', 'cỏ giả', 'thảm cỏ giả'],
    exact: ['nến', 'kệ', 'tủ', 'bàn'],
    example: 'Kệ để giày 5 tầng',
  },
  {
    id: 'hk.live-plant',
    category: 'home-kitchen',
    terms: ['hạt giống', 'cây giống', 'cây cảnh', 'sen đá', 'chậu cây', 'cây trồng', 'cây để bàn', 'cây kim tiền', 'cây lưỡi hổ',
      'cây trầu bà', 'cây hoa giấy', 'hoa giấy ghép', 'cây hoa', 'cây ăn quả', 'cây ăn trái', 'cành chiết', 'cây chiết',
      'cây ghép', 'củ giống', 'bonsai', 'cây bonsai', 'xương rồng', 'cây thủy sinh', 'cây phong thủy', 'cây cảnh mini',
      'cây lan', 'giò lan', 'kie lan', 'seeds', 'cây sen đá', 'hoa hồng leo', 'cây hoa hồng', 'cây giống bưởi'],
    flags: ['plant-animal-quarantine'],
    example: 'Hạt giống rau muống',
  },
  {
    id: 'hk.cleaning',
    category: 'home-kitchen',
    terms: ['nước giặt', 'nước rửa chén', 'nước rửa bát', 'nước lau sàn', 'nước lau kính', 'nước tẩy', 'nước tẩy bồn cầu',
      'nước xả vải', 'nước xả', 'nước rửa tay', 'omo', 'comfort', 'sunlight', 'downy', 'gift', 'javel', 'vim', 'lix'],
    flags: ['liquid'],
    example: 'Nước giặt Omo 3.7kg',
  },
  {
    id: 'hk.household',
    category: 'home-kitchen',
    terms: ['bột giặt', 'viên giặt', 'giấy vệ sinh', 'khăn giấy', 'giấy ăn', 'cây lau nhà', 'chổi', 'bộ lau nhà', 'găng tay cao su',
      'miếng rửa bát', 'túi thơm', 'sáp thơm', 'bình xịt tưới cây', 'đồ dùng nhà tắm', 'kệ nhà tắm', 'vòi sen', 'vòi nước',
      'bồn cầu', 'lavabo'],
    example: 'Giấy vệ sinh 10 cuộn',
  },
  {
    id: 'hk.tools',
    category: 'home-kitchen',
    terms: ['tua vít', 'búa', 'kìm', 'cờ lê', 'ốc vít', 'bộ dụng cụ', 'dụng cụ sửa chữa', 'thang nhôm', 'keo dán',
      'băng keo', 'ống nước', 'thước dây', 'mỏ lết', 'ke góc', 'bản lề', 'đinh', 'vít', 'súng bắn keo', 'súng keo', 'keo nến',
      'cây keo', 'súng bắn ốc', 'súng bắn vít', 'súng bắn đinh', 'súng bắn silicon', 'súng phun sơn', 'súng phun', 'súng hàn',
      'súng bắn tôn', 'súng xịt rửa xe', 'súng rửa xe', 'súng xịt nước', 'súng phun xịt', 'súng thổi hơi', 'súng thổi bụi',
      'súng bơm mỡ', 'súng khò', 'súng bắn nhiệt', 'súng đo nhiệt', 'súng đo nhiệt độ', 'súng bắn ghim',
      'súng tưới cây', 'súng massage', 'máy siết bulong', 'makita', 'bosch', 'dewalt', 'stanley'],
    exact: ['cưa', 'thang'],
    example: 'Bộ dụng cụ sửa chữa 46 món',
  },
  {
    id: 'hk.paint',
    category: 'home-kitchen',
    terms: ['sơn tường', 'sơn nước', 'sơn dầu', 'sơn chống thấm', 'sơn lót', 'sơn chống rỉ', 'bột trét', 'dulux', 'jotun'],
    exact: ['sơn'],
    flags: ['liquid'],
    example: 'Sơn tường chống thấm 5L',
  },
  {
    id: 'hk.spray-paint',
    category: 'home-kitchen',
    terms: ['sơn xịt', 'bình xịt sơn', 'sơn phun', 'xịt côn trùng', 'bình xịt côn trùng', 'raid', 'xịt muỗi', 'xịt kiến'],
    flags: ['restricted', 'liquid', 'dangerous-goods'],
    example: 'Sơn xịt mạ chrome',
  },
  //#endregion
  //#region toys
  {
    id: 'ty.toy',
    category: 'toys',
    terms: ['đồ chơi', 'toy', 'toys', 'lego', 'xếp hình', 'lắp ráp', 'gấu bông', 'thú bông', 'búp bê', 'barbie',
      'xe điều khiển', 'ô tô điều khiển', 'điều khiển từ xa', 'rubik', 'mô hình', 'figure', 'slime', 'đất nặn', 'xe đồ chơi',
      'bóng bay', 'diều', 'cờ vua', 'cờ tướng', 'board game', 'boardgame', 'uno', 'bộ bài', 'gundam', 'pokemon',
      'squishy', 'con quay', 'yoyo', 'đồ chơi nấu ăn', 'đồ chơi trẻ em', 'xe chòi chân', 'bập bênh', 'cầu trượt',
      'nhà bóng', 'puzzle', 'ghép hình', 'trò chơi', 'bộ đồ chơi', 'labubu', 'blind box', 'doll', 'plush', 'chó bông',
      'mèo bông', 'chó nhồi bông', 'thỏ bông', 'play doh', 'xe mô hình', 'mô hình xe'],
    // `xe ô tô đồ chơi`, `nồi cơm đồ chơi`: a toy version of another product is a toy.
    promote: { from: ['vehicle-parts', 'electronics', 'home-kitchen', 'sports'], to: 'toys' },
    example: 'Lego city xe cứu hỏa',
  },
  {
    id: 'ty.toy-gun',
    category: 'toys',
    terms: ['súng đồ chơi', 'súng bắn đạn thạch', 'súng bắn đạn xốp', 'súng nerf', 'nerf', 'súng nước', 'súng bắn nước',
      'súng phun nước', 'súng nhựa', 'súng bắn bi', 'súng bắn đạn nhựa', 'súng đạn thạch', 'súng bắn bong bóng'],
    flags: ['restricted'],
    example: 'Súng đồ chơi cho bé',
  },
  //#endregion
  //#region sports
  {
    id: 'sp.gear',
    category: 'sports',
    terms: ['vợt', 'vợt cầu lông', 'cầu lông', 'quả cầu', 'bóng đá', 'quả bóng', 'bóng rổ', 'bóng chuyền', 'bóng bàn',
      'bóng', 'thảm yoga', 'thảm tập', 'thảm tập yoga', 'yoga', 'gym', 'tạ tay', 'tạ đơn', 'tạ đòn', 'bánh tạ', 'dây nhảy',
      'nhảy dây', 'găng tay boxing', 'boxing', 'găng đấm', 'bao cát', 'xà đơn', 'máy chạy bộ', 'xe đạp', 'xe đạp tập',
      'giày đá bóng', 'giày chạy bộ', 'giày bóng rổ', 'giày cầu lông', 'kính bơi', 'phao bơi', 'cần câu', 'câu cá',
      'mồi câu', 'máy câu', 'lều', 'lều cắm trại', 'cắm trại', 'túi ngủ', 'golf', 'gậy golf', 'pickleball', 'tennis',
      'vợt tennis', 'whey', 'whey protein', 'protein', 'bình lắc', 'con lăn', 'ván trượt', 'skateboard', 'patin',
      'giày patin', 'dụng cụ thể thao', 'găng tay tập gym', 'găng tay gym', 'găng tay tập', 'găng tay xe đạp', 'quần áo bóng đá', 'áo bóng đá',
      'quần áo thể thao', 'đồ thể thao', 'áo thể thao', 'đồ tập gym', 'dây kháng lực', 'đai lưng tập gym', 'yonex', 'lining', 'li ning',
      'kamito', 'decathlon', 'bình nước thể thao', 'áo đấu', 'bộ quần áo bóng đá', 'găng tay thủ môn'],
    exact: ['tạ'],
    example: 'Vợt cầu lông Yonex',
  },
  //#endregion
  //#region vehicle parts
  {
    id: 'vp.part',
    category: 'vehicle-parts',
    terms: ['mũ bảo hiểm', 'nón bảo hiểm', 'lốp', 'lốp xe', 'vỏ xe', 'săm', 'săm xe', 'ruột xe', 'phanh', 'má phanh',
      'đĩa phanh', 'gương chiếu hậu', 'kính chiếu hậu', 'đèn xe', 'đèn pha', 'xi nhan', 'bugi', 'xích', 'nhông xích',
      'nhông sên dĩa', 'phụ tùng', 'phụ tùng xe', 'phụ kiện xe máy', 'phụ kiện ô tô', 'bọc vô lăng', 'đèn trợ sáng',
      'đèn led xe máy', 'vô lăng', 'thảm lót sàn ô tô', 'bơm lốp', 'bơm xe', 'bạc đạn', 'vòng bi', 'bánh xe',
      'yên xe', 'baga', 'chắn bùn', 'honda', 'yamaha', 'suzuki', 'piaggio', 'vespa', 'lọc gió', 'lọc nhớt', 'cần gạt mưa',
      'áo trùm xe', 'bạt phủ xe', 'khóa xe', 'khóa đĩa', 'tay thắng', 'dây curoa', 'gác chân', 'nồi xe', 'pô xe', 'ống xả',
      'lọc xăng', 'bình xăng con', 'bình xăng', 'phao xăng', 'bơm xăng', 'nắp bình xăng', 'nắp xăng', 'ống xăng', 'dây xăng',
      'kim phun xăng', 'khóa xăng', 'van xăng', 'cảm biến xăng', 'đồng hồ xăng', 'cổ xăng', 'chế hòa khí'],
    exact: ['sên'],
    example: 'Lốp xe máy Michelin',
  },
  {
    id: 'vp.vehicle',
    category: 'vehicle-parts',
    // The vehicle itself; after another head it names a vehicle accessory (`đèn led xe máy`,
    // `áo mưa đi xe máy`, `nước hoa ô tô`). Car electronics stay electronics (`camera hành trình ô tô`).
    terms: ['xe máy', 'ô tô', 'oto', 'xe hơi', 'xe tay ga', 'xe số'],
    promote: { from: ['home-kitchen', 'cosmetics', 'fashion'], to: 'vehicle-parts' },
    example: 'Máy hút bụi ô tô mini',
  },
  {
    id: 'vp.oil',
    category: 'vehicle-parts',
    terms: ['nhớt', 'dầu nhớt', 'nhớt xe', 'motul', 'castrol', 'shell advance', 'dầu phanh', 'nước làm mát', 'dầu hộp số',
      'nước rửa xe', 'dung dịch vệ sinh sên'],
    flags: ['liquid'],
    example: 'Nhớt Castrol 1L',
  },
  {
    id: 'vp.lead-battery',
    category: 'vehicle-parts',
    terms: ['ắc quy', 'bình ắc quy', 'acquy', 'ắc quy xe máy', 'ắc quy ô tô'],
    flags: ['battery', 'restricted'],
    example: 'ắc quy ô tô 12V',
  },
  {
    id: 'vp.e-vehicle',
    category: 'vehicle-parts',
    terms: ['xe đạp điện', 'xe máy điện', 'xe điện', 'xe scooter điện', 'xe điện cân bằng', 'vinfast', 'yadea', 'pega',
      'pin xe điện', 'sạc xe điện'],
    flags: ['battery', 'high-value'],
    example: 'Xe đạp điện Yadea',
  },
  //#endregion
  //#region intimate and adult
  {
    id: 'in.adult',
    category: 'intimate',
    terms: ['bao cao su', 'bcs', 'condom', 'condoms', 'durex', 'okamoto', 'sagami', 'gel bôi trơn', 'bôi trơn', 'lube',
      'đồ chơi người lớn', 'sextoy', 'sex toy', 'sex', 'trứng rung', 'dương vật giả', 'máy rung', 'thuốc cường dương',
      'cường dương', 'tăng cường sinh lý', 'sinh lý', 'sinh lý nam', 'xtoy', 'adult toy', 'vibrator', 'gel tăng khoái cảm',
      'jex', 'play gel', 'durex play', 'tenga', 'lelo', 'svakom', 'womanizer', 'fleshlight', 'âm đạo giả', 'cốc thủ dâm',
      'viagra', 'cialis', 'thuốc tránh thai', 'postinor', 'bcs ok', 'bao cao su ok', 'máy rung massage', 'đồ chơi tình yêu',
      'cốc nguyệt san', 'đồ chơi tình dục'],
    example: 'Bao cao su hộp 12',
  },
  {
    id: 'in.lingerie',
    category: 'intimate',
    terms: ['nội y', 'đồ lót', 'quần lót', 'áo lót', 'áo ngực', 'lingerie', 'quần chip', 'bra', 'đồ ngủ sexy', 'váy ngủ sexy',
      'quần sịp', 'sịp', 'áo bra', 'quần lọt khe', 'underwear', 'boxer', 'quần boxer', 'miếng dán ngực', 'đồ ngủ ren',
      'váy ngủ ren', 'đầm ngủ sexy', 'bộ đồ lót', 'áo ngực ren', 'bralette', 'corset', 'nội y sexy', 'cosplay sexy'],
    example: 'Đồ lót nữ ren',
  },
  {
    id: 'in.feminine',
    category: 'intimate',
    terms: ['băng vệ sinh', 'dung dịch vệ sinh', 'dung dịch vệ sinh phụ nữ', 'vệ sinh phụ nữ', 'dung dịch vệ sinh nam',
      'tampon', 'kotex', 'laurier', 'whisper', 'lactacyd', 'dạ hương'],
    example: 'Băng vệ sinh ban đêm',
  },
  {
    id: 'in.sexy',
    category: null,
    terms: ['sexy', 'gợi cảm', 'xuyên thấu', 'hở lưng sexy', 'quyến rũ', 'khiêu gợi', 'ren xuyên thấu', 'lọt khe'],
    promote: { from: ['fashion'], to: 'intimate' },
    example: 'Váy ngủ lụa sexy',
  },
  //#endregion
  //#region restricted goods (acceptance must stop or check)
  {
    id: 'rs.fireworks',
    category: 'other',
    terms: ['pháo', 'pháo hoa', 'pháo nổ', 'pháo bông', 'pháo sáng', 'pháo giấy', 'pháo dây', 'pháo tết', 'fireworks',
      'firecracker', 'firecrackers', 'thuốc nổ', 'kíp nổ', 'thuốc pháo', 'explosive', 'explosives', 'bom', 'lựu đạn',
      'thuốc súng'],
    flags: ['restricted'],
    example: 'Pháo hoa tết',
  },
  {
    id: 'rs.weapons',
    category: 'other',
    terms: ['súng', 'súng hơi', 'dao bấm', 'dao bấm tự động', 'dao phóng', 'dao quân dụng', 'súng bắn', 'súng săn', 'súng ngắn', 'súng điện', 'dao găm', 'mã tấu', 'côn nhị khúc',
      'roi điện', 'dùi cui', 'dùi cui điện', 'bình xịt hơi cay', 'xịt hơi cay', 'hơi cay', 'cung tên', 'ná cao su',
      'weapon', 'weapons', 'gun', 'guns', 'airsoft', 'đạn', 'đạn chì', 'lưỡi lê', 'quả đấm sắt', 'gậy ba khúc', 'taser'],
    flags: ['restricted'],
    exact: ['nỏ', 'kiếm', 'đạn'],
    example: 'Súng hơi',
  },
  {
    id: 'rs.drugs',
    category: 'other',
    terms: ['ma túy', 'ma tuý', 'cần sa', 'weed', 'cỏ mỹ', 'thuốc lắc', 'heroin', 'cocaine', 'ketamine', 'nấm thần',
      'nấm ảo giác', 'bóng cười', 'khí cười', 'n2o', 'hàng đá', 'marijuana', 'cannabis', 'thuốc phiện', 'thuốc gây nghiện'],
    flags: ['restricted'],
    example: 'Bóng cười',
  },
  {
    id: 'rs.flammable',
    category: 'other',
    terms: ['xăng', 'xăng thơm', 'dầu hỏa', 'dầu lửa', 'cồn khô', 'bật lửa', 'hộp quẹt', 'quẹt ga', 'zippo', 'gas', 'bình gas',
      'bình ga', 'khí gas', 'bình gas mini', 'ga mini', 'lon gas', 'nạp gas', 'bình xịt', 'aerosol', 'chất dễ cháy', 'dễ cháy',
      'lighter', 'gasoline', 'petrol', 'diesel', 'dầu diesel', 'dầu máy', 'xăng dầu', 'hóa chất', 'thuốc trừ sâu',
      'thuốc diệt cỏ', 'thuốc diệt chuột', 'thuốc diệt côn trùng', 'axit sunfuric', 'acetone', 'axeton', 'dung môi',
      'chất tẩy sơn', 'dầu thông', 'bật lửa khè', 'hộp quẹt điện', 'xăng bật lửa', 'gas bật lửa'],
    exact: ['diêm'],
    flags: ['restricted', 'dangerous-goods'],
    example: 'Bình gas mini du lịch',
  },
  {
    id: 'rs.live-animals',
    category: 'other',
    terms: ['mèo', 'mèo con', 'mèo anh', 'mèo ba tư', 'thú cưng', 'chim', 'chim cảnh', 'chim yến', 'cá cảnh', 'cá betta',
      'cá koi', 'cá la hán', 'bò sát', 'hamster', 'chuột hamster', 'rùa', 'gà con', 'vịt con', 'động vật sống', 'con giống',
      'live animal', 'live animals', 'puppy', 'kitten', 'poodle', 'corgi', 'husky', 'alaska', 'pug', 'chihuahua', 'phốc sóc',
      'thằn lằn', 'kỳ nhông', 'nhím cảnh', 'vẹt', 'chim cu', 'gà chọi', 'gà đá', 'gà sống', 'vịt sống', 'cá sống',
      'chào mào', 'chim chào mào', 'chim sáo', 'họa mi', 'cá rồng', 'cá vàng', 'cá 7 màu', 'cá bảy màu',
      'mèo anh lông ngắn', 'mèo anh lông dài', 'mèo munchkin', 'chó cảnh', 'thú cảnh'],
    exact: ['sóc', 'chó', 'chó con', 'thỏ', 'rắn', 'thỏ con'],
    flags: ['restricted', 'plant-animal-quarantine'],
    notAfter: FOR_WORDS,
    example: 'Chó con Poodle',
  },
  {
    id: 'rs.cash',
    category: 'other',
    terms: ['tiền mặt', 'cash', 'tiền lì xì', 'phong bì tiền', 'ngoại tệ', 'đô la', 'đôla', 'tiền việt', 'tiền polime',
      'séc', 'vé số', 'thẻ cào'],
    flags: ['restricted', 'high-value'],
    example: 'Tiền mặt',
  },
  {
    id: 'rs.counterfeit',
    category: null,
    terms: ['hàng giả', 'hàng nhái', 'fake', 'hàng fake', 'super fake', 'replica', 'rep', 'hàng rep', 'like auth', 'like au',
      'like authentic', 'rep 1 1', 'fake 1 1', 'siêu cấp', 'hàng siêu cấp', 'nhái'],
    exact: ['giả'],
    flags: ['restricted'],
    blocksPromotionTo: ['jewelry-valuables'],
    // `giả` names a fake only when it qualifies branded goods, not inside a compound of its own.
    notAfter: ['toc', 'mi', 'mong', 'hoa', 'cay', 'rang', 'tac', 'nha', 'long', 'rau', 'may', 'canh', 'co', 'moi', 'ti',
      'vat', 'mat', 'tham', 'dao', 'thuc', 'ngon'],
    notBefore: ['da', 'go', 'kim', 'lap', 'co', 'vo', 'thuyet', 'dinh', 'tuong', 'trang', 'ngoc', 'su', 'nai'],
    example: 'Giày Nike like auth',
  },
  {
    id: 'rs.e-cigarette',
    category: 'other',
    terms: ['thuốc lá điện tử', 'vape', 'pod', 'pod system', 'tinh dầu vape', 'tinh dầu pod', 'juice vape', 'shisha',
      'thuốc lá nung nóng', 'iqos', 'đầu pod', 'occ', 'coil vape', 'e cigarette', 'pod vape', 'salt nic', 'vaporesso',
      'tinh dầu salt nic', 'juice', 'saltnic', 'freebase'],
    flags: ['restricted', 'battery', 'dangerous-goods'],
    alsoFlags: ['dangerous-goods'],
    example: 'Thuốc lá điện tử pod',
  },
  //#endregion
  //#region other
  {
    id: 'ot.tobacco',
    category: 'other',
    terms: ['thuốc lá', 'xì gà', 'cigar', 'thuốc lào'],
    example: 'Thuốc lá Marlboro',
  },
  {
    id: 'ot.generic',
    category: 'other',
    terms: ['hành lý', 'quà tặng', 'hàng mẫu', 'sample', 'đồ dùng cá nhân', 'hàng cá nhân', 'linh kiện', 'hàng hóa', 'hàng hoá',
      'bưu phẩm', 'bưu kiện', 'gift', 'hộp quà', 'đồ cá nhân', 'tư trang', 'hàng tổng hợp', 'hàng order', 'đồ thờ',
      'nhang', 'vàng mã', 'hương trầm', 'tranh thêu', 'đồ handmade', 'handmade'],
    exact: ['quà'],
    example: 'Quà tặng sinh nhật',
  },
  {
    id: 'ot.for-pets',
    category: null,
    // `pate … cho mèo`, `áo cho chó`: made for a pet, so pet supplies whatever the head noun.
    terms: ['cho mèo', 'cho chó', 'cho chó mèo', 'cho thú cưng', 'cho cá cảnh', 'cho pet', 'cho boss', 'cho thú nuôi'],
    promote: { from: ['food', 'fresh-food', 'home-kitchen', 'fashion', 'toys', 'cosmetics', 'mother-baby'], to: 'other' },
    example: 'Pate Whiskas cho mèo',
  },
  {
    id: 'ot.pet-supplies',
    category: 'other',
    terms: ['thức ăn cho mèo', 'thức ăn cho chó', 'thức ăn cho cá', 'thức ăn thú cưng', 'hạt cho mèo', 'hạt cho chó',
      'cát vệ sinh', 'cát mèo', 'pate cho mèo', 'pate mèo', 'đồ cho thú cưng', 'chuồng', 'lồng chim', 'dây dắt', 'vòng cổ chó',
      'cào móng mèo', 'whiskas', 'royal canin', 'pedigree', 'thức ăn chăn nuôi', 'dây dắt chó', 'dây dắt mèo', 'chuồng chó',
      'chuồng mèo', 'rọ mõm', 'rọ mõm chó', 'bát ăn chó', 'bát ăn cho chó', 'nhà cho chó', 'lược chải lông', 'cát vệ sinh cho mèo',
      'đồ chơi cho mèo', 'đồ chơi cho chó', 'pate cho chó', 'sữa tắm cho chó', 'áo cho chó', 'vòng cổ cho chó', 'vòng cổ mèo',
      'thức ăn cho cá cảnh', 'thức ăn hạt cho chó', 'thức ăn hạt cho mèo', 'smartheart', 'ganador', 'bát ăn đôi'],
    exact: ['cám'],
    example: 'Thức ăn cho mèo Whiskas',
  },
  //#endregion
  //#region modifiers (flags only, or move the item they qualify)
  {
    id: 'mk.qualifier',
    category: null,
    // Flavour, scent, colour, pattern, size, brand-origin and compatibility phrases describe the
    // head noun: `pod vape vị bạc hà` is a vape, `ốp lưng cho iPhone` a case, `áo in hình mèo` a shirt.
    terms: ['vị', 'hương', 'mùi', 'mùi hương', 'hương vị', 'màu', 'màu sắc', 'họa tiết', 'hoạ tiết', 'in hình', 'hình', 'cho',
      'dùng cho', 'dành cho', 'tương thích', 'phù hợp', 'thay thế', 'size', 'kiểu', 'phong cách', 'style', 'flavor',
      'flavour', 'scent', 'for', 'color', 'colour', 'mẫu', 'chính hãng', 'xuất xứ', 'made in'],
    qualifies: 'item',
    example: 'Pod vape vị bạc hà',
  },
  {
    id: 'mk.gift',
    category: null,
    // A free gift (`tặng …`, `quà tặng kèm …`) never names the parcel; its flags still count.
    terms: ['tặng', 'tặng kèm', 'quà tặng kèm', 'khuyến mãi', 'freeship', 'voucher', 'mã giảm'],
    qualifies: 'rest',
    example: 'Súng bắn keo tặng 10 cây keo',
  },
  {
    id: 'mk.fragile',
    category: null,
    terms: ['dễ vỡ', 'hàng dễ vỡ', 'fragile', 'thủy tinh', 'thuỷ tinh', 'gốm', 'gốm sứ', 'pha lê', 'kính', 'glass', 'ceramic',
      'đồ sứ', 'sành sứ'],
    exact: ['sứ'],
    flags: ['fragile'],
    example: 'Hàng dễ vỡ, xin nhẹ tay',
  },
  {
    id: 'mk.liquid',
    category: null,
    terms: ['chất lỏng', 'liquid', 'ml', 'lít', 'chai', 'can nhựa', 'dạng nước', 'dạng lỏng'],
    flags: ['liquid'],
    example: 'Nước rửa rau 500ml',
  },
  {
    id: 'mk.perishable',
    category: null,
    terms: ['tươi', 'tươi sống', 'đông lạnh', 'ướp lạnh', 'frozen', 'fresh', 'hàng lạnh', 'bảo quản lạnh', 'hàng tươi',
      'còn sống', 'sống'],
    flags: ['perishable'],
    promote: { from: ['food'], to: 'fresh-food' },
    example: 'Bánh bao đông lạnh',
  },
  {
    id: 'mk.dried',
    category: null,
    terms: ['khô', 'sấy', 'sấy khô', 'sấy dẻo', 'sấy giòn', 'dried', 'một nắng rim'],
    promote: { from: ['fresh-food'], to: 'food' },
    example: 'Mực sấy khô',
  },
  {
    id: 'mk.battery',
    category: null,
    terms: ['có pin', 'lithium', 'li ion', 'lipo', 'mah', 'tích điện'],
    flags: ['battery'],
    example: 'Quạt mini tích điện',
  },
  {
    id: 'mk.place',
    category: null,
    // Place names that contain a goods word (`Sóc Trăng` is not a squirrel, `Lạng Sơn` not paint).
    // Matching them whole hides the word inside; specialties are often named after provinces.
    terms: ['sóc trăng', 'lạng sơn', 'sơn la', 'sơn tây', 'trà vinh', 'trà cú', 'cà mau', 'bạc liêu', 'hà giang',
      'cao bằng', 'hòa bình', 'long an', 'bến tre', 'đà lạt', 'tây ninh', 'phú quốc', 'nha trang', 'mỹ tho', 'cần thơ',
      'sơn trà', 'củ chi', 'hội an', 'đồng nai', 'sa pa', 'sapa'],
    example: 'Bánh pía Sóc Trăng',
  },
  //#endregion
] satisfies readonly GoodsLexiconEntry[]);
