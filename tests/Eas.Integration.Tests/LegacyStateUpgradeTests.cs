using System.Globalization;
using Eas.Actors.Accounts;
using Eas.Integration.Tests.Support;
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
    public Task MS_ASCMD_2_2_3_166_4_the_phone_syncs_on_with_the_keys_the_old_version_gave_it_and_gets_new_mail_as_an_Add() =>
        LegacyPhone.SyncsOnWithItsOldKeysAsync(upgrade.Server, dovecot, upgrade.Keys);

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
}
