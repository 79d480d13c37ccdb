import { inject } from 'vitest';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { launchWebKit } from './webkit';
import type { Engine, EngineName } from './types';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The engine this vitest project runs the scenarios in. */
    engine: EngineName;
    /** The X display that support/globalSetup.ts started for WebKitGTK. */
    display: string;
  }
}

/** Launches the engine of the current vitest project (`e2e-chromium`, `e2e-firefox`, `e2e-webkit`). */
export async function launchEngine(): Promise<Engine> {
  const name = inject('engine');
  if (name === 'chromium') return launchChromium();
  if (name === 'firefox') return launchFirefox();
  return launchWebKit(inject('display'));
}
