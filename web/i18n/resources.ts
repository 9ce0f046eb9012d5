import ru from './ru.json';
import en from './en.json';
import tasksRu from './tasks.ru.json';
import tasksEn from './tasks.en.json';

// Tasks, reminders, home, birthdays and scheduled jobs keep their texts in files of their own.
export const resources = { ru: { translation: { ...ru, ...tasksRu } }, en: { translation: { ...en, ...tasksEn } } };
