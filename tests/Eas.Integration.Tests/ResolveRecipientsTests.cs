using System.Diagnostics;
using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.Wbxml;
using static Eas.Integration.Tests.Support.ResolveRecipientsRequests;
using Page = Eas.Wire.CodePages.ResolveRecipients;

namespace Eas.Integration.Tests;

/// <summary>
/// ResolveRecipients (MS-ASCMD 2.2.1.15) over real HTTP, with the GAL in a private slapd (<c>Eas:Gal:Provider=ldap</c>):
/// resolved, ambiguous and unknown recipients, certificates full and mini, pictures, availability, and a directory that
/// is down.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class ResolveRecipientsTests(DovecotFixture dovecot, GalServerFixture shared) : IClassFixture<GalServerFixture>
{
    private readonly ServerInstance _server = shared.Server;
    private readonly MailboxUser _user = shared.User;

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_12_an_exact_address_resolves_to_one_GAL_recipient_with_status_1()
    {
        var body = await ResolveAsync("14.1", "RrExact", Resolve(["Alice@Example.com"]));

        body.ValueOf(Page.Status).ShouldBe("1");
        var response = body.Element(Page.Response)!;
        (response.ValueOf(Page.To), response.ValueOf(Page.Status), response.ValueOf(Page.RecipientCount)).ShouldBe(("Alice@Example.com", "1", "1"));
        var recipient = response.Elements(Page.Recipient).ShouldHaveSingleItem();
        (recipient.ValueOf(Page.Type), recipient.ValueOf(Page.DisplayName), recipient.ValueOf(Page.EmailAddress)).ShouldBe(("1", "Alice Smith", "alice@example.com"));
        recipient.Element(Page.Certificates).ShouldBeNull();
        recipient.Element(Page.Availability).ShouldBeNull();
        recipient.Element(Page.Picture).ShouldBeNull();
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_12_a_name_with_one_match_resolves_and_one_with_several_is_ambiguous_status_2_without_certificates()
    {
        var body = await ResolveAsync("14.1", "RrAmbiguous", Resolve(["carol", "Al"], Certificates(2)));

        var responses = body.Elements(Page.Response).ToList();
        responses[0].ValueOf(Page.Status).ShouldBe("1");
        responses[0].Element(Page.Recipient)!.ValueOf(Page.EmailAddress).ShouldBe("carol@example.com");
        responses[1].ValueOf(Page.Status).ShouldBe("2");
        responses[1].ValueOf(Page.RecipientCount).ShouldBe("3");
        var suggestions = responses[1].Elements(Page.Recipient).ToList();
        suggestions.Select(r => r.ValueOf(Page.DisplayName)).ShouldBe(["Alfred Ng", "Alice Smith", "Alina Smythe"]);
        suggestions.ShouldAllBe(r => r.Element(Page.Certificates) == null);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_100_MaxAmbiguousRecipients_limits_the_suggestions_to_a_partial_list_status_3_and_RecipientCount_counts_them_all()
    {
        var body = await ResolveAsync("14.0", "RrMaxAmb", Resolve(["Dana", "Al"], MaxAmbiguous(2)));

        var responses = body.Elements(Page.Response).ToList();
        (responses[0].ValueOf(Page.Status), responses[0].ValueOf(Page.RecipientCount)).ShouldBe(("3", "5"));
        responses[0].Elements(Page.Recipient).Select(r => r.ValueOf(Page.DisplayName)).ShouldBe(["Dana 1", "Dana 2"]);
        (responses[1].ValueOf(Page.Status), responses[1].ValueOf(Page.RecipientCount)).ShouldBe(("3", "3"));
        var none = await ResolveAsync("14.0", "RrMaxAmb0", Resolve(["Dana"], MaxAmbiguous(0)));
        (none.Element(Page.Response)!.ValueOf(Page.Status), none.Element(Page.Response)!.Elements(Page.Recipient).Count()).ShouldBe(("3", 0));
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_12_an_unknown_name_and_an_address_outside_the_directory_are_status_4()
    {
        var body = await ResolveAsync("12.1", "RrUnknown", Resolve(["Zebedee", "someone@elsewhere.example", "Al*(", "*"]));

        body.ValueOf(Page.Status).ShouldBe("1");
        var responses = body.Elements(Page.Response).ToList();
        responses.Select(r => r.ValueOf(Page.To)).ShouldBe(["Zebedee", "someone@elsewhere.example", "Al*(", "*"]);
        responses.ShouldAllBe(r => r.ValueOf(Page.Status) == "4" && r.Element(Page.Recipient) == null);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_19_1_CertificateRetrieval_2_returns_every_full_certificate_with_its_count()
    {
        var body = await ResolveAsync("14.1", "RrFull", Resolve(["bob@example.com", "carol@example.com"], Certificates(2)));

        var responses = body.Elements(Page.Response).ToList();
        var bob = responses[0].Element(Page.Recipient)!.Element(Page.Certificates)!;
        (bob.ValueOf(Page.Status), bob.ValueOf(Page.CertificateCount), bob.ValueOf(Page.RecipientCount)).ShouldBe(("1", "2", "1"));
        bob.Elements(Page.Certificate).Select(c => Convert.FromBase64String(c.Text)).ShouldBe(GalDirectory.BobCertificates, ignoreOrder: true);
        bob.Element(Page.MiniCertificate).ShouldBeNull();
        var carol = responses[1].Element(Page.Recipient)!.Element(Page.Certificates)!;
        carol.ValueOf(Page.Status).ShouldBe("7");
        carol.Element(Page.Certificate).ShouldBeNull();
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_112_CertificateRetrieval_3_returns_one_mini_certificate()
    {
        var body = await ResolveAsync("14.1", "RrMini", Resolve(["alice@example.com"], Certificates(3)));

        var certificates = body.Element(Page.Response)!.Element(Page.Recipient)!.Element(Page.Certificates)!;
        certificates.ValueOf(Page.Status).ShouldBe("1");
        Convert.FromBase64String(certificates.ValueOf(Page.MiniCertificate)!).ShouldBe(GalDirectory.AliceCertificate);
        certificates.Element(Page.Certificate).ShouldBeNull();
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_101_MaxCertificates_reached_is_status_8_with_the_count_left_out()
    {
        var body = await ResolveAsync("14.1", "RrMaxCert", Resolve(["alice@example.com", "bob@example.com"], Certificates(2), MaxCertificates(2)));

        var responses = body.Elements(Page.Response).ToList();
        responses[0].Element(Page.Recipient)!.Element(Page.Certificates)!.ValueOf(Page.Status).ShouldBe("1");
        var bob = responses[1].Element(Page.Recipient)!.Element(Page.Certificates)!;
        (bob.ValueOf(Page.Status), bob.ValueOf(Page.CertificateCount)).ShouldBe(("8", "2"));
        bob.Element(Page.Certificate).ShouldBeNull();
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_135_2_pictures_in_14_1_honour_MaxSize_and_MaxPictures()
    {
        var body = await ResolveAsync("14.1", "RrPicture", Resolve(["Al", "Dana"], Picture(maxSize: 1000, maxPictures: 2)));

        var responses = body.Elements(Page.Response).ToList();
        var al = responses[0].Elements(Page.Recipient).Select(r => r.Element(Page.Picture)!).ToList();
        al.Select(p => p.ValueOf(Page.Status)).ShouldBe(["173", "174", "1"]);
        al[2].Element(Page.Data)!.ValueKind.ShouldBe(WbxmlValueKind.Opaque);
        al[2].Element(Page.Data)!.RawValue.ToArray().ShouldBe(GalDirectory.AlinaPhoto);
        responses[1].Elements(Page.Recipient).Select(r => r.Element(Page.Picture)!.ValueOf(Page.Status)).ShouldBe(["1", "1", "175", "175", "175"]);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_135_2_Picture_does_not_exist_before_14_1_and_is_a_protocol_error_status_5()
    {
        var body = await ResolveAsync("14.0", "RrPicture140", Resolve(["alice@example.com"], Picture()));

        body.ValueOf(Page.Status).ShouldBe("5");
        body.Element(Page.Response).ShouldBeNull();
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_16_availability_of_a_resolved_recipient_is_status_163_until_a_calendar_exists()
    {
        var body = await ResolveAsync("14.1", "RrAvail", Resolve(["alice@example.com", "Al"], Availability("2026-12-07T08:00:00.000Z", "2026-12-07T18:00:00.000Z")));

        var responses = body.Elements(Page.Response).ToList();
        var availability = responses[0].Element(Page.Recipient)!.Element(Page.Availability)!;
        availability.ValueOf(Page.Status).ShouldBe("163");
        availability.Element(Page.MergedFreeBusy).ShouldBeNull();
        responses[1].Elements(Page.Recipient).ShouldAllBe(r => r.Element(Page.Availability) == null);
    }

    [Theory]
    [InlineData("2026-12-07T08:00:00.000Z", "2026-12-07T08:20:00.000Z")]
    [InlineData("2026-12-07T08:00:00.000Z", "2027-01-30T08:00:00.000Z")]
    [InlineData("next Monday", null)]
    public async Task MS_ASCMD_2_2_3_61_1_an_availability_span_out_of_limits_is_status_5(string start, string? end)
    {
        var body = await ResolveAsync("14.1", "RrSpan", Resolve(["alice@example.com"], Availability(start, end)));

        body.ValueOf(Page.Status).ShouldBe("5");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_183_more_than_100_To_elements_are_status_5()
    {
        var body = await ResolveAsync("14.1", "Rr101", Resolve(Enumerable.Range(0, 101).Select(i => $"r{i}")));

        body.ValueOf(Page.Status).ShouldBe("5");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_12_a_directory_that_cannot_be_reached_is_status_6_retry()
    {
        await using var down = await GalDirectory.StartAsync();
        await using var server = await ServerInstance.StartAsync(dovecot, null, down.ServerArgs(timeoutSeconds: 2));
        await down.Slapd.StopAsync();
        var phone = server.Phone(_user.Address, _user.Password, "RrDown", "14.1");
        await phone.ProvisionAsync();

        var clock = Stopwatch.StartNew();
        var response = await phone.PostAsync("ResolveRecipients", Resolve(["alice@example.com"]));

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Body!.ValueOf(Page.Status).ShouldBe("6");
        response.Body.Element(Page.Response).ShouldBeNull();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task OPTIONS_advertises_ResolveRecipients()
    {
        var options = await _server.Phone(_user.Address, _user.Password, "RrOptions", "14.1").OptionsAsync();

        options.Headers.GetValues("MS-ASProtocolCommands").Single().Split(',').ShouldContain("ResolveRecipients");
    }

    private async Task<WbxmlElement> ResolveAsync(string version, string device, WbxmlElement request)
    {
        var phone = _server.Phone(_user.Address, _user.Password, device, version);
        await phone.ProvisionAsync();
        var response = await phone.PostAsync("ResolveRecipients", request);
        response.Status.ShouldBe(HttpStatusCode.OK);
        return response.Body!;
    }
}

/// <summary>One slapd and one server on it for all of <see cref="ResolveRecipientsTests"/>.</summary>
public sealed class GalServerFixture(DovecotFixture dovecot) : IAsyncLifetime
{
    private GalDirectory _gal = null!;

    internal ServerInstance Server { get; private set; } = null!;

    internal MailboxUser User { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _gal = await GalDirectory.StartAsync();
        Server = await ServerInstance.StartAsync(dovecot, null, _gal.ServerArgs());
        User = MailboxUser.Create(dovecot, "resolve");
    }

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
        if (_gal is not null) await _gal.DisposeAsync();
    }
}
