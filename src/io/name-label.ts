/**
 * A name read from a file (a tensor, a zip entry, a metadata key) as it appears in messages:
 * in single quotes, control characters escaped, cut short, so a hostile name can neither
 * flood a terminal nor rewrite it.
 */
export function nameLabel(name: string, maxLength = 80): string {
  return `'${JSON.stringify(name.length > maxLength ? `${name.slice(0, maxLength)}...` : name).slice(1, -1)}'`;
}
