using System.Collections.Immutable;
using Eas.Actors.Devices;
using Eas.Actors.Devices.Access;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Sync.Hierarchy;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Http;
using MimeKit;

namespace Eas.Actors.Tests.Devices.Access;

/// <summary>
/// What a quarantined device sees (Exchange's quarantine experience): its Inbox with its quarantine notices and
/// nothing else, and after an approval the rest through the same hierarchy and collection comparisons, without a
/// resync (MS-ASCMD 2.2.1.5 FolderSync, 2.2.3.70.1 FilterType windows); the notice and the admins' notice texts.
/// </summary>
public sealed class QuarantineViewTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static readonly FolderView[] Folders =
    [
        new("1", "0", "Inbox", FolderType.DefaultInbox),
        new("2", "0", "Drafts", FolderType.DefaultDrafts),
        new("5", "0", "Sent", FolderType.DefaultSentItems),
        new("9", "1", "Projects", FolderType.UserCreatedMail),
        new("c1", "0", "Contacts", FolderType.DefaultContacts),
    ];

    [Theory]
    [InlineData(EasCommand.Provision, true)]
    [InlineData(EasCommand.Settings, true)]
    [InlineData(EasCommand.FolderSync, true)]
    [InlineData(EasCommand.Sync, true)]
    [InlineData(EasCommand.GetItemEstimate, true)]
    [InlineData(EasCommand.Ping, true)]
    [InlineData(EasCommand.SendMail, false)]
    [InlineData(EasCommand.SmartReply, false)]
    [InlineData(EasCommand.ItemOperations, false)]
    [InlineData(EasCommand.Search, false)]
    [InlineData(EasCommand.FolderCreate, false)]
    [InlineData(EasCommand.MeetingResponse, false)]
    public void A_quarantined_device_may_send_only_the_commands_that_set_up_its_partnership_and_read_its_inbox(EasCommand command, bool allowed) =>
        QuarantineView.AllowsCommand(command).ShouldBe(allowed);

    [Fact]
    public void MS_ASCMD_2_2_1_5_a_quarantined_device_is_shown_only_its_inbox()
    {
        QuarantineView.Folders(Folders).ShouldBe([Folders[0]]);
        QuarantineView.InboxOf(new HierarchySyncState { Epoch = "e", Known = Known(Folders) }).ShouldBe("1");
        QuarantineView.InboxOf(null).ShouldBeNull();
    }

    [Fact]
    public void MS_ASCMD_2_2_1_5_after_an_approval_the_next_folder_sync_adds_every_other_folder_and_leaves_the_inbox()
    {
        var quarantined = HierarchySync.Decide(null, "0", QuarantineView.Folders(Folders), "e1");
        quarantined.Changes.ShouldHaveSingleItem().ShouldBeOfType<FolderSyncAdd>().ServerId.ShouldBe("1");

        var approved = HierarchySync.Decide(quarantined.State, quarantined.Key!, Folders, "e2");

        approved.Status.ShouldBe(FolderSyncStatus.Success);
        approved.Changes.ShouldAllBe(c => c is FolderSyncAdd);
        approved.Changes.Cast<FolderSyncAdd>().Select(a => a.ServerId).ShouldBe(["2", "5", "c1", "9"], ignoreOrder: true);
        approved.Changes.Cast<FolderSyncAdd>().Last().ServerId.ShouldBe("9", "a child comes after its parent");
    }

    [Fact]
    public void The_quarantine_window_holds_only_the_devices_notices_and_keeps_the_folders_uidvalidity()
    {
        var listing = Listing(1, 2, 3, 4);

        var restricted = QuarantineView.Restrict(listing, [3]);

        restricted.Messages.Select(m => m.Uid).ShouldBe([3u]);
        (restricted.UidValidity, restricted.HighestModSeq, restricted.IsDelta).ShouldBe((listing.UidValidity, listing.HighestModSeq, false));
    }

    [Fact]
    public void MS_ASCMD_2_2_3_70_1_leaving_the_quarantine_window_adds_the_rest_of_the_inbox_without_a_second_notice()
    {
        var started = CollectionSync.Start("e", 0, 0);
        var quarantined = CollectionSync.Absorb(started with { FilterType = QuarantineView.WindowFilterType }, QuarantineView.Restrict(Listing(1, 2, 3), [3]), null);
        quarantined.PendingAdds.ShouldBe([3u]);
        var (held, plan, _) = CollectionSync.NextWindow(quarantined, 100, forceNewKey: false);
        plan.Adds.ShouldBe([3u]);
        held = CollectionSync.Confirm(held with { Sent = plan with { AddedFlags = [KeyValuePair.Create(3u, MessageFlags.None)] } });

        held.FilterType.ShouldNotBe(0, "the window differs from every FilterType, so the first Sync after approval lists the folder in full");
        var approved = CollectionSync.Absorb(held with { FilterType = 0 }, Listing(1, 2, 3), null);

        approved.PendingAdds.ShouldBe([2u, 1u], ignoreOrder: true);
        approved.PendingDeletes.ShouldBeEmpty();
        approved.Items.Keys.ShouldBe([3u]);
    }

    [Fact]
    public void The_notice_names_its_device_in_a_header_the_inbox_window_looks_for()
    {
        var device = DeviceState.New("mike@ox.io", "ApplF17XK2QJ") with { DeviceType = "iPhone" };

        var notice = QuarantineNotice.Build(QuarantineNoticeSettings.Default, "mike@ox.io", device, Noon);

        notice.Headers[QuarantineView.NoticeHeader].ShouldBe("ApplF17XK2QJ");
        notice.Subject.ShouldBe(QuarantineNotice.Subject);
        notice.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("mike@ox.io");
        notice.TextBody.ShouldNotBeNull().ShouldContain("Device: ApplF17XK2QJ");
        notice.TextBody.ShouldNotBeNull().ShouldContain("Model: unknown");
    }

    [Fact]
    public void The_notice_text_is_configurable_with_placeholders()
    {
        var device = DeviceState.New("mike@ox.io", "Held1") with { DeviceType = "Android", Information = new DeviceInformation { Model = "Pixel 8" } };
        var settings = new QuarantineNoticeSettings { NoticeSubject = "{DeviceType} {DeviceModel} on hold", NoticeBody = "Hello {Account}, device {DeviceId} ({DeviceType}, {DeviceModel}) waits. {Unknown}" };

        var notice = QuarantineNotice.Build(settings, "mike@ox.io", device, Noon);

        notice.Subject.ShouldBe("Android Pixel 8 on hold");
        notice.TextBody.ShouldBe("Hello mike@ox.io, device Held1 (Android, Pixel 8) waits. {Unknown}");
    }

    [Fact]
    public void The_admins_notice_goes_to_every_configured_address_and_says_how_to_decide()
    {
        var device = DeviceState.New("mike@ox.io", "Held1") with { DeviceType = "iPhone" };
        var settings = new QuarantineNoticeSettings { NotifyAddresses = ["it@ox.io", "Security <sec@ox.io>"] };

        var notice = QuarantineNotice.BuildForAdmins(settings, "mike@ox.io", device, Noon);

        notice.To.Mailboxes.Select(m => m.Address).ShouldBe(["it@ox.io", "sec@ox.io"]);
        notice.Subject.ShouldBe("Mobile device Held1 of mike@ox.io is quarantined");
        notice.TextBody.ShouldNotBeNull().ShouldContain("/accounts/mike@ox.io/devices/Held1/approve");
        notice.From.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("mike@ox.io");
    }

    private static FolderListing Listing(params uint[] uids) =>
        new(7, 40, [.. uids.Select(uid => new MessageInfo(uid, MessageFlags.None, Noon.AddMinutes(uid)))], [], IsDelta: false);

    private static ImmutableSortedDictionary<string, FolderView> Known(IEnumerable<FolderView> folders) =>
        folders.ToImmutableSortedDictionary(f => f.ServerId, f => f, StringComparer.Ordinal);
}
