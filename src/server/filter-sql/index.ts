/** The filter tree compiled to parameterised SQL (see compile-filter.ts for the semantics). */
export { compileFilter, compileFilterInto, likePattern, type CompileFilterOptions, type CompiledFilter } from './compile-filter';
export { SqlParams } from './sql-params';
