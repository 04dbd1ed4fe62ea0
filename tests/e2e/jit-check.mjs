// Not a test: is JavaScriptCore's JIT on in the window's web view under Xvfb? Runs the same
// plain-JS loop in a window as launched, and in one launched with JSC_useJIT=false. With the
// JIT on, the first is several times faster; equal times mean the web view interprets.
//
//   node tests/e2e/jit-check.mjs            (uses target/release/examples/bare-window)
//
// measure-window.mjs runs it too and puts both figures in its JSON line.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { ROOT, launch } from './harness.mjs';

// Work a JIT speeds up a lot and an interpreter does not: numbers, an array, a closure.
const LOOP = `
  const t0 = performance.now();
  let acc = 0;
  const xs = new Float64Array(4096);
  for (let round = 0; round < 400; round++) {
    for (let i = 0; i < xs.length; i++) xs[i] = (xs[i] + i * 0.5 + round) % 1000;
    acc = xs.reduce((a, x) => a + x, acc) % 1e9;
  }
  return [performance.now() - t0, acc];
`;

async function loopMs(binary, env) {
  const app = await launch({ binary, env });
  try {
    const times = [];
    for (let i = 0; i < 5; i++) times.push((await app.exec(LOOP))[0]);
    times.sort((a, b) => a - b);
    return Math.round(times[2]);
  } finally {
    await app.close();
  }
}

/** Milliseconds of the loop with the web view as launched, and with its JIT turned off. */
export async function jitCheck(binary) {
  const asLaunched = await loopMs(binary, {});
  const withoutJit = await loopMs(binary, { JSC_useJIT: 'false' });
  return { asLaunched, withoutJit, jitOn: withoutJit > 2 * asLaunched };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const binary = process.env.BARE_WINDOW ?? join(ROOT, 'target/release/examples/bare-window');
  const r = await jitCheck(binary);
  console.log(`JS loop: ${r.asLaunched} ms as launched, ${r.withoutJit} ms with JSC_useJIT=false → JIT ${r.jitOn ? 'on' : 'OFF'}`);
}
