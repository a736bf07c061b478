// Every message in this language, one namespace per file (a screen or an area), as lib/i18n/messages.ts loads them.
import common from "./common.json";
import header from "./header.json";

const messages = { common, header };
export default messages;
