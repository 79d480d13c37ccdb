// Starts what the WebKit scenarios need before any test file runs, and stops it after the last:
// a virtual X server on a free display number (MiniBrowser has no headless mode).
import type { TestProject } from 'vitest/node';
import { startXvfb } from './startXvfb';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const xvfb = await startXvfb();
  project.provide('display', xvfb.display);
  return () => xvfb.stop();
}
