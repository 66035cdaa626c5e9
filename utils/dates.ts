/** Dates of facts as a reader reads them, only as precise as the article is. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2019" → "2019", "2019-12" → "December 2019", "2020-12-11" → "11 December 2020". */
export function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (monthName === undefined) return year ?? iso;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** A date or a range of dates, e.g. "2014 – 2017". */
export function formatDateRange(date: string | undefined, dateEnd: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  return dateEnd === undefined || dateEnd === date ? formatIsoDate(date) : `${formatIsoDate(date)} – ${formatIsoDate(dateEnd)}`;
}
