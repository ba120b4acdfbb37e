// Copies what tsc does not emit into dist/: the committed SQL migrations.
import { cpSync } from 'node:fs';

cpSync('db/migrations', 'dist/db/migrations', { recursive: true });
