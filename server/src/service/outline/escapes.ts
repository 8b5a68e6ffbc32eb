/** Escape decoding both outline readers share (JSON `\\u` escapes, YAML `\\x`, `\\u`, `\\U`). */

/** The value of a hex digit's character code, or -1 (JSON's \u escapes read digits with it too). */
export function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55; // A-F
  if (c >= 97 && c <= 102) return c - 87; // a-f
  return -1;
}
