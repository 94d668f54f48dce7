/**
 * The states `npm run screenshots -- --states DIR` photographs (scripts/screenshots.js), reached in
 * Chromium against the production bundle: each state's own steps, so that a change of the pane's
 * wording or roles breaks this test rather than the script the README documents. Screenshots in
 * test-results/e2e/states-*.png.
 */
import type { Page } from "playwright-core";
import { e2eSuite, e2eForSuite } from "./harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { STATES } = require("../../scripts/screenshots.js") as {
  STATES: Record<string, { query: string; act(page: Page): Promise<void> }>;
};

e2eSuite()("the pane's states the screenshots script photographs (production bundle, fake Excel)", () => {
  const e2e = e2eForSuite();

  it("names the six states of the README: create, created, clean, progress, a refused write, an error", () => {
    expect(Object.keys(STATES)).toEqual(["create", "created", "clean", "progress", "refused", "error"]);
  });

  it.each(Object.keys(STATES))(
    "reaches the %s state by the pane's roles and words",
    async (name) => {
      const state = STATES[name];
      if (!state) throw new Error(`no state ${name}`);
      const { page, errors } = await e2e.open(`${state.query}&theme=light`);
      await state.act(page);
      await e2e.shoot(page, `states-${name}`);
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );
});
