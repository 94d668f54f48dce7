import { syncFigures } from "../../src/bench/syncs";

test(
  "syncs_per_check, syncs_per_save, syncs_per_apply: one read sync and one write sync each, after the first " +
    "check; syncs_per_open: one read sync",
  async () => {
    expect(await syncFigures()).toEqual({
      syncs_per_check: 2,
      syncs_per_save: 2,
      syncs_per_apply: 2,
      syncs_per_open: 1,
    });
  },
);
