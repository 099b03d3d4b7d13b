/**
 * Where signing in goes back to, and what the sign-in page says about it.
 *
 * A page asked for while signed out names itself in `?returnTo=` (the identity layer adds it to
 * a GET). A form sent while signed out cannot: its POST is answered with a plain redirect to
 * sign in, and what was typed in it did not arrive. But the browser still says which page the
 * form was on (the Referer header: Kith's policy is `same-origin`, so it is sent only to Kith
 * and in full), so signing in goes back to that exact form rather than the start page. Without
 * JavaScript that is as far as Kith goes: the text of that one POST is not kept (see
 * docs/session-timeout.md). With JavaScript the page never sends the form while signed out: it
 * keeps the text in the browser and comes here with `?returnTo=` and `?kept=1`.
 */
import type { FastifyRequest } from 'fastify';
import { safeReturnPath } from '../../platform/http/forms.js';
import { signInPages } from './paths.js';

/** Pages that are never somewhere to go back to after signing in. */
const notAPlaceToReturnTo = [signInPages.signIn.pattern, signInPages.signOut.pattern];

/** The path of the Kith page the browser came from, if it came from one worth going back to. */
export function refererPath(request: FastifyRequest): string {
  const referer = request.headers.referer;
  if (typeof referer !== 'string' || referer.length > 2048) return '';
  let from: URL;
  try {
    from = new URL(referer);
  } catch {
    return '';
  }
  if (from.host !== request.host) return '';
  if (notAPlaceToReturnTo.some((pattern) => from.pathname === pattern || from.pathname.startsWith(`${pattern}/`))) {
    return '';
  }
  return safeReturnPath(from.pathname + from.search, '');
}

export interface ReturnPlace {
  /** Where to go after signing in ('' for the start page). */
  returnTo: string;
  /** The page kept what was typed in the browser (`?kept=1`) and is waiting to be returned to. */
  textKept: boolean;
}

/**
 * Where the sign-in page should send someone back to: the page named in `?returnTo=`, or else
 * the Kith page they came from (a form sent after the session ended), unless they have just
 * signed out.
 */
export function returnPlaceOf(request: FastifyRequest): ReturnPlace {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const named = safeReturnPath(query.returnTo, '');
  const returnTo = named || (query.signedOut ? '' : refererPath(request));
  return { returnTo, textKept: returnTo !== '' && query.kept === '1' };
}
