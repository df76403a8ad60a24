/**
 * Node side of dataset access: paths relative to the dataset root become files under it
 * (absolute paths in a listing are taken as they are).
 * Messages keep the root as the user typed it, so they can be pasted back into a shell.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { FianetError } from '../errors.js';
import type { DatasetFiles } from '../eval/dataset.js';
import { fileErrorReason } from './file-error.js';

export function nodeDatasetFiles(root: string): DatasetFiles {
  const describe = (path: string) => (isAbsolute(path) ? path : join(root, path));
  return {
    describe,
    async readBytes(path) {
      try {
        return await readFile(describe(path));
      } catch (e) {
        throw new FianetError('bad-input', `${describe(path)}: ${fileErrorReason(e)}`);
      }
    },
    async exists(path) {
      try {
        await stat(describe(path));
        return true;
      } catch {
        return false;
      }
    },
  };
}
