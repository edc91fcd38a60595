/** The values config and command line share, apart from the (zod) config schema so the CLI starts without it. */
export const LANGUAGES = ['en', 'zh'] as const;
export const FORMATS = ['md', 'html', 'pdf', 'docx', 'json'] as const;
export const PAPERS = ['A4', 'Letter'] as const;
export const DEFAULT_CONFIG_FILE = 'labreport.config.json';
