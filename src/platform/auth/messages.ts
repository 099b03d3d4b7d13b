/**
 * What people read about passwords and sign-in. Plain English in the GOV.UK style
 * (https://design-system.service.gov.uk/components/error-message/), and never anything that
 * says whether an account exists for an email address.
 */
export const passwordMessages = {
  missing: 'Enter a password',
  tooShort: 'Password must be 12 characters or more',
  tooLong: 'Password must be 256 characters or fewer',
  tooCommon: 'Password is too common. Try three random words, like ‘river-candle-orbit’',
  tooSimple: 'Password must not be one character repeated or a simple sequence, like ‘abcdefghijkl’ or ‘123456789012’',
  tooPersonal: 'Password must not be mostly your name or email address',
} as const;

/**
 * Sign-in messages are the same whichever part was wrong, and the same while an account is
 * locked, so they cannot be used to find out which email addresses have accounts.
 */
export const signInMessages = {
  rejected: 'Enter a correct email address and password',
  codeRejected: 'Enter a correct security code or recovery code',
} as const;
