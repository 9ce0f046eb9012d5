import { useTranslation } from 'react-i18next';
import { dayText, moneyText, percentText, quantityText, type Lang } from './saleMoney';

/** Money, quantities, percents and document dates in the UI's language. */
export function useSaleFormat() {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'ru' ? 'ru' : 'en';
  return {
    lang,
    money: (v: string | null | undefined) => moneyText(v, lang),
    quantity: (v: string | null | undefined) => quantityText(v, lang),
    percent: (v: string | number | null | undefined) => percentText(v, lang),
    day: (v: string | null | undefined) => dayText(v, lang),
  };
}
