using System.Globalization;
using System.Net;
using Eas.Actors.Accounts;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Microsoft.Extensions.DependencyInjection;

namespace Eas.Integration.Tests;

/// <summary>
/// Upgrading from a version before 2026-12 resets no phone: the first start imports <c>eas-state.db</c>, written by the
/// old build itself (<see cref="LegacyUpgradeFixture"/>), and the phone goes on with the PolicyKey (MS-ASPROV 3.1.5.1),
/// the FolderSync key (MS-ASCMD 2.2.3.166.2) and the SyncKey (MS-ASCMD 2.2.3.166.4) it holds.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class LegacyStateUpgradeTests(DovecotFixture dovecot, LegacyUpgradeFixture upgrade) : IClassFixture<LegacyUpgradeFixture>
{
    [Fact]
    public async Task MS_ASCMD_2_2_3_166_4_the_phone_syncs_on_with_the_keys_the_old_version_gave_it_and_gets_new_mail_as_an_Add()
    {
        var keys = upgrade.Keys;
        var client = upgrade.Server.Phone(keys.User, keys.Password, keys.DeviceId, keys.Version);
        client.PolicyKey = uint.Parse(keys.PolicyKey, CultureInfo.InvariantCulture);

        var hierarchy = await client.PostAsync("FolderSync", MailRequests.FolderSync(keys.FolderSyncKey));
        hierarchy.Status.ShouldBe(HttpStatusCode.OK, "the old PolicyKey is still the device's key (no 449, MS-ASPROV 3.1.5.1)");
        hierarchy.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("1", "the old FolderSync key is valid: not Status 9, no new FolderSync from 0");
        var folders = new List<string?>();
        if (hierarchy.Body.Element(FolderHierarchy.Changes) is { } changes)
        {
            foreach (var change in changes.Children) folders.Add(change.ValueOf(FolderHierarchy.DisplayName));
        }

        folders.ShouldNotContain("INBOX", "the phone already holds INBOX under its old id");

        var unchanged = await SyncAsync(client, keys.InboxSyncKey);
        unchanged.ValueOf(AirSync.Status).ShouldBe("1", "the old SyncKey is valid: not Status 3");
        unchanged.Element(AirSync.Commands).ShouldBeNull("the three messages the phone holds are not sent again");

        await dovecot.Dovecot.DeliverAsync(keys.User,
            "From: After <after@example.com>\r\nTo: " + keys.User + "\r\nSubject: After the upgrade\r\nMessage-ID: <after-upgrade@example.com>\r\n" +
            "Date: Mon, 07 Dec 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nNew.\r\n");
        var next = await SyncAsync(client, unchanged.ValueOf(AirSync.SyncKey)!);

        next.ValueOf(AirSync.Status).ShouldBe("1");
        SyncingPhone.CommandsOf(next, AirSync.Change).ShouldBeEmpty();
        SyncingPhone.CommandsOf(next, AirSync.Delete).ShouldBeEmpty();
        var add = SyncingPhone.AddsOf(next).ShouldHaveSingleItem();
        add.ServerId.ShouldBe($"{keys.InboxId}:4", "the next UID under the same UIDVALIDITY, in the folder id the old version gave");
        keys.ServerIds.ShouldNotContain(add.ServerId);
    }

    [Fact]
    public async Task The_import_runs_once_keeps_the_old_file_and_brings_the_license_and_the_directory_along()
    {
        var dataDirectory = upgrade.Server.DataDirectory;
        File.Exists(Path.Combine(dataDirectory, "eas-state.db")).ShouldBeFalse("renamed, so no later start imports it again");
        Directory.GetFiles(dataDirectory, "eas-state.db.imported-*").ShouldHaveSingleItem();

        var access = upgrade.Server.Services.GetRequiredService<AccessRegions>();
        var license = await access.License.StatusAsync();
        license.FirstStart.ShouldBe(DateTimeOffset.Parse("2026-12-07T07:34:24.2310356+00:00", CultureInfo.InvariantCulture), "the trial counts from the old first start");
        license.Used.ShouldBe(1);
        var directory = await access.Directory.CurrentAsync();
        directory.Domains["ox.io"].Email.ShouldBe(true);
        directory.Classes["staff"].Contacts.ShouldBe(false);
    }

    [Fact]
    public async Task Import_state_by_hand_imports_into_the_journal_beside_the_file_and_refuses_a_directory_without_one()
    {
        var directory = Path.Combine(Path.GetTempPath(), "eas-it-import-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            var missing = new StringWriter();
            (await Eas.Host.Cli.CliCommands.RunAsync(["import-state", "--data-dir", directory], new StringWriter(), missing)).ShouldBe(2);
            missing.ToString().ShouldContain("There is no eas-state.db");

            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "LegacyState", "eas-state.db"), Path.Combine(directory, "eas-state.db"));
            var output = new StringWriter();
            (await Eas.Host.Cli.CliCommands.RunAsync(["import-state", "--data-dir", directory], output, new StringWriter())).ShouldBe(0);

            output.ToString().ShouldContain("imported 5 streams (account 1, device 1, directory 1, folders 1, license 1), 0 already present, 0 rows skipped, 0 failed");
            File.Exists(Path.Combine(directory, "eas-journal.db")).ShouldBeTrue();
            Directory.GetFiles(directory, "eas-state.db.imported-*").ShouldHaveSingleItem();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<Eas.Wire.Wbxml.WbxmlElement> SyncAsync(EasTestClient client, string key)
    {
        var response = await client.PostAsync("Sync", MailRequests.Sync(client.Version, upgrade.Keys.InboxId, key));
        response.Status.ShouldBe(HttpStatusCode.OK);
        return response.Body!.Element(AirSync.Collections)!.Element(AirSync.Collection)!;
    }
}
