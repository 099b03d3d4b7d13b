/**
 * Paths written once: one definition gives the route pattern Fastify registers and the link a
 * page or presenter builds, so the two cannot drift and no URL is built by hand.
 *
 *   const plan = path('/children/:childId/plans/:planId');
 *   app.get(plan.pattern, ...);                       // '/children/:childId/plans/:planId'
 *   plan.href({ childId, planId });                  // '/children/3f…/plans/9a…' (each part encoded)
 *   plan.href({ childId, planId }, { notice: 'saved' }); // '…?notice=saved'
 */

/** The names of a pattern's `:parameters`, as a union of string literals. */
export type PathParameterNames<Pattern extends string> = Pattern extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParameterNames<`/${Rest}`>
  : Pattern extends `${string}:${infer Name}`
    ? Name
    : never;

export type PathParameters<Pattern extends string> = { readonly [Name in PathParameterNames<Pattern>]: string };

/** A query string's values; undefined and null are left out, so optional parts read naturally. */
export type QueryValues = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface Path<Pattern extends string> {
  /** The route pattern, for `app.get(path.pattern, …)`. */
  readonly pattern: Pattern;
  /** The link, with every parameter encoded and an optional query string. */
  href(parameters: PathParameters<Pattern>, query?: QueryValues): string;
}

const PARAMETER = /:([A-Za-z][A-Za-z0-9_]*)/g;

/** A query string from these values, '' when there is nothing to add. */
export function queryString(query: QueryValues | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.append(name, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

export function path<const Pattern extends string>(pattern: Pattern): Path<Pattern> {
  return {
    pattern,
    href(parameters, query) {
      const values = parameters as Readonly<Record<string, string>>;
      const filled = pattern.replace(PARAMETER, (_whole, name: string) => {
        const value = values[name];
        if (value === undefined) throw new Error(`Path ${pattern} needs a value for :${name}`);
        return encodeURIComponent(value);
      });
      return `${filled}${queryString(query)}`;
    },
  };
}
