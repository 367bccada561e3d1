/**
 * The organisation module's public surface for other modules, the importer and the CLI. Every
 * write takes an Executor (the caller's transaction) and a RequestContext (`systemContext(...)`
 * for trusted callers), checks authorisation and records the audit row inside that transaction.
 */
export { createUnit, updateUnit, setUnitActive, getUnit, listUnits, listUnitTree } from './units.service';
export { createPosition, updatePosition, setPositionActive, getPosition, listPositions } from './positions.service';
export { createEmployee, updateEmployee, setEmployeeActive } from './employees.service';
export { getEmployeeDetail, listEmployees } from './employee-queries.service';
export { createAssignment, updateAssignment } from './assignments.service';
export { createSuperiorOverride, endSuperiorOverride } from './superior-overrides.service';
export { findDirectSuperior, findSubordinates, findSubordinateIds, loadSuperiorData } from './superiors.service';
export { findUnitIdByCode, findPositionIdByCode, findEmployeeIdByNip } from './org-lookups.repository';
export { findUnitSubtreeIds, findUnitAncestorIds } from './unit-tree.repository';
