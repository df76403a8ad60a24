/**
 * Why a file could not be opened or read, in words ("no such file", "it is a directory, not
 * a file"), from a Node fs error: the one mapping every Node adapter uses in its messages.
 */
export function fileErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read it (${code ?? (e as Error).message})`;
}
