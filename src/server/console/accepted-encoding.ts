/** Compressions the console's precompressed files come in. */
export type ContentEncoding = 'br' | 'gzip' | 'identity';

/**
 * The best encoding an `Accept-Encoding` header allows among those available: Brotli, then
 * gzip, then none. `q=0` refuses an encoding; `*` stands for any encoding not named.
 */
export function acceptedEncoding(header: string | undefined, available: { br: boolean; gzip: boolean }): ContentEncoding {
  if (!header) return 'identity';
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: string): number => weights.get(name) ?? weights.get('*') ?? 0;
  if (available.br && weightOf('br') > 0) return 'br';
  if (available.gzip && weightOf('gzip') > 0) return 'gzip';
  return 'identity';
}
