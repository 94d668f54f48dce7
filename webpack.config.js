// Builds the task pane into dist/. The add-in itself is the subject of the add-in issue; until
// then the pane only shows that it loaded.
const path = require("node:path");

module.exports = (_env, argv) => ({
  mode: argv.mode ?? "development",
  entry: { taskpane: "./src/taskpane/index.ts" },
  output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: { rules: [{ test: /\.tsx?$/, loader: "ts-loader", options: { configFile: "tsconfig.json", transpileOnly: true }, exclude: /node_modules/ }] },
  devtool: argv.mode === "production" ? false : "source-map",
});
