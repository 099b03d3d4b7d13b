/** The network feature's public surface: what other features may use (tables are in schema.ts). */
export {
  networkForOpenedRecord,
  networkMembersForOpenedRecord,
  peopleToPickFrom,
  type NetworkView,
  type PersonToPick,
} from './service.js';
export { presentNetworkSection } from './presenters.js';
