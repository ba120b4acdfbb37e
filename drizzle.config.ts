import { defineConfig } from 'drizzle-kit';

// Migrations are generated (`npm run db:generate`), committed, reviewed, and never edited after they land.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
