// Every message in this language, one namespace per file (a screen or an area), as lib/i18n/messages.ts loads them.
import apiTokens from "./apiTokens.json";
import callControl from "./callControl.json";
import common from "./common.json";
import errors from "./errors.json";
import header from "./header.json";
import settings from "./settings.json";
import signIn from "./signIn.json";
import users from "./users.json";
import webhooks from "./webhooks.json";

const messages = { apiTokens, callControl, common, errors, header, settings, signIn, users, webhooks };
export default messages;
