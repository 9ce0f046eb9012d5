import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { AA, accessibleColorVariables, contrast, createAppTheme } from './theme';

const colors = { ...DEFAULT_THEME.colors, ...createAppTheme({ showPassword: '', clear: '' }).colors } as typeof DEFAULT_THEME.colors;
const vars = accessibleColorVariables(colors, 'teal');

describe('theme colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#12b886', '#ffffff')).toBeCloseTo(2.55, 2);
  });

  it.each(Object.keys(colors))('%s reads at AA as filled, outline and light variants', (name) => {
    const shades = colors[name];
    expect(contrast(vars[`--mantine-color-${name}-filled`], '#ffffff')).toBeGreaterThanOrEqual(AA);
    expect(contrast(vars[`--mantine-color-${name}-filled-hover`], '#ffffff')).toBeGreaterThanOrEqual(AA);
    expect(contrast(vars[`--mantine-color-${name}-light-color`], shades[1])).toBeGreaterThanOrEqual(AA);
    expect(contrast(vars[`--mantine-color-${name}-light-color`], shades[2])).toBeGreaterThanOrEqual(AA);
  });

  it('keeps a palette shade where one is dark enough (teal stays teal)', () => {
    expect(vars['--mantine-color-teal-filled']).toBe(DEFAULT_THEME.colors.teal[9]);
    expect(vars['--mantine-color-red-filled']).toBe(colors.red[8]);
  });

  it('overdue text (red.8 on red.0) reads at AA', () => {
    expect(contrast(colors.red[8], colors.red[0])).toBeGreaterThanOrEqual(AA);
  });

  it('dimmed text reads at AA on white and on the light grey surfaces', () => {
    const dimmed = vars['--mantine-color-dimmed'];
    for (const bg of ['#ffffff', DEFAULT_THEME.colors.gray[0], DEFAULT_THEME.colors.gray[1]])
      expect(contrast(dimmed, bg)).toBeGreaterThanOrEqual(AA);
  });
});
