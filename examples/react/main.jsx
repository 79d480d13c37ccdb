// Served as /react/main.js: examples/serve.mjs bundles this file with esbuild when it is requested.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useSegment } from './useSegment.js';

const HEADLINES = {
  default: 'Gear up for every trail',
  camper: 'Sleep under the stars',
  cyclist: 'Ride further',
  runner: 'Faster every mile',
  climber: 'Reach the summit',
  'camp-cook': 'Cook in the wild',
  explorer: 'A little of everything',
};

const PRODUCTS = [
  { topic: 'tents', name: 'Ridgeline 2P Tent' },
  { topic: 'tents', name: 'Summit Dome 3P Tent' },
  { topic: 'tents', name: 'Featherlight 1P Tent' },
  { topic: 'tents', name: 'Basecamp 6P Tent' },
  { topic: 'tents', name: 'Stormshield 4-Season Tent' },
  { topic: 'bikes', name: 'Gravel 700 Bike' },
  { topic: 'bikes', name: 'Trail 29er Hardtail' },
  { topic: 'bikes', name: 'Aero Road Disc' },
  { topic: 'bikes', name: 'Bikepacking Frame Bag' },
  { topic: 'bikes', name: 'Trail Helmet MIPS' },
];

function App() {
  const segment = useSegment();
  return (
    <main>
      <header className="headline">
        <h1>{HEADLINES[segment] ?? HEADLINES.default}</h1>
        <p>
          Segment: <output>{segment}</output>
        </p>
      </header>
      <p className="intro">Click five tents (or five bikes): the headline is rendered by React from useSegment().</p>
      {['tents', 'bikes'].map((topic) => (
        <section className="topic" key={topic}>
          <h2 className="topic-title">{topic === 'tents' ? 'Tents' : 'Bikes'}</h2>
          <div className="product-buttons">
            {PRODUCTS.filter((p) => p.topic === topic).map((p) => (
              <button type="button" key={p.name} data-inkling-topic={p.topic} data-inkling-action="save">
                {p.name}
              </button>
            ))}
          </div>
        </section>
      ))}
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
