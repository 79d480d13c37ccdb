// Writes index.html. Run: node examples/marketplace/generatePage.mjs
//
// Static demo page for the Inkling SDK: an outdoor-gear marketplace.
// Output is deterministic (no randomness, no dates), so re-running the script
// on unchanged data produces a byte-identical index.html.

import { readFileSync, writeFileSync } from 'node:fs';

// The demo manifest's public key, written by signDemo.ts (npm run demo:sign).
const DEMO_KEY = readFileSync(new URL('./demo-key.pub', import.meta.url), 'utf8').trim();

/** Topics in page order. Each product is [name, price in whole dollars, emoji]. */
const TOPICS = [
  {
    id: 'tents',
    name: 'Tents',
    products: [
      ['Ridgeline 2P Backpacking Tent', 349, '⛺'],
      ['Summit Dome 3P Tent', 279, '⛺'],
      ['Featherlight 1P Ultralight Tent', 429, '🏕️'],
      ['Basecamp 6P Family Tent', 499, '🏕️'],
      ['Stormshield 4-Season Expedition Tent', 689, '🏔️'],
      ['Trekker Trekking-Pole Shelter', 219, '⛺'],
      ['Meadow 4P Cabin Tent', 329, '🏕️'],
      ['Bivy Pro Waterproof Bivy Sack', 159, '🛌'],
      ['Canopy 3 × 3 m Shade Shelter', 189, '⛱️'],
      ['Hammock Haven with Rainfly', 139, '🌲'],
      ['Pinecrest 2P Freestanding Tent', 259, '⛺'],
      ['Tarp Wing Silnylon 3 × 3 m', 89, '🪁'],
      ['Orbit 3P Tunnel Tent', 299, '⛺'],
      ['Nomad Hard-Shell Rooftop Tent', 1899, '🚙'],
      ['Tent Footprint 2P', 49, '🟫'],
      ['Aluminium Tent Stakes (12-pack)', 29, '📌'],
      ['Seam Sealer & Repair Kit', 19, '🧵'],
      ['Trail Gazebo Screen Room', 249, '🏕️'],
      ['Alpine Ridge 2P Bikepacking Tent', 319, '⛺'],
      ['Lakeside 8P Tunnel Tent', 599, '🏕️'],
    ],
  },
  {
    id: 'sleeping-bags',
    name: 'Sleeping bags',
    products: [
      ['Alpine Down Bag −10 °C', 449, '🛌'],
      ['Summer Breeze Bag +10 °C', 89, '🛌'],
      ['Three-Season Synthetic Bag −2 °C', 149, '🛌'],
      ['Featherweight Down Quilt 0 °C', 299, '🪶'],
      ['Expedition Down Bag −25 °C', 749, '🥶'],
      ["Kids' Campfire Sleeping Bag", 59, '🧸'],
      ['Double-Wide Couples Bag', 179, '🛏️'],
      ['Hybrid Mummy Bag −5 °C', 219, '🛌'],
      ['Silk Sleeping Bag Liner', 69, '🧣'],
      ['Thermal Fleece Liner', 45, '🧣'],
      ['Self-Inflating Mat 5 cm', 99, '🟩'],
      ['Insulated Air Pad R 4.2', 169, '🟦'],
      ['Closed-Cell Foam Pad', 39, '🟨'],
      ['Inflatable Camp Pillow', 29, '💤'],
      ['Compression Stuff Sack 15 L', 25, '🎒'],
      ['Down Camp Booties', 59, '🧦'],
      ['Cot Lite Camp Bed', 199, '🛏️'],
      ['Merino Wool Sleeping Bag Liner', 89, '🐑'],
      ['Bikepacking Quilt +5 °C', 239, '🪶'],
      ['Vapour Barrier Liner', 49, '🌡️'],
    ],
  },
  {
    id: 'bikes',
    name: 'Bikes',
    products: [
      ['Trailblazer 29er Hardtail Mountain Bike', 1299, '🚵'],
      ['Gravel Grinder Carbon GRX', 2499, '🚴'],
      ['Commuter City Bike 8-Speed', 749, '🚲'],
      ['Roadrunner Aluminium Road Bike', 1099, '🚴'],
      ['Enduro Full-Suspension 160 mm', 3299, '🚵'],
      ["Kids' Balance Bike 12\"", 129, '🚲'],
      ['Folding Commuter Bike 20"', 899, '🚲'],
      ['E-Trail Electric Mountain Bike', 4199, '⚡'],
      ['Touring Steel-Frame Bike', 1499, '🚲'],
      ['Fat-Tyre Snow Bike', 1799, '❄️'],
      ['Trail Helmet with MIPS', 129, '⛑️'],
      ['Bikepacking Frame Bag', 89, '👜'],
      ['Bikepacking Saddle Bag 14 L', 119, '🎒'],
      ['Multi-Tool 18-in-1', 35, '🔧'],
      ['Floor Pump with Gauge', 55, '🎈'],
      ['Rechargeable Front Light 1200 lm', 79, '🔦'],
      ['Clipless SPD Pedals', 69, '🦶'],
      ['Hydration Pack 12 L', 99, '💧'],
      ['Tubeless Repair Kit', 25, '🩹'],
      ['Padded Bib Shorts', 109, '🩳'],
    ],
  },
  {
    id: 'running',
    name: 'Running',
    products: [
      ['Trail Runner GTX Shoes', 159, '👟'],
      ['Road Racer Carbon-Plate Shoes', 249, '👟'],
      ['Cushioned Daily Trainer', 139, '👟'],
      ['Zero-Drop Minimalist Shoes', 119, '🦶'],
      ['Running Vest 5 L', 109, '🎽'],
      ['Soft Flask 500 ml', 29, '🧴'],
      ['Lightweight Wind Jacket', 99, '🌬️'],
      ['Waterproof Trail Shell', 189, '🧥'],
      ['Merino Running Tee', 69, '👕'],
      ['Split Running Shorts', 45, '🩳'],
      ['Compression Calf Sleeves', 35, '🧦'],
      ['Reflective Night Vest', 25, '🦺'],
      ['Running Headlamp 400 lm', 49, '🔦'],
      ['GPS Running Watch', 299, '⌚'],
      ['Running Belt Pouch', 22, '👝'],
      ['Trail Gaiters', 29, '🥾'],
      ['Cushioned Running Socks (3-pack)', 32, '🧦'],
      ['Thermal Running Tights', 79, '👖'],
      ['Collapsible Trail Poles', 139, '🦯'],
      ['Energy Gel Variety Box', 35, '🍯'],
    ],
  },
  {
    id: 'climbing',
    name: 'Climbing',
    products: [
      ['Performance Climbing Shoes', 169, '🧗'],
      ['All-Day Comfort Climbing Shoes', 119, '🧗'],
      ['Adjustable Sport Harness', 79, '🪢'],
      ['Dynamic Rope 9.8 mm × 60 m', 229, '🪢'],
      ['Assisted-Braking Belay Device', 109, '🔒'],
      ['HMS Locking Carabiner', 19, '🔗'],
      ['Quickdraw Set (6-pack)', 119, '🔗'],
      ['Foam Climbing Helmet', 89, '⛑️'],
      ['Chalk Bag with Belt', 25, '👝'],
      ['Loose Chalk 300 g', 12, '🤍'],
      ['Bouldering Crash Pad', 249, '🟥'],
      ['Alpine Nut Set (7 pieces)', 99, '🔩'],
      ['Camming Device Size 2', 89, '⚙️'],
      ['Via Ferrata Lanyard Set', 139, '🧗'],
      ['Dyneema Sling 120 cm', 18, '➰'],
      ['Rope Bag with Tarp', 45, '🎒'],
      ['Approach Shoes', 149, '🥾'],
      ['Fingerboard Hangboard', 79, '✋'],
      ['Handled Ascender', 69, '⛰️'],
      ['Belay Glasses', 89, '👓'],
    ],
  },
  {
    id: 'camp-kitchen',
    name: 'Camp kitchen',
    products: [
      ['Compact Canister Stove', 59, '🔥'],
      ['Integrated Stove System 1 L', 149, '🔥'],
      ['Two-Burner Camp Stove', 169, '🍳'],
      ['Titanium Cook Pot 750 ml', 49, '🍲'],
      ['Non-Stick Cook Set 4-Piece', 89, '🍳'],
      ['Titanium Folding Spork', 12, '🍴'],
      ['Insulated Camp Mug 350 ml', 24, '☕'],
      ['Pour-Over Coffee Dripper', 19, '☕'],
      ['Camp French Press 1 L', 39, '☕'],
      ['Collapsible Water Jug 10 L', 22, '💧'],
      ['Gravity Water Filter 4 L', 109, '🚰'],
      ['Cast-Iron Skillet 25 cm', 45, '🍳'],
      ['Rotomolded Cooler Box 45 L', 259, '🧊'],
      ['Folding Camp Kitchen Table', 139, '🪵'],
      ['Freeze-Dried Meal Pack (6 meals)', 59, '🥘'],
      ['Travel Spice Kit', 18, '🧂'],
      ['Folding Aluminium Windscreen', 19, '🌬️'],
      ['Fuel Canister 230 g', 8, '⛽'],
      ['Camp Dish Wash Kit', 25, '🧽'],
      ['Bear-Resistant Food Canister', 89, '🐻'],
    ],
  },
];

/** Hero variants: [segment, headline, sentence, call-to-action label, target topic]. */
const HERO_VARIANTS = [
  ['default', 'Gear up for every trail', 'Tents, bikes, shoes and stoves, tested on real trails by people who use them.', 'Shop all gear', 'tents'],
  ['camper', 'Sleep under the stars', 'Lightweight tents and warm sleeping bags for nights far from the road.', 'Shop tents & sleeping bags', 'tents'],
  ['cyclist', 'Ride further', 'Gravel, trail and road bikes, plus the bags and tools to go the distance.', 'Shop bikes', 'bikes'],
  ['runner', 'Faster every mile', 'Running shoes, vests and layers built for road and trail alike.', 'Shop running', 'running'],
  ['climber', 'Reach the summit', 'Climbing shoes, ropes and protection for the crag and the big wall.', 'Shop climbing', 'climbing'],
  ['camp-cook', 'Cook in the wild', 'Stoves, pots and coffee gear for a proper camp kitchen anywhere.', 'Shop camp kitchen', 'camp-kitchen'],
];

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in element content or a double-quoted attribute. */
function esc(value) {
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** Formats whole dollars as "$1,299". */
function formatPrice(dollars) {
  return '$' + String(dollars).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function renderCard(topicId, index, [name, price, emoji]) {
  const sku = `${topicId}-${String(index + 1).padStart(2, '0')}`;
  return `          <article class="card" data-inkling-topic="${esc(topicId)}" data-product="${esc(sku)}">
            <div class="card-photo" aria-hidden="true">${esc(emoji)}</div>
            <h3 class="card-title"><a href="#${esc(sku)}">${esc(name)}</a></h3>
            <p class="card-price">${esc(formatPrice(price))}</p>
            <div class="card-actions">
              <button type="button" data-inkling-action="add-to-cart">Add to cart</button>
              <button type="button" data-inkling-action="save">Save</button>
            </div>
          </article>`;
}

function renderHeroVariant([segment, headline, sentence, cta, target]) {
  const hidden = segment === 'default' ? '' : ' hidden';
  return `      <div class="hero-variant" data-inkling-variant="${esc(segment)}"${hidden}>
        <h1 class="hero-title">${esc(headline)}</h1>
        <p class="hero-text">${esc(sentence)}</p>
        <a class="hero-cta" href="#${esc(target)}">${esc(cta)}</a>
      </div>`;
}

function renderTopic(topic) {
  const cards = topic.products.map((product, i) => renderCard(topic.id, i, product)).join('\n');
  return `    <section class="topic" id="${esc(topic.id)}" data-inkling-topic="${esc(topic.id)}">
      <h2 class="topic-title">${esc(topic.name)}</h2>
      <div class="card-grid">
${cards}
      </div>
    </section>`;
}

function renderPage() {
  const navLinks = TOPICS.map((t) => `          <li><a href="#${esc(t.id)}">${esc(t.name)}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Trailhead Market — Inkling demo</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="styles.css">
  <!-- In <head>, so the cached decision is applied before any slot is painted. The demo switches
       at once (data-apply-on="immediate") to show the swap; the default waits for the next page. -->
  <script src="/dist/inkling.js" data-manifest="manifest.json" data-key="${DEMO_KEY}" data-apply-on="immediate"></script>
</head>
<body data-inkling-topic="outdoor">
  <header class="site-header">
    <div class="site-header-inner">
      <a class="brand" href="#hero"><span class="brand-mark" aria-hidden="true">⛰️</span> Trailhead Market</a>
      <nav class="site-nav" aria-label="Departments">
        <ul>
${navLinks}
        </ul>
      </nav>
      <p class="cart"><span aria-hidden="true">🛒</span> Cart (0)</p>
    </div>
  </header>

  <main>
    <section class="hero" id="hero" data-inkling-slot="hero" data-inkling-why>
${HERO_VARIANTS.map(renderHeroVariant).join('\n')}
    </section>

${TOPICS.map(renderTopic).join('\n\n')}
  </main>

  <footer class="site-footer">
    <p>Personalised on your device by Inkling — nothing about you leaves this browser.</p>
    <button type="button" data-inkling-explain>Why am I seeing this?</button>
  </footer>
</body>
</html>
`;
}

writeFileSync(new URL('./index.html', import.meta.url), renderPage());
