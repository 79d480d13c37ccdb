// In an app this is `import { init } from 'inkling'`; the demo server maps the build to /dist/.
import { init } from '/dist/inkling.mjs';

// The worker (`inkling-worker.js`) is found beside `inkling.mjs`, same origin as the page.
const sdk = init({ manifest: '../marketplace/manifest.json' });
window.inkling = sdk;

const output = document.getElementById('segment');
sdk.on('segmentchange', (decision) => {
  output.textContent = `${decision.label} (${Math.round(decision.confidence * 100)} % sure)`;
});
sdk.on('error', (error) => {
  output.textContent = `default content (${error.code})`;
});
