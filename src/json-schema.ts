import { z } from 'zod';
import { ReportModel } from './report/schema.js';
import { VERSION } from './version.js';

/*
 * The ReportModel as a JSON Schema (2020-12), generated from its zod schema, for graders'
 * scripts in any language. `labreport schema` prints it; the package ships it as
 * dist/report-model.schema.json (written by `npm run build`); every JSON model names it in `$schema`.
 */

/** Where the schema of this version is published: the file inside the package, as served from the npm package CDN. */
export const MODEL_SCHEMA_URL = `https://unpkg.com/labreport@${VERSION}/dist/report-model.schema.json`;

export function reportModelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReportModel, { target: 'draft-2020-12' });
  return { $schema: schema.$schema, $id: MODEL_SCHEMA_URL, title: `labreport ReportModel (labreport ${VERSION})`, ...schema };
}
