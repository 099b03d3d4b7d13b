/**
 * Allocation's public surface: allocating a child inside the caller's transaction (the front
 * door, for a new child it refers), and the pure rules of who holds a record on a day.
 */
export { allocate, type AllocateInput } from './service.js';
export { currentAllocations, handoversToRead, holderInWords, holdsOn } from './holding.js';
export { allocationsOf, allocationsOfChildren, type AllocationRow } from './queries.js';
export { allocationPaths } from './paths.js';
