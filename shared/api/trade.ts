// Building blocks of the trade documents: decimal inputs and outputs, VAT rates.
import { Type } from '@sinclair/typebox';

/** Money in the API: a decimal string with two places ("1234.50"). */
export const Money = Type.String({ pattern: '^-?\\d{1,15}\\.\\d{2}$', description: 'decimal string, two places ("1234.50")' });
/** A quantity or percent in the API: a decimal string without trailing zeros ("3", "2.5"). */
export const Decimal = Type.String({ pattern: '^-?\\d{1,15}(\\.\\d{1,3})?$', description: 'decimal string ("3", "2.5")' });

/** Money as input: a decimal string (comma or point) or a JSON number; the service checks the
 * places and the range and names the field when they are wrong. */
export const MoneyInput = Type.Union([Type.String({ maxLength: 32 }), Type.Number()], {
  description: 'decimal string ("1234.50") or number; at most two places',
});
export const QuantityInput = Type.Union([Type.String({ maxLength: 32 }), Type.Number()], {
  description: 'decimal string or number, greater than zero, at most three places',
});
export const PercentInput = Type.Union([Type.String({ maxLength: 32 }), Type.Number()], {
  description: 'decimal string or number from 0 to 100, at most two places',
});

export const VatRate = Type.Union([Type.Literal('none'), Type.Literal('0'), Type.Literal('10'), Type.Literal('20'), Type.Literal('22')], {
  description: '«Без НДС», 0 %, 10 %, 20 % or 22 %',
});
