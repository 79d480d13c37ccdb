// In an app this is `import { init } from 'inkling'`; the demo server maps the build to /dist/.
import { init } from '/dist/inkling.mjs';

// In your app, paste the public key that `inkling keygen` printed. The demo re-signs its
// manifest with a fresh key now and then (npm run demo:sign), so it reads the current one.
const publicKey = (await (await fetch('../marketplace/demo-key.pub')).text()).trim();

// The worker (`inkling-worker.js`) is found beside `inkling.mjs`, same origin as the page.
// applyOn 'immediate': this small page is all in view, so the default (next page view) would show nothing.
const sdk = init({ manifest: '../marketplace/manifest.json', publicKey, applyOn: 'immediate' });
window.inkling = sdk;

const output = document.getElementById('segment');
sdk.on('segmentchange', (decision) => {
  output.textContent = `${decision.label} (${Math.round(decision.confidence * 100)} % sure)`;
});
sdk.on('error', (error) => {
  output.textContent = `default content (${error.code})`;
});
