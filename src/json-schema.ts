import { z } from 'zod';
import { MODEL_SCHEMA_URL } from './report/model-version.js';
import { ReportModel } from './report/schema.js';
import { VERSION } from './version.js';

/*
 * The ReportModel as a JSON Schema (2020-12), generated from its zod schema, for graders'
 * scripts in any language. `labreport schema` prints it; the package ships it as
 * dist/report-model.schema.json (written by `npm run build`); every JSON model names it in `$schema`.
 */

export { MODEL_SCHEMA_URL };

export function reportModelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReportModel, { target: 'draft-2020-12' });
  return { $schema: schema.$schema, $id: MODEL_SCHEMA_URL, title: `labreport ReportModel (labreport ${VERSION})`, ...schema };
}
