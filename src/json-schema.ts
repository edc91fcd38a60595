import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MODEL_SCHEMA_URL } from './report/model-version.js';
import { ReportModel } from './report/schema.js';
import { VERSION } from './version.js';

/*
 * The ReportModel as a JSON Schema (2020-12), generated from its zod schema, for graders'
 * scripts in any language. `labreport schema` prints it; the package ships it as
 * dist/report-model.schema.json (written by `npm run build` through scripts/model-schema.mjs,
 * which gives each field the description its comment in the schema's source has); every JSON
 * model names it in `$schema`.
 */

export { MODEL_SCHEMA_URL };

/** The schema as the package ships it (with the fields' descriptions); `bare`: generated from the zod schema alone, without them. */
export function reportModelJsonSchema(options: { bare?: boolean } = {}): Record<string, unknown> {
  if (!options.bare) {
    const shipped = shippedSchema();
    if (shipped) return shipped;
  }
  const schema = z.toJSONSchema(ReportModel, { target: 'draft-2020-12' });
  return { $schema: schema.$schema, $id: MODEL_SCHEMA_URL, title: `labreport ReportModel (labreport ${VERSION})`, ...schema };
}

/** dist/report-model.schema.json beside this module, when this is the built package (and it is of this version). */
function shippedSchema(): Record<string, unknown> | null {
  try {
    const schema = JSON.parse(readFileSync(new URL('./report-model.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    return schema.$id === MODEL_SCHEMA_URL ? schema : null;
  } catch {
    return null; // running from the sources, or a build in progress: generated instead
  }
}
