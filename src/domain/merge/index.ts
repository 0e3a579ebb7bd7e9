/** Merge, unmerge and merge suggestions (SPEC §3 "Merge and unmerge"). */
export * from './contact-aggregate';
export * from './duplicate-keys';
export * from './merge-choices';
export * from './merge-fields';
export * from './merge-plan';
export * from './merge-record';
export * from './merge-suggestions';
export * from './unmerge-plan';
export * from './duplicate-clusters';
