using System.Net;
using Eas.Host.Auth;
using Microsoft.AspNetCore.Http;

namespace Eas.Host.Tests.Auth;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", null, new string[0], "203.0.113.7")]
    [InlineData("203.0.113.7", "198.51.100.1", new string[0], "203.0.113.7")]
    [InlineData("10.0.0.5", "198.51.100.1", new[] { "10.0.0.5" }, "198.51.100.1")]
    [InlineData("10.0.0.5", "192.0.2.9, 198.51.100.1, 10.0.0.6", new[] { "10.0.0.5", "10.0.0.6" }, "198.51.100.1")]
    [InlineData("10.0.0.5", "not-an-address", new[] { "10.0.0.5" }, "10.0.0.5")]
    [InlineData("10.0.0.5", null, new[] { "10.0.0.5" }, "10.0.0.5")]
    [InlineData("::ffff:203.0.113.7", null, new string[0], "203.0.113.7")]
    public void X_Forwarded_For_counts_only_from_a_trusted_proxy(string peer, string? forwarded, string[] trusted, string expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwarded is not null) context.Request.Headers["X-Forwarded-For"] = forwarded;

        ClientAddress.Of(context, trusted).ShouldBe(expected);
    }
}
