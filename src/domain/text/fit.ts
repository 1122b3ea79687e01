/**
 * Fit text into a field of at most `max` characters (WeChat counts characters, not bytes),
 * ending with an ellipsis when cut. Subscription `thing` fields take 20.
 */
export function fitText(text: string, max: number): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  if (characters.length <= max) return characters.join('');
  return `${characters.slice(0, Math.max(max - 1, 0)).join('')}…`;
}
