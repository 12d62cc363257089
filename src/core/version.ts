/** sitrep's release, reported by the API and the CLI. Keep in step with package.json. */
export const SITREP_VERSION = '0.1.0';
