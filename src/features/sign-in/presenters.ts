/** What the sign-in pages (and the account's own two-factor set-up) show. */
import { totpUri } from '../../platform/auth/totp.js';

/** The key to type into an authenticator app, in groups of four, and the link a QR code holds. */
export function presentTotpSetUp(email: string, secret: string): { secret: string; otpauthUri: string } {
  return {
    secret: secret.replace(/(.{4})/g, '$1 ').trim(),
    otpauthUri: totpUri({ issuer: 'Kith', accountName: email, secret }),
  };
}
