// Sums a DevTools CPU profile (`Profiler.stop` result) into where the time went: busy time,
// the SDK's own share (self and inclusive) and its top functions by self time, named through the
// build's source map (`npm run bench -- --profile`).
import { readFileSync } from 'node:fs';

/** Node callFrame function names V8 uses for time outside JavaScript. */
const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** The first line of a source file's text at `line` (1-based), trimmed, for naming anonymous functions. */
function sourceLine(root, file, line) {
  try {
    return readFileSync(new URL(file, root), 'utf8').split('\n')[line - 1]?.trim().slice(0, 70) ?? '';
  } catch {
    return '';
  }
}

/**
 * `isSdk(url)` tells the SDK's frames; `lookup(line, column)` maps a minified position to its source
 * (createSourceMapLookup); `root` is the repository URL sources are read from.
 */
export function summarizeProfile(profile, { isSdk, lookup, root, top = 10 }) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  // Sample i lasts until sample i + 1 (as DevTools draws it); the last one gets no time.
  const selfUs = new Map();
  const deltas = profile.timeDeltas;
  let idleUs = 0;
  let programUs = 0;
  let gcUs = 0;
  let busyUs = 0;
  let sdkInclusiveUs = 0;
  const inclusive = new Map();
  for (let i = 0; i < profile.samples.length - 1; i++) {
    const us = deltas[i + 1] ?? 0;
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    const name = node.callFrame.functionName;
    if (name === '(idle)') {
      idleUs += us;
      continue;
    }
    busyUs += us;
    if (name === '(program)') programUs += us;
    if (name === '(garbage collector)') gcUs += us;
    selfUs.set(node.id, (selfUs.get(node.id) ?? 0) + us);
    // Inclusive: every distinct SDK function on the stack gets the sample once.
    const seen = new Set();
    let sdkOnStack = false;
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id).callFrame;
      if (!isSdk(frame.url)) continue;
      sdkOnStack = true;
      const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
      if (!seen.has(key)) {
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + us);
      }
    }
    if (sdkOnStack) sdkInclusiveUs += us;
  }

  // Self time per function (several nodes share one function when called from different stacks).
  const functions = new Map();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id).callFrame;
    if (SPECIAL.has(frame.functionName) || !isSdk(frame.url)) continue;
    const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
    const entry = functions.get(key) ?? { frame, selfUs: 0 };
    entry.selfUs += us;
    functions.set(key, entry);
  }
  const sdkSelfUs = [...functions.values()].reduce((sum, f) => sum + f.selfUs, 0);
  const name = ({ frame }) => {
    const at = lookup?.(frame.lineNumber, frame.columnNumber);
    const where = at ? `${at.source}:${at.line}` : `${frame.url.split('/').pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    const text = at && root ? sourceLine(root, at.source, at.line) : '';
    return { where, minified: frame.functionName || '(anonymous)', text };
  };
  const ms = (us) => Math.round(us) / 1000;
  return {
    busyMs: ms(busyUs),
    idleMs: ms(idleUs),
    programMs: ms(programUs),
    gcMs: ms(gcUs),
    sdkSelfMs: ms(sdkSelfUs),
    sdkInclusiveMs: ms(sdkInclusiveUs),
    top: [...functions.entries()]
      .sort((a, b) => b[1].selfUs - a[1].selfUs)
      .slice(0, top)
      .map(([key, entry]) => ({ ...name(entry), selfMs: ms(entry.selfUs), inclusiveMs: ms(inclusive.get(key) ?? 0) })),
  };
}
