import { validateManifest } from '../model/validateManifest';
import { assembleManifest } from './assembleManifest';
import { CliError } from './cliError';
import { defineCommand } from './defineCommand';
import { getNow } from './getNow';
import { describeCentroid } from './trainManifest';
import { readBigQueryCentroids } from './readBigQueryCentroids';
import { readMeans } from './readMeans';
import { readSparkCenters } from './readSparkCenters';
import { readTrainingSpec } from './readTrainingSpec';
import { writeFileAtomic } from './writeFileAtomic';

export const importCommand = defineCommand({
  name: 'import',
  summary: "turn Spark MLlib or BigQuery ML k-means output into a manifest",
  help: `Usage: inkling import --from spark|bigquery <file> --features spec.json --means means.json [options]

Builds an unsigned manifest from k-means centroids computed by a distributed engine:
  spark     KMeansModel.clusterCenters exported as JSON (an array of arrays, or
            {"clusterCenters": [[…]]}) or CSV (one centroid per line; no header, columns in the
            spec's order, or a header of feature names). Segments: segment-0, segment-1, …
  bigquery  ML.CENTROIDS results exported as CSV, long format, with a header including
            centroid_id,feature,numerical_value. Segments: segment-<centroid_id>.

The engine's centroids are in whatever space its input was in. --means says how that input was
standardised: {"feature": {"mean": m, "std": s}, …} for every feature, of the transformed value
(log1p or none, as in the spec). By default the centroids are taken to be in that standardised
space already; with --space transformed they are z-scored with --means first (for an engine
that clustered unstandardised values, e.g. ML.CENTROIDS with its default standardize = FALSE).

Options:
  --from ENGINE       spark or bigquery (required)
  --features FILE     the training spec: features in the order of the centroids (required)
  --means FILE        mean and std per feature, as above (required)
  --space SPACE       z (default) or transformed
  --out FILE          the manifest to write (default manifest.json)
  --id ID             the manifest id (default: the spec's id, else one made from the date)`,
  options: {
    from: { type: 'string' },
    features: { type: 'string' },
    means: { type: 'string' },
    space: { type: 'string', default: 'z' },
    out: { type: 'string', default: 'manifest.json' },
    id: { type: 'string' },
  },
  positionals: ['centroids file'],
  run(values, [path]) {
    const { from, space } = values;
    if (from !== 'spark' && from !== 'bigquery') throw new CliError(`inkling import: --from must be spark or bigquery${from === undefined ? '' : `, not ${JSON.stringify(from)}`}`, 2);
    if (space !== 'z' && space !== 'transformed') throw new CliError(`inkling import: --space must be z or transformed, not ${JSON.stringify(space)}`, 2);
    if (values.features === undefined) throw new CliError('inkling import: --features spec.json is required', 2);
    if (values.means === undefined) throw new CliError('inkling import: --means means.json is required: the mean and std of each feature used to standardise the data before clustering', 2);
    const now = getNow();
    const spec = readTrainingSpec(values.features);
    const names = spec.features.map((f) => f.name);
    const { mean, std } = readMeans(values.means, names);
    const imported = from === 'spark' ? readSparkCenters(path!, names) : readBigQueryCentroids(path!, names);
    const centroids = space === 'z' ? imported.centroids : imported.centroids.map((c) => c.map((x, j) => (x - mean[j]!) / std[j]!));
    const segments = centroids.map((centroid, i) => {
      const id = `segment-${imported.ids[i]}`;
      return { id, label: id, description: describeCentroid(centroid, spec.features).description, centroid };
    });
    const manifest = assembleManifest({ spec, mean, std, segments, id: values.id, now });
    const check = validateManifest(manifest);
    if (!check.ok) throw new CliError(`the imported manifest is invalid, nothing was written`, 1, check.problems.map((p) => `  ${p}`));
    writeFileAtomic(values.out, `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`Imported ${centroids.length} segments from ${path} (${from}): wrote ${values.out}. It is unsigned: inkling sign ${values.out} --key key.pem`);
  },
});
