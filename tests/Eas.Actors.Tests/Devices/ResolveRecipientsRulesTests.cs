using Eas.Actors.Devices;
using Eas.Mail.Gal;
using Eas.Wire.Commands.ResolveRecipients;
using Eas.Wire.Http;

namespace Eas.Actors.Tests.Devices;

/// <summary>How GAL matches become a ResolveRecipients Response (MS-ASCMD 2.2.1.15), without a directory.</summary>
public sealed class ResolveRecipientsRulesTests
{
    private static readonly GalEntry Alice = new("Alice Smith", "alice@example.com") { Certificates = [[0x30, 1]], Picture = [1, 2, 3] };
    private static readonly GalEntry Alina = new("Alina Smythe", "alina@example.com");

    [Fact]
    public void MS_ASCMD_2_2_3_177_12_an_exact_address_resolves_even_among_other_matches()
    {
        var left = int.MaxValue;
        var options = new ResolveRecipientsOptions { CertificateRetrieval = CertificateRetrieval.Full };

        ResolveRecipientsRules.Returned("ALICE@example.com", [Alice, Alina], options).ShouldBe(1);
        var result = ResolveRecipientsRules.Answer("ALICE@example.com", [Alice, Alina], [Alice], options, ProtocolVersion.V141, ref left);

        (result.Status, result.RecipientCount).ShouldBe((ResolveRecipientsResponseStatus.Resolved, 1));
        result.Recipients.Single().Certificates!.Status.ShouldBe(CertificatesStatus.Success);
        left.ShouldBe(int.MaxValue - 1);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_100_suggestions_are_cut_to_MaxAmbiguousRecipients_and_carry_no_certificates_or_availability()
    {
        var left = 10;
        var options = new ResolveRecipientsOptions
        {
            MaxAmbiguousRecipients = 1,
            CertificateRetrieval = CertificateRetrieval.Full,
            Availability = new AvailabilityRequest(DateTime.UtcNow, DateTime.UtcNow.AddHours(1)),
        };

        var result = ResolveRecipientsRules.Answer("Ali", [Alice, Alina], [Alice], options, ProtocolVersion.V141, ref left);

        (result.Status, result.RecipientCount).ShouldBe((ResolveRecipientsResponseStatus.AmbiguousPartial, 2));
        result.Recipients.Single().Certificates.ShouldBeNull();
        result.Recipients.Single().Availability.ShouldBeNull();
        left.ShouldBe(10);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_16_availability_is_163_and_pictures_exist_only_from_14_1()
    {
        var left = 0;
        var options = new ResolveRecipientsOptions
        {
            Availability = new AvailabilityRequest(DateTime.UtcNow, DateTime.UtcNow.AddHours(1)),
            Picture = new PictureRequest(null, null),
        };

        var v141 = ResolveRecipientsRules.Answer("alice@example.com", [Alice], [Alice], options, ProtocolVersion.V141, ref left).Recipients.Single();
        var v140 = ResolveRecipientsRules.Answer("alice@example.com", [Alice], [Alice], options, ProtocolVersion.V140, ref left).Recipients.Single();

        v141.Availability!.Status.ShouldBe(AvailabilityStatus.NotRetrieved);
        v141.Picture!.Data.ShouldBe(Alice.Picture);
        v140.Picture.ShouldBeNull();
        ResolveRecipientsRules.BinariesFor(options, ProtocolVersion.V140).WithPictures.ShouldBeFalse();
    }

    [Fact]
    public void No_match_is_status_4_with_nothing_else()
    {
        var left = 0;

        var result = ResolveRecipientsRules.Answer("x@elsewhere.example", [], [], new ResolveRecipientsOptions(), ProtocolVersion.V141, ref left);

        (result.Status, result.RecipientCount, result.Recipients.Length).ShouldBe((ResolveRecipientsResponseStatus.Unresolved, null, 0));
    }
}
