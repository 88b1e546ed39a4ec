import "@testing-library/svelte/vitest";

import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";

import App from "../App.svelte";
import type { BackupRecord } from "../lib/bindings/BackupRecord";
import type { OfferSummary } from "../lib/bindings/OfferSummary";
import { showSecondStart } from "../lib/notices.svelte";
import { DEMO_OFFER, goTo, installServer } from "./helpers";

describe("Settings: backups", () => {
  beforeEach(() => goTo("#/settings"));

  it("lists the backups newest first, with when, why and size", async () => {
    const backend = await installServer();
    const first = await backend.direct<BackupRecord>("back_up_now");
    const second = await backend.direct<BackupRecord>("back_up_now");
    render(App);
    const list = await screen.findByTestId("backup-list");
    const rows = within(list).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0].getAttribute("data-testid")).toBe(`backup-${second.file_name}`);
    expect(rows[1].getAttribute("data-testid")).toBe(`backup-${first.file_name}`);
    expect(rows[0].textContent).toContain("Backed up by hand");
    await waitFor(() => expect(rows[0].textContent).toMatch(/\d+ KB/));
  });

  it("says when there is no backup yet", async () => {
    await installServer();
    render(App);
    expect((await screen.findByTestId("no-backups")).textContent).toContain("No backups yet");
  });

  it("backs up now and lists the new backup", async () => {
    const backend = await installServer();
    render(App);
    await screen.findByTestId("no-backups");
    await fireEvent.click(screen.getByTestId("back-up-now"));
    expect((await screen.findByTestId("backup-message")).textContent).toContain("Backed up");
    const list = await screen.findByTestId("backup-list");
    expect(within(list).getByText("Backed up by hand")).toBeTruthy();
    expect(backend.callsOf("back_up_now")).toHaveLength(1);
  });

  it("restores a backup only once confirmed, and says how to undo it", async () => {
    const backend = await installServer();
    const made = await backend.direct<BackupRecord>("back_up_now");
    await backend.direct("delete_offer", { id: DEMO_OFFER });
    render(App);
    const row = await screen.findByTestId(`backup-${made.file_name}`);
    await fireEvent.click(within(row).getByRole("button", { name: /Restore/ }));
    expect(backend.callsOf("restore_backup")).toHaveLength(0);
    await fireEvent.click(within(row).getByTestId("confirm-restore"));
    const message = await screen.findByTestId("backup-message");
    expect(message.textContent).toContain("Restored the backup of");
    expect(message.textContent).toContain("restore that one to undo");
    expect(backend.callsOf("restore_backup")[0].args).toEqual({ fileName: made.file_name });
    const offers = await backend.direct<OfferSummary[]>("list_offers");
    expect(offers.map((o) => o.id)).toEqual([DEMO_OFFER]);
    // The store as it was is now a backup too.
    await waitFor(() => expect(screen.getByText("Before a restore")).toBeTruthy());
  });

  it("cancels a restore without restoring", async () => {
    const backend = await installServer();
    const made = await backend.direct<BackupRecord>("back_up_now");
    render(App);
    const row = await screen.findByTestId(`backup-${made.file_name}`);
    await fireEvent.click(within(row).getByRole("button", { name: /Restore/ }));
    await fireEvent.click(within(row).getByRole("button", { name: "Cancel" }));
    expect(within(row).queryByTestId("confirm-restore")).toBeNull();
    expect(backend.callsOf("restore_backup")).toHaveLength(0);
  });

  it("shows why a restore was refused", async () => {
    const backend = await installServer();
    const made = await backend.direct<BackupRecord>("back_up_now");
    backend.failNext("restore_backup", {
      code: "not_a_store",
      message: "backup.sqlite3 is not an Offerwright store: it is damaged",
    });
    render(App);
    const row = await screen.findByTestId(`backup-${made.file_name}`);
    await fireEvent.click(within(row).getByRole("button", { name: /Restore/ }));
    await fireEvent.click(within(row).getByTestId("confirm-restore"));
    const error = await screen.findByTestId("backup-error");
    expect(error.getAttribute("role")).toBe("alert");
    expect(error.textContent).toContain("is not an Offerwright store");
  });
});

describe("Notices about the app", () => {
  it("warns on every screen when today's backup could not be made", async () => {
    await goTo("#/");
    await installServer({ brokenBackups: true });
    render(App);
    const banner = await screen.findByTestId("backup-warning");
    expect(banner.getAttribute("role")).toBe("alert");
    expect(banner.textContent).toContain(
      "Your work is saved as usual, but the daily backup of the store could not be made",
    );
    await fireEvent.click(within(banner).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("backup-warning")).toBeNull();
  });

  it("says so when a second start brought this window forward", async () => {
    await goTo("#/");
    await installServer();
    render(App);
    showSecondStart();
    expect((await screen.findByTestId("second-start")).textContent).toContain("Offerwright is already open");
  });
});
