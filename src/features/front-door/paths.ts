import { path } from '../../platform/http/path.js';

/** The front door's pages and API, each written once: `.pattern` to register, `.href()` to link. */
export const frontDoorPaths = {
  queue: path('/front-door'),
  newContact: path('/front-door/contacts/new'),
  contact: path('/front-door/contacts/:contactId'),
  editContact: path('/front-door/contacts/:contactId/edit'),
  findPerson: path('/front-door/contacts/:contactId/people/find'),
  addPerson: path('/front-door/contacts/:contactId/people'),
  newPerson: path('/front-door/contacts/:contactId/people/new'),
  decision: path('/front-door/contacts/:contactId/decision'),
  letter: path('/front-door/contacts/:contactId/letter'),
  api: {
    contacts: path('/api/v1/contacts'),
    contact: path('/api/v1/contacts/:contactId'),
    people: path('/api/v1/contacts/:contactId/people'),
    possibleMatches: path('/api/v1/contacts/:contactId/possible-matches'),
    decision: path('/api/v1/contacts/:contactId/decision'),
  },
} as const;
