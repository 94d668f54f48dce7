/**
 * A page entry that installs the fake Office from the page's query string (see harness.ts):
 * bundle it as its own script and load it before the pane's bundle, in place of office.js.
 */
import { installFakeOffice, optionsFromQuery } from "./harness";

installFakeOffice(window, optionsFromQuery(window.location.search));
