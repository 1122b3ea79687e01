/** The invitation code from `?code=CODE`, or from a mini-program code's `scene=c%3DCODE` (already decoded once). */
export function invitationCodeOf(params: Readonly<Record<string, string | undefined>>): string {
  if (params['code']) return params['code'].toUpperCase();
  const scene = params['scene'] ?? '';
  const match = /(?:^|&)c=([A-Za-z0-9]+)/.exec(scene);
  return match?.[1]?.toUpperCase() ?? '';
}
