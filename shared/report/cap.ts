/** Length bounds for strings copied into a report or a mailto: body. */

/** Cut to `max` UTF-16 units without leaving half a surrogate pair. */
export function cap(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return s.slice(0, end);
}
