using Eas.Integration.Tests.Support.Schema;
using static Eas.Wire.Tests.Schema.SchemaCase;

namespace Eas.Wire.Tests.Schema;

/// <summary>The ResolveRecipients response schema (MS-ASCMD 6.32), conforming and broken.</summary>
public sealed class ResolveRecipientsResponseSchemaTests
{
    [Fact]
    public void MS_ASCMD_6_32_a_response_is_to_status_count_and_recipients_in_order()
    {
        Conforms("ResolveRecipients", """<ResolveRecipients xmlns="ResolveRecipients:"><Status>6</Status></ResolveRecipients>""");
        Conforms("ResolveRecipients", """
            <ResolveRecipients xmlns="ResolveRecipients:"><Status>1</Status><Response><To>a</To><Status>1</Status><RecipientCount>1</RecipientCount>
            <Recipient><Type>1</Type><DisplayName>A</DisplayName><EmailAddress>a@example.com</EmailAddress><Availability><Status>163</Status></Availability>
            <Certificates><Status>1</Status><CertificateCount>1</CertificateCount><RecipientCount>1</RecipientCount><MiniCertificate>AA==</MiniCertificate></Certificates>
            <Picture><Status>173</Status></Picture></Recipient></Response><Response><To>b</To><Status>4</Status></Response></ResolveRecipients>
            """);
        Breaks("ResolveRecipients", """<ResolveRecipients xmlns="ResolveRecipients:"><Status>1</Status><Response><Status>4</Status><To>b</To></Response></ResolveRecipients>""",
            SchemaViolationKind.Missing, "ResolveRecipients/Response");
        Breaks("ResolveRecipients", """
            <ResolveRecipients xmlns="ResolveRecipients:"><Status>1</Status><Response><To>a</To><Status>1</Status>
            <Recipient><Type>1</Type><DisplayName>A</DisplayName><EmailAddress>a@example.com</EmailAddress><Picture><Status>173</Status></Picture>
            <Certificates><Status>7</Status></Certificates></Recipient></Response></ResolveRecipients>
            """, SchemaViolationKind.WrongOrder, "ResolveRecipients/Response/Recipient");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_23_1_certificates_are_full_or_one_mini_never_both()
    {
        Conforms("ResolveRecipients", """
            <ResolveRecipients xmlns="ResolveRecipients:"><Status>1</Status><Response><To>a</To><Status>1</Status>
            <Recipient><Type>1</Type><DisplayName>A</DisplayName><EmailAddress>a@example.com</EmailAddress>
            <Certificates><Status>1</Status><Certificate>AA==</Certificate><Certificate>AQ==</Certificate></Certificates></Recipient></Response></ResolveRecipients>
            """);
        Breaks("ResolveRecipients", """
            <ResolveRecipients xmlns="ResolveRecipients:"><Status>1</Status><Response><To>a</To><Status>1</Status>
            <Recipient><Type>1</Type><DisplayName>A</DisplayName><EmailAddress>a@example.com</EmailAddress>
            <Certificates><Status>1</Status><Certificate>AA==</Certificate><MiniCertificate>AQ==</MiniCertificate></Certificates></Recipient></Response></ResolveRecipients>
            """, SchemaViolationKind.WrongOrder, "ResolveRecipients/Response/Recipient/Certificates");
    }
}
