// Click-to-painted timing in the window, for the timing runs (measure-window.mjs,
// measure-registers-100k.mjs). Each measure runs inside the page: it starts the clock, acts
// (a click, a hash change), checks at every animation frame whether the page shows what it
// should, and stops the clock in a task queued from the frame that shows it, which runs once
// that frame is painted. WebDriver's round trips are outside the figure.

/**
 * Runs `act` (a function's source, run in the page) and resolves with the milliseconds until a
 * frame showing `ready` (an expression's source, true when the page shows what it should) and
 * a `watch` text (an expression's source) other than before the act has been painted.
 */
export async function clickToPainted(app, { act, ready = 'true', watch = "''", timeout = 20000 }) {
  const ms = await app.execAsync(
    `const done = arguments[arguments.length - 1];
     const q = (css) => document.querySelector(css);
     ${MASKED}
     const text = (css) => q(css)?.textContent ?? '';
     const watched = () => ${watch};
     const before = watched();
     const t0 = performance.now();
     const isReady = () => ${ready};
     const give_up = setTimeout(() => done({ ready: isReady(), changed: watched() !== before, shows: watched().slice(0, 300) }), ${timeout});
     (${act})();
     const tick = () => {
       if (isReady() && watched() !== before) {
         setTimeout(() => { clearTimeout(give_up); done(performance.now() - t0); });
       } else requestAnimationFrame(tick);
     };
     requestAnimationFrame(tick);`,
  );
  if (typeof ms !== 'number') throw new Error(`the page did not show ${ready} within ${timeout} ms: ${JSON.stringify(ms)}`);
  return ms;
}

/** Source of `masked(root)`: whether a loading mask shows inside root (one fading out does not count). */
const MASKED = `const masked = (root) => [...root.querySelectorAll('.el-loading-mask')].some((m) => m.offsetParent !== null && !/leave/.test(m.className));`;

/** A page of the app is shown and loaded: its root, no loading state, no visible loading mask. */
export const pageReady = (pageTestId, content = null) =>
  `(() => { const root = q('[data-testid="${pageTestId}"]'); if (!root) return false;
     if (root.querySelector('[data-testid="state-loading"]')) return false;
     return !masked(root)${content ? ` && !!root.querySelector(${JSON.stringify(content)})` : ''}; })()`;

/** Opens `route` by its hash and times it until `pageTestId` is ready (see pageReady). */
export function timeRoute(app, route, pageTestId, content = null) {
  return clickToPainted(app, {
    act: `() => { location.hash = ${JSON.stringify(`#${route}`)}; }`,
    ready: pageReady(pageTestId, content),
    watch: `location.hash + (q('[data-testid="${pageTestId}"]') ? 'shown' : '')`,
  });
}

/** The epoch milliseconds of `performance.mark(name)` in the page, or null before it is set. */
export function markAt(app, name) {
  return app.exec(
    `const m = performance.getEntriesByName(arguments[0])[0]; return m ? performance.timeOrigin + m.startTime : null;`,
    name,
  );
}

/** Median, first, smallest and largest of a list of milliseconds, rounded. */
export function summary(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const r = (x) => Math.round(x);
  return { median: r(mid), first: r(list[0]), min: r(sorted[0]), max: r(sorted[sorted.length - 1]), n: list.length };
}
