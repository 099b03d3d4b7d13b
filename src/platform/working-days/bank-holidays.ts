/**
 * Bank holidays in England and in Wales, as dated data (never computed: substitute days and
 * one-off holidays such as a coronation or a state funeral are decided by proclamation).
 *
 * Source: GOV.UK, "UK bank holidays", https://www.gov.uk/bank-holidays (the same list as
 * https://www.gov.uk/bank-holidays.json, divisions "england-and-wales"), read for 2020 to 2027.
 * England and Wales share one list for these years; they are kept as two lists so that a day
 * Wales alone keeps (the Senedd may ask for one) is a one-line change that touches nothing in
 * England.
 *
 * When the next year's list is published, add it here and move `BANK_HOLIDAYS_COVER.to`.
 */
import type { IsoDate } from './dates.js';

/** The years the lists below are complete for. Outside them only weekends are known. */
export const BANK_HOLIDAYS_COVER = { from: 2020, to: 2027 } as const;

export const BANK_HOLIDAYS_SOURCE = 'https://www.gov.uk/bank-holidays';

// prettier-ignore
export const ENGLAND_BANK_HOLIDAYS: readonly IsoDate[] = [
  // 2020: Early May bank holiday moved to Friday 8 May (VE Day 75)
  '2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28',
  // 2021: Christmas Day and Boxing Day fell at the weekend
  '2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28',
  // 2022: Platinum Jubilee (2 and 3 June), the State Funeral of Queen Elizabeth II (19 September)
  '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19',
  '2022-12-26', '2022-12-27',
  // 2023: the Coronation of King Charles III (8 May)
  '2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25',
  '2023-12-26',
  '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  // 2026: Boxing Day is a Saturday, so Monday 28 December is the substitute day
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  // 2027: Christmas Day and Boxing Day fall at the weekend: Monday 27 and Tuesday 28 December
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
];

// prettier-ignore
export const WALES_BANK_HOLIDAYS: readonly IsoDate[] = [
  '2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28',
  '2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28',
  '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19',
  '2022-12-26', '2022-12-27',
  '2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25',
  '2023-12-26',
  '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
];
