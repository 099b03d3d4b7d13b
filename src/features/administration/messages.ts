export const administrationMessages = {
  enterName: 'Enter the person’s full name',
  nameTooLong: 'Full name must be 200 characters or fewer',
  enterEmail: 'Enter their email address',
  emailFormat: 'Enter an email address in the correct format, like name@example.com',
  emailTaken: 'An account with this email address already exists in this council',
  chooseRole: 'Choose at least one role',
  staffRolesOnly:
    'Accounts made here are for staff. Family members and young people are invited from the child’s record',
  chooseTeam: 'Choose a team from the list',
  enterTeamName: 'Enter a name for the team',
  teamNameTooLong: 'Team name must be 120 characters or fewer',
  teamNameTaken: 'A team with this name already exists',
  cannotDisableSelf: 'You cannot disable your own account. Ask another administrator',
  cannotRemoveOwnAdmin: 'You cannot remove your own administrator role. Ask another administrator',
  choosePerson: 'Choose a person from the list',
  created: (name: string) =>
    `Account created for ${name}. Give them their temporary password in person or by phone, never by email.`,
  rolesChanged: (name: string) => `${name}’s roles have been changed.`,
  sessionsEnded: (name: string, count: number) =>
    `${name} has been signed out on ${count} ${count === 1 ? 'device' : 'devices'}.`,
  disabled: (name: string) => `${name}’s account is disabled and they have been signed out everywhere.`,
  enabled: (name: string) => `${name}’s account is enabled again.`,
  teamCreated: (name: string) => `${name} has been created.`,
  memberAdded: (name: string, team: string) => `${name} has joined ${team}.`,
} as const;
