// Number and location formatting shared by messages, hovers and reports.

/** `65536n` → `65,536`; very large IPv6 counts as powers of two (`2^80`). */
export function formatCount(n: bigint | number): string {
  const big = typeof n === 'bigint' ? n : BigInt(n);
  if (big >= 1n << 64n && (big & (big - 1n)) === 0n) return `2^${big.toString(2).length - 1}`;
  return big.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The last path segment of a URI or path, for compact locations in messages. */
export function baseName(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return slash < 0 ? uri : uri.slice(slash + 1);
}

export function plural(n: bigint | number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 || n === 1n ? '' : 's'}`;
}
