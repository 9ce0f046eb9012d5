// The printed form as a PDF (pdfmake on the server) with Roboto, whose glyphs cover Cyrillic, read
// from pdfmake's own package: nothing is downloaded, and the document may read no other file or URL.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { PrintModel } from './printing.logic.js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

let configured = false;
function printer() {
  if (!configured) {
    pdfmake.setFonts({
      Roboto: {
        normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
        bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
        italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
        bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
      },
    });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
    configured = true;
  }
  return pdfmake;
}

const party = (label: string, value: string, extra: string | null): Content => ({
  columns: [
    { width: 80, text: `${label}:`, style: 'label' },
    { width: '*', stack: [{ text: value, bold: true }, ...(extra ? [{ text: extra, fontSize: 8 }] : [])] },
  ],
  columnGap: 6,
  margin: [0, 0, 0, 6],
});

export function documentDefinition(m: PrintModel): TDocumentDefinitions {
  const headers = ['№', 'Товар', 'Кол-во', 'Ед.', 'Цена', ...(m.withDiscount ? ['Скидка, %'] : []), 'Сумма'];
  const num = (text: string): TableCell => ({ text, alignment: 'right', noWrap: true });
  const body: TableCell[][] = [
    headers.map((h) => ({ text: h, bold: true, alignment: 'center', fillColor: '#eeeeee' })),
    ...m.lines.map((l) => [
      num(String(l.n)),
      { text: l.product },
      num(l.quantity),
      { text: l.unit },
      num(l.price),
      ...(m.withDiscount ? [num(l.discount ?? '')] : []),
      num(l.amount),
    ]),
  ];
  const totals: Content = {
    margin: [0, 6, 0, 0],
    table: {
      widths: ['*', 'auto'],
      body: [
        [
          { text: 'Итого:', bold: true, alignment: 'right' },
          { text: m.total, bold: true, alignment: 'right' },
        ],
        m.vatTotal === null
          ? [
              { text: 'Без налога (НДС)', bold: true, alignment: 'right' },
              { text: '—', alignment: 'right' },
            ]
          : [
              { text: 'В том числе НДС:', bold: true, alignment: 'right' },
              { text: m.vatTotal, bold: true, alignment: 'right' },
            ],
      ],
    },
    layout: 'noBorders',
  };
  const signature = (role: string, name: string): Content => ({
    text: [{ text: `${role} `, bold: true }, `${'_'.repeat(30)} / ${name || ' '.repeat(24)} /`],
    margin: [0, 18, 0, 0],
  });
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: { title: { fontSize: 14, bold: true }, label: { color: '#444444' } },
    info: { title: m.title },
    content: [
      { text: m.title, style: 'title', margin: [0, 0, 0, 4] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 1.5 }], margin: [0, 0, 0, 10] },
      party('Поставщик', m.supplier, m.supplierBank),
      party('Покупатель', m.buyer, null),
      {
        margin: [0, 6, 0, 0],
        table: {
          headerRows: 1,
          widths: m.withDiscount ? [18, '*', 45, 28, 60, 45, 65] : [18, '*', 50, 30, 65, 70],
          body,
        },
      },
      totals,
      { text: m.summary, margin: [0, 8, 0, 0] },
      { text: m.words, bold: true },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 1.5 }], margin: [0, 8, 0, 0] },
      signature('Руководитель', m.director),
      signature('Главный бухгалтер', m.accountant),
    ],
  };
}

export async function renderPdf(m: PrintModel): Promise<Buffer> {
  return printer().createPdf(documentDefinition(m)).getBuffer();
}
