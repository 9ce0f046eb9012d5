import { describe, expect, it } from 'vitest';
import { csvPreview, fieldOf } from './counterpartyImport';

describe('counterparty import preview', () => {
  it('reads the first records of a semicolon or comma file with a BOM and quoted fields', () => {
    const text = '\uFEFFНаименование;ИНН\r\n"ООО ""Альфа""; филиал";7707083893\r\n\r\nБета;\r\nГамма;1\r\n';
    expect(csvPreview(text, 3)).toEqual([
      ['Наименование', 'ИНН'],
      ['ООО "Альфа"; филиал', '7707083893'],
      ['Бета', ''],
    ]);
    expect(csvPreview('Name,INN\nA,1', 5)).toEqual([
      ['Name', 'INN'],
      ['A', '1'],
    ]);
  });

  it('recognises Russian and English headers as the server does', () => {
    expect(['Наименование', ' эл.  почта ', 'E-mail', 'Юридический адрес', 'Position', 'Цена'].map(fieldOf)).toEqual([
      'name',
      'email',
      'email',
      'legalAddress',
      'ignored',
      null,
    ]);
  });
});
