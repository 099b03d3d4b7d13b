/** What people read about passwords and sign-in: plain, and never saying whether an account exists. */
export const passwordMessages = {
  tooShort: 'Password must be 12 characters or more',
  tooLong: 'Password must be 256 characters or fewer',
  tooCommon: 'Password is one that many people use. Try three random words, like ‘river-candle-orbit’',
  tooSimple: 'Password must not be one repeated character or a simple sequence',
  tooPersonal: 'Password must not be mostly your name or email address',
} as const;
