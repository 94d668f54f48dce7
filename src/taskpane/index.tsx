/**
 * The task pane's entry (taskpane.html), which is the ribbon's function file too (the shared runtime of
 * manifest.xml): the Check workplan button is associated first, at the top level, then the pane starts.
 */
import { register } from "../commands/register";
import { start } from "./start";

register();
const element = document.getElementById("root");
if (element) start(element);
