/**
 * Re-computes every council's audit chain from its first entry and checks it against the
 * signed heads kept outside the database. Names the first broken entry, in words an auditor
 * can act on, and the last signed head it could confirm. Entries are numbered by their place in
 * the council's chain (entry 1 is the council's first).
 *
 * It fails on a gap (a missing position), a changed entry, a head that is not the chain's end,
 * a signed head that is not valid, a rollback (the chain now ends before a signed head) and a
 * rewrite (a signed head whose hash is not the entry's at that position).
 */
import type { Database, SqlRunner } from '../db/database.js';
import { chainedFieldsOf, GENESIS_HASH, hashEntry } from './chain.js';
import { chainHead, councilsByName, countUnsealedEntries, enterCouncil, sealedEntriesFrom } from './queries.js';
import { headSignatureIsValid, type SignedHead, type SigningSettings } from './signed-heads.js';

export interface CouncilVerification {
  tenantId: string;
  councilName: string;
  /** Sealed entries checked. */
  entries: number;
  /** Entries written moments ago that the sealer has not linked into the chain yet. */
  waitingToBeSealed: number;
  ok: boolean;
  /** The chain position (1 is the council's first entry) where the chain first breaks. */
  firstBrokenEntry?: number;
  problem?: string;
  /**
   * The newest signed head the chain was checked against and agrees with: entries 1 to
   * `position` are as they were when it was signed. Absent if no signed head could be confirmed.
   */
  lastSignedHead?: { position: number; signedAt: string };
}

const BATCH = 5000;

/** "entry 3" or "entries 3 to 5". */
function entries(from: number, to: number): string {
  return from === to ? `entry ${from}` : `entries ${from} to ${to}`;
}

/** The chain walked from entry 1: where it first breaks, if it does. */
async function walkChain(
  owner: SqlRunner,
  tenantId: string,
  wantedPositions: ReadonlySet<number>,
): Promise<{ entries: number; lastHash: string; hashes: Map<number, string>; broken?: [number, string] }> {
  const hashes = new Map<number, string>();
  let previousHash = GENESIS_HASH;
  let expectedPosition = 1;
  for (;;) {
    const rows = await sealedEntriesFrom(owner, tenantId, expectedPosition, BATCH);
    for (const row of rows) {
      const position = Number(row.chain_position);
      const walked = { entries: expectedPosition - 1, lastHash: previousHash, hashes };
      if (position !== expectedPosition) {
        return {
          ...walked,
          broken: [expectedPosition, `entry ${expectedPosition} is missing (the next entry found is ${position})`],
        };
      }
      if (row.previous_hash !== previousHash) {
        return {
          ...walked,
          broken: [
            position,
            `entry ${position} does not follow entry ${position - 1} (its link to the previous entry is wrong)`,
          ],
        };
      }
      if (hashEntry(previousHash, chainedFieldsOf(tenantId, row)) !== row.hash) {
        return {
          ...walked,
          broken: [
            position,
            `entry ${position} was changed after it was written (its hash does not match its contents)`,
          ],
        };
      }
      if (wantedPositions.has(position)) hashes.set(position, row.hash);
      previousHash = row.hash;
      expectedPosition = position + 1;
    }
    if (rows.length < BATCH) break;
  }
  return { entries: expectedPosition - 1, lastHash: previousHash, hashes };
}

async function verifyCouncil(
  owner: SqlRunner,
  council: { id: string; name: string },
  settings: SigningSettings,
  stored: Awaited<ReturnType<SigningSettings['store']['read']>>,
): Promise<CouncilVerification> {
  await enterCouncil(owner, council.id);
  const waitingToBeSealed = await countUnsealedEntries(owner, council.id);
  const signed = stored
    .filter((head): head is SignedHead => !('unreadable' in head))
    .sort((a, b) => a.position - b.position);
  const chain = await walkChain(owner, council.id, new Set(signed.map((head) => head.position)));

  // Signed heads the chain agrees with, lowest first, up to the first that it does not.
  let lastSignedHead: CouncilVerification['lastSignedHead'];
  let signedProblem: [number, string] | undefined;
  for (const head of signed) {
    if (!headSignatureIsValid(settings.key, head) || head.tenantId !== council.id) break;
    if (chain.broken && head.position >= chain.broken[0]) break;
    if (head.position > chain.entries) {
      // Named by the newest signed head: everything after the chain's end up to it is gone.
      const newest =
        signed.filter((other) => other.tenantId === council.id && headSignatureIsValid(settings.key, other)).at(-1) ??
        head;
      signedProblem = [
        chain.entries + 1,
        `the chain was rolled back: entry ${newest.position} was signed at ${newest.signedAt}, but the chain now ends at entry ${chain.entries} (${entries(chain.entries + 1, newest.position)} ${chain.entries + 1 === newest.position ? 'was' : 'were'} removed)`,
      ];
      break;
    }
    if (chain.hashes.get(head.position) !== head.hash) {
      const firstUnconfirmed = (lastSignedHead?.position ?? 0) + 1;
      signedProblem = [
        firstUnconfirmed,
        `the chain was rewritten or rolled back and written again: entry ${head.position} had hash ${head.hash.slice(0, 12)}… when it was signed at ${head.signedAt}, the chain now has ${(chain.hashes.get(head.position) ?? '').slice(0, 12)}… (the change is in ${entries(firstUnconfirmed, head.position)})`,
      ];
      break;
    }
    if (lastSignedHead?.position !== head.position) {
      lastSignedHead = { position: head.position, signedAt: head.signedAt };
    }
  }

  const result: CouncilVerification = {
    tenantId: council.id,
    councilName: council.name,
    entries: chain.entries,
    waitingToBeSealed,
    ok: true,
    ...(lastSignedHead ? { lastSignedHead } : {}),
  };
  const broken = ([position, problem]: [number | undefined, string]): CouncilVerification => ({
    ...result,
    ok: false,
    ...(position === undefined ? {} : { firstBrokenEntry: position }),
    problem,
  });

  if (chain.broken) return broken(chain.broken);
  const head = await chainHead(owner, council.id);
  if (head && (Number(head.last_position) !== chain.entries || head.last_hash !== chain.lastHash)) {
    return broken([
      chain.entries + 1,
      `the chain ends at entry ${chain.entries} but its recorded head is entry ${head.last_position} (entries were removed from the end)`,
    ]);
  }
  const invalid = stored.find(
    (head) => 'unreadable' in head || head.tenantId !== council.id || !headSignatureIsValid(settings.key, head),
  );
  if (invalid) {
    return broken([
      undefined,
      `a signed head ${settings.store.description} is not valid (it was edited, or the key changed)`,
    ]);
  }
  if (signedProblem) return broken(signedProblem);
  return result;
}

export async function verifyAuditLog(database: Database, settings: SigningSettings): Promise<CouncilVerification[]> {
  const councils = await database.asOwner((owner) => councilsByName(owner));
  const results: CouncilVerification[] = [];
  for (const council of councils) {
    // Signed heads are read before the chain: a head is signed only after its entries are
    // committed, so every head read here names entries the chain read after it can see.
    const stored = await settings.store.read(council.id);
    results.push(await database.asOwner((owner) => verifyCouncil(owner, council, settings, stored)));
  }
  return results;
}
