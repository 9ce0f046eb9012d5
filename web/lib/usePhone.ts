import { useMediaQuery } from '@mantine/hooks';

/** Mantine's "sm" breakpoint: below it the navigation is a drawer and lists are rows of text. */
const PHONE = '(max-width: 48em)';

/** Whether the screen is phone-sized, known on the first render (no flash of the wide layout). */
export function usePhone(): boolean {
  return useMediaQuery(PHONE, window.matchMedia(PHONE).matches, { getInitialValueInEffect: false });
}
