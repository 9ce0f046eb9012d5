// The printed form as one self-contained page for the browser's «Печать»: inline CSS only (the app's
// Content-Security-Policy allows inline styles but no inline script), every value escaped.
import type { PrintModel } from './printing.logic.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]);

const CSS = `
  @page { size: A4; margin: 15mm; }
  body { font-family: Arial, "Helvetica Neue", sans-serif; font-size: 10pt; color: #000; margin: 0 auto; max-width: 190mm; }
  h1 { font-size: 14pt; margin: 0 0 4px; padding-bottom: 4px; border-bottom: 2px solid #000; }
  .party { display: grid; grid-template-columns: 90px 1fr; gap: 6px; margin: 8px 0; }
  .party .label { color: #444; }
  .party .value { font-weight: bold; }
  .bank { font-size: 8pt; font-weight: normal; }
  table.lines { width: 100%; border-collapse: collapse; margin-top: 8px; }
  table.lines th, table.lines td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
  table.lines th { background: #eee; }
  .num { text-align: right; white-space: nowrap; }
  table.totals { margin-left: auto; margin-top: 6px; }
  table.totals td { padding: 1px 4px; font-weight: bold; text-align: right; }
  .words { font-weight: bold; padding-bottom: 8px; border-bottom: 2px solid #000; }
  .sign { margin-top: 24px; }
  .sign .line { display: inline-block; width: 60mm; border-bottom: 1px solid #000; margin: 0 6px; }
`;

export function renderHtml(m: PrintModel): string {
  const e = escapeHtml;
  const head = ['№', 'Товар', 'Кол-во', 'Ед.', 'Цена', ...(m.withDiscount ? ['Скидка, %'] : []), 'Сумма'];
  const rows = m.lines
    .map(
      (l) =>
        `<tr><td class="num">${l.n}</td><td>${e(l.product)}</td><td class="num">${e(l.quantity)}</td><td>${e(l.unit)}</td>` +
        `<td class="num">${e(l.price)}</td>${m.withDiscount ? `<td class="num">${e(l.discount ?? '')}</td>` : ''}<td class="num">${e(l.amount)}</td></tr>`,
    )
    .join('\n');
  const vat = m.vatTotal === null ? '<td>Без налога (НДС)</td><td>—</td>' : `<td>В том числе НДС:</td><td>${e(m.vatTotal)}</td>`;
  const sign = (role: string, name: string) => `<div class="sign"><b>${e(role)}</b><span class="line"></span>/ ${e(name)} /</div>`;
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>${e(m.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${e(m.title)}</h1>
<div class="party"><div class="label">Поставщик:</div><div class="value">${e(m.supplier)}${m.supplierBank ? `<div class="bank">${e(m.supplierBank)}</div>` : ''}</div></div>
<div class="party"><div class="label">Покупатель:</div><div class="value">${e(m.buyer)}</div></div>
<table class="lines">
<thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<table class="totals"><tr><td>Итого:</td><td>${e(m.total)}</td></tr><tr>${vat}</tr></table>
<p>${e(m.summary)}</p>
<div class="words">${e(m.words)}</div>
${sign('Руководитель', m.director)}
${sign('Главный бухгалтер', m.accountant)}
</body>
</html>
`;
}
