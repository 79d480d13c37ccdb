// Turns the UCI "Online Shoppers Purchasing Intention" data set (id 468, CC BY 4.0) into the
// feature vectors `inkling train` reads: one row per session, one column per feature of
// spec.json, in the units the SDK measures on a visitor's device (see README.md here).
//
//   node examples/online-shoppers/toVectors.mjs [path/to/online_shoppers_intention.csv] > vectors.csv
//
// The data set itself is not in this repository; by default it is read from ../shared/data/.
import { readFileSync } from 'node:fs';

const source = process.argv[2] ?? new URL('../../../shared/data/online_shoppers_intention.csv', import.meta.url);
const [header, ...lines] = readFileSync(source, 'utf8').trim().split(/\r?\n/);
const columns = header.split(',');
const at = (name) => {
  const i = columns.indexOf(name);
  if (i < 0) throw new Error(`column ${name} is missing from the data set`);
  return i;
};

// Data set column → Inkling feature (spec.json). Views and seconds per page type are what the
// SDK counts as `view` and `dwell` signals on pages whose topic is account / info / product.
// Bounce and exit rates are per page view, as the shop's `bounce` and `exit` signals per view.
// PageValues is the average value of the pages seen, as the mean of `page-value` signals.
const MAPPING = [
  ['account_views', 'Administrative'],
  ['account_dwell', 'Administrative_Duration'],
  ['info_views', 'Informational'],
  ['info_dwell', 'Informational_Duration'],
  ['product_views', 'ProductRelated'],
  ['product_dwell', 'ProductRelated_Duration'],
  ['bounce_rate', 'BounceRates'],
  ['exit_rate', 'ExitRates'],
  ['page_value', 'PageValues'],
].map(([feature, column]) => [feature, at(column)]);

console.log(MAPPING.map(([feature]) => feature).join(','));
for (const line of lines) {
  const cells = line.split(',');
  // Durations can be slightly negative in the raw data (-1 for unknown); the SDK never measures less than 0.
  console.log(MAPPING.map(([, i]) => Math.max(0, Number(cells[i]))).join(','));
}
