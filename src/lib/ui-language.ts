/**
 * The language of the UI's words. Numbers, dates and amounts follow the org's locale, but the
 * words around them (and phrases Intl builds, such as "in 3 hr.") stay in the UI's language, so a
 * Danish org never reads "Overdue · i forgårs". One constant until the message catalogs (issue 11)
 * choose the language per user.
 */
export const UI_LANGUAGE = "en";
