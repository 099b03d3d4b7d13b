// The design system packages ship JavaScript without type declarations; we call only initAll.
declare module 'govuk-frontend' {
  export function initAll(options?: Record<string, unknown>): void;
}
declare module '@ministryofjustice/frontend' {
  export function initAll(options?: Record<string, unknown>): void;
}
