import { describe, expect, it } from 'vitest';
import { placeWindow, placementToSave } from '../../../../main/app/window-bounds';
import { debouncedPlacementSaver } from '../../../../main/app/window-state';

const defaults = { width: 1280, height: 860, minWidth: 900, minHeight: 600 };
const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };
const saved = (x: number, y: number, width = 1000, height = 700, maximized = false) => ({
  bounds: { x, y, width, height },
  maximized,
});

describe('placeWindow', () => {
  it('restores saved bounds that fit on a current display', () => {
    expect(placeWindow(saved(100, 80), [laptop], defaults)).toEqual(saved(100, 80));
    expect(placeWindow(saved(2100, 50), [laptop, rightMonitor], defaults)).toEqual(saved(2100, 50));
  });

  it('accepts windows a few pixels past the edges, as maximized and snapped ones are', () => {
    expect(placeWindow(saved(-8, -8, 1936, 1056), [laptop], defaults).bounds.x).toBe(-8);
  });

  it('centres the default size on the primary display when the monitor is gone', () => {
    const placed = placeWindow(saved(2100, 50), [laptop], defaults);
    expect(placed).toEqual({
      bounds: { x: 320, y: 90, width: 1280, height: 860 },
      maximized: false,
    });
  });

  it('does not restore a window straddling two displays or bigger than the screen', () => {
    expect(placeWindow(saved(1500, 50), [laptop, rightMonitor], defaults).bounds.x).toBe(320);
    expect(placeWindow(saved(0, 0, 3000, 2000), [laptop], defaults).bounds.width).toBe(1280);
  });

  it('remembers maximized even when the bounds are not used', () => {
    expect(placeWindow(saved(5000, 5000, 1000, 700, true), [laptop], defaults).maximized).toBe(
      true,
    );
  });

  it('uses the defaults for nothing saved or a damaged entry, clamped to a small screen', () => {
    expect(placeWindow(undefined, [laptop], defaults).bounds).toEqual({
      x: 320,
      y: 90,
      width: 1280,
      height: 860,
    });
    expect(placeWindow({ bounds: { x: 'left' } }, [laptop], defaults).maximized).toBe(false);
    const small = { x: 0, y: 0, width: 1024, height: 700 };
    expect(placeWindow(undefined, [small], defaults).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1024,
      height: 700,
    });
  });

  it('refuses saved bounds below the minimum size', () => {
    expect(placeWindow(saved(10, 10, 200, 100), [laptop], defaults).bounds.width).toBe(1280);
  });
});

describe('placementToSave', () => {
  const state = { normalBounds: { x: 10.4, y: 20.6, width: 1000, height: 700 } };
  it('keeps the normal bounds, rounded, and whether the window is maximized', () => {
    expect(
      placementToSave({ ...state, maximized: true, minimized: false, fullScreen: false }),
    ).toEqual({ bounds: { x: 10, y: 21, width: 1000, height: 700 }, maximized: true });
  });
  it('saves nothing while minimized or full screen', () => {
    expect(
      placementToSave({ ...state, maximized: false, minimized: true, fullScreen: false }),
    ).toBeNull();
    expect(
      placementToSave({ ...state, maximized: false, minimized: false, fullScreen: true }),
    ).toBeNull();
  });
});

describe('debouncedPlacementSaver', () => {
  /** Timers the test fires by hand. */
  function manualTimers() {
    const pending = new Map<number, () => void>();
    let next = 0;
    return {
      pending,
      set: (fn: () => void) => {
        next += 1;
        pending.set(next, fn);
        return next;
      },
      clear: (handle: unknown) => pending.delete(handle as number),
      fire() {
        const fns = [...pending.values()];
        pending.clear();
        fns.forEach((fn) => fn());
      },
    };
  }

  it('saves once after a burst of moves, with the latest placement', () => {
    const timers = manualTimers();
    let x = 0;
    const savedXs: number[] = [];
    const saver = debouncedPlacementSaver(
      () => saved(x, 0),
      (placement) => savedXs.push(placement.bounds.x),
      500,
      timers,
    );
    for (x = 1; x <= 5; x += 1) {
      saver.schedule();
    }
    expect(timers.pending.size).toBe(1);
    timers.fire();
    expect(savedXs).toEqual([6]);
  });

  it('flushes at once on close and skips readings that say nothing', () => {
    const timers = manualTimers();
    const saves: unknown[] = [];
    let reading: ReturnType<typeof saved> | null = saved(1, 1);
    const saver = debouncedPlacementSaver(
      () => reading,
      (p) => saves.push(p),
      500,
      timers,
    );
    saver.schedule();
    saver.flush();
    expect(saves).toEqual([saved(1, 1)]);
    expect(timers.pending.size).toBe(0);
    reading = null;
    saver.flush();
    expect(saves).toHaveLength(1);
  });
});
