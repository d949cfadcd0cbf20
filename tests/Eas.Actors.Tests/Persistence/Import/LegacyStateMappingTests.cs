using System.Text;
using Eas.Actors.Accounts;
using Eas.Actors.Devices;
using Eas.Actors.Licensing;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Import;

namespace Eas.Actors.Tests.Persistence.Import;

/// <summary>
/// Each kind of the pre-Akka store's rows becomes the stream today's actor recovers from, with the keys the phone holds
/// intact (MS-ASPROV 3.1.5.1 PolicyKey, MS-ASCMD 2.2.3.166.2 FolderSync key, MS-ASCMD 2.2.3.166.4 SyncKey); a row that
/// cannot be read is left out with its reason and the rest still imports.
/// </summary>
public sealed class LegacyStateMappingTests
{
    private static readonly DateTimeOffset ImportedAt = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static LegacyRow Row(string kind, string id, string json) => new(kind, id, Encoding.UTF8.GetBytes(json));

    private static LegacyRow[] AllRows =>
    [
        Row(LegacyKinds.Device, LegacyRows.DeviceId, LegacyRows.Device),
        Row(LegacyKinds.Collection, LegacyRows.InboxCollectionId, LegacyRows.InboxCollection),
        Row(LegacyKinds.FolderMap, LegacyRows.FolderMapId, LegacyRows.FolderMap),
        Row(LegacyKinds.Account, LegacyRows.AccountId, LegacyRows.Account),
        Row(LegacyKinds.License, LegacyRows.LicenseId, LegacyRows.License),
        Row(LegacyKinds.Directory, LegacyRows.DirectoryId, LegacyRows.Directory),
    ];

    private static ImportedStream StreamOf(LegacyImportPlan plan, string kind) => plan.Streams.Single(s => s.Kind == kind);

    [Fact]
    public void MS_ASPROV_3_1_5_1_a_device_row_keeps_its_policy_key_hierarchy_key_and_folder_sync_states()
    {
        var plan = LegacyStateMapping.Map(AllRows, ImportedAt);

        plan.Skipped.ShouldBeEmpty();
        var device = StreamOf(plan, LegacyKinds.Device);
        device.PersistenceId.ShouldBe(PersistenceIds.Device("legacy@ox.io", "LegacyPhone1"));
        var first = device.Events.ShouldHaveSingleItem().ShouldBeOfType<DeviceFirstSeen>();
        first.DeviceId.ShouldBe("LegacyPhone1", "the DeviceId in the case the phone sent it");
        first.At.ShouldBe(DateTimeOffset.Parse("2026-12-07T07:34:29.4090691+00:00", System.Globalization.CultureInfo.InvariantCulture));
        var snapshot = device.Snapshot.ShouldBeOfType<DeviceSnapshot>();
        var state = snapshot.State.ShouldNotBeNull();
        state.PolicyKey.ShouldBe(1446220696u);
        state.PolicyFingerprint.ShouldBe("EC3BD43FC81B4F9B");
        state.AcknowledgedTemporaryKey.ShouldBe(692964509u);
        state.IssuedKeys.ShouldBe([692964509u, 1446220696u]);
        state.Information!.Model.ShouldBe("Pixel 3");
        state.Hierarchy!.Key.ShouldBe("add763ee-1");
        state.Hierarchy.Known["1"].DisplayName.ShouldBe("INBOX");
        state.RemoteWipe.ShouldBeNull("members added since take a fresh device's defaults");
        state.UserAgentChanges.ShouldBeEmpty();
    }

    [Fact]
    public void MS_ASCMD_2_2_3_166_4_a_collection_row_becomes_the_folders_sync_state_in_its_devices_snapshot()
    {
        var plan = LegacyStateMapping.Map(AllRows, ImportedAt);

        var snapshot = StreamOf(plan, LegacyKinds.Device).Snapshot.ShouldBeOfType<DeviceSnapshot>();
        var inbox = snapshot.Collections.ShouldHaveSingleItem();
        inbox.Key.ShouldBe("1", "keyed by the folder id, as the phone's CollectionId");
        inbox.Value.Key.ShouldBe("d8c8c7ec-3");
        inbox.Value.UidValidity.ShouldBe(1796628870u);
        inbox.Value.ModSeq.ShouldBe(2ul);
        inbox.Value.Items.Keys.ShouldBe([1u, 2u, 3u]);
        inbox.Value.Options!.BodyPreferences.ShouldHaveSingleItem().TruncationSize.ShouldBe(5120L);
        inbox.Value.Rollback.ShouldBeNull("the old store kept no way back; only the current key is honoured");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_166_4_a_response_the_phone_has_not_confirmed_stays_pending_confirmation()
    {
        const string pending = """
            {"epoch":"0a1b2c3d","counter":5,"uidValidity":7,"modSeq":40,"filterType":3,"items":{"10":1,"11":0},"pendingAdds":[14,13],
            "pendingChanges":{"10":3},"pendingDeletes":[9],"options":null,
            "sent":{"adds":[12],"changes":[{"key":11,"value":0}],"deletes":[],"addedFlags":[{"key":12,"value":1}],"count":2},
            "key":"0a1b2c3d-5","previousKey":"0a1b2c3d-4","hasPending":true}
            """;
        var plan = LegacyStateMapping.Map([Row(LegacyKinds.Device, LegacyRows.DeviceId, LegacyRows.Device), Row(LegacyKinds.Collection, "legacy@ox.io/legacyphone1/7", pending)], ImportedAt);

        var state = StreamOf(plan, LegacyKinds.Device).Snapshot.ShouldBeOfType<DeviceSnapshot>().Collections["7"];
        state.Key.ShouldBe("0a1b2c3d-5");
        state.PendingAdds.ShouldBe([14u, 13u]);
        state.PendingChanges[10].ShouldBe((MessageFlags)3);
        state.PendingDeletes.ShouldBe([9u]);
        state.Sent!.Adds.ShouldBe([12u]);
        state.Sent.Changes.ShouldHaveSingleItem().Key.ShouldBe(11u);
        state.Sent.AddedFlags.ShouldHaveSingleItem().Value.ShouldBe((MessageFlags)1);
    }

    [Fact]
    public void A_folders_row_becomes_the_mailboxs_folder_map_with_the_same_ids()
    {
        var plan = LegacyStateMapping.Map(AllRows, ImportedAt);

        var mailbox = StreamOf(plan, LegacyKinds.FolderMap);
        mailbox.PersistenceId.ShouldBe(PersistenceIds.Mailbox("legacy@ox.io"));
        mailbox.Snapshot.ShouldBeNull();
        var map = mailbox.Events.ShouldHaveSingleItem().ShouldBeOfType<FolderMapChanged>().Map;
        map.NextId.ShouldBe(6);
        map.IdOf("INBOX").ShouldBe("1");
        map.Folders["4"].ShouldBe(new FolderMapEntry("Sent", 1796628872));
    }

    [Fact]
    public void An_account_row_keeps_its_slot_and_settings_and_lists_its_devices_as_last_seen()
    {
        var plan = LegacyStateMapping.Map(AllRows, ImportedAt);

        var account = StreamOf(plan, LegacyKinds.Account);
        account.PersistenceId.ShouldBe(PersistenceIds.Account("legacy@ox.io"));
        var answered = account.Events.ShouldHaveSingleItem().ShouldBeOfType<AccountClaimAnswered>();
        answered.State.HoldsSlot.ShouldBeTrue();
        answered.State.Settings.ShouldBe(AccountSettings.Default);
        answered.State.Devices.ShouldHaveSingleItem().ShouldBe(
            new KeyValuePair<string, DateTimeOffset>("legacyphone1", DateTimeOffset.Parse("2026-12-07T07:34:29.4090691+00:00", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_license_row_becomes_the_license_snapshot_with_its_first_start_and_holders()
    {
        var plan = LegacyStateMapping.Map(AllRows, ImportedAt);

        var license = StreamOf(plan, LegacyKinds.License);
        license.PersistenceId.ShouldBe(PersistenceIds.License);
        license.Events.ShouldBeEmpty();
        var state = license.Snapshot.ShouldBeOfType<LicenseState>();
        state.FirstStart.ShouldBe(DateTimeOffset.Parse("2026-12-07T07:34:24.2310356+00:00", System.Globalization.CultureInfo.InvariantCulture));
        state.Holders.ShouldHaveSingleItem().AccountId.ShouldBe("legacy@ox.io");
    }

    [Fact]
    public void The_directory_row_becomes_the_directory_snapshot_with_ordinal_domain_and_class_keys()
    {
        var plan = LegacyStateMapping.Map(AllRows, ImportedAt);

        var directory = StreamOf(plan, LegacyKinds.Directory);
        directory.PersistenceId.ShouldBe(PersistenceIds.Directory);
        var state = directory.Snapshot.ShouldBeOfType<DirectoryState>();
        state.ServiceEnabled.ShouldBeTrue();
        state.Domains["ox.io"].Email.ShouldBe(true);
        state.Classes["staff"].Contacts.ShouldBe(false);
        state.Domains.KeyComparer.ShouldBe(StringComparer.Ordinal);
    }

    [Fact]
    public void A_corrupted_row_is_skipped_with_its_reason_and_every_other_row_still_imports()
    {
        var rows = AllRows.Append(Row(LegacyKinds.Account, "broken@ox.io", """{"accountId":"broken@ox.io","holdsSlot":tr""")).ToArray();

        var plan = LegacyStateMapping.Map(rows, ImportedAt);

        var skipped = plan.Skipped.ShouldHaveSingleItem();
        skipped.Kind.ShouldBe(LegacyKinds.Account);
        skipped.Id.ShouldBe("broken@ox.io");
        skipped.Reason.ShouldStartWith("not a AccountState");
        plan.CountsByKind.ShouldBe(new Dictionary<string, int>
        {
            [LegacyKinds.Account] = 1, [LegacyKinds.Device] = 1, [LegacyKinds.Directory] = 1, [LegacyKinds.FolderMap] = 1, [LegacyKinds.License] = 1,
        });
    }

    [Fact]
    public void A_sync_state_whose_device_row_is_unreadable_is_skipped_too_and_names_why()
    {
        var rows = new[]
        {
            Row(LegacyKinds.Device, LegacyRows.DeviceId, "not json"),
            Row(LegacyKinds.Collection, LegacyRows.InboxCollectionId, LegacyRows.InboxCollection),
            Row(LegacyKinds.FolderMap, LegacyRows.FolderMapId, LegacyRows.FolderMap),
        };

        var plan = LegacyStateMapping.Map(rows, ImportedAt);

        plan.Skipped.Select(s => (s.Kind, s.Id)).ShouldBe([(LegacyKinds.Device, LegacyRows.DeviceId), (LegacyKinds.Collection, LegacyRows.InboxCollectionId)]);
        plan.Skipped[1].Reason.ShouldBe("its device's row is missing or unreadable");
        plan.Streams.ShouldHaveSingleItem().Kind.ShouldBe(LegacyKinds.FolderMap);
    }

    [Fact]
    public void Rows_that_contradict_their_ids_or_are_of_unknown_kinds_are_skipped()
    {
        var rows = new[]
        {
            Row(LegacyKinds.Device, "someone@ox.io/otherphone", LegacyRows.Device),
            Row(LegacyKinds.Account, "someone@ox.io", LegacyRows.Account),
            Row(LegacyKinds.Collection, "no-folder", LegacyRows.InboxCollection),
            Row("audit-cursor", "x", "{}"),
            Row(LegacyKinds.License, LegacyRows.LicenseId, "null"),
        };

        var plan = LegacyStateMapping.Map(rows, ImportedAt);

        plan.Streams.ShouldBeEmpty();
        plan.Skipped.Select(s => s.Reason).ShouldBe(
        [
            "the state names another device than its id",
            "the state names another account than its id",
            "not a folder's sync state of a device",
            "a kind this version does not import",
            "the state is JSON null",
        ]);
    }
}
