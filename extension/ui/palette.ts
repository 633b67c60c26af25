/**
 * Colours of every surface, by level. Each pair was checked against WCAG 2.x contrast
 * (relative luminance, (L1 + 0.05) / (L2 + 0.05)); AA needs 4.5:1 for body text, 3:1 for large
 * text and for focus rings / borders. Change a colour only with its ratio recomputed.
 *
 *   danger  text  #5c0b0b on #fdecea  12.18:1   accent #b3261e on #fdecea 5.72:1
 *           button #ffffff on #b3261e   6.54:1
 *   caution text  #3d2a00 on #fff4d6  12.53:1   accent #7a4f00 on #fff4d6 6.51:1
 *           button #ffffff on #7a4f00   7.13:1
 *   safe    text  #595959 on #ffffff   7.00:1   (#595959 on #f6f6f6 6.48:1)
 *   neutral text  #1f2937 on #ffffff  14.68:1
 *   focus   ring  #1d4ed8 on #ffffff   6.70:1   (button #ffffff on #1d4ed8 6.70:1)
 */

export const PALETTE = {
  danger: { bg: '#fdecea', text: '#5c0b0b', accent: '#b3261e', onAccent: '#ffffff' },
  caution: { bg: '#fff4d6', text: '#3d2a00', accent: '#7a4f00', onAccent: '#ffffff' },
  safe: { bg: '#ffffff', text: '#595959', accent: '#595959', onAccent: '#ffffff' },
  neutral: { bg: '#ffffff', text: '#1f2937', accent: '#1d4ed8', onAccent: '#ffffff' },
  focus: '#1d4ed8',
} as const;

/** Font stack with Japanese faces first on every platform the hospitals use. */
export const FONT_STACK =
  "'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic UI', 'Meiryo UI', Meiryo, 'Noto Sans CJK JP', 'Noto Sans JP', system-ui, sans-serif";
