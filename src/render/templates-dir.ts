import { fileURLToPath } from 'node:url';

/** The default templates shipped with labreport (templates/ at the package root). */
export const DEFAULT_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
