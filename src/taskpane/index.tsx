/** The task pane's entry (taskpane.html). */
import { start } from "./start";

const element = document.getElementById("root");
if (element) start(element);
