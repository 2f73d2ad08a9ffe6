/**
 * Our API's messages start lower case ("sign in first"); the UI shows them as sentences. Only a
 * plain leading word is capitalized: a message that starts with what the user typed — a file
 * name such as "chart.pdf has 101 pages" — keeps it exactly as typed.
 */
export function capitalizeSentenceStart(message: string): string {
  return /^[a-z]+(?=[\s,;:!?]|$)/.test(message) ? message.charAt(0).toUpperCase() + message.slice(1) : message;
}
