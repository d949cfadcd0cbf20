using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using MailKit;
using MimeKit;
using IoPage = Eas.Wire.CodePages.ItemOperations;
using SearchPage = Eas.Wire.CodePages.Search;

namespace Eas.Integration.Tests;

/// <summary>
/// Search of the mailbox (MS-ASCMD 2.2.1.16, Store Mailbox) over IMAP SEARCH: FreeText, DateReceived bounds, one
/// folder or its subfolders too (DeepTraversal), ranges with Total, results newest first with Class, LongId,
/// CollectionId and Properties, a LongId fetched with ItemOperations, and a search over 1,000 messages (the timing over 10,000 is not a test: see README, benchmarks).
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class SearchMailboxTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);
    private ServerInstance _server = null!;
    private SyncingPhone _phone = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerInstance.StartAsync(dovecot);
        var user = MailboxUser.Create(dovecot, "search");
        using (var imap = await user.ConnectImapAsync())
        {
            await imap.CreateAsync("Projects");
            await imap.CreateAsync("Projects/Alpha");
            // INBOX: five "zebra" messages a day apart, and three without the word.
            for (var i = 0; i < 8; i++)
                await AppendAsync(imap, "INBOX", $"Note {i}", i < 5 ? $"the zebra number {i}" : "nothing to see", Start.AddDays(i));
            await AppendAsync(imap, "INBOX", "Quokka in the inbox", "quokka", Start.AddDays(20));
            await AppendAsync(imap, "Projects", "Quokka in projects", "quokka", Start.AddDays(21));
            await AppendAsync(imap, "Projects/Alpha", "Quokka in alpha", "quokka", Start.AddDays(22));
        }

        _phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Search141");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task AppendAsync(MailKit.Net.Imap.ImapClient imap, string folder, string subject, string body, DateTimeOffset received)
    {
        var message = new MimeMessage { Subject = subject, Date = received, Body = new TextPart("plain") { Text = body } };
        message.From.Add(new MailboxAddress("Sender", "sender@example.com"));
        message.To.Add(new MailboxAddress("Search", "search@example.com"));
        var target = await imap.GetFolderAsync(folder);
        await target.AppendAsync(new AppendRequest(message, MessageFlags.None, received));
    }

    private async Task<Wire.Wbxml.WbxmlElement> SearchAsync(Wire.Wbxml.WbxmlElement request, SyncingPhone? phone = null)
    {
        var response = await (phone ?? _phone).Client.PostAsync("Search", request);
        response.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Body!.ValueOf(SearchPage.Status).ShouldBe("1");
        var store = SearchRequests.StoreOf(response.Body!);
        store.ValueOf(SearchPage.Status).ShouldBe("1");
        return store;
    }

    private static List<string?> Subjects(Wire.Wbxml.WbxmlElement store) =>
        [.. SearchRequests.ResultsOf(store).Select(r => r.Element(SearchPage.Properties)!.ValueOf(Email.Subject))];

    [Fact]
    public async Task MS_ASCMD_2_2_3_74_FreeText_finds_the_messages_with_the_word_newest_first()
    {
        var store = await SearchAsync(SearchRequests.Mailbox("zebra", bodyType: 1));

        Subjects(store).ShouldBe(["Note 4", "Note 3", "Note 2", "Note 1", "Note 0"]);
        store.ValueOf(SearchPage.Total).ShouldBe("5");
        var first = SearchRequests.ResultsOf(store)[0];
        first.ValueOf(AirSync.Class).ShouldBe("Email");
        first.ValueOf(AirSync.CollectionId).ShouldBe(_phone.IdOf("INBOX"));
        first.ValueOf(SearchPage.LongId).ShouldNotBeNullOrEmpty();
        first.Element(SearchPage.Properties)!.Element(AirSyncBase.Body)!.ValueOf(AirSyncBase.Data)!.ShouldContain("zebra");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_80_and_2_2_3_98_DateReceived_bounds_are_exact()
    {
        var store = await SearchAsync(SearchRequests.Mailbox("zebra", after: Start.AddDays(1).UtcDateTime, before: Start.AddDays(3).AddSeconds(1).UtcDateTime));

        Subjects(store).ShouldBe(["Note 3", "Note 2"]);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_43_2_one_folder_or_with_DeepTraversal_its_subfolders_and_without_a_folder_every_mail_folder()
    {
        var projects = _phone.IdOf("Projects");

        Subjects(await SearchAsync(SearchRequests.Mailbox("quokka", projects))).ShouldBe(["Quokka in projects"]);
        Subjects(await SearchAsync(SearchRequests.Mailbox("quokka", projects, deep: true))).ShouldBe(["Quokka in alpha", "Quokka in projects"]);
        Subjects(await SearchAsync(SearchRequests.Mailbox("quokka"))).ShouldBe(["Quokka in alpha", "Quokka in projects", "Quokka in the inbox"]);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_13_an_unknown_folder_is_status_6()
    {
        var response = await _phone.Client.PostAsync("Search", SearchRequests.Mailbox("quokka", "999"));
        SearchRequests.StoreOf(response.Body!).ValueOf(SearchPage.Status).ShouldBe("6");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_143_3_ranges_page_through_the_results_with_the_total()
    {
        var first = await SearchAsync(SearchRequests.Mailbox("zebra", range: "0-1"));
        Subjects(first).ShouldBe(["Note 4", "Note 3"]);
        first.ValueOf(SearchPage.Range).ShouldBe("0-1");
        first.ValueOf(SearchPage.Total).ShouldBe("5");

        var rest = await SearchAsync(SearchRequests.Mailbox("zebra", range: "2-9"));
        Subjects(rest).ShouldBe(["Note 2", "Note 1", "Note 0"]);
        rest.ValueOf(SearchPage.Range).ShouldBe("2-4");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_102_a_result_LongId_is_fetched_with_ItemOperations()
    {
        var store = await SearchAsync(SearchRequests.Mailbox("quokka", _phone.IdOf("Projects")));
        var longId = SearchRequests.ResultsOf(store).Single().ValueOf(SearchPage.LongId)!;

        var fetched = (await _phone.Client.PostAsync("ItemOperations", SearchRequests.FetchLongId(longId))).Body!;

        var fetch = fetched.Element(IoPage.Response)!.Element(IoPage.Fetch)!;
        fetch.ValueOf(IoPage.Status).ShouldBe("1");
        fetch.ValueOf(SearchPage.LongId).ShouldBe(longId);
        fetch.Element(IoPage.Properties)!.ValueOf(Email.Subject).ShouldBe("Quokka in projects");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_102_a_result_LongId_is_the_source_of_a_SmartForward()
    {
        var store = await SearchAsync(SearchRequests.Mailbox("quokka", _phone.IdOf("Projects")));
        var longId = SearchRequests.ResultsOf(store).Single().ValueOf(SearchPage.LongId)!;
        var recipient = MailboxUser.Create(dovecot, "searchfwd");
        await dovecot.AcceptMailForAsync(recipient.Address);
        var subject = "Fw: quokka " + Guid.NewGuid().ToString("N")[..6];
        var mime = ComposeRequests.Message(_phone.Client.User, recipient.Address, subject, "See below.");
        var forward = Wire.Wbxml.WbxmlElement.WithChildren(ComposeMail.SmartForward,
            Wire.Wbxml.WbxmlElement.WithText(ComposeMail.ClientId, "f-" + Guid.NewGuid().ToString("N")[..8]),
            Wire.Wbxml.WbxmlElement.WithChildren(ComposeMail.Source, Wire.Wbxml.WbxmlElement.WithText(ComposeMail.LongId, longId)),
            Wire.Wbxml.WbxmlElement.WithOpaque(ComposeMail.Mime, mime));

        var response = await _phone.Client.PostAsync("SmartForward", forward);

        response.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Bytes.ShouldBeEmpty();
        (await Mailbox.WaitForAsync(recipient, subject)).Single().Raw.ShouldContain("quokka", Case.Sensitive, "the original found by its LongId is forwarded below");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_16_a_search_over_1000_messages_pages_through_its_matches_newest_first()
    {
        var user = MailboxUser.Create(dovecot, "search1k");
        for (var i = 1; i <= 1_000; i++) await user.DeliverAsync(i, i % 50 == 0 ? $"a needle in message {i}\r\n" : null);
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Search1k");

        var first = await SearchAsync(SearchRequests.Mailbox("needle", range: "0-9"), phone);
        var second = await SearchAsync(SearchRequests.Mailbox("needle", range: "10-19"), phone);

        first.ValueOf(SearchPage.Total).ShouldBe("20");
        Subjects(first).First().ShouldBe("Message 1000");
        Subjects(second).Last().ShouldBe("Message 50");
    }
}
