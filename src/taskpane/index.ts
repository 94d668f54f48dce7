// Placeholder entry of the task pane; the add-in issue replaces it with the React pane.
document.body.textContent = "Workplan Checker";
