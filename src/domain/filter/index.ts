/** Filter trees for segments and bulk actions: catalogue, validation, in-memory evaluation. */
export * from './ascii-fold';
export * from './duration';
export * from './filter-fields';
export * from './filter-schema';
export * from './filter-validation';
export * from './filter-evaluator';
export { isIsoDate, parseInstant, utcDateOf } from './temporal-values';
export * from './filter-labels';
