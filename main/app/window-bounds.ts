import { z } from 'zod';

/** A rectangle in screen coordinates (Electron's Rectangle). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the main window was, in its normal (not maximized) state, and whether it was maximized. */
export const WindowPlacement = z.object({
  bounds: z.object({
    x: z.number().int().min(-100_000).max(100_000),
    y: z.number().int().min(-100_000).max(100_000),
    width: z.number().int().positive().max(100_000),
    height: z.number().int().positive().max(100_000),
  }),
  maximized: z.boolean(),
});
export type WindowPlacement = z.infer<typeof WindowPlacement>;

/** The window's size when nothing fits, and the least it may be. */
export interface WindowDefaults {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/**
 * How far a window may stick out of a display's work area and still count as on it: window
 * managers put maximized and snapped windows a few pixels past the edges (Windows: 8).
 */
export const EDGE_TOLERANCE = 16;

function contains(area: Rect, rect: Rect, tolerance: number): boolean {
  return (
    rect.x >= area.x - tolerance &&
    rect.y >= area.y - tolerance &&
    rect.x + rect.width <= area.x + area.width + tolerance &&
    rect.y + rect.height <= area.y + area.height + tolerance
  );
}

/** `size` clamped to `area` (and to the minimums), centred on it. */
function centred(area: Rect, width: number, height: number, defaults: WindowDefaults): Rect {
  const w = Math.max(Math.min(width, area.width), Math.min(defaults.minWidth, area.width));
  const h = Math.max(Math.min(height, area.height), Math.min(defaults.minHeight, area.height));
  return {
    x: Math.round(area.x + (area.width - w) / 2),
    y: Math.round(area.y + (area.height - h) / 2),
    width: w,
    height: h,
  };
}

/**
 * Where to open the main window, from what was saved and the displays there are now.
 *
 * Saved bounds are used as they are only when they fit on one current display's work area
 * (a monitor unplugged since, a resolution lowered, or a hand-edited file otherwise leaves
 * the window off screen or larger than the screen). Anything else opens at the default
 * size, centred on the primary display (`workAreas[0]`). Maximized is remembered either way.
 */
export function placeWindow(
  saved: unknown,
  workAreas: readonly Rect[],
  defaults: WindowDefaults,
): WindowPlacement {
  const parsed = WindowPlacement.safeParse(saved);
  const maximized = parsed.success && parsed.data.maximized;
  const primary = workAreas[0];
  if (parsed.success) {
    const { bounds } = parsed.data;
    const bigEnough = bounds.width >= defaults.minWidth && bounds.height >= defaults.minHeight;
    if (bigEnough && workAreas.some((area) => contains(area, bounds, EDGE_TOLERANCE))) {
      return { bounds, maximized };
    }
  }
  if (!primary) {
    return { bounds: { x: 0, y: 0, width: defaults.width, height: defaults.height }, maximized };
  }
  return { bounds: centred(primary, defaults.width, defaults.height, defaults), maximized };
}

/**
 * What to save of a window now: its normal bounds (so a maximized window comes back to the
 * size it had before), rounded, and whether it is maximized. Null while minimized or full
 * screen, whose bounds say nothing about where the admin wants the window.
 */
export function placementToSave(state: {
  normalBounds: Rect;
  maximized: boolean;
  minimized: boolean;
  fullScreen: boolean;
}): WindowPlacement | null {
  if (state.minimized || state.fullScreen) {
    return null;
  }
  const { x, y, width, height } = state.normalBounds;
  return {
    bounds: {
      x: Math.round(x),
      y: Math.round(y),
      width: Math.round(width),
      height: Math.round(height),
    },
    maximized: state.maximized,
  };
}
