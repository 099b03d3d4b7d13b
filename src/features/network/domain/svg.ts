/**
 * What the ecomap and the genogram share when they write SVG: escaping, number formatting and
 * a palette whose text colours are checked against WCAG 2.2 contrast (1.4.3: text at least
 * 4.5:1; 1.4.11: lines and shapes at least 3:1).
 */

/**
 * Characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
 * Escaping cannot make them legal, so they become U+FFFD: one odd character in a name must
 * never stop the whole picture from drawing.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for SVG element content and for attribute values in double or single quotes. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHARACTER, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Coordinates to one decimal place, without "-0", so output is short and identical run to run. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * The colours used. Ink and muted text come from the GOV.UK palette; "strain" is a red-brown
 * that is never the only signal (a strained tie is also a zig-zag line).
 */
export const palette = {
  background: '#ffffff',
  ink: '#0b0c0c',
  muted: '#484949',
  strain: '#8f2a0f',
  /** Fill behind the child and the legend: text on it must still reach 4.5:1. */
  tint: '#f3f2f1',
  heart: '#a4133c',
} as const;

/** Every text colour drawn and every background it is drawn on; the tests check each pair. */
export const textColourPairs: readonly (readonly [foreground: string, background: string])[] = [
  [palette.ink, palette.background],
  [palette.ink, palette.tint],
  [palette.muted, palette.background],
  [palette.muted, palette.tint],
  [palette.strain, palette.background],
  [palette.strain, palette.tint],
];

/** Relative luminance of an sRGB colour written #rrggbb (WCAG 2.2 definition). */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(foreground: string, background: string): number {
  const [light, dark] = [relativeLuminance(foreground), relativeLuminance(background)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** A heart, centred on (0,0) and about 14 units across: drawn as a path so it needs no font. */
export const HEART_PATH = 'M0,5 C-7,0 -8,-4 -6,-6 C-4,-8 -1,-7 0,-4 C1,-7 4,-8 6,-6 C8,-4 7,0 0,5 Z';

/** Shortens text to fit a width, with an ellipsis, measured in characters (fonts vary; this errs short). */
export function fitText(text: string, maxCharacters: number): string {
  const characters = Array.from(text);
  if (characters.length <= maxCharacters) return text;
  return `${characters.slice(0, Math.max(1, maxCharacters - 1)).join('')}…`;
}
