import { syncFigures } from "../../src/bench/syncs";

test("syncs_per_check: a check after the first is one read sync and one write sync", async () => {
  expect(await syncFigures()).toEqual({ syncs_per_check: 2 });
});
