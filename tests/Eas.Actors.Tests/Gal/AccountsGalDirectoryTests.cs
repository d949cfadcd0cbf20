using Eas.Actors.Gal;
using Eas.Mail.Gal;

namespace Eas.Actors.Tests.Gal;

/// <summary>The server's own GAL: accounts plus an entries file that is read again when it changes; matching by prefix.</summary>
public sealed class AccountsGalDirectoryTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "eas-gal-unit-" + Guid.NewGuid().ToString("N")[..8] + ".json");

    public void Dispose() => File.Delete(_file);

    private AccountsGalDirectory Directory(params string[] accounts) =>
        new(_ => Task.FromResult<IReadOnlyList<string>>(accounts), new GalEntriesFile(_file), 100, TimeSpan.FromMinutes(1), TimeProvider.System);

    [Fact]
    public async Task Accounts_and_file_entries_are_merged_sorted_by_display_name_and_the_file_wins_for_an_address()
    {
        await File.WriteAllTextAsync(_file, """[{"displayName":"Zoe Zed","emailAddress":"zoe@ox.io"},{"displayName":"Mike Full","emailAddress":"mike@ox.io","title":"CTO"}]""");

        var found = await Directory("mike@ox.io", "anna@ox.io").SearchAsync("", 10, new GalSearchOptions(), CancellationToken.None);
        found.Total.ShouldBe(0, "an empty query names nobody");

        var all = await Directory("mike@ox.io", "anna@ox.io").SearchAsync("m", 10, new GalSearchOptions(), CancellationToken.None);
        all.Entries.Single().Title.ShouldBe("CTO");
        var a = await Directory("mike@ox.io", "anna@ox.io").SearchAsync("anna", 10, new GalSearchOptions(), CancellationToken.None);
        a.Entries.Single().EmailAddress.ShouldBe("anna@ox.io");
    }

    [Fact]
    public async Task The_file_is_read_again_when_it_changes()
    {
        await File.WriteAllTextAsync(_file, """[{"displayName":"Old Name","emailAddress":"x@ox.io"}]""");
        var directory = Directory();
        (await directory.SearchAsync("Old", 10, new GalSearchOptions(), CancellationToken.None)).Total.ShouldBe(1);

        await File.WriteAllTextAsync(_file, """[{"displayName":"New Name","emailAddress":"x@ox.io"},{"displayName":"New Other","emailAddress":"y@ox.io"}]""");
        File.SetLastWriteTimeUtc(_file, DateTime.UtcNow.AddMinutes(1));

        (await directory.SearchAsync("Old", 10, new GalSearchOptions(), CancellationToken.None)).Total.ShouldBe(0);
        (await directory.SearchAsync("New", 10, new GalSearchOptions(), CancellationToken.None)).Total.ShouldBe(2);
    }

    [Fact]
    public async Task A_missing_file_is_an_outage_not_an_empty_directory()
    {
        await Should.ThrowAsync<DirectoryUnavailableException>(() => Directory().SearchAsync("a", 10, new GalSearchOptions(), CancellationToken.None));
    }

    [Fact]
    public async Task Pictures_are_read_only_when_asked_for()
    {
        await File.WriteAllTextAsync(_file, """[{"displayName":"Pic","emailAddress":"p@ox.io","picture":"AQID"}]""");

        (await Directory().SearchAsync("Pic", 10, new GalSearchOptions(), CancellationToken.None)).Entries.Single().Picture.ShouldBeNull();
        (await Directory().SearchAsync("Pic", 10, new GalSearchOptions(WithPictures: true), CancellationToken.None)).Entries.Single().Picture.ShouldBe([1, 2, 3]);
    }

    [Theory]
    [InlineData("ann", true)]
    [InlineData("EXAM", true)]
    [InlineData("ann.e", true)]
    [InlineData("nne", false)]
    public void Matching_is_by_prefix_of_a_name_a_word_of_the_display_name_the_alias_or_the_address(string query, bool matches) =>
        GalMatching.Matches(new GalEntry("Ann Example", "ann.e@ox.io") { Alias = "annie" }, query).ShouldBe(matches);
}
