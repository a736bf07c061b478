// Every message in this language, one namespace per file (a screen or an area), as lib/i18n/messages.ts loads them.
import alertMessages from "./alertMessages.json";
import alerts from "./alerts.json";
import common from "./common.json";
import header from "./header.json";

const messages = { alertMessages, alerts, common, header };
export default messages;
