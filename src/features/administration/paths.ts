import { path } from '../../platform/http/path.js';

/** Council administration: accounts and teams, written once. */
export const administrationPages = {
  users: path('/admin/users'),
  newUser: path('/admin/users/new'),
  user: path('/admin/users/:userId'),
  userRoles: path('/admin/users/:userId/roles'),
  userEndSessions: path('/admin/users/:userId/end-sessions'),
  userDisable: path('/admin/users/:userId/disable'),
  userEnable: path('/admin/users/:userId/enable'),
  teams: path('/admin/teams'),
  teamMembers: path('/admin/teams/:teamId/members'),
  settings: path('/admin/settings'),
} as const;
