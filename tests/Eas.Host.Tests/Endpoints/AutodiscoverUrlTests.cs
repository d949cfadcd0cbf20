using Eas.Host.Endpoints;
using Microsoft.AspNetCore.Http;

namespace Eas.Host.Tests.Endpoints;

/// <summary>The MobileSync Server Url Autodiscover hands a phone (MS-ASCMD 2.2.1.1): <c>Eas:PublicUrl</c>, else https and the request's Host.</summary>
public sealed class AutodiscoverUrlTests
{
    private static HttpRequest RequestTo(string host)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);
        return context.Request;
    }

    [Theory]
    [InlineData("https://eas.example.test/", "https://eas.example.test/Microsoft-Server-ActiveSync")]
    [InlineData("https://eas.example.test", "https://eas.example.test/Microsoft-Server-ActiveSync")]
    [InlineData("  https://eas.example.test:8443/ ", "https://eas.example.test:8443/Microsoft-Server-ActiveSync")]
    [InlineData("https://example.test/mail/", "https://example.test/mail/Microsoft-Server-ActiveSync")]
    public void MS_ASCMD_2_2_1_1_a_configured_public_url_is_the_base_whatever_host_the_phone_used(string publicUrl, string expected) =>
        AutodiscoverEndpoint.ActiveSyncUrl(publicUrl, RequestTo("10.0.0.5:8080")).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void MS_ASCMD_2_2_1_1_without_a_public_url_the_phone_is_sent_to_https_and_the_host_it_used(string publicUrl) =>
        AutodiscoverEndpoint.ActiveSyncUrl(publicUrl, RequestTo("mail.ox.io:8443")).ShouldBe("https://mail.ox.io:8443/Microsoft-Server-ActiveSync");
}
