using Eas.Wire.Commands;
using Eas.Wire.Commands.ResolveRecipients;
using Eas.Wire.Http;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

/// <summary>ResolveRecipients requests (MS-ASCMD 2.2.1.15) and their refusals.</summary>
public sealed class ResolveRecipientsTests
{
    [Fact]
    public void Every_option_is_read()
    {
        var request = ResolveRecipientsRequest.Parse(CommandCorpus.Get("ResolveRecipients", "request-14.1-options.xml").Tree(), V141);

        request.To.ShouldBe(["alice@example.com", "Ali"]);
        request.Options.ShouldBe(new ResolveRecipientsOptions
        {
            CertificateRetrieval = CertificateRetrieval.Full,
            MaxCertificates = 50,
            MaxAmbiguousRecipients = 3,
            Availability = new AvailabilityRequest(new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 7, 18, 0, 0, DateTimeKind.Utc)),
            Picture = new PictureRequest(10240, 2),
        });
    }

    [Fact]
    public void Options_may_come_first_and_default_to_no_certificates()
    {
        var plain = ResolveRecipientsRequest.Parse(Xml("<ResolveRecipients xmlns=\"ResolveRecipients:\"><To>a</To></ResolveRecipients>"), V121);
        var mini = ResolveRecipientsRequest.Parse(CommandCorpus.Get("ResolveRecipients", "request-12.1-mini.xml").Tree(), V121);

        plain.Options.ShouldBe(new ResolveRecipientsOptions());
        mini.Options.CertificateRetrieval.ShouldBe(CertificateRetrieval.Mini);
        mini.To.ShouldBe(["Lan Nguyen"]);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_61_1_an_EndTime_left_out_is_seven_days_after_StartTime()
    {
        var request = ResolveRecipientsRequest.Parse(Xml(
            "<ResolveRecipients xmlns=\"ResolveRecipients:\"><To>a</To><Options><Availability><StartTime>2026-12-07T08:00:00.000Z</StartTime></Availability></Options></ResolveRecipients>"), V140);

        request.Options.Availability!.EndTime.ShouldBe(new DateTime(2026, 12, 14, 8, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("<ResolveRecipients xmlns=\"ResolveRecipients:\"/>", "ResolveRecipients:To")]
    [InlineData("<ResolveRecipients xmlns=\"ResolveRecipients:\"><To></To></ResolveRecipients>", "ResolveRecipients:To")]
    [InlineData("<ResolveRecipients xmlns=\"ResolveRecipients:\"><To>a</To><Options><CertificateRetrieval>4</CertificateRetrieval></Options></ResolveRecipients>", "ResolveRecipients:CertificateRetrieval")]
    [InlineData("<ResolveRecipients xmlns=\"ResolveRecipients:\"><To>a</To><Options><MaxAmbiguousRecipients>10000</MaxAmbiguousRecipients></Options></ResolveRecipients>", "ResolveRecipients:MaxAmbiguousRecipients")]
    [InlineData("<ResolveRecipients xmlns=\"ResolveRecipients:\"><To>a</To><Options><Availability><EndTime>2026-12-07T08:00:00.000Z</EndTime></Availability></Options></ResolveRecipients>", "ResolveRecipients:StartTime")]
    [InlineData("<ResolveRecipients xmlns=\"ResolveRecipients:\"><To>a</To><Options><Availability><StartTime>2026-12-07T08:00:00.000Z</StartTime><EndTime>2026-12-07T08:10:00.000Z</EndTime></Availability></Options></ResolveRecipients>", "ResolveRecipients:EndTime")]
    [InlineData("<ResolveRecipients xmlns=\"ResolveRecipients:\"><To>a</To><Options><Availability><StartTime>2026-12-07T08:00:00.000Z</StartTime><EndTime>2027-02-07T08:00:00.000Z</EndTime></Availability></Options></ResolveRecipients>", "ResolveRecipients:EndTime")]
    [InlineData("<ResolveRecipients xmlns=\"ResolveRecipients:\"><To>a</To><Options><Availability><StartTime>tomorrow</StartTime></Availability></Options></ResolveRecipients>", "ResolveRecipients:StartTime")]
    [InlineData("<ResolveRecipients xmlns=\"ResolveRecipients:\"><To>a</To><Options><Picture><MaxSize>-1</MaxSize></Picture></Options></ResolveRecipients>", "ResolveRecipients:MaxSize")]
    [InlineData("<ResolveRecipients xmlns=\"ResolveRecipients:\"><To>a</To><Options/><Options/></ResolveRecipients>", "ResolveRecipients:Options")]
    [InlineData("<ResolveRecipients xmlns=\"ResolveRecipients:\"><To>a</To><Response/></ResolveRecipients>", "ResolveRecipients:Response")]
    public void Malformed_requests_name_the_element(string xml, string element) =>
        Rejects(() => ResolveRecipientsRequest.Parse(Xml(xml), V141), element);

    [Fact]
    public void MS_ASCMD_2_2_3_183_more_than_100_To_elements_are_a_protocol_error()
    {
        var tos = string.Concat(Enumerable.Range(0, 101).Select(i => $"<To>r{i}</To>"));

        Rejects(() => ResolveRecipientsRequest.Parse(Xml($"<ResolveRecipients xmlns=\"ResolveRecipients:\">{tos}</ResolveRecipients>"), V141), "ResolveRecipients:To");
        ProtocolErrorStatus.For(EasCommand.ResolveRecipients, ProtocolVersion.V121).ShouldBe((int)ResolveRecipientsStatus.ProtocolError);
    }

    [Fact]
    public void A_To_of_more_than_256_characters_is_refused() =>
        Rejects(() => ResolveRecipientsRequest.Parse(Xml($"<ResolveRecipients xmlns=\"ResolveRecipients:\"><To>{new string('a', 257)}</To></ResolveRecipients>"), V141), "ResolveRecipients:To");

    [Theory]
    [InlineData("<Availability><StartTime>2026-12-07T08:00:00.000Z</StartTime></Availability>", "12.1", "ResolveRecipients:Availability")]
    [InlineData("<Picture/>", "14.0", "ResolveRecipients:Picture")]
    public void Elements_of_later_versions_are_refused_before_them(string option, string version, string element) =>
        Rejects(() => ResolveRecipientsRequest.Parse(Xml($"<ResolveRecipients xmlns=\"ResolveRecipients:\"><To>a</To><Options>{option}</Options></ResolveRecipients>"), Version(version)), element);
}
