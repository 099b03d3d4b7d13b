/**
 * `npm run demo:code -- <email>`: prints the current two-factor code for a demo account, so
 * anyone trying Kith can sign in as a manager or administrator without an authenticator app.
 * It reads the published demo secrets only; real accounts' secrets never leave the database.
 */
import { totpCode } from '../src/platform/auth/totp.js';
import { demoAccounts, otherCouncilAccounts } from '../src/demo/demo-accounts.js';

const email = process.argv[2]?.trim().toLowerCase();
const account = [...demoAccounts, ...otherCouncilAccounts].find((candidate) => candidate.email === email);
if (!email || !account) {
  console.error('Usage: npm run demo:code -- <demo email address>   (see README.md, "Demo accounts")');
  process.exit(2);
}
if (!account.totpSecret) {
  console.log(`${account.email} does not use two-factor sign-in until they choose to set it up.`);
} else {
  const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
  console.log(`${totpCode(account.totpSecret, Date.now())}   (changes in ${secondsLeft} seconds)`);
}
