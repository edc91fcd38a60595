import { VERSION } from '../version.js';

/** Version of the ReportModel schema; raised only for a change that could break a reader. */
export const MODEL_VERSION = 1;

/**
 * Where the JSON Schema of this version is published: the file inside the package, as served
 * from the npm package CDN. (Here rather than in json-schema.ts, so that naming it in a model
 * does not load zod and the whole schema.)
 */
export const MODEL_SCHEMA_URL = `https://unpkg.com/labreport@${VERSION}/dist/report-model.schema.json`;
