export const accountMessages = {
  enterCode: 'Enter the 6-digit code from your authenticator app',
  codeFormat: 'The code must be 6 numbers, like 123456',
  codeRejected: 'That code did not work. Check the time on your phone and try the newest code',
  enterTokenName: 'Enter a name for the token, so you know what uses it',
  tokenNameTooLong: 'Token name must be 100 characters or fewer',
  chooseScope: 'Choose what the token may do',
  scopeNotYours: 'A token can only do what your own roles allow. Choose from the list',
  chooseLifetime: 'Choose how long the token lasts',
  tokenRevoked: 'The access token has been revoked. Anything still using it will stop working now.',
  twoFactorOn: 'Two-factor sign-in is on. Next time you sign in, Kith will ask for a code from your app.',
} as const;
