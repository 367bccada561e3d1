export * from './org';
export * from './auth';
