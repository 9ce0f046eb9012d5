// Made-up reference data for the demo (and the benchmark generator): Russian cities with their
// tax offices, phone codes and streets; companies of a wholesale business; people's names.

export interface City {
  name: string;
  /** Codes of real tax offices of the city: the first 4 digits of INN and KPP. */
  taxOffices: string[];
  phoneCodes: string[];
  postcode: [number, number];
  streets: string[];
}

export const CITIES: Record<string, City> = {
  moscow: {
    name: 'г. Москва',
    taxOffices: ['7736', '7701', '7705', '7714', '7728'],
    phoneCodes: ['495', '499'],
    postcode: [101000, 129999],
    streets: [
      'ул. Тверская',
      'Ленинский пр-т',
      'ул. Профсоюзная',
      'Варшавское ш.',
      'ул. Большая Ордынка',
      'Огородный пр-д',
      'ул. Новослободская',
    ],
  },
  spb: {
    name: 'г. Санкт-Петербург',
    taxOffices: ['7810', '7802', '7813', '7842'],
    phoneCodes: ['812'],
    postcode: [190000, 199999],
    streets: ['Невский пр-т', 'Московский пр-т', 'ул. Савушкина', 'Лиговский пр-т', 'ул. Марата'],
  },
  ekb: {
    name: 'г. Екатеринбург',
    taxOffices: ['6671', '6658', '6670'],
    phoneCodes: ['343'],
    postcode: [620000, 620150],
    streets: ['ул. Малышева', 'ул. 8 Марта', 'ул. Фронтовых Бригад', 'пр-т Ленина'],
  },
  nsk: {
    name: 'г. Новосибирск',
    taxOffices: ['5406', '5404', '5410'],
    phoneCodes: ['383'],
    postcode: [630000, 630130],
    streets: ['Красный пр-т', 'ул. Фрунзе', 'ул. Станционная', 'ул. Большевистская'],
  },
  kazan: {
    name: 'г. Казань',
    taxOffices: ['1655', '1657', '1659'],
    phoneCodes: ['843'],
    postcode: [420000, 420140],
    streets: ['ул. Баумана', 'пр-т Победы', 'ул. Восстания', 'ул. Островского'],
  },
  nnov: {
    name: 'г. Нижний Новгород',
    taxOffices: ['5260', '5257', '5263'],
    phoneCodes: ['831'],
    postcode: [603000, 603160],
    streets: ['ул. Большая Покровская', 'ул. Ларина', 'Московское ш.', 'ул. Родионова'],
  },
  rostov: {
    name: 'г. Ростов-на-Дону',
    taxOffices: ['6164', '6161', '6167'],
    phoneCodes: ['863'],
    postcode: [344000, 344120],
    streets: ['ул. Большая Садовая', 'пр-т Стачки', 'ул. Текучёва', 'ул. Шолохова'],
  },
  samara: {
    name: 'г. Самара',
    taxOffices: ['6315', '6316', '6319'],
    phoneCodes: ['846'],
    postcode: [443000, 443130],
    streets: ['Московское ш.', 'ул. Ново-Садовая', 'ул. Гагарина', 'Заводское ш.'],
  },
  krasnodar: {
    name: 'г. Краснодар',
    taxOffices: ['2310', '2308', '2311'],
    phoneCodes: ['861'],
    postcode: [350000, 350090],
    streets: ['ул. Красная', 'ул. Северная', 'ул. Уральская', 'ул. Ставропольская'],
  },
  voronezh: {
    name: 'г. Воронеж',
    taxOffices: ['3664', '3662', '3666'],
    phoneCodes: ['473'],
    postcode: [394000, 394090],
    streets: ['пр-т Революции', 'Московский пр-т', 'ул. Кольцовская', 'Ленинский пр-т'],
  },
  perm: {
    name: 'г. Пермь',
    taxOffices: ['5902', '5904', '5905'],
    phoneCodes: ['342'],
    postcode: [614000, 614110],
    streets: ['ул. Ленина', 'Комсомольский пр-т', 'ул. Героев Хасана', 'ул. Революции'],
  },
};

export type CityKey = keyof typeof CITIES;

/** Mobile operator codes. */
export const MOBILE_CODES = ['903', '905', '909', '915', '916', '925', '926', '962', '977', '985', '999'];

export interface DemoCompany {
  name: string;
  fullName: string;
  kind: 'legalEntity' | 'soleTrader' | 'individual';
  city: CityKey;
  /** Latin slug for the e-mail domain and web site. */
  slug: string;
  customer: boolean;
  supplier: boolean;
  website?: boolean;
  comment?: string;
}

const legal = (
  short: string,
  full: string,
  city: CityKey,
  slug: string,
  roles: 'c' | 's' | 'cs',
  extra: Partial<DemoCompany> = {},
): DemoCompany => ({
  name: short,
  fullName: full,
  kind: 'legalEntity',
  city,
  slug,
  customer: roles.includes('c'),
  supplier: roles.includes('s'),
  ...extra,
});
const ooo = (n: string, city: CityKey, slug: string, roles: 'c' | 's' | 'cs', extra: Partial<DemoCompany> = {}) =>
  legal(`ООО «${n}»`, `Общество с ограниченной ответственностью «${n}»`, city, slug, roles, extra);
const ao = (n: string, city: CityKey, slug: string, roles: 'c' | 's' | 'cs', extra: Partial<DemoCompany> = {}) =>
  legal(`АО «${n}»`, `Акционерное общество «${n}»`, city, slug, roles, extra);

export const COMPANIES: DemoCompany[] = [
  ooo('Ромашка', 'moscow', 'romashka', 'c', { website: true, comment: 'Постоянный покупатель с 2019 года, отсрочка платежа 14 дней' }),
  ao('СтройМаркет', 'ekb', 'stroymarket', 'c', { website: true }),
  ooo('ТД Волга', 'samara', 'td-volga', 'cs', { website: true }),
  ooo('СеверСнаб', 'spb', 'seversnab', 's', { website: true, comment: 'Основной поставщик упаковки' }),
  ooo('Кубань-Агро', 'krasnodar', 'kuban-agro', 's'),
  ooo('Вектор', 'moscow', 'vektor-opt', 'c'),
  ooo('Альфа-Логистик', 'moscow', 'alfa-logistic', 's', { website: true, comment: 'Перевозчик: доставка по Москве и области' }),
  ao('Уральский завод металлоконструкций', 'ekb', 'uzmk', 's', { website: true }),
  ooo('Сибирский хлеб', 'nsk', 'sibhleb', 'c'),
  ooo('Казанская мебельная фабрика', 'kazan', 'kmf-kazan', 's', { website: true }),
  ooo('Невский берег', 'spb', 'nevbereg', 'c'),
  ooo('ПродСервис', 'nnov', 'prodservis', 'c', { comment: 'Сеть из 12 магазинов у дома' }),
  ooo('Гастроном № 1', 'moscow', 'gastronom1', 'c', { website: true }),
  ao('Донские пекарни', 'rostov', 'don-bakery', 'c'),
  ooo('Электромир', 'voronezh', 'electromir', 'c', { website: true }),
  ooo('Пермские окна', 'perm', 'perm-okna', 'c'),
  ooo('ТехноСфера', 'moscow', 'technosfera', 'cs', { website: true }),
  ooo('Береста', 'nnov', 'beresta-nn', 'c'),
  ooo('Молочный край', 'voronezh', 'moloko-kray', 's', { comment: 'Поставки по вторникам и пятницам' }),
  ooo('Ёлочка', 'spb', 'elochka-spb', 'c'),
  ooo('Стандарт-Упак', 'samara', 'standart-upak', 's'),
  ooo('Меридиан', 'rostov', 'meridian-rnd', 'c'),
  ao('ВолгаХимПром', 'kazan', 'volgahimprom', 's', { website: true }),
  ooo('Фермер-Центр', 'krasnodar', 'fermer-center', 'c'),
  ooo('Орион', 'nsk', 'orion-nsk', 'c'),
  ooo('Балтийская рыбная компания', 'spb', 'baltfish', 's', { website: true }),
  ooo('Домашний уют', 'ekb', 'dom-uyut', 'c'),
  ooo('Экспресс-Доставка', 'moscow', 'express-dostavka', 's'),
  ooo('Горизонт', 'perm', 'gorizont-perm', 'c', { comment: 'Просили присылать прайс-лист по понедельникам' }),
  ooo('Чайная лавка', 'moscow', 'chaynaya-lavka', 'c', { website: true }),
  {
    name: 'ИП Иванов И.И.',
    fullName: 'Индивидуальный предприниматель Иванов Иван Иванович',
    kind: 'soleTrader',
    city: 'moscow',
    slug: 'ivanov-ii',
    customer: true,
    supplier: false,
  },
  {
    name: 'ИП Смирнова О.В.',
    fullName: 'Индивидуальный предприниматель Смирнова Ольга Викторовна',
    kind: 'soleTrader',
    city: 'spb',
    slug: 'smirnova-ov',
    customer: true,
    supplier: false,
  },
  {
    name: 'ИП Кузнецов А.П.',
    fullName: 'Индивидуальный предприниматель Кузнецов Алексей Петрович',
    kind: 'soleTrader',
    city: 'kazan',
    slug: 'kuznetsov-ap',
    customer: true,
    supplier: true,
  },
  {
    name: 'ИП Попова Е.С.',
    fullName: 'Индивидуальный предприниматель Попова Елена Сергеевна',
    kind: 'soleTrader',
    city: 'rostov',
    slug: 'popova-es',
    customer: true,
    supplier: false,
    comment: 'Розничный магазин «Хозтовары» на рынке',
  },
  {
    name: 'ИП Соколов Д.А.',
    fullName: 'Индивидуальный предприниматель Соколов Дмитрий Андреевич',
    kind: 'soleTrader',
    city: 'nnov',
    slug: 'sokolov-da',
    customer: false,
    supplier: true,
  },
  {
    name: 'ИП Лебедева Н.Г.',
    fullName: 'Индивидуальный предприниматель Лебедева Наталья Геннадьевна',
    kind: 'soleTrader',
    city: 'perm',
    slug: 'lebedeva-ng',
    customer: true,
    supplier: false,
  },
  {
    name: 'ИП Новиков С.М.',
    fullName: 'Индивидуальный предприниматель Новиков Сергей Михайлович',
    kind: 'soleTrader',
    city: 'krasnodar',
    slug: 'novikov-sm',
    customer: true,
    supplier: false,
  },
  {
    name: 'Петров Алексей Николаевич',
    fullName: 'Петров Алексей Николаевич',
    kind: 'individual',
    city: 'moscow',
    slug: 'petrov-an',
    customer: true,
    supplier: false,
    comment: 'Частный покупатель, самовывоз',
  },
  {
    name: 'Васильева Мария Игоревна',
    fullName: 'Васильева Мария Игоревна',
    kind: 'individual',
    city: 'voronezh',
    slug: 'vasilieva-mi',
    customer: true,
    supplier: false,
  },
  {
    name: 'Фёдоров Павел Андреевич',
    fullName: 'Фёдоров Павел Андреевич',
    kind: 'individual',
    city: 'samara',
    slug: 'fedorov-pa',
    customer: true,
    supplier: false,
  },
];

export const MALE_FIRST = [
  'Александр',
  'Алексей',
  'Андрей',
  'Борис',
  'Вадим',
  'Виктор',
  'Владимир',
  'Дмитрий',
  'Евгений',
  'Игорь',
  'Илья',
  'Константин',
  'Максим',
  'Михаил',
  'Николай',
  'Олег',
  'Павел',
  'Роман',
  'Сергей',
  'Юрий',
];
export const FEMALE_FIRST = [
  'Анастасия',
  'Анна',
  'Валентина',
  'Галина',
  'Дарья',
  'Екатерина',
  'Елена',
  'Ирина',
  'Ксения',
  'Людмила',
  'Марина',
  'Мария',
  'Наталья',
  'Ольга',
  'Светлана',
  'Татьяна',
  'Юлия',
];
export const FATHERS = [
  'Александр',
  'Алексей',
  'Андрей',
  'Анатолий',
  'Василий',
  'Виктор',
  'Владимир',
  'Геннадий',
  'Григорий',
  'Дмитрий',
  'Евгений',
  'Иван',
  'Михаил',
  'Николай',
  'Павел',
  'Пётр',
  'Сергей',
  'Юрий',
];
/** Masculine forms; the feminine ones are derived. */
export const SURNAMES = [
  'Абрамов',
  'Белов',
  'Богданов',
  'Виноградов',
  'Воробьёв',
  'Гаврилов',
  'Голубев',
  'Григорьев',
  'Давыдов',
  'Егоров',
  'Жуков',
  'Зайцев',
  'Захаров',
  'Ильин',
  'Казаков',
  'Калинин',
  'Киселёв',
  'Ковалёв',
  'Комаров',
  'Крылов',
  'Кудрявцев',
  'Максимов',
  'Медведев',
  'Миронов',
  'Никитин',
  'Орлов',
  'Осипов',
  'Павлов',
  'Поляков',
  'Романов',
  'Савельев',
  'Семёнов',
  'Сорокин',
  'Тарасов',
  'Тихонов',
  'Филиппов',
  'Фролов',
  'Шевченко',
  'Яковлев',
  'Вишневский',
  'Ковальский',
  'Троицкий',
  'Беляев',
  'Щербаков',
  'Баранов',
  'Титов',
  'Мельников',
  'Гусев',
  'Чернов',
  'Лазарев',
];
/** Counterparties that came during the year: how they learnt about the company (an information
 * source of the incoming request) and whether the cold calls that followed made them customers. */
export const PROSPECTS: (DemoCompany & { source: string; converted: boolean })[] = [
  { ...ooo('Новый Дом', 'moscow', 'novyi-dom', 'c'), source: 'Сайт', converted: true },
  { ...ooo('Сервис-Плюс', 'spb', 'servis-plus', 'c'), source: 'Выставка', converted: true },
  { ...ooo('АгроТрейд', 'krasnodar', 'agrotrade', 'c'), source: 'Рекомендация', converted: true },
  { ...ooo('Северный ветер', 'spb', 'severny-veter', 'c'), source: 'Реклама', converted: false, customer: false },
  { ...ooo('Колосок', 'nsk', 'kolosok-nsk', 'c'), source: 'Сайт', converted: false, customer: false },
  { ...ooo('Эко-Маркет', 'kazan', 'eko-market', 'c'), source: 'Выставка', converted: false, customer: false },
  { ...ooo('СтройДвор', 'ekb', 'stroydvor', 'c'), source: 'Холодный звонок', converted: true },
  { ...ooo('Гранит', 'perm', 'granit-perm', 'c'), source: 'Сайт', converted: false, customer: false },
  { ...ooo('Бриз', 'rostov', 'briz-rnd', 'c'), source: 'Рекомендация', converted: false, customer: false },
  { ...ooo('Лето', 'samara', 'leto-samara', 'c'), source: 'Реклама', converted: true },
];

/** Positions and the role a person plays in the deal, as 1C names them. */
export const POSITIONS: { position: string; role: string | null }[] = [
  { position: 'Генеральный директор', role: 'Лицо, принимающее решение' },
  { position: 'Главный бухгалтер', role: 'Бухгалтерия' },
  { position: 'Менеджер по закупкам', role: 'Контактное лицо по заказам' },
  { position: 'Коммерческий директор', role: 'Лицо, принимающее решение' },
  { position: 'Начальник отдела снабжения', role: 'Контактное лицо по заказам' },
  { position: 'Менеджер по продажам', role: 'Контактное лицо по заказам' },
  { position: 'Заведующий складом', role: 'Приёмка товара' },
  { position: 'Бухгалтер', role: 'Сверка взаиморасчётов' },
  { position: 'Логист', role: 'Доставка' },
  { position: 'Юрист', role: 'Договоры' },
];

export const INDIVIDUAL_NOTES = [
  'Частный покупатель, заказывает к праздникам',
  'Дизайнер интерьеров, приводит клиентов',
  'Бывший закупщик ООО «Вектор», сейчас ищет работу',
  'Журналист отраслевого издания',
  'Консультант по таможенному оформлению',
];

export const MANAGERS = [
  { name: 'Андрей Козлов', email: 'kozlov@example.com' },
  { name: 'Елена Морозова', email: 'morozova@example.com' },
  { name: 'Дмитрий Волков', email: 'volkov@example.com' },
];

export const DEMO_ADMIN = { name: 'Наталья Белова', email: 'demo@example.com' };
export const DEMO_PASSWORD = 'demo-password';
export const DEMO_COMPANY = { companyName: 'ООО "Торговый дом Север"', timeZone: 'Europe/Moscow' };
