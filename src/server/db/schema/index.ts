export * from './org';
export * from './auth';
export * from './attendance';
export * from './activities';
export * from './skp';
export * from './tpp';
export * from './pay-data';
export * from './apel';
