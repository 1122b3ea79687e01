/**
 * Fit text into a field of at most `max` characters (WeChat counts characters, not bytes),
 * ending with an ellipsis when cut. Subscription `thing` fields take 20.
 */
export function fitText(text: string, max: number): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  if (characters.length <= max) return characters.join('');
  return `${characters.slice(0, Math.max(max - 1, 0)).join('')}…`;
}

/** Where a snippet may end: before a clause or sentence mark or a space, or after a closing bracket or quote. */
const ENDS_BEFORE = /[\s。！？；，、：,.;!?:]/u;
const ENDS_AFTER = /[）)」』”’》]/u;
const WORD_CHARACTER = /[\p{Script=Latin}\p{Nd}]/u;

/**
 * A snippet of at most `max` characters for a preview (a bulletin's good practice, a list row): when the
 * text is longer it ends at the last clause or sentence boundary after its first 40%, or at least never
 * inside a Latin word or a number, and always with "…" so nobody takes it for the whole text.
 */
export function snippet(text: string, max: number): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  if (characters.length <= max) return characters.join('');
  const room = Math.max(max - 1, 0);
  const earliest = Math.ceil(room * 0.4);
  let cut = -1;
  for (let index = room; index >= earliest && cut < 0; index -= 1) {
    const character = characters[index] ?? '';
    if (ENDS_BEFORE.test(character)) cut = index;
    else if (index < room && ENDS_AFTER.test(character)) cut = index + 1;
  }
  if (cut < 0) {
    cut = room;
    while (cut > 0 && WORD_CHARACTER.test(characters[cut] ?? '') && WORD_CHARACTER.test(characters[cut - 1] ?? '')) cut -= 1;
    if (cut === 0) cut = room;
  }
  const kept = characters.slice(0, cut).join('').replace(/[\s。！？；，、：,.;!?:]+$/u, '');
  return `${kept}…`;
}
