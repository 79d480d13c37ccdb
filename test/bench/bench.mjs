// `npm run bench` (issue 9; a report, not part of CI): what the script tag costs a real page.
//
// Loads the demo marketplace in Debian's Chromium WITH Inkling and WITHOUT it (the same page with
// the script tag removed), each run in a fresh browser context (a fresh profile), alternating
// with / without so machine drift hits both alike, and prints a markdown table of medians and
// min–max next to the budgets of DESIGN.md section 7. Every run's raw numbers go to
// test-results/bench.json with the date and the machine.
//
//   node test/bench/bench.mjs [--runs N] [--profile] [--out FILE]
//
//   --runs N     runs of each page (default 7)
//   --profile    one more run with the SDK under the DevTools CPU profiler (page and worker),
//                printing the SDK's top functions by self time, named through the source map;
//                not counted in the table (the profiler slows what it watches)
//
// What is measured, per run (details next to each figure in the printed notes):
//   start-up     main-thread script time (DevTools Performance.getMetrics ScriptDuration, thread
//                ticks) from navigation start to 5 s after it; script tag → first decision
//   clicks       500 real clicks (page.mouse.click) on the card buttons of the six topic sections
//   replay       500 more, following the first real sessions of UCI 553 (e-shop clothing 2008, from
//                ../shared/data/ when it is there): bursts and pauses as real visitors click
//   scroll       200 real wheel steps of 120 px (page.mouse.wheel), down and back up
//   long tasks   PerformanceObserver `longtask` and `long-animation-frame` (which names scripts)
//   worker       the worker thread's CPU time (Linux /proc schedstat) per flush; engine round trip
//                and event → decision from the engine's `ingest` messages
//   storage      JSON bytes of every IndexedDB record after the interaction; storage.estimate()
//
// Exits 0 whatever the numbers say; 1 only when a page fails to load (or the SDK never starts).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../examples/serve.mjs';
import { createSourceMapLookup } from './createSourceMapLookup.mjs';
import { installBenchProbe } from './installBenchProbe.mjs';
import { CLICK_DATA, readClickSessions } from './readClickSessions.mjs';
import { startCpuProfiler } from './startCpuProfiler.mjs';
import { summarizeProfile } from './summarizeProfile.mjs';

// The flags of vitest.config.ts (CHROMIUM_ARGS / CHROMIUM_PATH), re-declared: this is plain Node.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ROOT = new URL('../../', import.meta.url);
const VIEWPORT = { width: 1280, height: 800 };
const START_WINDOW_MS = 5000;
const CLICKS = 500;
const SECTIONS = ['tents', 'sleeping-bags', 'bikes', 'running', 'climbing', 'camp-kitchen'];
/** The shop categories of UCI 553 (1 trousers, 2 skirts, 3 blouses, 4 sale) → four of the demo's sections. */
const CATEGORY_SECTIONS = SECTIONS.slice(0, 4);

/** The measured click loop: CLICKS ÷ 6 clicks in each section, round robin over its buttons. */
const ROUND_ROBIN_RUNS = SECTIONS.map((section, s) => ({
  section,
  picks: Array.from({ length: Math.floor(CLICKS / SECTIONS.length) + (s < CLICKS % SECTIONS.length ? 1 : 0) }, (_, i) => i),
}));

/**
 * The replay: the first CLICKS clicks of real sessions of UCI 553 in their order, as runs of
 * clicks in one section (category → section, the clothing model's number → button); null when
 * the data is not beside the project.
 */
function replayRuns() {
  const real = readClickSessions(CLICKS);
  if (!real) return null;
  const runs = [];
  for (const click of real) {
    const section = CATEGORY_SECTIONS[click.category - 1];
    const pick = Number(click.model.replace(/\D/g, '')) || 0;
    const last = runs.at(-1);
    if (last?.section === section) last.picks.push(pick);
    else runs.push({ section, picks: [pick] });
  }
  return { clicks: real.length, sessions: new Set(real.map((c) => c.session)).size, runs };
}
const REPLAY = replayRuns();

/**
 * Clicks through `runs`: for each, scrolls its section into view (not measured), then clicks
 * the picked buttons; then waits SETTLE_MS for what the clicks set off (the flush, the
 * decision). Returns the main-thread time of the measured stretches, the settling included.
 */
async function clickThrough(page, runs, mainThreadMs) {
  let total = ZERO;
  for (const { section, picks } of runs) {
    const targets = await page.evaluate(visibleButtons, section);
    if (targets.length === 0) throw new Error(`no clickable button in #${section}`);
    await page.waitForTimeout(150);
    const before = await mainThreadMs();
    for (const pick of picks) {
      const [x, y] = targets[pick % targets.length];
      await page.mouse.click(x, y);
    }
    total = plus(total, minus(await mainThreadMs(), before));
  }
  const before = await mainThreadMs();
  await page.waitForTimeout(SETTLE_MS);
  return plus(total, minus(await mainThreadMs(), before));
}
const WHEEL_STEPS = 200;
const WHEEL_PX = 120;
const WHEEL_WAIT_MS = 10;
// After each loop, time for the idle-time flush (≤ 1 s) and the worker's answer to land in the measure.
const SETTLE_MS = 1200;

const BUDGETS = {
  startupMs: 3,
  clickMs: 0.05,
  scrollMs: 0.01,
  longTasks: 0,
  decisionP95Ms: 50,
  idbBytes: 64 * 1024,
};

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const options = { runs: 7, profile: false, out: 'test-results/bench.json' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg.startsWith('--runs=')) options.runs = Number(arg.slice(7));
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--out') options.out = argv[++i];
    else if (arg.startsWith('--out=')) options.out = arg.slice(6);
    else {
      console.error(`Unknown argument ${arg}. Usage: node test/bench/bench.mjs [--runs N] [--profile] [--out FILE]`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(options.runs) || options.runs < 1 || options.runs > 50) {
    console.error('--runs takes a whole number from 1 to 50');
    process.exit(2);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Small statistics

const sorted = (values) => values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
/** Linear-interpolated percentile (p in 0..1) of the finite values, or null when there are none. */
function percentile(values, p) {
  const s = sorted(values);
  if (s.length === 0) return null;
  const at = (s.length - 1) * p;
  const low = Math.floor(at);
  return s[low] + (s[Math.min(low + 1, s.length - 1)] - s[low]) * (at - low);
}
const median = (values) => percentile(values, 0.5);
const range = (values) => {
  const s = sorted(values);
  return s.length ? [s[0], s[s.length - 1]] : [null, null];
};

// ---------------------------------------------------------------------------------------------
// Measuring helpers

class PageLoadError extends Error {}

/** The DevTools metrics read (thread time), by our name. */
const METRICS = {
  script: 'ScriptDuration',
  task: 'TaskDuration',
  layout: 'LayoutDuration',
  style: 'RecalcStyleDuration',
  compile: 'V8CompileDuration',
  devtools: 'DevToolsCommandDuration',
  other: 'TaskOtherDuration',
  thread: 'ThreadTime',
};
/** The same, read in wall-clock time from a second session. */
const WALL_METRICS = { wallScript: 'ScriptDuration', wallTask: 'TaskDuration' };
const KEYS = [...Object.keys(METRICS), ...Object.keys(WALL_METRICS)];

/**
 * Starts DevTools' performance metrics on a page and returns `read()`: main-thread time so far,
 * in ms. `script` (ScriptDuration in thread ticks: CPU time of JavaScript, without the style and
 * layout it forces) is the budgets' figure; `task` is all work of all tasks; `wallScript` and
 * `wallTask` are the same in wall-clock time (a second session, `timeDomain: 'timeTicks'`), which
 * also counts the thread waiting: descheduled, or blocked on synchronous IPC such as the first
 * localStorage access.
 */
async function startMainThreadClock(context, page) {
  const thread = await context.newCDPSession(page);
  const wall = await context.newCDPSession(page);
  await thread.send('Performance.enable', { timeDomain: 'threadTicks' });
  await wall.send('Performance.enable', { timeDomain: 'timeTicks' });
  const pick = (metrics, names) =>
    Object.fromEntries(Object.entries(names).map(([key, name]) => [key, (metrics.find((m) => m.name === name)?.value ?? 0) * 1000]));
  return async () => {
    const [a, b] = await Promise.all([thread.send('Performance.getMetrics'), wall.send('Performance.getMetrics')]);
    return { ...pick(a.metrics, METRICS), ...pick(b.metrics, WALL_METRICS) };
  };
}
const minus = (a, b) => Object.fromEntries(KEYS.map((key) => [key, a[key] - b[key]]));
const plus = (a, b) => Object.fromEntries(KEYS.map((key) => [key, a[key] + b[key]]));
const ZERO = Object.fromEntries(KEYS.map((key) => [key, 0]));

/**
 * CPU time (ms) of the page's dedicated worker thread, from Linux's per-thread schedstat (ns on
 * CPU), or null when there is no /proc, no worker, or more than one (so we cannot tell which).
 * Renderer processes come from the browser itself (SystemInfo.getProcessInfo), so another
 * Chromium on the machine is never read.
 */
async function workerCpuMs(browserCdp) {
  if (!existsSync('/proc/self/task')) return null;
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  const found = [];
  for (const { type, id } of processInfo) {
    if (type !== 'renderer') continue;
    let tids = [];
    try {
      tids = readdirSync(`/proc/${id}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        if (readFileSync(`/proc/${id}/task/${tid}/comm`, 'utf8').trim() !== 'DedicatedWorker') continue;
        found.push(Number(readFileSync(`/proc/${id}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6);
      } catch {
        // The thread ended between listing and reading.
      }
    }
  }
  return found.length === 1 ? found[0] : null;
}

/** Scrolls a topic section into view and returns the centres of its card buttons that a click would hit. */
function visibleButtons(id) {
  return (async () => {
    const section = document.getElementById(id);
    if (!section) return [];
    // The demo's CSS asks for smooth scrolling: jump instead, so the buttons are where we measure them.
    scrollTo({ top: section.getBoundingClientRect().top + scrollY - 60, behavior: 'instant' });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const centres = [];
    for (const button of section.querySelectorAll('button[data-inkling-action]')) {
      const r = button.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      if (y > 0 && y < innerHeight && document.elementFromPoint(x, y) === button) centres.push([x, y]);
    }
    return centres;
  })();
}

/** Every record of every store of the `inkling` database, as JSON bytes (UTF-8), and storage.estimate(). */
function readStorage() {
  return (async () => {
    const usage = (await navigator.storage?.estimate?.())?.usage ?? null;
    const databases = (await indexedDB.databases?.()) ?? [];
    if (!databases.some((d) => d.name === 'inkling')) return { bytes: 0, stores: {}, usage };
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('inkling');
      // Never create or upgrade the database from here.
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const encoder = new TextEncoder();
    const stores = {};
    let bytes = 0;
    for (const name of db.objectStoreNames) {
      const records = await new Promise((resolve, reject) => {
        const all = db.transaction(name).objectStore(name).getAll();
        all.onsuccess = () => resolve(all.result);
        all.onerror = () => reject(all.error);
      });
      const storeBytes = records.reduce((sum, r) => sum + encoder.encode(JSON.stringify(r) ?? '').length, 0);
      stores[name] = { records: records.length, bytes: storeBytes };
      bytes += storeBytes;
    }
    db.close();
    return { bytes, stores, usage };
  })();
}

// ---------------------------------------------------------------------------------------------
// One run

/**
 * Loads one page in a fresh context and measures start-up, 500 clicks and 200 wheel steps.
 * With `profile`, the DevTools CPU profiler also runs on the page and its worker, cut per phase.
 */
async function runOnce({ browser, browserCdp, server, sdk, index, profile = false }) {
  const url = `${server.url}/marketplace/${sdk ? 'with' : 'without'}.html`;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(installBenchProbe);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const mainThreadMs = await startMainThreadClock(context, page);
    const profiles = {};
    const cutProfile = profile ? await startCpuProfiler(context, page) : null;
    const phase = async (name) => {
      if (cutProfile) profiles[name] = await cutProfile();
    };

    // --- Start-up: navigation start → +5 s
    const main0 = await mainThreadMs();
    let response;
    try {
      response = await page.goto(url, { waitUntil: 'commit' });
    } catch (e) {
      throw new PageLoadError(`${url} did not load: ${e.message}`);
    }
    if (!response?.ok()) throw new PageLoadError(`${url} answered ${response?.status()}`);
    const sinceNavigation = await page.evaluate(() => performance.now());
    await page.waitForTimeout(Math.max(0, START_WINDOW_MS - sinceNavigation));
    const main5 = await mainThreadMs();
    const workerStart = sdk ? await workerCpuMs(browserCdp) : null;
    try {
      await page.waitForLoadState('load', { timeout: 10_000 });
    } catch {
      throw new PageLoadError(`${url} never fired load`);
    }
    if (sdk) {
      try {
        await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 10_000, polling: 100 });
      } catch {
        throw new PageLoadError(`Inkling never resolved ready on ${url}${pageErrors.length ? ` (${pageErrors.join('; ')})` : ''}`);
      }
    }
    const start = await page.evaluate((scriptUrl) => {
      const entry = performance.getEntriesByName(scriptUrl)[0];
      const b = window.__bench;
      return { responseEnd: entry?.responseEnd ?? null, assignedAt: b.assignedAt, ready: b.ready };
    }, `${server.url}/dist/inkling.js`);
    await phase('start-up');

    // --- Clicks: the six topic sections in turn, clicking their visible buttons round robin.
    // Scrolling to a section happens between the measured stretches.
    const clicksBefore = await page.evaluate(() => window.__bench.buttonClicks);
    const workerBefore = sdk ? await workerCpuMs(browserCdp) : null;
    const ingestsBefore = await page.evaluate(() => window.__bench.ingests.length);
    const clickMain = await clickThrough(page, ROUND_ROBIN_RUNS, mainThreadMs);
    const clicksLanded = (await page.evaluate(() => window.__bench.buttonClicks)) - clicksBefore;
    await phase('clicks');

    // --- Scroll: from the top, down the page and back, WHEEL_STEPS steps.
    const scrollable = await page.evaluate(async () => {
      scrollTo({ top: 0, behavior: 'instant' });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return document.documentElement.scrollHeight - innerHeight;
    });
    await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
    await page.waitForTimeout(300);
    const stepsEachWay = Math.max(1, Math.floor(scrollable / WHEEL_PX));
    const ingestsBeforeScroll = await page.evaluate(() => window.__bench.ingests.length);
    const scrollBefore = await mainThreadMs();
    for (let i = 0; i < WHEEL_STEPS; i++) {
      const down = Math.floor(i / stepsEachWay) % 2 === 0;
      await page.mouse.wheel(0, down ? WHEEL_PX : -WHEEL_PX);
      await page.waitForTimeout(WHEEL_WAIT_MS);
    }
    await page.waitForTimeout(SETTLE_MS);
    const scrollMain = minus(await mainThreadMs(), scrollBefore);
    const workerAfter = sdk ? await workerCpuMs(browserCdp) : null;
    await phase('scroll');

    // --- Real sessions: CLICKS clicks of UCI 553 in their order, section by section as they go.
    let replay = null;
    if (REPLAY) {
      const landedBefore = await page.evaluate(() => window.__bench.buttonClicks);
      const ingestsBeforeReplay = await page.evaluate(() => window.__bench.ingests.length);
      const replayMain = await clickThrough(page, REPLAY.runs, mainThreadMs);
      const landed = (await page.evaluate(() => window.__bench.buttonClicks)) - landedBefore;
      replay = { clicks: REPLAY.clicks, landed, runs: REPLAY.runs.length, scriptMs: replayMain.script, mainThreadMs: replayMain, ingestsBefore: ingestsBeforeReplay };
      await phase('replay');
    }

    // --- What the page saw
    const seen = await page.evaluate(() => {
      const b = window.__bench;
      const ingests = b.ingests.map(({ sent, answered, engineMs, batch }) => {
        const at = (batch?.signals ?? []).map((s) => s.at).filter((t) => typeof t === 'number');
        return { sent, answered, engineMs, answeredEpoch: performance.timeOrigin + answered, signals: at.length, oldest: Math.min(...at), newest: Math.max(...at) };
      });
      return { longTasks: b.longTasks, longFrames: b.longFrames, ingests };
    });
    const storage = await page.evaluate(readStorage);
    const interactionIngests = seen.ingests.slice(ingestsBefore, replay?.ingestsBefore);
    const flushes = interactionIngests.length;
    // Long animation frames in which inkling.js ran, with how long its scripts ran in each.
    const inklingMs = (frame) => frame.scripts.filter((x) => x.sourceURL.includes('/dist/inkling.js')).reduce((sum, x) => sum + x.duration, 0);
    const inklingFrames = seen.longFrames.filter((f) => inklingMs(f) > 0).map((f) => ({ ...f, inklingMs: inklingMs(f) }));

    const run = {
      sdk,
      index,
      url,
      pageErrors,
      startup: {
        scriptMs: main5.script - main0.script,
        mainThreadMs: minus(main5, main0),
        scriptArrivedMs: start.responseEnd,
        scriptRanMs: start.assignedAt,
        readyMs: start.ready?.at ?? null,
        tagToDecisionMs: start.ready && start.responseEnd !== null ? start.ready.at - start.responseEnd : null,
        firstSegment: start.ready?.segment ?? null,
        workerCpuMs: workerStart,
      },
      clicks: { requested: CLICKS, landed: clicksLanded, scriptMs: clickMain.script, mainThreadMs: clickMain },
      scroll: { steps: WHEEL_STEPS, scrollablePx: scrollable, scriptMs: scrollMain.script, mainThreadMs: scrollMain },
      replay: replay && { ...replay, flushes: seen.ingests.length - replay.ingestsBefore },
      longTasks: {
        count: seen.longTasks.length,
        totalMs: seen.longTasks.reduce((sum, t) => sum + t.duration, 0),
        entries: seen.longTasks,
        longFrames: seen.longFrames.length,
        longFramesWithInkling: inklingFrames.length,
        // Frames where inkling.js's own scripts ran 50 ms or more: a long task of the SDK's making.
        longFramesByInkling: inklingFrames.filter((f) => f.inklingMs >= 50).length,
        maxInklingMs: Math.max(0, ...inklingFrames.map((f) => f.inklingMs)),
        inklingFrames,
      },
      worker: sdk
        ? {
            interactionCpuMs: workerBefore !== null && workerAfter !== null ? workerAfter - workerBefore : null,
            flushes,
            cpuPerFlushMs: workerBefore !== null && workerAfter !== null && flushes > 0 ? (workerAfter - workerBefore) / flushes : null,
          }
        : null,
      ingests: seen.ingests.map((i, n) => ({
        phase: n < ingestsBefore ? 'start-up' : n < ingestsBeforeScroll ? 'clicks' : replay && n >= replay.ingestsBefore ? 'replay' : 'scroll',
        signals: i.signals,
        roundTripMs: i.answered - i.sent,
        engineMs: i.engineMs ?? null,
        eventToDecisionMs: Number.isFinite(i.oldest) ? i.answeredEpoch - i.oldest : null,
        newestEventToDecisionMs: Number.isFinite(i.newest) ? i.answeredEpoch - i.newest : null,
      })),
      storage,
    };
    return profile ? { run, profiles } : run;
  } finally {
    await context.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (value, digits = 2) => (value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits));
const kb = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : `${(bytes / 1024).toFixed(1)} KB`);

/** The figures of the table: with-SDK value minus the no-SDK median where a baseline applies. */
function summarize(runs) {
  const withSdk = runs.filter((r) => r.sdk);
  const without = runs.filter((r) => !r.sdk);
  const added = (pick, divide = 1) => {
    const base = median(without.map(pick));
    const values = withSdk.map((r) => (pick(r) - base) / divide);
    return { median: (median(withSdk.map(pick)) - base) / divide, range: range(values), baseline: base / divide, values };
  };
  const plain = (values) => ({ median: median(values), range: range(values), values });
  const perRun = (pick) => plain(withSdk.map(pick));
  const ingestPercentile = (field, p, phase = (ph) => ph !== 'replay') => (r) => percentile(r.ingests.filter((i) => phase(i.phase)).map((i) => i[field]), p);
  return {
    startupScriptMs: added((r) => r.startup.scriptMs),
    tagToDecisionMs: perRun((r) => r.startup.tagToDecisionMs),
    scriptRunMs: perRun((r) => (r.startup.scriptRanMs ?? NaN) - (r.startup.scriptArrivedMs ?? NaN)),
    startupWorkerCpuMs: perRun((r) => r.startup.workerCpuMs),
    clickScriptMs: added((r) => r.clicks.scriptMs, CLICKS),
    scrollScriptMs: added((r) => r.scroll.scriptMs, WHEEL_STEPS),
    replayScriptMs: added((r) => r.replay?.scriptMs ?? NaN, CLICKS),
    replayFlushes: perRun((r) => r.replay?.flushes ?? NaN),
    replayLanded: plain(runs.map((r) => r.replay?.landed ?? NaN)),
    replayEventToDecisionP95: perRun(ingestPercentile('eventToDecisionMs', 0.95, (ph) => ph === 'replay')),
    longTasks: added((r) => r.longTasks.count),
    longTasksWith: perRun((r) => r.longTasks.count),
    longTasksWithout: plain(without.map((r) => r.longTasks.count)),
    longTaskMs: added((r) => r.longTasks.totalMs),
    longFramesByInkling: perRun((r) => r.longTasks.longFramesByInkling),
    longFramesWithInkling: perRun((r) => r.longTasks.longFramesWithInkling),
    maxInklingInLongFrameMs: perRun((r) => r.longTasks.maxInklingMs),
    startupTaskMs: added((r) => r.startup.mainThreadMs.task),
    startupWallScriptMs: added((r) => r.startup.mainThreadMs.wallScript),
    clickWallScriptMs: added((r) => r.clicks.mainThreadMs.wallScript, CLICKS),
    scrollWallScriptMs: added((r) => r.scroll.mainThreadMs.wallScript, WHEEL_STEPS),
    startupLayoutMs: added((r) => r.startup.mainThreadMs.layout + r.startup.mainThreadMs.style),
    clickTaskMs: added((r) => r.clicks.mainThreadMs.task, CLICKS),
    scrollTaskMs: added((r) => r.scroll.mainThreadMs.task, WHEEL_STEPS),
    workerCpuPerFlushMs: perRun((r) => r.worker?.cpuPerFlushMs),
    flushes: perRun((r) => r.worker?.flushes),
    engineP50: perRun(ingestPercentile('engineMs', 0.5)),
    engineP95: perRun(ingestPercentile('engineMs', 0.95)),
    roundTripP50: perRun(ingestPercentile('roundTripMs', 0.5)),
    roundTripP95: perRun(ingestPercentile('roundTripMs', 0.95)),
    eventToDecisionP50: perRun(ingestPercentile('eventToDecisionMs', 0.5)),
    eventToDecisionP95: perRun(ingestPercentile('eventToDecisionMs', 0.95)),
    idbBytes: perRun((r) => r.storage.bytes),
    usageBytes: perRun((r) => r.storage.usage),
    usageBaselineBytes: plain(without.map((r) => r.storage.usage)),
    clicksLanded: plain(runs.map((r) => r.clicks.landed)),
  };
}

function printReport(s, { runs, seconds, machine }) {
  const verdict = (value, budget) => (value === null || !Number.isFinite(value) ? 'n/a' : value <= budget ? 'ok' : 'OVER');
  const row = (what, figure, digits, unit, budget, budgetText, note = '') => {
    const [lo, hi] = figure.range;
    const cells = [
      what,
      `${fmt(figure.median, digits)} ${unit}`,
      `${fmt(lo, digits)} – ${fmt(hi, digits)}`,
      budgetText ?? (budget === undefined ? '—' : `≤ ${budget} ${unit}`),
      budget === undefined ? '—' : verdict(figure.median, budget),
      note,
    ];
    return `| ${cells.join(' | ')} |`;
  };
  const lines = [
    `## Inkling bench: ${runs} runs with the SDK, ${runs} without, interleaved (${seconds.toFixed(0)} s)`,
    '',
    `Chromium ${machine.chromium}, Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${(machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GB, load average ${fmt(machine.loadAverageAtStart, 1)} at the start. Medians; min – max over the runs with the SDK (each minus the no-SDK median where a baseline applies).`,
    '',
    '| figure | median | min – max | budget | | how |',
    '| --- | --- | --- | --- | --- | --- |',
    row('added main-thread script, start-up (first 5 s)', s.startupScriptMs, 2, 'ms', BUDGETS.startupMs, undefined, `ScriptDuration at +5 s, minus the no-SDK median (${fmt(s.startupScriptMs.baseline)} ms)`),
    row('script tag → first decision', s.tagToDecisionMs, 1, 'ms', undefined, undefined, '`ready` resolved, from inkling.js responseEnd'),
    row('added main-thread script per click', s.clickScriptMs, 4, 'ms', BUDGETS.clickMs, undefined, `${CLICKS} clicks + ${SETTLE_MS} ms settle, minus no-SDK median, ÷ ${CLICKS}`),
    ...(REPLAY
      ? [
          row(
            'added main-thread script per click, real sessions',
            s.replayScriptMs,
            4,
            'ms',
            BUDGETS.clickMs,
            undefined,
            `${REPLAY.clicks} clicks of ${REPLAY.sessions} sessions of UCI 553 in their order, ${REPLAY.runs.length} runs in one section with a scroll between; median ${fmt(s.replayFlushes.median, 0)} flushes; ÷ ${CLICKS}`,
          ),
        ]
      : []),
    row('added main-thread script per scroll step', s.scrollScriptMs, 4, 'ms', BUDGETS.scrollMs, undefined, `${WHEEL_STEPS} wheel steps of ${WHEEL_PX} px, minus no-SDK median, ÷ ${WHEEL_STEPS}`),
    row(
      'long tasks added by the SDK',
      s.longTasks,
      1,
      '',
      BUDGETS.longTasks,
      '0',
      `\`longtask\` entries with ${fmt(s.longTasksWith.median, 0)}, without ${fmt(s.longTasksWithout.median, 0)}; their total length ${fmt(s.longTaskMs.median, 0)} ms longer with the SDK`,
    ),
    row(
      'long animation frames where inkling.js ran ≥ 50 ms',
      s.longFramesByInkling,
      0,
      '',
      BUDGETS.longTasks,
      '0',
      `its longest stretch in a long frame: ${fmt(s.maxInklingInLongFrameMs.median, 0)} ms (script attribution of \`long-animation-frame\`)`,
    ),
    row('worker CPU per flush', s.workerCpuPerFlushMs, 2, 'ms', undefined, undefined, `worker thread CPU (schedstat) over clicks + scroll ÷ flushes (median ${fmt(s.flushes.median, 0)})`),
    row('batch → new decision in the worker, p50', s.engineP50, 1, 'ms', undefined, undefined, 'the engine\'s own time per `ingest` (performance.now in the worker): store, prune, score'),
    row('batch → new decision in the worker, p95', s.engineP95, 1, 'ms', BUDGETS.decisionP95Ms, undefined, 'the "event → new decision (worker)" budget'),
    row('engine round trip, p50', s.roundTripP50, 1, 'ms', undefined, undefined, 'ingest message sent → decision applied on the page'),
    row('engine round trip, p95', s.roundTripP95, 1, 'ms', undefined, undefined, 'adds the wait for the page\'s main thread, busy with 500 synthetic clicks (its tail stays with an in-memory store too)'),
    row('event → decision, p50', s.eventToDecisionP50, 1, 'ms', undefined, undefined, 'oldest event of a batch → decision applied (includes the wait for the flush interval and idle time, by design)'),
    row('event → decision, p95', s.eventToDecisionP95, 1, 'ms', undefined, undefined, 'the same, end to end'),
    ...(REPLAY ? [row('event → decision, p95, real sessions', s.replayEventToDecisionP95, 1, 'ms', undefined, undefined, 'the same over the replay: a burst waits for the flush interval (FLUSH_INTERVAL_MS, 2 s) after the last batch')] : []),
    row('IndexedDB after the interaction', { median: s.idbBytes.median, range: s.idbBytes.range }, 0, 'B', BUDGETS.idbBytes, '≤ 64 KB (after a simulated year)', `${kb(s.idbBytes.median)}; one session, not a year: JSON of every record`),
    row(
      'storage.estimate().usage',
      { median: s.usageBytes.median, range: s.usageBytes.range },
      0,
      'B',
      undefined,
      undefined,
      `${kb(s.usageBytes.median)} (no-SDK page: ${kb(s.usageBaselineBytes.median)})`,
    ),
  ];
  lines.push(
    '',
    'For comparison, no budget: script in wall-clock time (what the page waits, including the thread being descheduled or blocked on synchronous IPC) and all main-thread work (TaskDuration: script plus style, layout, message and input handling, GC…), each with SDK minus without:',
    '',
    '| figure | median | min – max |',
    '| --- | --- | --- |',
    `| added script, wall clock, start-up (first 5 s) | ${fmt(s.startupWallScriptMs.median)} ms | ${s.startupWallScriptMs.range.map((v) => fmt(v)).join(' – ')} |`,
    `| added script, wall clock, per click | ${fmt(s.clickWallScriptMs.median, 4)} ms | ${s.clickWallScriptMs.range.map((v) => fmt(v, 4)).join(' – ')} |`,
    `| added script, wall clock, per scroll step | ${fmt(s.scrollWallScriptMs.median, 4)} ms | ${s.scrollWallScriptMs.range.map((v) => fmt(v, 4)).join(' – ')} |`,
    `| added main-thread work, start-up (first 5 s) | ${fmt(s.startupTaskMs.median)} ms | ${s.startupTaskMs.range.map((v) => fmt(v)).join(' – ')} |`,
    `| … of which style and layout | ${fmt(s.startupLayoutMs.median)} ms | ${s.startupLayoutMs.range.map((v) => fmt(v)).join(' – ')} |`,
    `| added main-thread work per click | ${fmt(s.clickTaskMs.median, 4)} ms | ${s.clickTaskMs.range.map((v) => fmt(v, 4)).join(' – ')} |`,
    `| added main-thread work per scroll step | ${fmt(s.scrollTaskMs.median, 4)} ms | ${s.scrollTaskMs.range.map((v) => fmt(v, 4)).join(' – ')} |`,
  );
  console.log(lines.join('\n'));
  if (REPLAY && s.replayLanded.range[0] !== REPLAY.clicks) console.log(`\nWarning: only ${s.replayLanded.range[0]} of ${REPLAY.clicks} replayed clicks reached a card button in some run.`);
  if (!REPLAY) console.log(`\nThe real-session replay was skipped: ${CLICK_DATA.pathname} is not there (UCI 553; see README, "Example: real shoppers").`);
  if (s.clicksLanded.range[0] !== CLICKS) console.log(`\nWarning: only ${s.clicksLanded.range[0]} of ${CLICKS} clicks reached a card button in some run.`);
}

/** Prints the SDK's share of each phase's profiles and its top functions; returns the summaries. */
function printProfile({ profiles }) {
  const map = JSON.parse(readFileSync(new URL('dist/inkling.js.map', ROOT), 'utf8'));
  const lookup = createSourceMapLookup(map);
  const isSdk = (url) => url.includes('/dist/inkling.js');
  console.log('\n## CPU profile of one extra run with the SDK (DevTools profiler, 100 µs sampling; not in the table)\n');
  console.log('Self time here is wall-clock and includes the style and layout a function forces (reading `scrollHeight`, `getBoundingClientRect`…), which ScriptDuration leaves out.\n');
  const summaries = {};
  for (const [phaseName, { page, worker }] of Object.entries(profiles)) {
    for (const [thread, profile] of [
      ['main thread', page],
      ['worker', worker],
    ]) {
      if (!profile) continue;
      const p = summarizeProfile(profile, { isSdk, lookup, root: ROOT, top: 8 });
      summaries[`${phaseName}, ${thread}`] = p;
      console.log(
        `### ${phaseName}, ${thread}: busy ${fmt(p.busyMs, 1)} ms (GC ${fmt(p.gcMs, 1)}, native/other ${fmt(p.programMs, 1)}); inkling.js self ${fmt(p.sdkSelfMs, 1)} ms, inclusive ${fmt(p.sdkInclusiveMs, 1)} ms\n`,
      );
      if (p.top.length === 0) {
        console.log('(no inkling.js samples)\n');
        continue;
      }
      console.log('| self ms | incl. ms | function | source |\n| --- | --- | --- | --- |');
      for (const f of p.top) console.log(`| ${fmt(f.selfMs, 2)} | ${fmt(f.inclusiveMs, 2)} | \`${f.minified}\` ${f.text ? `\`${f.text.replace(/\|/g, '\\|')}\`` : ''} | ${f.where} |`);
      console.log('');
    }
  }
  return summaries;
}

// ---------------------------------------------------------------------------------------------
// Main

const options = parseArgs(process.argv.slice(2));
if (!existsSync(new URL('dist/inkling.js', ROOT))) {
  console.error('dist/inkling.js is missing: run npm run build first (npm run bench does).');
  process.exit(1);
}
const demoPage = readFileSync(new URL('examples/marketplace/index.html', ROOT), 'utf8');
const TAG = /[ \t]*<script\b[^>]*\bsrc="\/dist\/inkling\.js"[^>]*><\/script>\n?/g;
const withoutPage = demoPage.replace(TAG, '');
if ((demoPage.match(TAG) ?? []).length !== 1 || withoutPage.includes('inkling.js')) {
  console.error('examples/marketplace/index.html should have exactly one <script src="/dist/inkling.js"> tag to remove.');
  process.exit(1);
}
const html = (body) => ({ type: 'text/html; charset=utf-8', body });

// Everything below is bounded; this is the last resort if Chromium itself hangs.
const watchdog = setTimeout(
  () => {
    console.error('bench: gave up after the time limit (Chromium stopped answering?)');
    process.exit(1);
  },
  (options.runs * 2 + 3) * 90_000,
);
watchdog.unref();

const started = performance.now();
const [server, browser] = await Promise.all([
  serve({ routes: { '/marketplace/with.html': html(demoPage), '/marketplace/without.html': html(withoutPage) } }),
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true }),
]);
let exitCode = 0;
try {
  const browserCdp = await browser.newBrowserCDPSession();
  const machine = {
    node: process.version,
    chromium: browser.version(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
    totalMemoryBytes: os.totalmem(),
    platform: `${os.platform()} ${os.release()}`,
    // Other work on the machine shows up as noise (wall-clock figures most of all).
    loadAverageAtStart: os.loadavg()[0],
  };
  // One unrecorded load of each page first: the browser's own first-use costs land on no run.
  for (const sdk of [true, false]) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const warm = await context.newPage();
      await warm.goto(`${server.url}/marketplace/${sdk ? 'with' : 'without'}.html`);
      if (sdk) await warm.evaluate(() => window.inkling?.ready);
    } catch (e) {
      throw new PageLoadError(`the demo page did not load: ${e.message}`);
    } finally {
      await context.close();
    }
  }
  const runs = [];
  for (let i = 0; i < options.runs; i++) {
    for (const sdk of [true, false]) {
      const run = await runOnce({ browser, browserCdp, server, sdk, index: i });
      runs.push(run);
      process.stderr.write(
        `run ${i + 1}/${options.runs} ${sdk ? 'with   ' : 'without'}: start-up script ${fmt(run.startup.scriptMs)} ms, clicks ${fmt(run.clicks.scriptMs)} ms, scroll ${fmt(run.scroll.scriptMs)} ms, long tasks ${run.longTasks.count}\n`,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const summary = summarize(runs);
  printReport(summary, { runs: options.runs, seconds, machine });
  const profile = options.profile ? printProfile(await runOnce({ browser, browserCdp, server, sdk: true, index: -1, profile: true })) : undefined;
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(
    options.out,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        settings: { runs: options.runs, viewport: VIEWPORT, startWindowMs: START_WINDOW_MS, clicks: CLICKS, replay: REPLAY && { clicks: REPLAY.clicks, sessions: REPLAY.sessions, runs: REPLAY.runs.length }, wheelSteps: WHEEL_STEPS, wheelPx: WHEEL_PX, wheelWaitMs: WHEEL_WAIT_MS, settleMs: SETTLE_MS },
        budgets: BUDGETS,
        seconds,
        summary,
        runs,
        profile,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nRaw numbers of every run: ${options.out}`);
} catch (e) {
  if (!(e instanceof PageLoadError)) throw e;
  console.error(`bench: ${e.message}`);
  exitCode = 1;
} finally {
  await browser.close().catch(() => undefined);
  await server.close();
  clearTimeout(watchdog);
}
process.exitCode = exitCode;
