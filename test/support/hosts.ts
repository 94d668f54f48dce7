/**
 * Runs a block of tests once per host profile of the fake Excel (web, Windows, Mac): every fake
 * made inside starts from that host's profile (test/support/fakeExcel/profiles.ts).
 */
import { HOST_PROFILES, HOSTS, useHost, type HostProfile } from "./fakeExcel";

export function forEachHost(body: (host: HostProfile) => void): void {
  describe.each(HOSTS.map((name) => HOST_PROFILES[name]))("on Excel $name", (host) => {
    beforeEach(() => useHost(host.name));
    afterEach(() => useHost(null));
    body(host);
  });
}

/** Waits until the events of the last change have reached the handlers, late and coalesced as the host has them. */
export function eventsArrived(host: Pick<HostProfile, "eventDelayMs" | "coalesceMs">): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, host.eventDelayMs + host.coalesceMs + 20));
}
