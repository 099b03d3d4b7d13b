/**
 * The front door's public surface: what other features may use. The application takes the
 * feature from its manifest (feature.ts); the demo seed records contacts through the service.
 */
export { frontDoorPaths } from './paths.js';
export { decideContact, recordContact, addKnownPerson, addNewPerson, type ContactView } from './service.js';
