import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { csvPreview, fieldOf, ImportProblems, problemsCut } from './counterpartyImport';

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

describe('a refused file with more problems than the answer lists', () => {
  const details = (n: number) => Array.from({ length: n }, (_, i) => ({ line: i + 2, field: 'inn', code: 'inn_invalid', message: 'bad' }));

  it('tells how many are shown of how many, on how many lines', () => {
    const err = new ImportProblems(422, 'import_invalid', 'File has errors', details(1000), 1500, 1400);
    expect(problemsCut(err)).toEqual({ shown: 1000, total: 1500, lines: 1400 });
  });

  it('says nothing when every problem is listed or the error is another one', () => {
    expect(problemsCut(new ImportProblems(422, 'import_invalid', 'File has errors', details(3), 3, 2))).toBeNull();
    expect(problemsCut(new ApiError(422, 'import_invalid', 'File has errors', details(3)))).toBeNull();
    expect(problemsCut(new Error('network'))).toBeNull();
  });
});
