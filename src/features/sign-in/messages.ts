/** What people read while signing in. None of it says whether an account exists. */
export const signInMessages = {
  enterEmail: 'Enter your email address',
  emailFormat: 'Enter an email address in the correct format, like name@example.com',
  enterPassword: 'Enter your password',
  rejected:
    'Enter a correct email address and password. After several tries you will need to wait 15 minutes before trying again.',
  enterCode: 'Enter the 6-digit code from your authenticator app, or one of your recovery codes',
  codeRejected: 'The code is not right. Check your authenticator app and enter the newest code',
  codeTimedOut: 'You took more than 5 minutes to enter your security code. Sign in again.',
  tooManyCodes: 'The security code was not right too many times. Sign in again.',
  codeLocked: 'There have been too many tries to sign in to your account. Wait 15 minutes, then sign in again.',
  timedOut: 'You were signed out because Kith was not used for a while. Sign in again to carry on.',
  signedOut: 'You have signed out.',
  signedOutEverywhere: 'You have signed out on every device.',
  disabled: 'You have been signed out. If you think this is a mistake, contact your council’s Kith administrator.',
  textKept:
    'You have been signed out, so what you typed has not been saved yet. It is kept in this browser: sign in and you will go back to it.',
} as const;
