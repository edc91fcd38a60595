/** Version of the ReportModel schema; raised only for a change that could break a reader. */
export const MODEL_VERSION = 1;
