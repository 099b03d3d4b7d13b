/**
 * Bank holidays in England and in Wales, as dated data (never computed: substitute days and
 * one-off holidays such as a coronation or a state funeral are decided by proclamation).
 * The dates are in bank-holidays.json, with their source (GOV.UK, https://www.gov.uk/bank-holidays)
 * and notes on the years with a substitute or a one-off day. When the next year's list is
 * published, add it there and move `cover.to`.
 */
import { readFileSync } from 'node:fs';
import type { IsoDate } from './dates.js';

interface BankHolidayData {
  source: string;
  cover: { from: number; to: number };
  england: Record<string, IsoDate[]>;
  wales: Record<string, IsoDate[]>;
}

const data = JSON.parse(readFileSync(new URL('./bank-holidays.json', import.meta.url), 'utf8')) as BankHolidayData;

/** The years the lists are complete for. Outside them only weekends and closure days are known. */
export const BANK_HOLIDAYS_COVER: { readonly from: number; readonly to: number } = data.cover;

export const BANK_HOLIDAYS_SOURCE: string = data.source;

export const ENGLAND_BANK_HOLIDAYS: readonly IsoDate[] = Object.values(data.england).flat();

export const WALES_BANK_HOLIDAYS: readonly IsoDate[] = Object.values(data.wales).flat();
