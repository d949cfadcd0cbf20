using System.Text.Json;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using SearchPage = Eas.Wire.CodePages.Search;

namespace Eas.Integration.Tests;

/// <summary>
/// Search of the GAL (MS-ASCMD 2.2.1.16, Store GAL) over the server's own directory with an entries file of 1,000
/// people: ranges and Total (2.2.3.143.3, 2.2.3.184.3), pictures within MaxSize and MaxPictures (2.2.3.135.3), the
/// query limits, and OPTIONS advertising Search.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class SearchGalTests(GalEntriesFixture shared) : IClassFixture<GalEntriesFixture>
{
    // One server, account and pair of phones for the class: every test only searches the directory.
    private readonly SyncingPhone _phone = shared.Phone;
    private readonly SyncingPhone _phone121 = shared.Phone121;

    private async Task<Wire.Wbxml.WbxmlElement> SearchAsync(Wire.Wbxml.WbxmlElement request, SyncingPhone? phone = null)
    {
        var response = await (phone ?? _phone).Client.PostAsync("Search", request);
        response.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Body!.ValueOf(SearchPage.Status).ShouldBe("1");
        return SearchRequests.StoreOf(response.Body!);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_143_3_ranges_page_through_the_matches_and_Total_counts_them_all()
    {
        var first = await SearchAsync(SearchRequests.Gal("Person 001", "0-4"));
        first.ValueOf(SearchPage.Status).ShouldBe("1");
        first.ValueOf(SearchPage.Range).ShouldBe("0-4");
        first.ValueOf(SearchPage.Total).ShouldBe("10");
        var names = SearchRequests.ResultsOf(first).Select(r => r.Element(SearchPage.Properties)!.ValueOf(GAL.DisplayName)).ToList();
        names.ShouldBe(["Person 0010", "Person 0011", "Person 0012", "Person 0013", "Person 0014"]);

        var second = await SearchAsync(SearchRequests.Gal("Person 001", "5-20"));
        second.ValueOf(SearchPage.Range).ShouldBe("5-9");
        SearchRequests.ResultsOf(second).Select(r => r.Element(SearchPage.Properties)!.ValueOf(GAL.EmailAddress)).First().ShouldBe("person0015@example.org");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_143_3_the_default_range_is_0_99_and_Total_stops_at_the_maximum()
    {
        var store = await SearchAsync(SearchRequests.Gal("Person"));
        SearchRequests.ResultsOf(store).Count.ShouldBe(100);
        store.ValueOf(SearchPage.Range).ShouldBe("0-99");
        store.ValueOf(SearchPage.Total).ShouldBe("100");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_13_a_range_past_the_retrievable_end_is_status_12()
    {
        (await SearchAsync(SearchRequests.Gal("Person", "100-109"))).ValueOf(SearchPage.Status).ShouldBe("12");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_13_no_match_is_an_empty_result_with_total_0()
    {
        var store = await SearchAsync(SearchRequests.Gal("Nobody by that name"));
        store.ValueOf(SearchPage.Status).ShouldBe("1");
        store.Element(SearchPage.Result).ShouldNotBeNull().HasChildren.ShouldBeFalse();
        store.ValueOf(SearchPage.Total).ShouldBe("0");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_13_an_empty_query_is_status_2_and_an_overlong_one_status_8()
    {
        (await SearchAsync(SearchRequests.Gal(""))).ValueOf(SearchPage.Status).ShouldBe("2");
        (await SearchAsync(SearchRequests.Gal(new string('x', 300)))).ValueOf(SearchPage.Status).ShouldBe("8");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_135_3_pictures_within_MaxSize_and_MaxPictures_with_their_statuses()
    {
        var store = await SearchAsync(SearchRequests.Gal("Person 000", "0-4", maxSize: 1000, maxPictures: 2));
        var pictures = SearchRequests.ResultsOf(store).Select(r => r.Element(SearchPage.Properties)!.Element(GAL.Picture)!).ToList();
        pictures.Select(p => p.ValueOf(GAL.Status)).ShouldBe(["174", "1", "1", "175", "173"]);
        Convert.FromBase64String(pictures[1].ValueOf(GAL.Data)!).Length.ShouldBe(100);
        pictures[0].Element(GAL.Data).ShouldBeNull();
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_78_a_12_1_search_has_no_pictures_and_the_other_properties()
    {
        var store = await SearchAsync(SearchRequests.Gal("Person 0001"), _phone121);
        var properties = SearchRequests.ResultsOf(store).Single().Element(SearchPage.Properties)!;
        properties.ValueOf(GAL.Company).ShouldBe("Example");
        properties.ValueOf(GAL.Phone).ShouldBe("+1 555 0001");
        properties.Element(GAL.Picture).ShouldBeNull();
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_16_the_accounts_the_server_knows_are_in_the_GAL()
    {
        var address = _phone.Client.User;
        var store = await SearchAsync(SearchRequests.Gal(address));
        SearchRequests.ResultsOf(store).Select(r => r.Element(SearchPage.Properties)!.ValueOf(GAL.EmailAddress)).ShouldContain(address);
    }

    [Fact]
    public async Task MS_ASHTTP_2_2_2_1_2_3_OPTIONS_lists_Search()
    {
        var options = await _phone.Client.OptionsAsync();
        options.Headers.GetValues("MS-ASProtocolCommands").Single().Split(',').ShouldContain("Search");
    }
}

/// <summary>A GAL that cannot be read is the retriable Store status 3 (MS-ASCMD 2.2.3.177.13), never an empty answer.</summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class SearchGalOutageTests(DovecotFixture dovecot)
{
    [Fact]
    public async Task MS_ASCMD_2_2_3_177_13_a_directory_that_is_down_is_status_3()
    {
        var missing = Path.Combine(Path.GetTempPath(), "eas-gal-missing-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        await using var server = await ServerInstance.StartAsync(dovecot, null, $"--Eas:Gal:EntriesFile={missing}");
        var phone = await SyncingPhone.StartAsync(server, MailboxUser.Create(dovecot, "galdown"), "14.1", "GalDown");

        var response = await phone.Client.PostAsync("Search", SearchRequests.Gal("anyone"));

        SearchRequests.StoreOf(response.Body!).ValueOf(SearchPage.Status).ShouldBe("3");
    }
}

/// <summary>The entries file of <see cref="People"/> people, a server reading it, and a 14.1 and a 12.1 phone of one account.</summary>
public sealed class GalEntriesFixture(DovecotFixture dovecot) : IAsyncLifetime
{
    public const int People = 1000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "eas-gal-" + Guid.NewGuid().ToString("N")[..8]);
    private ServerInstance _server = null!;

    internal SyncingPhone Phone { get; private set; } = null!;

    internal SyncingPhone Phone121 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllBytesAsync(Path.Combine(_folder, "big.jpg"), new byte[5000]);
        var small = Convert.ToBase64String(new byte[100]);
        var entries = Enumerable.Range(0, People).Select(i => new Dictionary<string, string>
        {
            ["displayName"] = $"Person {i:D4}",
            ["emailAddress"] = $"person{i:D4}@example.org",
            ["firstName"] = "Person",
            ["lastName"] = $"{i:D4}",
            ["company"] = "Example",
            ["phone"] = $"+1 555 {i:D4}",
            ["picture"] = i switch { 0 => "big.jpg", 1 or 2 or 3 => small, _ => "" },
        });
        var file = Path.Combine(_folder, "gal.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(entries));
        _server = await ServerInstance.StartAsync(dovecot, null, $"--Eas:Gal:EntriesFile={file}");
        var user = MailboxUser.Create(dovecot, "gal");
        Phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Gal141");
        Phone121 = await SyncingPhone.StartAsync(_server, user, "12.1", "Gal121");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
