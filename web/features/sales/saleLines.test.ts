import { describe, expect, it } from 'vitest';
import { computedAmount, emptyLine, lineAmount, lineCost, lineFieldOf, salePayload, saleTotals, type SaleLineForm } from './saleLines';
import { dayText, moneyText, percentText, quantityText } from './saleMoney';

const line = (p: Partial<SaleLineForm>): SaleLineForm => ({ ...emptyLine(), ...p });

describe('a sale line', () => {
  it('amount is quantity × price rounded half away from zero to the kopeck', () => {
    expect(computedAmount({ quantity: '3', price: '100.10' })).toBe(30030);
    expect(computedAmount({ quantity: '0,125', price: '0.99' })).toBe(12); // 0.12375 -> 0.12
    expect(computedAmount({ quantity: '0.5', price: '0.05' })).toBe(3); // 0.025 -> 0.03
    expect(computedAmount({ quantity: '2', price: '' })).toBeNull();
    expect(computedAmount({ quantity: 'два', price: '10' })).toBeNull();
  });

  it('a typed amount wins over quantity × price; clearing it brings the product back', () => {
    expect(lineAmount(line({ quantity: '3', price: '10', amount: '25' }))).toBe(2500);
    expect(lineAmount(line({ quantity: '3', price: '10', amount: ' ' }))).toBe(3000);
    expect(lineAmount(line({ quantity: '3', price: '10', amount: '2.555' }))).toBeNull();
  });

  it('cost: typed, else the product cost price × quantity, else 0 for a line without a product', () => {
    expect(lineCost(line({ quantity: '2', cost: '70.50' }))).toBe(7050);
    expect(lineCost(line({ productId: 'p', productCostPrice: '33.33', quantity: '3' }))).toBe(9999);
    expect(lineCost(line({ description: 'Доставка', quantity: '1' }))).toBe(0);
  });

  it('totals: revenue, cost and gross profit exactly, a half-typed line counting 0', () => {
    const lines = [
      line({ quantity: '3', price: '0.10' }),
      line({ quantity: '7', price: '0.10', cost: '0.20' }),
      line({ quantity: '', price: '5' }),
    ];
    expect(saleTotals(lines)).toEqual({ revenue: 100, cost: 20, grossProfit: 80 });
    expect(saleTotals([line({ quantity: '1', price: '10', cost: '15' })]).grossProfit).toBe(-500);
  });
});

describe('salePayload', () => {
  const base = { date: '2026-11-02', counterpartyId: 'c1', counterpartyName: 'ООО', comment: '' };

  it('sends the amount shown and decimal points, leaves empty fields to the server', () => {
    const { body, errors } = salePayload({
      ...base,
      lines: [line({ description: ' Доставка ', quantity: '1,5', price: '100,10' }), line({ productId: 'p1', quantity: '2' })],
    });
    expect(errors).toEqual({});
    expect(body).toEqual({
      date: '2026-11-02',
      counterpartyId: 'c1',
      lines: [
        { description: 'Доставка', quantity: '1.5', price: '100.10', amount: '150.15' },
        { productId: 'p1', quantity: '2' },
      ],
    });
  });

  it('names every bad field the way the server does', () => {
    const { errors } = salePayload({
      ...base,
      date: '',
      counterpartyId: null,
      lines: [line({ quantity: '0', price: 'x' }), line({ description: 'a', quantity: '', amount: '1.234', cost: '-' })],
    });
    expect(errors).toEqual({
      date: 'required',
      counterpartyId: 'required',
      'lines.0.description': 'sale_line_empty',
      'lines.0.quantity': 'quantity_invalid',
      'lines.0.price': 'invalid_amount',
      'lines.1.quantity': 'required',
      'lines.1.amount': 'invalid_amount',
      'lines.1.cost': 'invalid_amount',
    });
    expect(salePayload({ ...base, lines: [] }).errors).toEqual({ lines: 'required' });
  });

  it('reads the server line paths as the form keys them', () => {
    expect(lineFieldOf('lines[2].quantity')).toBe('lines.2.quantity');
    expect(lineFieldOf('date')).toBe('date');
  });
});

describe('figures in the UI language', () => {
  it('groups thousands and uses the decimal comma in Russian, exactly as sent', () => {
    expect(moneyText('1234567.50', 'ru')).toBe('1\u00a0234\u00a0567,50');
    expect(moneyText('1234567.50', 'en')).toBe('1,234,567.50');
    expect(moneyText('-300.00', 'ru')).toBe('−300,00');
    expect(moneyText('999999999999.99', 'en')).toBe('999,999,999,999.99');
    expect(quantityText('2.5', 'ru')).toBe('2,5');
    expect(percentText(25.5, 'ru')).toBe('25,5\u00a0%');
    expect(percentText(null, 'en')).toBe('');
    expect(dayText('2026-11-02', 'ru')).toBe('02.11.2026');
    expect(dayText('2026-11-02', 'en')).toBe('02/11/2026');
  });
});
