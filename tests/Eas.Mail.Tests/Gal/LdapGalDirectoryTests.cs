using System.Diagnostics;
using Eas.Mail.Gal;
using Eas.Mail.Gal.Ldap;
using Eas.Mail.LocalSlapd;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Gal;

/// <summary>The LDAP adapter of the GAL against a real slapd holding 1,000 people with photos.</summary>
public sealed class LdapGalDirectoryTests(SlapdFixture fixture) : IClassFixture<SlapdFixture>
{
    private static readonly GalSearchOptions Plain = new();

    [Fact]
    public async Task A_paged_search_reads_all_1000_entries_with_their_photos()
    {
        var directory = new LdapGalDirectory(fixture.Settings(pageSize: 100));

        var result = await directory.SearchAsync("Person", 1000, new GalSearchOptions(WithPictures: true), CancellationToken.None);

        result.Total.ShouldBe(SlapdFixture.PeopleCount);
        result.Entries.Count.ShouldBe(SlapdFixture.PeopleCount);
        result.Entries[0].DisplayName.ShouldBe("Person 0000");
        result.Entries[^1].DisplayName.ShouldBe("Person 0999");
        result.Entries.ShouldAllBe(e => e.Picture != null && e.Picture.SequenceEqual(SlapdFixture.Photo));
    }

    [Fact]
    public async Task A_limit_returns_the_first_entries_by_name_and_counts_them_all_up_to_the_size_limit()
    {
        var directory = new LdapGalDirectory(fixture.Settings(pageSize: 50));
        var capped = new LdapGalDirectory(fixture.Settings(pageSize: 50) with { SizeLimit = 300 });

        var result = await directory.SearchAsync("person0", 10, Plain, CancellationToken.None);
        var cappedResult = await capped.SearchAsync("person0", 10, Plain, CancellationToken.None);

        result.Total.ShouldBe(SlapdFixture.PeopleCount);
        result.Entries.Select(e => e.EmailAddress).ShouldBe(Enumerable.Range(0, 10).Select(i => $"person{i:0000}@example.com"));
        result.Entries.ShouldAllBe(e => e.Picture == null);
        cappedResult.Total.ShouldBe(300);
    }

    [Theory]
    [InlineData("ali", new[] { "alice@example.com", "alina@example.com" })]
    [InlineData("SMI", new[] { "alice@example.com" })]
    [InlineData("Smy", new[] { "alina@example.com" })]
    [InlineData("ALICE@EX", new[] { "alice@example.com" })]
    [InlineData("alin", new[] { "alina@example.com" })]
    [InlineData("zz", new string[0])]
    public async Task A_prefix_of_a_name_alias_or_address_matches_case_insensitively(string query, string[] expected)
    {
        var result = await new LdapGalDirectory(fixture.Settings()).SearchAsync(query, 50, Plain, CancellationToken.None);

        result.Entries.Select(e => e.EmailAddress).ShouldBe(expected);
        result.Total.ShouldBe(expected.Length);
    }

    [Theory]
    [InlineData("Star*(", new[] { "star@example.com" })]
    [InlineData("Star", new[] { "star@example.com", "starry@example.com" })]
    [InlineData("*", new string[0])]
    [InlineData(")(uid=*", new string[0])]
    [InlineData("\\", new string[0])]
    public async Task RFC_4515_special_characters_in_a_query_are_matched_literally(string query, string[] expected)
    {
        var result = await new LdapGalDirectory(fixture.Settings()).SearchAsync(query, 50, Plain, CancellationToken.None);

        result.Entries.Select(e => e.EmailAddress).Order().ShouldBe(expected);
    }

    [Fact]
    public async Task Resolve_puts_the_exact_address_first_and_reads_certificates_only_when_asked()
    {
        var directory = new LdapGalDirectory(fixture.Settings());

        var exact = await directory.ResolveAsync("alice@example.com", 10, new GalSearchOptions(WithCertificates: true), CancellationToken.None);
        var ambiguous = await directory.ResolveAsync("Ali", 10, Plain, CancellationToken.None);

        exact.Count.ShouldBe(1);
        exact[0].Title.ShouldBe("Engineer");
        exact[0].Company.ShouldBe("Example Corp");
        exact[0].Certificates.ShouldHaveSingleItem().ShouldBe(SlapdFixture.Certificate);
        ambiguous.Select(e => e.DisplayName).ShouldBe(["Alice Smith", "Alina Smythe"]);
        ambiguous.ShouldAllBe(e => e.Certificates.Count == 0);
    }

    [Fact]
    public async Task An_entry_without_mail_is_not_in_the_GAL()
    {
        var result = await new LdapGalDirectory(fixture.Settings()).SearchAsync("No Mail", 10, Plain, CancellationToken.None);

        result.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_stopped_server_is_DirectoryUnavailableException_within_the_timeout()
    {
        var data = Directory.CreateTempSubdirectory("eas-slapd-stop-").FullName;
        try
        {
            var slapd = await SlapdInstance.StartAsync(new SlapdOptions { DataDirectory = data });
            var directory = new LdapGalDirectory(new LdapGalSettings(slapd.Url, slapd.Suffix)
            {
                BindDn = slapd.RootDn,
                BindPassword = slapd.RootPassword,
                Timeout = TimeSpan.FromSeconds(3),
            });
            (await directory.SearchAsync("x", 1, Plain, CancellationToken.None)).Total.ShouldBe(0);

            await slapd.DisposeAsync();
            var clock = Stopwatch.StartNew();
            await Should.ThrowAsync<DirectoryUnavailableException>(() => directory.SearchAsync("x", 1, Plain, CancellationToken.None));
            await Should.ThrowAsync<DirectoryUnavailableException>(() => directory.ResolveAsync("x", 1, Plain, CancellationToken.None));

            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_wrong_bind_password_is_DirectoryUnavailableException_not_an_empty_answer()
    {
        var directory = new LdapGalDirectory(fixture.Settings() with { BindPassword = "wrong" });

        await Should.ThrowAsync<DirectoryUnavailableException>(() => directory.SearchAsync("ali", 1, Plain, CancellationToken.None));
    }

    [Fact]
    public async Task A_port_that_accepts_and_never_answers_is_DirectoryUnavailableException_at_the_timeout()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var directory = new LdapGalDirectory(new LdapGalSettings(new Uri($"ldap://127.0.0.1:{port}"), "dc=example,dc=com")
        {
            BindDn = "cn=admin,dc=example,dc=com",
            BindPassword = "x",
            Timeout = TimeSpan.FromSeconds(1),
        });

        var clock = Stopwatch.StartNew();
        await Should.ThrowAsync<DirectoryUnavailableException>(() => directory.SearchAsync("x", 1, Plain, CancellationToken.None));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }
}
