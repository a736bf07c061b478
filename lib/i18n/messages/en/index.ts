// Every message in this language, one namespace per file (a screen or an area), as lib/i18n/messages.ts loads them.
import alertMessages from "./alertMessages.json";
import alerts from "./alerts.json";
import apiTokens from "./apiTokens.json";
import board from "./board.json";
import call from "./call.json";
import callControl from "./callControl.json";
import calls from "./calls.json";
import callsPage from "./callsPage.json";
import common from "./common.json";
import control from "./control.json";
import errors from "./errors.json";
import header from "./header.json";
import settings from "./settings.json";
import signIn from "./signIn.json";
import ui from "./ui.json";
import users from "./users.json";
import wall from "./wall.json";
import wallboards from "./wallboards.json";
import webhooks from "./webhooks.json";

const messages = { alertMessages, alerts, apiTokens, board, call, callControl, calls, callsPage, common, control, errors, header, settings, signIn, ui, users, wall, wallboards, webhooks };
export default messages;
