// Every message in this language, one namespace per file (a screen or an area), as lib/i18n/messages.ts loads them.
import alertMessages from "./alertMessages.json";
import alerts from "./alerts.json";
import board from "./board.json";
import call from "./call.json";
import calls from "./calls.json";
import callsPage from "./callsPage.json";
import common from "./common.json";
import control from "./control.json";
import header from "./header.json";
import ui from "./ui.json";
import wall from "./wall.json";
import wallboards from "./wallboards.json";

const messages = { alertMessages, alerts, board, call, calls, callsPage, common, control, header, ui, wall, wallboards };
export default messages;
