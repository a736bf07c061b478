// Every message in this language, one namespace per file (a screen or an area), as lib/i18n/messages.ts loads them.
import call from "./call.json";
import callsPage from "./callsPage.json";
import common from "./common.json";
import header from "./header.json";
import wall from "./wall.json";
import wallboards from "./wallboards.json";

const messages = { call, callsPage, common, header, wall, wallboards };
export default messages;
