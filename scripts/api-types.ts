// `npm run api:types`: writes docs/openapi.json and the console's API types from the routes' schemas.
import { writeFileSync } from 'node:fs';
import { generatedApiFiles } from '../api/openapi-document.js';

const { openapiJson, schemaTs } = await generatedApiFiles();
writeFileSync('docs/openapi.json', openapiJson);
writeFileSync('console/src/api/schema.d.ts', schemaTs);
console.log('wrote docs/openapi.json and console/src/api/schema.d.ts');
