#!/usr/bin/env node
"use strict";
// A reader that stops early (`workplan check | head -1`) closes the pipe: the rest of the output
// has nowhere to go, which is no error of ours, so it is dropped without a word.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
}
require("../lib/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
