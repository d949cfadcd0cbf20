using System.Text.Json;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using MailKit;
using MimeKit;
using static Eas.Wire.Wbxml.WbxmlElement;
using FindPage = Eas.Wire.CodePages.Find;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Integration.Tests;

/// <summary>
/// Find (MS-ASCMD 2.2.1.2, 16.1) over real HTTP: the GAL from an entries file (ranges, Total, pictures), the mailbox by
/// FreeText in one folder and with DeepTraversal, a result fetched by ItemOperations, the Find statuses, and Find
/// offered to 16.1 clients only.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class FindTests(FindMailboxFixture shared) : IClassFixture<FindMailboxFixture>
{
    // One server, mailbox and pair of phones for the class: every test only finds and fetches.
    private readonly SyncingPhone _phone = shared.Phone;
    private readonly SyncingPhone _phone141 = shared.Phone141;

    private static WbxmlElement Gal(string text, string? range = null, int? maxPictures = null)
    {
        var options = new List<WbxmlElement>();
        if (range is not null) options.Add(WithText(FindPage.Range, range));
        if (maxPictures is { } max) options.Add(WithChildren(FindPage.Picture, WithText(FindPage.MaxPictures, max.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return Request(WithChildren(FindPage.GALSearchCriterion, WithChildren(FindPage.Query, WithText(FindPage.FreeText, text)), WithChildren(FindPage.Options, [.. options])));
    }

    private static WbxmlElement Mailbox(string text, string? collectionId = null, bool deep = false, string? range = null)
    {
        var query = new List<WbxmlElement> { WithText(FindPage.FreeText, text), WithText(AirSync.Class, "Email") };
        if (collectionId is not null) query.Add(WithText(AirSync.CollectionId, collectionId));
        var options = new List<WbxmlElement>();
        if (range is not null) options.Add(WithText(FindPage.Range, range));
        if (deep) options.Add(new WbxmlElement(FindPage.DeepTraversal));
        return Request(WithChildren(FindPage.MailBoxSearchCriterion, WithChildren(FindPage.Query, [.. query]), WithChildren(FindPage.Options, [.. options])));
    }

    private static WbxmlElement Request(WbxmlElement criterion) =>
        WithChildren(FindPage.FindElement, WithText(FindPage.SearchId, Guid.NewGuid().ToString()), WithChildren(FindPage.ExecuteSearch, criterion));

    private async Task<WbxmlElement> FindAsync(WbxmlElement request, string status = "1")
    {
        var response = await _phone.Client.PostAsync("Find", request);
        response.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Body!.ValueOf(FindPage.Status).ShouldBe("1");
        var store = response.Body!.Element(FindPage.Response)!;
        store.ValueOf(FindPage.Status).ShouldBe(status);
        return store;
    }

    private static List<string?> Values(WbxmlElement store, ushort tag) =>
        [.. store.Elements(FindPage.Result).Select(r => r.Element(FindPage.Properties)!.ValueOf(tag))];

    [Fact]
    public async Task MS_ASCMD_2_2_3_143_1_a_GAL_find_answers_its_range_with_Total_and_pictures()
    {
        var store = await FindAsync(Gal("Person 0", "0-4", maxPictures: 2));

        store.ValueOf(IoPage.Store).ShouldBe("GAL");
        store.ValueOf(FindPage.Range).ShouldBe("0-4");
        store.ValueOf(FindPage.Total).ShouldBe("10");
        Values(store, GAL.DisplayName).ShouldBe(["Person 00", "Person 01", "Person 02", "Person 03", "Person 04"]);
        var pictures = store.Elements(FindPage.Result).Select(r => r.Element(FindPage.Properties)!.Element(GAL.Picture)!.ValueOf(GAL.Status)).ToList();
        pictures.ShouldBe(["1", "1", "175", "173", "173"]);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_2_a_range_not_starting_at_0_is_status_4()
    {
        var store = await FindAsync(Gal("Person", "5-9"), status: "4");
        store.Elements(FindPage.Result).ShouldBeEmpty();
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_74_FreeText_finds_mail_newest_first_with_the_Find_properties_and_Total()
    {
        var store = await FindAsync(Mailbox("zebra", _phone.IdOf("INBOX"), range: "0-1"));

        store.ValueOf(IoPage.Store).ShouldBe("Mailbox");
        store.ValueOf(FindPage.Total).ShouldBe("4");
        store.ValueOf(FindPage.Range).ShouldBe("0-1");
        Values(store, Email.Subject).ShouldBe(["Zebra 3", "Zebra 2"]);
        var first = store.Elements(FindPage.Result).First();
        first.ValueOf(AirSync.Class).ShouldBe("Email");
        first.ValueOf(AirSync.CollectionId).ShouldBe(_phone.IdOf("INBOX"));
        var properties = first.Element(FindPage.Properties)!;
        properties.ValueOf(FindPage.Preview).ShouldBe("the zebra number 3");
        properties.ValueOf(Email.DisplayTo).ShouldBe("Finder");
        properties.ValueOf(FindPage.HasAttachments).ShouldBe("0");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_43_1_one_folder_or_with_DeepTraversal_its_subfolders()
    {
        var projects = _phone.IdOf("Projects");

        Values(await FindAsync(Mailbox("quokka", projects)), Email.Subject).ShouldBe(["Quokka in projects"]);
        Values(await FindAsync(Mailbox("quokka", projects, deep: true)), Email.Subject).ShouldBe(["Quokka in alpha", "Quokka in projects"]);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_2_an_unknown_folder_is_status_3()
    {
        await FindAsync(Mailbox("quokka", "9999"), status: "3");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_166_1_a_result_ServerId_is_fetched_by_ItemOperations()
    {
        var result = (await FindAsync(Mailbox("quokka", _phone.IdOf("Projects")))).Element(FindPage.Result)!;
        var fetchRequest = WithChildren(IoPage.ItemOperationsElement, WithChildren(IoPage.Fetch,
            WithText(IoPage.Store, "Mailbox"), WithText(AirSync.CollectionId, result.ValueOf(AirSync.CollectionId)!), WithText(AirSync.ServerId, result.ValueOf(AirSync.ServerId)!)));

        var fetch = (await _phone.Client.PostAsync("ItemOperations", fetchRequest)).Body!.Element(IoPage.Response)!.Element(IoPage.Fetch)!;

        fetch.ValueOf(IoPage.Status).ShouldBe("1");
        fetch.Element(IoPage.Properties)!.ValueOf(Email.Subject).ShouldBe("Quokka in projects");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_2_Find_is_16_1_only_and_OPTIONS_lists_it()
    {
        var options = await _phone.Client.OptionsAsync();
        options.Headers.GetValues("MS-ASProtocolCommands").Single().Split(',').ShouldContain("Find");

        var refused = await _phone141.Client.PostAsync("Find", Gal("Person"));
        refused.Status.ShouldBe(System.Net.HttpStatusCode.NotImplemented);
    }
}

/// <summary>A GAL of 30 people, an account with zebra and quokka messages in INBOX, Projects and Projects/Alpha, and a 16.1 and a 14.1 phone of it.</summary>
public sealed class FindMailboxFixture(DovecotFixture dovecot) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "eas-find-" + Guid.NewGuid().ToString("N")[..8]);
    private ServerInstance _server = null!;

    internal SyncingPhone Phone { get; private set; } = null!;

    internal SyncingPhone Phone141 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var small = Convert.ToBase64String(new byte[100]);
        var entries = Enumerable.Range(0, 30).Select(i => new Dictionary<string, string>
        {
            ["displayName"] = $"Person {i:D2}",
            ["emailAddress"] = $"person{i:D2}@example.org",
            ["picture"] = i < 3 ? small : "",
        });
        var file = Path.Combine(_folder, "gal.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(entries));
        _server = await ServerInstance.StartAsync(dovecot, null, $"--Eas:Gal:EntriesFile={file}");
        var user = MailboxUser.Create(dovecot, "find");
        using (var imap = await user.ConnectImapAsync())
        {
            await imap.CreateAsync("Projects");
            await imap.CreateAsync("Projects/Alpha");
            for (var i = 0; i < 4; i++) await AppendAsync(imap, "INBOX", $"Zebra {i}", $"the zebra number {i}", Start.AddDays(i));
            await AppendAsync(imap, "INBOX", "Plain", "nothing to see", Start.AddDays(5));
            await AppendAsync(imap, "Projects", "Quokka in projects", "quokka here", Start.AddDays(21));
            await AppendAsync(imap, "Projects/Alpha", "Quokka in alpha", "quokka there", Start.AddDays(22));
        }

        Phone = await SyncingPhone.StartAsync(_server, user, "16.1", "Find161");
        Phone141 = await SyncingPhone.StartAsync(_server, user, "14.1", "Find141");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task AppendAsync(MailKit.Net.Imap.ImapClient imap, string folder, string subject, string body, DateTimeOffset received)
    {
        var message = new MimeMessage { Subject = subject, Date = received, Body = new TextPart("plain") { Text = body } };
        message.From.Add(new MailboxAddress("Sender", "sender@example.com"));
        message.To.Add(new MailboxAddress("Finder", "find@example.com"));
        await (await imap.GetFolderAsync(folder)).AppendAsync(new AppendRequest(message, MessageFlags.None, received));
    }
}
