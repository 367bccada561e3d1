/** The ingestion core other attendance code calls (ZK 4370 pull, derivation wiring). */
export { storeRawMessage, type StoreRawMessageInput } from './raw-messages.repository';
export { ingestPunchRecords, type IngestPunchInput, type IngestPunchResult, type PunchRecord } from './ingest-punch-records';
export { reparseRawMessage } from './reparse-raw-message';
export { resolveHeldPunches } from './resolve-held-punches';
export { importPunchFile, readPunchFile } from './import-punch-file';
export { notifyPunchesIngested, type AffectedDay, type OnPunchesIngested } from './punch-hooks';
