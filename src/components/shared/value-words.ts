/**
 * Words of enumeration values, apart from the string table of `readable-value.ts` so that an
 * element that needs only the words does not load the table.
 */

/**
 * Returns a value written in camel, Pascal, snake or kebab case as lowercase words:
 * "injectsInto" and "injects-into" read "injects into", and "HTTPRequest" reads "http request".
 */
export function valueWords(value: string): string {
  return (
    value
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .replace(/_/g, ' ')
      .toLowerCase()
      // A hyphen between two letters joins words. One before a digit, as in "T1059-001", stays.
      .replace(/(?<=[a-z])-(?=[a-z])/g, ' ')
  );
}
