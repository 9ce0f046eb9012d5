// The demo company's catalogue: a food wholesaler's products with VAT 10 % (staple foods) and 22 %.
// Prices include VAT; the cost price is what the goods cost us.
import type { VatRate } from '../../shared/money.js';

export interface DemoProduct {
  sku: string;
  name: string;
  unit: string;
  price: string;
  costPrice: string;
  vatRate: VatRate;
}

export const CATALOG: DemoProduct[] = [
  { sku: 'МОЛ-001', name: 'Молоко 3,2% 1 л, пастеризованное', unit: 'шт', price: '89.90', costPrice: '64.20', vatRate: '10' },
  { sku: 'МОЛ-002', name: 'Кефир 2,5% 900 г', unit: 'шт', price: '84.50', costPrice: '59.80', vatRate: '10' },
  { sku: 'МОЛ-003', name: 'Масло сливочное 82,5% 180 г', unit: 'шт', price: '219.00', costPrice: '161.40', vatRate: '10' },
  { sku: 'МОЛ-004', name: 'Сыр «Российский» 50%, весовой', unit: 'кг', price: '749.00', costPrice: '538.00', vatRate: '10' },
  { sku: 'МОЛ-005', name: 'Творог 9% 200 г', unit: 'шт', price: '109.90', costPrice: '78.10', vatRate: '10' },
  { sku: 'БАК-001', name: 'Гречка ядрица 900 г', unit: 'шт', price: '98.00', costPrice: '71.50', vatRate: '10' },
  { sku: 'БАК-002', name: 'Рис круглозерный 900 г', unit: 'шт', price: '112.00', costPrice: '83.00', vatRate: '10' },
  { sku: 'БАК-003', name: 'Макаронные изделия «Перья» 450 г', unit: 'шт', price: '74.90', costPrice: '49.30', vatRate: '10' },
  { sku: 'БАК-004', name: 'Мука пшеничная высший сорт 2 кг', unit: 'шт', price: '119.00', costPrice: '86.70', vatRate: '10' },
  { sku: 'БАК-005', name: 'Сахар-песок 5 кг', unit: 'меш', price: '429.00', costPrice: '351.00', vatRate: '10' },
  { sku: 'КОН-001', name: 'Горошек зелёный 400 г, ж/б', unit: 'шт', price: '89.00', costPrice: '58.40', vatRate: '22' },
  { sku: 'КОН-002', name: 'Тушёнка говяжья ГОСТ 325 г', unit: 'шт', price: '239.00', costPrice: '172.00', vatRate: '22' },
  { sku: 'КОН-003', name: 'Сгущённое молоко 8,5% 380 г', unit: 'шт', price: '129.00', costPrice: '92.60', vatRate: '10' },
  { sku: 'КОН-004', name: 'Шпроты в масле 160 г', unit: 'шт', price: '149.00', costPrice: '101.00', vatRate: '22' },
  { sku: 'НАП-001', name: 'Вода минеральная 1,5 л', unit: 'шт', price: '59.90', costPrice: '31.20', vatRate: '22' },
  { sku: 'НАП-002', name: 'Сок яблочный 1 л', unit: 'шт', price: '129.00', costPrice: '86.00', vatRate: '22' },
  { sku: 'НАП-003', name: 'Чай чёрный листовой 100 г', unit: 'шт', price: '169.00', costPrice: '104.00', vatRate: '22' },
  { sku: 'НАП-004', name: 'Кофе зерновой 1 кг', unit: 'шт', price: '1590.00', costPrice: '1120.00', vatRate: '22' },
  { sku: 'КОНД-001', name: 'Печенье «Юбилейное» 112 г', unit: 'шт', price: '54.90', costPrice: '37.10', vatRate: '22' },
  { sku: 'КОНД-002', name: 'Шоколад молочный 90 г', unit: 'шт', price: '99.90', costPrice: '66.40', vatRate: '22' },
  { sku: 'КОНД-003', name: 'Зефир ванильный 250 г', unit: 'шт', price: '139.00', costPrice: '94.00', vatRate: '22' },
  { sku: 'МАС-001', name: 'Масло подсолнечное рафинированное 1 л', unit: 'шт', price: '149.00', costPrice: '112.00', vatRate: '10' },
  { sku: 'МАС-002', name: 'Майонез «Провансаль» 67% 400 г', unit: 'шт', price: '119.00', costPrice: '79.00', vatRate: '22' },
  { sku: 'ЗАМ-001', name: 'Пельмени «Домашние» 800 г', unit: 'шт', price: '389.00', costPrice: '271.00', vatRate: '10' },
  { sku: 'ЗАМ-002', name: 'Филе минтая замороженное, весовое', unit: 'кг', price: '459.00', costPrice: '338.00', vatRate: '10' },
  { sku: 'ХОЗ-001', name: 'Пакет-майка 30×55 см, 100 шт.', unit: 'уп', price: '189.00', costPrice: '96.00', vatRate: '22' },
  { sku: 'ХОЗ-002', name: 'Стрейч-плёнка 500 мм × 300 м', unit: 'рул', price: '890.00', costPrice: '610.00', vatRate: '22' },
  { sku: 'УСЛ-001', name: 'Доставка по городу', unit: 'усл', price: '2500.00', costPrice: '1700.00', vatRate: '22' },
];

/** A product taken off sale: stays in old documents, refused in new ones. */
export const ARCHIVED_PRODUCT: DemoProduct = {
  sku: 'КОНД-099',
  name: 'Вафли «Артек» 250 г (снято с производства)',
  unit: 'шт',
  price: '79.00',
  costPrice: '52.00',
  vatRate: '22',
};
