/** The database engines sitrep runs on. */
export type Dialect = 'sqlite' | 'postgres';
