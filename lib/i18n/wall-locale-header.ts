// The request header that carries a wallboard link's language from proxy.ts to lib/i18n/request.ts, so a TV shows the
// wall in the language the admin chose for its link, whatever the TV's browser says. proxy.ts sets it only after
// verifying the link, and removes any x-callboard-internal-* header a client sent, so nobody can choose it from
// outside. (Other x-callboard-* headers are the browser's own to send, such as x-callboard-client on a command.)
export const INTERNAL_HEADER_PREFIX = "x-callboard-internal-";
export const WALL_LOCALE_HEADER = `${INTERNAL_HEADER_PREFIX}wall-locale`;
