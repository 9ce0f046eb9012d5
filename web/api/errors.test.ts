import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardField } from '../features/events/eventForm';
import { resources } from '../i18n/resources';
import { ApiError } from './client';
import { errorMessage, failureSummary, fieldErrorsOf, listErrorsOf, localValidationError, type ErrorOptions } from './errors';

// The app's own texts, loaded into a real i18next as web/i18n/index.ts does.
let ru: TFunction;
let en: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'ru', fallbackLng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
  ru = i18n.getFixedT('ru');
  en = i18n.getFixedT('en');
});

const invalid = (field: string, code: string, message: string) =>
  new ApiError(400, 'validation_failed', `${field}: ${message}`, [{ field, code, message }]);

describe('errorMessage', () => {
  it('translates a common code and drops the server text', () => {
    const err = new ApiError(404, 'not_found', 'Event not found');
    expect(errorMessage(err, ru)).toBe('Не найдено');
    expect(errorMessage(err, en)).toBe('Not found');
  });

  it('puts the translated details under the validation headline', () => {
    const err = new ApiError(400, 'validation_failed', 'inn: bad; kpp: odd', [
      { field: 'inn', code: 'inn_checksum', message: 'bad check digit' },
      { field: 'kpp', code: 'something_new', message: 'is odd' },
    ]);
    expect(errorMessage(err, ru)).toBe('Проверьте заполнение: Неверный ИНН: не сходится контрольное число; is odd');
    expect(errorMessage(err, en)).toBe('Please check the fields: Invalid INN: the check digit does not match; is odd');
  });

  it('keeps the server message under the conflict headline when there are no details', () => {
    const err = new ApiError(409, 'conflict', 'A record with these values already exists');
    expect(errorMessage(err, ru)).toBe('Конфликт данных: A record with these values already exists');
  });

  it('falls back to the server message for a code nobody translates', () => {
    expect(errorMessage(new ApiError(418, 'teapot', 'I am a teapot'), ru)).toBe('I am a teapot');
  });

  it('translates what the client itself makes of an answer without an error body', () => {
    expect(errorMessage(new ApiError(400, 'http_error', 'Bad Request'), en)).toBe('The server answered with an error');
    expect(errorMessage(new ApiError(0, 'network_error', 'Failed to fetch'), ru)).toBe('Нет связи с сервером');
  });

  it('says a refused sign-in in the words of the sign-in form', () => {
    const err = new ApiError(401, 'unauthorized', 'Wrong e-mail or password');
    expect(errorMessage(err, ru, { scope: 'auth' })).toBe('Неверный адрес электронной почты или пароль');
    expect(errorMessage(err, en, { scope: 'auth' })).toBe('Wrong e-mail or password');
    expect(errorMessage(err, ru)).toBe('Требуется вход в программу');
  });

  it('shows a plain error as it is', () => {
    expect(errorMessage(new Error('boom'), ru)).toBe('boom');
  });

  it('lets a feature code speak alone in its feature', () => {
    const err = invalid('status', 'task_not_open', 'only an open task can be snoozed');
    expect(errorMessage(err, ru, { scope: 'tasks' })).toBe('Задача уже выполнена или отменена');
    expect(errorMessage(err, en, { scope: 'tasks' })).toBe('The task is already done or cancelled');
    // Outside the feature: the common text under the headline.
    expect(errorMessage(err, en)).toBe('Please check the fields: The task is already done or cancelled');
  });

  it('says only "check the fields" on the event card, which marks them in red', () => {
    const err = invalid('endAt', 'end_before_start', 'must not be before the start');
    expect(errorMessage(err, ru, { scope: 'events' })).toBe('Проверьте поля, отмеченные красным');
    expect(errorMessage(err, en, { scope: 'events' })).toBe('Check the fields marked red');
    expect(errorMessage(new ApiError(404, 'not_found', 'Event not found'), ru, { scope: 'events' })).toBe('Не найдено');
  });
});

describe('one lookup order: the feature, then the common texts, then the server', () => {
  // The text shown beside the input for one detail with this code.
  const beside = (t: TFunction, code: string, message: string, scope?: ErrorOptions['scope']) =>
    fieldErrorsOf(invalid('x', code, message), t, { scope }).x;

  it('finds a feature code in its feature and in the common texts', () => {
    expect(beside(ru, 'end_before_start', 'server text', 'events')).toBe('Окончание не может быть раньше начала');
    expect(beside(ru, 'end_before_start', 'server text')).toBe('Окончание не может быть раньше начала');
    expect(beside(en, 'snooze_in_past', 'server text', 'events')).toBe('Enter a time in the future');
  });

  it('shows the server text for a code nobody translates', () => {
    expect(beside(ru, 'something_new', 'server text', 'tasks')).toBe('server text');
  });

  it('finds a common code from any feature', () => {
    expect(beside(en, 'phone_invalid', 'bad', 'events')).toBe('Invalid phone number');
    expect(beside(en, 'phone_invalid', 'bad', 'tasks')).toBe('Invalid phone number');
    expect(beside(en, 'phone_invalid', 'bad')).toBe('Invalid phone number');
  });

  it('prefers the feature text where both have one', () => {
    expect(beside(ru, 'enum', 'must be one of: a, b', 'events')).toBe('Недопустимое значение');
    expect(beside(en, 'remind_after_due', 'must not be after the due time', 'tasks')).toBe('The reminder cannot be after the due time');
  });
});

describe('fieldErrorsOf', () => {
  it('maps each detail to its field path, first message per field', () => {
    const err = new ApiError(400, 'validation_failed', '…', [
      { field: 'inn', code: 'inn_length', message: 'wrong length' },
      { field: 'inn', code: 'inn_checksum', message: 'bad check digit' },
      { field: 'contactInfo.1.value', code: 'phone_invalid', message: 'not a phone' },
      { field: 'comment', message: 'is odd' },
      { code: 'required', message: 'no field' },
    ]);
    expect(fieldErrorsOf(err, ru)).toEqual({
      inn: 'Неверная длина ИНН (10 цифр у организации, 12 — у ИП и физического лица)',
      'contactInfo.1.value': 'Неверный номер телефона',
      comment: 'is odd',
    });
  });

  it('names the inputs as the form does and uses the feature texts', () => {
    const err = new ApiError(400, 'validation_failed', '…', [
      { field: 'remindAt', code: 'remind_after_due', message: 'must not be after the due time' },
      { field: 'basis.id', code: 'basis_not_found', message: 'no such event' },
      { field: 'subject', code: 'required', message: 'is required' },
    ]);
    expect(fieldErrorsOf(err, en, { scope: 'events', fieldOf: cardField })).toEqual({
      'reminder.remindAt': 'The reminder cannot be after the due time',
      basis: 'The basis document was not found',
      subject: 'Required',
    });
  });

  it("has nothing for an error that is not the server's", () => {
    expect(fieldErrorsOf(new Error('offline'), ru)).toEqual({});
    expect(fieldErrorsOf(null, ru)).toEqual({});
  });
});

describe('failureSummary', () => {
  it('is nothing when every reason is marked at a field, the card counts them', () => {
    const err = new ApiError(400, 'validation_failed', '…', [
      { field: 'inn', code: 'inn_checksum', message: 'bad' },
      { field: 'contactInfo.0.value', code: 'phone_invalid', message: 'bad' },
    ]);
    expect(failureSummary(err, ru)).toBeNull();
  });

  it('names the reasons no field shows', () => {
    expect(failureSummary(new ApiError(0, 'network_error', 'Failed to fetch'), ru)).toBe('Нет связи с сервером');
    const mixed = new ApiError(400, 'validation_failed', '…', [
      { field: 'inn', code: 'inn_checksum', message: 'bad' },
      { code: 'instant_invalid', message: 'is not an instant' },
    ]);
    expect(failureSummary(mixed, en)).toBe('Please check the fields: Invalid INN: the check digit does not match; Invalid date and time');
  });
});

describe('localValidationError', () => {
  it('is shown like a refusal from the server', () => {
    const err = localValidationError({ startAt: 'required', 'reminder.remindAt': 'format_date-time' });
    expect(fieldErrorsOf(err, ru, { scope: 'events' })).toEqual({
      startAt: 'Обязательное поле',
      'reminder.remindAt': 'Укажите дату и время',
    });
    expect(errorMessage(err, ru, { scope: 'events' })).toBe('Проверьте поля, отмеченные красным');
  });
});

describe('listErrorsOf', () => {
  it('gives each error of a list to the row sent at its position', () => {
    const fields = {
      'contactInfo.1.value': 'Неверный номер телефона',
      'contactInfo.0': 'Неверное значение',
      'contactInfo.0.kind': 'Недопустимое значение',
      'contactInfo.7.value': 'no such row',
      contactInfo: 'Слишком много записей',
      inn: 'Неверный ИНН',
    };
    expect(listErrorsOf(fields, 'contactInfo', ['row-a', 'row-b'])).toEqual({
      'row-a': { value: 'Неверное значение', kind: 'Недопустимое значение' },
      'row-b': { value: 'Неверный номер телефона' },
    });
  });
});
