// `fianet scene` progress: tiles done/total, tiles/s, ETA and tiles reused; one line redrawn
// on a terminal, plain lines elsewhere (the shared progress() of the CLI).
import { describe, expect, it } from 'vitest';
import { progress } from '../../src/cli/progress.js';
import { formatSceneProgress } from '../../src/cli/scene.js';

const at = (done: number, total = 48) => ({ done, total, computed: Math.max(0, done - 2), elapsedMs: done * 400 });

describe('scene progress', () => {
  it('formats tiles, rate, ETA and reused tiles', () => {
    expect(formatSceneProgress(at(12), false)).toBe('scene: 12/48  25%  2.50 tiles/s  ETA 0:14  2 reused or empty');
    expect(formatSceneProgress(at(48), true)).toMatch(/^\[#{24}\] 48\/48 {2}100% {2}2\.50 tiles\/s {2}took 0:19/);
  });

  it('one updating line on a terminal, plain lines otherwise', () => {
    const tty: string[] = [];
    const bar = progress({ isTTY: true, write: (s: string) => tty.push(s) }, formatSceneProgress);
    bar.update(at(48, 48));
    expect(tty).toEqual([expect.stringMatching(/^\r\x1b\[K\[#{24}\] 48\/48/)]);
    const plain: string[] = [];
    const lines = progress({ write: (s: string) => plain.push(s) }, formatSceneProgress);
    for (let i = 1; i <= 48; i++) lines.update(at(i));
    expect(plain.length).toBe(16);
    expect(plain.every((l) => l.startsWith('scene: ') && l.endsWith('\n'))).toBe(true);
  });
});
