export * from './agency.js';
export * from './catalog.js';
export * from './share-application.js';
export * from './idempotency.js';
export * from './calendar.js';
export * from './audit.js';
export * from './notification.js';
export * from './objection.js';
