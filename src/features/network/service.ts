/**
 * The child's network: who is in it, how they relate, and every change kept. Each call runs in
 * one council transaction, opens the child's record through child-record (the same access policy
 * as the rest of the record) and writes its audit entry in that transaction. Relationship changes
 * are versioned (record history), so the network can be shown as it stood on any past date.
 *
 * In three parts: reading the network (service/network.ts), changing it (service/changes.ts),
 * and the people in it (service/people.ts).
 */
export {
  RELATIONSHIP,
  networkForOpenedRecord,
  networkMembersForOpenedRecord,
  peopleToPickFrom,
  viewNetwork,
  type NetworkPersonView,
  type NetworkView,
  type PersonToPick,
  type RelationshipView,
} from './service/network.js';
export {
  addPersonToNetwork,
  changeRelationship,
  markNoLongerInvolved,
  placePerson,
  possibleMatches,
  recordRelationship,
  type AddPersonResult,
  type RelationshipSave,
} from './service/changes.js';
export {
  PERSON_DETAILS,
  mergePeople,
  personForEditing,
  savePersonDetails,
  type MergeResult,
  type PersonSave,
} from './service/people.js';
