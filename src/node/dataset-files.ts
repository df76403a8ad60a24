/**
 * Node side of dataset access: paths relative to the dataset root become files under it
 * (absolute paths in a listing are taken as they are).
 * Messages keep the root as the user typed it, so they can be pasted back into a shell.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { DatasetFiles } from '../eval/dataset.js';
import { maxImageFileBytes, DEFAULT_MAX_PIXELS } from '../io/image-types.js';
import { readBoundedFile } from './read-bounded.js';


/** Files under `root`; each is read whole up to the image file cap of `maxPixels` (refs and listings are far smaller). */
export function nodeDatasetFiles(root: string, maxPixels = DEFAULT_MAX_PIXELS): DatasetFiles {
  const cap = maxImageFileBytes(maxPixels);
  const describe = (path: string) => (isAbsolute(path) ? path : join(root, path));
  return {
    maxPixels,
    describe,
    async readBytes(path) {
      return readBoundedFile(describe(path), cap, { what: '', raise: 'raise --max-pixels if it is a genuine image' });
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
