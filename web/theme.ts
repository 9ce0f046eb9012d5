import { createTheme, DEFAULT_THEME, PasswordInput, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** WCAG 2 AA for normal text. */
export const AA = 4.5;
const WHITE = '#ffffff';

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `hex` mixed with black by `t` (0..1). */
function darker(hex: string, t: number): string {
  return `#${channels(hex)
    .map((v) =>
      Math.round(v * (1 - t))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The first of `candidates` that reads at AA on every background; else the last one darkened until it does. */
function readable(candidates: readonly string[], backgrounds: string[]): string {
  const ok = (c: string) => backgrounds.every((bg) => contrast(c, bg) >= AA);
  const found = candidates.find(ok);
  if (found) return found;
  const last = candidates[candidates.length - 1];
  for (let t = 0.02; t < 1; t += 0.02) if (ok(darker(last, t))) return darker(last, t);
  return '#000000';
}

/**
 * Mantine's light scheme puts white text on shade 6 (teal: 2.5:1), light-variant text (shade 9) on
 * shade 1 (teal: 4.3:1) and dimmed text in gray 6 (3.3:1). These variables keep every palette's
 * hue but pick, per colour, the lightest shade that reads at AA: filled backgrounds under white
 * text, outline and subtle text on white, light-variant text on its own tint (resting and hovered).
 */
export function accessibleColorVariables(colors: Record<string, MantineColorsTuple>, primaryColor: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, shades] of Object.entries(colors)) {
    const filled = readable(shades.slice(6), [WHITE]);
    vars[`--mantine-color-${name}-filled`] = filled;
    vars[`--mantine-color-${name}-filled-hover`] = darker(filled, 0.15);
    vars[`--mantine-color-${name}-outline`] = filled;
    vars[`--mantine-color-${name}-light-color`] = readable([shades[9]], [shades[1], shades[2]]);
  }
  const gray = colors.gray;
  const dimmed = readable([gray[6]], [WHITE, gray[0], gray[1]]);
  vars['--mantine-color-dimmed'] = dimmed;
  vars['--mantine-color-placeholder'] = dimmed;
  vars['--mantine-color-anchor'] = `var(--mantine-color-${primaryColor}-filled)`;
  vars['--mantine-color-error'] = 'var(--mantine-color-red-filled)';
  vars['--mantine-color-success'] = `var(--mantine-color-${primaryColor}-filled)`;
  return vars;
}

/** Overdue tasks write red.8 on red.0: Mantine's #e03131 gives 4.2:1 there, this a shade darker 4.6:1. */
const red = DEFAULT_THEME.colors.red.map((c, i) => (i === 8 ? '#d62d2d' : c)) as unknown as MantineColorsTuple;

/**
 * The app's theme. Texts that Mantine writes itself come translated: the password fields' «show
 * password» button is also a Tab stop (Mantine leaves it out of the keyboard order by default), and
 * the clear button of clearable fields (selects, dates) has a name.
 */
export function createAppTheme(texts: { showPassword: string; clear: string }) {
  return createTheme({
    primaryColor: 'teal',
    defaultRadius: 'sm',
    colors: { red },
    components: {
      // By name, without importing the component: the sign-in page's script stays small.
      InputClearButton: { defaultProps: { 'aria-label': texts.clear } },
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleFocusable: true, visibilityToggleButtonProps: { 'aria-label': texts.showPassword } },
      }),
    },
  });
}

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: accessibleColorVariables({ ...DEFAULT_THEME.colors, ...t.colors } as Record<string, MantineColorsTuple>, t.primaryColor),
  dark: {},
});
