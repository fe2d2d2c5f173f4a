/**
 * Calls `fn` at most once per `intervalMs` with the latest value; `flush` delivers the last
 * pending value at once. Progress goes to the UI a few times a second, never once per row.
 */
export function throttleLatest<T>(
  fn: (value: T) => void,
  intervalMs: number,
  now: () => number = Date.now,
) {
  let last = 0;
  let pending: { value: T } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    if (pending) {
      const { value } = pending;
      pending = undefined;
      last = now();
      fn(value);
    }
  };
  return {
    push(value: T) {
      pending = { value };
      const wait = last + intervalMs - now();
      if (wait <= 0) {
        fire();
      } else {
        timer ??= setTimeout(fire, wait);
      }
    },
    flush() {
      if (timer) {
        clearTimeout(timer);
      }
      fire();
    },
  };
}
